"""The body chart: partition, mirror symmetry, landmark placement and order, lateral-left, model helpers."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from painmap import geometry
from painmap.atlas import load_atlas
from painmap.raster import Grid, polygon_mask

PX_PER_MM = 1.0


@pytest.fixture(scope="module")
def atlas():
    """Chart 1, the hand-drawn chart (still shipped: the pattern SVGs are drawn on it and old drawings name it)."""
    return load_atlas(body="male", chart=1)


def rasterize(polygon: np.ndarray, width: float, height: float, px_per_mm: float = PX_PER_MM) -> np.ndarray:
    """A bool mask of the polygon (pixel centres inside, no anti-aliasing) at px_per_mm: the engine's rasterizer."""
    return polygon_mask(Grid("atlas-test", width, height, px_per_mm), polygon)


def view_masks(view):
    silhouette = np.zeros((int(view.height * PX_PER_MM), int(view.width * PX_PER_MM)), dtype=bool)
    for poly in view.silhouette:
        silhouette |= rasterize(poly, view.width, view.height)
    counts = np.zeros(silhouette.shape, dtype=np.int16)
    for region in view.regions:
        counts += rasterize(region.polygon, view.width, view.height)
    return silhouette, counts


@pytest.mark.parametrize("view_id", ["posterior", "lateral", "lateral-left"])
def test_regions_partition_the_silhouette(atlas, view_id):
    view = atlas.view(view_id)
    silhouette, counts = view_masks(view)
    body = np.count_nonzero(silhouette)
    gaps = np.count_nonzero(silhouette & (counts == 0))
    overlaps = np.count_nonzero(counts > 1)
    outside = np.count_nonzero(~silhouette & (counts > 0))
    # edge pixels only: a fraction of a percent of the body
    assert gaps <= 0.002 * body, f"{gaps} px of the body belong to no region"
    assert overlaps <= 0.002 * body, f"{overlaps} px belong to two regions"
    assert outside <= 0.002 * body, f"{outside} region px lie outside the silhouette"
    exact = sum(geometry.area(p) for p in view.silhouette)
    total = sum(geometry.area(r.polygon) for r in view.regions)
    assert total == pytest.approx(exact, rel=1e-3)


def test_every_region_is_a_simple_polygon_with_a_label(atlas):
    for view in atlas.views.values():
        for region in view.regions:
            assert geometry.is_simple(region.polygon), (view.id, region.id)
            assert region.label and region.side in ("left", "right", "midline")
            expected = region.zone if region.side == "midline" else f"{region.zone}-{region.side}"
            assert region.id == expected
            if region.side != "midline":
                assert region.label.startswith(region.side)


REQUIRED_POSTERIOR = (
    "lumbar",
    "iliac-crest",
    "sacrum",
    "sacroiliac-joint",
    "buttock",
    "greater-trochanter",
    "upper-thigh",
    "lower-thigh",
    "knee",
    "lower-leg",
    "foot",
    "head-neck",
    "thoracic",
    "arm",
)
REQUIRED_LATERAL = ("iliac-crest", "buttock", "greater-trochanter", "upper-thigh", "lower-thigh", "knee", "lower-leg")


def test_required_zones_exist(atlas):
    posterior = atlas.view("posterior")
    for zone in REQUIRED_POSTERIOR:
        sides = {r.side for r in posterior.regions_in_zone(zone)}
        assert sides in ({"left", "right"}, {"midline"}), zone
    for zone in ("lumbar", "iliac-crest", "sacroiliac-joint", "buttock", "greater-trochanter", "upper-thigh"):
        assert posterior.region(f"{zone}-right").side == "right"
    assert posterior.region("sacrum").side == "midline"
    for view_id, side in (("lateral", "right"), ("lateral-left", "left")):
        view = atlas.view(view_id)
        for zone in REQUIRED_LATERAL:
            assert view.region(f"{zone}-{side}").zone == zone


def test_paired_posterior_regions_are_mirror_images(atlas):
    view = atlas.view("posterior")
    for right in (r for r in view.regions if r.side == "right"):
        left = view.region(f"{right.zone}-left")
        assert geometry.area(left.polygon) == pytest.approx(geometry.area(right.polygon), rel=0.01)
        mirrored = geometry.mirror_x(left.polygon, view.width)
        assert np.allclose(geometry.bbox(mirrored), geometry.bbox(right.polygon), atol=0.01)
        assert np.allclose(geometry.centroid(mirrored), geometry.centroid(right.polygon), atol=0.05)
    for mid in (r for r in view.regions if r.side == "midline"):
        x0, _, x1, _ = geometry.bbox(mid.polygon)
        assert x0 + x1 == pytest.approx(view.width, abs=0.02), mid.id
    # the silhouette itself is symmetric
    (sil,) = view.silhouette
    assert np.allclose(sorted(geometry.mirror_x(sil, view.width)[:, 0]), sorted(sil[:, 0]), atol=0.01)


EXPECTED_LANDMARK_REGIONS = {
    "posterior": {
        "psis-right": "sacroiliac-joint-right",
        "psis-left": "sacroiliac-joint-left",
        "sacroiliac-joint-right": "sacroiliac-joint-right",
        "sacroiliac-joint-left": "sacroiliac-joint-left",
        "iliac-crest-summit-right": "iliac-crest-right",
        "iliac-crest-summit-left": "iliac-crest-left",
        "greater-trochanter-right": "greater-trochanter-right",
        "greater-trochanter-left": "greater-trochanter-left",
        "ischial-tuberosity-right": "buttock-right",
        "ischial-tuberosity-left": "buttock-left",
        "l1-spinous-process": "lumbar-spine",
        "l2-spinous-process": "lumbar-spine",
        "l3-spinous-process": "lumbar-spine",
        "l4-spinous-process": "lumbar-spine",
        "l5-spinous-process": "lumbar-spine",
        "coccyx": "coccyx",
    },
    "lateral": {
        "asis-right": "iliac-crest-right",
        "iliac-crest-summit-right": "iliac-crest-right",
        "greater-trochanter-right": "greater-trochanter-right",
        "lateral-femoral-condyle-right": "knee-right",
        "lateral-malleolus-right": "foot-right",
    },
    "lateral-left": {
        "asis-left": "iliac-crest-left",
        "iliac-crest-summit-left": "iliac-crest-left",
        "greater-trochanter-left": "greater-trochanter-left",
        "lateral-femoral-condyle-left": "knee-left",
        "lateral-malleolus-left": "foot-left",
    },
}


@pytest.mark.parametrize("view_id", list(EXPECTED_LANDMARK_REGIONS))
def test_every_landmark_lies_in_its_expected_region(atlas, view_id):
    view = atlas.view(view_id)
    expected = EXPECTED_LANDMARK_REGIONS[view_id]
    assert {lm.key for lm in view.landmarks} == set(expected)
    for landmark in view.landmarks:
        region = view.region_at(landmark.x, landmark.y)
        assert region is not None and region.id == expected[landmark.key], (landmark.key, region and region.id)
        assert landmark.label


def test_landmark_order_follows_the_anatomy(atlas):
    view = atlas.view("posterior")
    mid = view.width / 2

    def lm(key):
        return view.landmark(key)

    lumbar = [lm(f"l{i}-spinous-process").y for i in range(1, 6)]
    assert lumbar == sorted(lumbar) and all(25 <= b - a <= 45 for a, b in itertools.pairwise(lumbar))
    for side in ("left", "right"):
        summit, psis = lm(f"iliac-crest-summit-{side}"), lm(f"psis-{side}")
        ischial, troch = lm(f"ischial-tuberosity-{side}"), lm(f"greater-trochanter-{side}")
        assert abs(summit.y - lm("l4-spinous-process").y) <= 10  # crest summit level with L4
        assert psis.y > summit.y + 40  # PSIS well below the summit (level of S2)
        assert ischial.y > psis.y + 60  # ischial tuberosity below the PSIS
        assert troch.y > psis.y and troch.y < ischial.y  # trochanter between them in height
        for other in (summit, psis, ischial):
            assert abs(troch.x - mid) > abs(other.x - mid)  # trochanter lateral to all
        assert abs(psis.x - mid) < abs(summit.x - mid)
        assert (psis.x - mid) * (1 if side == "right" else -1) > 0  # patient's right on the viewer's right
    assert lm("coccyx").y > lm("l5-spinous-process").y + 100
    lat = atlas.view("lateral")
    assert lat.landmark("asis-right").x > lat.landmark("greater-trochanter-right").x  # anterior is +x
    assert lat.landmark("iliac-crest-summit-right").y < lat.landmark("asis-right").y
    assert abs(lat.landmark("iliac-crest-summit-right").y - view.landmark("iliac-crest-summit-right").y) < 1
    assert abs(lat.landmark("greater-trochanter-right").y - view.landmark("greater-trochanter-right").y) < 1


# Points of CLINICAL.md's authoring frame (X from the midline, Y from the crest line) and the zone they must be in.
CLINICAL_POINTS = [
    ((0.0, -0.35), "lumbar-spine"),
    ((0.35, -0.25), "lumbar"),
    ((0.55, 0.05), "iliac-crest"),
    ((0.70, 0.0), "iliac-crest"),
    ((0.10, 0.40), "sacrum"),
    ((0.22, 0.42), "sacroiliac-joint"),
    ((0.0, 0.75), "coccyx"),
    ((0.60, 0.45), "buttock"),
    ((0.30, 0.85), "buttock"),
    ((0.97, 0.70), "greater-trochanter"),
    ((0.50, 1.20), "upper-thigh"),
    ((0.55, 1.90), "lower-thigh"),
    ((0.50, 2.70), "knee"),
    ((0.45, 3.80), "lower-leg"),
]


@pytest.mark.parametrize(("xy", "zone"), CLINICAL_POINTS)
def test_zones_sit_where_the_anatomy_is(atlas, xy, zone):
    view = atlas.view("posterior")
    for sign in (1, -1):
        x, y = 320 + sign * 165 * xy[0], 725 + 210 * xy[1]
        region = view.region_at(x, y)
        assert region is not None and region.zone == zone, (xy, region and region.id)
        if region.side != "midline":
            assert region.side == ("right" if sign > 0 else "left")


def test_proportions_and_arm_gaps(atlas):
    post, lat = atlas.view("posterior"), atlas.view("lateral")
    for view in (post, lat):
        x0, y0, x1, y1 = geometry.bbox(view.silhouette[0])
        assert y0 == pytest.approx(25, abs=1) and y1 == pytest.approx(1775, abs=1)
        assert x0 > 0 and x1 < view.width
    # posterior: the arms hang free of the body: at elbow and hip level a scanline crosses arm, trunk, arm;
    # at hand level two hands and two thighs
    silhouette, _ = view_masks(post)
    for y, pieces in ((700, 3), (880, 3), (1000, 4), (1080, 4)):
        row = silhouette[y].astype(np.int8)
        assert np.count_nonzero(np.diff(row) == 1) == pieces, y
    # lateral: the arm stays above the hip and in front of the back; flank, hip and thigh are not under it
    arm = lat.region("arm-right").polygon
    assert arm[:, 1].max() < lat.landmark("iliac-crest-summit-right").y - 40
    for zone in ("flank", "hip", "buttock", "greater-trochanter", "upper-thigh"):
        other = lat.region(f"{zone}-right").polygon
        assert geometry.bbox(other)[1] > arm[:, 1].max() - 50 or zone == "flank"


def test_lateral_left_is_the_exact_mirror(atlas):
    right, left = atlas.view("lateral"), atlas.view("lateral-left")
    assert (right.mirror, left.mirror) == ("lateral-left", "lateral")
    assert atlas.view("posterior").mirror == "posterior"
    assert left.edge_labels == ("Front", "Back") and right.edge_labels == ("Back", "Front")
    assert atlas.view("posterior").edge_labels == ("L", "R")
    assert (right.title, left.title, atlas.view("posterior").title) == ("Right side", "Left side", "Back")
    assert len(left.regions) == len(right.regions)
    swap = {"right": "left", "left": "right", "midline": "midline"}
    for r in right.regions:
        m = left.region(r.zone if r.side == "midline" else f"{r.zone}-{swap[r.side]}")
        assert np.allclose(np.sort(m.polygon[:, 0]), np.sort(right.width - r.polygon[:, 0]))
        assert geometry.area(m.polygon) == pytest.approx(geometry.area(r.polygon))
    for lm in right.landmarks:
        other = left.landmark(f"{lm.id}-{swap[lm.side]}")
        assert (other.x, other.y) == pytest.approx((right.width - lm.x, lm.y))
    x0, y0, x1, y1 = right.focus
    assert left.focus == pytest.approx((right.width - x1, y0, right.width - x0, y1))


def test_focus_frames_the_lower_back_and_pelvis(atlas):
    for view_id in ("posterior", "lateral", "lateral-left"):
        view = atlas.view(view_id)
        x0, y0, x1, y1 = view.focus
        for key in ("iliac-crest-summit", "greater-trochanter"):
            for lm in view.landmarks:
                if lm.id == key:
                    assert x0 < lm.x < x1 and y0 < lm.y < y1
        assert y1 - y0 < 0.4 * view.height


def test_outlines_carry_kinds(atlas):
    for view in atlas.views.values():
        kinds = {o.kind for o in view.outlines}
        assert {"silhouette", "bone", "muscle", "crease"} <= kinds, view.id
        for outline in view.outlines:
            assert outline.points.ndim == 2 and outline.points.shape[1] == 2 and np.isfinite(outline.points).all()


def test_region_at_and_unknown_ids(atlas):
    from painmap.errors import UnknownIdError

    view = atlas.view("posterior")
    assert view.region_at(5, 5) is None
    assert view.region_at(435.5, 725).id == "iliac-crest-right"
    with pytest.raises(UnknownIdError):
        view.region("no-such-region")
    with pytest.raises(UnknownIdError):
        atlas.view("anterior")


def test_default_atlas_is_cached(atlas):
    assert load_atlas() is load_atlas()
    assert load_atlas(body="male", chart=1) is atlas


@pytest.mark.parametrize("view_id", ["posterior", "lateral"])
def test_drawn_lines_stay_on_the_body(atlas, view_id):
    """Bones, muscles, creases and details lie inside the silhouette (up to 1 mm: lines that meet the contour)."""
    view = atlas.view(view_id)
    (silhouette,) = view.silhouette
    for outline in view.outlines:
        if outline.kind == "silhouette":
            continue
        pts = outline.points
        outside = ~geometry.contains(silhouette, pts)
        if outside.any():
            assert geometry.distance_to_boundary(silhouette, pts[outside]).max() <= 1.0, outline.id
