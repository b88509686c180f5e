"""Strokes outside the body chart are found one by one, said to be outside, and not counted."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap.atlas import load_atlas
from painmap.cli import main
from painmap.drawing import Drawing, Erase, Fill, Stroke
from painmap.outside import outside_marks

ATLAS = load_atlas()
INSIDE = Stroke("posterior", 14.0, 6, "aching", ((364.0, 800.0), (408.0, 754.0)))
OUTSIDE = [Stroke("posterior", 3.0, 5, "aching", ((6.0 + 8 * k, 6.0), (10.0 + 8 * k, 9.0))) for k in range(9)]


def _run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_each_stroke_is_tested_on_its_own():
    width = ATLAS.view("posterior").width
    edge = Stroke("posterior", 10.0, 5, "aching", ((-40.0, 800.0), (width / 2, 800.0)))  # starts outside, crosses in
    lateral_out = Stroke("lateral", 5.0, 5, "aching", ((480.0, 30.0),))
    marks = [INSIDE, OUTSIDE[0], edge, Fill("posterior", "sacrum", 4, "aching"), Erase("posterior", 5.0, ((6, 6),)),
             lateral_out, OUTSIDE[1]]  # fmt: skip
    found = outside_marks(Drawing(marks=marks), ATLAS)
    assert found.indices == (1, 5, 6)
    assert found.by_view == {"posterior": 2, "lateral": 1}
    assert found.to_json() == {"count": 3, "indices": [1, 5, 6], "by_view": {"posterior": 2, "lateral": 1}}


def test_a_stroke_painted_over_still_counts_as_inside():
    covered = Drawing(marks=[INSIDE, Erase("posterior", 40.0, ((380.0, 780.0),))])
    assert outside_marks(covered, ATLAS).count == 0


@pytest.fixture
def drawings(tmp_path):
    def write(name, marks):
        doc = {"format": "painmap-drawing", "version": 1, "created": "2026-11-23T10:00:00Z", "meta": {},
               "marks": [{"type": "stroke", "view": m.view, "radius": m.radius, "intensity": m.intensity,
                          "quality": m.quality, "points": [list(p) for p in m.points]} for m in marks]}  # fmt: skip
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        return path

    return write("with.painmap.json", [INSIDE, *OUTSIDE]), write("without.painmap.json", [INSIDE])


def test_compare_says_so_in_text_and_json_and_the_numbers_ignore_them(drawings):
    with_outside, without = drawings
    code, text, _ = _run("compare", with_outside)
    assert code == 0
    assert "9 strokes lie outside the body chart and are not counted." in text
    docs = [json.loads(_run("compare", p, "--format", "json")[1]) for p in (with_outside, without)]
    assert docs[0]["marks_outside"] == {"count": 9, "indices": list(range(1, 10)), "by_view": {"posterior": 9}}
    assert docs[1]["marks_outside"]["count"] == 0
    assert docs[0]["extent_percent"] == docs[1]["extent_percent"] > 0
    assert docs[0]["results"] == docs[1]["results"]
    assert "outside the body chart" not in _run("compare", without)[1]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.floats(-30, 700), st.floats(-30, 1850)), min_size=1, max_size=4),
    st.floats(0.3, 25),
    st.sampled_from([0.5, 1.0, 2.0]),
)
def test_the_point_shortcut_agrees_with_painting_the_stroke(points, radius, px_per_mm):
    """A stroke with a point on a silhouette pixel is inside without painting it; painting it agrees."""
    from painmap.outside import points_on_body
    from painmap.raster import PainMasks

    mark = Stroke("posterior", radius, 5, "aching", tuple(points))
    masks = PainMasks(ATLAS, px_per_mm)
    if points_on_body(masks, [mark])[0]:
        masks.apply(mark)
        assert masks.area("posterior") > 0


def test_the_shortcut_is_taken_for_a_stroke_on_the_body_and_not_for_a_thin_one(monkeypatch):
    from painmap import outside
    from painmap.raster import PainMasks

    masks = PainMasks(ATLAS)
    assert outside.points_on_body(masks, [INSIDE])[0]
    assert not outside.points_on_body(masks, [OUTSIDE[0]])[0]
    thin = Stroke("posterior", 0.4, 5, "aching", INSIDE.points)  # narrower than a pixel: painted to be sure
    assert not outside.points_on_body(masks, [thin])[0]
    painted = []
    monkeypatch.setattr(PainMasks, "touches_body", lambda self, mark: painted.append(mark) or False)
    assert outside.stroke_touches_body(masks, INSIDE) and not painted
    outside.stroke_touches_body(masks, OUTSIDE[0])
    assert painted == [OUTSIDE[0]]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["posterior", "lateral"]),
            st.floats(0.4, 20),
            st.lists(st.tuples(st.floats(-40, 1100), st.floats(-40, 1850)), min_size=1, max_size=3),
        ),
        max_size=8,
    )
)
def test_outside_marks_with_the_shortcut_equal_painting_each_stroke(specs):
    from painmap import outside
    from painmap.raster import PainMasks

    marks = [Stroke(view, radius, 4, "aching", tuple(points)) for view, radius, points in specs]
    found = outside.outside_marks(marks, ATLAS)
    painted = []
    for mark in marks:  # the reference: each stroke painted alone on empty masks
        masks = PainMasks(ATLAS)
        masks.apply(mark)
        painted.append(masks.area(mark.view) == 0)
    assert list(found.indices) == [k for k, out in enumerate(painted) if out]


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["posterior", "lateral"]),
    st.sampled_from(["stroke", "lasso"]),
    st.floats(0.3, 60),
    st.lists(st.tuples(st.floats(-60, 1100), st.floats(-60, 1900)), min_size=1, max_size=5),
    st.sampled_from([0.5, 1.0, 2.0]),
    st.booleans(),
)
def test_touches_body_says_what_painting_the_mark_alone_shows(view, kind, radius, points, px_per_mm, dirty):
    """`PainMasks.touches_body` paints nothing and agrees with applying the mark alone (strokes of any size:
    a long wide one at 2 px/mm takes `_paint_many`'s batched path), on empty or already painted masks."""
    from painmap.drawing import Lasso
    from painmap.raster import PainMasks

    if kind == "lasso" and len(points) < 3:
        points = [*points, (points[0][0] + 30, points[0][1]), (points[0][0], points[0][1] + 30)]
    mark = (Stroke(view, radius, 4, "aching", tuple(points)) if kind == "stroke"
            else Lasso(view, 4, "aching", tuple(points)))  # fmt: skip
    masks = PainMasks(ATLAS, px_per_mm)
    if dirty:
        masks.apply(Fill(view, ATLAS.view(view).regions[0].id, 7, "aching"))
    before = {v: a.copy() for v, a in masks._arrays.items()}
    alone = PainMasks(ATLAS, px_per_mm)
    alone.apply(mark)
    assert masks.touches_body(mark) == (alone.area(view) > 0)
    assert masks._arrays.keys() == before.keys()
    assert all((masks._arrays[v] == a).all() for v, a in before.items())


def test_touches_body_of_a_stroke_across_the_body_at_two_pixels_a_millimetre():
    from painmap.raster import _BATCH_PIXELS, PainMasks

    width = ATLAS.view("posterior").width
    wide = Stroke("posterior", 60.0, 4, "aching", ((-50.0, 100.0), (width + 50, 1700.0)))
    masks = PainMasks(ATLAS, 2.0)
    rect = masks.bounds(wide)
    assert rect.height * (rect.width + 1) > _BATCH_PIXELS  # the batched path
    alone = PainMasks(ATLAS, 2.0)
    alone.apply(wide)
    assert masks.touches_body(wide) and alone.area("posterior") > 0
