"""FrequencyMapWindow: the frequency map of a folder of drawings, its skipped files, a pattern outline, exports.

The picture is `painmap.report.render_frequency_map`'s own PNG, so what the window shows is what Export writes.
Rendering (a fraction of a second) runs in a worker thread; the window stays usable meanwhile.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QSettings, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from painmap.app import file_dialogs
from painmap.app.background import RENDER_LOCK, TaskThread, run_with_progress
from painmap.app.file_dialogs import CSV_FILTER, MAP_FILTERS, last_folder, remember_folder, with_extension
from painmap.app.fitted_image import FittedImage
from painmap.app.frequency_jobs import aggregate_job
from painmap.app.i18n import tr, tr_count
from painmap.app.toolbar import make_action
from painmap.errors import PainmapError

EXPORT_FOLDER_KEY = "frequency/export_folder"
NO_OUTLINE = ""


def render_map_image(result, pattern, atlas) -> QImage:
    """The frequency map as a QImage (rendered to a temporary PNG that is removed at once)."""
    from painmap.report import render_frequency_map

    with tempfile.TemporaryDirectory(prefix="painmap-map-") as folder:
        path = Path(folder) / "map.png"
        with RENDER_LOCK:
            render_frequency_map(result, path, pattern, atlas=atlas)
        image = QImage(str(path))
    if image.isNull():
        raise PainmapError(tr("the frequency map could not be drawn"))
    return image


class FrequencyMapWindow(QMainWindow):
    """One aggregated folder: the map (`image`), `summary`, the `skipped_table`, the `outline` chooser, exports."""

    def __init__(
        self,
        result,
        image: QImage,
        paths: Sequence[str | os.PathLike],
        atlas,
        library,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result = result
        self.paths = [os.fspath(p) for p in paths]
        self.atlas, self.library, self.settings = atlas, library, settings
        self.name = Path(self.paths[0]).name if len(self.paths) == 1 else tr("{n} folders").format(n=len(self.paths))
        self.setWindowTitle(tr("Frequency map — {name} — painmap").format(name=self.name))
        self._render: TaskThread | None = None
        self._shown_pattern = NO_OUTLINE
        self._build()
        self.image.set_image(image)
        self.resize(1100, 820)

    # -- building ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QToolBar(tr("Frequency map"), self)
        bar.setObjectName("frequency-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        label = QLabel(tr(" Outline of "))
        self.outline = QComboBox(self)
        self.outline.setToolTip(tr("Outline a referral pattern on the map (solid essential zone, dashed spillover)"))
        self.outline.addItem(tr("no pattern"), NO_OUTLINE)
        for pattern in sorted(self.library.patterns.values(), key=lambda p: p.name.lower()) if self.library else []:
            self.outline.addItem(pattern.name, pattern.id)
        self.outline.currentIndexChanged.connect(self._outline_changed)
        label.setBuddy(self.outline)
        bar.addWidget(label)
        bar.addWidget(self.outline)
        bar.addSeparator()
        self.export_action = make_action(
            self,
            tr("&Export…"),
            [QKeySequence.StandardKey.Save, "Ctrl+E"],
            tr("Save the map as PNG, PDF or SVG"),
            self.export,
        )
        self.csv_action = make_action(
            self,
            tr("Export &CSV…"),
            ["Ctrl+Shift+E"],
            tr("Save one row per drawing (extent, closest pattern, every pattern's score) as a CSV table"),
            self.export_csv,
        )
        self.close_action = make_action(
            self, tr("&Close"), [QKeySequence.StandardKey.Close], tr("Close this map"), self.close
        )
        bar.addActions([self.export_action, self.csv_action])
        self.addAction(self.close_action)
        self.addToolBar(bar)

        r = self.result
        drawings = tr_count(r.n_drawings, QT_TR_NOOP("{n} drawing"), QT_TR_NOOP("{n} drawings"))
        text = tr("<b>{drawings}</b> from {where}").format(drawings=drawings, where=self._where())
        if r.n_skipped:
            skipped = tr_count(r.n_skipped, QT_TR_NOOP("{n} file skipped"), QT_TR_NOOP("{n} files skipped"))
            text += " · " + tr("<b>{skipped}</b> (listed below)").format(skipped=skipped)
        text += " · " + tr("shows where people drew pain, not why.")
        self.summary = QLabel(text)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setToolTip("\n".join(self.paths))
        self.image = FittedImage(self)
        self.image.setToolTip(tr("Percentage of the drawings with pain at each point"))

        top = QWidget(self)
        layout = QVBoxLayout(top)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.image, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        self.skipped_table = self._skipped_table()
        splitter.addWidget(self.skipped_table)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        self.skipped_table.setVisible(r.n_skipped > 0)
        splitter.setSizes([2000, self._table_height()])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage(self._counts_by_view())

    def _where(self) -> str:
        if len(self.paths) == 1:
            return f"<i>{self.paths[0]}</i>"
        return tr("{n} folders or files").format(n=len(self.paths))

    def _counts_by_view(self) -> str:
        r = self.result
        parts = [f"{tr(self.atlas.view(v).title)}: {r.n_by_view.get(v, 0):,}" for v in r.views_used()]
        if not parts:
            return tr("No drawing marks any view.")
        return tr("Drawings per view — {counts}").format(counts=", ".join(parts))

    def _skipped_table(self) -> QTableWidget:
        from painmap.aggregate import reason_text

        r = self.result
        rows = list(r.skipped)
        more = r.n_skipped - len(rows)
        table = QTableWidget(len(rows) + (1 if more > 0 else 0), 2, self)
        table.setHorizontalHeaderLabels([tr("Skipped file ({n})").format(n=f"{r.n_skipped:,}"), tr("Why")])
        for i, (path, reason) in enumerate(rows):
            name = QTableWidgetItem(Path(path).name)
            name.setToolTip(path)
            why = QTableWidgetItem(reason_text(path, reason))
            why.setToolTip(reason)
            table.setItem(i, 0, name)
            table.setItem(i, 1, why)
        if more > 0:
            table.setItem(len(rows), 0, QTableWidgetItem(tr("… and {n} more").format(n=f"{more:,}")))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setToolTip(tr("Files that could not be read; the map leaves them out"))
        return table

    def _table_height(self) -> int:
        """Height for up to five rows of the skipped-files table; the splitter can give it more."""
        table = self.skipped_table
        rows = min(table.rowCount(), 5)
        header = table.horizontalHeader().sizeHint().height()
        return header + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2

    # -- outline -----------------------------------------------------------------------------------------------
    def pattern_id(self) -> str:
        return self.outline.currentData() or NO_OUTLINE

    def pattern(self):
        ident = self.pattern_id()
        return self.library.get(ident) if ident and self.library else None

    def _outline_changed(self, _index: int) -> None:
        self._start_render()

    def _start_render(self) -> None:
        """Draw the map with the chosen outline in a worker; a change made meanwhile is drawn after it."""
        if self._render is not None:
            return  # _rendered starts another one if the choice changed
        wanted, pattern = self.pattern_id(), self.pattern()
        result, atlas = self.result, self.atlas
        self.image.set_note(tr("Drawing the map…"))
        task = TaskThread(lambda _t: render_map_image(result, pattern, atlas), self)
        task.setProperty("pattern", wanted)
        task.finished.connect(lambda: self._rendered(task))
        self._render = task
        task.start()

    def _rendered(self, task: TaskThread) -> None:
        task.wait()
        self._render = None
        task.deleteLater()
        if task.error is not None:
            self.image.set_note("")
            self._error(tr("Could not draw the map"), _one_line(task.error))
        else:
            self.image.set_image(task.value)
            self._shown_pattern = task.property("pattern")
        if self.pattern_id() != self._shown_pattern and task.error is None:
            self._start_render()
        else:
            self.image.set_note("")

    def shown_pattern(self) -> str:
        """The id of the pattern outlined in the picture now ("" for none)."""
        return self._shown_pattern

    def busy(self) -> bool:
        return self._render is not None

    # -- exports -----------------------------------------------------------------------------------------------
    def _start_name(self, suffix: str) -> str:
        folder = Path(last_folder(self.settings, EXPORT_FOLDER_KEY, Path(self.paths[0]).parent))
        outline = f"-{self.pattern_id()}" if self.pattern_id() else ""
        return str(folder / f"{self.name}-frequency-map{outline}{suffix}")

    def export(self) -> bool:
        path, chosen = file_dialogs.ask_save_path(
            self, tr("Export the frequency map"), self._start_name(".png"), tr(MAP_FILTERS)
        )
        return self.export_to(with_extension(path, chosen, MAP_FILTERS)) if path else False

    def export_to(self, path: str | os.PathLike) -> bool:
        """Write the map with the chosen outline (PNG, PDF or SVG by extension) behind a busy dialog."""
        from painmap.report import render_frequency_map

        path, result, pattern, atlas = Path(path), self.result, self.pattern(), self.atlas

        def job(_task):
            with RENDER_LOCK:
                return render_frequency_map(result, path, pattern, atlas=atlas)

        try:
            run_with_progress(self, tr("Export the frequency map"), tr("Writing {file}…").format(file=path.name), job)
        except (PainmapError, OSError, ValueError) as err:
            self._error(tr("Could not export the map"), _one_line(err))
            return False
        remember_folder(self.settings, EXPORT_FOLDER_KEY, path)
        self.statusBar().showMessage(tr("Exported {path}").format(path=path), 6000)
        return True

    def export_csv(self) -> bool:
        path, _ = file_dialogs.ask_save_path(self, tr("Export a CSV table"), self._start_name(".csv"), tr(CSV_FILTER))
        return self.export_csv_to(with_extension(path, "", CSV_FILTER, (".csv",))) if path else False

    def export_csv_to(self, path: str | os.PathLike) -> bool:
        """Read the drawings again, comparing each with the patterns, and write one row per drawing.

        The map itself does not compare (it is faster without); the rows need it, so they are made on request,
        with progress and Cancel. A cancelled or failed run writes no file.
        """

        path = Path(path)
        cancel = threading.Event()
        job = aggregate_job(self.paths, cancel, csv_path=path)
        try:
            done = run_with_progress(
                self,
                tr("Export a CSV table"),
                tr("Comparing the drawings for {file}…").format(file=path.name),
                job,
                cancel,
            )
        except (PainmapError, OSError, ValueError) as err:
            self._error(tr("Could not export the CSV table"), _one_line(err))
            return False
        if done.cancelled:
            self.statusBar().showMessage(tr("CSV export cancelled; no file written"), 8000)
            return False
        remember_folder(self.settings, EXPORT_FOLDER_KEY, path)
        rows = done.n_drawings + done.n_skipped  # a skipped file has a row too (its reason in `status`)
        wrote = tr_count(rows, QT_TR_NOOP("Wrote {n} row to {path}"), QT_TR_NOOP("Wrote {n} rows to {path}"), path=path)
        self.statusBar().showMessage(wrote, 8000)
        return True

    # -- messages and closing ------------------------------------------------------------------------------------
    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        file_dialogs.warn(self, title, message)

    def closeEvent(self, event) -> None:
        if self._render is not None:
            self._render.finished.disconnect()
            self._render.wait()  # a thread must not be destroyed while it runs (at most a fraction of a second)
            self._render = None
        super().closeEvent(event)


def _one_line(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__
