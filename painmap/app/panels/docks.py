"""The panels' docks: the pattern, matches, comparison and info widgets in dock widgets, and View ▸ Panels.

The docks are built with the window's shell, empty ("Loading…"), so the first paint has the window's layout;
`fill()` puts the panel widgets in right after that paint (a dock not on screen then gets its panel when it is
first shown, or after the first ranking), and `PanelsController` drives them once the engine has loaded.
`place()` puts them in their areas from the shipped layout (resources/layout/docks.state, written by
tools/dock_layout.py from `add()`): `addDockWidget` takes a Qt namespace enum, and naming the namespace before the
first paint costs ~16 ms (painmap.app.enum_free).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QT_TR_NOOP, QByteArray
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from painmap.app import enum_free, texts
from painmap.app.i18n import tr
from painmap.resources import resource_path

MIN_PANEL_WIDTH = 360
LAYOUT = ("layout", "docks.state")  # the docks' default layout, as `add()` makes it (tools/dock_layout.py)
# QMainWindow.saveState(): an 8-byte header, then the docks' section (no dock placed: 29 bytes), the toolbars'
NO_DOCKS = b"\x00\x00\x00\xff\x00\x00\x00\x00\xfd\x00\x00\x00\x00"  # the header, the marker, 0 areas
NO_DOCKS_SIZE = 8 + 29
DOCKS = ("pattern", "ranking", "comparison", "info")
DOCK_TITLES = {
    "pattern": QT_TR_NOOP("Pattern"),
    "ranking": QT_TR_NOOP("Matches"),
    "comparison": QT_TR_NOOP("Comparison"),
    "info": QT_TR_NOOP("About this pattern"),
}
# "Show or hide the … panel", one text per dock so each translation can agree with its title.
DOCK_TIPS = {
    "pattern": QT_TR_NOOP("Show or hide the Pattern panel"),
    "ranking": QT_TR_NOOP("Show or hide the Matches panel"),
    "comparison": QT_TR_NOOP("Show or hide the Comparison panel"),
    "info": QT_TR_NOOP("Show or hide the About this pattern panel"),
}
LATER = ("comparison", "info")  # the tabbed pair: the one not seen at `fill()` is built when it is first shown


class PanelDocks:
    """The `docks` (key -> dock) and, after `fill()`, `pattern_panel`, `ranking_panel`, `comparison_panel`,
    `info_panel` (one hidden at `fill()` is built when asked for)."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.filled = False
        self._as_added = False  # placed from the shipped layout, no saved state over it: see `_width_as_added`
        self.docks: dict[str, QDockWidget] = {}
        for key in DOCKS:
            dock = QDockWidget(tr(DOCK_TITLES[key]), window)
            dock.setObjectName(f"dock-{key}")  # for saveState / restoreState
            placeholder = QLabel(tr(texts.LOADING) if key == "ranking" else "")
            enum_free.set_enum(placeholder, "alignment", enum_free.ALIGN_TOP_LEFT)
            placeholder.setMargin(8)
            placeholder.setMinimumWidth(MIN_PANEL_WIDTH)
            dock.setWidget(placeholder)
            enum_free.set_enum(dock, "allowedAreas", enum_free.LEFT_RIGHT_DOCK_AREAS)
            self.docks[key] = dock

    def place(self, saved: QByteArray | None = None) -> None:
        """Put the docks in their default places, then restore the `saved` window state (if any) over them. The
        default places: the shipped layout with the window's own toolbars section (a state without one would
        drop the toolbars), or `add()` when that does not restore (another Qt's format)."""
        own = bytes(self.window.saveState().data())
        try:
            layout = resource_path(*LAYOUT).read_bytes()
        except OSError:  # a missing or unreadable layout file: the docks are placed without it
            layout = b""
        for dock in self.docks.values():
            dock.hide()  # restored hidden, as in the layout: Qt would show (and lay out) each one on the way
        state = QByteArray(layout + own[NO_DOCKS_SIZE:])
        if layout and own.startswith(NO_DOCKS) and self.window.restoreState(state):
            self._as_added = saved is None
        else:
            self.add()
        if saved is not None:
            self.window.restoreState(saved)

    def add(self) -> None:
        """The default places: all in the right area, Comparison and About this pattern as tabs (Comparison's
        shown)."""
        from PySide6.QtCore import Qt

        for dock in self.docks.values():
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.tabifyDockWidget(self.docks["comparison"], self.docks["info"])
        self.docks["comparison"].raise_()

    def fill(self) -> None:
        """Put the panel widgets into the docks shown now; a dock hidden now (the Comparison in patient mode,
        About this pattern behind its tab or in a quiz) gets its panel when it is first shown, when its panel is
        asked for, or at `fill_rest()` (start-up's first step after the ranking): nothing is seen before."""
        if self.filled:
            return
        self.filled = True
        self._panels: dict[str, QWidget] = {}
        self.on_built: list = []  # callables (key, panel), run for each panel built after fill()
        self._shown: dict[str, bool] = {}  # the last visibility of each dock left for later
        self._holding = False
        for key in DOCKS:
            dock = self.docks[key]
            if key in LATER and self.window.isVisible() and not _seen(dock):
                dock.visibilityChanged.connect(lambda shown, key=key: self._visibility(key, shown))
            else:
                self._build(key)
        self._width_as_added()

    def _width_as_added(self) -> None:
        """The right area as wide as after `add()`. Docks added with addDockWidget are laid out by their size
        hints until one is resized (the modes do, `ModeController._arrange`): the panels just put in widen the area
        to theirs. Restored from a state, the area keeps the width of its first layout. The width Qt takes
        (QDockAreaLayoutInfo::sizeHint): the widest shown dock's hint (at least its minimum) or tab bar's."""
        if not self._as_added:
            return
        self._as_added = False
        shown = [dock for dock in self.docks.values() if not dock.isHidden()]
        if not shown or not self.window.isVisible():
            return  # not laid out yet: the first layout takes the hints
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTabBar

        widths = [max(d.sizeHint().width(), d.minimumSizeHint().width(), d.minimumWidth()) for d in shown]
        bars = self.window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        widths += [bar.sizeHint().width() for bar in bars if bar.isVisible()]
        self.window.resizeDocks(shown[:1], [max(widths)], Qt.Orientation.Horizontal)

    def fill_rest(self) -> None:
        """Build the panels `fill()` left for later."""
        self.fill()
        for key in DOCKS:
            self.panel(key)

    @contextmanager
    def switching(self) -> Iterator[None]:
        """Tabs switched in this block build the panel of a dock only if it is still shown at the end."""
        self.fill()
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
            for key, shown in list(self._shown.items()):
                if shown:
                    self.panel(key)

    def _visibility(self, key: str, shown: bool) -> None:
        self._shown[key] = shown
        if shown and not self._holding:
            self.panel(key)

    def built(self, key: str) -> bool:
        """Whether dock `key` holds its panel yet."""
        return self.filled and key in self._panels

    def panel(self, key: str) -> QWidget:
        """The panel of dock `key`, built now if it was left for later."""
        self.fill()
        if key not in self._panels:
            self._build(key)
            for hook in self.on_built:
                hook(key, self._panels[key])
        return self._panels[key]

    pattern_panel = property(lambda self: self.panel("pattern"))
    ranking_panel = property(lambda self: self.panel("ranking"))
    comparison_panel = property(lambda self: self.panel("comparison"))
    info_panel = property(lambda self: self.panel("info"))

    def _build(self, key: str) -> None:
        if key == "pattern":
            from painmap.app.panels.pattern_panel import PatternPanel as Panel
        elif key == "ranking":
            from painmap.app.panels.ranking_panel import RankingPanel as Panel
        elif key == "comparison":
            from painmap.app.panels.comparison_panel import ComparisonPanel as Panel
        else:
            from painmap.app.panels.info_panel import InfoPanel as Panel
        widget = self._panels[key] = Panel()
        if key == "ranking":
            widget.summary.setText(tr(texts.LOADING))
        elif key == "info":  # with the care box of the window's mode already: laid out once in its dock
            from painmap.app.modes import saved_mode

            widget.set_plain(saved_mode(self.window.settings) == "patient")
        content = widget
        if key == "comparison":  # in a scroll area named after its panel
            content = _scrolling(widget)
            title = tr(DOCK_TITLES[key])
            content.setAccessibleName(title)
            content.setAccessibleDescription(tr("The {panel} panel; scroll for more").format(panel=title))
        content.setMinimumWidth(MIN_PANEL_WIDTH)
        dock = self.docks[key]
        old = dock.widget()
        dock.setWidget(content)
        if old is not None:
            old.deleteLater()

    def add_menu(self, menu) -> None:
        """View ▸ Panels: one toggle per dock (Ctrl+Alt+1 …)."""
        from PySide6.QtGui import QKeySequence  # here: the shell paints without it (painmap.app.toolbar)

        panels = menu.addMenu(tr("Pa&nels"))
        for i, key in enumerate(DOCKS, start=1):
            toggle = self.docks[key].toggleViewAction()
            shortcut = QKeySequence(f"Ctrl+Alt+{i}")
            toggle.setShortcut(shortcut)
            tip = tr(DOCK_TIPS[key])
            toggle.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
            toggle.setStatusTip(tip)
            panels.addAction(toggle)

    def dock_widgets(self) -> list[QWidget]:
        return list(self.docks.values())


def _seen(dock: QDockWidget) -> bool:
    """Whether `dock` is on screen: shown, and its tab the current one."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def _scrolling(widget: QWidget):
    """`widget` in a frameless vertical scroll area, so a short dock never squeezes its contents."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # after the first paint
    return area
