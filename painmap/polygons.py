"""Polygons (mm) -> pixels: QPainter on a Grayscale8 QImage over a numpy buffer, antialiasing off.

QtGui only: no widgets, no QGuiApplication needed. `polygon_path` is the one polygon -> QPainterPath
conversion (cached per polygon), which the app's hit tests and painting reuse. `silhouette_image` is the one
rule for a view's body: the union of its silhouette outlines (each filled odd-even), as the atlas checks
(regions partition the sum of the outlines' areas) and the exact point tests (`geometry.contains` per outline,
or-ed) assume.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF  # not the Qt namespace: building its enums costs ~15 ms at start-up
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPolygonF

from painmap.grid import DirtyRect, Grid

__all__ = ["paint_polygons", "polygon_crop", "polygon_mask", "polygon_path", "silhouette_image"]

_PATHS: OrderedDict[int, tuple[np.ndarray, QPainterPath]] = OrderedDict()
_PATH_CACHE_SIZE = 4096  # polygons of a few atlases and pattern libraries


def polygon_path(polygon) -> QPainterPath:
    """A closed path (odd-even fill) through the vertices of an (N, 2) mm polygon.

    Cached per polygon object (atlas and pattern polygons live as long as their atlas); the returned path is a
    copy (Qt shares its data until it is changed), so callers may transform it.
    """
    hit = _PATHS.get(id(polygon))
    if hit is not None and hit[0] is polygon:
        _PATHS.move_to_end(id(polygon))
        return QPainterPath(hit[1])
    poly = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in poly.tolist()]))
    path.closeSubpath()
    if isinstance(polygon, np.ndarray):
        _PATHS[id(polygon)] = (polygon, path)
        while len(_PATHS) > _PATH_CACHE_SIZE:
            _PATHS.popitem(last=False)
    return QPainterPath(path)


def polygon_crop(grid: Grid, polygon, winding: bool = False) -> tuple[DirtyRect, np.ndarray]:
    """Rasterize a polygon (mm) on its bounding box only: (rect, bool mask of rect's shape).

    The fill rule is odd-even, or non-zero winding with `winding` (a lasso: a loop drawn twice stays filled).
    """
    poly = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
    if len(poly) < 3 or not np.isfinite(poly).all():
        return DirtyRect.none(grid.view), np.zeros((0, 0), dtype=bool)
    rect = grid.box(poly[:, 0].min(), poly[:, 1].min(), poly[:, 0].max(), poly[:, 1].max())
    if rect.empty:
        return rect, np.zeros((rect.height, rect.width), dtype=bool)
    with _gray_painter(rect.height, rect.width) as (buf, painter):
        painter.translate(-rect.x0, -rect.y0)
        painter.scale(grid.sx, grid.sy)
        path = polygon_path(polygon)
        if winding:
            from PySide6.QtCore import Qt  # late: building the Qt namespace's enums costs ~15 ms at start-up

            path.setFillRule(Qt.FillRule.WindingFill)
        painter.fillPath(path, QColor(255, 255, 255))
    return rect, buf != 0


@contextlib.contextmanager
def _gray_painter(rows: int, cols: int):
    """A QPainter (antialiasing off) on a zeroed uint8 numpy image of rows × cols; yields (image view, painter).

    The QImage shares the buffer's memory, so the buffer outlives it; the painter is ended on exit.
    """
    stride = (cols + 3) // 4 * 4  # QImage rows are 32-bit aligned
    buf = np.zeros((rows, stride), dtype=np.uint8)
    image = QImage(buf.data, cols, rows, stride, QImage.Format.Format_Grayscale8)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        yield buf[:, :cols], painter
    finally:
        painter.end()
        del image


def polygon_mask(grid: Grid, polygon) -> np.ndarray:
    """Bool mask of the grid's shape: True where the pixel centre is inside the polygon (mm)."""
    out = np.zeros(grid.shape, dtype=bool)
    rect, crop = polygon_crop(grid, polygon)
    if not rect.empty:
        out[rect.slices] = crop
    return out


def paint_polygons(grid: Grid, polygons: Sequence[tuple[np.ndarray, int]]) -> np.ndarray:
    """uint8 image of the grid with each polygon filled with its value (1-255), later ones on top."""
    with _gray_painter(grid.rows, grid.cols) as (buf, painter):
        painter.scale(grid.sx, grid.sy)
        for polygon, value in polygons:
            poly = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
            if len(poly) < 3 or not np.isfinite(poly).all():
                continue
            painter.fillPath(polygon_path(polygon), QColor(value, value, value))  # Grayscale8 keeps r = g = b = value
    return buf


def silhouette_image(grid: Grid, outlines: Sequence[np.ndarray]) -> np.ndarray:
    """Bool mask of the body: the union of the silhouette outlines."""
    return paint_polygons(grid, [(poly, 255) for poly in outlines]) != 0
