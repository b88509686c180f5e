"""`HeightFit`: a widget whose contents wrap asks for the height they need at its width.

QMainWindow's dock layout asks a dock's contents for a minimum size only, never for a height for a width, so a
short dock would lay wrapped lines over the widgets below them, or cut them. The mixin keeps the widget's minimum
height at `heightForWidth(width())`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent

__all__ = ["HeightFit"]


class HeightFit:
    """Mixin, before the QWidget class: the minimum height follows the wrapped height, again whenever the width,
    the font (patient mode's larger dock font, the system's font size) or the widget's layout changes."""

    def fit_height(self) -> None:
        old = self.minimumHeight()
        self.setMinimumHeight(0)  # a QLabel's height for a width is never below its minimum: measured without it
        need = max(self.heightForWidth(self.width()), 0)
        self.setMinimumHeight(need)
        if need != old:
            self.updateGeometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # a taller or shorter box wraps the same
            self.fit_height()

    def event(self, event) -> bool:
        done = super().event(event)
        # a new font reaches the labels, and their layout, after the resize that follows it
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutRequest):
            self.fit_height()
        return done
