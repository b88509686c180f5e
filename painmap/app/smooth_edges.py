"""Smooth edges for the drawing on screen: the picture of a mask patch whose shading follows its contour.

Display only: the masks, and every number computed from them, stay the exact pixels (canvas_drawing.py).
"""

from __future__ import annotations

import numpy as np

__all__ = ["EDGE", "shaded_box", "smooth_argb"]

EDGE = 3  # pixels around the shading that its smooth picture may colour (tent 1, interpolation 1, one spare)


def shaded_box(array, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """(y0, y1, x0, x1): the part of `array[y0:y1, x0:x1]` that holds shading, grown by `EDGE` pixels (within
    `box`), or None if none is shaded. `smooth_argb` of it equals the whole box's picture there, and the box's
    picture is transparent outside it, so only that part needs computing."""
    y0, y1, x0, x1 = box
    patch = array[y0:y1, x0:x1]
    rows = np.flatnonzero(patch.any(axis=1))
    if not rows.size:
        return None
    cols = np.flatnonzero(patch[rows[0] : rows[-1] + 1].any(axis=0))
    return (
        y0 + max(0, int(rows[0]) - EDGE),
        y0 + min(y1 - y0, int(rows[-1]) + 1 + EDGE),
        x0 + max(0, int(cols[0]) - EDGE),
        x0 + min(x1 - x0, int(cols[-1]) + 1 + EDGE),
    )


def _tent(a):
    """3 x 3 tent blur ([1, 2, 1] / 4 on each axis), edges repeated."""
    p = np.pad(a, 1, mode="edge")
    across = (p[:, :-2] + 2 * p[:, 1:-1] + p[:, 2:]) * 0.25
    return (across[:-2] + 2 * across[1:-1] + across[2:]) * 0.25


def _weights(step: int):
    """(weight of the next pixel, offset of the first: -1 or 0) of each of the `step` sub-pixels."""
    pos = (np.arange(step, dtype=np.float32) + 0.5) / step - 0.5  # sub-pixel offsets from a pixel centre
    f = np.where(pos < 0, pos + 1, pos).astype(np.float32)
    return f, np.where(pos < 0, -1, 0)


def _interpolate(a, out, f, lo, axis: int) -> None:
    """Bilinear interpolation of `a` along `axis` into `out` (`a`'s shape with that axis followed by one of
    `step` sub-pixels): sub-pixel k of pixel i is `a[ix] * (1 - f[k]) + a[jx] * f[k]`, `ix` = i + lo[k] clamped to
    the axis, `jx` = `ix` + 1 clamped (so the first pixel's left half leans on its right neighbour)."""
    n = a.shape[axis]

    def part(i0, i1):  # a[i0:i1] along the axis
        return a[(slice(None),) * axis + (slice(i0, i1),)]

    for k in range(len(f)):
        fk = f[k]
        gk = np.float32(1) - fk
        dest = out[(slice(None),) * axis + (slice(None), k)]
        if n == 1:
            np.add(a * gk, a * fk, out=dest)
            continue
        if lo[k] < 0:  # ix = i - 1: pixels 1.. lean on the pixel before them, the first on its right neighbour
            np.add(part(0, n - 1) * gk, part(1, n) * fk, out=dest[(slice(None),) * axis + (slice(1, n),)])
            dest[(slice(None),) * axis + (slice(0, 1),)] = part(0, 1) * gk + part(1, 2) * fk
        else:  # ix = i: each pixel leans on the next one; the last on itself
            np.add(part(0, n - 1) * gk, part(1, n) * fk, out=dest[(slice(None),) * axis + (slice(0, n - 1),)])
            last = part(n - 1, n)
            dest[(slice(None),) * axis + (slice(n - 1, n),)] = last * gk + last * fk


def _upscale(a, step: int):
    """Bilinear interpolation between pixel centres, `step` output pixels per input pixel (edges clamped), as a
    (rows, step, cols, step) array: across the columns at the patch's rows, then down the rows."""
    rows, cols = a.shape
    f, lo = _weights(step)
    across = np.empty((rows, cols, step), np.float32)
    _interpolate(a, across, f, lo, 1)
    level = np.empty((rows, step, cols, step), np.float32)
    _interpolate(across, level, f, lo, 0)
    return level


def smooth_argb(array, step: int, table: list[int]):
    """ARGB (uint32, `step` times the patch's size) of the intensity patch `array`, with smooth edges.

    The shaded area's coverage is blurred by a 3 x 3 tent, interpolated bilinearly and its 50 % level drawn with
    a ramp one output pixel wide: edges follow the contour, not the pixel staircase. Shading thinner than the
    tent (a lone pixel, a one-pixel line) keeps its own, unblurred coverage, so nothing shaded disappears. The
    colour is the nearest pixel's; an unshaded pixel next to shading takes its neighbour's colour for the soft
    edge. The work at the output's size is in-place float32 arithmetic over (rows, step, cols * step).
    """
    rows, cols = array.shape
    cover = (array > 0).astype(np.float32)
    blurred = _tent(cover)
    level = _upscale(blurred, step).reshape(rows, step, cols * step)
    thin = cover * (blurred <= 0.5)
    found = np.flatnonzero(thin.any(axis=1))
    if found.size:  # its picture is 0 (no maximum to take) two pixels away from a thin pixel and beyond
        y0, y1 = max(0, found[0] - 2), min(rows, found[-1] + 3)
        found = np.flatnonzero(thin[y0:y1].any(axis=0))
        x0, x1 = max(0, found[0] - 2), min(cols, found[-1] + 3)
        part = level[y0:y1, :, x0 * step : x1 * step]
        np.maximum(part, _upscale(thin[y0:y1, x0:x1], step).reshape(part.shape), out=part)
    level -= 0.5
    level *= step
    level += 0.5
    alpha = np.clip(level, 0.0, 1.0, out=level)
    colour = np.array(table, dtype=np.uint32)[_grown(array)]
    colour = np.repeat(colour, step, axis=1)[:, None, :]
    alpha *= (colour >> 24).astype(np.float32)
    argb = alpha.astype(np.uint32)
    argb <<= 24
    argb |= colour & np.uint32(0x00FFFFFF)
    return argb.reshape(rows * step, cols * step)


def _grown(array):
    """`array` with each unshaded pixel given the highest intensity of its 3 x 3 neighbourhood."""
    padded = np.pad(array, 1)
    across = np.maximum(np.maximum(padded[:, :-2], padded[:, 1:-1]), padded[:, 2:])
    around = np.maximum(np.maximum(across[:-2], across[1:-1]), across[2:])
    return np.where(array == 0, around, array)
