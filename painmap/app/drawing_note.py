"""Edit ▸ About this drawing: a note kept with the drawing (`meta.note`), saved with it and printed in the report."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from painmap.app.i18n import tr

MAX_NOTE_CHARS = 4000  # well inside the file format's 64 KB limit for meta
PLACEHOLDER = QT_TR_NOOP(
    "For example: when it started, what makes it worse or better, anything you want your clinician to know."
)


class DrawingNoteDialog(QDialog):
    """The note of the session's drawing; OK stores it (the drawing becomes modified), Cancel keeps it."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(tr("About this drawing"))
        intro = QLabel(tr("A note about this drawing. It is saved with the drawing and printed in its report."))
        intro.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("drawing-note")
        self.note.setPlaceholderText(tr(PLACEHOLDER))
        self.note.setPlainText(str(session.drawing.meta.get("note", "")))
        self.note.setToolTip(tr("Saved in the drawing file (meta.note)"))
        self.note.textChanged.connect(self._limit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note, 1)
        layout.addWidget(buttons)
        self.resize(480, 280)

    def _limit(self) -> None:
        text = self.note.toPlainText()
        if len(text) > MAX_NOTE_CHARS:
            self.note.setPlainText(text[:MAX_NOTE_CHARS])

    def accept(self) -> None:
        self.session.set_note(self.note.toPlainText())
        super().accept()


def open_note_dialog(window) -> DrawingNoteDialog:
    """Show the dialog (window-modal, not blocking) and return it."""
    dialog = DrawingNoteDialog(window.session, window)
    dialog.open()
    return dialog
