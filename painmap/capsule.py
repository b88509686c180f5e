"""One brush segment in plain Python: the pointer move's capsule, without the numpy passes made for many.

`segment_box` and `segment_spans` give exactly the numbers of `painmap.brush` (`stroke_rect` of the two
points, and `capsule_spans` of the one segment): the same float operations in the same order, so the pixels are
the same to the bit (tests compare them). For one segment of a few dozen rows the numpy pipeline's fixed cost
(some fifty array calls) is most of a pointer move; these scalar loops cost a few microseconds per row.
"""

from __future__ import annotations

import math

from painmap.grid import MAX_COORDINATE, DirtyRect, Grid

__all__ = ["plain_segment", "segment_box", "segment_spans"]


def plain_segment(p0, p1, radius) -> tuple[float, float, float, float, float] | None:
    """(ax, ay, bx, by, radius) as floats when the segment is well formed (finite, in range, radius > 0), else
    None: the caller then takes the general path, which says what is wrong."""
    try:
        ax, ay, bx, by, r = float(p0[0]), float(p0[1]), float(p1[0]), float(p1[1]), float(radius)
    except (TypeError, ValueError, IndexError):
        return None
    if not (math.isfinite(r) and r > 0):
        return None
    for v in (ax, ay, bx, by):
        if not (math.isfinite(v) and abs(v) <= MAX_COORDINATE):
            return None
    return ax, ay, bx, by, r


def _clamp(v: float, hi: int) -> int:
    return 0 if v < 0 else hi if v > hi else int(v)


def segment_box(grid: Grid, ax: float, ay: float, bx: float, by: float, r: float) -> DirtyRect:
    """`brush.stroke_rect` of the segment a-b (the pixels its capsule may touch)."""
    sx, sy = grid.sx, grid.sy
    x0 = _clamp(math.floor(((ax if ax < bx else bx) - r) * sx - 0.5), grid.cols)
    y0 = _clamp(math.floor(((ay if ay < by else by) - r) * sy - 0.5), grid.rows)
    x1 = max(_clamp(math.ceil(((bx if ax < bx else ax) + r) * sx - 0.5) + 1, grid.cols), x0)
    y1 = max(_clamp(math.ceil(((by if ay < by else ay) + r) * sy - 0.5) + 1, grid.rows), y0)
    return DirtyRect(grid.view, x0, y0, x1, y1, sx, sy)


def segment_spans(grid: Grid, box: DirtyRect, ax: float, ay: float, bx: float, by: float, r: float) -> list:
    """(row, first column, end column) of the capsule a-b (radius r) on each row of `box` it covers: the spans
    `brush.capsule_spans` gives for this one segment, row by row (`box` is its `segment_box`).

    Per row, the slice's ends are the min and max of the candidates of `brush._slices` (the two end discs, the
    two long sides where they reach the row); a missing candidate is skipped as np.fmin / np.fmax skip NaN.
    """
    sx, sy, cols = grid.sx, grid.sy, grid.cols
    sqrt, ceil, floor = math.sqrt, math.ceil, math.floor
    # brush._segment_terms
    dx, dy = bx - ax, by - ay
    length = sqrt(dx * dx + dy * dy)
    slanted = dy != 0 and length > 0
    inv = 1.0 / dy if slanted else 0.0
    nx = -dy / length * r if slanted else 0.0
    ny = dx / length * r if slanted else 0.0
    r2 = r * r
    out = []
    for row in range(box.y0, box.y1):
        y = (row + 0.5) / sy
        d0 = y - ay
        q0 = r2 - d0 * d0
        d1 = y - by
        q1 = r2 - d1 * d1
        left = right = None
        if q0 >= 0:  # the disc at a reaches the row
            h = sqrt(q0)
            left, right = ax - h, ax + h
        if q1 >= 0:  # the disc at b
            h = sqrt(q1)
            if left is None:
                left, right = bx - h, bx + h
            else:
                if bx - h < left:
                    left = bx - h
                if bx + h > right:
                    right = bx + h
        if slanted:  # the two long sides: t = (d0 -+ ny) / dy on the segment, x = ax + t dx +- nx
            t = (d0 - ny) * inv
            if 0.0 <= t <= 1.0:
                x = ax + t * dx + nx
                if left is None:
                    left = right = x
                elif x < left:
                    left = x
                elif x > right:
                    right = x
            t = (d0 + ny) * inv
            if 0.0 <= t <= 1.0:
                x = ax + t * dx + -nx
                if left is None:
                    left = right = x
                elif x < left:
                    left = x
                elif x > right:
                    right = x
        if left is None or not left <= right:  # the row misses
            continue
        c0 = ceil(left * sx - 0.5)
        c1 = floor(right * sx - 0.5) + 1
        c0 = 0 if c0 < 0 else cols if c0 > cols else c0
        c1 = 0 if c1 < 0 else cols if c1 > cols else c1
        if c1 > c0:
            out.append((row, c0, c1))
    return out
