"""The body art rendered once per zoom (and device pixel ratio), then blitted: panning and painting never render
the SVG again while the picture stays inside what was rendered.

An entry covers a rectangle of the view's device-pixel grid (pixel (u, v) shows mm (u, v) / (scale · dpr)):
what the canvas shows plus a margin on every side, clipped to the view's frame. A pan within the margin (or
any pan, when the whole view fits) and every dirty-rectangle repaint blit from it; a pan beyond the margin
renders a new entry once. A few entries are kept (two zooms or views), so turning back costs nothing.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap, QTransform

MARGIN = 0.25  # of the canvas's size, on each side
ENTRIES = 2


class ArtCache:
    """Rendered art keyed by (what is drawn, view, zoom, dpr); `renders` counts SVG renders (tests, benchmarks)."""

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple, tuple[QRect, QPixmap]] = OrderedDict()
        self.renders = 0
        self.latest: tuple[QRect, QPixmap] | None = None  # the entry used last

    def clear(self) -> None:
        self._entries.clear()
        self.latest = None

    def entry(self, key: tuple) -> tuple[QRect, QPixmap] | None:
        """The entry of `key` (its grid rectangle and pixmap), if one is cached."""
        return self._entries.get(key)

    def pixmap(
        self, key: tuple, view, scale: float, origin: QPointF, size: tuple[int, int], dpr: float, base: QColor, render
    ) -> tuple[QPointF, QPixmap]:
        """(where to draw it in widget pixels, the pixmap) of the art showing `view` at `scale` px/mm, with the
        view's mm origin at widget point `origin` on a canvas of `size`; `render(painter)` draws the art in the
        view's mm frame when a new entry is needed."""
        k = scale * dpr
        gx, gy = round(origin.x() * dpr), round(origin.y() * dpr)  # grid -> widget device pixels
        frame = QRect(0, 0, math.ceil(view.width * k), math.ceil(view.height * k))
        w, h = round(size[0] * dpr), round(size[1] * dpr)
        visible = QRect(-gx, -gy, w, h).intersected(frame)
        full = (key, view.id, round(scale, 6), dpr, base.rgba())  # zoom in then out gives the scale back ± 1 ulp
        found = self._entries.get(full)
        if found is None or not (visible.isEmpty() or found[0].contains(visible)):
            mx, my = round(MARGIN * w), round(MARGIN * h)
            rect = QRect(-gx - mx, -gy - my, w + 2 * mx, h + 2 * my).intersected(frame)
            if rect.isEmpty():
                rect = QRect(0, 0, 1, 1)
            found = (rect, self._render(rect, scale, dpr, base, render))
            self._entries[full] = found
            while len(self._entries) > ENTRIES:
                self._entries.popitem(last=False)
        self._entries.move_to_end(full)
        self.latest = found
        rect, pixmap = found
        return QPointF((rect.x() + gx) / dpr, (rect.y() + gy) / dpr), pixmap

    def _render(self, rect: QRect, scale: float, dpr: float, base: QColor, render) -> QPixmap:
        pixmap = QPixmap(rect.width(), rect.height())
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(base)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = QTransform()
        t.translate(-rect.x() / dpr, -rect.y() / dpr)
        t.scale(scale, scale)
        painter.setTransform(t)
        render(painter)
        painter.end()
        self.renders += 1
        return pixmap


def blit(painter: QPainter, exposed: QRect, base: QColor, at: QPointF, pixmap: QPixmap) -> None:
    """Fill `exposed` (widget pixels) with the base colour and draw the cached art over it, 1:1."""
    painter.fillRect(exposed, base)
    dpr = pixmap.devicePixelRatio()
    target = QRectF(at.x(), at.y(), pixmap.width() / dpr, pixmap.height() / dpr).intersected(QRectF(exposed))
    if target.isEmpty():
        return
    source = QRectF(
        (target.x() - at.x()) * dpr, (target.y() - at.y()) * dpr, target.width() * dpr, target.height() * dpr
    )
    painter.drawPixmap(target, pixmap, source)
