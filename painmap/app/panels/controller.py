"""Wires the pattern, comparison, ranking and info panels to the session and the canvas; holds no metrics.

Every number shown comes from painmap.compare.Comparator(...).compare(session.masks): the same engine as
`painmap compare`, re-run synchronously after every finished stroke (session.marks_changed).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget

from painmap.app import texts
from painmap.app.layers import DifferenceLayer, PatternLayer
from painmap.app.panels.comparison_panel import ComparisonPanel, metric
from painmap.app.panels.info_panel import InfoPanel
from painmap.app.panels.pattern_panel import PatternPanel
from painmap.app.panels.ranking_panel import RankingPanel

PREFERRED_PATTERN = "gluteus-medius"
MIN_PANEL_WIDTH = 360
LOAD_DELAY_MS = 10  # after the first paint; a start-up that quits at its first paint never waits for the library
DOCKS = ("pattern", "ranking", "comparison", "info")
DOCK_TITLES = {"pattern": "Pattern", "ranking": "Matches", "comparison": "Comparison", "info": "About this pattern"}


class PanelsController(QObject):
    """State of the overlay (pattern, side, trigger point, quiz) and the live comparison of the session."""

    comparison_updated = Signal(object)  # the engine's Comparison
    pattern_changed = Signal(object)  # the chosen Pattern or None

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.canvas = window.canvas
        self.atlas = self.session.atlas
        # The pattern library and the engine load right after the window's first paint (load()), so start-up
        # does not wait for them; anything that needs them earlier loads them at once.
        self.loaded = False
        self.library, self.comparator, self.problem = _NO_LIBRARY, None, ""
        self.comparison = None
        self.last_refresh_ms = 0.0

        self.pattern_id: str | None = None
        self.side_mode = "auto"
        self.show_pattern = True
        self.show_difference = False
        self.quiz = False
        self.revealed = False
        self._mirrors: dict[str, object] = {}
        self._painted: QRectF | None = None  # where the drawing changed since the last comparison (mm)

        self.pattern_layer = PatternLayer(self.atlas)
        self.difference_layer = DifferenceLayer()
        self.difference_layer.visible = False
        self.canvas.add_layer(self.difference_layer)
        self.canvas.add_layer(self.pattern_layer)

        self.pattern_panel = PatternPanel()
        self.ranking_panel = RankingPanel()
        self.comparison_panel = ComparisonPanel()
        self.info_panel = InfoPanel()
        self.docks: dict[str, QDockWidget] = {}
        self._make_docks()
        self._make_actions()
        self._connect()
        self.pattern_layer.visible = False
        self.ranking_panel.summary.setText(texts.LOADING)
        self._load_timer = QTimer(self)  # a child: it dies with the window, never fires into a deleted one
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(LOAD_DELAY_MS)
        self._load_timer.timeout.connect(self.load)
        first_painted = getattr(self.canvas, "first_painted", None)
        if first_painted is not None:
            first_painted.connect(self._load_timer.start)
        else:
            self._load_timer.start()

    def load(self) -> None:
        """Load the pattern library and the engine, choose the first pattern and compare (once)."""
        if self.loaded:
            return
        self.loaded = True
        self._load_timer.stop()
        self.library, self.comparator, self.problem = _load_engine(self.session)
        self.pattern_panel.set_patterns([(p.id, p.name) for p in self.patterns()])
        first = PREFERRED_PATTERN if PREFERRED_PATTERN in self.library.patterns else None
        if first is None and self.library.patterns:
            first = next(iter(self.library.patterns))
        self.choose_pattern(first)
        self.refresh()

    # -- building ------------------------------------------------------------------------------------------
    def _make_docks(self) -> None:
        widgets = {
            "pattern": self.pattern_panel,
            "ranking": self.ranking_panel,
            "comparison": self.comparison_panel,
            "info": self.info_panel,
        }
        area = Qt.DockWidgetArea.RightDockWidgetArea
        for key in DOCKS:
            dock = QDockWidget(DOCK_TITLES[key], self.window)
            dock.setObjectName(f"dock-{key}")  # for saveState / restoreState
            content = _scrolling(widgets[key]) if key == "comparison" else widgets[key]
            content.setMinimumWidth(MIN_PANEL_WIDTH)
            dock.setWidget(content)
            dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
            self.window.addDockWidget(area, dock)
            self.docks[key] = dock
        self.window.tabifyDockWidget(self.docks["comparison"], self.docks["info"])
        self.docks["comparison"].raise_()

    def _action(self, text: str, shortcut, tip: str, slot, checkable: bool = False, checked: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setStatusTip(tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if checkable:
            action.setCheckable(True)
            action.setChecked(checked)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _make_actions(self) -> None:
        menu = self.window.view_menu
        menu.addSeparator()
        self.show_pattern_action = self._action(
            "Show &pattern", "Ctrl+Shift+P", "Show the chosen pattern over the chart", self.set_show_pattern, True, True
        )
        self.show_difference_action = self._action(
            "Show &difference",
            "Ctrl+Shift+D",
            "Colour matched, missed and extra areas of the drawing",
            self.set_show_difference,
            True,
        )
        self.next_pattern_action = self._action(
            "Next match", "PgDown", "Show the next pattern of the ranked list", lambda: self.step_pattern(+1)
        )
        self.previous_pattern_action = self._action(
            "Previous match", "PgUp", "Show the previous pattern of the ranked list", lambda: self.step_pattern(-1)
        )
        for action in (
            self.show_pattern_action,
            self.show_difference_action,
            self.next_pattern_action,
            self.previous_pattern_action,
        ):
            menu.addAction(action)
        panels = menu.addMenu("Pa&nels")
        for i, key in enumerate(DOCKS, start=1):
            toggle = self.docks[key].toggleViewAction()
            shortcut = QKeySequence(f"Ctrl+Alt+{i}")
            toggle.setShortcut(shortcut)
            tip = f"Show or hide the {DOCK_TITLES[key]} panel"
            toggle.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
            toggle.setStatusTip(tip)
            panels.addAction(toggle)

    def _connect(self) -> None:
        pp = self.pattern_panel
        pp.pattern_chosen.connect(self.choose_pattern)
        pp.side_chosen.connect(self.set_side_mode)
        pp.trigger_point_chosen.connect(self.set_trigger_point)
        pp.opacity_changed.connect(self.set_opacity)
        pp.pattern_shown.connect(self.show_pattern_action.setChecked)
        pp.difference_shown.connect(self.show_difference_action.setChecked)
        self.ranking_panel.pattern_chosen.connect(self.choose_pattern)
        self.session.marks_changed.connect(self.refresh)
        self.session.painted.connect(self._on_painted)
        self.session.view_changed.connect(lambda _view: self._update_difference(redraw=True))

    # -- queries -------------------------------------------------------------------------------------------
    def patterns(self) -> list:
        return list(self.library.patterns.values())

    def pattern(self):
        """The chosen Pattern or None."""
        return self.library.patterns.get(self.pattern_id) if self.pattern_id else None

    def result(self, pattern_id: str | None = None):
        """The engine's result for a pattern (default: the chosen one), or None."""
        pid = pattern_id or self.pattern_id
        if self.comparison is None or pid is None:
            return None
        for r in self.comparison.results:
            if metric(r, "pattern", None) == pid:
                return r
        return None

    def overlay_side(self) -> str:
        """Side the overlay is drawn on: the user's choice, or in "auto" the side the comparison found."""
        if self.side_mode != "auto":
            return self.side_mode
        side = metric(self.result(), "side", "") if self.result() is not None else ""
        if side in ("left", "right", "both") and self._drawing_used():
            return side
        pattern = self.pattern()
        return pattern.side if pattern is not None else "right"

    def _drawing_used(self) -> bool:
        try:
            return bool(self.session.masks.views_used())
        except AttributeError:
            return True

    # -- user choices --------------------------------------------------------------------------------------
    def choose_pattern(self, pattern_id: str | None) -> None:
        """Overlay this pattern, show its info and its numbers; in a quiz, hide it again."""
        self.load()
        if pattern_id is not None and pattern_id not in self.library.patterns:
            return
        changed = pattern_id != self.pattern_id
        self.pattern_id = pattern_id
        pattern = self.pattern()
        if changed:
            mirrored = None
            if pattern is not None:
                if pattern_id not in self._mirrors:
                    from painmap.patterns import mirror_pattern

                    self._mirrors[pattern_id] = mirror_pattern(pattern, self.atlas)
                mirrored = self._mirrors[pattern_id]
            self.pattern_layer.set_pattern(pattern, mirrored)
            if self.quiz:
                self.revealed = False
        self.pattern_panel.set_pattern(pattern_id)
        tps = [(tp.id, tp.label or tp.id) for tp in self.pattern_layer.trigger_points()]
        notes = {tp.id: tp.note for tp in self.pattern_layer.trigger_points() if tp.note}
        self.pattern_panel.set_trigger_points(tps, self.pattern_layer.trigger_point, notes)
        self.ranking_panel.select(pattern_id)
        self.info_panel.set_pattern(pattern)
        self._apply_quiz_texts()
        self._show_current()
        if changed:
            self.pattern_changed.emit(pattern)

    def step_pattern(self, step: int) -> None:
        """Choose the next / previous pattern in the ranked order (library order before any comparison)."""
        self.load()
        order = self.ranking_panel.order() or list(self.library.patterns)
        if not order:
            return
        i = order.index(self.pattern_id) if self.pattern_id in order else -step
        self.choose_pattern(order[(i + step) % len(order)])

    def set_side_mode(self, side: str) -> None:
        self.side_mode = side
        self.pattern_panel.set_side(side)
        self._show_current()

    def set_trigger_point(self, trigger_point: str | None) -> None:
        self.pattern_layer.trigger_point = trigger_point
        self.pattern_panel.set_trigger_point(trigger_point)
        self.canvas.update_layers()

    def step_trigger_point(self, step: int) -> str | None:
        """Next / previous trigger point (cyclic: all, TrP1, TrP2, …)."""
        tp = self.pattern_layer.step_trigger_point(step)
        self.pattern_panel.set_trigger_point(tp)
        self._show_trigger_point_view()
        self.canvas.update_layers()
        return tp

    def _show_trigger_point_view(self) -> None:
        """If the chosen trigger point shows nothing on this view (no X, no zone), turn to a view where it does."""
        layer = self.pattern_layer
        if layer.trigger_point is None or not layer.visible:
            return
        here = self.session.view_id
        if layer.markers(here) or layer.shapes(here):
            return
        for view_id in self.atlas.views:
            if layer.markers(view_id):
                self.session.set_view(view_id)
                return

    def set_opacity(self, opacity: float) -> None:
        self.pattern_layer.opacity = opacity
        self.canvas.update_layers()

    def set_show_pattern(self, show: bool) -> None:
        self.show_pattern = show
        self.pattern_panel.set_checks(show, self.show_difference)
        self._show_current()

    def set_show_difference(self, show: bool) -> None:
        self.show_difference = show
        self.pattern_panel.set_checks(self.show_pattern, show)
        self._show_current()

    # -- quiz ----------------------------------------------------------------------------------------------
    def set_quiz(self, quiz: bool) -> None:
        """Quiz: the chosen pattern is hidden until reveal()."""
        self.quiz = quiz
        self.revealed = False
        self._apply_quiz_texts()
        self._show_current()

    def reveal(self) -> None:
        """Show the hidden pattern, the difference overlay and the score."""
        if self.quiz:
            self.revealed = True
            self._apply_quiz_texts()
            if self.show_difference:
                self._show_current()
            else:
                self.show_difference_action.setChecked(True)  # -> set_show_difference -> _show_current

    def pattern_hidden(self) -> bool:
        return self.quiz and not self.revealed

    def _apply_quiz_texts(self) -> None:
        pattern = self.pattern()
        task = texts.QUIZ_TASK.format(name=pattern.name) if (self.quiz and pattern is not None) else ""
        self.pattern_panel.task.setText(task)
        self.pattern_panel.task.setVisible(bool(task))
        self.comparison_panel.set_quiz(self.quiz, self.revealed)

    # -- live comparison -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the engine on the session's masks and update the ranked list, numbers and overlays."""
        if not self.loaded:
            self.load()  # loads, then comes back here once
            return
        t0 = time.perf_counter()
        if self.comparator is not None:
            self.comparison = self.comparator.compare(self.session.masks)
            names = {p.id: p.name for p in self.patterns()}
            rows = [
                (
                    metric(r, "pattern"),
                    names.get(metric(r, "pattern"), metric(r, "pattern")),
                    metric(r, "side", ""),
                    float(metric(r, "score")),
                )
                for r in self.comparison.results
            ]
            self.ranking_panel.set_rows(rows, self.pattern_id)
        self._show_current()
        self.comparison_updated.emit(self.comparison)
        self.last_refresh_ms = 1000 * (time.perf_counter() - t0)

    def _show_current(self) -> None:
        if not self.loaded:
            return
        pattern = self.pattern()
        result = self.result()
        self.comparison_panel.set_result(pattern.name if pattern else "", result)
        self.ranking_panel.summary.setText(self._summary(result))
        if self.problem:
            self.ranking_panel.summary.setToolTip("\n".join(str(p) for p in self.library.problems))
        before = self._overlay_state()
        self.pattern_layer.set_side(self.overlay_side())
        self.pattern_layer.visible = self.show_pattern and pattern is not None and not self.pattern_hidden()
        self._update_difference(redraw=False)
        dirty, self._painted = self._painted, None
        if self._overlay_state() != before:
            self.canvas.update_layers()
        elif dirty is not None and self.difference_layer.visible:
            # matched / missed / extra change only where the drawing changed: repaint that, not the whole pattern
            self.canvas.update_layers(dirty.adjusted(-2, -2, 2, 2))

    def _on_painted(self, rect) -> None:
        """Collect the millimetre bounds the drawing changed in since the last comparison."""
        if getattr(rect, "empty", True) or rect.view != self.session.view_id:
            return
        x0, y0, x1, y1 = rect.to_mm()
        box = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._painted = box if self._painted is None else self._painted.united(box)

    def _overlay_state(self) -> tuple:
        """What the canvas shows of the overlays, except the difference pixels themselves."""
        lay = self.pattern_layer
        return (
            lay.visible,
            id(lay.pattern),
            lay.side,
            lay.trigger_point,
            lay.outline_only,
            lay.opacity,
            self.difference_layer.visible,
            self.session.view_id,
            self.pattern_id,
            metric(self.result(), "side", "") if self.result() is not None else "",
            id(self.session.masks),
        )

    def _summary(self, result) -> str:
        """One plain line under the ranked list about the chosen pattern (and patterns that did not load)."""
        if result is None or not self._drawing_used():
            line = texts.EMPTY_DRAWING
        else:
            covered = texts.percent(metric(result, "essential_coverage"))
            outside = texts.percent(metric(result, "outside_fraction"))
            line = (
                f"{texts.METRIC_LABELS['essential_coverage'][0]}: {covered} · "
                f"{texts.METRIC_LABELS['outside_fraction'][0].lower()}: {outside}"
            )
        return f"{line}\n{self.problem}" if self.problem else line

    def difference_wanted(self) -> bool:
        return self.show_difference and not self.pattern_hidden()

    def _update_difference(self, redraw: bool = True) -> None:
        layer = self.difference_layer
        result = self.result()
        layer.visible = self.difference_wanted() and result is not None and self.comparator is not None
        self.pattern_layer.outline_only = layer.visible
        self.pattern_panel.legend.set_show_difference(layer.visible)
        if layer.visible:
            view = self.atlas.view(self.session.view_id)
            matched, missed, extra = self.comparator.difference(
                self.session.masks, self.pattern_id, metric(result, "side", "right"), view.id
            )
            layer.set_masks(view.id, matched, missed, extra, (view.width, view.height))
        else:
            layer.clear()
        if redraw:
            self.canvas.update_layers()

    # -- modes ---------------------------------------------------------------------------------------------
    def set_plain(self, plain: bool) -> None:
        """Plain-language labels (patient mode) or technical ones (educator, quiz)."""
        self.ranking_panel.set_plain(plain)
        self.comparison_panel.set_plain(plain)

    def dock_widgets(self) -> list[QWidget]:
        return list(self.docks.values())


class _NoLibrary:
    """Stands in for the PatternLibrary until load() (importing the loader would slow start-up)."""

    patterns: dict = {}  # noqa: RUF012 - never changed
    problems: tuple = ()


_NO_LIBRARY = _NoLibrary()


def _scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless vertical scroll area, so a short dock never squeezes its contents."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def _load_engine(session):
    """(library, comparator, problem text): the pattern library and the comparison engine, or why not."""
    from painmap.errors import PainmapError
    from painmap.patterns import PatternLibrary, load_patterns

    try:
        library = load_patterns(session.atlas)
    except PainmapError as err:
        return PatternLibrary({}), None, str(err)
    from painmap.compare import Comparator

    px_per_mm = getattr(session.masks, "px_per_mm", None)
    if px_per_mm is None:
        from painmap.raster import DEFAULT_PX_PER_MM as px_per_mm
    problem = ""
    if library.problems:
        names = ", ".join(p.pattern for p in library.problems)
        problem = f"Not loaded ({len(library.problems)}): {names}."
    return library, Comparator(session.atlas, library, px_per_mm), problem
