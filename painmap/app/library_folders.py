"""File ▸ Add pattern library folder… / Remove library folder…: learned patterns join the stored ones in the app.

A library folder is what `painmap learn -o DIR` writes (one sub-folder per pattern, the library's own format).
This module owns the list of added folders: it is kept in the settings (`library/folders`, a list of paths),
checked when a folder is added (a folder without a single valid pattern is refused with a dialog: one line and
the details), and handed to the live engine owner (`LiveComparison.set_library_folders`), which reloads the
library with the extra folders (`painmap.library.extend_library`, as `--library DIR` on the command line) and
compares again, so the added patterns appear in the pattern list and the matches. A folder that has gone
since it was added is skipped (and kept in the list, for a drive that is not mounted yet).
"""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from painmap.app.i18n import tr
from painmap.app.toolbar import make_action
from painmap.records import FACTORY, record

__all__ = ["SETTINGS_KEY", "FolderCheck", "LibraryFolders", "check_folder", "stored_folders"]

SETTINGS_KEY = "library/folders"


@record
class FolderCheck:
    """What a library folder holds: the ids of its patterns that load, and why the others do not."""

    folder: str
    patterns: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __init__(self, folder: str, patterns: list[str] = FACTORY, problems: list[str] = FACTORY) -> None:
        self.folder = folder
        self.patterns = [] if patterns is FACTORY else patterns
        self.problems = [] if problems is FACTORY else problems

    @property
    def ok(self) -> bool:
        return bool(self.patterns)


def check_folder(folder: str | os.PathLike, atlas, known: set[str] = frozenset()) -> FolderCheck:
    """Load a library folder's patterns for `atlas` (no side effect); ids in `known` count as clashes."""
    from painmap.errors import PainmapError
    from painmap.patterns import load_patterns

    path = Path(folder)
    found = FolderCheck(os.fspath(path))
    if not path.is_dir():
        found.problems.append(tr("It is not a folder (or it cannot be read)."))
        return found
    try:
        library = load_patterns(atlas, path)
    except PainmapError as err:
        found.problems.append(str(err))
        return found
    found.problems += [str(p) for p in library.problems]
    for pid in library.patterns:
        if pid in known:
            found.problems.append(tr("{id}: a pattern with this id is already loaded; rename it").format(id=pid))
        else:
            found.patterns.append(pid)
    if not library.patterns and not found.problems:
        found.problems.append(tr("It holds no pattern folders (each needs a pattern.toml), e.g. from painmap learn."))
    return found


def stored_folders(settings) -> list[str]:
    """The folders kept in the settings (a list of paths; one path or nothing read as such)."""
    value = settings.value(SETTINGS_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in (value or []) if str(v)]


def ask_folder(parent: QWidget | None) -> str:
    """The folder the user chose, or "" (tests replace this)."""
    from PySide6.QtWidgets import QFileDialog  # here: the dialogs' classes (and enums) load when one opens

    return QFileDialog.getExistingDirectory(parent, tr("Add pattern library folder"))


def ask_remove(parent: QWidget | None, folders: list[str]) -> str:
    """The folder the user chose to remove, or "" (tests replace this)."""
    from PySide6.QtWidgets import QInputDialog

    item, ok = QInputDialog.getItem(parent, tr("Remove library folder"), tr("Library folder:"), folders, 0, False)
    return item if ok else ""


def show_refusal(parent: QWidget | None, check: FolderCheck) -> None:
    """The dialog for a folder without a valid pattern: one line, the details under "Show Details…"."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Add pattern library folder"))
    box.setText(tr("No pattern could be loaded from {folder}.").format(folder=check.folder))
    box.setDetailedText("\n".join(check.problems))
    box.exec()


class LibraryFolders(QObject):
    """The added library folders: their actions in the File menu, the settings list, and the engine's copy."""

    changed = Signal(tuple)  # the folders now in use

    def __init__(self, window, settings) -> None:
        """`settings`: the window's QSettings (main_window.app_settings())."""
        super().__init__(window)
        self.window = window
        self.settings = settings
        add_tip = tr("Add the patterns of a folder written by painmap learn")
        self.add_action = make_action(window, tr("Add pattern library &folder…"), ["Ctrl+Alt+L"], add_tip)
        self.add_action.triggered.connect(self.choose_and_add)
        remove_tip = tr("Stop using the patterns of an added folder")
        self.remove_action = make_action(window, tr("Remove library folder…"), ["Ctrl+Alt+Shift+L"], remove_tip)
        self.remove_action.triggered.connect(self.choose_and_remove)
        self._update_actions()

    def folders(self) -> list[str]:
        return stored_folders(self.settings)

    def in_use(self) -> tuple[str, ...]:
        """The stored folders that exist now (a folder that has gone is skipped, not forgotten)."""
        return tuple(f for f in self.folders() if Path(f).is_dir())

    def attach(self, live) -> None:
        """Give the live engine owner the folders (before it loads, or it reloads now)."""
        live.set_library_folders(self.in_use())

    def add(self, folder: str) -> bool:
        """Add a folder whose patterns load; a folder without any is refused with a dialog. True when added."""
        folder = os.path.abspath(folder)
        folders = self.folders()
        if folder in folders:
            return True
        session = self.window.ensure_engine()  # start-up finished, the engine loaded: its ids are known
        live = self.window.live
        if session is None or live is None:
            return False
        check = check_folder(folder, session.atlas, set(live.library.patterns))
        if not check.ok:
            show_refusal(self.window, check)
            return False
        self._store([*folders, folder])
        return True

    def remove(self, folder: str) -> bool:
        folders = self.folders()
        if folder not in folders:
            return False
        self._store([f for f in folders if f != folder])
        return True

    def choose_and_add(self) -> bool:
        folder = ask_folder(self.window)
        return bool(folder) and self.add(folder)

    def choose_and_remove(self) -> bool:
        folders = self.folders()
        folder = ask_remove(self.window, folders) if folders else ""
        return bool(folder) and self.remove(folder)

    def _store(self, folders: list[str]) -> None:
        self.settings.setValue(SETTINGS_KEY, folders)
        self.settings.sync()
        self._update_actions()
        if self.window.live is not None:
            self.attach(self.window.live)
        self.changed.emit(self.in_use())

    def _update_actions(self) -> None:
        self.remove_action.setEnabled(bool(self.folders()))
