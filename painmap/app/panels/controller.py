"""The overlay and quiz state of the panels: which pattern, side and trigger point show, and what the docks say.

It holds no metrics and loads no engine: the numbers come from the window's `LiveComparison` (`updated`), the
docks from `PanelDocks`. It draws through two canvas layers (pattern, difference).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from painmap.app import texts
from painmap.app.i18n import tr
from painmap.app.layers import DifferenceLayer, PatternLayer
from painmap.app.outside_notice import OutsideNotice
from painmap.app.panels.fields import metric
from painmap.pattern_texts import localized

PREFERRED_PATTERN = "gluteus-medius"


class PanelsController(QObject):
    """State of the overlay (pattern, side, trigger point, quiz) and the live comparison of the session."""

    comparison_updated = Signal(object)  # the engine's Comparison
    pattern_changed = Signal(object)  # the chosen Pattern or None

    def __init__(self, window: QMainWindow, docks, live) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.canvas = window.canvas
        self.atlas = self.session.atlas
        self.live = live
        self.docks_owner = docks
        self.docks = docks.docks
        self.pattern_panel = docks.pattern_panel
        self.ranking_panel = docks.ranking_panel
        docks.on_built.append(self._panel_built)  # a panel hidden at the start comes later (PanelDocks.fill)

        self.pattern_id: str | None = None
        self.side_mode = "auto"
        self.show_pattern = True
        self.show_difference = False
        self.quiz = False
        self.revealed = False
        self.draw_first = False  # patient mode: no pattern until the person asks for one (docs/decisions.md)
        self._mirrors: dict[str, object] = {}
        self.outside = OutsideNotice(self.atlas, self.session.px_per_mm)

        self.pattern_layer = PatternLayer(self.atlas)
        self.difference_layer = DifferenceLayer()
        self.difference_layer.visible = False
        self.canvas.add_layer(self.difference_layer)
        self.canvas.add_layer(self.pattern_layer)
        self._make_actions()
        self._connect()
        self.pattern_layer.visible = False
        live.loaded.connect(self._on_loaded)
        live.updated.connect(self._on_updated)
        if live.ready:
            self._on_loaded()
            self._on_updated(live.comparison)

    @property
    def comparison_panel(self):
        """The Comparison panel (built now if its dock has not been shown yet)."""
        return self.docks_owner.comparison_panel

    @property
    def info_panel(self):
        """The About this pattern panel (built now if its dock has not been shown yet)."""
        return self.docks_owner.info_panel

    def _built(self, key: str) -> bool:
        return self.docks_owner.built(key)

    def _panel_built(self, key: str, panel) -> None:
        """A panel left for later has just been built: it shows what it would have shown all along."""
        if key == "info" and self.loaded:
            panel.set_pattern(self.pattern())
        elif key == "comparison":
            panel.set_quiz(self.quiz, self.revealed)
            if self.loaded:
                pattern = self.pattern()
                panel.set_result(pattern.name if pattern else "", self.result())

    # -- the engine (LiveComparison) -------------------------------------------------------------------------
    @property
    def library(self):
        return self.live.library

    @property
    def comparator(self):
        return self.live.comparator

    @property
    def comparison(self):
        return self.live.comparison

    @property
    def loaded(self) -> bool:
        return self.live.ready

    @property
    def problem(self) -> str:
        return self.live.problem

    @property
    def last_refresh_ms(self) -> float:
        return self.live.last_ms

    def load(self) -> None:
        """Load the engine now (it loads after the window's first paint; anything earlier asks here)."""
        self.live.load()

    def refresh(self) -> None:
        """Compare again now and show the result."""
        self.live.refresh()

    def _on_loaded(self) -> None:
        previous = self._follow_atlas()
        self.pattern_panel.set_patterns([(p.id, p.name) for p in self.patterns()])
        first = PREFERRED_PATTERN if PREFERRED_PATTERN in self.library.patterns else None
        first = previous if previous in self.library.patterns else first
        if first is None and self.library.patterns:
            first = next(iter(self.library.patterns))
        self.choose_pattern(first)

    def _follow_atlas(self) -> str | None:
        """After a switch to another body's chart (painmap.app.body_choice): that chart's overlays; the pattern
        that was chosen (chosen again on the new chart), or None when the chart is the same."""
        if self.atlas is self.session.atlas:
            return None
        previous, self.pattern_id = self.pattern_id, None
        self.atlas = self.pattern_layer.atlas = self.session.atlas
        self.outside = OutsideNotice(self.atlas, self.session.px_per_mm)
        self._mirrors.clear()
        self.pattern_layer.set_pattern(None)
        return previous

    def _on_updated(self, comparison) -> None:
        if comparison is not None and not self._drawing_used():
            self.ranking_panel.set_waiting(tr(texts.MATCHES_WAITING))
        elif comparison is not None:
            names = {p.id: p.name for p in self.patterns()}
            rows = [
                (
                    metric(r, "pattern"),
                    names.get(metric(r, "pattern"), metric(r, "pattern")),
                    metric(r, "side", ""),
                    float(metric(r, "score")),
                )
                for r in comparison.results
            ]
            self.ranking_panel.set_rows(rows, self.pattern_id)
        self._show_current()

    # -- building ------------------------------------------------------------------------------------------
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
            tr("Show &pattern"),
            "Ctrl+Shift+P",
            tr("Show the chosen pattern over the chart"),
            self.set_show_pattern,
            True,
            True,
        )
        self.show_difference_action = self._action(
            tr("Show &difference"),
            "Ctrl+Shift+D",
            tr("Colour matched, missed and extra areas of the drawing"),
            self.set_show_difference,
            True,
        )
        self.next_pattern_action = self._action(
            tr("Next match"), "PgDown", tr("Show the next pattern of the ranked list"), lambda: self.step_pattern(+1)
        )
        self.previous_pattern_action = self._action(
            tr("Previous match"),
            "PgUp",
            tr("Show the previous pattern of the ranked list"),
            lambda: self.step_pattern(-1),
        )
        for action in (
            self.show_pattern_action,
            self.show_difference_action,
            self.next_pattern_action,
            self.previous_pattern_action,
        ):
            menu.addAction(action)

    def _connect(self) -> None:
        pp = self.pattern_panel
        pp.pattern_chosen.connect(self.show_chosen_pattern)
        pp.side_chosen.connect(self.set_side_mode)
        pp.trigger_point_chosen.connect(self.set_trigger_point)
        pp.opacity_changed.connect(self.set_opacity)
        pp.pattern_shown.connect(self.show_pattern_action.setChecked)
        pp.difference_shown.connect(self.show_difference_action.setChecked)
        self.ranking_panel.pattern_chosen.connect(self.show_chosen_pattern)
        self.session.view_changed.connect(lambda _view: self._update_difference(redraw=True))

    # -- queries -------------------------------------------------------------------------------------------
    def patterns(self) -> list:
        """The library's patterns, their texts in the window's language (painmap.pattern_texts)."""
        return [localized(p) for p in self.library.patterns.values()]

    def pattern(self):
        """The chosen Pattern (its texts in the window's language) or None."""
        chosen = self.library.patterns.get(self.pattern_id) if self.pattern_id else None
        return localized(chosen) if chosen is not None else None

    def result(self, pattern_id: str | None = None):
        """The engine's result for a pattern (default: the chosen one), or None."""
        return self.live.result(pattern_id or self.pattern_id)

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
                    from painmap.pattern_sides import mirror_pattern

                    self._mirrors[pattern_id] = mirror_pattern(pattern, self.atlas)
                mirrored = self._mirrors[pattern_id]
            self.pattern_layer.set_pattern(pattern, mirrored)
            if self.quiz:
                self.revealed = False
        self.pattern_panel.set_pattern(pattern_id)
        tps = [(tp.id, tp.label or tp.id) for tp in self.pattern_layer.trigger_points()]
        notes = {tp.id: _where(tp) for tp in self.pattern_layer.trigger_points() if tp.note or tp.hint}
        self.pattern_panel.set_trigger_points(tps, self.pattern_layer.trigger_point, notes)
        self.ranking_panel.select(pattern_id)
        if self._built("info"):
            self.info_panel.set_pattern(pattern)
        self._apply_quiz_texts()
        self._show_current()
        if changed:
            self.pattern_changed.emit(pattern)

    def show_chosen_pattern(self, pattern_id: str | None) -> None:
        """The person chose a pattern (a row in Matches, the pattern list, PgUp/PgDn): choose it and show it."""
        self.choose_pattern(pattern_id)
        if pattern_id is not None and not self.show_pattern:
            self.show_pattern_action.setChecked(True)  # -> set_show_pattern

    def set_draw_first(self, on: bool) -> None:
        """Patient mode: hide the pattern until asked for, and draw it hatched over the drawing (never filled)."""
        if on == self.draw_first:
            return
        self.draw_first = on
        self.pattern_layer.hatched = on
        self.show_pattern_action.setChecked(not on)  # educators and quizzes start with the pattern shown
        self._show_current()

    def step_pattern(self, step: int) -> None:
        """Choose the next / previous pattern in the ranked order (library order before any comparison)."""
        self.load()
        order = self.ranking_panel.order() or list(self.library.patterns)
        if not order:
            return
        i = order.index(self.pattern_id) if self.pattern_id in order else -step
        self.show_chosen_pattern(order[(i + step) % len(order)])

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
        task = tr(texts.QUIZ_TASK).format(name=pattern.name) if (self.quiz and pattern is not None) else ""
        self.pattern_panel.task.setText(task)
        self.pattern_panel.task.setVisible(bool(task))
        if self._built("comparison"):
            self.comparison_panel.set_quiz(self.quiz, self.revealed)

    # -- showing -------------------------------------------------------------------------------------------
    def _show_current(self) -> None:
        if not self.loaded:
            return
        pattern = self.pattern()
        result = self.result()
        if self._built("comparison"):
            self.comparison_panel.set_result(pattern.name if pattern else "", result)
        self.ranking_panel.summary.setText(self._summary(result))
        if self.problem:
            self.ranking_panel.summary.setToolTip("\n".join(str(p) for p in self.library.problems))
        before = self._overlay_state()
        # over a drawing the essential zone is outline + hatching in every mode, so the shading stays readable
        # (a translucent fill turns blue shading purple: D41); an empty chart keeps the educator's solid fill
        hatched = self.draw_first or not self.session.masks.empty
        if hatched != self.pattern_layer.hatched:
            self.pattern_layer.hatched = hatched
            self.pattern_panel.legend.set_hatched(hatched)
        self.pattern_layer.set_side(self.overlay_side())
        self.pattern_layer.visible = self.show_pattern and pattern is not None and not self.pattern_hidden()
        self._update_difference(redraw=False)
        dirty = self.live.take_painted()
        if self._overlay_state() != before:
            self.canvas.update_layers()
        elif dirty is not None and self.difference_layer.visible:
            # matched / missed / extra change only where the drawing changed: repaint that, not the whole pattern
            self.canvas.update_layers(dirty.adjusted(-2, -2, 2, 2))

    def _overlay_state(self) -> tuple:
        """What the canvas shows of the overlays, except the difference pixels themselves."""
        lay = self.pattern_layer
        return (
            lay.visible,
            id(lay.pattern),
            lay.side,
            lay.trigger_point,
            lay.outline_only,
            lay.hatched,
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
            line = tr(texts.EMPTY_DRAWING)
        else:
            covered = texts.percent(metric(result, "essential_coverage"))
            outside = texts.percent(metric(result, "outside_fraction"))
            line = tr("{covered_label}: {covered} · {outside_label}: {outside}").format(
                covered_label=tr(texts.METRIC_LABELS["essential_coverage"][0]),
                covered=covered,
                outside_label=tr(texts.METRIC_LABELS["outside_fraction"][0]).lower(),
                outside=outside,
            )
        outside = self.outside.text(self.session.drawing.marks)  # "2 strokes lie outside the body chart …"
        return "\n".join(part for part in (line, outside, self.problem) if part)

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
        if self._built("comparison"):
            self.comparison_panel.set_plain(plain)

    def dock_widgets(self) -> list[QWidget]:
        return self.docks_owner.dock_widgets()


def _where(tp) -> str:
    """Where a trigger point is, in words: its note, and the hint of one no view shows (as the sheets print it)."""
    if not tp.hint:
        return tp.note
    return f"{tp.note} ({tp.hint})" if tp.note else tp.hint
