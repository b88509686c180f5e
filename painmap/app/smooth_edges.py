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


def _upscale(a, step: int):
    """Bilinear interpolation between pixel centres, `step` output pixels per input pixel (edges clamped)."""
    rows, cols = a.shape
    pos = (np.arange(step, dtype=np.float32) + 0.5) / step - 0.5  # sub-pixel offsets from a pixel centre
    f = np.where(pos < 0, pos + 1, pos).astype(np.float32)
    lo = np.where(pos < 0, -1, 0)
    ix = np.clip(np.arange(cols)[:, None] + lo[None, :], 0, cols - 1).reshape(-1)
    iy = np.clip(np.arange(rows)[:, None] + lo[None, :], 0, rows - 1).reshape(-1)
    fx, fy = np.tile(f, cols)[None, :], np.tile(f, rows)[:, None]
    jx, jy = np.minimum(ix + 1, cols - 1), np.minimum(iy + 1, rows - 1)
    across = a[:, ix] * (1 - fx) + a[:, jx] * fx
    return across[iy] * (1 - fy) + across[jy] * fy


def smooth_argb(array, step: int, table: list[int]):
    """ARGB (uint32, `step` times the patch's size) of the intensity patch `array`, with smooth edges.

    The shaded area's coverage is blurred by a 3 x 3 tent, interpolated bilinearly and its 50 % level drawn with
    a ramp one output pixel wide: edges follow the contour, not the pixel staircase. Shading thinner than the
    tent (a lone pixel, a one-pixel line) keeps its own, unblurred coverage, so nothing shaded disappears. The
    colour is the nearest pixel's; an unshaded pixel next to shading takes its neighbour's colour for the soft
    edge.
    """
    rows, cols = array.shape
    cover = (array > 0).astype(np.float32)
    blurred = _tent(cover)
    thin = cover * (blurred <= 0.5)
    level = _upscale(blurred, step)
    if thin.any():
        np.maximum(level, _upscale(thin, step), out=level)
    alpha = np.clip((level - 0.5) * step + 0.5, 0.0, 1.0)
    grown = array.copy()
    padded = np.pad(array, 1)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            np.maximum(grown, padded[dy : dy + rows, dx : dx + cols], out=grown, where=array == 0)
    colour = np.array(table, dtype=np.uint32)[np.repeat(np.repeat(grown, step, axis=0), step, axis=1)]
    a = (colour >> 24).astype(np.float32) * alpha
    return np.ascontiguousarray((colour & np.uint32(0x00FFFFFF)) | (a.astype(np.uint32) << 24))
