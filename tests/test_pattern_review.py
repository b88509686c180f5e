"""The review of December 2026 (CLINICAL.md), as checks on the pattern data against the chart's own anatomy.

Each check runs on the first chart, where the patterns are drawn, and on a synthetic new chart onto which they
are carried by the landmark warp: a correction made once on chart 1 must stay true on every chart.
"""

from __future__ import annotations

import numpy as np
import pytest
from chart_synthetic import chart_one, synthetic_chart

from painmap import geometry
from painmap.patterns import load_patterns, zone_mask
from painmap.raster import AtlasMasks


@pytest.fixture(scope="module")
def atlas():
    """Chart 1 of the male body (the chart the patterns are drawn on), whatever chart is the default."""
    return chart_one()


@pytest.fixture(scope="module", params=["chart 1", "carried onto a synthetic chart"])
def chart(request, atlas):
    target = atlas if request.param == "chart 1" else synthetic_chart(atlas)
    return target, load_patterns(target)


def outline(atlas, view: str, oid: str) -> np.ndarray:
    return next(o.points for o in atlas.views[view].outlines if o.id == oid)


def depth_below(line: np.ndarray, x: float, y: float) -> float:
    """How far (mm) the point lies below the polyline (y down), measured straight down at its x."""
    order = np.argsort(line[:, 0])
    return y - float(np.interp(x, line[order, 0], line[order, 1]))


def tp(library, pid: str, tid: str):
    return library.get(pid).trigger_point(tid)


def lm(atlas, key: str, view: str = "posterior") -> np.ndarray:
    mark = atlas.views[view].landmark(key)
    return np.array([mark.x, mark.y])


def test_gluteus_medius_trp1_just_below_the_crest_beside_the_psis(chart):
    atlas, library = chart
    t = tp(library, "gluteus-medius", "trp1")
    crest = outline(atlas, "posterior", "art-iliac-crest-right")
    psis = lm(atlas, "psis-right")
    assert 8 < depth_below(crest, t.x, t.y) < 25  # just below the crest (the first chart had it on it)
    assert 5 < t.x - psis[0] < 30 and np.hypot(t.x - psis[0], t.y - psis[1]) < 35  # beside the PSIS, lateral


def test_gluteus_medius_trp3_just_below_the_crest_near_the_asis(chart):
    atlas, library = chart
    t = tp(library, "gluteus-medius", "trp3")
    crest = outline(atlas, "lateral", "art-iliac-crest")
    assert t.view == "lateral" and 5 < depth_below(crest, t.x, t.y) < 20  # was ~5 cm below
    assert np.hypot(*(lm(atlas, "asis-right", "lateral") - [t.x, t.y])) < 40


def test_gluteus_maximus_trp1_beside_not_inside_the_sacrum(chart):
    atlas, library = chart
    t = tp(library, "gluteus-maximus", "trp1")
    sacrum = outline(atlas, "posterior", "art-sacrum")
    assert not geometry.contains(sacrum, [(t.x, t.y)])[0]
    assert 3 < geometry.distance_to_boundary(sacrum, [(t.x, t.y)])[0] < 15


def test_gluteus_maximus_trp2_zone_spares_the_coccyx(chart):
    atlas, library = chart
    masks = AtlasMasks(atlas, 2.0).view("posterior")
    coccyx = masks.region_mask("coccyx")
    for zone in library.get("gluteus-maximus").zones_for(view="posterior", trigger_point="trp2"):
        if zone.trigger_point == "trp2":
            assert not (zone_mask(zone, atlas, 2.0) & coccyx).any(), zone.id


def test_gluteus_minimus_posterior_trp_at_the_upper_border_of_piriformis(chart):
    _, library = chart
    t = tp(library, "gluteus-minimus", "trp2")
    piri = library.get("piriformis").trigger_points  # lateral and medial TrPs lie on the muscle's axis
    axis = np.array(sorted((p.x, p.y) for p in piri))
    assert 5 < -depth_below(axis, t.x, t.y) < 20  # above the axis by about half the muscle's height


def test_gluteus_minimus_posterior_zone_has_no_gap_behind_the_knee(chart):
    _, library = chart
    zones = library.get("gluteus-minimus").zones_for(view="posterior", trigger_point="trp2")
    thigh = next(z for z in zones if z.kind == "essential")
    calf = next(z for z in zones if z.kind == "spillover")
    assert calf.polygon[:, 1].min() <= thigh.polygon[:, 1].max()


def test_quadratus_lumborum_trp1_just_below_the_12th_rib(chart):
    atlas, library = chart
    t = tp(library, "quadratus-lumborum", "trp1")
    assert 5 < depth_below(outline(atlas, "posterior", "art-rib-12-right"), t.x, t.y) < 20


def test_fortin_area_from_the_psis_down_and_lateral(chart):
    atlas, library = chart
    (zone,) = library.get("sacroiliac-joint").zones_for(kind="essential")
    psis = lm(atlas, "psis-right")
    x0, y0, x1, y1 = geometry.bbox(zone.polygon)
    assert y0 < psis[1] < y0 + 15 and 90 < y1 - psis[1] < 115  # starts at the PSIS, ~10 cm down
    assert 25 < x1 - x0 < 40 and x0 < psis[0] < x0 + 8  # ~3 cm wide, from the PSIS laterally
    assert geometry.centroid(zone.polygon)[0] - psis[0] > 10  # ~1 cm more lateral than the first chart's
