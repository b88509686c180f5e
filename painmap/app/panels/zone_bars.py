"""Per-zone coverage as plain Qt bars: one row per body zone, the share of the pattern there that is shaded.

Plain QPainter instead of an embedded matplotlib figure: a matplotlib redraw of these bars takes ~15 ms, the
whole one-frame budget of the live comparison (docs/decisions.md).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from painmap import style
from painmap.app.i18n import tr


def zone_label(zone: str) -> str:
    """'lower-back' -> 'Lower back'."""
    text = zone.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


class ZoneBars(QWidget):
    """Horizontal bars 0–100 % with a label and the value written beside each bar."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setToolTip(tr("Per body zone: how much of the pattern's area there your drawing covers"))

    def set_values(self, values: dict[str, float]) -> None:
        """Show {zone id: coverage in [0, 1]}, in the given order."""
        rows = [(zone_label(z), max(0.0, min(1.0, float(v)))) for z, v in values.items()]
        if rows != self._rows:
            resize = len(rows) != len(self._rows)
            self._rows = rows
            if resize:
                self.updateGeometry()
            self.update()

    def rows(self) -> list[tuple[str, float]]:
        """(label, value) as shown."""
        return list(self._rows)

    def sizeHint(self) -> QSize:
        return QSize(260, max(1, len(self._rows)) * self.ROW + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, max(1, len(self._rows)) * self.ROW + 6)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        track = pal.color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        bar = QColor(style.MATCHED)
        fm = p.fontMetrics()
        label_w = min(self.width() // 2, max((fm.horizontalAdvance(t) for t, _ in self._rows), default=0) + 8)
        value_w = fm.horizontalAdvance("100 %") + 6
        bar_w = max(10, self.width() - label_w - value_w - 4)
        if not self._rows:
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "—")
            return
        for i, (label, value) in enumerate(self._rows):
            y = 3 + i * self.ROW
            p.setPen(text)
            p.drawText(QRectF(0, y, label_w - 6, self.ROW), Qt.AlignmentFlag.AlignVCenter, label)
            frame = QRectF(label_w, y + 4, bar_w, self.ROW - 8)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(track)
            p.drawRoundedRect(frame, 3, 3)
            p.setBrush(bar)
            p.drawRoundedRect(QRectF(frame.x(), frame.y(), frame.width() * value, frame.height()), 3, 3)
            p.setPen(text)
            p.drawText(
                QRectF(label_w + bar_w + 4, y, value_w, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                f"{round(100 * value)} %",
            )


class ValueBar(QWidget):
    """A thin 0–1 bar that only schedules a repaint (QProgressBar repaints synchronously on every change)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(10)

    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        value = max(0.0, min(1.0, float(value)))
        if value != self._value:
            self._value = value
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(120, 10)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        track = self.palette().color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        p.setBrush(track)
        frame = QRectF(self.rect())
        p.drawRoundedRect(frame, 3, 3)
        p.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
        p.drawRoundedRect(QRectF(0, 0, frame.width() * self._value, frame.height()), 3, 3)
