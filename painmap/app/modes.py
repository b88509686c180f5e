"""Patient, educator and quiz modes: which panels show, how large, which words; full screen; TrP stepping.

A window opens in the preferred mode (Edit ▸ Preferences: "preferences/default_mode").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from painmap.app import texts
from painmap.app.i18n import tr

MODES = ("patient", "educator", "quiz")
DEFAULT_MODE = "patient"
SETTINGS_KEY = "app/mode"  # the last mode, as 0.1 remembered it; read when no preference is stored
PREFERENCE_KEY = "preferences/default_mode"  # painmap.app.preferences
MODE_SHORTCUTS = {"patient": "Ctrl+Alt+P", "educator": "Ctrl+Alt+E", "quiz": "Ctrl+Alt+Q"}
# View ▸ Mode's entries: the mode names (app/texts.MODE_NAMES) with their & letter, placed per language.
MODE_MENU_TEXTS = {"patient": QT_TR_NOOP("&Patient"), "educator": QT_TR_NOOP("&Educator"), "quiz": QT_TR_NOOP("&Quiz")}
# Docks shown per mode: patients see few, a quiz must not give the answer away.
MODE_DOCKS = {
    "patient": ("pattern", "ranking", "info"),
    "educator": ("pattern", "ranking", "comparison", "info"),
    "quiz": ("pattern", "comparison"),
}
LARGE_FONT = 1.25  # patient mode: controls and text a quarter larger
LANDMARK_SCALE = {"patient": 1.0, "educator": 1.8, "quiz": 1.0}


def settings_of(window) -> QSettings:
    """The window's settings store (QSettings in the user's config folder)."""
    return window.settings


def saved_mode(store: QSettings) -> str:
    """The mode a window opens in: the preference (Edit ▸ Preferences), else the mode last used by 0.1."""
    mode = store.value(PREFERENCE_KEY, None) or store.value(SETTINGS_KEY, DEFAULT_MODE)
    return mode if mode in MODES else DEFAULT_MODE


def _shortcut_tip(tip: str, shortcut: str) -> str:
    from PySide6.QtGui import QKeySequence  # here: the shell paints without it (painmap.app.toolbar)

    return f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"


class GuideBar(QToolBar):
    """The guide line under the toolbars: what to do in the current mode (built with the window's shell)."""

    def __init__(self, window: QMainWindow, mode: str) -> None:
        super().__init__(tr("Guide"), window)
        self.guide = QLabel(tr(texts.GUIDE[mode]))
        self.guide.setObjectName("guide-line")
        self.guide.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.guide.setToolTip(tr("What to do in this mode"))
        self.guide.setContentsMargins(8, 4, 8, 4)
        self.setObjectName("guide-bar")
        self.setMovable(False)
        self.addWidget(self.guide)
        window.addToolBarBreak()  # in the top area, as the one-argument addToolBar (the Qt namespace unnamed)
        window.addToolBar(self)
        self.set_mode(mode)

    def set_mode(self, mode: str) -> None:
        """The mode's guide text, a quarter larger for patients."""
        font = self.guide.font()
        base = self.window().font().pointSizeF()
        if base > 0:
            font.setPointSizeF(base * (LARGE_FONT if mode == "patient" else 1.0))
        self.guide.setFont(font)
        self.guide.setText(tr(texts.GUIDE[mode]))


def show_mode_docks(docks: dict, mode: str) -> None:
    """Show the docks of `mode` and hide the others (the shell does this before its first paint)."""
    for key, dock in docks.items():
        dock.setVisible(key in MODE_DOCKS[mode])


class ModeController(QObject):
    """Switches the window between the modes and owns their actions (View ▸ Mode, F11, ←/→, Reveal)."""

    mode_changed = Signal(str)

    def __init__(self, window: QMainWindow, docks, guide_bar: GuideBar) -> None:
        super().__init__(window)
        self.window = window
        self.docks = docks
        self.panels = None  # the PanelsController, once the engine has loaded (attach)
        self.mode = ""
        self.settings = settings_of(window)
        self._base_fonts = {dock: dock.font() for dock in docks.dock_widgets()}
        self.guide_bar = guide_bar
        self.guide = guide_bar.guide
        toggle = self.guide_bar.toggleViewAction()
        toggle.setShortcut("Ctrl+Alt+G")
        toggle.setToolTip(_shortcut_tip(tr("Show or hide the guide line"), "Ctrl+Alt+G"))
        toggle.setStatusTip(tr("Show or hide the guide line"))

        self._raise_timer = QTimer(self)  # a child: never fires into a closed window
        self._raise_timer.setSingleShot(True)
        self._raise_timer.setInterval(0)
        self._raise_timer.timeout.connect(self._raise_comparison)
        self._make_actions()
        self.set_mode(saved_mode(self.settings))

    def _action(self, text: str, shortcut: str, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(shortcut)
        action.setToolTip(_shortcut_tip(tip, shortcut))
        action.setStatusTip(tip)
        self.window.addAction(action)
        return action

    def _make_actions(self) -> None:
        menu = self.window.view_menu.addMenu(tr("&Mode"))
        self.group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        menu.addAction(self.guide_bar.toggleViewAction())
        menu.addSeparator()
        for mode in MODES:
            action = self._action(tr(MODE_MENU_TEXTS[mode]), MODE_SHORTCUTS[mode], tr(texts.MODE_TIPS[mode]))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_mode(m))
            self.group.addAction(action)
            menu.addAction(action)
            self.mode_actions[mode] = action

        view = self.window.view_menu
        self.fullscreen_action = self._action(tr("&Full screen"), "F11", tr("Present the chart on the whole screen"))
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.toggled.connect(self.set_fullscreen)
        self.next_trp_action = self._action(
            tr("Next trigger point"), "Right", tr("Show the next trigger point's zones")
        )
        self.next_trp_action.triggered.connect(lambda: self._with_panels().step_trigger_point(+1))
        self.prev_trp_action = self._action(
            tr("Previous trigger point"), "Left", tr("Show the previous trigger point's zones")
        )
        self.prev_trp_action.triggered.connect(lambda: self._with_panels().step_trigger_point(-1))
        self.reveal_action = self._action(
            tr("&Reveal"), "Ctrl+Return", tr("Quiz: show the pattern, difference and score")
        )
        self.reveal_action.triggered.connect(lambda: self._with_panels().reveal())
        self.new_quiz_action = self._action(
            tr("Hide again"), "Ctrl+Shift+H", tr("Quiz: hide the pattern and numbers again")
        )
        self.new_quiz_action.triggered.connect(lambda: self._with_panels().set_quiz(True))
        docks = self.docks
        docks.on_built.append(self._panel_built)  # a panel hidden at the start comes later (PanelDocks.fill)
        if docks.built("comparison"):
            docks.comparison_panel.reveal_clicked.connect(lambda: self._with_panels().reveal())
        for action in (
            self.fullscreen_action,
            self.next_trp_action,
            self.prev_trp_action,
            self.reveal_action,
            self.new_quiz_action,
        ):
            view.addAction(action)

    def _panel_built(self, key: str, panel) -> None:
        """A panel left for later has just been built: the mode's words and the Reveal button, as if it had been
        there all along."""
        if key == "info":
            panel.set_plain(self.mode == "patient")
        elif key == "comparison":
            panel.reveal_clicked.connect(lambda: self._with_panels().reveal())
            if self.panels is not None:
                panel.set_plain(self.mode == "patient")

    def attach(self, panels) -> None:
        """The panels exist (the engine has loaded): apply the mode's words and quiz state to them too."""
        self.panels = panels
        self._apply_to_panels(self.mode)

    def _with_panels(self):
        """The PanelsController, loading the engine first if it has not loaded yet."""
        if self.panels is None:
            self.window.ensure_engine()
        return self.panels

    def _apply_to_panels(self, mode: str) -> None:
        panels = self.panels
        if panels is None:
            return
        panels.set_plain(mode == "patient")
        panels.set_draw_first(mode == "patient")
        if mode == "patient":  # patients get no difference check box, so no difference overlay either
            panels.show_difference_action.setChecked(False)
        panels.set_quiz(mode == "quiz")  # also writes the quiz task, or clears it

    # -- switching -----------------------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        """Apply `mode` to the window (the next window opens in the preferred mode, not this one)."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r} (known: {', '.join(MODES)})")
        self.mode = mode
        self.mode_actions[mode].setChecked(True)
        self.docks.pattern_panel.set_mode(mode)
        if self.docks.built("info"):
            self.docks.info_panel.set_plain(mode == "patient")
        self._apply_to_panels(mode)
        for key, dock in self.docks.docks.items():
            dock.setVisible(key in MODE_DOCKS[mode])
            font = self._base_fonts[dock]
            if mode == "patient" and font.pointSizeF() > 0:
                font = type(font)(font)
                font.setPointSizeF(font.pointSizeF() * LARGE_FONT)
            dock.setFont(font)
        if mode != "patient":
            self._raise_comparison()
            self._raise_timer.start()  # again once a new window has shown its tabs
        self._arrange(mode)
        self.guide_bar.set_mode(mode)
        stepping = mode in ("educator", "quiz")
        self.next_trp_action.setEnabled(stepping)
        self.prev_trp_action.setEnabled(stepping)
        self.reveal_action.setEnabled(mode == "quiz")
        self.new_quiz_action.setEnabled(mode == "quiz")
        self._landmarks(mode)
        self.mode_changed.emit(mode)

    def _raise_comparison(self) -> None:
        """Make the Comparison tab the current one (QWidget.raise_ alone skips the top-most sibling)."""
        docks = self.docks.docks
        with self.docks.switching():  # About this pattern is not built for the moment its tab is current
            docks["info"].raise_()
            docks["comparison"].raise_()

    def _arrange(self, mode: str) -> None:
        """Heights of the visible docks: the pattern controls as tall as they need, the lists share the rest."""
        docks = self.docks.docks
        shown = [docks[k] for k in ("pattern", "ranking", "comparison") if k in MODE_DOCKS[mode]]
        if mode == "patient":
            shown.append(docks["info"])
        from PySide6.QtCore import Qt

        pattern_h = docks["pattern"].widget().sizeHint().height()
        rest = max(200, self.window.height() - pattern_h - 120)
        sizes = [pattern_h] + [rest // max(1, len(shown) - 1)] * (len(shown) - 1)
        self.window.resizeDocks(shown, sizes, Qt.Orientation.Vertical)

    def _landmarks(self, mode: str) -> None:
        canvas = self.window.canvas
        canvas.set_landmark_scale(LANDMARK_SCALE[mode])
        if mode == "educator":
            canvas.landmarks_visible = True

    def set_fullscreen(self, on: bool) -> None:
        """F11: full screen (educator presentation) and back."""
        if on:
            self.window.showFullScreen()
        else:
            self.window.showNormal()
        if self.fullscreen_action.isChecked() != on:
            self.fullscreen_action.setChecked(on)
