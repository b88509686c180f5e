"""The app's anatomy on chart 2: View ▸ Anatomy, the art cached per zoom, the pattern's own muscle, hover names,
the front view on key 4 and the names on the chart in an educator's full screen (offscreen)."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import make_window, to_widget
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from painmap import style
from painmap.app.body_art import Anatomy
from painmap.app.panels.controller import PanelsController
from painmap.atlas import load_atlas
from painmap.structures import structure_index

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def chart2():
    return load_atlas(body="female", chart=2)


def _window(qtbot, atlas, mode: str = "educator"):
    win = make_window(qtbot, atlas, size=(1300, 900))
    panels = win.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    win.modes.set_mode(mode)
    return win, panels


def _pixels(canvas) -> np.ndarray:
    image = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return arr[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., 2::-1].astype(int)  # RGB


def _inside(view, structure_id: str, alone: bool = True) -> tuple[float, float]:
    """A point (mm) in the visible part of `structure_id`, where no other structure is (with `alone`), 3 mm or
    more from its edges (a widget pixel's rounding stays inside)."""
    index = structure_index(view)
    part = max((s for s in view.structures if s.id == structure_id), key=lambda s: len(s.polygon))
    x0, y0 = part.polygon.min(axis=0)
    x1, y1 = part.polygon.max(axis=0)
    for x in np.linspace(x0, x1, 25)[1:-1]:
        for y in np.linspace(y0, y1, 25)[1:-1]:
            around = [[s.id for s in index.at(x + dx, y + dy)] for dx, dy in ((0, 0), (-3, 0), (3, 0), (0, -3), (0, 3))]
            if all(found[:1] == [structure_id] and (not alone or len(found) == 1) for found in around):
                return float(x), float(y)
    raise AssertionError(f"no free point in {structure_id}")


def _quiet(win, panels) -> None:
    """No pattern, landmarks or pointer over the chart: the art alone."""
    panels.set_show_pattern(False)
    win.canvas.landmarks_visible = False


def test_anatomy_menu_follows_the_mode_and_remembers(qtbot, chart2):
    win, _panels = _window(qtbot, chart2, "patient")
    actions = win.anatomy.actions
    assert [a.text() for a in win.anatomy.menu.actions()] == ["&Skin", "&Muscles", "&Bones"]
    assert all(a.isCheckable() and a.isEnabled() for a in actions.values())
    assert win.canvas.anatomy == Anatomy(skin=True, muscles=False, bones=True, faint=True)  # calm
    win.modes.set_mode("educator")
    assert win.canvas.anatomy == Anatomy(skin=True, muscles=True, bones=True, faint=False)
    actions["bones"].trigger()  # off, in educator mode only
    assert not win.canvas.anatomy.bones
    win.modes.set_mode("patient")
    assert win.canvas.anatomy.bones and not win.canvas.anatomy.muscles
    win.close()
    again, _ = _window(qtbot, chart2, "educator")
    assert again.canvas.anatomy == Anatomy(skin=True, muscles=True, bones=False, faint=False)
    assert not again.anatomy.actions["bones"].isChecked()


def test_each_layer_changes_the_picture(qtbot, chart2):
    win, panels = _window(qtbot, chart2, "educator")
    _quiet(win, panels)
    canvas = win.canvas
    view = canvas.view()
    muscle = to_widget(canvas, _inside(view, "muscle-gluteus-medius-right"))
    bone = to_widget(canvas, _inside(view, "bone-sacrum-midline"))
    seen = {}
    for combo in ("111", "011", "101", "110", "100", "000"):
        for layer, on in zip(("skin", "muscles", "bones"), combo, strict=True):
            win.anatomy.actions[layer].setChecked(on == "1")
        px = _pixels(canvas)
        seen[combo] = (px[muscle.y(), muscle.x()], px[bone.y(), bone.x()])
    muscle_on, muscle_off = seen["111"][0], seen["101"][0]
    assert np.abs(muscle_on - muscle_off).sum() > 40  # the muscle's brown is gone with Muscles off
    assert np.abs(seen["111"][1] - seen["110"][1]).sum() > 15  # the sacrum is gone with Bones off
    assert np.abs(seen["111"][0] - seen["011"][0]).sum() < 10  # skin shading lies under the muscles
    assert np.abs(seen["100"][0] - seen["000"][0]).sum() > 5  # Skin off: only a faint body remains
    for colour in (muscle_on, seen["111"][1]):
        essential = QColor(style.ESSENTIAL)
        assert np.abs(colour - [essential.red(), essential.green(), essential.blue()]).sum() > 120  # never red


def test_chart_1_has_no_layers_to_toggle(qtbot):
    win, _ = _window(qtbot, load_atlas(body="male", chart=1), "educator")
    assert not any(a.isEnabled() for a in win.anatomy.actions.values())


def test_panning_and_painting_never_render_the_svg_again(qtbot, chart2):
    win, panels = _window(qtbot, chart2, "educator")
    canvas = win.canvas
    panels.show_chosen_pattern("gluteus-medius")  # its muscle highlighted, following the side found
    canvas.repaint()
    before = canvas.art_cache.renders
    for dx, dy in ((30, 0), (-50, 20), (10, -40)):
        canvas.pan_by(dx, dy)
        canvas.repaint()
    session = canvas.session
    session.begin_stroke((450, 800), 10.0, 6)
    for i in range(20):
        session.extend_stroke((450 + 3 * i, 800 + 2 * i))
        canvas.repaint()
    session.end_stroke()
    canvas.repaint()
    assert canvas.art_cache.renders == before
    canvas.zoom_in()
    canvas.repaint()
    assert canvas.art_cache.renders == before + 1  # a new zoom renders once
    canvas.zoom_out()
    canvas.repaint()
    assert canvas.art_cache.renders == before + 1  # and the last zoom is still cached


def test_the_patterns_own_muscle_is_highlighted_muted(qtbot, chart2):
    win, panels = _window(qtbot, chart2, "educator")
    canvas = win.canvas
    canvas.landmarks_visible = False
    panels.show_chosen_pattern("gluteus-medius")
    panels.set_side_mode("right")
    assert {s.id for s in canvas.highlighted()} == {"muscle-gluteus-medius-right"}
    point = to_widget(canvas, _inside(canvas.view(), "muscle-gluteus-medius-right"))
    panels.pattern_layer.opacity = 0.0  # the zones out of the way, the pattern still shown
    lit = _pixels(canvas)[point.y(), point.x()]
    panels.set_show_pattern(False)  # no pattern shown: no muscle highlighted
    assert canvas.highlighted() == ()
    plain = _pixels(canvas)[point.y(), point.x()]
    assert np.abs(lit - plain).sum() > 20  # tinted
    essential = QColor(style.ESSENTIAL)
    assert np.abs(lit - [essential.red(), essential.green(), essential.blue()]).sum() > 120  # not the red (D6)
    assert lit[0] - lit[1] < 60  # a muted brown
    panels.set_show_pattern(True)
    renders = canvas.art_cache.renders
    panels.set_side_mode("left")  # the other side's muscle: painted over the cached art, no SVG rendered
    canvas.repaint()
    assert {s.id for s in canvas.highlighted()} == {"muscle-gluteus-medius-left"}
    assert canvas.art_cache.renders == renders
    panels.show_chosen_pattern("sacroiliac-joint")
    assert canvas.highlighted() == ()  # a joint has no muscle


def test_hover_names_the_structure_under_the_pointer(qtbot, chart2):
    win, _panels = _window(qtbot, chart2, "educator")
    canvas = win.canvas
    canvas.zoom_fit()  # the femur in sight
    view = canvas.view()
    QTest.mouseMove(canvas, to_widget(canvas, _inside(view, "muscle-gluteus-medius-right")))
    assert win.structure_label.text() == "Gluteus medius (right)"
    QTest.mouseMove(canvas, to_widget(canvas, _inside(view, "bone-femur-left")))
    assert win.structure_label.text() == "Femur (left)"
    win.anatomy.actions["bones"].setChecked(False)  # what is not drawn is not named
    QTest.mouseMove(canvas, to_widget(canvas, _inside(view, "bone-femur-left")) + QPoint(1, 0))
    assert win.structure_label.text() == ""
    QTest.mouseMove(canvas, to_widget(canvas, _inside(view, "muscle-gluteus-medius-right")))
    assert win.structure_label.text() == "Gluteus medius (right)"
    pos = to_widget(canvas, _inside(view, "muscle-gluteus-medius-right"))
    canvas.landmarks_visible = False  # a landmark's glossary entry would come first
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, pos, canvas.mapToGlobal(pos)))
    assert QToolTip.text() == "Gluteus medius (right)"  # the tooltip names it too


def _under_a_muscle(view, bone_id: str) -> tuple[tuple[float, float], str]:
    """A point (mm) where, with every layer on, only one opaque muscle shows, and with the muscles hidden only
    `bone_id` does (3 mm around too); and that muscle's id."""
    full, alone = structure_index(view), structure_index(view, bones_alone=True)
    part = max((s for s in view.bones_alone if s.id == bone_id), key=lambda s: len(s.polygon))
    (x0, y0), (x1, y1) = part.polygon.min(axis=0), part.polygon.max(axis=0)
    for x in np.linspace(x0, x1, 40)[1:-1]:
        for y in np.linspace(y0, y1, 40)[1:-1]:
            around = [(x + dx, y + dy) for dx, dy in ((0, 0), (-3, 0), (3, 0), (0, -3), (0, 3))]
            tops = {tuple(s.id for s in full.at(*p)) for p in around}
            bones = {tuple(s.id for s in alone.at(*p, kinds=("bone",))) for p in around}
            (top, *more) = tops
            if not more and len(top) == 1 and top[0].startswith("muscle-") and bones == {(bone_id,)}:
                return (float(x), float(y)), top[0]
    raise AssertionError(f"no point of {bone_id} under one muscle alone")


def test_with_the_muscles_hidden_a_bone_is_drawn_and_named_whole(qtbot, chart2):
    win, panels = _window(qtbot, chart2, "educator")
    _quiet(win, panels)
    canvas = win.canvas
    canvas.zoom_fit()
    view = canvas.view()
    point, muscle = _under_a_muscle(view, "bone-femur-right")
    pos = to_widget(canvas, point)
    QTest.mouseMove(canvas, pos)
    shown = next(s for s in view.structures if s.id == muscle)
    assert win.structure_label.text() == shown.label[:1].upper() + shown.label[1:]  # the muscle over the femur
    covered = _pixels(canvas)[pos.y(), pos.x()]
    win.anatomy.actions["muscles"].setChecked(False)
    QTest.mouseMove(canvas, pos + QPoint(1, 0))
    assert win.structure_label.text() == "Femur (right)"
    bone = _pixels(canvas)[pos.y(), pos.x()]
    assert np.abs(bone - [0xEC, 0xE4, 0xD3]).sum() < 8  # the bone's own fill (the SVG's bone colour)
    assert np.abs(covered - bone).sum() > 30  # the muscle had hidden it


def test_a_quiz_keeps_the_muscle_hidden_until_reveal(qtbot, chart2):
    win, panels = _window(qtbot, chart2, "quiz")
    panels.show_chosen_pattern("gluteus-medius")
    assert win.canvas.anatomy.muscles and win.canvas.highlighted() == ()  # it would give the answer away
    panels.reveal()
    assert {s.id.rsplit("-", 1)[0] for s in win.canvas.highlighted()} == {"muscle-gluteus-medius"}


def test_key_4_shows_the_front_view_with_the_patients_right_on_the_left(qtbot, chart2):
    win, _ = _window(qtbot, chart2, "educator")
    QTest.keyClick(win, Qt.Key.Key_4)
    assert win.canvas.view_id() == "anterior"
    assert win.view_actions.views["anterior"].isChecked()
    assert win.canvas.view().edge_labels == ("R", "L")
    view = win.canvas.view()
    assert view.landmark("asis-right").x < view.width / 2  # the patient's right on the viewer's left
    QTest.keyClick(win, Qt.Key.Key_1)
    assert win.canvas.view_id() == "posterior"


def test_a_front_view_the_first_frames_lacked_gets_key_4(qtbot, chart2):
    """The window paints on the frames of its SVG heads before the atlas loads; a view the atlas adds (the
    front view of chart 2) is offered, on key 4, once the session attaches."""
    from painmap.app.main_window import MainWindow

    frames = {k: v for k, v in chart2.views.items() if k != "anterior"}
    win = MainWindow(frames=frames)
    qtbot.addWidget(win)
    action = win.view_actions.views["anterior"]
    assert not action.isVisible()
    win.attach(chart2, load_engine=False)
    assert action.isVisible() and action.isEnabled() and action.shortcut().toString() == "4"
    assert action in win.toolbars[0].actions() and action in win.view_menu.actions()
    action.trigger()
    assert win.canvas.view_id() == "anterior"


def test_full_screen_names_the_pattern_and_trigger_points_for_educators(qtbot, chart2):
    win, panels = _window(qtbot, chart2, "educator")
    canvas = win.canvas
    panels.show_chosen_pattern("gluteus-medius")
    canvas.landmarks_visible = False
    plain = _pixels(canvas)
    win.modes.fullscreen_action.setChecked(True)
    assert canvas.names_on_chart
    named = _pixels(canvas)
    layer = panels.pattern_layer
    assert layer.names_title() == "Gluteus medius"
    x, y, _label = layer.markers("posterior")[0]
    p = canvas.mm_to_widget().map(QPointF(x, y))
    box = named[int(p.y()) - 8 : int(p.y()) + 8, int(p.x()) + 18 : int(p.x()) + 50]
    assert np.abs(box - plain[int(p.y()) - 8 : int(p.y()) + 8, int(p.x()) + 18 : int(p.x()) + 50]).sum() > 0
    assert np.abs(named[54:80] - plain[54:80]).sum() > 0  # the title at the top
    win.modes.set_mode("patient")
    assert not canvas.names_on_chart  # names on the chart are the educator's presentation
    win.modes.fullscreen_action.setChecked(False)
    win.modes.set_mode("educator")
    assert not canvas.names_on_chart


def test_a_broken_chart_svg_is_one_line_when_the_session_attaches(qtbot, chart2, tmp_path, monkeypatch):
    """The window's first frames are chart 1's; attaching chart 2 checks its art first (a start-up failure of one
    line, nothing attached)."""
    import shutil

    from painmap.app.main_window import MainWindow
    from painmap.errors import AtlasError
    from painmap.resources import resource_path

    shutil.copytree(resource_path("atlas"), tmp_path / "atlas")
    (tmp_path / "atlas" / "charts" / "female-2" / "anterior.svg").write_text("<svg", encoding="utf-8")
    frames = dict(load_atlas(body="male", chart=1).views)
    win = MainWindow(frames=frames)
    qtbot.addWidget(win)
    monkeypatch.setenv("PAINMAP_RESOURCES", str(tmp_path))
    with pytest.raises(AtlasError, match=r"anterior\.svg: not a valid SVG file"):
        win.attach(chart2, load_engine=False)
    assert win.canvas.session is None
