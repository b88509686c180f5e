"""Patterns carried onto chart 2: every trigger point inside its own muscle's visible outline, zones on the body.

For each muscle pattern, trigger point and body: on the view the trigger point is marked on, when that view
shows the muscle (`View.structures`, ids `muscle-<name>-right`), the carried point lies inside the muscle's
visible outline, at least 0.5 mm from its edge. A trigger point whose view does not show its muscle there
carries a hint saying where to look. Zones stay inside the chart-2 silhouette (1 mm of slack).
"""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from painmap.atlas import load_atlas
from painmap.patterns import load_patterns

BODIES = ("male", "female")
MUSCLES = {"iliopsoas": ("iliacus", "psoas-major")}  # pattern id -> muscle names on the chart
CASES = [  # (pattern, trigger point), from the authoring library
    ("gluteus-maximus", "trp1"),
    ("gluteus-maximus", "trp2"),
    ("gluteus-maximus", "trp3"),
    ("gluteus-medius", "trp1"),
    ("gluteus-medius", "trp2"),
    ("gluteus-medius", "trp3"),
    ("gluteus-minimus", "trp1"),
    ("gluteus-minimus", "trp2"),
    ("iliopsoas", "trp1"),
    ("iliopsoas", "trp2"),
    ("iliopsoas", "trp3"),
    ("piriformis", "trp1"),
    ("piriformis", "trp2"),
    ("quadratus-lumborum", "trp1"),
    ("quadratus-lumborum", "trp2"),
    ("quadratus-lumborum", "trp3"),
    ("quadratus-lumborum", "trp4"),
    ("tensor-fasciae-latae", "trp1"),
]


@pytest.fixture(scope="module", params=BODIES)
def chart2(request):
    atlas = load_atlas(body=request.param, chart=2)
    return request.param, atlas, load_patterns(atlas)


def muscle_shape(view, pattern_id: str):
    """The union of the muscle's visible parts on the right side of `view`, or None when it is not drawn."""
    names = MUSCLES.get(pattern_id, (pattern_id,))
    parts = [
        Polygon(s.polygon, list(s.holes or ())).buffer(0)
        for s in view.structures
        if s.kind == "muscle" and any(s.id == f"muscle-{n}-right" for n in names)
    ]
    return unary_union(parts) if parts else None


def test_every_muscle_trigger_point_is_listed(chart2):
    _, _, library = chart2
    found = {(p.id, tp.id) for p in library.patterns.values() if p.kind == "muscle" for tp in p.trigger_points}
    assert found == set(CASES)


@pytest.mark.parametrize(("pattern_id", "tp_id"), CASES)
def test_trigger_point_inside_its_muscle(chart2, pattern_id, tp_id):
    body, atlas, library = chart2
    pattern = library.get(pattern_id)
    tp = next(t for t in pattern.trigger_points if t.id == tp_id)
    shape = muscle_shape(atlas.view(tp.view), pattern_id)
    point = Point(tp.x, tp.y)
    if shape is None or not shape.buffer(-0.5).contains(point):
        assert tp.hint, (
            f"{body} {pattern_id} {tp_id} at ({tp.x:.1f}, {tp.y:.1f}) on {tp.view}: "
            + (
                "the view does not show the muscle"
                if shape is None
                else f"{shape.boundary.distance(point):.1f} mm off its outline"
            )
            + " and the trigger point has no hint"
        )
        # a hinted TrP must really be one the muscle's view does not show there
        assert shape is None or not shape.contains(point)


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


@pytest.mark.parametrize("pattern_id", sorted({p for p, _ in CASES} | {"sacroiliac-joint"}))
def test_zones_inside_the_silhouette(chart2, pattern_id):
    body, atlas, library = chart2
    for zone in library.get(pattern_id).zones:
        view = atlas.view(zone.view)
        body_shape = unary_union([Polygon(p).buffer(0) for p in view.silhouette]).buffer(1.0)
        outline = Polygon(np.asarray(zone.polygon)).buffer(0)
        assert body_shape.contains(outline), f"{body} {pattern_id} {zone.id} leaves the body on {zone.view}"
