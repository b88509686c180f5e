"""Marks drawn before the engine has loaded: recorded in mm, drawn as plain strokes, replayed into the session.

The window paints before numpy, the atlas and the drawing masks exist (decision D12). A press, drag and release
on the canvas in that time is kept as a `Gesture` (tool, brush settings, pen pressure, view, points in mm);
the canvas draws the brush gestures as round-capped lines in the drawing's colours (lasso gestures as their
outline), and when the session
exists `replay` runs every gesture through the same tools a live one uses, so the marks, the masks and the
undo steps are exactly those of drawing them later.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from painmap import style


def paint_outline(painter: QPainter, points, intensity: int) -> None:
    """A lasso outline being drawn (mm points, the painter in the view's mm frame): a thin line of the
    intensity's colour on a light halo, 2 screen pixels wide at any zoom."""
    from PySide6.QtCore import Qt  # here: nothing is drawn in the first paint (painmap.app.enum_free)

    if len(points) < 2:
        return
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for color, width in ((QColor(255, 255, 255, 200), 4.0), (QColor(style.INTENSITY_COLORS[intensity]), 2.0)):
        pen = QPen(color, width)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(path)


class Gesture:
    """One press-drag-release of a tool, in mm of `view`; `settings` is a copy of the BrushSettings at the press."""

    __slots__ = ("points", "pressure", "settings", "tool", "view")

    def __init__(self, tool: str, view: str, settings, pressure: float | None, points: list) -> None:
        self.tool, self.view, self.settings, self.pressure, self.points = tool, view, settings, pressure, points


class PendingInput:
    """The gestures made before the session exists."""

    def __init__(self, alpha: int) -> None:
        self.gestures: list[Gesture] = []
        self.live: Gesture | None = None
        self.alpha = alpha

    def __bool__(self) -> bool:
        return bool(self.gestures) or self.live is not None

    def press(self, toolbox, view_id: str, point, pressure: float | None) -> QRectF:
        self.release()
        self.live = Gesture(toolbox.tool.name, view_id, toolbox.settings.copy(), pressure, [tuple(point)])
        return self._box(self.live, 0)

    def move(self, point) -> QRectF | None:
        """Extend the gesture in progress; the mm box to repaint, or None."""
        if self.live is None:
            return None
        self.live.points.append(tuple(point))
        return self._box(self.live, len(self.live.points) - 2)

    def release(self) -> None:
        if self.live is not None:
            self.gestures.append(self.live)
            self.live = None

    def _box(self, g: Gesture, start: int) -> QRectF:
        pts = g.points[max(0, start) :]
        r = g.settings.radius + 1
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return QRectF(min(xs) - r, min(ys) - r, max(xs) - min(xs) + 2 * r, max(ys) - min(ys) + 2 * r)

    def paint(self, painter: QPainter, view_id: str) -> None:
        """Draw the brush gestures of `view_id`; the painter is in the view's mm frame."""
        from PySide6.QtCore import Qt  # here: nothing is drawn in the first paint (painmap.app.enum_free)

        for g in [*self.gestures, *([self.live] if self.live else [])]:
            if g.view != view_id:
                continue
            if g.tool == "lasso":
                paint_outline(painter, g.points, g.settings.intensity)
            if g.tool != "brush":
                continue
            intensity = g.settings.intensity if g.pressure is None else max(1, min(10, round(g.pressure * 10)))
            color = QColor(style.INTENSITY_COLORS[intensity])
            color.setAlpha(self.alpha)
            pen = QPen(color, 2 * g.settings.radius)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(QPointF(*g.points[0]))
            for p in g.points[1:]:
                path.lineTo(QPointF(*p))
            if len(g.points) == 1:
                path.lineTo(QPointF(g.points[0][0] + 1e-3, g.points[0][1]))
            painter.drawPath(path)

    def replay(self, session, toolbox) -> int:
        """Run every finished gesture through its tool on `session` (each becomes one mark and one undo step);
        a gesture still in progress is kept until its release."""
        gestures, self.gestures = self.gestures, []
        shown, current = session.view_id, toolbox.settings
        try:
            for g in gestures:
                session.show_view(g.view)
                toolbox.settings = g.settings  # the settings of the press, without telling the toolbar
                tool = toolbox.tools[g.tool]
                tool.press(session, g.points[0], g.pressure)
                for p in g.points[1:]:
                    tool.move(session, p)
                tool.release(session, g.points[-1])
        finally:
            toolbox.settings = current
            session.show_view(shown)
        return len(gestures)
