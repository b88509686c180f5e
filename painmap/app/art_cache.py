"""The body art rendered once per zoom (and device pixel ratio), then blitted: panning and painting never render
the SVG again while the picture stays inside what was rendered.

An entry covers a rectangle of the view's device-pixel grid (pixel (u, v) shows mm (u, v) / (scale · dpr), shifted
by the sub-pixel part of where the view's origin falls, in eighths of a pixel, so the art lies exactly where the
canvas's transform puts the drawing and the zones, and a pan by whole pixels keeps the entry): what the canvas
shows plus a margin on every side, clipped to the view's frame. A pan within the margin (or
any pan, when the whole view fits) and every dirty-rectangle repaint blit from it; a pan beyond the margin
renders a new entry once. A few entries are kept (two zooms or views), so turning back costs nothing.
The first entry a cache renders (the window's first paint) covers only what is visible: the paint waits for no
margin (at the start-up zoom the margin more than doubles the pixels rendered); `pixmap(widen=True)` (start-up,
after the first ranking) or the first pan beyond it renders it again with its margin. Every later entry has one.
The first `DISK_ENTRIES` entries (a start's two: the first paint's, and the one with its margin) are read from
the disk cache when a past start kept them (painmap.app.art_disk), else rendered and kept there; the entries made
later (zooms, pans) are not written.
`overlaid` paints something over the latest entry (the pattern's own muscle) into one copy, so a paint still
blits one pixmap and a change of that overlay renders no SVG.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTransform

from painmap.app.enum_free import fill_rect
from painmap.errors import AtlasError

MARGIN = 0.25  # of the canvas's size, on each side
ENTRIES = 2
DISK_ENTRIES = 2  # the first entries made are read from, or kept in, the disk cache


class ArtCache:
    """Rendered art keyed by (what is drawn, view, zoom, dpr); `renders` counts SVG renders (tests, benchmarks).

    `disk`: the ArtDisk the first entries are read from and kept in (None: none)."""

    def __init__(self, disk=None) -> None:
        self._entries: OrderedDict[tuple, tuple] = OrderedDict()
        self.disk = disk
        self.renders = 0
        self.made = 0  # entries made, rendered or read from the disk
        self.latest: tuple | None = None  # the entry used last: (rect, pixmap, scale, dpr, fx, fy)
        self._narrow: tuple | None = None  # the first paint's entry while it has no margin
        self._overlay: tuple[tuple, QPixmap] | None = None

    def clear(self) -> None:
        self._entries.clear()
        self.latest = self._overlay = None
        self._narrow = None

    @property
    def narrow(self) -> bool:
        """Whether the latest entry is the first paint's, without a margin."""
        return self.latest is not None and self.latest is self._narrow

    def pixmap(
        self,
        key: tuple,
        view,
        scale: float,
        origin: QPointF,
        size: tuple[int, int],
        dpr: float,
        base: QColor,
        render,
        source=None,
        widen: bool = False,
    ) -> tuple[QPointF, QPixmap | QImage]:
        """(where to draw it in widget pixels, the picture: a pixmap rendered, or the disk cache's image) of the art
        showing `view` at `scale` px/mm, with the view's mm origin at widget point `origin` on a canvas of `size`;
        `render(painter)` draws the art in the view's mm frame when a new entry is needed. `source()` names the
        file the art is drawn from, for the disk cache's key (None: no disk cache). `widen`: an entry without a
        margin is made again with one."""
        k = scale * dpr
        (gx, fx), (gy, fy) = _split(origin.x() * dpr), _split(origin.y() * dpr)  # grid -> widget device pixels
        frame = QRect(0, 0, math.ceil(view.width * k), math.ceil(view.height * k))
        w, h = round(size[0] * dpr), round(size[1] * dpr)
        visible = QRect(-gx, -gy, w, h).intersected(frame)
        full = (key, view.id, round(scale, 6), dpr, fx, fy, base.rgba())  # zoom in, out: the scale back ± 1 ulp
        found = self._entries.get(full)
        if widen and found is not None and found is self._narrow:
            found = None
        if found is None or not (visible.isEmpty() or found[0].contains(visible)):
            first = self.made == 0  # the first paint: what it shows, and no margin to wait for
            mx, my = (0, 0) if first else (round(MARGIN * w), round(MARGIN * h))
            rect = QRect(-gx - mx, -gy - my, w + 2 * mx, h + 2 * my).intersected(frame)
            if rect.isEmpty():
                rect = QRect(0, 0, 1, 1)
            disk_key = self._disk_key(full, view, rect, scale, source)
            picture = self.disk.load(disk_key, rect.width(), rect.height(), dpr) if disk_key else None
            if picture is None:
                picture = self._render(rect, scale, dpr, fx, fy, base, render)
                if disk_key:
                    self.disk.keep(disk_key, picture)
            self.made += 1
            found = (rect, picture, scale, dpr, fx, fy)
            self._narrow = found if first else None
            self._entries[full] = found
            while len(self._entries) > ENTRIES:
                self._entries.popitem(last=False)
        self._entries.move_to_end(full)
        self.latest = found
        return QPointF((found[0].x() + gx) / dpr, (found[0].y() + gy) / dpr), found[1]

    def overlaid(self, key: tuple, paint) -> QPixmap:
        """The latest entry's pixmap with `paint(painter)` drawn over it in the view's mm frame, made once per
        (entry, `key`)."""
        rect, picture, scale, dpr, fx, fy = self.latest
        full = (picture.cacheKey(), key)
        if self._overlay is None or self._overlay[0] != full:
            copy = QPixmap.fromImage(picture) if isinstance(picture, QImage) else QPixmap(picture)
            painter = QPainter(copy)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setTransform(_grid(rect, scale, dpr, fx, fy))
            paint(painter)
            painter.end()
            self._overlay = (full, copy)
        return self._overlay[1]

    def _disk_key(self, full: tuple, view, rect: QRect, scale: float, source) -> str | None:
        """The disk cache's key of an entry (None: the entry is not one the disk cache keeps)."""
        if self.disk is None or source is None or self.made >= DISK_ENTRIES:
            return None
        try:
            named = source()
        except (AtlasError, KeyError):  # art that cannot be read is drawn (blank) by the render, not kept
            return None
        where = (rect.x(), rect.y(), rect.width(), rect.height(), repr(scale), view.width, view.height)
        return self.disk.key(f"{full!r}\n{where!r}\n{named}")

    def _render(self, rect: QRect, scale: float, dpr: float, fx: float, fy: float, base: QColor, render) -> QPixmap:
        pixmap = QPixmap(rect.width(), rect.height())
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(base)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(_grid(rect, scale, dpr, fx, fy))
        render(painter)
        painter.end()
        self.renders += 1
        return pixmap


def _split(device: float) -> tuple[int, float]:
    """A device-pixel position as (whole pixels, fraction in eighths)."""
    whole = math.floor(device)
    eighths = round((device - whole) * 8)
    return (whole + 1, 0.0) if eighths == 8 else (whole, eighths / 8)


def _grid(rect: QRect, scale: float, dpr: float, fx: float = 0.0, fy: float = 0.0) -> QTransform:
    """From the view's mm frame to the logical pixels of an entry covering `rect` of the device grid, the view's
    origin `fx`, `fy` device pixels past the grid's."""
    t = QTransform()
    t.translate((fx - rect.x()) / dpr, (fy - rect.y()) / dpr)
    t.scale(scale, scale)
    return t


def target_ratio(widget, painter: QPainter) -> float:
    """The pixel ratio of what `painter`, begun on `widget` in its paint event, paints into (the window's backing
    store, a grab's pixmap, a QImage the widget is rendered into): the device Qt redirects the widget's paint to,
    which the painter's engine paints on, read without `painter.paintEngine()` (PySide builds QPaintEngine, ~1 ms)."""
    device = widget.redirected(QPoint())
    return (device if device is not None else painter.paintEngine().paintDevice()).devicePixelRatioF()


def blit(painter: QPainter, exposed: QRect, base: QColor, at: QPointF, pixmap: QPixmap | QImage) -> None:
    """Fill `exposed` (widget pixels) with the base colour and draw the cached art over it, 1:1 (the art is
    opaque: where it covers all of `exposed` at a whole pixel ratio, the fill is skipped). `pixmap` is a pixmap
    rendered or the image read from the disk cache."""
    draw = painter.drawImage if isinstance(pixmap, QImage) else painter.drawPixmap
    dpr = pixmap.devicePixelRatio()
    target = QRectF(at.x(), at.y(), pixmap.width() / dpr, pixmap.height() / dpr).intersected(QRectF(exposed))
    if not (dpr == 1.0 and target == QRectF(exposed) and not pixmap.hasAlphaChannel()):
        fill_rect(painter, exposed, base)  # not QPainter.fillRect: painmap.app.enum_free
    if target.isEmpty():
        return
    if dpr == 1.0 and at.x().is_integer() and at.y().is_integer():  # whole pixels: a plain copy of the part shown
        x, y = int(at.x()), int(at.y())
        part = exposed.intersected(QRect(x, y, pixmap.width(), pixmap.height()))
        draw(part.topLeft(), pixmap, part.translated(-x, -y))
        return
    source = QRectF(
        (target.x() - at.x()) * dpr, (target.y() - at.y()) * dpr, target.width() * dpr, target.height() * dpr
    )
    draw(target, pixmap, source)
