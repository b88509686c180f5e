"""What the pointer is over on the body canvas: the region (named, and lit up for the fill tool) and the drawn
bones and muscles (named).

The region comes from painmap.app.regions (the fill tool's own label map), the structures from
painmap.structures (the view's visible bone and muscle outlines, only of the layers shown; with the muscles
hidden, the whole bones). The canvas emits
`region_hovered(region)` and `structure_hovered(structures)` when either changes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPen

from painmap import style
from painmap.app.regions import region_at, region_path


class CanvasHover:
    """The hover state of one BodyCanvas: `region` (highlighted), `named_region`, `structures` (named)."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.region = None  # the region lit up for the fill tool
        self.named_region = None  # the region last named in the status bar
        self.structures: tuple = ()  # the bones and muscles under the pointer, topmost first
        self._index = None  # (view, bones alone, StructureIndex)

    def set_region(self, region) -> None:
        """Light up `region` (or nothing): its old and new outlines are repainted."""
        if region is self.region:
            return
        for old in (self.region, region):
            if old is not None:
                self.canvas.update_mm_rect(region_path(old).boundingRect())
        self.region = region

    def at(self, pos: QPointF) -> None:
        """The pointer is at `pos` (widget pixels): update the region and the structures named."""
        c = self.canvas
        if c.session is None:
            return
        point = c.widget_to_mm(pos)
        region = region_at(c.session, point)
        self.set_region(region if c.toolbox.tool.highlights_region else None)
        if region is not self.named_region:
            self.named_region = region
            c.region_hovered.emit(region)
        self._set_structures(tuple(self._structures_at(point)))

    def _structures_at(self, point) -> list:
        kinds = self.canvas.structure_kinds()
        if not kinds:
            return []
        view = self.canvas.view()
        alone = "muscle" not in kinds  # the bones are drawn whole when the muscles are hidden
        if self._index is None or self._index[0] is not view or self._index[1] != alone:
            from painmap.structures import structure_index

            self._index = (view, alone, structure_index(view, alone))
        return self._index[2].at(point[0], point[1], kinds)

    def _set_structures(self, structures: tuple) -> None:
        if [s.id for s in structures] != [s.id for s in self.structures]:
            self.structures = structures
            self.canvas.structure_hovered.emit(structures)

    def refresh(self, pos: QPointF | None) -> None:
        """Name again what is under `pos` (the layers shown changed); nothing without a pointer."""
        if pos is None or self.canvas.session is None:
            self._set_structures(())
        else:
            self._set_structures(tuple(self._structures_at(self.canvas.widget_to_mm(pos))))

    def leave(self) -> None:
        """The pointer left the canvas (or the view changed): nothing is hovered."""
        self.set_region(None)
        self.named_region = None
        self.canvas.region_hovered.emit(None)
        self._set_structures(())

    def paint(self, painter: QPainter) -> None:
        """The lit region: the brush's intensity colour, translucent, with a dashed outline (mm frame)."""
        if self.region is None:
            return
        from PySide6.QtCore import Qt  # here: no region is lit in the first paint (painmap.app.enum_free)

        fill = QColor(style.INTENSITY_COLORS[self.canvas.toolbox.settings.intensity])
        fill.setAlpha(90)
        pen = QPen(QColor(style.LANDMARK), 2)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPath(region_path(self.region))
