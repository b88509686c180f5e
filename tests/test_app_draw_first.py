"""Draw first (issue 11): in patient mode no pattern is painted until the person asks for one."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import make_window
from PySide6.QtGui import QColor

from painmap import style
from painmap.app import texts
from painmap.app.panels.controller import PanelsController

pytestmark = pytest.mark.usefixtures("qapp")


def _open(qtbot, atlas):
    win = make_window(qtbot, atlas, size=(1400, 900))
    panels = win.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    return win, panels


def _pattern_pixels(canvas) -> int:
    """Pixels of the canvas close to the pattern's red (hue and saturation of style.ESSENTIAL)."""
    canvas.repaint()
    image = canvas.grab().toImage().convertToFormat(canvas.grab().toImage().Format.Format_RGB32)
    w, h = image.width(), image.height()
    arr = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * h)
    arr = arr.reshape(h, image.bytesPerLine() // 4, 4)[:, :w, :3].astype(int)  # B, G, R
    red = QColor(style.ESSENTIAL)
    b, g, r = arr[..., 0], arr[..., 1], arr[..., 2]
    reddish = (r - np.maximum(g, b) > 60) & (r > 120)
    assert red.red() - max(red.green(), red.blue()) > 60  # the test's notion of "pattern red" fits the colour
    return int(np.count_nonzero(reddish))


def _shade(panels):
    pattern = panels.pattern()
    pts = [tuple(z.polygon.mean(axis=0)) for z in pattern.zones if z.view == "posterior" and z.kind == "essential"]
    s = panels.session
    s.begin_stroke(pts[0], 15.0, 6)
    for p in pts[1:]:
        s.extend_stroke(p)
    s.end_stroke()
    panels.refresh()


def test_patient_mode_paints_no_pattern_until_asked(qtbot, atlas):
    win, panels = _open(qtbot, atlas)
    assert panels.modes.mode == "patient"
    assert not panels.pattern_layer.visible
    assert _pattern_pixels(win.canvas) == 0
    assert not panels.pattern_panel.legend.isVisible()  # no pattern red on the start screen
    _shade(panels)
    assert _pattern_pixels(win.canvas) == 0  # drawing alone shows no pattern
    panels.pattern_panel.show_pattern.click()  # "Show a pattern"
    assert panels.pattern_layer.visible and panels.pattern_layer.hatched
    assert _pattern_pixels(win.canvas) > 200


def test_choosing_a_match_shows_it(qtbot, atlas):
    _win, panels = _open(qtbot, atlas)
    _shade(panels)
    assert not panels.pattern_layer.visible
    table = panels.ranking_panel.table
    assert table.rowCount() > 1
    table.selectRow(1)
    assert panels.pattern_layer.visible
    assert panels.pattern_id == panels.ranking_panel.order()[1]


def test_educator_mode_shows_the_pattern_filled(qtbot, atlas):
    win, panels = _open(qtbot, atlas)
    panels.modes.set_mode("educator")
    assert panels.pattern_layer.visible and not panels.pattern_layer.hatched
    assert _pattern_pixels(win.canvas) > 200
    panels.modes.set_mode("patient")
    assert not panels.pattern_layer.visible


def test_over_a_drawing_every_mode_draws_the_pattern_hatched(qtbot, atlas):
    """An educator showing a pattern over someone's drawing: the shading stays readable there too."""
    _win, panels = _open(qtbot, atlas)
    panels.modes.set_mode("educator")
    assert not panels.pattern_layer.hatched
    _shade(panels)
    assert panels.pattern_layer.visible and panels.pattern_layer.hatched
    assert panels.pattern_panel.legend.hatched


def test_matches_say_what_to_do_until_there_is_a_drawing(qtbot, atlas):
    _win, panels = _open(qtbot, atlas)
    ranking = panels.ranking_panel
    assert ranking.waiting() and ranking.hint.text() == texts.MATCHES_WAITING
    assert ranking.table.isHidden() and ranking.order() == []
    _shade(panels)
    assert not ranking.waiting() and ranking.table.rowCount() == len(panels.library.patterns)


def test_hatched_essential_zone_leaves_the_shading_visible(qtbot, atlas):
    """Over a shaded area most pixels of the hatched essential zone keep the drawing's colour."""
    win, panels = _open(qtbot, atlas)
    _shade(panels)
    canvas = win.canvas
    before = canvas.grab().toImage()
    panels.pattern_panel.show_pattern.click()
    canvas.repaint()
    after = canvas.grab().toImage()
    same = changed = 0
    for y in range(0, before.height(), 3):
        for x in range(0, before.width(), 3):
            a, b = QColor(before.pixel(x, y)), QColor(after.pixel(x, y))
            if a.blue() > a.red() + 40:  # shaded (blue intensity scale)
                if abs(a.red() - b.red()) + abs(a.blue() - b.blue()) < 30:
                    same += 1
                else:
                    changed += 1
    assert same + changed > 50
    assert same / (same + changed) > 0.6
