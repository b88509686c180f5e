"""A word-wrapped label that a dock cannot squeeze: its minimum height is what its text needs at its width."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class WrappedLabel(QLabel):
    """QLabel with word wrap whose minimum height follows `heightForWidth` at its current width.

    A dock's layout (QMainWindow's) asks its contents for a minimum size only, never for a height for a width, so
    a wrapped label above or below a table could be laid out over it when the docks are short. Keeping the
    minimum at the wrapped height makes the dock, and the window, honour it.
    """

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        old = self.minimumHeight()
        self.setMinimumHeight(0)  # QLabel's height for a width is never below its minimum: measured without it
        need = max(self.heightForWidth(self.width()), 0) if self.text() else 0
        self.setMinimumHeight(need)
        if need != old:
            self.updateGeometry()
