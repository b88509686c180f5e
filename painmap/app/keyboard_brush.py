"""The brush without a mouse: a keyboard cursor on the canvas, moved with the arrow keys and applied with Space.

Arrow keys move the cursor (Shift: bigger steps); Space applies the active tool where it is, like a mouse press:
hold Space and move with the arrows to draw a stroke (or a lasso outline), release it to end the mark (one mark,
one undo step); with the fill tool Space fills the region under the cursor. Escape (or the K toggle) hides the
cursor. The cursor takes the arrow keys only while it is shown, so Left / Right keep stepping trigger points in
the educator's modes; an arrow key that no shortcut uses shows it. Every mark goes through the same tool calls
as the mouse's (painmap.app.tools), so keyboard and mouse marks are the same.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from painmap.app.i18n import tr

STEP_MM = 2.0  # one arrow press
BIG_STEP_MM = 10.0  # with Shift
MARGIN_PX = 14  # the crosshair's reach beyond the brush ring, in screen pixels


@cache
def arrows() -> dict:
    """Arrow key -> its step's direction (named on the first key: not before the window's first paint, where
    naming a key would build the Qt namespace, painmap.app.enum_free)."""
    from PySide6.QtCore import Qt

    return {
        Qt.Key.Key_Left: (-1.0, 0.0),
        Qt.Key.Key_Right: (1.0, 0.0),
        Qt.Key.Key_Up: (0.0, -1.0),
        Qt.Key.Key_Down: (0.0, 1.0),
    }


class KeyboardBrush(QObject):
    """The keyboard cursor of one canvas (`active`, `pos` in mm of the current view); also a canvas layer."""

    z = 1000  # above every overlay
    visible = True

    def __init__(self, canvas, toolbox) -> None:
        super().__init__(canvas)
        self.canvas, self.toolbox = canvas, toolbox
        self.active = False
        self.drawing = False  # Space is held: a mark is being made
        self.pos: tuple[float, float] | None = None
        canvas.add_layer(self)

    def listen(self) -> None:
        """Take the canvas's keys from now on (after the first paint: it works on a session, which comes later,
        and an event filter before the paint would make PySide build ~45 QEvent classes to name the events)."""
        self.canvas.installEventFilter(self)

    # -- state ---------------------------------------------------------------------------------------------------
    @property
    def session(self):
        return self.canvas.session

    def show_cursor(self, on: bool = True) -> None:
        """Show (at the last place, else the middle of what is shown) or hide the keyboard cursor."""
        if on == self.active:
            return
        if not on and self.drawing:
            self.end_mark()
        self._dirty()
        self.active = on
        if on and (self.pos is None or not self._inside(self.pos)):
            self.pos = self._middle()
        self._dirty()
        self._name_region()

    def toggle(self) -> None:
        self.show_cursor(not self.active)

    def move_by(self, dx: float, dy: float) -> None:
        """Move the cursor by (dx, dy) mm, kept on the view; while Space is held the mark follows."""
        if self.pos is None:
            self.pos = self._middle()
        view = self.canvas.view()
        x = min(max(self.pos[0] + dx, 0.0), float(view.width))
        y = min(max(self.pos[1] + dy, 0.0), float(view.height))
        self._dirty()
        self.pos = (x, y)
        self._keep_in_sight()
        self._dirty()
        if self.drawing and self.session is not None:
            self.toolbox.tool.move(self.session, self.pos)
        self._name_region()

    def begin_mark(self) -> None:
        """Space pressed: the active tool is pressed at the cursor (a dab, a stroke's start, a fill)."""
        if self.session is None or self.drawing:
            return
        self.drawing = True
        self.toolbox.tool.press(self.session, self.pos)

    def end_mark(self) -> None:
        """Space released: the mark ends (one undo step)."""
        if not self.drawing:
            return
        self.drawing = False
        if self.session is not None:
            self.toolbox.tool.release(self.session, self.pos)

    # -- geometry ------------------------------------------------------------------------------------------------
    def _middle(self) -> tuple[float, float]:
        c = self.canvas
        return c.widget_to_mm(QPointF(c.width() / 2, c.height() / 2))

    def _inside(self, pos) -> bool:
        view = self.canvas.view()
        return 0.0 <= pos[0] <= view.width and 0.0 <= pos[1] <= view.height

    def _reach_mm(self) -> float:
        scale = max(self.canvas.mm_to_widget().m11(), 1e-6)
        return self.toolbox.settings.radius + MARGIN_PX / scale

    def _dirty(self) -> None:
        if self.active and self.pos is not None:
            r = self._reach_mm()
            self.canvas.update_mm_rect(QRectF(self.pos[0] - r, self.pos[1] - r, 2 * r, 2 * r))

    def _keep_in_sight(self) -> None:
        """Pan so the cursor stays on the canvas (zoomed in, arrows would otherwise walk out of sight)."""
        c = self.canvas
        at = c.mm_to_widget().map(QPointF(*self.pos))
        edge = 24.0
        dx = min(0.0, c.width() - edge - at.x()) + max(0.0, edge - at.x())
        dy = min(0.0, c.height() - edge - at.y()) + max(0.0, edge - at.y())
        if dx or dy:
            c.pan_by(dx, dy)

    def _name_region(self) -> None:
        """The region under the cursor is named in the status bar, as under the mouse pointer."""
        if self.session is None:
            return
        from painmap.app.regions import region_at

        self.canvas.region_hovered.emit(region_at(self.session, self.pos) if self.active else None)

    # -- the layer -----------------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, view) -> None:
        """The cursor: the brush ring (or the region the fill tool would fill) and a crosshair in the palette's text
        colour with a halo of its base colour, so it reads on the body, the shading and a dark palette alike."""
        if not self.active or self.pos is None or view.id != self.canvas.view_id():
            return
        palette = self.canvas.palette()
        ink = palette.color(QPalette.ColorRole.Text)  # dark on light palettes, light on dark ones
        halo = QColor(palette.color(QPalette.ColorRole.Base))
        from PySide6.QtCore import Qt  # here: the cursor is not in the first paint

        scale = max(painter.transform().m11(), 1e-6)
        centre = QPointF(*self.pos)
        tool = self.toolbox.tool
        if tool.highlights_region and self.session is not None:
            from painmap.app.regions import region_at, region_path

            region = region_at(self.session, self.pos)
            if region is not None:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for colour, width in ((halo, 5), (ink, 2)):
                    pen = QPen(colour, width)
                    pen.setCosmetic(True)
                    painter.setPen(pen)
                    painter.drawPath(region_path(region))
        arm = 10.0 / scale
        radius = self.toolbox.settings.radius if tool.shows_brush else 4.0 / scale
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, width in ((halo, 5), (ink, 2)):
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawEllipse(centre, radius, radius)
            painter.drawLine(QPointF(centre.x() - radius - arm, centre.y()), QPointF(centre.x() - radius, centre.y()))
            painter.drawLine(QPointF(centre.x() + radius, centre.y()), QPointF(centre.x() + radius + arm, centre.y()))
            painter.drawLine(QPointF(centre.x(), centre.y() - radius - arm), QPointF(centre.x(), centre.y() - radius))
            painter.drawLine(QPointF(centre.x(), centre.y() + radius), QPointF(centre.x(), centre.y() + radius + arm))

    # -- keys ----------------------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import Qt

        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            if self.active and (event.key() in arrows() or event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Escape)):
                event.accept()  # the cursor takes these keys while it is shown
                return True
            return False
        if kind == QEvent.Type.KeyPress:
            return self._key_press(event)
        if kind == QEvent.Type.KeyRelease:
            return self._key_release(event)
        if kind == QEvent.Type.FocusOut and self.drawing:
            self.end_mark()  # a mark never stays open when the keys go elsewhere
        return False

    def _key_press(self, event) -> bool:
        from PySide6.QtCore import Qt

        key = event.key()
        if self.session is None:
            return False
        if key in arrows():
            if not self.active:
                self.show_cursor(True)
            step = BIG_STEP_MM if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP_MM
            dx, dy = arrows()[key]
            self.move_by(dx * step, dy * step)
            return True
        if key == Qt.Key.Key_Space and self.active:
            if not event.isAutoRepeat():
                self.begin_mark()
            return True
        if key == Qt.Key.Key_Escape and self.active:
            self.show_cursor(False)
            return True
        return False

    def _key_release(self, event) -> bool:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Space and (self.active or self.drawing):
            if not event.isAutoRepeat():
                self.end_mark()
            return True
        return False


def keyboard_brush_action(window, brush: KeyboardBrush):
    """Tools ▸ Keyboard brush (K): show or hide the keyboard cursor."""
    from painmap.app.toolbar import make_action

    action = make_action(
        window,
        tr("&Keyboard brush"),
        ["K"],
        tr("Move the brush with the arrow keys (Shift: bigger steps) and hold Space to paint"),
        lambda: brush.toggle(),
    )
    return action
