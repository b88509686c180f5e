"""What the body canvas draws from the resources: the SVG art of each view, and where each atlas region is.

`BodyArt` loads and checks every view's SVG at start-up (a view without its own SVG, `lateral-left`, is its
mirror view's SVG flipped); `RegionIndex` answers "which region is under this point" for the status bar and
the fill tool.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF, QTransform
from PySide6.QtSvg import QSvgRenderer

from painmap.errors import AtlasError
from painmap.resources import resource_path


class RegionIndex:
    """Point-in-region lookups for one view (bounding box first, then the exact outline)."""

    _cache: ClassVar[dict[int, RegionIndex]] = {}

    def __init__(self, view) -> None:
        self.entries = []
        for region in view.regions:
            path = QPainterPath()
            path.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in region.polygon]))
            path.closeSubpath()
            self.entries.append((path.boundingRect(), path, region))

    @classmethod
    def of(cls, view) -> RegionIndex:
        key = id(view)
        index = cls._cache.get(key)
        if index is None or index._view is not view:
            index = cls(view)
            index._view = view
            cls._cache[key] = index
        return index

    def at(self, point):
        """The region under `point` (mm), or None."""
        p = QPointF(float(point[0]), float(point[1]))
        for box, path, region in self.entries:
            if box.contains(p) and path.contains(p):
                return region
        return None

    def path(self, region) -> QPainterPath | None:
        for _box, path, r in self.entries:
            if r is region:
                return path
        return None


class BodyArt:
    """The SVG art of every view (a mirrored view reuses its mirror's SVG); checked at start-up."""

    def __init__(self, atlas) -> None:
        self._renderers: dict[str, tuple[QSvgRenderer, bool]] = {}
        for view in atlas.views.values():
            own = resource_path("atlas", f"{view.id}.svg")
            if own.is_file():
                self._renderers[view.id] = (self._load(own), False)
            else:
                mirror = resource_path("atlas", f"{view.mirror}.svg")
                if not mirror.is_file():
                    raise AtlasError(f"the body art of the {view.id} view is missing ({own})")
                self._renderers[view.id] = (self._load(mirror), True)

    @staticmethod
    def _load(path: Path) -> QSvgRenderer:
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            raise AtlasError(f"{path}: not a valid SVG file")
        return renderer

    def render(self, painter: QPainter, view) -> None:
        """Draw `view`'s art; the painter is in the view's mm frame."""
        renderer, mirrored = self._renderers[view.id]
        if mirrored:
            painter.save()
            painter.setTransform(QTransform(-1, 0, 0, 1, view.width, 0), combine=True)
        renderer.render(painter, QRectF(0, 0, view.width, view.height))
        if mirrored:
            painter.restore()
