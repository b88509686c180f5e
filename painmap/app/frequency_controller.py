"""File → Open folder as frequency map: aggregate a folder of drawings in a worker thread, then show the map.

`painmap.aggregate.aggregate` runs in a `TaskThread` behind a progress dialog whose Cancel sets the
threading.Event that aggregate checks after each chunk of drawings; from a worker thread it starts its worker
processes with forkserver, never fork. Bad files are skipped and listed in the map's window.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject

from painmap.app import file_dialogs
from painmap.app.background import TaskThread, run_with_progress
from painmap.app.file_dialogs import last_folder, remember_folder
from painmap.app.frequency_jobs import aggregate_job
from painmap.app.frequency_window import FrequencyMapWindow, render_map_image
from painmap.app.i18n import tr, tr_count
from painmap.app.toolbar import make_action
from painmap.errors import PainmapError

FOLDER_KEY = "frequency/folder"


class FrequencyController(QObject):
    """The "Open folder as frequency map" action of a main window and the map windows it opened."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.windows: list[FrequencyMapWindow] = []
        self.open_action = make_action(
            self,
            tr("Open folder as &frequency map…"),
            ["Ctrl+Shift+O"],
            tr("Read every drawing in a folder and show where pain was drawn how often"),
            self.open_folder,
        )

    def _library(self):
        """The live comparison's pattern library (loaded now if start-up has not yet), or None if it did not load."""
        self.window.ensure_engine()
        library = self.window.live.library
        return library if library.patterns else None

    def open_folder(self) -> FrequencyMapWindow | None:
        start = last_folder(self.window.settings, FOLDER_KEY, None)
        folder = file_dialogs.ask_folder(self.window, tr("Open a folder of drawings as a frequency map"), start)
        return self.open_paths([folder]) if folder else None

    def open_paths(self, paths: Sequence[str | os.PathLike]) -> FrequencyMapWindow | None:
        """Aggregate `paths` (folders, files or globs) with progress and Cancel; show the map, or say why not."""
        paths = [os.fspath(p) for p in paths]
        atlas = self.window.ensure_engine().atlas
        cancel = threading.Event()
        read = aggregate_job(paths, cancel)

        def job(task: TaskThread):
            result = read(task)
            if result.cancelled:
                return result, None
            task.message.emit(
                tr_count(
                    result.n_drawings,
                    QT_TR_NOOP("Drawing the map of {n} drawing…"),
                    QT_TR_NOOP("Drawing the map of {n} drawings…"),
                )
            )
            return result, render_map_image(result, None, atlas)

        name = Path(paths[0]).name if len(paths) == 1 else tr("{n} folders").format(n=len(paths))
        try:
            result, image = run_with_progress(
                self.window, tr("Frequency map"), tr("Reading the drawings in {name}…").format(name=name), job, cancel
            )
        except Exception as err:  # a bad folder or a crashed worker process must not take the drawing with it
            self._error(error_line(err))
            return None
        remember_folder(self.window.settings, FOLDER_KEY, paths[0])
        if result.cancelled:
            self.window.statusBar().showMessage(
                tr_count(
                    result.n_drawings,
                    QT_TR_NOOP("Frequency map cancelled after {n} drawing; nothing shown"),
                    QT_TR_NOOP("Frequency map cancelled after {n} drawings; nothing shown"),
                ),
                8000,
            )
            return None
        map_window = FrequencyMapWindow(result, image, paths, atlas, self._library(), self.window.settings, self.window)
        self.windows.append(map_window)
        map_window.destroyed.connect(lambda _=None, w=map_window: self._forget(w))
        map_window.show()
        map_window.raise_()
        map_window.activateWindow()
        return map_window

    def close_all(self) -> None:
        """Close every map window (when the main window closes)."""
        for map_window in list(self.windows):
            map_window.close()

    def _forget(self, map_window: FrequencyMapWindow) -> None:
        if map_window in self.windows:
            self.windows.remove(map_window)

    def _error(self, message: str) -> None:
        self.window.files.error(tr("Could not make a frequency map"), message)


def error_line(err: BaseException) -> str:
    """One line for a message box: our own errors as they are, anything else with its type."""
    lines = str(err).strip().splitlines()
    text = lines[0] if lines else ""
    if isinstance(err, (PainmapError, OSError)):
        return text or type(err).__name__
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
