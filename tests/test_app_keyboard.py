"""Without a mouse: the keyboard brush (arrows + Space) and Edit ▸ Fill a region… make the mouse's marks (issue 11)."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import click, drag, inside_point, make_window
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest

from painmap.app.keyboard_brush import BIG_STEP_MM, STEP_MM
from painmap.app.region_search import RegionSearch, matching
from painmap.drawing import Fill, Stroke
from painmap.raster import PainMasks

pytestmark = pytest.mark.usefixtures("qapp")
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, atlas):
    win = make_window(qtbot, atlas, size=(1280, 900))
    win.canvas.setFocus()
    return win


def _keys(widget, *keys) -> None:
    for key in keys:
        modifier = Qt.KeyboardModifier.NoModifier
        if isinstance(key, tuple):
            key, modifier = key
        QTest.keyClick(widget, key, modifier)


def test_arrows_show_and_move_the_cursor_and_space_draws_one_stroke(window):
    canvas, kb, s = window.canvas, window.keyboard_brush, window.session
    assert not kb.active
    _keys(canvas, Qt.Key.Key_Left)
    assert kb.active
    start = kb.pos
    QTest.keyPress(canvas, Qt.Key.Key_Space)
    _keys(canvas, (Qt.Key.Key_Right, SHIFT), (Qt.Key.Key_Right, SHIFT), Qt.Key.Key_Down, Qt.Key.Key_Down)
    QTest.keyRelease(canvas, Qt.Key.Key_Space)
    assert not s.stroking
    [mark] = s.drawing.marks
    assert isinstance(mark, Stroke) and mark.view == s.view_id
    settings = window.toolbox.settings
    assert (mark.radius, mark.intensity, mark.quality) == (settings.radius, settings.intensity, settings.quality)
    x, y = start
    expected = [(x, y), (x + BIG_STEP_MM, y), (x + 2 * BIG_STEP_MM, y)]
    expected += [(x + 2 * BIG_STEP_MM, y + STEP_MM), (x + 2 * BIG_STEP_MM, y + 2 * STEP_MM)]
    assert np.allclose(mark.points, expected)
    assert s.undo_stack.count() == 1  # one stroke, one undo step
    s.undo_stack.undo()
    assert s.drawing.marks == []
    _keys(canvas, Qt.Key.Key_Escape)
    assert not kb.active


def test_a_keyboard_stroke_is_the_mouse_stroke(window, atlas):
    canvas, s = window.canvas, window.session
    _keys(canvas, Qt.Key.Key_Up)
    QTest.keyPress(canvas, Qt.Key.Key_Space)
    for _ in range(4):
        _keys(canvas, (Qt.Key.Key_Right, SHIFT), (Qt.Key.Key_Down, SHIFT))
    QTest.keyRelease(canvas, Qt.Key.Key_Space)
    [by_keys] = s.drawing.marks
    _keys(canvas, Qt.Key.Key_Escape)
    s.undo_stack.undo()
    drag(canvas, by_keys.points, steps=1)  # the mouse through the same points
    [by_mouse] = s.drawing.marks
    assert (by_mouse.view, by_mouse.radius, by_mouse.intensity, by_mouse.quality) == (
        by_keys.view,
        by_keys.radius,
        by_keys.intensity,
        by_keys.quality,
    )
    one_px = 1.0 / canvas.mm_to_widget().m11()  # the mouse lands on whole pixels
    assert len(by_mouse.points) == len(by_keys.points)
    assert np.abs(np.array(by_mouse.points) - np.array(by_keys.points)).max() <= one_px
    a, b = (PainMasks(atlas, 1.0) for _ in range(2))
    a.apply(by_keys)
    b.apply(by_mouse)
    ka, kb_ = a.intensity(by_keys.view) > 0, b.intensity(by_keys.view) > 0
    assert ka.sum() > 100 and (ka & kb_).sum() / (ka | kb_).sum() > 0.95


def test_space_with_the_fill_tool_fills_the_region_under_the_cursor_as_a_click_does(window):
    canvas, kb, s = window.canvas, window.keyboard_brush, window.session
    _keys(canvas, Qt.Key.Key_G)  # the fill tool
    assert window.toolbox.tool.name == "fill"
    target = inside_point(s, s.view_id, "buttock-right")
    _keys(canvas, Qt.Key.Key_Down)
    kb.move_by(target[0] - kb.pos[0], target[1] - kb.pos[1])  # (a long walk of arrow presses)
    _keys(canvas, Qt.Key.Key_Space)
    assert s.drawing.marks == [Fill(s.view_id, "buttock-right", 5, "aching")]
    assert window.region_label.text()  # the region under the cursor is named, as under the pointer
    s.undo_stack.undo()
    _keys(canvas, Qt.Key.Key_Escape)
    click(canvas, target)
    assert s.drawing.marks == [Fill(s.view_id, "buttock-right", 5, "aching")]


def test_the_cursor_is_drawn_in_the_palette_text_colour(window, qtbot):
    canvas, kb = window.canvas, window.keyboard_brush
    before = canvas.grab().toImage()
    _keys(canvas, Qt.Key.Key_Right)
    canvas.repaint()
    after = canvas.grab().toImage()
    centre = canvas.mm_to_widget().map(QPointF(*kb.pos)).toPoint()
    r = round(window.toolbox.settings.radius * canvas.mm_to_widget().m11())
    ink = canvas.palette().color(QPalette.ColorRole.Text).rgb()
    ring = [after.pixel(centre.x() + dx, centre.y()) for dx in range(r - 3, r + 4)]
    assert ink in ring and before.pixel(centre.x() + r, centre.y()) != after.pixel(centre.x() + r, centre.y())


def test_left_and_right_step_trigger_points_while_the_cursor_is_hidden(window, qtbot):
    window.modes.set_mode("educator")
    stepped = []
    window.modes.next_trp_action.triggered.connect(lambda: stepped.append(1))
    window.canvas.setFocus()
    _keys(window.canvas, Qt.Key.Key_Right)
    assert stepped == [1] and not window.keyboard_brush.active
    _keys(window.canvas, Qt.Key.Key_K)  # Tools ▸ Keyboard brush
    assert window.keyboard_brush.active
    _keys(window.canvas, Qt.Key.Key_Right)
    assert stepped == [1]  # now the cursor has the arrows


def test_fill_a_region_by_typing_its_name(window, qtbot):
    s = window.session
    QTest.keyClick(window.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(RegionSearch) is not None)
    dialog = window.findChild(RegionSearch)
    qtbot.waitUntil(lambda: dialog.query.hasFocus())
    QTest.keyClicks(dialog.query, "buttock")
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert names and all("buttock" in n for n in names)
    assert names == sorted(names, key=str.casefold)
    QTest.keyClick(dialog.query, Qt.Key.Key_Down)
    chosen = dialog.chosen()
    assert chosen == dialog.list.item(1).data(Qt.ItemDataRole.UserRole)
    QTest.keyClick(dialog.query, Qt.Key.Key_Return)
    assert s.drawing.marks == [Fill(s.view_id, chosen, 5, "aching")]
    assert s.undo_stack.count() == 1
    s.undo_stack.undo()
    window.toolbox.set_tool("fill")
    click(window.canvas, inside_point(s, s.view_id, chosen))
    assert s.drawing.marks == [Fill(s.view_id, chosen, 5, "aching")]  # the fill tool's click: the same mark


def test_nothing_matching_says_so_and_fills_nothing(window, qtbot):
    dialog = window.fill_region_by_name()
    QTest.keyClicks(dialog.query, "elbow of the moon")
    assert dialog.list.count() == 0 and dialog.status.text()
    QTest.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.isVisible() and window.session.drawing.marks == []
    dialog.reject()


def test_matching_needs_every_word(atlas):
    regions = atlas.view("posterior").regions
    assert {r.id for r in matching(regions, "right buttock")} == {
        r.id for r in regions if "right" in (r.label or "") and "buttock" in (r.label or "")
    }
    assert len(matching(regions, "")) == len(regions)
