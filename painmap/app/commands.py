"""Undo steps for Qt: each `QUndoCommand` wraps one step of the session's `DrawingDocument`.

The document holds the history and does the work (painmap.document); the QUndoStack only orders the steps so
the Edit menu, its texts and the shortcuts stay Qt's. The stack and the document move together: every document
step is pushed here once, and undo/redo call the document's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QUndoCommand

from painmap.app.i18n import tr

if TYPE_CHECKING:
    from painmap.app.session import DrawingSession
    from painmap.document import Step

__all__ = ["STEP_TEXTS", "StepCommand"]

# The Edit menu's name of each step ("Undo Brush stroke"): painmap.document's step texts, for translation.
STEP_TEXTS = {
    "stroke": QT_TR_NOOP("Brush stroke"),
    "erase": QT_TR_NOOP("Erase"),
    "fill": QT_TR_NOOP("Fill region"),
    "clear": QT_TR_NOOP("Clear view"),
    "lasso": QT_TR_NOOP("Lasso"),
}


class StepCommand(QUndoCommand):
    """One document step (stroke, erase, fill or clear), already done when it is pushed."""

    def __init__(self, session: DrawingSession, step: Step) -> None:
        super().__init__(tr(STEP_TEXTS.get(step.kind, step.text)))
        self._session = session
        self.step = step
        self._pushed = True  # the document already did it: the push's redo() does nothing

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        self._session.apply_change(self._session.document.redo())

    def undo(self) -> None:
        self._session.apply_change(self._session.document.undo())
