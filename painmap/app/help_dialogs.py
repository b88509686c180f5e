"""Help ▸ Keyboard shortcuts (a table built from the window's own actions) and Help ▸ About."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from painmap import __version__
from painmap.app.crash_dialog import about_log_html
from painmap.app.files import SUFFIX


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(action, shortcuts, what it does) for every action with a shortcut, from the actions themselves."""
    rows, seen = [], set()
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if not keys or action.text() in seen:
            continue
        seen.add(action.text())
        name = action.text().replace("&", "")
        rows.append((name, ", ".join(keys), action.statusTip() or action.toolTip()))
    return sorted(rows, key=lambda r: r[0].lower())


def shortcuts_dialog(window) -> QDialog:
    """The (non-modal) table of every shortcut, including pan and wheel zoom."""
    rows = shortcut_rows(window)
    rows.append(("Pan", "Middle-drag, or Space + drag", "Move the picture"))
    rows.append(("Zoom at the pointer", "Mouse wheel", "Zoom in or out where the pointer is"))
    dialog = QDialog(window)
    dialog.setWindowTitle("Keyboard shortcuts")
    table = QTableWidget(len(rows), 3, dialog)
    table.setHorizontalHeaderLabels(["Action", "Keys", "What it does"])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(720, 560)
    return dialog


def show_about(window) -> None:
    QMessageBox.about(
        window,
        "About painmap",
        f"<b>painmap {__version__}</b><p>Shade where you feel pain and see which referral patterns of muscles "
        "(such as the gluteus medius) or the sacroiliac joint look alike.</p>"
        "<p>painmap informs and teaches. It does not diagnose and does not recommend a treatment.</p>"
        f"<p>Drawings are saved as <i>*{SUFFIX}</i> files.</p>"
        + about_log_html(),  # where the error log is (painmap.app.crash_dialog)
    )
