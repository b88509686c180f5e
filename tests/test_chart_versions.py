"""Chart versions and drawing format 2: released charts as data, v1 -> v2, carrying drawings onto a new chart."""

from __future__ import annotations

import json

import numpy as np
import pytest
from chart_synthetic import chart_one, synthetic_chart

from painmap import chart_versions as cv
from painmap import drawing_model
from painmap.atlas import load_atlas
from painmap.drawing import (
    VERSION,
    Drawing,
    Erase,
    Fill,
    Lasso,
    Stroke,
    drawing_to_dict,
    dumps_drawing,
    load_drawing,
    mirror_drawing,
    parse_drawing,
    save_drawing,
)
from painmap.errors import DrawingError
from painmap.raster import PainMasks


@pytest.fixture(scope="module")
def atlas():
    """Chart 1 of the male body (the chart the patterns are drawn on), whatever chart is the default."""
    return chart_one()


@pytest.fixture(scope="module")
def chart2(atlas):
    return synthetic_chart(atlas)


def v1(*marks: dict, **top) -> str:
    return json.dumps({"format": "painmap-drawing", "version": 1, "meta": {}, "marks": list(marks), **top})


def stroke(points, radius=12.0, view="posterior") -> dict:
    return {"type": "stroke", "view": view, "radius": radius, "intensity": 5, "quality": "aching", "points": points}


# --- released charts as data ------------------------------------------------------------------------------------


def test_the_first_charts_landmarks_file_matches_todays_atlas(atlas):
    """resources/atlas/charts/male-1.landmarks.json is today's chart (tools/chart_landmarks.py wrote it)."""
    record, live = cv.chart_record("male", 1), cv.record_from_atlas(atlas)
    assert record.key == ("male", 1) and set(record.views) == set(atlas.views)
    for view_id, view in live.views.items():
        kept = record.views[view_id]
        assert (kept.width, kept.height, kept.mirror) == (view.width, view.height, view.mirror)
        assert kept.regions == view.regions
        assert set(kept.landmarks) == set(view.landmarks)
        for key, (x, y) in view.landmarks.items():
            assert kept.landmarks[key] == pytest.approx((x, y), abs=1e-3), (view_id, key)


def test_every_released_charts_regions_exist_on_the_current_chart():
    """Fills keep their region ids when carried: every region of every released chart is on the current one."""
    atlas = load_atlas()  # the default chart
    for chart in cv.known_charts("male"):
        record = cv.chart_record("male", chart)
        for view_id, view in record.views.items():
            if view_id in atlas.views:
                assert view.regions <= {r.id for r in atlas.views[view_id].regions}, (chart, view_id)


def test_current_chart_and_known_charts():
    assert cv.current_chart("male") in cv.known_charts("male")
    assert cv.chart_of(object()) == ("male", 1)  # an atlas that does not say is the first chart
    assert cv.chart_record("male", 999) is None


# --- format version 2 ---------------------------------------------------------------------------------------------


def test_a_version_1_file_is_chart_1_of_the_male_body_and_saves_as_version_2(tmp_path, atlas):
    old = tmp_path / "old.painmap.json"
    old.write_text(v1(stroke([[364.55, 804.8], [380.0, 820.0]]), {"type": "fill", "view": "posterior",
                                                                  "region": "sacrum", "intensity": 4}))  # fmt: skip
    drawing = load_drawing(old, atlas)
    assert (drawing.body, drawing.chart, drawing.migrated_from) == ("male", 1, None)  # chart 1 is current
    save_drawing(drawing, tmp_path / "new.painmap.json", atlas)
    doc = json.loads((tmp_path / "new.painmap.json").read_text())
    assert (doc["version"], doc["body"], doc["chart"]) == (VERSION, "male", 1) == (2, "male", 1)
    again = load_drawing(tmp_path / "new.painmap.json", atlas)
    assert again == drawing
    assert dumps_drawing(again) == (tmp_path / "new.painmap.json").read_text()


def test_an_autosave_of_version_0_1_is_still_read():
    """The app's autosave of painmap 0.1: version 1, one mark per line, no created date."""
    text = (
        '{"format": "painmap-drawing", "version": 1, "meta": {}, "marks": [\n  '
        + json.dumps(stroke([[400.0, 800.0]]))
        + "\n]}\n"
    )
    drawing = parse_drawing(text, "autosave")
    assert (drawing.body, drawing.chart, len(drawing.marks)) == ("male", 1, 1)


def test_body_without_chart_means_the_bodys_current_chart():
    text = json.dumps({"format": "painmap-drawing", "version": 2, "body": "male", "marks": []})
    assert parse_drawing(text).chart == cv.current_chart("male")


@pytest.mark.parametrize(
    ("top", "pointer", "words"),
    [
        ({"version": 3}, "/version", "newer painmap"),
        ({"body": "alien"}, "/body", "unknown body"),
        ({"body": "male", "chart": 0}, "/chart", "whole number"),
        ({"body": "male", "chart": 2.0}, "/chart", "whole number"),
        ({"body": "male", "chart": True}, "/chart", "whole number"),
        ({"body": "male", "chart": 999}, "/chart", "update painmap"),
    ],
)
def test_bad_body_chart_and_version_are_refused_in_one_line(top, pointer, words):
    doc = {"format": "painmap-drawing", "version": 2, "marks": [], **top}
    with pytest.raises(DrawingError) as info:
        parse_drawing(json.dumps(doc), "x.painmap.json")
    assert info.value.pointer == pointer and words in info.value.reason and "\n" not in str(info.value)


def test_a_body_this_painmap_has_no_chart_for_is_refused_with_a_reason(monkeypatch, atlas):
    monkeypatch.setattr(drawing_model, "CURRENT_CHART", {"male": 1})
    with pytest.raises(DrawingError, match="female body chart, which this painmap does not have"):
        parse_drawing(json.dumps({"format": "painmap-drawing", "version": 2, "body": "female", "marks": []}))
    # a female drawing on a named chart is read without an atlas, but not shown on the male chart
    text = json.dumps({"format": "painmap-drawing", "version": 2, "body": "female", "chart": 2, "marks": []})
    monkeypatch.setattr(drawing_model, "CURRENT_CHART", {"male": 1, "female": 2})
    assert parse_drawing(text).body == "female"
    with pytest.raises(DrawingError, match="opens with the female body"):
        parse_drawing(text, atlas=atlas)


def test_drawing_to_dict_and_mirror_keep_body_and_chart(atlas):
    drawing = Drawing(marks=[Fill("posterior", "buttock-left", 3, "dull")], body="male", chart=1)
    assert drawing_to_dict(drawing)["body"] == "male" and drawing_to_dict(drawing)["chart"] == 1
    mirrored = mirror_drawing(drawing, atlas)
    assert (mirrored.body, mirrored.chart) == ("male", 1)
    assert Drawing().body == "male" and Drawing().chart == cv.current_chart("male")


# --- carrying onto a new chart ---------------------------------------------------------------------------------------


def _distance_to_polyline(points, target) -> float:
    pts = np.asarray(points, dtype=float)
    t = np.asarray(target, dtype=float)
    if len(pts) == 1:
        return float(np.linalg.norm(pts[0] - t))
    a, b = pts[:-1], pts[1:]
    ab = b - a
    s = np.clip(((t - a) * ab).sum(axis=1) / np.maximum((ab * ab).sum(axis=1), 1e-12), 0, 1)
    return float(np.linalg.norm(a + s[:, None] * ab - t, axis=1).min())


def test_a_stroke_over_the_old_right_psis_lands_over_the_new_one(chart2, atlas):
    old = atlas.views["posterior"].landmark("psis-right")
    new = chart2.views["posterior"].landmark("psis-right")
    assert np.hypot(new.x - old.x, new.y - old.y) > 25  # the charts really differ there
    # a stroke passing over the PSIS, its vertices 15 mm either side of it
    text = v1(stroke([[old.x - 15, old.y - 4], [old.x + 15, old.y + 4]]))
    drawing = parse_drawing(text, "old.painmap.json", atlas=chart2)
    assert (drawing.body, drawing.chart, drawing.migrated_from) == ("male", 2, ("male", 1))
    (mark,) = drawing.marks
    assert _distance_to_polyline(mark.points, (new.x, new.y)) < 5.0
    assert 12.0 * 1.0 < mark.radius < 12.0 * 1.15  # the new chart's pelvis is ~6 % wider


def test_carried_marks_keep_fills_and_everything_but_geometry(chart2, atlas):
    marks = [
        Stroke("posterior", 10.0, 7, "burning", ((300.0, 800.0), (330.0, 820.0))),
        Fill("posterior", "buttock-right", 4, "dull"),
        Erase("lateral", 15.0, ((250.0, 870.0),)),
        Stroke("lateral-left", 8.0, 2, "tingling", ((240.0, 900.0),)),
        Stroke("anterior", 8.0, 3, "aching", ((100.0, 900.0),)),  # a view the first chart lacks: left alone
        Lasso("posterior", 6, "aching", ((280.0, 780.0), (340.0, 785.0), (320.0, 850.0))),
    ]
    drawing = Drawing(marks=marks, meta={"note": "x"}, created="2026-11-23T10:00:00Z", body="male", chart=1)
    carried = cv.carry_marks(drawing, cv.chart_record("male", 1), cv.record_from_atlas(chart2))
    assert [type(m) for m in carried.marks] == [type(m) for m in marks]
    assert carried.marks[1] == marks[1] and carried.marks[4] == marks[4]
    assert carried.marks[0].intensity == 7 and carried.marks[0].quality == "burning"
    assert carried.marks[0].points != marks[0].points
    assert carried.marks[5].intensity == 6 and carried.marks[5].points != marks[5].points  # a lasso's outline moves
    assert (carried.meta, carried.created, carried.chart) == ({"note": "x"}, drawing.created, 2)
    assert drawing.marks == marks and drawing.chart == 1  # the original is not changed


def test_left_and_right_side_views_carry_as_mirror_images(chart2, atlas):
    right = Drawing(marks=[Stroke("lateral", 9.0, 5, "aching", ((260.0, 850.0), (280.0, 900.0)))], chart=1)
    left = mirror_drawing(right, atlas)
    src, dst = cv.chart_record("male", 1), cv.record_from_atlas(chart2)
    a, b = cv.carry_marks(right, src, dst), cv.carry_marks(left, src, dst)
    assert np.allclose(mirror_drawing(a, chart2).marks[0].points, b.marks[0].points, atol=2e-3)
    assert a.marks[0].radius == b.marks[0].radius


def test_a_carried_drawing_saves_on_the_new_chart_and_reloads_equal(tmp_path, chart2, atlas):
    old = tmp_path / "old.painmap.json"
    old.write_text(v1(stroke([[364.55, 804.8], [380.0, 820.0]]), {"type": "fill", "view": "lateral",
                                                                  "region": "hip-right", "intensity": 4}))  # fmt: skip
    before = old.read_bytes()
    drawing = load_drawing(old, chart2)
    assert old.read_bytes() == before  # loading never changes the file
    save_drawing(drawing, tmp_path / "new.painmap.json", chart2)
    doc = json.loads((tmp_path / "new.painmap.json").read_text())
    assert (doc["version"], doc["body"], doc["chart"]) == (2, "male", 2)
    again = load_drawing(tmp_path / "new.painmap.json", chart2)
    assert again.migrated_from is None and again.marks == drawing.marks
    # and the chart-1 file is still readable on chart 1
    assert load_drawing(old, atlas).marks[0].points[0] == (364.55, 804.8)


def test_a_drawing_and_its_mirror_carry_to_mirror_masks(chart2, atlas):
    """After migration a drawing and its mirror image still cover mirror-image pixels on the new chart."""
    marks = [
        Stroke("posterior", 14.0, 6, "aching", ((360.0, 780.0), (390.0, 830.0), (420.0, 860.0))),
        Stroke("lateral", 12.0, 4, "aching", ((230.0, 860.0), (260.0, 940.0))),
        Fill("posterior", "sacroiliac-joint-right", 5, "aching"),
    ]
    drawing = Drawing(marks=marks, chart=1)
    src, dst = cv.chart_record("male", 1), cv.record_from_atlas(chart2)
    a = PainMasks.from_drawing(cv.carry_marks(drawing, src, dst), chart2, 1.0)
    b = PainMasks.from_drawing(cv.carry_marks(mirror_drawing(drawing, atlas), src, dst), chart2, 1.0)
    for view_id, other in (("posterior", "posterior"), ("lateral", "lateral-left")):
        ma, mb = a.mask(view_id), b.mask(other)
        differ = np.count_nonzero(ma != mb[:, ::-1])
        assert ma.any() and differ <= 0.01 * np.count_nonzero(ma), view_id


def test_landmarks_known_to_be_off_are_kept_but_not_paired(atlas, chart2):
    """Chart 1's SI-joint point sits inside the sacrum outline: recorded, not used by the warp."""
    record = cv.chart_record("male", 1)
    posterior = record.views["posterior"]
    assert {"sacroiliac-joint-right", "sacroiliac-joint-left"} <= posterior.not_for_warp
    assert "sacroiliac-joint-right" in posterior.landmarks
    assert "sacroiliac-joint-right" not in posterior.warp_landmarks()
    warp = cv.view_warp(record, cv.atlas_record(chart2), "posterior")
    assert len(warp.src) == len(posterior.warp_landmarks()) + 8  # + the frame anchors


def _random_v1(rng: np.random.Generator, atlas) -> str:
    """A valid chart-1 document: strokes and erasures anywhere the format allows, fills of real regions."""
    marks = []
    for _ in range(rng.integers(1, 8)):
        view_id = str(rng.choice(list(atlas.views)))
        view = atlas.views[view_id]
        kind = rng.choice(["stroke", "erase", "fill"])
        if kind == "fill":
            region = str(rng.choice([r.id for r in view.regions]))
            marks.append({"type": "fill", "view": view_id, "region": region, "intensity": int(rng.integers(1, 11))})
            continue
        n = int(rng.integers(1, 30))
        if rng.random() < 0.3:  # anywhere in the accepted frame, edges included
            pts = rng.uniform([-view.width, -view.height], [2 * view.width, 2 * view.height], (n, 2))
        else:
            pts = rng.uniform([0, 0], [view.width, view.height], (n, 2))
        radius = float(rng.choice([0.5, 200.0, rng.uniform(0.5, 200.0)]))
        mark = {"type": kind, "view": view_id, "radius": radius, "points": pts.round(2).tolist()}
        if kind == "stroke":
            mark.update(intensity=int(rng.integers(1, 11)), quality="aching")
        marks.append(mark)
    return v1(*marks)


def test_every_valid_chart_1_file_opens_on_a_new_chart_and_saves_back_equal(tmp_path, chart2, atlas):
    """Nothing valid is refused or lost by the carry: same marks, kinds, intensities, fills; it reloads equal."""
    rng = np.random.default_rng(11)
    for i in range(40):
        text = _random_v1(rng, atlas)
        old = parse_drawing(text, "old", atlas)
        new = parse_drawing(text, "old", chart2)
        assert new.migrated_from == ("male", 1) and len(new.marks) == len(old.marks)
        for a, b in zip(old.marks, new.marks, strict=True):
            assert type(a) is type(b) and a.view == b.view
            assert getattr(a, "intensity", None) == getattr(b, "intensity", None)
            assert getattr(a, "region", None) == getattr(b, "region", None)
        path = tmp_path / f"{i}.painmap.json"
        save_drawing(new, path, chart2)
        assert load_drawing(path, chart2).marks == new.marks
