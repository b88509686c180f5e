"""Patterns carried onto chart 2: every trigger point inside its own muscle's visible outline, zones on the body.

For each muscle pattern, trigger point, view it is drawn on and body: a trigger point is marked on one view (the
loader refuses a second mark) and drawn there for the right side and on the mirror view for the left (the app's
PatternLayer); on each such view, when it shows the muscle (`View.structures`, ids `muscle-<name>-<side>`), the
point lies inside the muscle's visible outline, at least 0.5 mm from its edge. A trigger point whose view does
not show its muscle there carries a hint saying where to look, the view a hint names shows the muscle, the app
shows the hint beside the trigger point's note, and no other view draws the point (even one showing the muscle).
Zones stay inside the chart-2 silhouette (1 mm of slack).
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from painmap.atlas import load_atlas
from painmap.patterns import load_patterns, mirror_pattern

BODIES = ("male", "female")
MUSCLES = {"iliopsoas": ("iliacus", "psoas-major")}  # pattern id -> muscle names on the chart
CASES = [  # (pattern, trigger point, the view it is marked on), from the authoring library
    ("gluteus-maximus", "trp1", "posterior"),
    ("gluteus-maximus", "trp2", "posterior"),
    ("gluteus-maximus", "trp3", "posterior"),
    ("gluteus-medius", "trp1", "posterior"),
    ("gluteus-medius", "trp2", "posterior"),
    ("gluteus-medius", "trp3", "lateral"),
    ("gluteus-minimus", "trp1", "lateral"),
    ("gluteus-minimus", "trp2", "posterior"),
    ("iliopsoas", "trp1", "anterior"),  # felt from the front (CLINICAL.md, December review)
    ("iliopsoas", "trp2", "anterior"),
    ("iliopsoas", "trp3", "anterior"),
    ("piriformis", "trp1", "posterior"),
    ("piriformis", "trp2", "posterior"),
    ("quadratus-lumborum", "trp1", "posterior"),
    ("quadratus-lumborum", "trp2", "posterior"),
    ("quadratus-lumborum", "trp3", "posterior"),
    ("quadratus-lumborum", "trp4", "posterior"),
    ("tensor-fasciae-latae", "trp1", "lateral"),
]
MIRROR = {"posterior": "posterior", "lateral": "lateral-left", "anterior": "anterior"}
DRAWN = [(p, tp, v, "right") for p, tp, v in CASES] + [(p, tp, MIRROR[v], "left") for p, tp, v in CASES]
VIEW_WORDS = {"front": "anterior", "side": "lateral", "behind": "posterior"}  # "best seen from the …"


@pytest.fixture(scope="module", params=BODIES)
def chart2(request):
    atlas = load_atlas(body=request.param, chart=2)
    return request.param, atlas, load_patterns(atlas)


def muscle_shape(view, pattern_id: str, side: str = "right"):
    """The union of the muscle's visible parts on `side` of `view`, or None when it is not drawn."""
    names = MUSCLES.get(pattern_id, (pattern_id,))
    parts = [
        Polygon(s.polygon, list(s.holes or ())).buffer(0)
        for s in view.structures
        if s.kind == "muscle" and any(s.id == f"muscle-{n}-{side}" for n in names)
    ]
    return unary_union(parts) if parts else None


def drawn_trigger_point(atlas, library, pattern_id: str, tp_id: str, side: str):
    """The trigger point as drawn for `side`: the stored (right) pattern's, or its mirror's for the left."""
    pattern = library.get(pattern_id)
    shown = pattern if side == pattern.side else mirror_pattern(pattern, atlas)
    return next(t for t in shown.trigger_points if t.id == tp_id)


def test_every_muscle_trigger_point_is_listed_with_its_view(chart2):
    _, _, library = chart2
    muscles = [p for p in library.patterns.values() if p.kind == "muscle"]
    found = {(p.id, tp.id, tp.view) for p in muscles for tp in p.trigger_points}
    assert found == set(CASES)
    assert all(p.side == "right" for p in muscles)  # DRAWN: stored right, mirrored left


@pytest.mark.parametrize(("pattern_id", "tp_id", "view_id", "side"), DRAWN)
def test_trigger_point_inside_its_muscle(chart2, pattern_id, tp_id, view_id, side):
    """On every view the trigger point is drawn on (its own, and the mirror for the other side)."""
    body, atlas, library = chart2
    tp = drawn_trigger_point(atlas, library, pattern_id, tp_id, side)
    assert tp.view == view_id
    shape = muscle_shape(atlas.view(view_id), pattern_id, side)
    point = Point(tp.x, tp.y)
    if shape is None or not shape.buffer(-0.5).contains(point):
        assert tp.hint, (
            f"{body} {pattern_id} {tp_id} at ({tp.x:.1f}, {tp.y:.1f}) on {view_id}: "
            + (
                "the view does not show the muscle"
                if shape is None
                else f"{shape.boundary.distance(point):.1f} mm off its outline"
            )
            + " and the trigger point has no hint"
        )
        # a hinted TrP must really be one the muscle's view does not show there
        assert shape is None or not shape.contains(point)


@pytest.mark.usefixtures("qapp")
def test_no_other_view_draws_a_trigger_point_and_hints_name_a_view_showing_the_muscle(chart2):
    """Where the muscle shows but the trigger point is not marked, the app draws no X for it (whichever side is
    shown); a hint's "best seen from the front / side / behind" names a view that shows the muscle."""
    from painmap.app.layers import PatternLayer

    body, atlas, library = chart2
    layer = PatternLayer(atlas)
    layer.set_side("both")
    named = 0
    for pattern_id in sorted({p for p, _, _ in CASES}):
        pattern = library.get(pattern_id)
        layer.set_pattern(pattern)
        for tp in pattern.trigger_points:
            layer.trigger_point = tp.id
            drawn = {view_id for view_id in atlas.views if layer.markers(view_id)}
            assert drawn == {tp.view, MIRROR[tp.view]}, (body, pattern_id, tp.id, drawn)
            seen = re.search(r"best (?:seen|felt) from (?:the )?(front|side|behind)", tp.hint)
            if seen:
                view = atlas.view(VIEW_WORDS[seen.group(1)])
                assert muscle_shape(view, pattern_id) is not None, (body, pattern_id, tp.id, tp.hint)
                named += 1
    assert named >= 1  # gluteus minimus TrP2 says where to look (the side); iliopsoas is marked on the front


def test_gluteus_medius_edge_beside_the_psis(chart2):
    """The medial edge of gluteus medius lies ~15-25 mm lateral of the PSIS at its level (projection)."""
    _, atlas, _ = chart2
    view = atlas.view("posterior")
    psis = view.landmark("psis-right")
    shape = muscle_shape(view, "gluteus-medius")
    band = shape.intersection(
        Polygon([(psis.x, psis.y - 15), (psis.x + 200, psis.y - 15), (psis.x + 200, psis.y - 5), (psis.x, psis.y - 5)])
    )
    assert 10 <= band.bounds[0] - psis.x <= 30


@pytest.mark.parametrize("pattern_id", sorted({p for p, _, _ in CASES} | {"sacroiliac-joint"}))
def test_zones_inside_the_silhouette(chart2, pattern_id):
    body, atlas, library = chart2
    for zone in library.get(pattern_id).zones:
        view = atlas.view(zone.view)
        body_shape = unary_union([Polygon(p).buffer(0) for p in view.silhouette]).buffer(1.0)
        outline = Polygon(np.asarray(zone.polygon)).buffer(0)
        assert body_shape.contains(outline), f"{body} {pattern_id} {zone.id} leaves the body on {zone.view}"
