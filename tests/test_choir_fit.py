"""The chart-2 CHOIR fits do not regress: outlines meet, regions land on their counterparts, sides and names agree."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from painmap.choir import MIN_AREA_MM2, ChoirMasks, export_choir, load_choir
from painmap.drawing import Drawing, Fill

ROOT = Path(__file__).resolve().parents[1]
CHART2 = [("male", "posterior"), ("male", "anterior"), ("female", "posterior"), ("female", "anterior")]
# measured with tools/choir_fit.py (docs/choir.md): mean share of a CHOIR polygon inside its painmap counterpart
# 0.95 / 0.81 (male back / front), 0.95 / 0.86 (female); the affine fit it replaced gave 0.32 / 0.31, 0.58 / 0.53
MIN_MEAN_IN_COUNTERPART = {"posterior": 0.90, "anterior": 0.75}


def _stored(body: str) -> dict:
    doc = json.loads((ROOT / "resources" / "choir" / "choir-map.json").read_text(encoding="utf-8"))
    return doc["fits"][f"{body}-2"][body]


@pytest.mark.parametrize(("body", "view"), CHART2)
def test_chart_2_outlines_meet_and_regions_land_on_their_counterparts(body, view):
    data = _stored(body)
    fit = data["fit"][view]
    assert fit["rms_outline_distance_mm"] < 3.0  # 1.1-1.3 mm measured; the affine fit gave 35-98 mm
    regions = [r for r in data["regions"].values() if r["view"] == view]
    inside = [(1 - r["outside_silhouette"]) * (1 - r["outside_counterpart"]) for r in regions]
    assert np.mean(inside) >= MIN_MEAN_IN_COUNTERPART[view]
    assert max(r["outside_silhouette"] for r in regions) < 0.1  # no region falls off the body any more


@pytest.mark.parametrize("body", ["male", "female"])
def test_every_chart_2_key_can_be_imported(body):
    from painmap.atlas import load_atlas

    masks = ChoirMasks(load_atlas(body=body, chart=2), body)
    assert set(masks.crops) == set(load_choir(body, (body, 2)).regions)  # none under MIN_AREA_MM2 (hands too)
    assert MIN_AREA_MM2 > 0 and len(masks.crops) == 74


SPOTS = [  # painmap region filled -> the CHOIR key of the same name and side, and its mirror key must not come
    ("posterior", "buttock-right", "b24", "b23"),
    ("posterior", "buttock-left", "b23", "b24"),
    ("posterior", "upper-thigh-right", "b29", "b28"),
    ("posterior", "knee-right", "b32", "b31"),
    ("posterior", "lower-leg-left", "b33", "b34"),
    ("posterior", "lumbar-right", "b19", "b18"),
    ("anterior", "front-thigh-right", "f26", "f27"),
    ("anterior", "front-knee-right", "f29", "f30"),
    ("anterior", "front-knee-left", "f30", "f29"),
    ("anterior", "shin-right", "f31", "f32"),
    ("anterior", "abdomen-right", "f16", "f17"),
]


@pytest.mark.parametrize("body", ["male", "female"])
def test_anatomical_spot_checks_on_both_bodies(body):
    from painmap.atlas import load_atlas

    atlas = load_atlas(body=body, chart=2)
    choir = load_choir(body, (body, 2))
    for view, region, key, mirror in SPOTS:
        keys = export_choir(Drawing(marks=[Fill(view, region, 5, "aching")], body=body, chart=2), atlas=atlas)
        assert key in keys and mirror not in keys, (region, keys)
        side = "right" if region.endswith("right") else "left"
        assert side in choir.regions[key].title, (key, choir.regions[key].title)
