"""Canvas layers drawn over the body chart: a referral pattern (Travell & Simons) and a drawing's difference.

A layer has `z`, `visible` and `paint(painter, view)`; the canvas calls `paint` with the painter already in the
view's millimetre frame (1 unit = 1 mm, y down).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QTransform

from painmap import style
from painmap.app.stipple import hatch_brush, stipple_brush
from painmap.geometry import nonzero_box
from painmap.polygons import polygon_path

SIDES = ("right", "left", "both")
TRP_SIZE_PX = 16.0  # X markers keep their size on screen at any zoom


class DeviceCache:
    """A layer rendered once on the device's pixel grid, then blitted: a brush repaint of a small dirty
    rectangle costs a clipped image copy instead of re-filling every zone. Zoom, pan, resize or a change of
    the layer's `key` renders it again."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._image: QImage | None = None
        self.renders = 0  # how often the layer was rendered (tests and benchmarks)

    def clear(self) -> None:
        self._key, self._image = None, None

    def blit(self, painter: QPainter, key: tuple, render) -> None:
        """Draw the cached image for `key` and the painter's transform; `render(painter)` draws it afresh."""
        device = painter.device()  # the widget (its size in widget pixels) …
        dpr = painter.paintEngine().paintDevice().devicePixelRatioF()  # … and the target's pixel ratio
        w, h = device.width(), device.height()
        t = painter.worldTransform()
        full = (key, w, h, dpr, t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())
        if full != self._key or self._image is None:
            image = QImage(max(1, round(w * dpr)), max(1, round(h * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            p = QPainter(image)
            p.setTransform(t)
            render(p)
            p.end()
            self._image, self._key = image, full
            self.renders += 1
        painter.save()
        painter.resetTransform()
        area = painter.clipBoundingRect().toAlignedRect() if painter.hasClipping() else None
        if area is not None and dpr == 1.0:  # a dirty rectangle: only its pixels, 1:1
            painter.drawImage(area, self._image, area)
        else:
            painter.drawImage(QPointF(0.0, 0.0), self._image)
        painter.restore()


def _screen_scale(painter: QPainter) -> float:
    """Device pixels per millimetre of the painter's current transform."""
    t = painter.worldTransform()
    return max(1e-6, (t.m11() ** 2 + t.m12() ** 2) ** 0.5)


def _unscaled(brush: QBrush, painter: QPainter) -> QBrush:
    """The brush with its texture counter-scaled, so the dots keep their size in screen pixels."""
    s = 1.0 / _screen_scale(painter)
    brush = QBrush(brush)
    brush.setTransform(QTransform.fromScale(s, s))
    return brush


class PatternLayer:
    """One referral pattern: essential zones solid, spillover stippled, an X at each trigger point.

    `side` is "right", "left" or "both"; `trigger_point` limits the zones and markers to one TrP (None: all).
    Bilateral zones show on both sides whatever the side. Only the zones of the painted view are drawn.
    With `outline_only` the zones keep their outlines (solid essential, dashed spillover) but lose their fill,
    so a difference overlay underneath stays readable. With `hatched` (patient mode) the essential zone is an
    outline over thin diagonal lines instead of a translucent fill, so a drawing underneath is never hidden.
    """

    def __init__(self, atlas, z: int = 60) -> None:
        self.atlas = atlas
        self.z = z
        self.visible = True
        self.opacity = 0.65
        self.outline_only = False  # zones as outlines only, e.g. over the difference overlay
        self.hatched = False  # essential zone as outline + hatching, never a fill (patient mode)
        self.cache = DeviceCache()
        self.side = "right"
        self.trigger_point: str | None = None
        self._sides: dict[str, object] = {}  # "right"/"left" -> Pattern in that side's coordinates
        self._paths: dict[tuple[str, str], list[tuple[str, QPainterPath, str]]] = {}
        self._essential = QColor(style.ESSENTIAL)
        self._spill = stipple_brush(style.SPILLOVER)
        self._hatch = hatch_brush(style.ESSENTIAL)
        self._own: dict[tuple, tuple] = {}

    # -- state ---------------------------------------------------------------------------------------------
    @property
    def pattern(self):
        """The pattern as stored (right side), or None."""
        return self._sides.get("right")

    def set_pattern(self, pattern, mirrored=None) -> None:
        """Show `pattern` (stored side); `mirrored` is its left-side mirror (painmap.patterns.mirror_pattern)."""
        self._sides = {} if pattern is None else {pattern.side: pattern}
        if pattern is not None:
            other = "left" if pattern.side == "right" else "right"
            if mirrored is None:
                from painmap.pattern_sides import mirror_pattern

                mirrored = mirror_pattern(pattern, self.atlas)
            self._sides[other] = mirrored
        self._paths.clear()
        if self.trigger_point and not any(tp.id == self.trigger_point for tp in self.trigger_points()):
            self.trigger_point = None

    def set_side(self, side: str) -> None:
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}, not {side!r}")
        self.side = side

    def trigger_points(self) -> tuple:
        """The pattern's trigger points (stored side), in order."""
        pattern = self.pattern
        return pattern.trigger_points if pattern is not None else ()

    def step_trigger_point(self, step: int) -> str | None:
        """Move to the next (+1) or previous (-1) trigger point; the cycle is all, TrP1, TrP2, ..., all."""
        ids = [None, *(tp.id for tp in self.trigger_points())]
        i = ids.index(self.trigger_point) if self.trigger_point in ids else 0
        self.trigger_point = ids[(i + step) % len(ids)]
        return self.trigger_point

    # -- geometry ------------------------------------------------------------------------------------------
    def _shown_sides(self) -> tuple[str, ...]:
        return ("right", "left") if self.side == "both" else (self.side,)

    def shapes(self, view_id: str) -> list[tuple[str, QPainterPath, str]]:
        """(kind, path, trigger point id) of every zone drawn on this view, essential first."""
        key = (view_id, self.side)
        if key not in self._paths:
            shown = self._shown_sides()
            out = []
            for side, pattern in self._sides.items():
                for zone in pattern.zones:
                    if zone.view == view_id and (side in shown or zone.bilateral):
                        out.append((zone.kind, polygon_path(zone.polygon), zone.trigger_point))
            out.sort(key=lambda s: s[0] != "spillover")  # spillover underneath, essential on top
            self._paths[key] = out
        tp = self.trigger_point
        return [s for s in self._paths[key] if tp is None or not s[2] or s[2] == tp]

    def markers(self, view_id: str) -> list[tuple[float, float, str]]:
        """(x, y, label) of the trigger points drawn on this view."""
        out = []
        for side in self._shown_sides():
            pattern = self._sides.get(side)
            if pattern is None:
                continue
            for tp in pattern.trigger_points:
                if tp.view == view_id and (self.trigger_point is None or tp.id == self.trigger_point):
                    out.append((tp.x, tp.y, tp.label or tp.id))
        return out

    def own_structures(self, view) -> tuple:
        """The Structures of the pattern's own muscle on `view`, on the sides shown (the canvas highlights them)."""
        pattern = self.pattern
        if pattern is None or pattern.kind != "muscle" or not getattr(view, "structures", ()):
            return ()
        key = (id(view), id(pattern), self.side)
        if key not in self._own:
            from painmap.structures import pattern_structure_ids

            ids = set(pattern_structure_ids(view, pattern.id, self.side))
            self._own[key] = tuple(s for s in view.structures if s.id in ids)
        return self._own[key]

    # -- painting ------------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, view) -> None:
        if not self.visible or not self._sides:
            return
        key = (view.id, id(self.pattern), self.side, self.trigger_point, self.outline_only, self.hatched)
        painter.save()
        painter.setOpacity(painter.opacity() * self.opacity)
        self.cache.blit(painter, key, lambda p: self._render(p, view.id))
        painter.restore()
        painter.save()  # the X markers stay black at any opacity: they are few lines, drawn directly
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_markers(painter, view.id, 1.0 / _screen_scale(painter))
        painter.restore()

    def _render(self, painter: QPainter, view_id: str) -> None:
        """The zones at full opacity, the painter in the view's millimetre frame."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        px = 1.0 / _screen_scale(painter)  # one screen pixel in mm
        spill = _unscaled(self._spill, painter)
        fill: QColor | QBrush = QColor(self._essential)
        fill.setAlphaF(style.ESSENTIAL_ALPHA + 0.25)
        if self.hatched:
            fill = _unscaled(self._hatch, painter)
        bold = self.outline_only or self.hatched
        for kind, path, _tp in self.shapes(view_id):
            if kind == "essential":
                painter.setPen(QPen(self._essential, (2.5 if bold else 1.5) * px))
                painter.setBrush(Qt.BrushStyle.NoBrush if self.outline_only else fill)
            else:
                painter.setPen(QPen(self._essential, (2.0 if self.outline_only else 1.2) * px, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush if self.outline_only else spill)
            painter.drawPath(path)

    def _paint_markers(self, painter: QPainter, view_id: str, px: float) -> None:
        """The X of each trigger point whose reach (with its pen) meets the painter's clip (all without one)."""
        half = TRP_SIZE_PX * px / 2
        todo = self.markers(view_id)
        if painter.hasClipping():  # a dirty rectangle (mm): the markers outside it would change no pixel
            area = painter.clipBoundingRect()
            reach = half + 6.0 * px
            left, top = area.left() - reach, area.top() - reach
            right, bottom = area.right() + reach, area.bottom() + reach
            todo = [m for m in todo if left <= m[0] <= right and top <= m[1] <= bottom]
        if not todo:
            return
        pens = []
        for color, width in ((QColor("white"), 5.0), (QColor(style.TRIGGER_POINT), 2.5)):
            pen = QPen(color, width * px)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pens.append(pen)
        for x, y, _label in todo:
            for pen in pens:
                painter.setPen(pen)
                painter.drawLine(QPointF(x - half, y - half), QPointF(x + half, y + half))
                painter.drawLine(QPointF(x - half, y + half), QPointF(x + half, y - half))

    def names_title(self) -> str:
        """The pattern's name, with the trigger point's when one is chosen ("Gluteus medius · TrP2")."""
        pattern = self.pattern
        if pattern is None:
            return ""
        tp = next((t for t in pattern.trigger_points if t.id == self.trigger_point), None)
        return f"{pattern.name} · {tp.label or tp.id}" if tp is not None else pattern.name

    def paint_names(self, painter: QPainter, view, t: QTransform, exposed) -> None:
        """The pattern's name (top centre) and each trigger point's beside its X, in widget pixels (full screen)."""
        if not self.visible or not self._sides:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.5)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        title = self.names_title()
        width = painter.device().width() / max(painter.device().devicePixelRatioF(), 1e-6)
        box = QRectF(
            (width - fm.horizontalAdvance(title)) / 2 - 12, 54, fm.horizontalAdvance(title) + 24, fm.height() + 10
        )
        boxes = [(box, title)]
        for x, y, label in self.markers(view.id):
            p = t.map(QPointF(x, y))
            boxes.append(
                (
                    QRectF(
                        p.x() + TRP_SIZE_PX,
                        p.y() - fm.height() / 2 - 4,
                        fm.horizontalAdvance(label) + 14,
                        fm.height() + 8,
                    ),
                    label,
                )
            )
        area = QRectF(exposed)
        for rect, text in boxes:
            if rect.intersects(area):
                painter.setPen(QPen(QColor(style.TRIGGER_POINT), 1.5))
                painter.setBrush(QColor(255, 255, 255, 225))
                painter.drawRoundedRect(rect, 5, 5)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def _argb(color: str, alpha: int) -> np.uint32:
    """A colour as one ARGB32 pixel value (QImage.Format_ARGB32, native byte order)."""
    c = QColor(color)
    return np.uint32((alpha << 24) | (c.red() << 16) | (c.green() << 8) | c.blue())


def _difference_lut() -> np.ndarray:
    """ARGB32 colour for each 5-bit code: matched 1, missed 2, extra 4, diagonal line 8, cross-hatch 16."""
    lut = np.zeros(32, dtype=np.uint32)
    for code in range(32):
        if code & 1:
            lut[code] = _argb(style.MATCHED, 170)
        if code & 2:
            lut[code] = _argb(style.MISSED, 255 if code & 8 else 60)
        if code & 4:
            lut[code] = _argb(style.EXTRA, 255 if code & 16 else 60)
    return lut


_DIFFERENCE_LUT = _difference_lut()


class DifferenceLayer:
    """Matched / missed / extra pixels of a drawing against a pattern, by colour and by hatch.

    Matched is solid green, missed orange diagonal lines, extra purple cross-hatch (painmap.style): the three
    stay apart in grey-scale and for colour-blind viewers. Masks are boolean arrays over the view's frame.
    """

    HATCH_PERIOD = 6  # mask pixels

    def __init__(self, z: int = 55) -> None:
        self.z = z
        self.visible = True
        self.opacity = 0.85
        self.view_id: str | None = None
        self._image: QImage | None = None
        self._buffer: np.ndarray | None = None  # keeps the QImage's memory alive
        self._target = QRectF()
        self._hatch_grid: np.ndarray | None = None
        self.counts = {"matched": 0, "missed": 0, "extra": 0}

    def clear(self) -> None:
        self.view_id, self._image, self._buffer = None, None, None
        self._target = QRectF()
        self.counts = {"matched": 0, "missed": 0, "extra": 0}

    def set_masks(self, view_id: str, matched, missed, extra, size_mm: tuple[float, float]) -> None:
        """Show the three boolean masks of `view_id`, which cover `size_mm` = (width, height) of the view.

        Only the bounding box of the three becomes an image, so the cost follows the pattern's size, not the
        canvas's; each pixel's colour is one table look-up of (matched, missed, extra, hatch) bits. Hatches are
        laid on the whole grid, so they do not shift between updates.
        """
        matched, missed, extra = (np.asarray(m, dtype=bool) for m in (matched, missed, extra))
        union = matched | missed | extra
        box = nonzero_box(union)
        if box is None:
            self.view_id, self._image, self._buffer, self._target = view_id, None, None, QRectF()
            self.counts = {"matched": 0, "missed": 0, "extra": 0}
            return
        r0, r1, c0, c1 = box
        crop = (slice(r0, r1), slice(c0, c1))
        m, mi, ex = matched[crop], missed[crop], extra[crop]
        self.counts = {
            "matched": int(np.count_nonzero(m)),
            "missed": int(np.count_nonzero(mi)),
            "extra": int(np.count_nonzero(ex)),
        }
        code = self._hatch(union.shape)[crop] | m.view(np.uint8) | (mi.view(np.uint8) << 1) | (ex.view(np.uint8) << 2)
        self._buffer = np.ascontiguousarray(_DIFFERENCE_LUT[code])
        h, w = self._buffer.shape
        self._image = QImage(self._buffer.data, w, h, 4 * w, QImage.Format.Format_ARGB32)
        sx, sy = union.shape[1] / size_mm[0], union.shape[0] / size_mm[1]  # pixels per mm
        self._target = QRectF(c0 / sx, r0 / sy, w / sx, h / sy)
        self.view_id = view_id

    def _hatch(self, shape: tuple[int, int]) -> np.ndarray:
        """Bits 8 (diagonal lines) and 16 (cross-hatch) for every pixel of a grid; cached per grid shape."""
        if self._hatch_grid is None or self._hatch_grid.shape != shape:
            yy, xx = np.ogrid[: shape[0], : shape[1]]
            period = self.HATCH_PERIOD
            diag = ((xx + yy) % period) < 2
            cross = diag | (((xx - yy) % period) < 2)
            self._hatch_grid = (diag.astype(np.uint8) << 3) | (cross.astype(np.uint8) << 4)
        return self._hatch_grid

    def paint(self, painter: QPainter, view) -> None:
        if not self.visible or self._image is None or view.id != self.view_id:
            return
        painter.save()
        painter.setOpacity(painter.opacity() * self.opacity)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self._target, self._image)
        painter.restore()
