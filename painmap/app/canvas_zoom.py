"""Zoom and pan of the body canvas: one `ViewZoom` per view (widget pixels per mm and the mm point at the centre).

Pure arithmetic on the canvas's size, and `ZoomAndPan`, the canvas's zoom and pan methods built on it (the
canvas holds `_zoom`, one ViewZoom per view id, and emits `zoom_changed`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform

ZOOM_STEP = 1.25
MAX_PX_PER_MM = 40.0
MIN_FIT_FRACTION = 0.3  # the smallest zoom shows the body at 30 % of the canvas


class ViewZoom:
    """Zoom of one view: widget pixels per mm and the mm point at the widget centre.

    `fitted` is "focus" or "fit" while the user has not zoomed by hand (refit on resize). A plain class, as
    the other classes the window needs before its first paint: importing dataclasses costs start-up time.
    """

    __slots__ = ("cx", "cy", "fitted", "scale")

    def __init__(self, scale: float, cx: float, cy: float, fitted: str = "") -> None:
        self.scale, self.cx, self.cy, self.fitted = scale, cx, cy, fitted

    def __repr__(self) -> str:
        return f"ViewZoom({self.scale!r}, {self.cx!r}, {self.cy!r}, {self.fitted!r})"


def whole_box(view) -> tuple[float, float, float, float]:
    return (0.0, 0.0, float(view.width), float(view.height))


def focus_box(view) -> tuple[float, float, float, float]:
    """The lower back and pelvis (`View.focus`), or the whole view if it has none."""
    x0, y0, x1, y1 = view.focus
    return view.focus if x1 > x0 and y1 > y0 else whole_box(view)


def fit_zoom(box: tuple[float, float, float, float], how: str, width: int, height: int) -> ViewZoom:
    """The zoom showing `box` (mm) in a canvas of `width` x `height` pixels, with a small margin."""
    x0, y0, x1, y1 = box
    margin = 0.94 if how == "focus" else 0.97
    scale = margin * min(width / max(x1 - x0, 1e-6), height / max(y1 - y0, 1e-6))
    return ViewZoom(scale, (x0 + x1) / 2, (y0 + y1) / 2, how)


def refit(view, zoom: ViewZoom, width: int, height: int) -> ViewZoom:
    """A zoom the user has not changed follows the canvas's size; a hand-made one stays."""
    if not zoom.fitted:
        return zoom
    box = focus_box(view) if zoom.fitted == "focus" else whole_box(view)
    return fit_zoom(box, zoom.fitted, width, height)


def clamp_scale(view, scale: float, width: int, height: int) -> float:
    lo = MIN_FIT_FRACTION * min(width / view.width, height / view.height)
    return max(lo, min(MAX_PX_PER_MM, scale))


def zoom_at(view, zoom: ViewZoom, factor: float, anchor: QPointF, width: int, height: int) -> ViewZoom:
    """`zoom` times `factor`, keeping the mm point under `anchor` (widget pixels) in place."""
    mx, my = to_mm(zoom, anchor, width, height)
    scale = clamp_scale(view, zoom.scale * factor, width, height)
    return ViewZoom(scale, mx - (anchor.x() - width / 2) / scale, my - (anchor.y() - height / 2) / scale)


def transform(zoom: ViewZoom, width: int, height: int) -> QTransform:
    """From the view's mm frame to widget pixels."""
    t = QTransform()
    t.translate(width / 2, height / 2)
    t.scale(zoom.scale, zoom.scale)
    t.translate(-zoom.cx, -zoom.cy)
    return t


def to_mm(zoom: ViewZoom, pos: QPointF, width: int, height: int) -> tuple[float, float]:
    return ((pos.x() - width / 2) / zoom.scale + zoom.cx, (pos.y() - height / 2) / zoom.scale + zoom.cy)


class ZoomAndPan:
    """The body canvas's zoom and pan (a mixin of BodyCanvas: it needs `view()`, `session`, `_frame_view`,
    `_zoom`, `zoom_changed`)."""

    def mm_to_widget(self) -> QTransform:
        """Transform from the current view's mm frame to widget pixels (a copy of the one kept per zoom and size:
        every pointer move asks several times)."""
        z = self._view_zoom()
        key = (z.scale, z.cx, z.cy, self.width(), self.height())
        kept = getattr(self, "_transform_kept", None)
        if kept is None or kept[0] != key:
            kept = self._transform_kept = (key, transform(z, key[3], key[4]))
        return QTransform(kept[1])

    def widget_to_mm(self, pos: QPointF) -> tuple[float, float]:
        return to_mm(self._view_zoom(), pos, self.width(), self.height())

    def _view_zoom(self) -> ViewZoom:
        session = self.session
        z = self._zoom.get(session.view_id if session is not None else self._frame_view)
        if z is None:
            view = self.view()
            z = self._zoom[view.id] = fit_zoom(focus_box(view), "focus", self.width(), self.height())
        return z

    def zoom_percent(self) -> float:
        """Zoom as a percentage of life size on this screen."""
        return 100.0 * self._view_zoom().scale / self._life_size()

    def _life_size(self) -> float:
        return max(self.logicalDpiX(), 1) / 25.4  # widget pixels per real millimetre

    def _set_zoom(self, z: ViewZoom) -> None:
        view = self.view()
        z.scale = clamp_scale(view, z.scale, self.width(), self.height())
        self._zoom[view.id] = z
        self.update()
        self.zoom_changed.emit(self.zoom_percent())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by `factor`, keeping the mm point under `anchor` (widget pixels; default the centre) in place."""
        anchor = anchor or QPointF(self.width() / 2, self.height() / 2)
        self._set_zoom(zoom_at(self.view(), self._view_zoom(), factor, anchor, self.width(), self.height()))

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_fit(self) -> None:
        """The whole body."""
        self._set_zoom(fit_zoom(whole_box(self.view()), "fit", self.width(), self.height()))

    def zoom_focus(self) -> None:
        """The lower back and pelvis."""
        self._set_zoom(fit_zoom(focus_box(self.view()), "focus", self.width(), self.height()))

    def zoom_actual(self) -> None:
        """Life size (100 %)."""
        z = self._view_zoom()
        self._set_zoom(ViewZoom(self._life_size(), z.cx, z.cy))

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the picture by (dx, dy) widget pixels."""
        z = self._view_zoom()
        self._set_zoom(ViewZoom(z.scale, z.cx - dx / z.scale, z.cy - dy / z.scale))
