"""The marks the canvas draws in widget pixels: landmark dots and labels, the side markers, the brush outline.

They keep a constant on-screen size whatever the zoom, so they are drawn after the millimetre-frame content;
each is cached (fonts, label boxes per zoom, the brush ring per radius) because the canvas repaints a small
dirty rectangle on every pointer move. The side markers, part of the window's first paint, are painted without
naming the Qt namespace (painmap.app.enum_free): their text takes the painter's first pen, the canvas's white
foreground.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPixmap, QTransform

from painmap import style
from painmap.app.enum_free import ALIGN_CENTER, rounded_box, solid_pen
from painmap.app.i18n import tr

MARKER_TEXT = QColor(255, 255, 255)


class ChartMarks:
    """Landmarks, side markers and the brush ring of one BodyCanvas."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas

    def use_foreground_for_text(self) -> None:
        """Make the canvas's foreground white: a painter begun on it starts with that pen, the side markers' text."""
        palette = self.canvas.palette()
        palette.setColor(QPalette.ColorRole.WindowText, MARKER_TEXT)
        self.canvas.setPalette(palette)

    def ring(self, radius: int) -> QPixmap:
        """The brush outline (white halo, dark line) as a cached pixmap: cheap to blit on every move."""
        dpr = self.canvas.devicePixelRatioF()
        key = (radius, dpr)
        if getattr(self, "_ring_cache", (None,))[0] != key:
            side = 2 * (radius + 3) + 1
            pixmap = QPixmap(max(1, round(side * dpr)), max(1, round(side * dpr)))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(QColor(0, 0, 0, 0))  # transparent
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            c = QPointF(side / 2, side / 2)
            p.setPen(QPen(QColor(255, 255, 255, 200), 3))
            p.drawEllipse(c, radius, radius)
            p.setPen(QPen(QColor(style.SIDE_MARKER), 1))
            p.drawEllipse(c, radius, radius)
            p.end()
            self._ring_cache = (key, pixmap)
        return self._ring_cache[1]

    def fonts(self) -> tuple[QFont, QFontMetricsF, QFont]:
        """(landmark font, its metrics, side-marker font), rebuilt when the font or landmark scale changes."""
        key = (self.canvas.font(), self.canvas._landmark_scale)  # QFont ==, far cheaper than its key() string
        cached = getattr(self, "_font_cache", None)
        if cached is None or cached[0] != key:
            label = QFont(self.canvas.font())
            label.setPointSizeF(label.pointSizeF() * 0.9 * self.canvas._landmark_scale)
            marker = QFont(self.canvas.font())
            marker.setBold(True)
            marker.setPointSizeF(marker.pointSizeF() * 1.6)
            cached = self._font_cache = (key, (label, QFontMetricsF(label), marker))
        return cached[1]

    def _landmark_boxes(self, view, t: QTransform) -> list[tuple[QPointF, QRectF, str]]:
        """(dot centre, label box, text) of every landmark in widget pixels, cached per view and zoom."""
        z = self.canvas._view_zoom()
        c = self.canvas
        key = (id(view), z.scale, z.cx, z.cy, c.width(), c.height(), c._landmark_scale, c.font())
        cached = getattr(self, "_landmark_cache", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        k = self.canvas._landmark_scale
        _font, fm, _marker = self.fonts()
        dot = 3.5 * k
        mid = t.map(view.width / 2, 0.0)[0]  # (x, y): map(QPointF)'s overloads build QPolygon, QRegion …
        boxes = []
        for landmark in view.landmarks:
            p = QPointF(*t.map(float(landmark.x), float(landmark.y)))
            text = tr(landmark.label or landmark.key)  # the chart's English name, in the window's language
            w, h = fm.horizontalAdvance(text) + 6 * k, fm.height() + 2 * k
            x = p.x() - dot - 3 * k - w if p.x() < mid - 1 else p.x() + dot + 3 * k
            x = max(0.0, min(x, c.width() - w))  # a long name (educator size, Spanish) stays inside the canvas
            boxes.append((p, QRectF(x, p.y() - h / 2, w, h), text))
        _spread_apart([box for _p, box, _t in boxes])
        reach = 3.5 * k + 8 * k  # a dot's radius and the repaint margin of paint_landmarks
        extents = []  # (left, top, right, bottom) of each landmark's dot and label, in plain floats
        for p, box, _text in boxes:
            x, y = p.x(), p.y()
            extents.append(
                (
                    min(box.left(), x - reach),
                    min(box.top(), y - reach),
                    max(box.right(), x + reach),
                    max(box.bottom(), y + reach),
                )
            )
        self._landmark_cache = (key, boxes)
        self._landmark_extents = extents
        return boxes

    def landmark_tip(self, pos: QPointF) -> str:
        """The glossary entry of the landmark label (or dot) under `pos` (widget pixels), or ''."""
        c = self.canvas
        if not c.landmarks_visible:
            return ""
        dot = 3.5 * c._landmark_scale + 3
        view = c.view()
        for landmark, (p, box, _text) in zip(view.landmarks, self._landmark_boxes(view, c.mm_to_widget()), strict=True):
            near = (p.x() - pos.x()) ** 2 + (p.y() - pos.y()) ** 2 <= dot * dot
            if box.contains(pos) or near:
                from painmap import vocabulary  # here: its import (dataclasses) is not paid before the first paint

                terms = vocabulary.glossary_terms([landmark.label or landmark.key])
                return "\n".join(tr("{term}: {meaning}").format(term=tr(t), meaning=tr(m)) for t, m in terms)
        return ""

    def show_tip(self, event, structures=()) -> bool:
        """Show (or hide) the tooltip of a QHelpEvent over the canvas: the glossary entry of a landmark, else the
        names of the bones and muscles under the pointer; the event is handled."""
        from PySide6.QtWidgets import QToolTip  # here: PySide builds the class on first use, after the first paint

        tip = self.landmark_tip(QPointF(event.pos())) or structure_names(structures)
        if tip:
            QToolTip.showText(event.globalPos(), tip, self.canvas)
        else:
            QToolTip.hideText()
            event.ignore()
        return True

    def paint_landmarks(self, painter: QPainter, view, t: QTransform, exposed: QRect) -> None:
        k = self.canvas._landmark_scale
        boxes = self._landmark_boxes(view, t)
        x0, y0 = exposed.x() - 8 * k, exposed.y() - 8 * k  # the exposed rectangle with a margin, in floats
        x1, y1 = x0 + exposed.width() + 16 * k, y0 + exposed.height() + 16 * k
        area = QRectF(x0, y0, x1 - x0, y1 - y0)
        todo = [
            b
            for b, (left, top, right, bottom) in zip(boxes, self._landmark_extents, strict=True)
            if left < x1
            and right > x0
            and top < y1
            and bottom > y0  # may meet: then the exact test
            and (area.intersects(b[1]) or area.contains(b[0]))
        ]
        if not todo:
            return
        from PySide6.QtCore import Qt  # here: the first paint shows no landmark (painmap.app.enum_free)

        painter.setFont(self.fonts()[0])
        dot = 3.5 * k
        ink = QColor(style.LANDMARK)
        halo = QColor(255, 255, 255, 210)
        for p, box, text in todo:
            painter.setPen(QPen(halo, 1.5))
            painter.setBrush(ink)
            painter.drawEllipse(p, dot, dot)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(box, 3 * k, 3 * k)
            painter.setPen(ink)
            painter.drawText(box, ALIGN_CENTER, text)

    def side_marker_rects(self) -> tuple[QRectF, QRectF]:
        """Where the viewer's-left and viewer's-right markers are drawn (widget pixels), cached: every repaint asks."""
        _font, _fm, marker = self.fonts()
        labels = tuple(tr(label) for label in self.canvas.view().edge_labels)
        key = (labels, self.canvas.width(), marker)
        cached = getattr(self, "_marker_cache", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        fm = QFontMetricsF(marker)
        pad, margin = 8.0, 10.0
        h = fm.height() + 2 * pad * 0.6
        wl = fm.horizontalAdvance(labels[0]) + 2 * pad
        wr = fm.horizontalAdvance(labels[1]) + 2 * pad
        rects = (QRectF(margin, margin, wl, h), QRectF(self.canvas.width() - margin - wr, margin, wr, h))
        self._marker_cache = (key, rects)
        return rects

    def side_title_rect(self) -> QRectF:
        """Where a side view's name ("Right side") is written, top centre (empty for other views)."""
        title = self.side_title()
        if not title:
            return QRectF()
        fm = QFontMetricsF(self.fonts()[2])
        w, h = fm.horizontalAdvance(title) + 16.0, fm.height() + 9.6
        return QRectF((self.canvas.width() - w) / 2, 10.0, w, h)

    def side_title(self) -> str:
        """'Right side' / 'Left side' on a side view, '' elsewhere: the view says which side it shows."""
        title = self.canvas.view().title
        return tr(title) if title.lower().endswith(" side") else ""

    def paint_side_markers(self, painter: QPainter, view, exposed: QRect) -> None:
        """The side markers and a side view's title: white text in a rounded box. `painter`'s pen must be the one
        it began with (the canvas's white foreground, `use_foreground_for_text`)."""
        rects = self.side_marker_rects()
        area = QRectF(exposed)
        title_box = self.side_title_rect()
        boxes = [(title_box, self.side_title())] if not title_box.isEmpty() and area.intersects(title_box) else []
        if any(area.intersects(r) for r in rects):
            boxes += [(box, tr(text)) for text, box in zip(view.edge_labels, rects, strict=True)]
        if not boxes:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.fonts()[2])
        fill, outline = QColor(style.SIDE_MARKER), solid_pen(MARKER_TEXT, 2)
        for box, text in boxes:
            rounded_box(painter, box, 6, fill, outline)
            painter.drawText(box, ALIGN_CENTER, text)


def structure_name(structure) -> str:
    """One structure's name in the window's language: "Gluteus medius (right)", "Sacrum", "L4"."""
    from painmap.app.chart_words import SIDED
    from painmap.structures import display_name

    name = display_name(structure)
    sided = SIDED.get(structure.side)
    suffix = f" ({structure.side})"
    if sided is not None and name.endswith(suffix):
        return tr(sided).format(name=tr(name[: -len(suffix)]))
    return tr(name)


def structure_names(structures) -> str:
    """ "Gluteus maximus (right) over gluteus medius (right)": the structures under the pointer, topmost first."""
    names = [structure_name(s) for s in structures]
    if len(names) < 2:
        return "".join(names)
    return tr("{top} over {under}").format(top=names[0], under=", ".join(n[:1].lower() + n[1:] for n in names[1:]))


def _spread_apart(boxes: list[QRectF], rounds: int = 6) -> None:
    """Move overlapping label boxes apart vertically (each pair half way), so close landmarks such as the PSIS
    and the SI joint keep readable labels at any label size."""
    for _ in range(rounds):
        moved = False
        order = sorted(boxes, key=lambda b: b.center().y())
        for i, upper in enumerate(order):
            for lower in order[i + 1 :]:
                if not upper.intersects(lower):
                    continue
                overlap = upper.bottom() - lower.top() + 1.0
                upper.translate(0, -overlap / 2)
                lower.translate(0, overlap / 2)
                moved = True
        if not moved:
            return
