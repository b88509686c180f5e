"""A dock hidden when start-up fills the docks gets its panel when it is first shown, when its panel is asked for,
or in start-up's first step after the ranking (PanelDocks.fill); it then shows what it would have shown all along."""

from __future__ import annotations

import pytest
from app_helpers import start_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from painmap.app import texts
from painmap.app.panels.fields import metric
from painmap.drawing import Drawing, Fill, save_drawing

pytestmark = pytest.mark.usefixtures("qapp")


def _drawing(tmp_path):
    path = tmp_path / "given.painmap.json"
    marks = [Fill("posterior", "sacrum", 6, "aching"), Fill("posterior", "buttock-right", 4, "aching")]
    save_drawing(Drawing(marks=marks), path)
    return path


def _prefer_mode(mode: str) -> None:
    from painmap.app.main_window import app_settings
    from painmap.app.preferences import DEFAULTS, write_preferences

    write_preferences(app_settings(), DEFAULTS._replace(default_mode=mode))


def _at_the_ranking(monkeypatch) -> dict:
    """What the docks hold when StartUp._load_engine (the ranking, benchmarks/startup_probe.py) returns."""
    from painmap.app.startup import StartUp

    seen: dict = {}
    rank = StartUp._load_engine

    def ranked(self) -> None:
        rank(self)
        docks, panels = self.window.docks, self.window.panels
        seen.update(
            ranked=self.window.live.comparison is not None,
            built={key: docks.built(key) for key in docks.docks},
            order=panels.ranking_panel.order(),
            info=docks.info_panel.text() if docks.built("info") else None,
            pattern=panels.pattern().name,
        )

    monkeypatch.setattr(StartUp, "_load_engine", ranked)
    return seen


def _comparison_state(panel) -> tuple:
    return (
        panel.title.text(),
        panel.shown(),
        {key: label.text() for key, label in panel.names.items()},
        panel.metrics.isHidden(),
        panel.zones.isHidden(),
        panel.reveal.isHidden(),
        panel.hidden_note.isHidden(),
    )


def _built_at_once(qtbot, atlas, path, mode: str):
    """The same file in a window whose panels were all built at once (not shown: nothing is left for later)."""
    from painmap.app.main_window import MainWindow

    window = MainWindow(atlas)
    qtbot.addWidget(window)
    assert all(window.docks.built(key) for key in window.docks.docks)
    window.ensure_engine()
    window.modes.set_mode(mode)
    window.files.open_path(path)
    return window


def test_patient_mode_ranks_before_the_hidden_comparison_panel_that_comes_after(qtbot, atlas, tmp_path, monkeypatch):
    path = _drawing(tmp_path)
    seen = _at_the_ranking(monkeypatch)
    window = start_window(qtbot, path)
    assert window.modes.mode == "patient" and not window.docks.docks["comparison"].isVisible()
    assert seen["ranked"] and seen["order"]  # the ranking is in the Matches panel at the ranked moment
    assert seen["built"] == {"pattern": True, "ranking": True, "comparison": False, "info": True}
    assert seen["pattern"] in seen["info"]  # the shown About panel has the chosen pattern's page then
    assert window.docks.built("comparison")  # a late step built it
    result = window.panels.result()
    shown = window.docks.comparison_panel.shown()
    assert shown["score"] == texts.percent(float(metric(result, "score"))) != "—"
    at_once = _built_at_once(qtbot, atlas, path, "patient")
    assert _comparison_state(window.docks.comparison_panel) == _comparison_state(at_once.docks.comparison_panel)


def test_educator_mode_ranks_before_the_about_panel_behind_its_tab(qtbot, atlas, tmp_path, monkeypatch):
    _prefer_mode("educator")
    path = _drawing(tmp_path)
    seen = _at_the_ranking(monkeypatch)
    window = start_window(qtbot, path)
    assert window.modes.mode == "educator"
    assert seen["ranked"] and seen["order"]
    assert seen["built"] == {"pattern": True, "ranking": True, "comparison": True, "info": False}
    assert window.docks.built("info") and window.panels.pattern().name in window.docks.info_panel.text()
    at_once = _built_at_once(qtbot, atlas, path, "educator")
    assert window.docks.info_panel.text() == at_once.docks.info_panel.text()
    assert window.docks.info_panel.care.isHidden() == at_once.docks.info_panel.care.isHidden() is True


def test_a_hidden_tab_chosen_before_the_late_steps_gets_its_panel_at_once(qtbot):
    _prefer_mode("educator")
    window = start_window(qtbot, wait=False)
    for step in window.completion_steps():
        step()
    docks = window.docks
    assert not docks.built("info")
    docks.docks["info"].raise_()  # the About this pattern tab is clicked
    qtbot.waitUntil(lambda: docks.built("info"))
    assert docks.docks["info"].widget() is docks.info_panel
    window.ensure_engine()
    assert window.panels.pattern().name in docks.info_panel.text()


def test_a_mode_that_shows_the_comparison_early_builds_it_and_its_reveal_works(qtbot):
    window = start_window(qtbot, wait=False)
    for step in window.completion_steps():  # patient mode: the Comparison dock is hidden
        step()
    docks = window.docks
    assert window.modes.mode == "patient" and not docks.built("comparison")
    window.modes.set_mode("quiz")  # the dock is shown: its panel is built then
    assert docks.built("comparison") and docks.docks["comparison"].isVisible()
    window.ensure_engine()
    panels = window.panels
    panel = docks.comparison_panel
    assert panels.quiz and not panel.reveal.isHidden() and panel.metrics.isHidden()
    panel.reveal.click()
    assert panels.revealed and not panel.metrics.isHidden()
    assert panel.shown()["score"] == texts.percent(float(metric(panels.result(), "score")))


def _page_grab(panel, pattern):
    panel.set_pattern(pattern)
    QApplication.processEvents()
    browser = panel.browser
    return browser.viewport().grab().toImage(), browser.verticalScrollBar().isVisible(), browser.toPlainText()


@pytest.mark.parametrize("height", [260, 2400])  # a page longer than the panel, and one that fits
def test_an_info_page_laid_out_beside_its_scroll_bar_looks_as_one_laid_out_twice(qtbot, library, height):
    """InfoPanel lays a page out once (the scroll bar shown first); the old way laid a long page out at the full
    width, then again beside the scroll bar that it then needed. Both end in the same picture."""
    from painmap.app.panels.info_panel import InfoPanel

    class TwiceLaidOut(InfoPanel):
        def set_pattern(self, pattern) -> None:
            body = texts.pattern_html(pattern) if pattern is not None else "<p>none</p>"
            self.browser.setHtml(body + texts.about_html())

    panels = []
    for cls in (InfoPanel, TwiceLaidOut):
        panel = cls()
        qtbot.addWidget(panel)
        panel.resize(380, height)
        panel.show()
        qtbot.waitExposed(panel)
        panels.append(panel)
    assert panels[0].browser.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    for pid in ("gluteus-medius", "piriformis", "gluteus-medius"):
        pattern = library.patterns[pid]
        once, twice = (_page_grab(panel, pattern) for panel in panels)
        assert once[1] == twice[1] == (height < 1000)  # the scroll bar only when the page is longer
        assert once[2] == twice[2] and once[0] == twice[0]
