"""The main window: wires the session, canvas, tools, toolbars, menus, files and settings together.

It owns no domain logic; every action calls the session, the canvas, the tool box or the file controller.
It is built in three steps so that it paints before anything it does not show is loaded (decision D12):
- the constructor builds what the first paint shows, from Qt and the chart's view frames only: the canvas,
  the toolbars and their actions, the menu bar, empty docks, the guide line and the status bar;
- `complete()` (right after the first paint) adds the file controller, the menus' other entries, the panels'
  widgets and the modes; its late steps (after the first ranking) the panel of a dock not on screen, the
  frequency maps and the comparison with an earlier drawing;
- `attach(atlas)` adds the session, the live comparison and the panels' wiring.
Given an atlas, the constructor runs all three (tests, benchmarks).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from painmap.app import accessibility, enum_free, toolbar
from painmap.app.anatomy_menu import AnatomyActions
from painmap.app.body_art import BodyArt
from painmap.app.canvas import BodyCanvas
from painmap.app.canvas_marks import structure_names
from painmap.app.i18n import tr
from painmap.app.keyboard_brush import KeyboardBrush, keyboard_brush_action
from painmap.app.modes import GuideBar, saved_mode, show_mode_docks
from painmap.app.panels.docks import PanelDocks
from painmap.app.preferences import read_preferences
from painmap.app.toolbar import BrushBar, StepName, ToolActions, ToolbarRows, ViewActions, make_action, zoom_buttons
from painmap.app.tools import ToolBox
from painmap.mark_vocabulary import QUALITIES

LOAD_DELAY_MS = 10  # the engine loads this long after the first paint
APP_NAME = "painmap"


def app_settings() -> QSettings:
    """The app's settings store (per user)."""
    return QSettings(APP_NAME, APP_NAME)


def set_app_identity() -> None:
    """Name the application, so QStandardPaths.AppDataLocation is painmap's own folder."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)


class MainWindow(QMainWindow):
    """painmap's window: `session`, `canvas`, the tool box and the menus `file_menu` … `help_menu`.

    `files`, `frequency`, `modes` are None until `complete()`; `session`, `live` (the LiveComparison) and
    `panels` until `attach(atlas)`.
    """

    def __init__(self, atlas=None, art: BodyArt | None = None, store=None, frames=None) -> None:
        super().__init__()
        self.setObjectName("painmap-main")
        set_app_identity()
        self.settings = app_settings()
        self.preferences = read_preferences(self.settings)  # what this window starts with
        self.session = self.live = self.panels = None
        self.files = self.frequency = self.modes = self.compare_earlier = None
        self.startup = None  # the start-up steps still to run (launch sets it), see ensure_engine()
        self.start_path: Path | None = None  # the file named on the command line, until the session has it
        self._store = store
        if frames is None:
            if atlas is not None:
                frames = atlas.views
            else:
                from painmap.app.chart_frame import read_frames

                start = None
                if self.preferences.body != "male":  # the preferred body's chart (painmap.app.body_choice)
                    from painmap.app.body_choice import start_chart

                    start = start_chart(self.preferences.body)
                frames, art = start if start is not None else (read_frames(), art)
        self.toolbox = ToolBox(self)
        self.canvas = BodyCanvas(frames, self.toolbox, art, self)
        self.setCentralWidget(self.canvas)
        self.keyboard_brush = KeyboardBrush(self.canvas, self.toolbox)  # arrows move it, Space applies the tool
        with toolbar.held_shortcuts() as self._held_shortcuts:  # set after the first paint (_complete_shell)
            self.view_actions = ViewActions(self, self.canvas)
            self.tool_actions = ToolActions(self, self.toolbox)
            self._build_edit_actions()
            self.canvas.drawn_early.connect(lambda: self.undo_action.setEnabled(True))
            self._build_toolbars()
            self._build_menus()
            self._build_status_bar()
            accessibility.install(self)  # names for what Qt does not name itself
            self.setAcceptDrops(True)
            mode = saved_mode(self.settings)
            self.anatomy = AnatomyActions(self, self.canvas, self.settings, mode)  # View ▸ Anatomy
        self.docks = PanelDocks(self)
        self.guide_bar = GuideBar(self, mode)
        self._restore_settings()
        show_mode_docks(self.docks.docks, mode)
        self.update_title()
        self.canvas.setFocus()
        if atlas is not None:
            self.complete()
            self.attach(atlas)

    def complete(self) -> None:
        """Add what the first paint does not show: files, the menus' entries, panels, modes, frequency maps and
        the comparison with an earlier drawing."""
        for part in (*self.completion_steps(), *self.late_steps()):
            part()

    def completion_steps(self) -> list:
        """`complete()` in parts (start-up runs one per event-loop turn); each part runs once."""
        return [self._complete_shell, self._complete_files, self._complete_docks]

    def _complete_shell(self) -> None:
        """After the paint: the shell's shortcuts, the canvas's tips, keys and cursors, the rows following the font."""
        held, self._held_shortcuts = self._held_shortcuts, None
        if held is None:
            return
        held.set_all()
        for part in (self.canvas, self.keyboard_brush, self.toolbar_rows, self.brush_bar.scale):
            part.listen()

    def late_steps(self) -> list:
        """The parts of `complete()` the first ranking does not need (start-up runs them after it)."""
        return [self.docks.fill_rest, self._complete_extras, self._complete_names]

    def _complete_files(self) -> None:
        if self.files is not None:
            return
        from painmap.app.files import FileController

        self.files = FileController(self, self.settings, self._store)
        self.files.recent.changed.connect(self._fill_recent_menu)
        self._complete_menus()

    def _complete_extras(self) -> None:
        """File ▸ Open folder as frequency map and Compare with an earlier drawing, in their menu places."""
        if self.frequency is not None:
            return
        self._complete_files()
        from painmap.app import compare_earlier
        from painmap.app.frequency_controller import FrequencyController

        self.frequency = FrequencyController(self)
        self.compare_earlier = compare_earlier.CompareEarlier(self)  # it appends its actions to File and View
        file_place, view_place = self._extras_places
        for menu, place, action in (
            (self.file_menu, file_place, self.frequency.open_action),
            (self.file_menu, file_place, self.compare_earlier.action),
            (self.view_menu, view_place, self.compare_earlier.overlay_action),
        ):
            menu.removeAction(action)
            menu.insertAction(place, action)

    def _complete_docks(self) -> None:
        if self.modes is not None:
            return
        from painmap.app.panels import complete_docks

        self.modes = complete_docks(self, self.docks, self.guide_bar)
        self.anatomy.follow(self.modes)

    def _complete_names(self) -> None:
        """The menus' descriptions (painmap.app.accessibility); late: a menu's shows only while it is hovered."""
        accessibility.describe_menus(self)

    def attach(self, atlas, load_engine: bool = True) -> None:
        """Add the session on `atlas`, the live comparison and the panels; the engine loads just after the first
        paint unless `load_engine` is False (start-up loads it as its last step)."""
        from painmap.app.live_comparison import LiveComparison
        from painmap.app.panels import install_panels
        from painmap.app.session import DrawingSession

        for part in self.completion_steps():  # the late steps may come after (start-up runs them after ranking)
            part()
        self.session = session = DrawingSession(atlas, parent=self)
        self.canvas.attach(session)
        self.view_actions.attach(session)
        self.anatomy.attach(session)
        self._bind_undo(session.undo_stack)
        self.files.attach(session)
        self.body_choice.attach(session)
        session.file_changed.connect(lambda _p: self.update_title())
        session.modified_changed.connect(lambda _m: self.update_title())
        self.live = LiveComparison(session, self, wait_for_load=not load_engine)
        self.library_folders.attach(self.live)  # added library folders join the stored patterns
        self.panels = install_panels(self, self.docks, self.live)
        self.update_title()
        if not load_engine:
            return
        timer = QTimer(self)  # a child: it dies with the window, never fires into a deleted one
        timer.setSingleShot(True)
        timer.setInterval(LOAD_DELAY_MS)
        timer.timeout.connect(self._load_live)
        if self.canvas.painted_once:
            timer.start()
        else:
            self.canvas.first_painted.connect(timer.start)

    def _load_live(self) -> None:
        if self.live is not None:
            self.live.load()

    def ensure_engine(self):
        """Finish loading now (the session, the opened file, the engine) and return the session: actions used
        before start-up has finished (Save, Export, a mode's reveal) call this first."""
        if self.startup is not None:
            self.startup.finish()
        self.complete()
        if self.live is not None and not self.live.ready:
            self.live.load()
        return self.session

    # -- building ----------------------------------------------------------------------------------------------
    def _build_edit_actions(self) -> None:
        # Before the session exists they finish start-up first: a mark drawn meanwhile can be undone at once.
        self.undo_action = make_action(
            self, tr("&Undo"), ["Ctrl+Z"], tr("Undo the last mark"), lambda: self.ensure_engine().undo_stack.undo()
        )
        self.undo_action.setToolTip(tr("Undo the last mark (Ctrl+Z)"))
        self.redo_action = make_action(
            self,
            tr("&Redo"),
            ["Ctrl+Shift+Z", "Ctrl+Y"],
            tr("Redo the mark just undone"),
            lambda: self.ensure_engine().undo_stack.redo(),
        )
        self.redo_action.setToolTip(tr("Redo the mark just undone (Ctrl+Shift+Z or Ctrl+Y)"))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.clear_action = make_action(
            self,
            tr("&Clear this view"),
            ["Ctrl+Shift+Backspace"],
            tr("Remove every mark of the view shown"),
            lambda: self.ensure_engine().clear_view(),
        )
        for action, short in (
            (self.undo_action, tr("Undo")),
            (self.redo_action, tr("Redo")),
            (self.clear_action, tr("Clear")),
        ):
            action.setIconText(short)  # the toolbar stays narrow; the menu names what is undone

    def _bind_undo(self, stack) -> None:
        """Undo / Redo follow the session's QUndoStack (enabled state and the name of the step)."""
        for action, template, can, text_changed in (
            (self.undo_action, tr("&Undo {step}"), stack.canUndo, stack.undoTextChanged),
            (self.redo_action, tr("&Redo {step}"), stack.canRedo, stack.redoTextChanged),
        ):
            action.setEnabled(can())
            text_changed.connect(StepName(action, template).show)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)

    def _build_toolbars(self) -> None:
        views = QToolBar(tr("Views"), self)
        views.setObjectName("views-toolbar")
        views.addActions(list(self.view_actions.views.values()))
        # zoom in/out stay on the wheel, + and - and in the View menu; Landmarks / Pelvis / Body sit by the zoom
        # percentage in the status bar: with chart 2's four views the toolbars keep one row at 1280 px
        self.addToolBar(views)
        tools = QToolBar(tr("Tools"), self)
        tools.setObjectName("tools-toolbar")
        tools.addActions(list(self.tool_actions.tools.values()))
        tools.addSeparator()
        tools.addActions([self.undo_action, self.redo_action, self.clear_action])
        self.addToolBar(tools)
        self.brush_bar = BrushBar(self.toolbox, self)
        self.addToolBar(self.brush_bar)
        for bar in (views, tools, self.brush_bar):
            enum_free.set_enum(bar, "toolButtonStyle", enum_free.TOOL_BUTTON_TEXT_ONLY)
        self.toolbars = [views, tools, self.brush_bar]
        self.toolbar_rows = ToolbarRows(self, self.toolbars)

    def _build_menus(self) -> None:
        """The menu bar and the menus whose actions exist already; `_complete_menus` adds the others."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(tr("&File"))
        self.edit_menu = bar.addMenu(tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.clear_action)
        self.note_action = make_action(
            self, tr("About this &drawing…"), ["Ctrl+I"], tr("A note kept with the drawing"), self.edit_note
        )
        self.edit_menu.addAction(self.note_action)
        self.region_search_action = make_action(
            self,
            tr("&Fill a region…"),
            ["Ctrl+F"],
            tr("Fill a body region by typing its name"),
            self.fill_region_by_name,
        )
        self.edit_menu.addAction(self.region_search_action)
        self.edit_menu.addSeparator()
        self.preferences_action = make_action(
            self, tr("&Preferences…"), ["Ctrl+,"], tr("Language, body, brush size, mode, labels"), self.edit_preferences
        )
        self.edit_menu.addAction(self.preferences_action)

        self.view_menu = bar.addMenu(tr("&View"))
        self.view_menu.addActions(list(self.view_actions.views.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions(self.view_actions.zoom_actions())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.view_actions.landmarks)

        self.tools_menu = bar.addMenu(tr("&Tools"))
        self.tools_menu.addActions(list(self.tool_actions.tools.values()))
        self.tools_menu.addSeparator()
        self.tools_menu.addActions(self.tool_actions.step_actions())
        self.tools_menu.addSeparator()
        self.keyboard_brush_action = keyboard_brush_action(self, self.keyboard_brush)
        self.tools_menu.addAction(self.keyboard_brush_action)
        self.help_menu = bar.addMenu(tr("&Help"))

    def fill_region_by_name(self):
        """Edit ▸ Fill a region…: type a region's name, Enter fills it (painmap.app.region_search)."""
        from painmap.app.region_search import open_region_search

        return open_region_search(self)

    def edit_note(self):
        """Edit ▸ About this drawing: the drawing's note (painmap.app.drawing_note)."""
        from painmap.app.drawing_note import open_note_dialog

        return open_note_dialog(self)

    def edit_preferences(self):
        """Edit ▸ Preferences (painmap.app.preferences_dialog)."""
        from painmap.app.preferences_dialog import open_preferences

        return open_preferences(self)

    def _complete_menus(self) -> None:
        from painmap.app.body_choice import BodyChoice
        from painmap.app.library_folders import LibraryFolders

        a = self.files.actions
        self.body_choice = BodyChoice(self)  # File ▸ New drawing on ▸ Male / Female body, the body shown
        self.file_menu.addAction(a["new"])
        self.file_menu.addMenu(self.body_choice.menu)
        self.file_menu.addAction(a["open"])
        self.recent_menu = self.file_menu.addMenu(tr("Open &recent"))
        # where `_complete_extras` puts the frequency map and the comparison (hidden separators, never shown)
        self._extras_places = (QAction(self), QAction(self))
        for menu, place in zip((self.file_menu, self.view_menu), self._extras_places, strict=True):
            place.setSeparator(True)
            place.setVisible(False)
            menu.addAction(place)
        self.library_folders = LibraryFolders(self, self.settings)  # File ▸ Add / Remove library folder…
        self.file_menu.addActions([self.library_folders.add_action, self.library_folders.remove_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([a["save"], a["save_as"]])
        self.file_menu.addSeparator()
        self.file_menu.addActions([a["export_png"], a["export_report"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["quit"])
        self._fill_recent_menu()
        from painmap.app.help_menu import fill_help_menu  # its dialogs load when one opens

        fill_help_menu(self)

    def _build_status_bar(self) -> None:
        self.region_label = QLabel("")
        self.region_label.setToolTip(tr("The body region under the pointer"))
        self.zoom_label = QLabel("")
        self.zoom_label.setToolTip(tr("Zoom (100 % = life size)"))
        self.structure_label = QLabel("")
        self.structure_label.setObjectName("structure-label")
        self.structure_label.setToolTip(tr("The bones and muscles under the pointer"))
        self.statusBar().addWidget(self.region_label, 1)
        self.statusBar().addWidget(self.structure_label, 1)
        self.canvas.structure_hovered.connect(lambda found: self.structure_label.setText(structure_names(found)))
        for button in zoom_buttons(
            [self.view_actions.landmarks, self.view_actions.zoom_focus, self.view_actions.zoom_fit]
        ):
            self.statusBar().addPermanentWidget(button)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.canvas.region_hovered.connect(self._show_region)
        self.canvas.zoom_changed.connect(lambda pct: self.zoom_label.setText(f"{pct:.0f} %"))

    def _show_region(self, region) -> None:
        self.region_label.setText("" if region is None else tr(region.label or region.id.replace("-", " ")))

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

    def update_title(self) -> None:
        path = self.session.path if self.session is not None else self.start_path
        name = path.name if path else tr("untitled")
        self.setWindowTitle(tr("{name}[*] — {app}").format(name=name, app=APP_NAME))
        self.setWindowModified(self.session is not None and self.session.modified)

    # -- settings ----------------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 900)
        self.docks.place(s.value("window/state"))  # their default places, then the saved state over them
        # the brush size and the landmark labels a window opens with are preferences (painmap.app.preferences)
        self.toolbox.set_radius(self.preferences.brush_diameter_mm / 2.0)
        self.canvas.landmarks_visible = self.preferences.landmark_labels
        self.view_actions.landmarks.setChecked(self.preferences.landmark_labels)
        with contextlib.suppress(TypeError, ValueError):
            self.toolbox.set_intensity(int(s.value("brush/intensity", self.toolbox.settings.intensity)))
        quality = s.value("brush/quality", "")
        if quality in QUALITIES:
            self.toolbox.set_quality(quality)
        view = s.value("view/last", "")
        if view in self.canvas.frames:
            self.canvas.set_view(view)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("brush/intensity", self.toolbox.settings.intensity)
        s.setValue("brush/quality", self.toolbox.settings.quality)
        s.setValue("view/last", self.canvas.view_id())
        s.sync()

    # -- window events -----------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self.startup is not None and not self.canvas.pending:
            self.startup.stop()  # nothing drawn yet: no need to load the engine to close
        self.complete()
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.save_settings()
        self.files.shutdown()
        self.frequency.close_all()  # the maps belong to this window; the app ends with it
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.toolbar_rows.reflow()  # the toolbars' rows follow the window's width

    def moveEvent(self, event) -> None:
        super().moveEvent(event)
        self.toolbar_rows.placed()

    def dragEnterEvent(self, event) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.ensure_engine()
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
        from painmap.app.help_dialogs import shortcut_rows

        return shortcut_rows(self)

    def show_shortcuts(self) -> None:
        from painmap.app.help_dialogs import shortcuts_dialog

        self.shortcuts_dialog = shortcuts_dialog(self)
        self.shortcuts_dialog.show()

    def show_where(self):
        from painmap.app.help_dialogs import show_where_kept

        return show_where_kept(self)

    def show_about(self) -> None:
        from painmap.app.help_dialogs import show_about

        show_about(self)
