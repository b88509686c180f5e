"""One answer to "which region is this point in": the raster label map that the fill tool fills.

`region_at(session, point)` reads the label of the pixel under the point from the session's `AtlasMasks`
(`ViewMasks.labels`, the same array `PainMasks.fill` paints from), so the region named in the status bar, the
one highlighted and the one a click fills are always the same, also on the seams between regions. The outline
drawn for the highlight is the region's polygon as a QPainterPath, built once per region (`RegionShapes`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF


def polygon_path(polygon) -> QPainterPath:
    """A closed QPainterPath through the (N, 2) millimetre polygon."""
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in polygon]))
    path.closeSubpath()
    return path


def region_at(session, point):
    """The atlas Region of the session's current view whose pixel is under `point` (mm), or None."""
    masks = session.masks.atlas_masks.view(session.view_id)
    g = masks.grid
    x, y = float(point[0]), float(point[1])
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    col, row = math.floor(x * g.sx), math.floor(y * g.sy)
    if not (0 <= row < g.rows and 0 <= col < g.cols):
        return None
    label = int(masks.labels[row, col])
    return masks.view.regions[label - 1] if label else None


class RegionShapes:
    """The outline of each region as a QPainterPath, built once (keyed by the Region object)."""

    def __init__(self) -> None:
        self._paths: dict[int, tuple[object, QPainterPath]] = {}

    def path(self, region) -> QPainterPath:
        cached = self._paths.get(id(region))
        if cached is None or cached[0] is not region:
            cached = self._paths[id(region)] = (region, polygon_path(region.polygon))
        return cached[1]
