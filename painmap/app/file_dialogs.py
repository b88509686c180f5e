"""The app's file choosers and questions, as plain functions that tests replace (monkeypatch) to answer them.

Also the output-name rule of exports: a name without a known extension gets the extension of the chosen filter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QSettings, QStandardPaths
from PySide6.QtWidgets import QWidget

from painmap.app.i18n import tr

# File-dialog filters (translated where shown: tr(REPORT_FILTERS)); each keeps its "(*.ext)" patterns.
REPORT_FILTERS = QT_TR_NOOP("PDF documents (*.pdf);;PNG pictures (*.png);;SVG drawings (*.svg)")
MAP_FILTERS = QT_TR_NOOP("PNG pictures (*.png);;PDF documents (*.pdf);;SVG drawings (*.svg)")
CSV_FILTER = QT_TR_NOOP("CSV tables (*.csv)")
FIGURE_SUFFIXES = (".pdf", ".png", ".svg")


def ask_folder(parent: QWidget | None, caption: str, start: str) -> str:
    """A folder chosen by the user, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog  # here: the dialogs' classes (and enums) load when one opens

    return QFileDialog.getExistingDirectory(parent, caption, start)


def ask_save_path(parent: QWidget | None, caption: str, start: str, filters: str) -> tuple[str, str]:
    """(file name, chosen filter) of a save dialog; the name is "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getSaveFileName(parent, caption, start, filters)


def warn(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """Show a one-line error over `parent` and wait for OK; `details` (the precise reason) behind Details."""
    from PySide6.QtWidgets import QMessageBox

    if not details:
        QMessageBox.warning(parent, title, message)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    box.exec()


def ask_unsaved(parent: QWidget | None) -> str:
    """ "save", "discard" or "cancel": what to do with unsaved changes."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        tr("Unsaved changes"),
        tr("The drawing has changes that are not saved. Save them first?"),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def ask_recover(parent: QWidget | None, text: str) -> bool:
    """True if the user wants the autosaved drawing described in `text` back."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    reply = QMessageBox.question(parent, tr("Recover unsaved drawing?"), text, buttons.Yes | buttons.No, buttons.Yes)
    return reply == buttons.Yes


def filter_suffix(chosen: str, filters: str) -> str:
    """The extension of a filter such as "PNG pictures (*.png)"; the first filter's when none was chosen."""
    text = chosen or filters.split(";;")[0]
    start = text.find("(*.")
    return text[start + 2 : text.find(")", start)].split()[0].lower() if start >= 0 else ""


def with_extension(path: str | Path, chosen: str, filters: str, known: tuple[str, ...] = FIGURE_SUFFIXES) -> Path:
    """`path` as typed when it ends in a known extension; otherwise with the chosen filter's extension added."""
    path = Path(path)
    if path.suffix.lower() in known:
        return path
    return path.with_name(path.name + filter_suffix(chosen, filters))


def last_folder(settings: QSettings, key: str, fallback: Path | None = None) -> str:
    """The folder remembered under `key`, else `fallback`'s, else the user's documents folder."""
    remembered = str(settings.value(key, "") or "")
    if remembered and Path(remembered).is_dir():
        return remembered
    if fallback is not None and fallback.is_dir():
        return str(fallback)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember_folder(settings: QSettings, key: str, path: str | Path) -> None:
    """Remember the folder of `path` (or `path` itself when it is a folder) under `key`."""
    path = Path(path)
    settings.setValue(key, str(path if path.is_dir() else path.parent))
