"""Chart 2 (the anatomical charts of the male and female body): partition, landmarks, anatomy, orientation."""

from __future__ import annotations

import re

import numpy as np
import pytest

from painmap import geometry
from painmap.atlas import load_atlas, to_json
from painmap.errors import UnknownIdError
from painmap.raster import Grid, polygon_mask

BODIES = ("male", "female")
PX_PER_MM = 1.0
BUNDLE_MUSCLES = {
    "gluteus-maximus", "gluteus-medius", "gluteus-minimus", "piriformis", "tensor-fasciae-latae", "iliacus",
    "psoas-major", "quadratus-femoris", "obturator-internus", "obturator-externus", "gemellus-superior",
    "gemellus-inferior", "rectus-femoris", "vastus-lateralis", "vastus-medialis", "vastus-intermedius",
    "biceps-femoris-long-head", "biceps-femoris-short-head", "semitendinosus", "semimembranosus", "sartorius",
    "adductor-longus", "adductor-brevis", "adductor-magnus", "gracilis", "pectineus",
    "quadratus-lumborum",  # drawn by hand (not in the data)
}  # fmt: skip
BONES = {"sacrum", "coccyx", "ilium", "ischium", "pubis", "femur", "patella", "tibia", "fibula", "l1", "l2", "l3"}
BONES |= {"l4", "l5"}
STRUCTURE_ID = re.compile(r"^(bone|muscle)-([a-z0-9-]+)-(left|right|midline)$")


@pytest.fixture(scope="module", params=BODIES)
def chart(request):
    return load_atlas(body=request.param, chart=2)


def mask(polygon, view) -> np.ndarray:
    return polygon_mask(Grid("chart2-test", view.width, view.height, PX_PER_MM), polygon)


def silhouette_mask(view) -> np.ndarray:
    out = np.zeros((int(view.height * PX_PER_MM), int(view.width * PX_PER_MM)), dtype=bool)
    for poly in view.silhouette:
        out |= mask(poly, view)
    return out


def test_default_is_chart_2_and_charts_are_selectable():
    default = load_atlas()
    assert (default.body, default.chart) == ("male", 2) and "anterior" in default.views
    first = load_atlas(body="male", chart=1)  # still shipped: the patterns' authoring chart, old drawings
    assert first.chart == 1 and "anterior" not in first.views
    assert load_atlas(body="female").chart == 2  # the female body has only the anatomical chart
    with pytest.raises(UnknownIdError):
        load_atlas(body="female", chart=1)
    with pytest.raises(UnknownIdError):
        load_atlas(body="child")


@pytest.mark.parametrize("view_id", ["posterior", "lateral", "lateral-left", "anterior"])
def test_regions_tile_the_silhouette(chart, view_id):
    view = chart.view(view_id)
    body = silhouette_mask(view)
    counts = np.zeros(body.shape, dtype=np.int16)
    for region in view.regions:
        assert geometry.is_simple(region.polygon), region.id
        counts += mask(region.polygon, view)
    n = np.count_nonzero(body)
    assert np.count_nonzero(body & (counts == 0)) < 0.005 * n  # gaps
    assert np.count_nonzero(counts > 1) < 0.005 * n  # overlaps
    assert np.count_nonzero(~body & (counts > 0)) < 0.005 * n  # outside the body


def test_every_chart_1_id_is_on_chart_2(chart):
    atlas = load_atlas(body="male", chart=1)
    for view_id in ("posterior", "lateral", "lateral-left"):
        old, new = atlas.view(view_id), chart.view(view_id)
        assert {r.id for r in old.regions} <= {r.id for r in new.regions}, view_id
        assert {lm.key for lm in old.landmarks} <= {lm.key for lm in new.landmarks}, view_id


EXPECTED_REGIONS = {
    "posterior": {
        "psis": "sacroiliac-joint", "sacroiliac-joint": "sacroiliac-joint", "iliac-crest-summit": "iliac-crest",
        "greater-trochanter": "greater-trochanter", "ischial-tuberosity": "buttock", "coccyx": "coccyx",
        **{f"l{i}-spinous-process": "lumbar-spine" for i in range(1, 6)},
    },
    "lateral": {
        "asis": "iliac-crest", "iliac-crest-summit": "iliac-crest", "psis": "iliac-crest",
        "greater-trochanter": "greater-trochanter", "lateral-femoral-condyle": "knee", "patella": "knee",
        "lateral-malleolus": "foot",
    },
    "anterior": {
        "asis": "iliac-crest", "iliac-crest-summit": "iliac-crest", "greater-trochanter": "greater-trochanter",
        "pubic-symphysis": "pubic", "patella": "front-knee", "lateral-malleolus": "foot",
    },
}  # fmt: skip
EXPECTED_REGIONS["lateral-left"] = EXPECTED_REGIONS["lateral"]


@pytest.mark.parametrize("view_id", list(EXPECTED_REGIONS))
def test_landmarks_lie_in_their_regions(chart, view_id):
    view = chart.view(view_id)
    assert {lm.id for lm in view.landmarks} == set(EXPECTED_REGIONS[view_id])
    for lm in view.landmarks:
        region = view.region_at(lm.x, lm.y)
        assert region is not None, lm.key
        assert region.zone == EXPECTED_REGIONS[view_id][lm.id], (lm.key, region.id)
        assert region.side == lm.side, (lm.key, region.id)


def test_landmarks_follow_the_anatomy(chart):
    post, lat, front = chart.view("posterior"), chart.view("lateral"), chart.view("anterior")
    mid = post.width / 2
    k = (post.height - 50) / 1750
    for side, sign in (("right", 1), ("left", -1)):

        def lm(key, view=post, side=side):
            return view.landmark(f"{key}-{side}")

        summit, psis = lm("iliac-crest-summit"), lm("psis")
        it, troch = lm("ischial-tuberosity"), lm("greater-trochanter")
        assert summit.y < psis.y < it.y  # crest summit above the PSIS above the ischial tuberosity
        for other in (summit, psis, it):
            assert sign * (troch.x - mid) > sign * (other.x - mid)  # the trochanter is the most lateral
        assert abs(post.landmark("l4-spinous-process").y - summit.y) < 1.0  # L4 at the crest level
        si = lm("sacroiliac-joint")
        assert abs(si.x - mid) < abs(psis.x - mid) + 5 and si.y > psis.y  # just below the PSIS, not lateral to it
        assert troch.y < it.y  # on Nélaton's line the trochanter lies above the ischial tuberosity
    spines = [post.landmark(f"l{i}-spinous-process").y for i in range(1, 6)]
    assert np.allclose(np.diff(spines), 35 * k, atol=0.05)
    assert post.landmark("coccyx").y > post.landmark("psis-right").y
    # the side view: the front is +x; heights agree with the back view
    assert lat.landmark("asis-right").x > lat.landmark("greater-trochanter-right").x > lat.landmark("psis-right").x
    for key in ("iliac-crest-summit-right", "greater-trochanter-right", "psis-right"):
        assert abs(lat.landmark(key).y - post.landmark(key).y) < 0.01, key
    assert lat.landmark("iliac-crest-summit-right").y < lat.landmark("asis-right").y
    assert front.landmark("pubic-symphysis").y > front.landmark("asis-right").y


def test_left_and_right_are_where_the_viewer_expects(chart):
    for view_id, right_is_high_x in (("posterior", True), ("anterior", False)):
        view = chart.view(view_id)
        assert view.edge_labels == (("L", "R") if right_is_high_x else ("R", "L"))
        for lm in view.landmarks:
            if lm.side != "midline":
                assert (lm.x > view.width / 2) == ((lm.side == "right") == right_is_high_x), (view_id, lm.key)
            else:
                assert lm.x == pytest.approx(view.width / 2)
        for s in view.structures:
            if s.side != "midline":
                cx = geometry.centroid(s.polygon)[0]
                assert (cx > view.width / 2) == ((s.side == "right") == right_is_high_x), (view_id, s.id)
    lat = chart.view("lateral")
    assert lat.edge_labels == ("Back", "Front")
    assert lat.landmark("patella-right").x > lat.landmark("lateral-femoral-condyle-right").x  # anterior is +x
    assert chart.view("lateral-left").landmark("patella-left").x < chart.view("lateral-left").width / 2


def test_structures_are_named_and_inside_the_skin(chart):
    for view in chart.views.values():
        body = silhouette_mask(view)
        seen = set()
        for s in view.structures:
            m = STRUCTURE_ID.match(s.id)
            assert m and m.group(1) == s.kind and m.group(3) == s.side, s.id
            assert m.group(2) in (BUNDLE_MUSCLES if s.kind == "muscle" else BONES), s.id
            assert s.label and geometry.area(s.polygon) > 0
            inside = mask(s.polygon, view)
            assert np.count_nonzero(inside & ~body) <= 0.005 * max(1, np.count_nonzero(inside)) + 2, s.id
            seen.add(m.group(2))
        kinds = {s.kind for s in view.structures}
        assert kinds == {"bone", "muscle"}, view.id
    posterior = {s.id for s in chart.view("posterior").structures}
    assert {"muscle-gluteus-medius-right", "muscle-piriformis-left", "bone-sacrum-midline"} <= posterior
    front = {s.id for s in chart.view("anterior").structures}
    assert {"muscle-iliacus-right", "muscle-tensor-fasciae-latae-left", "bone-pubis-right"} <= front


def _area(view, sid):
    parts = [s for s in view.structures if s.id == sid]
    return sum(geometry.area(s.polygon) - sum(geometry.area(h) for h in s.holes) for s in parts)


@pytest.mark.parametrize("view_id", ["posterior", "anterior"])
def test_paired_structures_mirror(chart, view_id):
    view = chart.view(view_id)
    for sid in {s.id for s in view.structures if s.side == "right"}:
        twin = sid[: -len("right")] + "left"
        a, b = _area(view, sid), _area(view, twin)
        assert abs(a - b) <= 0.02 * max(a, b), (sid, a, b)
        right = [s for s in view.structures if s.id == sid]
        left = [s for s in view.structures if s.id == twin]
        cr = np.mean([geometry.centroid(s.polygon) for s in right], axis=0)
        cl = np.mean([geometry.centroid(geometry.mirror_x(s.polygon, view.width)) for s in left], axis=0)
        assert np.allclose(cr, cl, atol=1.0), sid
    (sil,) = view.silhouette
    assert geometry.area(geometry.mirror_x(sil, view.width)) == pytest.approx(geometry.area(sil), rel=1e-6)


def test_lateral_left_structures_are_the_mirror(chart):
    right, left = chart.view("lateral"), chart.view("lateral-left")
    assert len(right.structures) == len(left.structures)
    for a, b in zip(right.structures, left.structures, strict=True):
        assert b.id == a.id.replace("-right", "-left") and b.side == ("left" if a.side == "right" else a.side)
        assert np.allclose(geometry.mirror_x(a.polygon, right.width), b.polygon)


def test_json_lists_structures_and_the_front_view(chart):
    data = to_json(chart)
    assert data["chart"] == 2 and data["body"] in BODIES
    views = {v["id"]: v for v in data["views"]}
    assert set(views) == {"posterior", "lateral", "lateral-left", "anterior"}
    entry = views["anterior"]["structures"][0]
    assert {"id", "kind", "side", "polygon"} <= set(entry)
    assert views["anterior"]["edge_labels"] == ["R", "L"]


def test_frames_are_the_bodys_own_extent(chart):
    post = chart.view("posterior")
    assert post.width > 640  # the arms stand away from the trunk
    x0, y0, x1, y1 = geometry.bbox(np.vstack(post.silhouette))
    assert x0 > 0 and x1 < post.width and y0 == pytest.approx(25, abs=0.6)
    assert y1 == pytest.approx(post.height - 25, abs=0.6)  # the floor
    assert chart.view("anterior").width == post.width
    for view in chart.views.values():
        fx0, fy0, fx1, fy1 = view.focus
        assert 0 <= fx0 < fx1 <= view.width and 0 <= fy0 < fy1 <= view.height, view.id


def test_cli_prints_a_chosen_body_and_refuses_a_missing_chart():
    import json
    import subprocess
    import sys

    def run(*args):
        return subprocess.run([sys.executable, "-m", "painmap", "atlas", *args], capture_output=True, text=True)

    done = run("--body", "female", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["body"], data["chart"]) == ("female", 2)
    assert any(s["id"] == "muscle-piriformis-right" for v in data["views"] for s in v["structures"])
    text = run("--body", "male", "--chart", "2")
    assert text.returncode == 0 and "anterior: Front" in text.stdout and "structures (" in text.stdout
    bad = run("--body", "female", "--chart", "1")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr


def _even_odd(view, rings) -> np.ndarray:
    """The pixels inside an odd number of `rings` (a structure's parts and holes, even-odd as the SVG fills)."""
    out = np.zeros((int(view.height * PX_PER_MM), int(view.width * PX_PER_MM)), dtype=bool)
    for ring in rings:
        out ^= mask(ring, view)
    return out


def _whole_art(body: str, view) -> dict[str, list[np.ndarray]]:
    """The closed subpaths of each path of the SVG's `bones-alone` layer, by bone id."""
    import xml.etree.ElementTree as ET

    from painmap.resources import resource_path
    from painmap.svgpath import iter_shapes

    root = ET.parse(resource_path("atlas", "charts", f"{body}-2", f"{view.id}.svg")).getroot()
    (layer,) = [g for g in root if g.get("id") == "layer-bones-alone"]
    return {s.element.get("id").removeprefix("whole-"): [p.points for p in s.subpaths] for s in iter_shapes(layer)}


@pytest.mark.parametrize("view_id", ["posterior", "lateral", "anterior"])
def test_bones_alone_are_whole_and_hold_the_bones_drawn_over_the_muscles(chart, view_id):
    """With the muscles hidden each bone is drawn whole (`bones-alone`), not in the pieces no muscle covers."""
    view = chart.view(view_id)
    whole = _whole_art(chart.body, view)
    drawn = {o.id for o in view.outlines if o.kind == "bone"}
    assert drawn <= set(whole)  # every bone of the `bones` layer, and those the muscles hide entirely
    alone_ids = {s.id for s in view.bones_alone}
    assert {s.kind for s in view.bones_alone} == {"bone"} and alone_ids <= set(whole)
    assert {s.id for s in view.structures if s.kind == "bone"} <= alone_ids
    for bid in ("bone-femur-right", "bone-ilium-right", "bone-sacrum-midline"):
        art = _even_odd(view, whole[bid])
        over_muscles = _even_odd(view, [o.points for o in view.outlines if o.kind == "bone" and o.id == bid])
        assert np.count_nonzero(over_muscles & ~art) <= 0.01 * np.count_nonzero(over_muscles) + 5, bid
        shown = _even_odd(view, [r for s in view.bones_alone if s.id == bid for r in (s.polygon, *s.holes)])
        assert np.count_nonzero(shown & ~art) <= 0.01 * np.count_nonzero(shown) + 5, bid
    femur = np.count_nonzero(_even_odd(view, whole["bone-femur-right"]))
    assert femur > 1.2 * _area(view, "bone-femur-right")  # muscles hide much of the femur with every layer on
    every = _even_odd(view, [])
    for rings in whole.values():
        every |= _even_odd(view, rings)
    listed = _even_odd(view, [])
    for s in view.bones_alone:
        listed |= _even_odd(view, [s.polygon, *s.holes])
    assert np.count_nonzero(every ^ listed) <= 0.01 * np.count_nonzero(every)  # the data layer is the art


def test_lateral_left_bones_alone_are_the_mirror(chart):
    right, left = chart.view("lateral"), chart.view("lateral-left")
    assert len(right.bones_alone) == len(left.bones_alone) > 0
    for a, b in zip(right.bones_alone, left.bones_alone, strict=True):
        assert b.id == a.id.replace("-right", "-left")
        assert np.allclose(geometry.mirror_x(a.polygon, right.width), b.polygon)
