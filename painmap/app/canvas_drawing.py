"""The pain drawing on the canvas: an Indexed8 QImage over each view's PainMasks array (no copy), of which a
paint converts and scales only the pixels under the exposed rectangle.

Zoomed in (a mask pixel wider than `SMOOTH_FROM` screen pixels) the finished drawing is shown with smooth edges:
the shaded area's coverage is scaled up bilinearly and its 50 % level drawn with a one-pixel alpha ramp, so
edges follow the contour instead of the pixel staircase. Only the picture is smoothed; the masks (and every
number) stay the exact pixels. While a stroke is drawn the new pixels are scaled nearest (fast).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from painmap import style
from painmap.app.plain_import import plain_import

DRAWING_ALPHA = 215  # the drawing lets the anatomy show through a little
SMOOTH_FROM = 1.5  # screen pixels per mask pixel from which edges are drawn smooth
SMOOTH_STEP = 4  # the smooth picture is computed at up to 4 px per mask pixel, then scaled bilinearly by Qt


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


class DrawingImages:
    """One Indexed8 image per view over the masks' arrays, rebuilt when an array is replaced."""

    def __init__(self) -> None:
        self._images: dict[str, tuple[object, QImage]] = {}  # view -> (the array it shows, the image)
        self._color_table: list[int] | None = None

    def clear(self) -> None:
        self._images.clear()

    def image(self, masks, view_id: str) -> QImage:
        """The Indexed8 image over the view's PainMasks array (no copy)."""
        array = masks.array(view_id)
        cached = self._images.get(view_id)
        if cached is not None and cached[0] is array:  # the image keeps the array alive: `is` is safe
            return cached[1]
        if self._color_table is None:
            self._color_table = intensity_color_table()
        h, w = array.shape
        image = QImage(array.data, w, h, array.strides[0], QImage.Format.Format_Indexed8)
        image.setColorTable(self._color_table)
        image._array = array  # keep the buffer alive as long as the image
        self._images[view_id] = (array, image)
        return image

    def paint(self, painter: QPainter, masks, view_id: str, t: QTransform, exposed: QRect, smooth: bool) -> None:
        """Only the mask pixels under the exposed rectangle (widget pixels); `painter` is in the view's mm frame,
        without smooth pixmap scaling (it is turned on for a smooth paint)."""
        image = self.image(masks, view_id)
        inv, _ok = t.inverted()
        mm = inv.mapRect(QRectF(exposed))
        g = masks.grid(view_id)
        m = 3 if smooth else 1  # smoothing reads two pixels around each one: a patch's edge matches its neighbour's
        x0 = max(0, math.floor(mm.left() * g.sx) - m)
        y0 = max(0, math.floor(mm.top() * g.sy) - m)
        x1 = min(image.width(), math.ceil(mm.right() * g.sx) + m)
        y1 = min(image.height(), math.ceil(mm.bottom() * g.sy) + m)
        if x1 <= x0 or y1 <= y0:
            return
        target = QRectF(x0 / g.sx, y0 / g.sy, (x1 - x0) / g.sx, (y1 - y0) / g.sy)
        if smooth:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            factor = t.mapRect(target).width() / (x1 - x0) * painter.device().devicePixelRatioF()
        if smooth and factor >= SMOOTH_FROM:
            with plain_import():  # numpy: the session exists by now
                from painmap.app.smooth_edges import shaded_box, smooth_argb

            box = shaded_box(masks.array(view_id), (y0, y1, x0, x1))
            if box is not None:  # only the shaded pixels and their edge: the rest would be transparent
                y0, y1, x0, x1 = box
                if self._color_table is None:
                    self._color_table = intensity_color_table()
                step = min(SMOOTH_STEP, math.ceil(factor))
                argb = smooth_argb(masks.array(view_id)[y0:y1, x0:x1], step, self._color_table)
                h, w = argb.shape
                target = QRectF(x0 / g.sx, y0 / g.sy, (x1 - x0) / g.sx, (y1 - y0) / g.sy)
                painter.drawImage(target, QImage(argb.data, w, h, 4 * w, QImage.Format.Format_ARGB32))
            return
        part = image.copy(x0, y0, x1 - x0, y1 - y0).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter.drawImage(target, part)
