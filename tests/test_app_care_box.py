"""Patient mode: the notice and "When to get medical help now" are visible without scrolling (issue 11)."""

from __future__ import annotations

import pytest
from app_helpers import make_window
from PySide6.QtCore import QRect

from painmap import vocabulary
from painmap.app import texts
from painmap.app.panels.care_box import CareBox, short_notice
from painmap.app.panels.controller import PanelsController

pytestmark = pytest.mark.usefixtures("qapp")


def _fully_shown(widget, window) -> bool:
    """The widget is visible, not clipped by a scroll area or a splitter, and lies inside the window."""
    if not widget.isVisible():
        return False
    full = QRect(0, 0, widget.width(), widget.height())
    seen = widget.visibleRegion().boundingRect()
    top_left = widget.mapTo(window, full.topLeft())
    inside = window.rect().contains(QRect(top_left, full.size()))
    uncut = widget.height() >= widget.heightForWidth(widget.width())  # every wrapped line has its room
    return seen == full and inside and uncut


def test_notice_and_red_flags_are_visible_without_scrolling(qtbot, atlas):
    win = make_window(qtbot, atlas, size=(1280, 900))
    panels = win.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    assert panels.modes.mode == "patient"
    care = win.findChild(CareBox)
    qtbot.waitUntil(lambda: _fully_shown(care.notice, win) and _fully_shown(care.red_flags, win))
    assert win.size().height() == 900  # the room is found in the dock, the window does not grow
    assert care.notice.heightForWidth(care.notice.width()) > care.notice.fontMetrics().height()  # wrapped
    assert vocabulary.NOTICE_TITLE in care.notice.text()
    assert vocabulary.RED_FLAGS.title in care.red_flags.text()
    panels.modes.set_mode("educator")
    assert not care.isVisible()


def test_which_signs_lists_every_red_flag(qtbot):
    box = CareBox()
    qtbot.addWidget(box)
    shown = box.show_signs()
    for sign in (*vocabulary.RED_FLAGS.same_day_signs, *vocabulary.RED_FLAGS.soon_signs):
        assert sign in shown.text()
    shown.close()


def test_short_notice_is_the_start_of_the_shared_notice():
    short = short_notice()
    assert short.rstrip(".") in vocabulary.NOTICE
    assert short.count(".") == 1


def test_app_words_come_from_the_vocabulary():
    for key, words in texts.METRIC_LABELS.items():
        assert words == vocabulary.METRIC_LABELS[key]
    assert texts.LEGEND["spillover"][0] == vocabulary.LEGEND["spillover"][0] == "Sometimes also here"
    assert texts.percent(0.456) == vocabulary.percent(0.456)


def test_landmark_labels_explain_their_term(qtbot, atlas):
    win = make_window(qtbot, atlas, size=(1280, 900))
    canvas = win.canvas
    canvas.landmarks_visible = True
    marks = canvas.marks
    boxes = marks._landmark_boxes(canvas.view(), canvas.mm_to_widget())
    psis = next(box for _p, box, text in boxes if text == "PSIS")
    tip = marks.landmark_tip(psis.center())
    assert tip.startswith("PSIS: ") and vocabulary.GLOSSARY["PSIS"] in tip
    assert marks.landmark_tip(psis.center() + type(psis.center())(-5000, 0)) == ""
