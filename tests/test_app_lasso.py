"""The lasso tool on the canvas: a dragged closed outline is one filled mark and one undo step."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import drag, inside_point, make_window, to_widget
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from painmap.drawing import Lasso
from painmap.raster import PainMasks

pytestmark = pytest.mark.usefixtures("qapp")


def test_a_dragged_lasso_is_one_filled_mark_and_one_undo_step(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session, canvas = window.session, window.canvas
    tool_action = window.tool_actions.tools["lasso"]
    assert tool_action.shortcut() == QKeySequence("L") and "Circle" in tool_action.toolTip()
    tool_action.trigger()
    assert window.toolbox.tool.name == "lasso"
    x, y = inside_point(session, "posterior", "buttock-right")
    outline = [(x - 15, y - 15), (x + 15, y - 15), (x + 15, y + 15), (x - 15, y + 15), (x - 14, y - 14)]
    drag(canvas, outline)
    assert len(session.drawing.marks) == 1
    mark = session.drawing.marks[0]
    assert isinstance(mark, Lasso) and mark.view == "posterior" and len(mark.points) >= 5
    assert mark.intensity == window.toolbox.settings.intensity
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Lasso"
    g = session.masks.grid("posterior")
    arr = session.masks.array("posterior")
    assert arr[int(y * g.sy), int(x * g.sx)] == mark.intensity  # the inside is filled, not only the line
    fresh = PainMasks.from_drawing(session.drawing, atlas, session.px_per_mm)
    assert np.array_equal(fresh.array("posterior"), arr)
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.drawing.marks == [] and not session.masks.array("posterior").any()
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(session.drawing.marks) == 1 and np.array_equal(session.masks.array("posterior"), arr)


def test_the_outline_is_drawn_while_dragging(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session, canvas = window.session, window.canvas
    window.toolbox.set_tool("lasso")
    x, y = inside_point(session, "posterior", "buttock-right")
    a, b = to_widget(canvas, (x - 20, y)), to_widget(canvas, (x + 20, y))
    before = canvas.grab().toImage()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for t in np.linspace(0, 1, 6)[1:]:
        p = QPoint(round(a.x() + t * (b.x() - a.x())), a.y())
        QTest.mouseMove(canvas, p)
    assert session.stroking and len(session.live_outline()) >= 2
    assert not session.masks.array("posterior").any()  # nothing filled while it is drawn
    during = canvas.grab().toImage()
    mid = QPoint((a.x() + b.x()) // 2, a.y())
    assert during.pixelColor(mid) != before.pixelColor(mid)  # the outline shows under the pointer's path
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    # a flat outline is still one mark, and it encloses nothing
    assert [type(m) for m in session.drawing.marks] == [Lasso] and not session.masks.array("posterior").any()
