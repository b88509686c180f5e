"""The app shell: window, views, zoom, landmarks, side markers, status bar, shortcuts, settings, start-up errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from app_helpers import hover, inside_point, make_window
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest

pytestmark = pytest.mark.usefixtures("qapp")


def test_window_opens_on_the_posterior_view_zoomed_onto_the_pelvis(qtbot, atlas):
    window = make_window(qtbot, atlas)
    assert "painmap" in window.windowTitle()
    assert window.session.view_id == "posterior"
    canvas = window.canvas
    view = canvas.view()
    shown = canvas.mm_to_widget().inverted()[0].mapRect(QRectF(canvas.rect()))
    x0, y0, x1, y1 = view.focus
    assert shown.contains(QRectF(x0, y0, x1 - x0, y1 - y0))  # the whole focus box is visible …
    assert shown.height() < 0.6 * view.height  # … and the view is zoomed in, not the whole body


def test_menus_of_the_contract_exist(qtbot, atlas):
    window = make_window(qtbot, atlas)
    for name in ("file_menu", "edit_menu", "view_menu", "tools_menu", "help_menu"):
        assert getattr(window, name).actions(), name
    assert window.session is window.canvas.session


def test_view_shortcuts_switch_views_and_each_view_keeps_its_zoom(qtbot, atlas):
    window = make_window(qtbot, atlas)
    canvas = window.canvas
    canvas.zoom_by(2.0)
    posterior_zoom = canvas.zoom_percent()
    QTest.keyClick(canvas, Qt.Key.Key_2)
    assert window.session.view_id == "lateral"
    assert canvas.zoom_percent() != pytest.approx(posterior_zoom)
    QTest.keyClick(canvas, Qt.Key.Key_3)
    assert window.session.view_id == "lateral-left"
    QTest.keyClick(canvas, Qt.Key.Key_1)
    assert window.session.view_id == "posterior"
    assert canvas.zoom_percent() == pytest.approx(posterior_zoom)


def test_wheel_zoom_keeps_the_point_under_the_pointer(qtbot, atlas):
    window = make_window(qtbot, atlas)
    canvas = window.canvas
    anchor = QPointF(300, 250)
    before = canvas.widget_to_mm(anchor)
    scale_before = canvas.mm_to_widget().m11()
    canvas.zoom_by(1.25**2, anchor)
    assert canvas.mm_to_widget().m11() == pytest.approx(scale_before * 1.5625)
    after = canvas.widget_to_mm(anchor)
    assert after == pytest.approx(before, abs=1e-6)


def test_zoom_actions_fit_focus_and_life_size(qtbot, atlas):
    window = make_window(qtbot, atlas)
    canvas = window.canvas
    view = canvas.view()
    window.view_actions.zoom_fit.trigger()
    shown = canvas.mm_to_widget().inverted()[0].mapRect(QRectF(canvas.rect()))
    assert shown.contains(QRectF(0, 0, view.width, view.height))
    window.view_actions.zoom_actual.trigger()
    assert canvas.zoom_percent() == pytest.approx(100.0)
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom_percent() == pytest.approx(125.0)


def test_pan_with_the_middle_button_moves_the_picture(qtbot, atlas):
    window = make_window(qtbot, atlas)
    canvas = window.canvas
    start = QPoint(400, 400)
    before = canvas.widget_to_mm(QPointF(start))
    QTest.mousePress(canvas, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(canvas, start + QPoint(60, -40))
    QTest.mouseRelease(canvas, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start + QPoint(60, -40))
    after = canvas.widget_to_mm(QPointF(start + QPoint(60, -40)))
    assert after == pytest.approx(before, abs=1e-6)  # the body moved with the pointer
    assert not window.session.drawing.marks  # panning does not paint


def test_region_under_the_pointer_is_named_in_the_status_bar(qtbot, atlas):
    window = make_window(qtbot, atlas)
    region = window.session.view().region("buttock-right")
    point = inside_point(window.session, "posterior", "buttock-right")
    hover(window.canvas, point)
    text = window.region_label.text()
    assert text and text == (region.label or "buttock right")


def test_landmarks_toggle_and_side_markers_stay_visible(qtbot, atlas):
    window = make_window(qtbot, atlas)
    canvas = window.canvas
    assert canvas.landmarks_visible
    QTest.keyClick(canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)  # L is the lasso
    assert not canvas.landmarks_visible
    for view_id in ("posterior", "lateral", "lateral-left"):
        canvas.set_view(view_id)
        canvas.zoom_by(8.0)
        left, right = canvas.side_marker_rects()
        inside = QRectF(canvas.rect())
        assert inside.contains(left) and inside.contains(right)
        assert left.right() < right.left()
        image = canvas.grab().toImage()
        # the marker badge is drawn in the dark marker colour whatever the zoom
        dark = image.pixelColor(int(left.left()) + 3, int(left.center().y()))
        assert dark.lightness() < 80


def test_every_action_has_a_shortcut_and_a_tooltip_and_help_lists_them(qtbot, atlas):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QToolBar

    window = make_window(qtbot, atlas)
    missing = []
    qt_made = {dock.toggleViewAction() for dock in window.findChildren(QDockWidget)}
    qt_made |= {bar.toggleViewAction() for bar in window.findChildren(QToolBar)}
    for action in window.findChildren(QAction):
        if action.isSeparator() or action.menu() is not None or not action.text() or action in qt_made:
            continue
        if action.parent() is window.recent_menu:
            continue
        if not action.shortcuts() or not action.toolTip():
            missing.append(action.text())
    assert not missing
    rows = window.shortcut_rows()
    names = {name for name, _keys, _tip in rows}
    assert {"Undo", "Save", "Brush", "Zoom in"} <= names
    window.show_shortcuts()
    assert window.shortcuts_dialog.isVisible()


def test_brush_settings_and_last_view_are_remembered(qtbot, atlas):
    window = make_window(qtbot, atlas)
    start = window.toolbox.settings.radius
    QTest.keyClick(window.canvas, Qt.Key.Key_BracketRight)
    QTest.keyClick(window.canvas, Qt.Key.Key_BracketRight)
    window.toolbox.set_intensity(8)
    window.toolbox.set_quality("burning")
    window.canvas.set_view("lateral")
    assert window.toolbox.settings.radius > start
    window.close()
    again = make_window(qtbot, atlas)
    assert again.toolbox.settings.radius == start  # the size a window opens with is a preference
    assert again.toolbox.settings.intensity == 8
    assert again.toolbox.settings.quality == "burning"
    assert again.session.view_id == "lateral"
    assert again.brush_bar.scale.value == 8
    assert "8" in again.brush_bar.intensity_label.text()


def _run_painmap(env_extra, *args, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "painmap", *args], capture_output=True, text=True, env=env, timeout=timeout
    )


def test_missing_resources_stop_start_up_with_one_line(tmp_path):
    result = _run_painmap({"PAINMAP_RESOURCES": str(tmp_path)})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("painmap: ")
    assert "Traceback" not in result.stderr


def test_corrupt_body_art_stops_start_up_with_one_line(tmp_path):
    import shutil

    from painmap.resources import resources_dir

    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    (copy / "atlas" / "posterior.svg").write_text("<svg broken", encoding="utf-8")
    result = _run_painmap({"PAINMAP_RESOURCES": str(copy)})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


STARTUP_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from painmap.app import canvas as canvas_module, startup as startup_module

seen = []


def windows():
    return sorted(w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible())


paint = canvas_module.BodyCanvas.paintEvent


def first_paint(self, event):
    paint(self, event)
    if not seen:
        seen.append(["paint", "numpy" in sys.modules, windows()])


canvas_module.BodyCanvas.paintEvent = first_paint
start = startup_module.StartUp.__init__


def hooked(self, *args, **kwargs):
    start(self, *args, **kwargs)

    def done():
        live = self.window.live
        seen.append(["ready", "matplotlib" in sys.modules, windows(), len(live.comparison.results)])
        print(json.dumps(seen), flush=True)
        QApplication.instance().exit(0)

    self.done.connect(done)


startup_module.StartUp.__init__ = hooked
from painmap.app.launch import launch

sys.exit(launch(sys.argv[1] if len(sys.argv) > 1 else None, []))
"""


def test_start_up_paints_one_window_before_numpy_then_ranks_without_matplotlib(tmp_path):
    from painmap.drawing import Drawing, Fill, save_drawing

    path = tmp_path / "given.painmap.json"
    save_drawing(Drawing(marks=[Fill("posterior", "buttock-right", 6, "aching")]), path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, str(path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    (paint, ready) = json.loads(out.stdout.strip().splitlines()[-1])
    # the main window paints before numpy is imported, and it is the only window; the engine then ranks the
    # given drawing; matplotlib is never loaded
    assert paint == ["paint", False, ["painmap-main"]]
    assert ready[:3] == ["ready", False, ["painmap-main"]] and ready[3] > 0


def test_no_two_actions_share_a_shortcut(qtbot, atlas):
    from PySide6.QtGui import QAction, QKeySequence

    window = make_window(qtbot, atlas)
    owners: dict[str, set[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(QKeySequence.SequenceFormat.PortableText), set()).add(action.text())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_left_side_view_is_the_mirror_image_of_the_right_side(qtbot, atlas):
    import numpy as np
    from PySide6.QtGui import QImage

    window = make_window(qtbot, atlas, size=(900, 900))
    canvas = window.canvas
    canvas.landmarks_visible = False
    images = {}
    for view_id in ("lateral", "lateral-left"):
        canvas.set_view(view_id)
        canvas.zoom_fit()
        image = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
        images[view_id] = arr[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].astype(int)
    left, right = images["lateral-left"], images["lateral"]
    band = slice(80, left.shape[0])  # below the side markers, which say Back/Front in mirrored order
    difference = np.abs(left[band, ::-1] - right[band]).mean()
    assert difference < 3.0  # the same art, mirrored (antialiasing may differ by a pixel)
    assert np.abs(left[band] - right[band]).mean() > 3 * difference  # and not simply the same picture


def test_high_dpi_renders_at_the_device_pixel_ratio():
    code = (
        "import json\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from painmap.app.main_window import MainWindow\n"
        "w = MainWindow(); w.resize(1000, 800); w.show(); app.processEvents()\n"
        "c = w.canvas; c.repaint()\n"
        "img = c.grab().toImage()\n"
        "print(json.dumps([c.devicePixelRatioF(), c._art_pixmap().devicePixelRatio(), img.width(), c.width()]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    dpr, art_dpr, image_width, widget_width = json.loads(out.stdout.strip().splitlines()[-1])
    assert dpr == 2 and art_dpr == 2
    assert image_width == 2 * widget_width  # drawn at full device resolution, not upscaled
