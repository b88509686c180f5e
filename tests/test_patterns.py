"""The bundled pattern library, tied to anatomy through the atlas (regions and landmarks), not to coordinates."""

from __future__ import annotations

import math

import numpy as np
import pytest

from painmap import geometry
from painmap.atlas import load_atlas
from painmap.patterns import load_patterns, mirror_pattern, to_json
from painmap.raster import AtlasMasks, polygon_mask

IDS = (
    "gluteus-medius",
    "gluteus-minimus",
    "gluteus-maximus",
    "piriformis",
    "quadratus-lumborum",
    "tensor-fasciae-latae",
    "sacroiliac-joint",
)
ALL_IDS = (*IDS, "iliopsoas")  # iliopsoas was added by following docs/adding-a-pattern.md
BELOW_THIGH = ("lower-thigh", "knee", "lower-leg", "foot")
MIN_MM2 = 25.0  # a zone "touches" an atlas zone when they share at least this area (1 px = 1 mm²)


def overlap_by_region(atlas, zone) -> dict[str, float]:
    """mm² of the zone inside each atlas region of its view (rasterized at 1 px/mm)."""
    masks = AtlasMasks(atlas, 1.0).view(zone.view)
    inside = polygon_mask(masks.grid, zone.polygon)
    counts = np.bincount(masks.labels[inside].astype(np.int64), minlength=len(masks.region_ids) + 1)
    return {masks.region_ids[k - 1]: float(counts[k]) for k in range(1, len(counts)) if counts[k]}


def touched(atlas, zones, min_mm2: float = MIN_MM2) -> dict[str, float]:
    """Atlas zone name -> mm² covered, summed over the zones given (and their views)."""
    out: dict[str, float] = {}
    for zone in zones:
        view = atlas.view(zone.view)
        for region_id, mm2 in overlap_by_region(atlas, zone).items():
            name = view.region(region_id).zone
            out[name] = out.get(name, 0.0) + mm2
    return {k: v for k, v in out.items() if v >= min_mm2}


def touched_regions(atlas, zones, min_mm2: float = MIN_MM2) -> dict[str, float]:
    out: dict[str, float] = {}
    for zone in zones:
        for region_id, mm2 in overlap_by_region(atlas, zone).items():
            key = f"{zone.view}:{region_id}"
            out[key] = out.get(key, 0.0) + mm2
    return {k: v for k, v in out.items() if v >= min_mm2}


def landmark(atlas, key, view="posterior"):
    lm = atlas.view(view).landmark(key)
    return np.array([lm.x, lm.y])


def test_library_has_every_pattern_and_no_problems(library):
    assert not library.problems, [str(p) for p in library.problems]
    for pid in IDS:
        pattern = library.get(pid)
        assert pattern.side == "right"
        assert pattern.sources and all(s.strip() for s in pattern.sources)
        assert pattern.summary and pattern.innervation
        assert any(z.kind == "essential" for z in pattern.zones)


def test_gluteus_medius_has_three_trigger_points_each_with_an_essential_zone(library):
    gmed = library.get("gluteus-medius")
    assert [tp.id for tp in gmed.trigger_points] == ["trp1", "trp2", "trp3"]
    for tp in gmed.trigger_points:
        assert gmed.zones_for(trigger_point=tp.id, kind="essential"), tp.id
    assert gmed.zones_for(trigger_point="trp1", kind="spillover")
    assert gmed.zones_for(trigger_point="trp2", kind="spillover")
    assert set(gmed.views) == {"posterior", "lateral"}


def test_gluteus_medius_covers_crest_sacrum_buttock_and_upper_thigh(atlas, library):
    zones = touched(atlas, library.get("gluteus-medius").zones)
    for name in ("iliac-crest", "sacrum", "buttock", "upper-thigh"):
        assert name in zones, (name, zones)


def test_gluteus_medius_reaches_nothing_below_the_thigh(atlas, library):
    zones = touched(atlas, library.get("gluteus-medius").zones, min_mm2=1.0)
    assert not set(zones) & set(BELOW_THIGH), zones


def test_gluteus_medius_lateral_zones_wrap_round_the_buttock(atlas, library):
    lateral = [z for z in library.get("gluteus-medius").zones if z.view == "lateral"]
    zones = touched(atlas, lateral)
    assert "buttock" in zones and "upper-thigh" in zones, zones


def test_gluteus_medius_trp3_sacral_zone_is_bilateral_and_low_back(atlas, library):
    gmed = library.get("gluteus-medius")
    bilateral = [z for z in gmed.zones_for(trigger_point="trp3") if z.bilateral]
    assert bilateral
    zones = touched(atlas, bilateral)
    assert "sacrum" in zones and "lumbar" in zones, zones
    # only TrP3's zone spreads to both sides
    assert all(not z.bilateral for z in gmed.zones if z.trigger_point != "trp3")


def test_trp1_lies_near_the_psis_and_trp2_below_the_middle_of_the_crest(atlas, library):
    gmed = library.get("gluteus-medius")
    psis = landmark(atlas, "psis-right")
    summit = landmark(atlas, "iliac-crest-summit-right")
    trochanter = landmark(atlas, "greater-trochanter-right")
    tp1, tp2 = (gmed.trigger_point(t) for t in ("trp1", "trp2"))
    assert tp1.view == tp2.view == "posterior"
    assert math.dist((tp1.x, tp1.y), psis) < 50  # within a few finger-breadths
    assert tp1.y < psis[1] and tp1.x > psis[0]  # above and lateral: just below the crest near the SI joint
    # TrP2: lateral to TrP1, between the PSIS and the trochanter, below the level of the crest summit
    assert psis[0] < tp1.x < tp2.x < trochanter[0]
    assert tp2.y > summit[1]
    assert abs(tp2.x - (psis[0] + trochanter[0]) / 2) < 40


def test_gluteus_medius_trp3_is_near_the_asis_on_the_lateral_view(atlas, library):
    tp3 = library.get("gluteus-medius").trigger_point("trp3")
    assert tp3.view == "lateral"
    assert math.dist((tp3.x, tp3.y), landmark(atlas, "asis-right", "lateral")) < 60


def test_gluteus_minimus_reaches_the_lower_leg_on_the_side_and_back(atlas, library):
    gmin = library.get("gluteus-minimus")
    for view in ("lateral", "posterior"):
        zones = touched(atlas, gmin.zones_for(view=view))
        assert "lower-leg" in zones, (view, zones)
    assert "foot" not in touched(atlas, gmin.zones)  # to the ankle, not into the foot


def test_gluteus_minimus_front_trigger_point_lies_between_asis_and_trochanter(atlas, library):
    tp = library.get("gluteus-minimus").trigger_point("trp1")
    assert tp.view == "lateral"
    a, b = landmark(atlas, "asis-right", "lateral"), landmark(atlas, "greater-trochanter-right", "lateral")
    p = np.array([tp.x, tp.y])
    t = float(np.dot(p - a, b - a) / np.dot(b - a, b - a))
    assert 0.2 < t < 0.8  # between the two, not beyond either
    assert np.linalg.norm(p - (a + t * (b - a))) < 15  # and close to the line joining them


def test_sacroiliac_essential_zone_sits_at_the_psis():
    """On the authoring chart (chart 1). Carried onto the male chart 2 the area is 148 mm tall, the pelvis
    there being ~1.35x taller from PSIS to ischial tuberosity (147 vs 109 mm): reported, not yet corrected."""
    atlas = load_atlas(body="male", chart=1)
    si = load_patterns(atlas).get("sacroiliac-joint")
    essential = si.zones_for(kind="essential")
    assert len(essential) == 1 and essential[0].view == "posterior"
    poly = essential[0].polygon
    psis = landmark(atlas, "psis-right")
    inside = bool(geometry.contains(poly, [psis])[0])
    assert inside or geometry.distance_to_boundary(poly, [psis])[0] < 5
    # the Fortin area runs down from the PSIS: about 3 cm wide and 10 cm tall
    x0, y0, x1, y1 = geometry.bbox(poly)
    assert 20 < x1 - x0 < 45 and 80 < y1 - y0 < 125
    assert y0 < psis[1] < y0 + 15


def test_sacroiliac_spillover_weights_follow_slipman(library):
    si = library.get("sacroiliac-joint")
    weights = sorted(z.weight for z in si.zones_for(kind="spillover"))
    assert sorted(set(weights)) == [0.12, 0.14, 0.28, 0.5, 0.72, 0.94]
    # the groin (14 %) is drawn where it shows: edge-on from the side, and on the front view of chart 2
    assert sorted(z.view for z in si.zones_for(kind="spillover") if z.weight == 0.14) == ["anterior", "lateral"]
    assert all(z.weight == 1.0 for z in si.zones_for(kind="essential"))


def test_look_alikes_refer_where_the_literature_says(atlas, library):
    gmax = touched(atlas, library.get("gluteus-maximus").zones)
    assert "buttock" in gmax and "lower-leg" not in gmax
    piri = touched(atlas, library.get("piriformis").zones)
    assert {"buttock", "upper-thigh"} <= set(piri) and "knee" not in piri
    tfl = touched(atlas, library.get("tensor-fasciae-latae").zones)
    assert {"greater-trochanter", "upper-thigh"} <= set(tfl) and "lower-leg" not in tfl
    ql = library.get("quadratus-lumborum")
    assert len(ql.trigger_points) == 4
    assert {"iliac-crest", "greater-trochanter", "buttock"} <= set(touched(atlas, ql.zones))


@pytest.mark.parametrize("pid", ALL_IDS)
def test_stored_shapes_are_on_the_right_side(library, pid):
    pattern = library.get(pid)
    for zone in pattern.zones:
        if zone.view == "posterior":
            assert geometry.centroid(zone.polygon)[0] > 315, zone.id
    for tp in pattern.trigger_points:
        if tp.view == "posterior":
            assert tp.x > 320, tp.id


@pytest.mark.parametrize("pid", ALL_IDS)
def test_mirrored_pattern_lands_in_the_mirrored_regions(atlas, library, pid):
    pattern = library.get(pid)
    mirrored = mirror_pattern(pattern, atlas)
    assert mirrored.side == "left"
    assert {z.view for z in mirrored.zones} <= {"posterior", "lateral-left", "anterior"}

    def swap(key: str) -> str:
        view, region = key.split(":")
        view = atlas.view(view).mirror
        for a, b in (("-right", "-left"), ("-left", "-right")):
            if region.endswith(a):
                return f"{view}:{region[: -len(a)]}{b}"
        return f"{view}:{region}"

    right = touched_regions(atlas, pattern.zones)
    left = touched_regions(atlas, mirrored.zones)
    assert right and left
    assert {swap(k) for k in right} == set(left)
    for key, mm2 in right.items():
        assert left[swap(key)] == pytest.approx(mm2, rel=0.03, abs=10)
    # the stored side is the right: a left region is reached only by zones that cross the midline
    mid = atlas.view("posterior").width / 2
    straddling = [z for z in pattern.zones if z.view == "posterior" and z.polygon[:, 0].min() < mid]
    # (the front view shows the patient's right on the viewer's left: its zones stay below the midline's x)
    one_side = [z for z in pattern.zones if not any(z is s for s in straddling)]
    assert not [k for k in touched_regions(atlas, one_side, min_mm2=1.0) if k.endswith("-left")]
    assert any(k.endswith("-right") for k in right)
    for zone in straddling:
        assert zone.bilateral or abs(geometry.centroid(zone.polygon)[0] - mid) < 10, zone.id


def test_iliopsoas_runs_beside_the_spine_to_the_si_joint_and_to_the_groin(atlas, library):
    psoas = library.get("iliopsoas")
    back = touched(atlas, psoas.zones_for(view="posterior", kind="essential"))
    assert {"lumbar", "sacroiliac-joint"} <= set(back), back
    side = touched(atlas, psoas.zones_for(view="lateral"))
    assert {"groin", "upper-thigh"} <= set(side), side
    assert not set(touched(atlas, psoas.zones, min_mm2=1.0)) & set(BELOW_THIGH)


def test_mirror_twice_is_the_identity(atlas, library):
    gmed = library.get("gluteus-medius")
    back = mirror_pattern(mirror_pattern(gmed, atlas), atlas)
    assert back.side == gmed.side
    for a, b in zip(gmed.zones, back.zones, strict=True):
        assert a.view == b.view
        np.testing.assert_allclose(a.polygon, b.polygon)
    assert [(t.view, t.x, t.y) for t in back.trigger_points] == [(t.view, t.x, t.y) for t in gmed.trigger_points]


def test_to_json_has_the_design_keys_and_mirrors_on_request(atlas, library):
    gmed = library.get("gluteus-medius")
    right = to_json(gmed)
    for key in ("id", "name", "kind", "innervation", "sources", "side", "trigger_points", "zones"):
        assert key in right
    assert right["side"] == "right"
    assert set(right["trigger_points"][0]) >= {"id", "view", "x", "y"}
    assert set(right["zones"][0]) >= {"view", "kind", "trigger_point", "polygon", "bilateral", "weight"}
    left = to_json(gmed, "left", atlas)
    assert left["side"] == "left"
    assert {z["view"] for z in left["zones"]} == {"posterior", "lateral-left"}
    tp_r, tp_l = right["trigger_points"][0], left["trigger_points"][0]
    assert tp_l["x"] == pytest.approx(atlas.view("posterior").width - tp_r["x"])


def test_texts_apply_the_clinical_corrections(library):
    gmed = library.get("gluteus-medius")
    text = " ".join(gmed.perpetuating).lower()
    assert "morton foot structure" in text and "metatarsal" in text
    everything = " ".join(
        " ".join((*p.self_care, *p.examination, p.summary, *p.aggravating, *p.perpetuating)) for p in library
    ).lower()
    assert "karipain" not in everything and "traction" not in " ".join(gmed.self_care).lower()


def test_cli_lists_the_library_and_shows_one_pattern(capsys):
    from painmap.cli import main

    assert main(["patterns"]) == 0
    out = capsys.readouterr().out
    for pid in ALL_IDS:
        assert pid in out
    assert main(["patterns", "sacroiliac-joint"]) == 0
    out = capsys.readouterr().out
    assert "Fortin area" in out and "weight 0.94" in out and "sacroiliac-joint-right" in out
    assert "Slipman" in out


def test_cli_json_has_the_design_shape(capsys):
    import json

    from painmap.cli import main

    assert main(["patterns", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["problems"] == []
    by_id = {p["id"]: p for p in data["patterns"]}
    assert set(ALL_IDS) <= set(by_id)
    gmed = by_id["gluteus-medius"]
    assert gmed["side"] == "right" and gmed["kind"] == "muscle" and gmed["sources"]
    assert any(z["bilateral"] for z in gmed["zones"])
    assert main(["patterns", "piriformis", "--format", "json"]) == 0
    (one,) = json.loads(capsys.readouterr().out)["patterns"]
    assert one["id"] == "piriformis" and len(one["trigger_points"]) == 2


def test_cli_unknown_pattern_is_exit_2_with_one_line(capsys):
    from painmap.cli import main

    assert main(["patterns", "deltoid"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown pattern 'deltoid'" in err and "gluteus-medius" in err
