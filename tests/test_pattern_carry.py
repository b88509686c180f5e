"""Patterns carried onto another chart by the landmark warp: same library, same meaning, mirror-consistent."""

from __future__ import annotations

import numpy as np
import pytest
from chart_synthetic import chart_one, synthetic_chart

from painmap import chart_versions as cv
from painmap import geometry
from painmap.compare import Comparator
from painmap.drawing import Drawing, Fill, Stroke, mirror_drawing
from painmap.patterns import load_patterns
from painmap.raster import PainMasks


@pytest.fixture(scope="module")
def atlas():
    """Chart 1 of the male body (the chart the patterns are drawn on), whatever chart is the default."""
    return chart_one()


@pytest.fixture(scope="module")
def library(atlas):
    return load_patterns(atlas)


@pytest.fixture(scope="module")
def chart2(atlas):
    return synthetic_chart(atlas)


@pytest.fixture(scope="module")
def library2(chart2):
    return load_patterns(chart2)


def test_the_library_loads_on_another_chart_by_the_warp(library, library2, atlas, chart2):
    assert set(library2.patterns) == set(library.patterns) and not library2.problems
    src, dst = cv.chart_record("male", 1), cv.atlas_record(chart2)
    for pattern in library:
        moved = library2.get(pattern.id)
        assert [t.id for t in moved.trigger_points] == [t.id for t in pattern.trigger_points]
        assert [z.id for z in moved.zones] == [z.id for z in pattern.zones]
        for a, b in zip(pattern.zones, moved.zones, strict=True):
            expect = cv.view_warp(src, dst, a.view)(a.polygon)
            assert np.allclose(b.polygon, expect) and (a.kind, a.weight, a.bilateral) == (b.kind, b.weight, b.bilateral)
        assert moved.summary == pattern.summary  # texts are the pattern's, on every chart


def test_carried_trigger_points_and_zones_stay_on_the_new_body(library2, chart2):
    for pattern in library2:
        for tp in pattern.trigger_points:
            view = chart2.views[tp.view]
            inside = any(geometry.contains(s, [(tp.x, tp.y)])[0] for s in view.silhouette)
            assert inside, (pattern.id, tp.id)
        for zone in pattern.zones:
            view = chart2.views[zone.view]
            inside = np.zeros(len(zone.polygon), dtype=bool)
            for s in view.silhouette:
                inside |= geometry.contains(s, zone.polygon)
            far = ~inside
            for s in view.silhouette:
                far[far] = geometry.distance_to_boundary(s, zone.polygon[far]) > 3.0
            assert not far.any(), (pattern.id, zone.id)


def _drawing() -> Drawing:
    return Drawing(
        marks=[
            Stroke("posterior", 16.0, 6, "aching", ((370.0, 760.0), (395.0, 800.0), (420.0, 840.0))),
            Stroke("posterior", 12.0, 4, "aching", ((430.0, 880.0), (450.0, 950.0))),
            Fill("posterior", "sacroiliac-joint-right", 5, "aching"),
        ],
        chart=1,
    )


def test_a_carried_drawing_keeps_its_ranking_against_the_carried_patterns(atlas, library, chart2, library2):
    drawing = _drawing()
    before = Comparator(atlas, library, 1.0).compare(PainMasks.from_drawing(drawing, atlas, 1.0))
    carried = cv.carry_marks(drawing, cv.chart_record("male", 1), cv.atlas_record(chart2))
    after = Comparator(chart2, library2, 1.0).compare(PainMasks.from_drawing(carried, chart2, 1.0))
    assert [r.pattern for r in before.results][:3] == [r.pattern for r in after.results][:3]
    for r in before.results:
        assert after.result(r.pattern).score == pytest.approx(r.score, abs=0.03), r.pattern


def test_a_drawing_and_its_mirror_score_alike_after_migration(atlas, chart2, library2):
    drawing = _drawing()
    src, dst = cv.chart_record("male", 1), cv.atlas_record(chart2)
    comparator = Comparator(chart2, library2, 1.0)
    a = comparator.compare(PainMasks.from_drawing(cv.carry_marks(drawing, src, dst), chart2, 1.0))
    b = comparator.compare(
        PainMasks.from_drawing(cv.carry_marks(mirror_drawing(drawing, atlas), src, dst), chart2, 1.0)
    )
    swap = {"right": "left", "left": "right", "both": "both"}
    for ra in a.results:
        rb = b.result(ra.pattern)
        assert rb.score == pytest.approx(ra.score, abs=0.01), ra.pattern
        assert swap[ra.side] == rb.side or abs(ra.side_scores["left"] - ra.side_scores["right"]) < 0.01
