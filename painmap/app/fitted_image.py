"""FittedImage: a picture scaled to fit the widget (aspect kept, centred, smooth), with a note over it while busy."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget


class FittedImage(QWidget):
    """Shows one QImage as large as fits; `set_note(text)` draws a small banner (e.g. "Drawing…") over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._scaled: QPixmap | None = None
        self._note = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)

    def image(self) -> QImage:
        return self._image

    def set_image(self, image: QImage) -> None:
        self._image = image
        self._scaled = None
        self.updateGeometry()
        self.update()

    def set_note(self, text: str) -> None:
        self._note = text
        self.update()

    def note(self) -> str:
        return self._note

    def sizeHint(self) -> QSize:
        if self._image.isNull():
            return QSize(640, 480)
        ratio = self.devicePixelRatioF() or 1.0
        return QSize(int(self._image.width() / ratio), int(self._image.height() / ratio))

    def image_rect(self) -> QRect:
        """Where the picture is drawn, in widget pixels."""
        if self._image.isNull():
            return QRect()
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRect(
            (self.width() - size.width()) // 2, (self.height() - size.height()) // 2, size.width(), size.height()
        )

    def resizeEvent(self, event) -> None:
        self._scaled = None
        super().resizeEvent(event)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        target = self.image_rect()
        if not target.isEmpty():
            ratio = self.devicePixelRatioF() or 1.0
            want = target.size() * ratio
            if self._scaled is None or self._scaled.size() != want:
                # scaled once per size with a smooth filter: sharper than scaling while painting
                scaled = self._image.scaled(
                    want, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
                self._scaled = QPixmap.fromImage(scaled)
                self._scaled.setDevicePixelRatio(ratio)
            painter.drawPixmap(target.topLeft(), self._scaled)
        if self._note:
            metrics = painter.fontMetrics()
            box = metrics.boundingRect(self._note).adjusted(-12, -6, 12, 6)
            box.moveCenter(self.rect().center())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 160))
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._note)
        painter.end()
