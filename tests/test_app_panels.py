"""Pattern overlay, live comparison, ranked list and info panel of the real main window (offscreen)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from app_helpers import make_window
from PySide6.QtCore import QPointF

from painmap.app import texts
from painmap.app.panels.controller import PanelsController

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def window(qtbot, atlas):
    return make_window(qtbot, atlas, size=(1400, 900))


@pytest.fixture
def panels(window, qtbot) -> PanelsController:
    found = window.findChild(PanelsController)
    assert found is not None, "install_panels(window) did not run"
    qtbot.waitUntil(lambda: found.loaded)  # the library loads right after the first paint
    return found


def _stroke(session, points, radius=15.0, intensity=6):
    session.begin_stroke(points[0], radius, intensity)
    for p in points[1:]:
        session.extend_stroke(p)
    session.end_stroke()


def _zone_points(pattern, view_id, kind="essential"):
    """Points inside the pattern's zones of one kind on a view: a stroke along them shades the zone."""
    out = []
    for zone in pattern.zones:
        if zone.view == view_id and zone.kind == kind:
            cx, cy = zone.polygon.mean(axis=0)
            out.append((float(cx), float(cy)))
    return out


def _engine(atlas, library, session):
    from painmap.compare import Comparator

    return Comparator(atlas, library, session.masks.px_per_mm).compare(session.masks)


def _result(comparison, pattern_id):
    return next(r for r in comparison.results if r.pattern == pattern_id)


def _draw_on(panels, pattern_id="gluteus-medius"):
    pattern = panels.library.get(pattern_id)
    pts = _zone_points(pattern, "posterior")
    assert pts, f"{pattern_id} has no essential zone on the posterior view"
    _stroke(panels.session, [*pts, pts[0]])
    return pattern


def _canvas_pixel(canvas, x_mm, y_mm):
    image = canvas.grab().toImage()
    p = canvas.mm_to_widget().map(QPointF(x_mm, y_mm))
    dpr = image.devicePixelRatio()
    return image.pixelColor(int(p.x() * dpr), int(p.y() * dpr))


def test_panels_are_installed_as_docks(window, panels):
    assert set(panels.docks) == {"pattern", "ranking", "comparison", "info"}
    assert panels.pattern_layer in window.canvas.layers()
    assert panels.difference_layer in window.canvas.layers()
    assert panels.library.patterns, "the bundled pattern library is empty"


def test_choosing_a_pattern_adds_a_visible_layer(window, panels):
    panels.modes.set_mode("educator")  # a filled essential zone (patients get hatching, tests/test_app_draw_first.py)
    pid = next(p for p in panels.library.patterns if p != panels.pattern_id)
    panels.pattern_panel.pattern_box.setCurrentIndex(panels.pattern_panel.pattern_box.findData(pid))
    assert panels.pattern_id == pid
    assert panels.pattern_layer.visible and panels.pattern_layer.pattern.id == pid
    pattern = panels.library.get(pid)
    view = window.session.view_id
    zone = next((z for z in pattern.zones if z.view == view and z.kind == "essential"), None)
    if zone is None:
        pytest.skip(f"{pid} has no essential zone on the {view} view")
    from painmap.geometry import centroid, contains

    cx, cy = centroid(zone.polygon)
    assert contains(zone.polygon, [(cx, cy)])[0]
    shown = _canvas_pixel(window.canvas, cx, cy)
    panels.show_pattern_action.setChecked(False)
    assert not panels.pattern_layer.visible
    hidden = _canvas_pixel(window.canvas, cx, cy)
    assert shown != hidden
    assert shown.red() > shown.green() + 40  # red overlay on the chart


def test_comparison_panel_equals_engine_and_cli(window, panels, atlas, library, tmp_path, capsys):
    _draw_on(panels)
    engine = _engine(atlas, library, window.session)
    mine = _result(engine, panels.pattern_id)
    shown = panels.comparison_panel.shown()
    for key in ("score", "essential_coverage", "spillover_coverage", "outside_fraction"):
        assert shown[key] == texts.percent(getattr(mine, key)), key
    assert mine.score > 0
    assert panels.comparison_panel.zones.rows() == [
        (z.replace("-", " ").capitalize(), pytest.approx(v)) for z, v in mine.zones.items()
    ]

    path = tmp_path / "drawn.painmap.json"
    window.session.save(path)
    from painmap.cli import main

    capsys.readouterr()
    assert main(["compare", str(path), "--format", "json"]) == 0
    cli = {r["pattern"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    for r in panels.comparison.results:  # the command line prints 6 decimals
        for key in ("score", "essential_coverage", "spillover_coverage", "outside_fraction"):
            assert cli[r.pattern][key] == pytest.approx(getattr(r, key), abs=1e-6), (r.pattern, key)
        assert cli[r.pattern]["side"] == r.side
    for key in ("score", "essential_coverage", "spillover_coverage", "outside_fraction"):
        assert shown[key] == texts.percent(cli[panels.pattern_id][key])


def test_ranked_list_follows_the_engine_order(window, panels, atlas, library):
    _draw_on(panels, "sacroiliac-joint" if "sacroiliac-joint" in library.patterns else "gluteus-medius")
    engine = _engine(atlas, library, window.session)
    assert panels.ranking_panel.order() == [r.pattern for r in engine.results]
    table = panels.ranking_panel.table
    assert table.rowCount() == len(library.patterns)
    for i, r in enumerate(engine.results):
        name, side, score = panels.ranking_panel.row_texts(i)
        assert name == library.get(r.pattern).name
        assert score == texts.percent(r.score)
        assert side == texts.SIDE_NAMES[r.side]


def test_choosing_a_row_overlays_that_pattern(window, panels):
    _draw_on(panels)
    order = panels.ranking_panel.order()
    target = order[-1] if order[-1] != panels.pattern_id else order[-2]
    panels.ranking_panel.table.selectRow(order.index(target))
    assert panels.pattern_id == target
    assert panels.pattern_layer.pattern.id == target
    assert panels.pattern_panel.pattern_box.currentData() == target
    assert panels.library.get(target).name in panels.info_panel.text()
    assert panels.comparison_panel.title.text().startswith(panels.library.get(target).name)


def test_live_update_after_each_stroke_and_undo(window, panels):
    before = panels.comparison_panel.shown()["score"]
    _draw_on(panels)
    after = panels.comparison_panel.shown()["score"]
    assert after != before
    window.session.undo_stack.undo()
    assert panels.comparison_panel.shown()["score"] == before


def test_difference_overlay_matches_engine(window, panels, atlas, library):
    _draw_on(panels)
    panels.show_difference_action.setChecked(True)
    layer = panels.difference_layer
    assert layer.visible and layer.view_id == window.session.view_id
    from painmap.compare import Comparator

    r = panels.result()
    matched, missed, extra = Comparator(atlas, library, window.session.masks.px_per_mm).difference(
        window.session.masks, panels.pattern_id, r.side, window.session.view_id
    )
    assert layer.counts == {
        "matched": int(np.count_nonzero(matched)),
        "missed": int(np.count_nonzero(missed)),
        "extra": int(np.count_nonzero(extra)),
    }
    assert layer.counts["matched"] > 0
    assert panels.pattern_panel.legend.show_difference


def test_info_panel_shows_the_pattern_data_and_the_note(panels):
    pattern = panels.pattern()
    text = panels.info_panel.text()
    assert pattern.name in text
    for source in pattern.sources[:2]:
        assert source.split()[0] in text
    for item in (*pattern.aggravating[:1], *pattern.self_care[:1], *pattern.examination[:1]):
        assert item in text
    assert "Not a diagnosis" in text
    assert "60-75 %" in text


def test_the_library_loads_after_the_first_paint_not_before(qtbot, atlas):
    from painmap.app.main_window import MainWindow

    win = MainWindow(atlas)
    qtbot.addWidget(win)
    found = win.findChild(PanelsController)
    assert not found.loaded and not found.library.patterns  # start-up did not wait for it
    win.show()
    qtbot.waitUntil(lambda: found.loaded)
    assert found.library.patterns and found.pattern_id is not None
    assert not found.pattern_layer.visible  # patient mode: draw first (tests/test_app_draw_first.py)
    assert found.comparison is not None and found.ranking_panel.waiting()  # nothing drawn: no ranking yet


def test_side_found_follows_the_drawing_and_can_be_chosen(window, panels):
    pattern = panels.pattern()
    width = panels.session.atlas.view("posterior").width  # the loaded chart's frame
    left = [(width - x, y) for x, y in _zone_points(pattern, "posterior")]
    _stroke(panels.session, [*left, left[0]])  # the mirror image: the patient's left
    assert panels.result().side == "left"
    assert panels.pattern_layer.side == "left"
    box = panels.pattern_panel.side_box
    box.setCurrentIndex(box.findData("both"))
    assert panels.pattern_layer.side == "both"
    box.setCurrentIndex(box.findData("right"))
    assert panels.pattern_layer.side == "right"
    assert panels.comparison_panel.title.text().endswith("left")  # the numbers stay those of the side found


def test_opacity_slider_and_trigger_point_list_drive_the_layer(panels):
    panels.pattern_panel.opacity.setValue(30)
    assert panels.pattern_layer.opacity == pytest.approx(0.30)
    box = panels.pattern_panel.trp_box
    ids = [tp.id for tp in panels.pattern().trigger_points]
    box.setCurrentIndex(2)
    assert panels.pattern_layer.trigger_point == ids[1]
    shown = {tp for _kind, _path, tp in panels.pattern_layer.shapes("posterior")}
    assert shown <= {ids[1], ""}


def test_after_a_stroke_only_the_changed_area_is_repainted(window, panels, monkeypatch):
    panels.show_difference_action.setChecked(True)
    _draw_on(panels)  # the first stroke may change the side found: a full repaint is fine then
    calls = []
    monkeypatch.setattr(window.canvas, "update_layers", lambda rect=None: calls.append(rect))
    pts = _zone_points(panels.pattern(), "posterior")
    x, y = pts[0]
    _stroke(panels.session, [(x, y), (x + 10, y + 5)], radius=8.0)
    assert calls, "the difference overlay was not repainted"
    rect = calls[-1]
    assert rect is not None, "a whole-canvas repaint where a small one suffices"
    assert rect.contains(QPointF(x, y)) and rect.contains(QPointF(x + 10, y + 5))
    assert rect.width() < 60 and rect.height() < 60  # the stroke's bounds, not the pattern's
