"""Files of the app: New / Open / Save / Save As / recent files / drop, export, autosave and crash recovery.

Autosave: within 2 s of a change the working drawing is written (atomically, mark by mark) to
`<AppDataLocation>/autosave/<id>.painmap.json`, next to `<id>.origin` (the file it belongs to) and a
`<id>.lock` QLockFile that this process holds. A clean exit removes all three. On start-up, an autosave whose
lock is stale (its process was killed or crashed) is offered for recovery, over the shown window.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QLocale, QLockFile, QObject, QSettings, QStandardPaths, QTimer, Signal

from painmap.app import file_dialogs
from painmap.app.background import RENDER_LOCK, run_with_progress
from painmap.app.file_dialogs import REPORT_FILTERS, last_folder, remember_folder, with_extension
from painmap.app.file_messages import plain_file_message
from painmap.app.i18n import tr
from painmap.app.toolbar import make_action
from painmap.atomic import write_text
from painmap.errors import PainmapError

SUFFIX = ".painmap.json"
FILTER = QT_TR_NOOP("Pain drawings (*.painmap.json);;JSON files (*.json);;All files (*)")
AUTOSAVE_DELAY_MS = 1500  # < 2 s after the first unsaved change
MAX_RECENT = 8
REPORT_FOLDER_KEY = "export/report_folder"
DRAWING_FOLDER_KEY = "files/drawing_folder"  # where the last drawing was saved or opened


def with_suffix(path: str | Path) -> Path:
    """Add `.painmap.json` unless the name already ends in `.json`."""
    path = Path(path)
    return path if path.name.endswith(".json") else path.with_name(path.name + SUFFIX)


class AutosaveStore:
    """This process's autosave slot, and the orphaned slots of processes that died."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
            folder = Path(base) / "autosave"
        self.folder = folder
        self.id = os.urandom(6).hex()  # 12 random hex digits (uuid's import costs ~5 ms at start-up)
        self._lock: QLockFile | None = None

    def _paths(self, slot: str) -> tuple[Path, Path, Path]:
        return (self.folder / f"{slot}{SUFFIX}", self.folder / f"{slot}.origin", self.folder / f"{slot}.lock")

    @property
    def drawing_path(self) -> Path:
        return self._paths(self.id)[0]

    def save(self, document, origin: Path | None) -> Path:
        """Write the working drawing (a DrawingDocument) and where it belongs into this process's slot."""
        self.folder.mkdir(parents=True, exist_ok=True)
        drawing_path, origin_path, lock_path = self._paths(self.id)
        if self._lock is None:
            self._lock = QLockFile(str(lock_path))
            self._lock.setStaleLockTime(0)
            self._lock.tryLock(0)
        write_text(origin_path, str(origin) if origin else "")
        document.autosave(drawing_path)  # the document's writer: atomic, one cached line per mark
        return drawing_path

    def discard(self) -> None:
        """Remove this process's slot (after a save or a clean exit)."""
        for path in self._paths(self.id)[:2]:
            path.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphans(self) -> list[str]:
        """Slots whose owner is gone, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob(f"*{SUFFIX}"):
            slot = path.name[: -len(SUFFIX)]
            if slot == self.id:
                continue
            lock = QLockFile(str(self._paths(slot)[2]))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):  # nobody holds it (a stale lock of a dead process is taken over)
                lock.unlock()
                found.append((path.stat().st_mtime, slot))
        return [slot for _mtime, slot in sorted(found, reverse=True)]

    def read(self, slot: str, atlas=None):
        """(drawing, origin path or None) of an orphaned slot."""
        from painmap.drawing import load_drawing

        drawing_path, origin_path, _lock = self._paths(slot)
        origin = origin_path.read_text(encoding="utf-8").strip() if origin_path.is_file() else ""
        return load_drawing(drawing_path, atlas=atlas), (Path(origin) if origin else None)

    def remove(self, slot: str) -> None:
        for path in self._paths(slot):
            path.unlink(missing_ok=True)


class RecentFiles(QObject):
    """The most recently opened or saved drawings, kept in QSettings."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    def paths(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add(self, path: Path) -> None:
        text = str(Path(path).resolve())
        paths = [text] + [p for p in self.paths() if p != text]
        self.settings.setValue("recent", paths[:MAX_RECENT])
        self.changed.emit()

    def remove(self, path: str) -> None:
        self.settings.setValue("recent", [p for p in self.paths() if p != path])
        self.changed.emit()


class FileController(QObject):
    """File actions of one window; errors show the engine's one-line message and change nothing."""

    def __init__(self, window, settings: QSettings, store: AutosaveStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._session = None
        self.settings = settings
        self.recent = RecentFiles(settings, self)
        self.store = store or AutosaveStore()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.autosave)
        a = self.actions = {}
        a["new"] = make_action(
            self, tr("&New"), ["Ctrl+N"], tr("Start a new, empty drawing on the body chosen in Preferences"), self.new
        )
        a["open"] = make_action(self, tr("&Open…"), ["Ctrl+O"], tr("Open a saved pain drawing"), self.open)
        a["save"] = make_action(self, tr("&Save"), ["Ctrl+S"], tr("Save the drawing"), self.save)
        a["save_as"] = make_action(
            self, tr("Save &As…"), ["Ctrl+Shift+S"], tr("Save the drawing under a new name"), self.save_as
        )
        a["export_png"] = make_action(
            self,
            tr("Export &picture…"),
            ["Ctrl+E"],
            tr("Save a figure of what the chart shows (PNG, PDF or SVG)"),
            self.export_picture,
        )
        a["export_report"] = make_action(
            self,
            tr("Export &report…"),
            ["Ctrl+Shift+E"],
            tr("Save a report of the drawing and its closest patterns (PDF, PNG or SVG)"),
            self.export_report,
        )
        a["quit"] = make_action(self, tr("&Quit"), ["Ctrl+Q"], tr("Close painmap"), window.close)

    def attach(self, session) -> None:
        """Work on `session` from now on (autosave after each change)."""
        self._session = session
        session.marks_changed.connect(self._schedule_autosave)
        session.meta_changed.connect(self._schedule_autosave)

    @property
    def session(self):
        """The window's session; used before start-up has finished, it finishes loading first."""
        if self._session is None:
            self.window.ensure_engine()
        return self._session

    def _unsaved(self) -> bool:
        if self._session is None:
            return bool(self.window.canvas.pending)  # marks drawn before the engine loaded are work too
        return self._session.modified

    # -- messages ----------------------------------------------------------------------------------------------
    def error(self, title: str, message: str, details: str = "", status: str = "") -> None:
        """A dialog with `message` (and `details` behind Details); the status bar shows `status` or `message`."""
        self.window.statusBar().showMessage(status or message, 10000)
        if details:
            file_dialogs.warn(self.window, title, message, details)
        else:
            file_dialogs.warn(self.window, title, message)

    def confirm_discard(self) -> bool:
        """True if the unsaved changes may go (saved now, or the user said discard)."""
        if not self._unsaved():
            return True
        if not self.session.modified:
            return True
        answer = file_dialogs.ask_unsaved(self.window)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- actions -----------------------------------------------------------------------------------------------
    def new(self) -> None:
        """File ▸ New: an empty drawing on the preferred body (Edit ▸ Preferences)."""
        if self.confirm_discard():
            from painmap.app.preferences import read_preferences

            body = read_preferences(self.settings).body
            self.session.new_drawing(atlas=self.window.body_choice.atlas_for(body))
            self.store.discard()

    def open(self) -> None:
        if not self.confirm_discard():
            return
        from PySide6.QtWidgets import QFileDialog  # here: its class (and enums) load when a dialog opens

        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open a pain drawing"), self._folder(), tr(FILTER))
        if path:
            self.open_path(path, confirmed=True)

    def open_path(self, path: str | Path, confirmed: bool = False) -> bool:
        """Open `path`; a DrawingError is shown and the current drawing stays as it was."""
        if not confirmed and not self.confirm_discard():
            return False
        try:
            # a drawing of the other body opens on that body's chart (painmap.app.body_choice)
            self.session.load(path, atlas=self.window.body_choice.atlas_for_file(path))
        except (PainmapError, OSError) as err:
            plain = plain_file_message(err)
            self.error(
                tr("Could not open the drawing"),
                plain,
                str(err),
                tr("{file}: {reason}").format(file=Path(path).name, reason=plain),
            )
            return False
        self.recent.add(Path(path))
        remember_folder(self.settings, DRAWING_FOLDER_KEY, Path(path).resolve())
        self.store.discard()
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        start = str(self.session.path or Path(self._folder()) / f"pain-drawing{SUFFIX}")
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.window, tr("Save the pain drawing"), start, tr(FILTER))
        return self._save_to(with_suffix(path)) if path else False

    def _save_to(self, path: Path) -> bool:
        from painmap.app.carry_forward import confirm_carried_save

        try:
            # a drawing carried forward from an older chart: asked once, the original kept beside if wanted
            kept = confirm_carried_save(self.window, self.session.drawing, path)
            if kept is False:
                return False
            self.session.save(path)
        except (PainmapError, OSError, ValueError) as err:
            self.error(tr("Could not save the drawing"), str(err))
            return False
        self.recent.add(path)
        remember_folder(self.settings, DRAWING_FOLDER_KEY, Path(path).resolve())
        self.store.discard()
        saved = tr("Saved {path}").format(path=path)
        if kept:
            saved += " " + tr("(the original is kept as {name})").format(name=kept.name)
        self.window.statusBar().showMessage(saved, 8000 if kept else 4000)
        return True

    def export_picture(self) -> bool:
        """File ▸ Export picture (painmap.app.export_picture): a figure of what is shown, not a screen crop."""
        from painmap.app.export_picture import export_picture

        return export_picture(self.window)

    def export_report(self) -> bool:
        """Ask where, then write the report of the drawing (PDF by default) without freezing the window."""
        current = self.session.path
        name = current.name.removesuffix(SUFFIX).removesuffix(".json") if current else "pain-drawing"
        start = Path(last_folder(self.settings, REPORT_FOLDER_KEY, current.parent if current else None))
        start = start / f"{name}-report.pdf"
        path, chosen = file_dialogs.ask_save_path(self.window, tr("Export a report"), str(start), tr(REPORT_FILTERS))
        if not path:
            return False
        return self.export_report_to(with_extension(path, chosen, REPORT_FILTERS))

    def export_report_to(self, path: str | Path) -> bool:
        """Write the report to `path` (PDF, PNG or SVG by its extension) in a worker thread, behind a busy dialog.

        The report names the drawing's file and reuses the app's comparator, so its numbers are the panels'.
        """
        from painmap.drawing import Drawing

        path = Path(path)
        current = self.session.drawing  # copied: the worker thread reads it while the GUI thread runs on
        drawing = Drawing(
            marks=list(current.marks),
            meta=dict(current.meta),
            created=current.created,
            body=current.body,
            chart=current.chart,
        )
        atlas, source = self.session.atlas, self.session.path
        self.window.ensure_engine()  # the engine loads after the first paint; an export this early needs it now
        live = self.window.live
        comparator = live.comparator
        library = live.library if comparator is not None else None
        paper = "letter" if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"

        def job(_task):
            from painmap.report import render_drawing_report

            with RENDER_LOCK:
                return render_drawing_report(
                    drawing,
                    path,
                    paper,
                    atlas=atlas,
                    library=library,
                    comparator=comparator,
                    source=source,
                )

        try:
            run_with_progress(self.window, tr("Export a report"), tr("Writing {file}…").format(file=path.name), job)
        except (PainmapError, OSError, ValueError) as err:
            self.error(tr("Could not export the report"), str(err))
            return False
        remember_folder(self.settings, REPORT_FOLDER_KEY, path)
        self.window.statusBar().showMessage(tr("Exported {path}").format(path=path), 4000)
        return True

    def _folder(self) -> str:
        """The folder a file dialog starts in: the drawing's, else the last one used, else Documents."""
        path = self._session.path if self._session is not None else self.window.start_path
        if path is not None:
            return str(path.parent)
        return last_folder(self.settings, DRAWING_FOLDER_KEY)

    # -- autosave and recovery ---------------------------------------------------------------------------------
    def _schedule_autosave(self) -> None:
        if not self.timer.isActive():  # not restarted: a long drawing session still saves every 1.5 s
            self.timer.start()

    def autosave(self) -> None:
        if self._session is None:
            return
        if self.session.modified:
            try:
                self.store.save(self.session.document, self.session.path)
            except (PainmapError, OSError) as err:
                self.window.statusBar().showMessage(tr("Autosave failed: {reason}").format(reason=err), 10000)
        else:
            self.store.discard()

    def offer_recovery(self, path_hint: Path | None = None) -> bool:
        """Offer the newest orphaned autosave; True if it was recovered. Older orphans are kept for later."""
        slots = self.store.orphans()
        if not slots:
            return False
        slot = slots[0]
        try:
            atlas = self.window.body_choice.atlas_for_file(self.store.folder / f"{slot}{SUFFIX}")
            drawing, origin = self.store.read(slot, atlas=atlas or self.session.atlas)
        except (PainmapError, OSError) as err:
            self.error(
                tr("Could not recover"), tr("the autosaved drawing could not be read: {reason}").format(reason=err)
            )
            self.store.remove(slot)
            return False
        n = len(drawing.marks)
        marks = (tr("{n} mark") if n == 1 else tr("{n} marks")).format(n=n)
        if origin:
            question = tr("painmap was closed without saving a drawing for {file} ({marks}). Recover it?")
        else:
            question = tr("painmap was closed without saving a drawing ({marks}). Recover it?")
        wanted = file_dialogs.ask_recover(self.window, question.format(file=origin.name if origin else "", marks=marks))
        self.store.remove(slot)
        if not wanted:
            return False
        self.session.recover(drawing, path_hint or origin, atlas=atlas)
        self.autosave()  # the recovered drawing is now this process's autosave
        return True

    def shutdown(self) -> None:
        """Clean exit: the autosave is no longer needed."""
        self.timer.stop()
        self.store.discard()
