"""Outlines of a pixel mask as polygons in millimetres (for learned pattern zones), traced with contourpy.

The outline runs halfway between pixel centres inside and outside the mask, so rasterizing it again (pixel
centre inside the polygon) gives back the mask's pixels. Holes are filled: a pattern zone is one closed shape.
"""

from __future__ import annotations

import numpy as np

from painmap import geometry

__all__ = [
    "MIN_ZONE_MM2",
    "mask_polygons",
]

MIN_ZONE_MM2 = 25.0  # islands smaller than this (a 5 x 5 mm square) are dropped


def _drop_collinear(ring: np.ndarray) -> np.ndarray:
    """The ring without vertices that lie on the straight line through their neighbours."""
    if len(ring) < 4:
        return ring
    prev, nxt = np.roll(ring, 1, axis=0), np.roll(ring, -1, axis=0)
    cross = (ring[:, 0] - prev[:, 0]) * (nxt[:, 1] - prev[:, 1]) - (ring[:, 1] - prev[:, 1]) * (nxt[:, 0] - prev[:, 0])
    keep = np.abs(cross) > 1e-9
    return ring[keep] if keep.sum() >= 3 else ring


def mask_polygons(mask: np.ndarray, sx: float, sy: float, min_area_mm2: float = MIN_ZONE_MM2) -> list[np.ndarray]:
    """Outer outlines (mm, (N, 2)) of the mask's connected parts of at least `min_area_mm2`, largest first.

    `sx`, `sy` are the grid's pixels per mm; pixel (row, col) has its centre at ((col + 0.5) / sx, (row + 0.5) / sy).
    """
    import contourpy

    if not mask.any():
        return []
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    r0, r1, c0, c1 = rows[0] - 1, rows[-1] + 2, cols[0] - 1, cols[-1] + 2  # one pixel of empty border
    z = np.zeros((r1 - r0, c1 - c0), dtype=np.float64)
    inner = mask[max(r0, 0) : r1, max(c0, 0) : c1]
    z[max(r0, 0) - r0 : max(r0, 0) - r0 + inner.shape[0], max(c0, 0) - c0 : max(c0, 0) - c0 + inner.shape[1]] = inner
    x = (np.arange(c0, c1, dtype=np.float64) + 0.5) / sx
    y = (np.arange(r0, r1, dtype=np.float64) + 0.5) / sy
    gen = contourpy.contour_generator(x, y, z, fill_type=contourpy.FillType.OuterOffset)
    points, offsets = gen.filled(0.5, 2.0)
    out = []
    for pts, offs in zip(points, offsets, strict=True):
        outer = geometry.as_polygon(pts[offs[0] : offs[1]])  # the rest are holes
        outer = _drop_collinear(outer)
        if len(outer) >= 3 and geometry.area(outer) >= min_area_mm2:
            out.append(np.round(outer, 2))
    out.sort(key=lambda p: -geometry.area(p))
    return out
