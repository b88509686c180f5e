"""The body canvas: body art, the pain drawing, overlay layers, landmarks and the always-visible side markers.

Paint order: the view's SVG art with its anatomy layers (rendered once per zoom and device pixel ratio,
art_cache.py; a start's pictures of it are kept on disk, art_disk.py) with the pattern's own muscle highlighted over
it, the drawing (an Indexed8 QImage that shares memory with the PainMasks array of the view), overlay layers sorted
by `z` (painted in the view's millimetre frame), the region highlight and brush outline of the active tool,
landmarks, the names on the chart (full screen), side markers.
Strokes repaint only their dirty rectangle: the painter is clipped to it and the layers draw only what meets it.
Each view keeps its own zoom and centre (canvas_zoom.py).

The canvas paints before the engine has loaded: it starts on the window's `ViewFrame`s (art and frame only) and
keeps what is drawn in that time (canvas_pending.py); `attach(session)` switches it to the session's atlas views
and drawing and replays those marks into the session.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Signal
from PySide6.QtGui import QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from painmap.app import enum_free
from painmap.app.art_cache import ArtCache, blit, target_ratio
from painmap.app.art_disk import ArtDisk
from painmap.app.body_art import Anatomy, BodyArt, paint_highlight
from painmap.app.canvas_drawing import DRAWING_ALPHA, DrawingImages, intensity_color_table
from painmap.app.canvas_hover import CanvasHover
from painmap.app.canvas_marks import ChartMarks
from painmap.app.canvas_pending import PendingInput, paint_outline
from painmap.app.canvas_zoom import ZOOM_STEP, ViewZoom, ZoomAndPan, refit

__all__ = ["Anatomy", "BodyArt", "BodyCanvas", "Layer", "ViewZoom", "intensity_color_table"]


class Layer(Protocol):
    """An overlay drawn above the pain drawing; `paint` gets a painter already in the view's mm frame."""

    z: int
    visible: bool

    def paint(self, painter: QPainter, view) -> None: ...


class BodyCanvas(ZoomAndPan, QWidget):
    """The body chart of the current view, with the pain drawing and overlay layers.

    `frames` are the views the window starts on (id -> ViewFrame); `session` is None until `attach`.
    """

    region_hovered = Signal(object)  # atlas Region or None
    structure_hovered = Signal(object)  # tuple of atlas Structures under the pointer, topmost first
    zoom_changed = Signal(float)  # percent of life size
    first_painted = Signal()
    drawn_early = Signal()  # a gesture was kept before the session existed (it can be undone)

    def __init__(self, frames: dict, toolbox, art: BodyArt | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body-canvas")
        self.session = None
        self.frames = dict(frames)
        self._frame_view = next(iter(self.frames))
        self.toolbox = toolbox
        self.art = art or BodyArt(self.frames)
        self.pending = PendingInput(DRAWING_ALPHA)
        self._layers: list = []
        self._zoom: dict[str, ViewZoom] = {}
        self.art_cache = ArtCache(ArtDisk.open())  # a start paints its art from the disk (art_disk.py)
        self._art_last: tuple | None = None  # (what the last paint showed, its cache entry, its art)
        self._anatomy = Anatomy()
        self._names_on_chart = False
        self.drawing = DrawingImages()
        self._landmarks_visible = True
        self._landmark_scale = 1.0
        self.hover = CanvasHover(self)
        self._pointer: QPointF | None = None
        self._pan_from: QPointF | None = None
        self._space = False
        self._pressure: float | None = None
        self._painted_once = False
        self.marks = ChartMarks(self)
        self._last_dirty: QRect | None = None
        self._stroke_dirty = QRect()
        self.setMouseTracking(True)
        enum_free.set_enum(self, "focusPolicy", enum_free.STRONG_FOCUS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)
        self.marks.use_foreground_for_text()  # the side markers' white text (painmap.app.canvas_marks)
        toolbox.tool_changed.connect(self._on_tool_changed)
        toolbox.settings_changed.connect(self._update_brush_outline)

    def attach(self, session) -> None:
        """Show `session` (its atlas views, drawing and signals) from now on; `replay_pending` adds the marks
        drawn before."""
        art = self.art if self.art.shows(session.atlas) else BodyArt(session.atlas)
        if art is not self.art:
            art.check()  # another chart's art: a missing or broken SVG is one AtlasError line, before any change
            self.art_cache.clear()
        session.show_view(self._frame_view)
        self.session = session
        self.art = art
        for view_id in list(self._zoom):  # frames read before the atlas may be another chart's
            view, frame = session.atlas.views.get(view_id), self.frames.get(view_id)
            if view is None or frame is None or (view.width, view.height) != (frame.width, frame.height):
                del self._zoom[view_id]
        session.painted.connect(self._on_painted)
        session.view_changed.connect(self._on_view_changed)
        session.masks_replaced.connect(self._on_masks_replaced)
        session.marks_changed.connect(self._on_marks_changed)
        self.update()  # the same art (its margin comes with `widen_art`, after the first ranking)

    def replay_pending(self) -> int:
        """Put the marks drawn before `attach` into the session (one mark and undo step each); how many."""
        count = self.pending.replay(self.session, self.toolbox) if self.pending else 0
        self.update()
        return count

    @property
    def painted_once(self) -> bool:
        return self._painted_once

    @property
    def _hover_region(self):
        return self.hover.region

    def sizeHint(self) -> QSize:
        return QSize(900, 800)

    # -- contract ----------------------------------------------------------------------------------------------
    def view(self):
        """The View shown (the atlas's; before attach, the window's ViewFrame)."""
        return self.session.view() if self.session is not None else self.frames[self._frame_view]

    def view_id(self) -> str:
        return self.session.view_id if self.session is not None else self._frame_view

    def _view_of(self, view_id: str):
        return self.session.atlas.view(view_id) if self.session is not None else self.frames[view_id]

    def set_view(self, view_id: str) -> None:
        if self.session is not None:
            self.session.set_view(view_id)
        elif view_id in self.frames and view_id != self._frame_view:
            self.pending.release()
            self._frame_view = view_id
            self._on_view_changed(view_id)

    def stroking(self) -> bool:
        """A stroke is being drawn (into the session, or kept until it exists)."""
        return self.pending.live is not None or (self.session is not None and self.session.stroking)

    def add_layer(self, layer) -> None:
        if layer not in self._layers:
            self._layers.append(layer)
            self._layers.sort(key=lambda item: item.z)
        self.update()

    def remove_layer(self, layer) -> None:
        if layer in self._layers:
            self._layers.remove(layer)
        self.update()

    def layers(self) -> tuple:
        return tuple(self._layers)

    def update_layers(self, mm_rect: QRectF | None = None) -> None:
        """Repaint after layers changed: everything, or only `mm_rect` (mm of the current view)."""
        self._layers.sort(key=lambda item: item.z)
        if mm_rect is None:
            self.update()
        else:
            self.update_mm_rect(mm_rect)

    # -- anatomy -----------------------------------------------------------------------------------------------
    @property
    def anatomy(self) -> Anatomy:
        """Which anatomy layers show (chart 2; chart 1's art is always whole)."""
        return self._anatomy

    def set_anatomy(self, anatomy: Anatomy) -> None:
        if anatomy != self._anatomy:
            self._anatomy = anatomy
            self.hover.refresh(self._pointer)  # what is no longer drawn is no longer named
            self.update()

    def structure_kinds(self) -> tuple[str, ...]:
        """The kinds of structure drawn, so the ones hovering can name: "muscle", "bone"."""
        a = self._anatomy
        return tuple(k for k, on in (("muscle", a.muscles), ("bone", a.bones)) if on)

    def highlighted(self) -> tuple:
        """The Structures drawn highlighted: the own muscle of each visible pattern layer, on its shown sides."""
        view = self.view()
        found: tuple = ()
        for layer in self._layers:
            if getattr(layer, "visible", True) and hasattr(layer, "own_structures"):
                found += layer.own_structures(view)
        return found

    @property
    def names_on_chart(self) -> bool:
        """The pattern's and its trigger points' names are written on the chart (educator full screen)."""
        return self._names_on_chart

    def set_names_on_chart(self, on: bool) -> None:
        self._names_on_chart = bool(on)
        self.update()

    @property
    def landmarks_visible(self) -> bool:
        return self._landmarks_visible

    @landmarks_visible.setter
    def landmarks_visible(self, visible: bool) -> None:
        self._landmarks_visible = bool(visible)
        self.update()

    def set_landmark_scale(self, factor: float) -> None:
        """Size of landmark dots and labels (educator mode uses a larger one)."""
        self._landmark_scale = max(0.5, float(factor))
        self.update()

    def resizeEvent(self, event) -> None:
        for view_id, z in list(self._zoom.items()):
            self._zoom[view_id] = refit(self._view_of(view_id), z, self.width(), self.height())
        super().resizeEvent(event)
        self.zoom_changed.emit(self.zoom_percent())

    def update_mm_rect(self, rect: QRectF) -> None:
        """Repaint only the widget pixels over `rect` (mm)."""
        self.update(self.mm_to_widget().mapRect(rect).toAlignedRect().adjusted(-2, -2, 2, 2))

    # -- session signals ---------------------------------------------------------------------------------------
    def widget_rect_of(self, rect) -> QRect:
        """Widget pixels showing a DirtyRect of the current view (with a margin for smoothing)."""
        x0, y0, x1, y1 = rect.to_mm()
        return self.mm_to_widget().mapRect(QRectF(x0, y0, x1 - x0, y1 - y0)).toAlignedRect().adjusted(-5, -5, 5, 5)

    def _on_painted(self, rect) -> None:
        if rect.view == self.session.view_id and not rect.empty:
            self._last_dirty = self.widget_rect_of(rect)
            self.update(self._last_dirty)
            if self.session.stroking:
                self._stroke_dirty = self._stroke_dirty.united(self._last_dirty)

    def _on_marks_changed(self) -> None:
        if not self._stroke_dirty.isEmpty():
            self.update(self._stroke_dirty)  # the finished stroke, now scaled smoothly
            self._stroke_dirty = QRect()

    def _on_view_changed(self, _view_id: str = "") -> None:
        self.hover.set_region(None)
        self.update()
        self.zoom_changed.emit(self.zoom_percent())

    def _on_masks_replaced(self) -> None:
        self.drawing.clear()
        if not self.art.shows(self.session.atlas):  # another body's chart (painmap.app.body_choice)
            self.art, self._zoom = BodyArt(self.session.atlas), {}
            self.art_cache.clear()
            self.hover.refresh(self._pointer)
        self.update()

    def _on_tool_changed(self, _name: str) -> None:
        if not self.toolbox.tool.highlights_region:
            self.hover.set_region(None)
        elif self._pointer is not None:
            self.hover.at(self._pointer)
        self.update()

    # -- painting ----------------------------------------------------------------------------------------------
    def widen_art(self) -> bool:
        """Render the first paint's art again with its margin (painmap.app.art_cache), so that the first pan blits;
        the picture does not change, so nothing is repainted. False when there was nothing to widen."""
        if not self.art_cache.narrow:
            return False
        self._art(widen=True)
        return True

    def _art(self, dpr: float | None = None, widen: bool = False) -> tuple[QPointF, QPixmap | QImage]:
        """(widget position, pixmap) of the current view's art at this zoom, for a device of `dpr` (default: the
        screen's) device pixels per widget pixel; rendered once per zoom and dpr."""
        view, z = self.view(), self._view_zoom()
        dpr = self.devicePixelRatioF() if dpr is None else dpr
        highlight = self.highlighted()
        token = (id(view), z.scale, z.cx, z.cy, self.width(), self.height(), dpr, self._anatomy)
        token += (self.palette().cacheKey(), tuple(id(s) for s in highlight))
        last = self._art_last
        if not widen and last is not None and last[0] == token and last[1] is self.art_cache.latest:
            return last[2]  # a dirty-rectangle repaint: the same picture as the last paint

        art = self.art

        def render(painter: QPainter) -> None:
            self.art.render(painter, view, self._anatomy)

        def source() -> str:  # what the art is drawn from, for the disk cache's key (art_disk.py)
            return art.source(view.id)

        base = self.palette().color(QPalette.ColorRole.Base)
        origin = QPointF(*self.mm_to_widget().map(0.0, 0.0))  # (x, y): map(QPointF) builds QPolygon, QRegion …
        size = (self.width(), self.height())
        key = (art.key, self._anatomy)
        found = self.art_cache.pixmap(key, view, z.scale, origin, size, dpr, base, render, source, widen=widen)
        if highlight:  # the pattern's own muscle, over the art and under the drawing; a new side renders no SVG
            found = (found[0], self.art_cache.overlaid(token[-1], lambda p: paint_highlight(p, highlight)))
        self._art_last = (token, self.art_cache.latest, found)
        return found

    def _art_pixmap(self) -> QPixmap | QImage:
        return self._art()[1]

    def drawing_image(self, view_id: str) -> QImage:
        """The Indexed8 image over the view's PainMasks array (no copy)."""
        return self.drawing.image(self.session.masks, view_id)

    def paintEvent(self, event) -> None:
        exposed: QRect = event.rect()
        view = self.view()
        t = self.mm_to_widget()
        painter = QPainter(self)
        painter.setClipRect(exposed)  # the layers read it (clipBoundingRect) to draw only what meets it
        painter.save()  # with its first pen, for the side markers' text (painmap.app.canvas_marks)
        dpr = target_ratio(self, painter)  # the target's: a window, a grab, or a QImage
        blit(painter, exposed, self.palette().color(QPalette.ColorRole.Base), *self._art(dpr))
        painter.setTransform(t)
        if self.session is not None:
            # smooth scaling costs ~10x nearest: while a stroke is drawn the new pixels are scaled nearest, and
            # the stroke's area is repainted smoothly once it ends (`_on_marks_changed`)
            self.drawing.paint(painter, self.session.masks, view.id, t, exposed, smooth=not self.session.stroking)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.pending:
            self.pending.paint(painter, view.id)
        if self.session is not None and self.session.stroking:  # a lasso's outline while it is drawn
            paint_outline(painter, self.session.live_outline(), self.toolbox.settings.intensity)
        for layer in self._layers:
            if getattr(layer, "visible", True):
                painter.save()
                layer.paint(painter, view)
                painter.restore()
        self.hover.paint(painter)
        painter.resetTransform()
        if self._landmarks_visible:
            self.marks.paint_landmarks(painter, view, t, exposed)
        if self._names_on_chart:
            for layer in self._layers:
                if getattr(layer, "visible", True) and hasattr(layer, "paint_names"):
                    layer.paint_names(painter, view, t, exposed)
        painter.restore()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_brush(painter, exposed)
        self.marks.paint_side_markers(painter, view, exposed)
        painter.end()
        if not self._painted_once:
            self._painted_once = True
            self.first_painted.emit()

    def _brush_radius_px(self) -> int:
        return max(2, round(self.toolbox.settings.radius * self._view_zoom().scale))

    def _brush_rect(self) -> QRect | None:
        if self._pointer is None or not self.toolbox.tool.shows_brush:
            return None
        r = self._brush_radius_px() + 3
        p = self._pointer.toPoint()
        return QRect(p.x() - r, p.y() - r, 2 * r + 1, 2 * r + 1)

    def _paint_brush(self, painter: QPainter, exposed: QRect) -> None:
        rect = self._brush_rect()
        if rect is not None and rect.intersects(exposed):
            painter.drawPixmap(rect.topLeft(), self.marks.ring(self._brush_radius_px()))

    def side_marker_rects(self) -> tuple[QRectF, QRectF]:
        """Where the viewer's-left and viewer's-right markers are drawn (widget pixels)."""
        return self.marks.side_marker_rects()

    # -- pointer -----------------------------------------------------------------------------------------------
    def _update_brush_outline(self) -> None:
        rect = self._brush_rect()
        if rect is not None:
            self.update(rect)
        if self.hover.region is not None:
            self.update()

    def _move_pointer(self, pos: QPointF | None, covered: QRect | None = None) -> None:
        """Move the brush outline; its old and new places are repainted unless `covered` holds them."""
        before = self._brush_rect()
        self._pointer = pos
        after = self._brush_rect()
        if before == after:  # the outline stays on the same pixels (or is not shown): nothing to repaint
            return
        for rect in (before, after):
            if rect is not None and not (covered is not None and covered.contains(rect)):
                self.update(rect)

    def tabletEvent(self, event) -> None:
        # Remember the pen pressure; Qt then delivers the same press as a mouse event.
        self._pressure = event.pressure() if event.pressure() > 0 else None
        event.ignore()

    def mousePressEvent(self, event) -> None:
        from PySide6.QtCore import Qt

        pos = event.position()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = pos
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if button == Qt.MouseButton.LeftButton:
            pressure, self._pressure = self._pressure, None
            if self.session is None:
                box = self.pending.press(self.toolbox, self._frame_view, self.widget_to_mm(pos), pressure)
                self.update_mm_rect(box)
            else:
                self.toolbox.tool.press(self.session, self.widget_to_mm(pos), pressure)

    def mouseMoveEvent(self, event) -> None:
        from PySide6.QtCore import Qt

        pos = event.position()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.pan_by(delta.x(), delta.y())
            return
        self._last_dirty = None
        if event.buttons() & Qt.MouseButton.LeftButton and self.stroking():
            if self.pending.live is not None:  # begun before the session existed: kept to its end
                box = self.pending.move(self.widget_to_mm(pos))
                if box is not None:
                    self.update_mm_rect(box)
            else:
                self.toolbox.tool.move(self.session, self.widget_to_mm(pos))
        # while painting, the segment's dirty rectangle already holds the outline's old and new places
        self._move_pointer(pos, self._last_dirty)
        self.hover.at(pos)

    def mouseReleaseEvent(self, event) -> None:
        from PySide6.QtCore import Qt

        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            self.setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.CrossCursor)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            if self.pending.live is not None:
                self.pending.release()
                if self.session is not None:
                    self.replay_pending()
                else:
                    self.drawn_early.emit()
            else:
                self.toolbox.tool.release(self.session, self.widget_to_mm(event.position()))

    def listen(self) -> None:
        """Tooltips, the cross-hair and opaque paints, after the first paint (which is opaque): a filter before it
        would build ~45 QEvent classes to name the events, the cursor the Qt namespace (painmap.app.enum_free)."""
        from PySide6.QtCore import Qt

        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """A tooltip over a landmark label explains the term (painmap.vocabulary.GLOSSARY); elsewhere it names
        the bones and muscles under the pointer."""
        if watched is self and event.type() == QEvent.Type.ToolTip:
            return self.marks.show_tip(event, self.hover.structures)
        return False

    def leaveEvent(self, event) -> None:
        self._move_pointer(None)
        self.hover.leave()
        super().leaveEvent(event)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position())
        event.accept()

    def keyPressEvent(self, event) -> None:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setCursor(Qt.CursorShape.CrossCursor)
            return
        super().keyReleaseEvent(event)
