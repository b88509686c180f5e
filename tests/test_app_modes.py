"""Patient, educator and quiz modes of the real main window (offscreen)."""

from __future__ import annotations

import pytest
from app_helpers import make_window
from PySide6.QtCore import Qt

from painmap.app import texts
from painmap.app.modes import MODE_DOCKS
from painmap.app.panels.controller import PanelsController

pytestmark = pytest.mark.usefixtures("qapp")


def _open(qtbot, atlas):
    win = make_window(qtbot, atlas, size=(1400, 900))
    panels = win.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    return win, panels


@pytest.fixture
def panels(qtbot, atlas) -> PanelsController:
    return _open(qtbot, atlas)[1]


def _shade_pattern(panels):
    pattern = panels.pattern()
    pts = [tuple(z.polygon.mean(axis=0)) for z in pattern.zones if z.view == "posterior" and z.kind == "essential"]
    s = panels.session
    s.begin_stroke(pts[0], 15.0, 6)
    for p in pts[1:]:
        s.extend_stroke(p)
    s.end_stroke()


def test_patient_mode_is_the_default(panels):
    assert panels.modes.mode == "patient"
    assert panels.modes.guide.text() == texts.GUIDE["patient"]
    shown = {k for k, d in panels.docks.items() if d.isVisible()}
    assert shown == set(MODE_DOCKS["patient"])
    assert panels.ranking_panel.table.horizontalHeaderItem(2).text() == "How alike"
    assert not panels.pattern_panel.trp_row.isVisible()


def test_a_window_opens_in_the_preferred_mode(qtbot, atlas):
    from painmap.app.main_window import app_settings
    from painmap.app.preferences import DEFAULTS, write_preferences

    write_preferences(app_settings(), DEFAULTS._replace(default_mode="educator"))
    win, panels = _open(qtbot, atlas)
    assert panels.modes.mode == "educator"
    panels.modes.mode_actions["quiz"].trigger()  # the mode in use is not remembered as the default
    assert panels.modes.mode == "quiz"
    win.close()
    _win2, panels2 = _open(qtbot, atlas)
    assert panels2.modes.mode == "educator"
    assert panels2.modes.mode_actions["educator"].isChecked()
    assert {k for k, d in panels2.docks.items() if d.isVisible()} == set(MODE_DOCKS["educator"])
    qtbot.waitUntil(panels2.comparison_panel.isVisible)  # its tab is in front of the info tab


def test_educator_steps_through_trigger_points_with_arrow_keys(panels, qtbot):
    win = panels.window
    panels.modes.set_mode("educator")
    win.activateWindow()
    qtbot.waitActive(win)
    tps = [tp.id for tp in panels.pattern_layer.trigger_points()]
    assert len(tps) >= 2
    seen = []
    for _ in range(len(tps) + 1):
        qtbot.keyClick(win, Qt.Key.Key_Right)
        seen.append(panels.pattern_layer.trigger_point)
    assert seen == [*tps, None]  # all -> TrP1 -> ... -> all again
    qtbot.keyClick(win, Qt.Key.Key_Left)
    assert panels.pattern_layer.trigger_point == tps[-1]
    assert panels.pattern_panel.trp_box.currentData() == tps[-1]
    last = panels.pattern_layer.trigger_points()[-1]
    where = f"{last.note} ({last.hint})" if last.hint else last.note  # where it is, in words; where to look
    assert panels.pattern_panel.trp_note.text() == where
    assert {m[2] for m in panels.pattern_layer.markers("posterior")} <= {
        tp.label or tp.id for tp in panels.pattern_layer.trigger_points() if tp.id == tps[-1]
    }


def test_back_to_patient_mode_turns_the_difference_off(panels):
    panels.modes.set_mode("educator")
    panels.show_difference_action.setChecked(True)
    panels.modes.set_mode("patient")
    assert not panels.difference_layer.visible and not panels.pattern_panel.show_difference.isVisible()


def test_patient_mode_has_larger_text_than_educator_mode(panels):
    patient = panels.docks["ranking"].font().pointSizeF()
    panels.modes.set_mode("educator")
    assert panels.docks["ranking"].font().pointSizeF() < patient
    assert panels.pattern_panel.trp_row.isVisible()
    assert panels.ranking_panel.table.horizontalHeaderItem(2).text() == "Score"


def test_educator_full_screen_with_f11(panels):
    win = panels.window
    panels.modes.set_mode("educator")
    panels.modes.fullscreen_action.trigger()
    assert win.isFullScreen()
    panels.modes.fullscreen_action.trigger()
    assert not win.isFullScreen()


def test_quiz_hides_the_pattern_until_reveal(panels, qtbot):
    panels.modes.set_mode("quiz")
    assert not panels.pattern_layer.visible
    assert not panels.comparison_panel.metrics.isVisible()
    assert not panels.docks["ranking"].isVisible()  # the ranked list would give the answer away
    assert panels.pattern().name in panels.pattern_panel.task.text()
    _shade_pattern(panels)
    assert not panels.pattern_layer.visible and not panels.difference_layer.visible
    qtbot.mouseClick(panels.comparison_panel.reveal, Qt.MouseButton.LeftButton)
    assert panels.pattern_layer.visible
    assert panels.difference_layer.visible and panels.difference_layer.counts["matched"] > 0
    assert panels.comparison_panel.metrics.isVisible()
    assert panels.comparison_panel.shown()["score"] == texts.percent(panels.result().score)
    assert panels.result().score > 0
    assert panels.pattern_panel.show_difference.isChecked()  # the check box tells what the canvas shows
    panels.modes.new_quiz_action.trigger()
    assert not panels.pattern_layer.visible and not panels.difference_layer.visible


def test_choosing_another_pattern_in_a_quiz_hides_it_again(panels):
    panels.modes.set_mode("quiz")
    panels.reveal()
    assert panels.pattern_layer.visible
    other = next(p for p in panels.library.patterns if p != panels.pattern_id)
    panels.choose_pattern(other)
    assert not panels.pattern_layer.visible


def test_every_added_action_has_a_shortcut_and_a_tooltip(panels):
    actions = [
        panels.show_pattern_action,
        panels.show_difference_action,
        panels.next_pattern_action,
        panels.previous_pattern_action,
        panels.modes.fullscreen_action,
        panels.modes.next_trp_action,
        panels.modes.prev_trp_action,
        panels.modes.reveal_action,
        panels.modes.new_quiz_action,
        *panels.modes.mode_actions.values(),
    ]
    for action in actions:
        assert not action.shortcut().isEmpty(), action.text()
        assert action.toolTip() and action.toolTip() != action.text().replace("&", ""), action.text()


def test_stepping_to_a_trigger_point_seen_only_from_the_side_turns_the_view(panels):
    """Gluteus minimus TrP1 lies between the ASIS and the trochanter: nothing of it shows from behind."""
    if "gluteus-minimus" not in panels.library.patterns:
        pytest.skip("the library has no gluteus minimus")
    panels.modes.set_mode("educator")
    panels.choose_pattern("gluteus-minimus")
    assert panels.session.view_id == "posterior"
    first = panels.pattern_layer.trigger_points()[0]
    assert first.view == "lateral"
    panels.modes.next_trp_action.trigger()
    assert panels.pattern_layer.trigger_point == first.id
    assert panels.session.view_id in ("lateral", "lateral-left")
    assert panels.pattern_layer.markers(panels.session.view_id)
