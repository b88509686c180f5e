"""A word-wrapped label that a dock cannot squeeze: its minimum height is what its text needs at its width."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from painmap.app.panels.height_fit import HeightFit


class WrappedLabel(HeightFit, QLabel):
    """QLabel with word wrap whose minimum height follows `heightForWidth` at its current width (HeightFit), so a
    short dock lays it below the table above it, never over it; without text it asks for nothing."""

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        if text == self.text():  # each ranking sets the summary again: nothing to lay out
            return
        super().setText(text)
        self.fit_height()

    def fit_height(self) -> None:
        if self.text():
            super().fit_height()
        elif self.minimumHeight():
            self.setMinimumHeight(0)
