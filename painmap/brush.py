"""The brush: pixels of capsules (discs swept along segments), as row spans, and the boxes they may touch.

A pixel belongs to a capsule when its centre lies within `radius` of the segment. Every span is computed from
its segment alone, so a stroke is exactly the union of its segments however they are batched.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from painmap.errors import PainmapError
from painmap.grid import MAX_COORDINATE, DirtyRect, Grid, clamp

__all__ = [
    "MAX_INTENSITY",
    "as_points",
    "capsule",
    "capsule_spans",
    "check_intensity",
    "check_radius",
    "flat_boxes",
    "flat_segments",
    "many_points",
    "polyline_segments",
    "spans_mask",
    "stack_masks",
    "stroke_boxes",
    "stroke_rect",
    "union_mask",
]

MAX_INTENSITY = 10
_FLAT_ROWS = 1 << 16  # capsule_spans computes about this many rows per flat pass (bounds its work arrays)


def capsule(xs: np.ndarray, ys: np.ndarray, p0: Sequence[float], p1: Sequence[float], radius: float) -> np.ndarray:
    """Bool (len(ys), len(xs)): pixel centres within `radius` of the segment p0-p1 (a disc when p0 == p1).

    The brush's definition by distance; the brush itself uses `capsule_spans`, which gives the same pixels up to
    floating-point ties and is exact under batching and mirroring (tests compare the two).
    """
    x0, y0 = float(p0[0]), float(p0[1])
    dx, dy = float(p1[0]) - x0, float(p1[1]) - y0
    ax = (xs - x0)[None, :]
    ay = (ys - y0)[:, None]
    length2 = dx * dx + dy * dy
    if length2 > 0.0:
        t = np.clip((ax * dx + ay * dy) / length2, 0.0, 1.0)
        ax = ax - t * dx
        ay = ay - t * dy
    return ax * ax + ay * ay <= radius * radius


def check_radius(radius: float) -> float:
    radius = float(radius)
    if not (math.isfinite(radius) and radius > 0):
        raise PainmapError(f"brush radius must be a positive number of mm, not {radius}")
    return radius


def check_intensity(intensity: int) -> int:
    if isinstance(intensity, bool) or int(intensity) != intensity or not 1 <= intensity <= MAX_INTENSITY:
        raise PainmapError(f"intensity must be a whole number from 1 to {MAX_INTENSITY}, not {intensity!r}")
    return int(intensity)


def as_points(points) -> np.ndarray:
    """(n, 2) float array of finite points, n >= 1."""
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) == 0:
        raise PainmapError("a stroke needs at least one [x, y] point")
    if not (np.isfinite(pts).all() and np.abs(pts).max() <= MAX_COORDINATE):
        raise PainmapError(f"stroke points must be finite numbers within ±{MAX_COORDINATE:g} mm")
    return pts


def many_points(items: Sequence[tuple[object, float, int]]) -> list[tuple[np.ndarray, float]]:
    """(points array, radius) of many brush marks, converted and checked in one pass when they are well formed."""
    lengths = [len(points) for points, _, _ in items]  # type: ignore[arg-type]
    if len(items) > 1 and min(lengths) > 0:
        try:
            flat = np.array([xy for points, _, _ in items for xy in points], dtype=np.float64)  # type: ignore[union-attr]
        except (TypeError, ValueError):
            flat = None
        if flat is not None and flat.ndim == 2 and flat.shape[1] == 2:
            as_points(flat)  # finite and in range
            parts = np.split(flat, np.cumsum(lengths)[:-1])
            return [(pts, check_radius(radius)) for pts, (_, radius, _) in zip(parts, items, strict=True)]
    return [(as_points(points), check_radius(radius)) for points, radius, _ in items]


def stroke_rect(grid: Grid, points: np.ndarray, radius: float) -> DirtyRect:
    """The pixels a polyline of discs may touch (the union of its segments' boxes)."""
    lo, hi = points.min(axis=0), points.max(axis=0)
    return grid.box(lo[0] - radius, lo[1] - radius, hi[0] + radius, hi[1] + radius)


def stroke_boxes(grid: Grid, strokes: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, ...]:
    """`stroke_rect` of many strokes at once (the same numbers), as int arrays x0, y0, x1, y1."""
    points = np.concatenate([pts for pts, _ in strokes])
    starts = np.cumsum([0] + [len(pts) for pts, _ in strokes[:-1]])
    lo, hi = np.minimum.reduceat(points, starts), np.maximum.reduceat(points, starts)
    r = np.array([radius for _, radius in strokes])
    return grid.boxes(lo[:, 0] - r, lo[:, 1] - r, hi[:, 0] + r, hi[:, 1] + r)


def flat_boxes(grid: Grid, points: np.ndarray, lengths: np.ndarray, radii: np.ndarray) -> tuple[np.ndarray, ...]:
    """`stroke_boxes` of strokes given as in `flat_segments` (the same numbers)."""
    starts = np.cumsum(lengths) - lengths
    lo, hi = np.minimum.reduceat(points, starts), np.maximum.reduceat(points, starts)
    return grid.boxes(lo[:, 0] - radii, lo[:, 1] - radii, hi[:, 0] + radii, hi[:, 1] + radii)


def polyline_segments(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Segment starts and ends of a polyline; one point is one zero-length segment (a disc)."""
    if len(points) == 1:
        return points, points
    return points[:-1], points[1:]


def capsule_spans(
    grid: Grid, a: np.ndarray, b: np.ndarray, radius: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Row spans of the capsules a[k]-b[k] (radius[k]): arrays (row, first column, end column, k), by segment.

    A pixel belongs to a capsule when its centre lies in the capsule's closed horizontal slice at the pixel's
    row. The slice's ends come from the two end discs and the two long sides. Every span is computed on its own
    from its segment alone, so a stroke is exactly the union of its segments however they are batched, and a
    mirrored segment gives mirrored spans (the slice is closed at both ends). All rows of all segments are
    computed in a few flat numpy passes (pieces of about `_FLAT_ROWS` rows), whatever the number of segments.
    """
    r = np.broadcast_to(np.asarray(radius, dtype=np.float64), (len(a),))
    with np.errstate(all="ignore"):
        ymin, ymax = np.minimum(a[:, 1], b[:, 1]) - r, np.maximum(a[:, 1], b[:, 1]) + r
        i0 = clamp(np.floor(ymin * grid.sy - 0.5), 0, grid.rows).astype(np.int64)
        i1 = clamp(np.ceil(ymax * grid.sy - 0.5) + 1, 0, grid.rows).astype(np.int64)
    counts = np.maximum(i1 - i0, 0)
    total = int(counts.sum())
    starts = np.cumsum(counts) - counts
    seg = np.repeat(np.arange(len(a)), counts)
    row = np.repeat(i0 - starts, counts) + np.arange(total)
    left = np.empty(total)
    right = np.empty(total)
    y = (row + 0.5) / grid.sy
    per_segment = _segment_terms(a, b, r)
    # flat passes over all rows of all segments (few numpy calls), in pieces of whole segments to bound memory
    ends = np.searchsorted(np.cumsum(counts), np.arange(step := max(_FLAT_ROWS, 1), total, step), side="left").tolist()
    first = 0
    for last in [*ends, len(a)]:
        if last > first:
            lo, hi = int(starts[first]), int(starts[last - 1] + counts[last - 1])
            part = counts[first:last]
            terms = [np.repeat(v[first:last], part) for v in per_segment]
            _slices(y[lo:hi], *terms, left=left[lo:hi], right=right[lo:hi])
            first = last
    with np.errstate(all="ignore"):  # the columns of every row at once; a missed row's (NaN) are dropped by `keep`
        c0 = clamp(np.ceil(left * grid.sx - 0.5), 0, grid.cols).astype(np.int64)
        c1 = clamp(np.floor(right * grid.sx - 0.5) + 1, 0, grid.cols).astype(np.int64)
        keep = left <= right
    keep &= c1 > c0
    return row[keep], c0[keep], c1[keep], seg[keep]


def _segment_terms(a: np.ndarray, b: np.ndarray, r: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per segment: ax, ay, bx, by, r * r, dx, 1 / dy (NaN when not slanted) and the normal scaled by r (nx, ny).

    A horizontal capsule's slices are spanned by its end discs: its sides get 1 / dy = NaN (never a candidate).
    """
    ax, ay, bx, by = a[:, 0], a[:, 1], b[:, 0], b[:, 1]
    with np.errstate(all="ignore"):
        dx, dy = bx - ax, by - ay
        length = np.sqrt(dx * dx + dy * dy)
        slanted = (dy != 0) & (length > 0)
        inv = np.where(slanted, 1.0 / dy, np.nan)
        nx = np.where(slanted, -dy / length * r, 0.0)
        ny = np.where(slanted, dx / length * r, 0.0)
    return ax, ay, bx, by, r * r, dx, inv, nx, ny


def _slices(y, ax, ay, bx, by, r2, dx, inv, nx, ny, *, left: np.ndarray, right: np.ndarray) -> None:
    """Slice ends (mm) of capsules at row centres y, into left and right; NaN or left > right where a row misses.

    Flat arrays, one element per (segment, row), with the segment's `_segment_terms` repeated along its rows.
    """
    with np.errstate(all="ignore"):  # NaN marks "no candidate"; fmin/fmax skip it
        d0 = y - ay
        h0 = d0 * d0
        np.subtract(r2, h0, out=h0)
        np.sqrt(h0, out=h0)  # NaN off the disc
        h1 = y - by
        np.multiply(h1, h1, out=h1)
        np.subtract(r2, h1, out=h1)
        np.sqrt(h1, out=h1)
        np.fmin(ax - h0, bx - h1, out=left)
        np.add(ax, h0, out=h0)
        np.add(bx, h1, out=h1)
        np.fmax(h0, h1, out=right)
        for sign in (1.0, -1.0):  # the two long sides: t = (d0 -+ ny) / dy on the segment, x = ax + t dx +- nx
            t = d0 - ny if sign > 0 else d0 + ny
            np.multiply(t, inv, out=t)
            on = (t >= 0.0) & (t <= 1.0)
            np.multiply(t, dx, out=t)
            np.add(ax, t, out=t)
            (np.add if sign > 0 else np.subtract)(t, nx, out=t)  # t - nx is t + (-nx), bit for bit
            np.fmin(left, t, out=left, where=on)
            np.fmax(right, t, out=right, where=on)


def spans_mask(rows: np.ndarray, c0: np.ndarray, c1: np.ndarray, rect: DirtyRect) -> np.ndarray:
    """Bool mask of rect's shape covering the union of the spans (which must lie inside rect)."""
    h, w = rect.height, rect.width
    base = (rows - rect.y0) * (w + 1)
    size = h * (w + 1)
    edges = np.bincount(base + (c0 - rect.x0), minlength=size) - np.bincount(base + (c1 - rect.x0), minlength=size)
    return np.cumsum(edges.reshape(h, w + 1), axis=1)[:, :w] > 0


def _segments(strokes: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`polyline_segments` of many strokes in order: segment starts, ends, radii and the stroke of each."""
    if len(strokes) == 1:  # the app's pointer moves: one stroke of a segment or a few
        a, b = polyline_segments(strokes[0][0])
        return a, b, np.full(len(a), strokes[0][1], dtype=np.float64), np.zeros(len(a), dtype=np.int64)
    lengths = np.array([len(pts) for pts, _ in strokes])
    points = np.concatenate([pts for pts, _ in strokes])
    return flat_segments(points, lengths, np.array([radius for _, radius in strokes], dtype=np.float64))


def flat_segments(
    points: np.ndarray, lengths: np.ndarray, radii: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`_segments` of strokes given as all their points in one (n, 2) array, each stroke's number of points
    (at least 1) and radius: segment starts, ends, radii and the stroke of each."""
    owner = np.repeat(np.arange(len(lengths)), lengths)
    single = (lengths == 1)[owner]
    starts = np.ones(len(points), dtype=bool)
    starts[np.cumsum(lengths) - 1] = False  # a segment starts at every point but a stroke's last ...
    first = np.flatnonzero(starts | single)  # ... or at the only point of a one-point stroke (a disc)
    return points[first], points[first + ~single[first]], radii[owner[first]], owner[first]


def stack_masks(grid: Grid, strokes: list[tuple[np.ndarray, float]], boxes: tuple[np.ndarray, ...]) -> list[np.ndarray]:
    """The union masks of many strokes at once, each over its own box (x0, y0, x1, y1 arrays; one vectorized pass).

    Each stroke's spans are summed on a buffer of its own box, so its mask is exactly its own, whatever the others.
    """
    a, b, r, owner = _segments(strokes)
    rows, c0, c1, seg = capsule_spans(grid, a, b, r)
    mark = owner[seg]
    x0, y0, x1, y1 = boxes
    w1 = x1 - x0 + 1  # one more column per row for the spans' ends
    sizes = (y1 - y0) * w1
    offsets = np.cumsum(sizes) - sizes
    base = offsets[mark] + (rows - y0[mark]) * w1[mark] - x0[mark]
    total = int(sizes.sum())
    # every row's +1/-1 pairs cancel, so one running sum over all rows of all boxes is each row's own
    edges = np.bincount(base + c0, minlength=total)  # +1 where a span starts ...
    edges -= np.bincount(base + c1, minlength=total)  # ... -1 where it ends
    flat = np.cumsum(edges, out=edges) > 0  # the spans covering each cell, summed in place
    return [
        flat[off : off + size].reshape(h, w + 1)[:, :w]
        for off, size, h, w in zip(offsets.tolist(), sizes.tolist(), (y1 - y0).tolist(), (w1 - 1).tolist(), strict=True)
    ]


def union_mask(grid: Grid, strokes: list[tuple[np.ndarray, float]], area: DirtyRect) -> np.ndarray:
    """Bool mask over `area` (which must hold every stroke's box) of the union of the strokes: one pass.

    Painting strokes of one value one by one sets exactly the union's pixels to it, whatever their order.
    """
    a, b, r, _ = _segments(strokes)
    rows, c0, c1, _ = capsule_spans(grid, a, b, r)
    return spans_mask(rows, c0, c1, area)
