"""One answer to "which region is this point in": the raster label map that the fill tool fills.

`region_at(session, point)` reads the label of the pixel under the point from the session's `AtlasMasks`
(`ViewMasks.labels`, the same array `PainMasks.fill` paints from), so the region named in the status bar, the
one highlighted and the one a click fills are always the same, also on the seams between regions. The outline
drawn for the highlight is the region's polygon as a QPainterPath, built once (`painmap.polygons.polygon_path`).
"""

from __future__ import annotations

import math

from PySide6.QtGui import QPainterPath


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


def region_path(region) -> QPainterPath:
    """The region's outline as a QPainterPath (the core's `polygon_path`: built once per polygon, cached)."""
    from painmap.polygons import polygon_path  # numpy: loaded with the engine, after the first paint

    return polygon_path(region.polygon)
