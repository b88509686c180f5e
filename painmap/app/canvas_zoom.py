"""Zoom and pan of the body canvas: one `ViewZoom` per view (widget pixels per mm and the mm point at the centre).

Pure arithmetic on the canvas's size; the canvas asks for a zoom, applies it and repaints.
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
