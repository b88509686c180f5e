"""Comparison metrics on a synthetic atlas and library whose answers can be computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_raster_synthetic import synthetic_atlas, synthetic_library

from painmap.commands.compare import format_text
from painmap.compare import SIDES, Comparator, to_json
from painmap.drawing import Drawing, Fill, Stroke
from painmap.errors import PainmapError, UnknownIdError
from painmap.raster import DirtyRect, PainMasks, Patch

ATLAS = synthetic_atlas()
LIBRARY = synthetic_library()
COMPARATORS = {ppm: Comparator(ATLAS, LIBRARY, ppm) for ppm in (1.0, 2.0)}
METRICS = ("score", "dice", "jaccard", "essential_coverage", "spillover_coverage", "precision", "outside_fraction")


def block(x0: float, y0: float, x1: float, y1: float, view: str = "posterior", ppm: float = 1.0) -> PainMasks:
    """Masks with exactly the mm rectangle painted (pixel-aligned at integer mm)."""
    pm = PainMasks(ATLAS, ppm)
    add_block(pm, x0, y0, x1, y1, view)
    return pm


def add_block(pm: PainMasks, x0, y0, x1, y1, view: str = "posterior") -> None:
    ppm = pm.px_per_mm
    rect = DirtyRect(view, round(x0 * ppm), round(y0 * ppm), round(x1 * ppm), round(y1 * ppm), ppm, ppm)
    old = pm.take_patch(rect).data
    pm.put_patch(Patch(rect, np.maximum(old, 5).astype(np.uint8)))


def result(masks: PainMasks, pattern: str, side: str | None = None):
    comp = COMPARATORS[masks.px_per_mm]
    return comp.compare_side(masks, pattern, side) if side else comp.compare(masks, [pattern]).results[0]


def test_square_drawn_exactly_over_the_essential_zone():
    r = result(block(120, 40, 160, 80), "square")
    assert r.side == "right"
    assert r.essential_coverage == 1.0 and r.spillover_coverage == 0.0
    assert r.precision == 1.0 and r.outside_fraction == 0.0
    assert r.dice == pytest.approx(2 * 1600 / (1600 + 3200))
    assert r.jaccard == pytest.approx(0.5)
    assert r.score == pytest.approx(1600 / (1600 + 0.5 * 1600))  # spillover weighs half
    assert r.zones == {"back": pytest.approx(0.5)}
    assert r.essential_area_mm2 == r.spillover_area_mm2 == 1600.0
    assert result(block(120, 40, 160, 80, ppm=2.0), "square").essential_area_mm2 == 1600.0


def test_half_overlap_and_disjoint():
    half = result(block(140, 40, 180, 80), "square")
    assert half.essential_coverage == pytest.approx(0.5)
    assert half.precision == pytest.approx(0.5) and half.outside_fraction == pytest.approx(0.5)
    far = result(block(20, 200, 60, 240), "square")
    assert far.essential_coverage == far.spillover_coverage == far.precision == far.score == far.dice == 0.0
    assert far.outside_fraction == 1.0


def test_whole_pattern_scores_one_and_outside_pixels_lower_it():
    assert result(block(120, 40, 160, 120), "square").score == pytest.approx(1.0)
    r = result(block(120, 40, 160, 160), "square")  # 1600 px more, outside P
    assert r.score == pytest.approx(2400 / (2400 + 1600))  # weighted P = 1600 + 0.5 * 1600
    assert r.outside_fraction == pytest.approx(1600 / 4800)


def test_mirror_side_is_found():
    r = result(block(40, 40, 80, 80), "square")
    assert r.side == "left" and r.essential_coverage == 1.0
    assert r.side_scores["right"] == 0.0 and r.side_scores["left"] == pytest.approx(2 / 3)
    both = result(block(40, 40, 80, 80), "square", "both")
    assert both.essential_coverage == pytest.approx(0.5)


def test_graded_zone_weights_count_in_the_score():
    # essential 800 px (weight 1), spillover 6400 px of weight 0.5 * 0.5
    assert result(block(125, 160, 145, 200), "graded").score == pytest.approx(800 / (800 + 0.25 * 6400))
    assert result(block(115, 150, 175, 270), "graded").score == pytest.approx(1.0)
    spill_only = result(block(155, 150, 175, 270), "graded")  # 2400 px of spillover
    assert spill_only.essential_coverage == 0.0
    assert spill_only.spillover_coverage == pytest.approx(2400 / 6400)
    assert spill_only.score == pytest.approx(0.25 * 2400 / 2400)


def test_bilateral_zone_applies_to_both_sides():
    pm = block(92, 100, 108, 200)
    add_block(pm, 112, 100, 130, 200)
    add_block(pm, 70, 100, 88, 200)
    r = result(pm, "bilateral")
    assert r.score == pytest.approx(1.0) and r.side_scores == {s: pytest.approx(1.0) for s in SIDES}


def test_views_compared_are_the_views_drawn():
    post = block(120, 170, 170, 260)
    r = result(post, "low")
    assert r.score == pytest.approx(1.0) and r.spillover_coverage == 0.0  # the lateral spillover is not judged
    assert r.spillover_area_mm2 == 0.0 and r.essential_area_mm2 == 50 * 90
    text = format_text(COMPARATORS[1.0].compare(post, ["low"]), "post.painmap.json")
    row = next(line.split() for line in text.splitlines() if line.startswith("1 "))
    assert row == ["1", "low", "right", "1.00", "100", "%", "-", "0", "%"]
    assert "not a diagnosis" in text
    both_views = block(120, 170, 170, 260)
    add_block(both_views, 30, 160, 70, 260, view="lateral")
    r2 = result(both_views, "low")
    assert r2.spillover_coverage == pytest.approx(1.0) and r2.score == pytest.approx(1.0)
    assert set(r2.zones) == {"buttock", "hip"}


def test_empty_drawing_scores_zero_without_nan():
    comparison = COMPARATORS[1.0].compare(PainMasks(ATLAS, 1.0))
    assert comparison.views == tuple(ATLAS.views)
    assert comparison.extent_percent == 0.0
    assert [r.pattern for r in comparison.results] == sorted(LIBRARY.patterns)  # ties by id
    for r in comparison.results:
        assert all(getattr(r, m) == 0.0 for m in METRICS)
        assert all(not math.isnan(v) for v in r.zones.values())


def test_extent_percent_over_views_used():
    pm = block(20, 20, 100, 150)  # 80 x 130 of the 160 x 260 posterior body
    comparison = COMPARATORS[1.0].compare(pm)
    assert comparison.extent_percent == pytest.approx(100 * 80 * 130 / (160 * 260))
    assert comparison.extent_by_view["lateral"] == 0.0
    add_block(pm, 20, 20, 80, 280, view="lateral")  # the whole lateral body: 60 x 260
    comparison = COMPARATORS[1.0].compare(pm)
    assert comparison.extent_by_view["lateral"] == pytest.approx(100.0)
    assert comparison.extent_percent == pytest.approx(100 * (80 * 130 + 60 * 260) / (160 * 260 + 60 * 260))


def test_ranking_sorted_best_first_and_restricted():
    comparison = COMPARATORS[1.0].compare(block(120, 40, 160, 120))
    scores = [r.score for r in comparison.results]
    assert scores == sorted(scores, reverse=True)
    assert comparison.best.pattern == "square"
    only = COMPARATORS[1.0].compare(block(120, 40, 160, 120), ["graded", "low"])
    assert [r.pattern for r in only.results] == ["graded", "low"] or {r.pattern for r in only.results} == {
        "graded",
        "low",
    }
    with pytest.raises(UnknownIdError):
        COMPARATORS[1.0].compare(PainMasks(ATLAS, 1.0), ["nope"])


def test_difference_masks_partition_drawing_and_pattern():
    pm = block(140, 60, 180, 100)
    matched, missed, extra = COMPARATORS[1.0].difference(pm, "square", "right", "posterior")
    assert np.count_nonzero(matched) == 20 * 40
    assert np.count_nonzero(missed) == 3200 - 800
    assert np.count_nonzero(extra) == 40 * 40 - 800
    assert not (matched & missed).any() and not (matched & extra).any()
    with pytest.raises(PainmapError):
        COMPARATORS[1.0].difference(pm, "square", "up", "posterior")


def test_masks_of_another_resolution_are_refused():
    with pytest.raises(PainmapError):
        COMPARATORS[1.0].compare(PainMasks(ATLAS, 2.0))


def test_to_json_shape():
    doc = to_json(COMPARATORS[1.0].compare(block(120, 40, 160, 80)))
    assert {"extent_percent", "extent_by_view", "results"} <= set(doc)
    first = doc["results"][0]
    assert {"pattern", "side", "zones", *METRICS} <= set(first)
    assert first["pattern"] == "square" and first["zones"] == {"back": 0.5}


# --- properties -------------------------------------------------------------------------------------------------

point = st.tuples(st.floats(0, 200), st.floats(0, 300))
strokes = st.lists(
    st.builds(
        lambda pts, r, view: Stroke(view=view, radius=r, intensity=5, quality="aching", points=tuple(pts)),
        st.lists(point, min_size=1, max_size=5),
        st.floats(2, 40),
        st.sampled_from(["posterior", "posterior", "lateral", "lateral-left"]),
    ),
    min_size=0,
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(strokes)
def test_metric_identities(marks):
    pm = PainMasks.from_drawing(Drawing(marks=list(marks)), ATLAS, 1.0)
    for r in COMPARATORS[1.0].compare(pm).results:
        for m in METRICS:
            assert 0.0 <= getattr(r, m) <= 1.0
        assert all(0.0 <= v <= 1.0 for v in r.zones.values())
        assert r.dice == pytest.approx(2 * r.jaccard / (1 + r.jaccard), abs=1e-12)
        if not pm.empty:
            assert r.precision + r.outside_fraction == pytest.approx(1.0)
        assert r.score == max(r.side_scores.values())


@settings(max_examples=40, deadline=None)
@given(st.lists(point, min_size=1, max_size=4), st.floats(2, 30), strokes)
def test_coverage_never_decreases_when_a_stroke_is_added(first, radius, more):
    base = [Stroke(view="posterior", radius=radius, intensity=3, quality="aching", points=tuple(first))]
    extra = [m for m in more if m.view == "posterior"]
    before = PainMasks.from_drawing(Drawing(marks=base), ATLAS, 1.0)
    after = PainMasks.from_drawing(Drawing(marks=base + extra), ATLAS, 1.0)
    if before.views_used() != after.views_used():
        return  # the first stroke lay outside the body
    comp = COMPARATORS[1.0]
    for pid in LIBRARY.patterns:
        for side in SIDES:
            a, b = comp.compare_side(before, pid, side), comp.compare_side(after, pid, side)
            assert b.essential_coverage >= a.essential_coverage
            assert b.spillover_coverage >= a.spillover_coverage
            assert all(b.zones[z] >= a.zones[z] for z in a.zones)


def mirrored(marks, atlas):
    out = []
    for m in marks:
        view = atlas.view(m.view)
        pts = tuple((view.width - x, y) for x, y in m.points)
        out.append(Stroke(view=view.mirror, radius=m.radius, intensity=m.intensity, quality=m.quality, points=pts))
    return out


@settings(max_examples=50, deadline=None)
@given(strokes)
def test_a_mirrored_drawing_scores_the_same_on_the_other_side(marks):
    comp = COMPARATORS[1.0]
    a = comp.compare(PainMasks.from_drawing(Drawing(marks=list(marks)), ATLAS, 1.0))
    b = comp.compare(PainMasks.from_drawing(Drawing(marks=mirrored(marks, ATLAS)), ATLAS, 1.0))
    swap = {"right": "left", "left": "right", "both": "both"}
    assert a.extent_percent == b.extent_percent
    assert {r.pattern: r.score for r in a.results} == {r.pattern: r.score for r in b.results}
    for ra in a.results:
        rb = b.result(ra.pattern)
        assert {swap[s]: v for s, v in ra.side_scores.items()} == rb.side_scores
        assert [getattr(ra, m) for m in METRICS] == [getattr(rb, m) for m in METRICS]
        assert ra.zones == rb.zones


def test_fill_of_mirrored_regions_scores_the_same():
    comp = COMPARATORS[1.0]
    for left, right in (("buttock-left", "buttock-right"), ("back-left", "back-right")):
        a = comp.compare(PainMasks.from_drawing(Drawing(marks=[Fill("posterior", left, 5, "aching")]), ATLAS, 1.0))
        b = comp.compare(PainMasks.from_drawing(Drawing(marks=[Fill("posterior", right, 5, "aching")]), ATLAS, 1.0))
        assert [(r.pattern, r.score) for r in a.results] == [(r.pattern, r.score) for r in b.results]


def realistic_drawings(count: int = 12) -> list[Drawing]:
    """Seeded drawings like a person's: a few strokes of 10-25 mm radius over the back and buttocks."""
    rng = np.random.default_rng(7)
    drawings = []
    for _ in range(count):
        marks = []
        for _ in range(rng.integers(1, 5)):
            start = rng.uniform([30, 40], [170, 260])
            pts = start + np.cumsum(rng.normal(0, 8, (int(rng.integers(2, 12)), 2)), axis=0)
            marks.append(Stroke("posterior", float(rng.uniform(10, 25)), 5, "aching", tuple(map(tuple, pts))))
        drawings.append(Drawing(marks=marks))
    return drawings


@pytest.mark.parametrize("drawing", realistic_drawings())
def test_metrics_do_not_depend_on_resolution(drawing):
    """Every metric on every side agrees at 1 and 2 px/mm (the best side may flip where two sides tie)."""
    masks = {ppm: PainMasks.from_drawing(drawing, ATLAS, ppm) for ppm in (1.0, 2.0)}
    one, two = (COMPARATORS[ppm].compare(masks[ppm]) for ppm in (1.0, 2.0))
    assert one.extent_percent == pytest.approx(two.extent_percent, rel=0.01)
    for pid in LIBRARY.patterns:
        assert one.result(pid).score == pytest.approx(two.result(pid).score, abs=0.01)
        for side in SIDES:
            r1, r2 = (COMPARATORS[ppm].compare_side(masks[ppm], pid, side) for ppm in (1.0, 2.0))
            for m in METRICS:
                assert getattr(r1, m) == pytest.approx(getattr(r2, m), abs=0.01), (pid, side, m)


def scores_of_compare(comparison) -> list[tuple[str, str, float]]:
    return [(r.pattern, r.side, r.score) for r in comparison.results]


@settings(max_examples=60, deadline=None)
@given(strokes, st.sampled_from([1.0, 2.0]))
def test_scores_only_equal_compare_exactly(marks, ppm):
    """`Comparator.scores` (the aggregate CSV's path) gives exactly the scores, sides and order of `compare`."""
    comp = COMPARATORS[ppm]
    pm = PainMasks.from_drawing(Drawing(marks=list(marks)), ATLAS, ppm)
    full, fast = comp.compare(pm), comp.scores(pm)
    assert list(fast.ranking) == scores_of_compare(full)
    assert fast.side_scores == {r.pattern: r.side_scores for r in full.results}
    assert (fast.extent_percent, fast.extent_by_view, fast.views) == (
        full.extent_percent,
        full.extent_by_view,
        full.views,
    )
    only = comp.scores(pm, ["low", "graded"])
    assert list(only.ranking) == scores_of_compare(comp.compare(pm, ["low", "graded"]))
