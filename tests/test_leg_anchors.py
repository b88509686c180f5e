"""Leg anchors (painmap.chart_anchors): the warp between real charts follows the legs below the pelvis."""

from __future__ import annotations

import json

import numpy as np
import pytest

from painmap import chart_versions as cv
from painmap.atlas import load_atlas
from painmap.chart_anchors import LEVELS, is_anchor, leg_anchors, runs_at
from painmap.raster import Grid, polygon_mask
from painmap.warp import distortion

CHARTS = (("male", 1), ("male", 2), ("female", 2))
PAIRS = ((("male", 1), ("male", 2)), (("male", 1), ("female", 2)), (("male", 2), ("female", 2)))


def body_points(view, step: float = 6.0) -> np.ndarray:
    """Sample points inside the view's silhouette, every `step` mm."""
    grid = Grid("anchors-test", view.width, view.height, 1.0 / step)
    inside = np.zeros(grid.shape, dtype=bool)
    for poly in view.silhouette:
        inside |= polygon_mask(grid, poly)
    ys, xs = np.nonzero(inside)
    return np.column_stack([(xs + 0.5) * step, (ys + 0.5) * step])


@pytest.mark.parametrize(("body", "chart"), CHARTS)
def test_every_chart_has_both_legs_at_every_level_on_its_outline(body, chart):
    atlas = load_atlas(body=body, chart=chart)
    anchors = leg_anchors(atlas)
    for view_id, marks in anchors.items():
        view = atlas.view(view_id)
        sides = ("right",) if view_id == "lateral" else ("right", "left")
        assert len(marks) == 4 * len(LEVELS) * len(sides), view_id
        for key, (x, y) in marks.items():
            if "-inset-" in key:
                continue
            ends = [e for run in runs_at(view.silhouette, y) for e in run]
            assert min(abs(e - x) for e in ends) < 1e-6, (view_id, key)  # on the outline
    # the back view's right leg is on the viewer's right, the front view's on the viewer's left
    mid = atlas.view("posterior").width / 2
    assert anchors["posterior"]["leg-knee-outer-right"][0] > mid
    if "anterior" in anchors:
        assert anchors["anterior"]["leg-knee-outer-right"][0] < mid


def test_released_landmarks_files_are_unchanged_and_anchors_sit_beside_them():
    """male-1.landmarks.json has no anchor (it is released data); its anchors file adds them on reading."""
    doc = json.loads(cv.record_path("male", 1).read_text(encoding="utf-8"))
    assert not any(is_anchor(m["key"]) for v in doc["views"] for m in v["landmarks"])
    live = cv.record_from_atlas(load_atlas(body="male", chart=1))
    for body, chart in CHARTS:
        record = cv.chart_record(body, chart)
        for view_id in ("posterior", "lateral", "lateral-left"):
            keys = {k for k in record.views[view_id].landmarks if is_anchor(k)}
            assert keys and keys <= set(record.views[view_id].warp_landmarks()), (body, chart, view_id)
    for view_id, view in live.views.items():
        kept = cv.chart_record("male", 1).views[view_id].landmarks
        for key, point in view.landmarks.items():
            assert kept[key] == pytest.approx(point, abs=1e-3), (view_id, key)


@pytest.mark.parametrize(("src_key", "dst_key"), PAIRS)
def test_warps_between_real_charts_do_not_fold_or_squeeze_the_body(src_key, dst_key):
    src, dst = cv.chart_record(*src_key), cv.chart_record(*dst_key)
    atlas = load_atlas(body=src_key[0], chart=src_key[1])
    for view_id in ("posterior", "lateral", "anterior"):
        warp = cv.view_warp(src, dst, view_id)
        if warp is None:
            continue
        d = distortion(warp, body_points(atlas.view(view_id)))
        # measured: det 0.42-3.6 (3.6 at the inner thigh: chart 1's legs touch, male chart 2's stand apart);
        # without the inset anchors the male calf was squeezed to 0.02
        assert not d.folds and d.min_det > 0.3 and d.max_det < 4.0, (src_key, dst_key, view_id, d)


@pytest.mark.parametrize("body", ["male", "female"])
def test_a_stroke_down_the_old_calf_stays_on_the_new_leg(body):
    """Chart 1's legs stand close together; chart 2's ~60-130 mm further apart: marks follow the legs."""
    src, dst = cv.chart_record("male", 1), cv.chart_record(body, 2)
    old = load_atlas(body="male", chart=1).view("posterior")
    new = load_atlas(body=body, chart=2).view("posterior")
    warp = cv.view_warp(src, dst, "posterior")
    for y in np.arange(1000.0, 1720.0, 10.0):  # the middle of chart 1's right leg, thigh to ankle
        (lo, hi), *_ = [r for r in runs_at(old.silhouette, y) if r[0] > old.width / 2]
        for f in (0.1, 0.5, 0.9):
            (x2, y2), *_ = warp(np.array([[lo + f * (hi - lo), y]]))
            runs = [r for r in runs_at(new.silhouette, y2) if r[0] > new.width / 2]
            assert any(a <= x2 <= b for a, b in runs), (body, y, f, (x2, y2), runs)


def test_the_old_example_drawing_carries_onto_the_shipped_one():
    """The example of painmap 0.1 (chart 1, kept as a fixture) opens on chart 2 as the shipped example."""
    from pathlib import Path

    from painmap.drawing import load_drawing

    root = Path(__file__).resolve().parents[1]
    atlas = load_atlas()
    old = load_drawing(root / "tests" / "fixtures" / "right-hip-ache-chart1.painmap.json", atlas)
    new = load_drawing(root / "docs" / "examples" / "right-hip-ache.painmap.json", atlas)
    assert old.migrated_from == ("male", 1) and new.migrated_from is None
    assert (new.body, new.chart) == ("male", 2) and old.marks == new.marks and old.meta == new.meta
