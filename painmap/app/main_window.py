"""The main window: wires the session, canvas, tools, toolbars, menus, files and settings together.

It owns no domain logic; every action calls the session, the canvas, the tool box or the file controller.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
)

from painmap import __version__
from painmap.app.body_art import BodyArt
from painmap.app.canvas import BodyCanvas
from painmap.app.crash_dialog import about_log_html
from painmap.app.files import SUFFIX, AutosaveStore, FileController
from painmap.app.frequency_controller import FrequencyController
from painmap.app.session import DrawingSession
from painmap.app.toolbar import BrushBar, ToolActions, ViewActions, make_action
from painmap.app.tools import ToolBox
from painmap.drawing import QUALITIES

APP_NAME = "painmap"


def app_settings() -> QSettings:
    """The app's settings store (per user)."""
    return QSettings(APP_NAME, APP_NAME)


def set_app_identity() -> None:
    """Name the application, so QStandardPaths.AppDataLocation is painmap's own folder."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)


class MainWindow(QMainWindow):
    """painmap's window: `session`, `canvas`, the tool box and the menus `file_menu` … `help_menu`."""

    def __init__(self, atlas, art: BodyArt | None = None, store: AutosaveStore | None = None) -> None:
        super().__init__()
        self.setObjectName("painmap-main")
        set_app_identity()
        self.settings = app_settings()
        self.session = DrawingSession(atlas, parent=self)
        self.toolbox = ToolBox(self)
        self.canvas = BodyCanvas(self.session, self.toolbox, art, self)
        self.setCentralWidget(self.canvas)
        self.files = FileController(self, self.session, self.settings, store)
        self.frequency = FrequencyController(self)
        self.view_actions = ViewActions(self, self.session, self.canvas)
        self.tool_actions = ToolActions(self, self.toolbox)
        self._build_edit_actions()
        self._build_toolbars()
        self._build_menus()
        self._build_status_bar()
        self.setAcceptDrops(True)
        self.session.file_changed.connect(lambda _p: self._update_title())
        self.session.modified_changed.connect(lambda _m: self._update_title())
        self.files.recent.changed.connect(self._fill_recent_menu)
        self._restore_settings()
        self._update_title()
        self.canvas.setFocus()
        # The panels engineer's docks (pattern overlay, comparison, ranked list, info, modes).
        from painmap.app.panels import install_panels

        self.panels = install_panels(self)

    # -- building ----------------------------------------------------------------------------------------------
    def _build_edit_actions(self) -> None:
        stack = self.session.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.setToolTip("Undo the last mark (Ctrl+Z)")
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setToolTip("Redo the mark just undone (Ctrl+Shift+Z or Ctrl+Y)")
        self.clear_action = make_action(
            self,
            "&Clear this view",
            ["Ctrl+Shift+Backspace"],
            "Remove every mark of the view shown",
            self.session.clear_view,
        )
        for action, short in ((self.undo_action, "Undo"), (self.redo_action, "Redo"), (self.clear_action, "Clear")):
            action.setIconText(short)  # the toolbar stays narrow; the menu names what is undone

    def _build_toolbars(self) -> None:
        views = QToolBar("Views", self)
        views.setObjectName("views-toolbar")
        views.addActions(list(self.view_actions.views.values()))
        views.addSeparator()
        # zoom in/out stay on the wheel, + and - and in the View menu: the toolbar keeps room for the brush
        views.addActions([self.view_actions.zoom_focus, self.view_actions.zoom_fit, self.view_actions.landmarks])
        self.addToolBar(views)
        tools = QToolBar("Tools", self)
        tools.setObjectName("tools-toolbar")
        tools.addActions(list(self.tool_actions.tools.values()))
        tools.addSeparator()
        tools.addActions([self.undo_action, self.redo_action, self.clear_action])
        self.addToolBar(tools)
        self.brush_bar = BrushBar(self.toolbox, self)
        self.addToolBar(self.brush_bar)
        for bar in (views, tools, self.brush_bar):
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbars = [views, tools, self.brush_bar]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        a = self.files.actions
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addActions([a["new"], a["open"]])
        self.recent_menu = self.file_menu.addMenu("Open &recent")
        self.file_menu.addAction(self.frequency.open_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([a["save"], a["save_as"]])
        self.file_menu.addSeparator()
        self.file_menu.addActions([a["export_png"], a["export_report"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["quit"])
        self._fill_recent_menu()

        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.clear_action)

        self.view_menu = bar.addMenu("&View")
        self.view_menu.addActions(list(self.view_actions.views.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions(self.view_actions.zoom_actions())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.view_actions.landmarks)

        self.tools_menu = bar.addMenu("&Tools")
        self.tools_menu.addActions(list(self.tool_actions.tools.values()))
        self.tools_menu.addSeparator()
        self.tools_menu.addActions(self.tool_actions.step_actions())

        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addAction(
            make_action(self, "&Keyboard shortcuts", ["F1"], "List every keyboard shortcut", self.show_shortcuts)
        )
        self.help_menu.addAction(make_action(self, "&About painmap", ["Ctrl+F1"], "What painmap is", self.show_about))

    def _build_status_bar(self) -> None:
        self.region_label = QLabel("")
        self.region_label.setToolTip("The body region under the pointer")
        self.zoom_label = QLabel("")
        self.zoom_label.setToolTip("Zoom (100 % = life size)")
        self.statusBar().addWidget(self.region_label, 1)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.canvas.region_hovered.connect(self._show_region)
        self.canvas.zoom_changed.connect(lambda pct: self.zoom_label.setText(f"{pct:.0f} %"))

    def _show_region(self, region) -> None:
        self.region_label.setText("" if region is None else (region.label or region.id.replace("-", " ")))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.files.recent.paths()
        for i, path in enumerate(paths):
            action = QAction(f"&{i + 1} {Path(path).name}", self.recent_menu)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(paths))

    def _update_title(self) -> None:
        path = self.session.path
        name = path.name if path else "untitled"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.session.modified)

    # -- settings ----------------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 900)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        try:
            self.toolbox.set_radius(float(s.value("brush/radius", self.toolbox.settings.radius)))
            self.toolbox.set_intensity(int(s.value("brush/intensity", self.toolbox.settings.intensity)))
        except (TypeError, ValueError):
            pass
        quality = s.value("brush/quality", "")
        if quality in QUALITIES:
            self.toolbox.set_quality(quality)
        view = s.value("view/last", "")
        if view in self.session.atlas.views:
            self.session.set_view(view)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("brush/radius", self.toolbox.settings.radius)
        s.setValue("brush/intensity", self.toolbox.settings.intensity)
        s.setValue("brush/quality", self.toolbox.settings.quality)
        s.setValue("view/last", self.session.view_id)
        s.sync()

    # -- window events -----------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.save_settings()
        self.files.shutdown()
        self.frequency.close_all()  # the maps belong to this window; the app ends with it
        event.accept()

    def dragEnterEvent(self, event) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)

    @staticmethod
    def _dropped_path(event) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().endswith(".json"):
                return url.toLocalFile()
        return None

    # -- help --------------------------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(action, shortcuts, what it does) for every action with a shortcut, from the actions themselves."""
        rows, seen = [], set()
        for action in self.findChildren(QAction):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if not keys or action.text() in seen:
                continue
            seen.add(action.text())
            name = action.text().replace("&", "")
            rows.append((name, ", ".join(keys), action.statusTip() or action.toolTip()))
        return sorted(rows, key=lambda r: r[0].lower())

    def show_shortcuts(self) -> None:
        rows = self.shortcut_rows()
        rows.append(("Pan", "Middle-drag, or Space + drag", "Move the picture"))
        rows.append(("Zoom at the pointer", "Mouse wheel", "Zoom in or out where the pointer is"))
        dialog = QDialog(self)
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
        self.shortcuts_dialog = dialog
        dialog.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About painmap",
            f"<b>painmap {__version__}</b><p>Shade where you feel pain and see which referral patterns of muscles "
            "(such as the gluteus medius) or the sacroiliac joint look alike.</p>"
            "<p>painmap informs and teaches. It does not diagnose and does not recommend a treatment.</p>"
            f"<p>Drawings are saved as <i>*{SUFFIX}</i> files.</p>"
            + about_log_html(),  # where the error log is (painmap.app.crash_dialog)
        )
