"""Painting on the canvas: strokes, undo/redo, fill, eraser, clear, views, dirty rectangles."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import click, drag, hover, inside_point, make_window
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtTest import QTest

from painmap.drawing import Erase, Fill, Stroke

pytestmark = pytest.mark.usefixtures("qapp")


def _pixel(session, view_id, point):
    g = session.masks.grid(view_id)
    return int(session.masks.array(view_id)[int(point[1] * g.sy), int(point[0] * g.sx)])


def _snapshot(session):
    return {v: session.masks.array(v).copy() for v in session.atlas.views}


def _same(a, b):
    return all(np.array_equal(a[v], b[v]) for v in a)


def test_a_drag_paints_the_pixels_under_it_and_adds_one_stroke(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session = window.session
    a = inside_point(session, "posterior", "buttock-right")
    b = (a[0] - 25, a[1] - 30)
    assert _pixel(session, "posterior", a) == 0
    drag(window.canvas, [a, b])
    assert len(session.drawing.marks) == 1
    stroke = session.drawing.marks[0]
    assert isinstance(stroke, Stroke) and stroke.view == "posterior"
    assert stroke.intensity == window.toolbox.settings.intensity
    assert stroke.radius == window.toolbox.settings.radius
    for t in np.linspace(0, 1, 7):  # pixels all along the drag, not only at pointer events
        p = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        assert _pixel(session, "posterior", p) == stroke.intensity
    far = (a[0], a[1] + 4 * stroke.radius + 30)
    assert _pixel(session, "posterior", far) == 0
    assert session.modified


def test_the_stroke_equals_the_mark_replayed_from_the_file(qtbot, atlas):
    from painmap.raster import PainMasks

    window = make_window(qtbot, atlas)
    session = window.session
    a = inside_point(session, "posterior", "buttock-right")
    drag(window.canvas, [a, (a[0] + 30, a[1] + 10), (a[0] + 10, a[1] + 40)])
    replay = PainMasks.from_drawing(session.drawing, atlas, session.px_per_mm)
    assert np.array_equal(replay.array("posterior"), session.masks.array("posterior"))


def test_undo_and_redo_restore_the_masks_exactly(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session = window.session
    canvas = window.canvas
    a = inside_point(session, "posterior", "buttock-right")
    empty = _snapshot(session)
    drag(canvas, [a, (a[0] + 40, a[1])])
    one = _snapshot(session)
    window.toolbox.set_intensity(9)
    drag(canvas, [(a[0] + 20, a[1] - 10), (a[0] + 20, a[1] + 30)])  # overlaps the first stroke
    two = _snapshot(session)
    assert len(session.drawing.marks) == 2
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _same(_snapshot(session), one) and len(session.drawing.marks) == 1
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _same(_snapshot(session), empty) and session.drawing.marks == []
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _same(_snapshot(session), one) and len(session.drawing.marks) == 1
    QTest.keyClick(canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _same(_snapshot(session), two) and len(session.drawing.marks) == 2
    assert session.drawing.marks[1].intensity == 9


def test_a_click_in_fill_mode_fills_exactly_the_region(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session = window.session
    QTest.keyClick(window.canvas, Qt.Key.Key_G)
    assert window.toolbox.tool.name == "fill"
    point = inside_point(session, "posterior", "buttock-right")
    hover(window.canvas, point)
    assert window.canvas._hover_region is session.view().region("buttock-right")  # highlighted before the click
    click(window.canvas, point)
    assert session.drawing.marks == [
        Fill(view="posterior", region="buttock-right", intensity=window.toolbox.settings.intensity, quality="aching")
    ]
    region = session.masks.atlas_masks.view("posterior").region_mask("buttock-right")
    array = session.masks.array("posterior")
    assert np.array_equal(array != 0, region)
    assert set(np.unique(array[region]).tolist()) == {window.toolbox.settings.intensity}


def test_eraser_and_clear_are_undoable(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session = window.session
    a = inside_point(session, "posterior", "buttock-right")
    drag(window.canvas, [a, (a[0] + 40, a[1])])
    painted = _snapshot(session)
    QTest.keyClick(window.canvas, Qt.Key.Key_E)
    drag(window.canvas, [a, (a[0] + 40, a[1])])
    assert isinstance(session.drawing.marks[-1], Erase)
    assert _pixel(session, "posterior", (a[0] + 20, a[1])) == 0
    window.clear_action.trigger()
    assert session.drawing.marks == []
    assert not session.masks.array("posterior").any()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _same(_snapshot(session), painted) and len(session.drawing.marks) == 1


def test_switching_views_keeps_each_views_drawing(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session, canvas = window.session, window.canvas
    a = inside_point(session, "posterior", "buttock-right")
    drag(canvas, [a, (a[0] + 30, a[1])])
    posterior = session.masks.array("posterior").copy()
    canvas.set_view("lateral")
    b = inside_point(session, "lateral", "buttock-right")
    drag(canvas, [b, (b[0] + 20, b[1] + 20)])
    lateral = session.masks.array("lateral").copy()
    assert [m.view for m in session.drawing.marks] == ["posterior", "lateral"]
    canvas.set_view("posterior")
    assert np.array_equal(session.masks.array("posterior"), posterior)
    assert np.array_equal(session.masks.array("lateral"), lateral)
    image = canvas.drawing_image("posterior")
    assert image.constBits() is not None
    assert image.width() == posterior.shape[1] and image.height() == posterior.shape[0]


def test_the_drawing_image_shares_memory_with_the_masks(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session = window.session
    image = window.canvas.drawing_image("posterior")
    a = inside_point(session, "posterior", "buttock-right")
    drag(window.canvas, [a, (a[0] + 10, a[1])])
    g = session.masks.grid("posterior")
    x, y = int(a[0] * g.sx), int(a[1] * g.sy)
    assert image.pixelIndex(x, y) == session.masks.array("posterior")[y, x] != 0


def test_only_the_dirty_rectangle_is_repainted(qtbot, atlas, monkeypatch):
    window = make_window(qtbot, atlas)
    canvas, session = window.canvas, window.session
    rects = []
    original = canvas.update

    def record(*args):
        if len(args) == 1 and isinstance(args[0], QRect):
            rects.append(QRect(args[0]))
        else:
            rects.append(None)
        return original(*args)

    monkeypatch.setattr(canvas, "update", record)
    a = inside_point(session, "posterior", "buttock-right")
    session.begin_stroke(a, 5.0, 5)
    rects.clear()
    session.extend_stroke((a[0] + 3, a[1]))
    assert rects and None not in rects
    scale = canvas.mm_to_widget().m11()
    for rect in rects:  # a 3 mm segment of a 5 mm brush: a small box, not the widget
        assert rect.width() <= (3 + 2 * 5 + 4) * scale + 8
        assert rect.height() <= (2 * 5 + 4) * scale + 8
    segment = QRectF(a[0] - 5, a[1] - 5, 13, 10)
    assert rects[-1].contains(canvas.mm_to_widget().mapRect(segment).toRect().adjusted(1, 1, -1, -1))
    session.end_stroke()


def test_brush_size_keys_and_pressure(qtbot, atlas):
    window = make_window(qtbot, atlas)
    box = window.toolbox
    r = box.settings.radius
    QTest.keyClick(window.canvas, Qt.Key.Key_BracketRight)
    assert box.settings.radius > r
    QTest.keyClick(window.canvas, Qt.Key.Key_BracketLeft)
    QTest.keyClick(window.canvas, Qt.Key.Key_BracketLeft)
    assert box.settings.radius < r
    assert window.brush_bar.size.value() == round(box.settings.radius)
    session = window.session
    a = inside_point(session, "posterior", "buttock-right")
    box.tool.press(session, a, pressure=0.3)
    box.tool.release(session, a)
    assert session.drawing.marks[-1].intensity == 3


def test_layers_are_painted_in_the_mm_frame_in_z_order(qtbot, atlas):
    window = make_window(qtbot, atlas)
    canvas = window.canvas
    calls = []

    class Layer:
        visible = True

        def __init__(self, z):
            self.z = z

        def paint(self, painter, view):
            calls.append((self.z, painter.transform().m11(), view.id))

    top, bottom, hidden = Layer(5), Layer(1), Layer(3)
    hidden.visible = False
    for layer in (top, bottom, hidden):
        canvas.add_layer(layer)
    canvas.repaint()
    scale = canvas.mm_to_widget().m11()
    assert [z for z, _s, _v in calls] == [1, 5]
    assert all(s == pytest.approx(scale) and v == "posterior" for _z, s, v in calls)
    canvas.remove_layer(top)
    calls.clear()
    canvas.update_layers()
    canvas.repaint()
    assert [z for z, _s, _v in calls] == [1]


def test_undo_shows_the_view_it_changes(qtbot, atlas):
    window = make_window(qtbot, atlas)
    session, canvas = window.session, window.canvas
    a = inside_point(session, "posterior", "buttock-right")
    drag(canvas, [a, (a[0] + 20, a[1])])
    canvas.set_view("lateral")
    session.undo_stack.undo()
    assert session.view_id == "posterior" and session.drawing.marks == []
    canvas.set_view("lateral-left")
    session.undo_stack.redo()
    assert session.view_id == "posterior" and len(session.drawing.marks) == 1


def test_a_finished_stroke_is_repainted_once_over_its_whole_area(qtbot, atlas, monkeypatch):
    window = make_window(qtbot, atlas)
    canvas, session = window.canvas, window.session
    a = inside_point(session, "posterior", "buttock-right")
    session.begin_stroke(a, 5.0, 5)
    session.extend_stroke((a[0] + 20, a[1]))
    session.extend_stroke((a[0] + 20, a[1] + 20))
    rects = []
    original = canvas.update
    monkeypatch.setattr(canvas, "update", lambda *args: rects.append(args) or original(*args))
    session.end_stroke()
    whole = canvas.mm_to_widget().mapRect(QRectF(a[0] - 5, a[1] - 5, 30, 30)).toRect().adjusted(1, 1, -1, -1)
    assert any(len(r) == 1 and isinstance(r[0], QRect) and r[0].contains(whole) for r in rects)


def test_clicking_the_intensity_scale_sets_the_intensity(qtbot, atlas):
    window = make_window(qtbot, atlas)
    scale = window.brush_bar.scale
    QTest.mouseClick(scale, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, scale.cell(8).center())
    assert window.toolbox.settings.intensity == 8 and scale.value == 8
    QTest.keyClick(window.canvas, Qt.Key.Key_Comma)
    assert window.toolbox.settings.intensity == 7 and "7" in window.brush_bar.intensity_label.text()


def test_close_landmark_labels_do_not_overlap(qtbot, atlas):
    """PSIS and SI joint lie 8 mm apart: their labels must not cover each other, even with large labels."""
    from painmap.app.canvas_marks import _spread_apart

    window = make_window(qtbot, atlas)
    window.canvas.set_landmark_scale(1.8)
    canvas = window.canvas
    boxes = [box for _p, box, _t in canvas.marks._landmark_boxes(canvas.view(), canvas.mm_to_widget())]
    assert len(boxes) == len(canvas.view().landmarks)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.intersects(b), (a, b)
    from PySide6.QtCore import QRectF

    pair = [QRectF(0, 0, 50, 20), QRectF(10, 5, 50, 20)]
    _spread_apart(pair)
    assert not pair[0].intersects(pair[1])
