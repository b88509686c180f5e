"""The body canvas: body art, the pain drawing, overlay layers, landmarks and the always-visible side markers.

Paint order: the view's SVG art (rendered once per zoom into a QPixmap), the drawing (an Indexed8 QImage that
shares memory with the PainMasks array of the view), overlay layers sorted by `z` (painted in the view's
millimetre frame), the region highlight and brush outline of the active tool, landmarks, side markers.
Strokes repaint only their dirty rectangle. Each view keeps its own zoom and centre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from painmap import style
from painmap.app.body_art import BodyArt, RegionIndex
from painmap.app.canvas_marks import ChartMarks

__all__ = ["BodyArt", "BodyCanvas", "Layer", "RegionIndex", "ViewZoom", "intensity_color_table"]

ZOOM_STEP = 1.25
MAX_PX_PER_MM = 40.0
DRAWING_ALPHA = 215  # the drawing lets the anatomy show through a little


class Layer(Protocol):
    """An overlay drawn above the pain drawing; `paint` gets a painter already in the view's mm frame."""

    z: int
    visible: bool

    def paint(self, painter: QPainter, view) -> None: ...


@dataclass
class ViewZoom:
    """Zoom of one view: widget pixels per mm and the mm point at the widget centre."""

    scale: float
    cx: float
    cy: float
    fitted: str = ""  # "focus" or "fit" while the user has not zoomed by hand (refit on resize)


def intensity_color_table(alpha: int = DRAWING_ALPHA) -> list[int]:
    """ARGB colour table for the Indexed8 drawing image: index 0 transparent, 1..10 the intensity scale."""
    table = []
    for i in range(256):
        if i == 0 or i >= len(style.INTENSITY_COLORS):
            table.append(0)
            continue
        c = QColor(style.INTENSITY_COLORS[i])
        c.setAlpha(alpha)
        table.append(c.rgba())
    return table


class BodyCanvas(QWidget):
    """The body chart of the session's current view, with the pain drawing and overlay layers."""

    region_hovered = Signal(object)  # atlas Region or None
    zoom_changed = Signal(float)  # percent of life size
    first_painted = Signal()

    def __init__(self, session, toolbox, art: BodyArt | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.toolbox = toolbox
        self.art = art or BodyArt(session.atlas)
        self._layers: list = []
        self._zoom: dict[str, ViewZoom] = {}
        self._art_cache: tuple[tuple, QPixmap] | None = None
        self._images: dict[str, tuple[int, QImage]] = {}
        self._color_table = intensity_color_table()
        self._landmarks_visible = True
        self._landmark_scale = 1.0
        self._hover_region = None
        self._named_region = None  # the region last named in the status bar
        self._pointer: QPointF | None = None
        self._pan_from: QPointF | None = None
        self._space = False
        self._pressure: float | None = None
        self._painted_once = False
        self.marks = ChartMarks(self)
        self._last_dirty: QRect | None = None
        self._stroke_dirty = QRect()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)
        self.setCursor(Qt.CursorShape.CrossCursor)
        session.painted.connect(self._on_painted)
        session.view_changed.connect(self._on_view_changed)
        session.masks_replaced.connect(self._on_masks_replaced)
        session.marks_changed.connect(self._on_marks_changed)
        toolbox.tool_changed.connect(self._on_tool_changed)
        toolbox.settings_changed.connect(self._update_brush_outline)

    def sizeHint(self) -> QSize:
        return QSize(900, 800)

    # -- contract ----------------------------------------------------------------------------------------------
    def view(self):
        """The atlas View shown."""
        return self.session.view()

    def set_view(self, view_id: str) -> None:
        self.session.set_view(view_id)

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

    def mm_to_widget(self) -> QTransform:
        """Transform from the current view's mm frame to widget pixels."""
        z = self._view_zoom()
        t = QTransform()
        t.translate(self.width() / 2, self.height() / 2)
        t.scale(z.scale, z.scale)
        t.translate(-z.cx, -z.cy)
        return t

    def widget_to_mm(self, pos: QPointF) -> tuple[float, float]:
        z = self._view_zoom()
        return ((pos.x() - self.width() / 2) / z.scale + z.cx, (pos.y() - self.height() / 2) / z.scale + z.cy)

    def update_mm_rect(self, rect: QRectF) -> None:
        """Repaint only the widget pixels over `rect` (mm)."""
        self.update(self.mm_to_widget().mapRect(rect).toAlignedRect().adjusted(-2, -2, 2, 2))

    # -- zoom and pan ------------------------------------------------------------------------------------------
    def _fit_zoom(self, box: tuple[float, float, float, float], how: str) -> ViewZoom:
        x0, y0, x1, y1 = box
        margin = 0.94 if how == "focus" else 0.97
        scale = margin * min(self.width() / max(x1 - x0, 1e-6), self.height() / max(y1 - y0, 1e-6))
        return ViewZoom(scale, (x0 + x1) / 2, (y0 + y1) / 2, how)

    def _whole_box(self, view) -> tuple[float, float, float, float]:
        return (0.0, 0.0, float(view.width), float(view.height))

    def _focus_box(self, view) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = view.focus
        return view.focus if x1 > x0 and y1 > y0 else self._whole_box(view)

    def _view_zoom(self) -> ViewZoom:
        view = self.session.view()
        z = self._zoom.get(view.id)
        if z is None:
            z = self._zoom[view.id] = self._fit_zoom(self._focus_box(view), "focus")
        return z

    def zoom_percent(self) -> float:
        """Zoom as a percentage of life size on this screen."""
        return 100.0 * self._view_zoom().scale / self._life_size()

    def _life_size(self) -> float:
        return max(self.logicalDpiX(), 1) / 25.4  # widget pixels per real millimetre

    def _set_zoom(self, z: ViewZoom) -> None:
        view = self.session.view()
        lo = 0.3 * min(self.width() / view.width, self.height() / view.height)
        z.scale = max(lo, min(MAX_PX_PER_MM, z.scale))
        self._zoom[view.id] = z
        self.update()
        self.zoom_changed.emit(self.zoom_percent())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by `factor`, keeping the mm point under `anchor` (widget pixels; default the centre) in place."""
        z = self._view_zoom()
        anchor = anchor or QPointF(self.width() / 2, self.height() / 2)
        mx, my = self.widget_to_mm(anchor)
        scale = z.scale * factor
        view = self.session.view()
        lo = 0.3 * min(self.width() / view.width, self.height() / view.height)
        scale = max(lo, min(MAX_PX_PER_MM, scale))
        cx = mx - (anchor.x() - self.width() / 2) / scale
        cy = my - (anchor.y() - self.height() / 2) / scale
        self._set_zoom(ViewZoom(scale, cx, cy))

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_fit(self) -> None:
        """The whole body."""
        self._set_zoom(self._fit_zoom(self._whole_box(self.session.view()), "fit"))

    def zoom_focus(self) -> None:
        """The lower back and pelvis."""
        self._set_zoom(self._fit_zoom(self._focus_box(self.session.view()), "focus"))

    def zoom_actual(self) -> None:
        """Life size (100 %)."""
        z = self._view_zoom()
        self._set_zoom(ViewZoom(self._life_size(), z.cx, z.cy))

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the picture by (dx, dy) widget pixels."""
        z = self._view_zoom()
        self._set_zoom(ViewZoom(z.scale, z.cx - dx / z.scale, z.cy - dy / z.scale))

    def resizeEvent(self, event) -> None:
        view = self.session.view()
        for view_id, z in list(self._zoom.items()):
            if z.fitted:
                v = self.session.atlas.view(view_id)
                box = self._focus_box(v) if z.fitted == "focus" else self._whole_box(v)
                self._zoom[view_id] = self._fit_zoom(box, z.fitted)
        self._art_cache = None
        super().resizeEvent(event)
        if view is not None:
            self.zoom_changed.emit(self.zoom_percent())

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

    def _on_view_changed(self, _view_id: str) -> None:
        self._set_hover(None)
        self.update()
        self.zoom_changed.emit(self.zoom_percent())

    def _on_masks_replaced(self) -> None:
        self._images.clear()
        self.update()

    def _on_tool_changed(self, _name: str) -> None:
        if not self.toolbox.tool.highlights_region:
            self._set_hover(None)
        elif self._pointer is not None:
            self._hover_at(self._pointer)
        self.update()

    # -- painting ----------------------------------------------------------------------------------------------
    def _art_pixmap(self) -> QPixmap:
        view = self.session.view()
        z = self._view_zoom()
        dpr = self.devicePixelRatioF()
        key = (view.id, z.scale, z.cx, z.cy, self.width(), self.height(), dpr, self.palette().cacheKey())
        if self._art_cache is not None and self._art_cache[0] == key:
            return self._art_cache[1]
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self.mm_to_widget())
        self.art.render(painter, view)
        painter.end()
        self._art_cache = (key, pixmap)
        return pixmap

    def drawing_image(self, view_id: str) -> QImage:
        """The Indexed8 image over the view's PainMasks array (no copy)."""
        array = self.session.masks.array(view_id)
        address = array.__array_interface__["data"][0]
        cached = self._images.get(view_id)
        if cached is not None and cached[0] == address:
            return cached[1]
        h, w = array.shape
        image = QImage(array.data, w, h, array.strides[0], QImage.Format.Format_Indexed8)
        image.setColorTable(self._color_table)
        image._array = array  # keep the buffer alive as long as the image
        self._images[view_id] = (address, image)
        return image

    def paintEvent(self, event) -> None:
        exposed: QRect = event.rect()
        view = self.session.view()
        t = self.mm_to_widget()
        painter = QPainter(self)
        pixmap = self._art_pixmap()
        dpr = pixmap.devicePixelRatio()
        src = QRectF(exposed.x() * dpr, exposed.y() * dpr, exposed.width() * dpr, exposed.height() * dpr)
        painter.drawPixmap(QRectF(exposed), pixmap, src)

        painter.setTransform(t)
        self._paint_drawing(painter, view, t, exposed)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for layer in self._layers:
            if getattr(layer, "visible", True):
                painter.save()
                layer.paint(painter, view)
                painter.restore()
        self._paint_hover(painter)
        painter.resetTransform()
        if self._landmarks_visible:
            self.marks.paint_landmarks(painter, view, t, exposed)
        self._paint_brush(painter, exposed)
        self.marks.paint_side_markers(painter, view, exposed)
        painter.end()
        if not self._painted_once:
            self._painted_once = True
            self.first_painted.emit()

    def _paint_drawing(self, painter: QPainter, view, t: QTransform, exposed: QRect) -> None:
        """Only the mask pixels under the exposed rectangle: converted once, scaled smoothly."""
        image = self.drawing_image(view.id)
        inv, _ok = t.inverted()
        mm = inv.mapRect(QRectF(exposed))
        g = self.session.masks.grid(view.id)
        x0 = max(0, math.floor(mm.left() * g.sx) - 1)
        y0 = max(0, math.floor(mm.top() * g.sy) - 1)
        x1 = min(image.width(), math.ceil(mm.right() * g.sx) + 1)
        y1 = min(image.height(), math.ceil(mm.bottom() * g.sy) + 1)
        if x1 <= x0 or y1 <= y0:
            return
        part = image.copy(x0, y0, x1 - x0, y1 - y0).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        # smooth scaling costs ~10x nearest: while a stroke is drawn the new pixels are scaled nearest, and the
        # stroke's area is repainted smoothly once it ends (`_on_marks_changed`)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not self.session.stroking)
        painter.drawImage(QRectF(x0 / g.sx, y0 / g.sy, (x1 - x0) / g.sx, (y1 - y0) / g.sy), part)

    def _paint_hover(self, painter: QPainter) -> None:
        if self._hover_region is None:
            return
        path = RegionIndex.of(self.session.view()).path(self._hover_region)
        if path is None:
            return
        fill = QColor(style.INTENSITY_COLORS[self.toolbox.settings.intensity])
        fill.setAlpha(90)
        pen = QPen(QColor(style.LANDMARK), 2)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPath(path)

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
    def _set_hover(self, region) -> None:
        if region is self._hover_region:
            return
        index = RegionIndex.of(self.session.view())
        for old in (self._hover_region, region):
            path = index.path(old) if old is not None else None
            if path is not None:
                self.update_mm_rect(path.boundingRect())
        self._hover_region = region

    def _hover_at(self, pos: QPointF) -> None:
        region = RegionIndex.of(self.session.view()).at(self.widget_to_mm(pos))
        self._set_hover(region if self.toolbox.tool.highlights_region else None)
        if region is not self._named_region:
            self._named_region = region
            self.region_hovered.emit(region)

    def _update_brush_outline(self) -> None:
        rect = self._brush_rect()
        if rect is not None:
            self.update(rect)
        if self._hover_region is not None:
            self.update()

    def _move_pointer(self, pos: QPointF | None, covered: QRect | None = None) -> None:
        """Move the brush outline; its old and new places are repainted unless `covered` holds them."""
        before = self._brush_rect()
        self._pointer = pos
        after = self._brush_rect()
        for rect in (before, after):
            if rect is not None and not (covered is not None and covered.contains(rect)):
                self.update(rect)

    def tabletEvent(self, event) -> None:
        # Remember the pen pressure; Qt then delivers the same press as a mouse event.
        self._pressure = event.pressure() if event.pressure() > 0 else None
        event.ignore()

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = pos
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if button == Qt.MouseButton.LeftButton:
            pressure, self._pressure = self._pressure, None
            self.toolbox.tool.press(self.session, self.widget_to_mm(pos), pressure)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.pan_by(delta.x(), delta.y())
            return
        self._last_dirty = None
        if event.buttons() & Qt.MouseButton.LeftButton and self.session.stroking:
            self.toolbox.tool.move(self.session, self.widget_to_mm(pos))
        # while painting, the segment's dirty rectangle already holds the outline's old and new places
        self._move_pointer(pos, self._last_dirty)
        self._hover_at(pos)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            self.setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.CrossCursor)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.toolbox.tool.release(self.session, self.widget_to_mm(event.position()))

    def leaveEvent(self, event) -> None:
        self._move_pointer(None)
        self._set_hover(None)
        self._named_region = None
        self.region_hovered.emit(None)
        super().leaveEvent(event)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position())
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setCursor(Qt.CursorShape.CrossCursor)
            return
        super().keyReleaseEvent(event)
