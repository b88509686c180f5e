"""Legend of the canvas overlays, drawn with the very brushes the layers use (Travell & Simons convention)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from painmap import style
from painmap.app import texts
from painmap.app.i18n import tr
from painmap.app.stipple import hatch_brush, stipple_brush

PATTERN_KEYS = ("essential", "spillover", "trigger_point")
DIFFERENCE_KEYS = ("matched", "missed", "extra")


class Legend(QWidget):
    """Swatches and labels: the pattern (essential, spillover, X) on the left, the difference overlay on the right."""

    ROW = 22
    SWATCH = 28

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plain = True
        self.show_difference = False
        self.hatched = False  # the essential zone as the patient-mode layer draws it: outline + hatching
        self._spill = stipple_brush(style.SPILLOVER)
        self._hatch = hatch_brush(style.ESSENTIAL)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            tr("Solid red: main (essential) zone · red dots: spillover zone · X: trigger point")
            + "\n"
            + tr(
                "Difference: green = in drawing and pattern, orange lines = pattern only, "
                "purple cross-hatch = drawing only"
            )
        )

    def keys(self) -> tuple[str, ...]:
        return PATTERN_KEYS + (DIFFERENCE_KEYS if self.show_difference else ())

    def labels(self) -> list[str]:
        """The texts shown, in order."""
        return [tr(texts.LEGEND[k][0 if self.plain else 1]) for k in self.keys()]

    def set_plain(self, plain: bool) -> None:
        self.plain = plain
        self.update()

    def set_hatched(self, hatched: bool) -> None:
        self.hatched = hatched
        self.update()

    def set_show_difference(self, show: bool) -> None:
        if show != self.show_difference:
            self.show_difference = show
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(2 * 170, len(PATTERN_KEYS) * self.ROW + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _swatch(self, p: QPainter, key: str, r: QRectF) -> None:
        red = QColor(style.ESSENTIAL)
        p.setPen(QPen(red, 1.2))
        if key == "essential":
            fill = QColor(red)
            fill.setAlphaF(style.ESSENTIAL_ALPHA + 0.25)
            p.setPen(QPen(red, 2.0 if self.hatched else 1.2))
            p.setBrush(self._hatch if self.hatched else fill)
            p.drawRect(r)
        elif key == "spillover":
            p.setPen(QPen(red, 1.0, Qt.PenStyle.DashLine))
            p.setBrush(self._spill)
            p.drawRect(r)
        elif key == "trigger_point":
            c = r.center()
            h = 7.0
            for color, width in ((QColor("white"), 5.0), (QColor(style.TRIGGER_POINT), 2.5)):
                pen = QPen(color, width)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                p.setPen(pen)
                p.drawLine(QPointF(c.x() - h, c.y() - h), QPointF(c.x() + h, c.y() + h))
                p.drawLine(QPointF(c.x() - h, c.y() + h), QPointF(c.x() + h, c.y() - h))
        else:
            color = QColor({"matched": style.MATCHED, "missed": style.MISSED, "extra": style.EXTRA}[key])
            light = QColor(color)
            light.setAlpha(60 if key != "matched" else 170)
            p.setPen(QPen(color, 1.0))
            p.setBrush(light)
            p.drawRect(r)
            if key != "matched":
                p.setPen(QPen(color, 1.6))
                p.setClipRect(r)
                for off in range(-int(r.height()), int(r.width()) + 1, 5):
                    x0 = r.left() + off
                    p.drawLine(QPointF(x0, r.bottom()), QPointF(x0 + r.height(), r.top()))
                    if key == "extra":
                        p.drawLine(QPointF(x0, r.top()), QPointF(x0 + r.height(), r.bottom()))
                p.setClipping(False)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        col_w = self.width() / (2 if self.show_difference else 1)
        rows = len(PATTERN_KEYS)
        for i, (key, label) in enumerate(zip(self.keys(), self.labels(), strict=True)):
            x, y = (i // rows) * col_w, 2 + (i % rows) * self.ROW
            self._swatch(p, key, QRectF(x + 2, y + 3, self.SWATCH, self.ROW - 6))
            p.setPen(text)
            p.drawText(
                QRectF(x + self.SWATCH + 8, y, col_w - self.SWATCH - 10, self.ROW), Qt.AlignmentFlag.AlignVCenter, label
            )
