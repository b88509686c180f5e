"""Fit the CHOIR body map's outlines onto painmap's charts, once, and store the mapped regions.

    .venv/bin/python tools/choir_fit.py            # writes resources/choir/choir-map.json

For each chart and CHOIR map (`FITS`: both CHOIR maps onto the male chart 1, which has no anterior view; the
male map onto the male chart 2 and the female map onto the female chart 2) each CHOIR view's regions (pixels
of the CHOIR image: back keys b01…b38, front keys f01…f36) are mapped onto the chart's matching view (mm:
posterior, anterior) by an axis-aligned affine fit per view: x' = ax·x + bx, y' = ay·y + by, least squares
over landmark pairs = the centroids of corresponding regions (head, trunk, buttocks or abdomen, thigh, knee,
lower leg, foot on each side). No rotation or shear: both charts stand upright and face the same way (on the
front views the patient's right is on the viewer's left in both). Front keys on a chart without an anterior
view are listed as unmapped. For every mapped region the file records its mapping error: the share of its
mapped area (inside the silhouette) that falls outside its painmap counterpart regions, and the share of the
mapped polygon outside the body silhouette. Method and figures: docs/choir.md.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from painmap import geometry  # noqa: E402
from painmap.atlas import load_atlas  # noqa: E402
from painmap.atomic import write_text  # noqa: E402
from painmap.raster import AtlasMasks, polygon_mask  # noqa: E402

CHOIR = ROOT / "resources" / "choir"
FITS = {("male", 1): ("male", "female"), ("male", 2): ("male",), ("female", 2): ("female",)}  # chart: CHOIR maps
# CHOIR back key -> painmap posterior regions it corresponds to (its "counterpart"); L = patient's left.
COUNTERPARTS: dict[str, list[str]] = {}
for keys in (("b01", "b03", "b05"), ("b02", "b04", "b06")):
    for k in keys:
        COUNTERPARTS[k] = ["head-neck"]
_SIDED = {
    "left": {
        "b07": ["thoracic", "arm"], "b08": ["thoracic"], "b11": ["arm"], "b12": ["thoracic", "lumbar"],
        "b15": ["arm"], "b17": ["arm"], "b18": ["lumbar", "iliac-crest", "lumbar-spine"], "b21": ["arm"],
        "b22": ["greater-trochanter", "buttock", "iliac-crest"],
        "b23": ["buttock", "sacroiliac-joint", "sacrum", "coccyx"], "b27": ["arm"],
        "b28": ["upper-thigh", "lower-thigh"], "b31": ["knee"], "b33": ["lower-leg"],
        "b35": ["lower-leg", "foot"], "b37": ["foot"],
    },
    "right": {
        "b10": ["thoracic", "arm"], "b09": ["thoracic"], "b14": ["arm"], "b13": ["thoracic", "lumbar"],
        "b16": ["arm"], "b20": ["arm"], "b19": ["lumbar", "iliac-crest", "lumbar-spine"], "b26": ["arm"],
        "b25": ["greater-trochanter", "buttock", "iliac-crest"],
        "b24": ["buttock", "sacroiliac-joint", "sacrum", "coccyx"], "b30": ["arm"],
        "b29": ["upper-thigh", "lower-thigh"], "b32": ["knee"], "b34": ["lower-leg"],
        "b36": ["lower-leg", "foot"], "b38": ["foot"],
    },
}  # fmt: skip
MIDLINE = ("lumbar-spine", "sacrum", "coccyx", "head-neck")
for side, table in _SIDED.items():
    for key, zones in table.items():
        COUNTERPARTS[key] = [z if z in MIDLINE else f"{z}-{side}" for z in zones]
# Landmark pairs: (CHOIR keys whose union's centroid, painmap regions whose union's centroid)
BACK_LANDMARKS = [
    (("b01", "b02", "b03", "b04", "b05", "b06"), ("head-neck",)),
    (("b08", "b12"), ("thoracic-left",)),
    (("b09", "b13"), ("thoracic-right",)),
    (("b18",), ("lumbar-left",)),
    (("b19",), ("lumbar-right",)),
    (("b23",), ("buttock-left",)),
    (("b24",), ("buttock-right",)),
    (("b28",), ("upper-thigh-left", "lower-thigh-left")),
    (("b29",), ("upper-thigh-right", "lower-thigh-right")),
    (("b31",), ("knee-left",)),
    (("b32",), ("knee-right",)),
    (("b33",), ("lower-leg-left",)),
    (("b34",), ("lower-leg-right",)),
    (("b37",), ("foot-left",)),
    (("b38",), ("foot-right",)),
]


# CHOIR front key -> painmap anterior regions (patient's sides; on both front views the right is on the viewer's left)
FRONT_COUNTERPARTS: dict[str, list[str]] = {k: ["head-neck"] for k in ("f01", "f02", "f03", "f04", "f05", "f06")}
_FRONT_SIDED = {
    "right": {
        "f07": ["chest", "arm"], "f08": ["chest"], "f11": ["arm"], "f13": ["arm"], "f15": ["arm"], "f19": ["arm"],
        "f25": ["arm"], "f16": ["abdomen"], "f20": ["hip", "iliac-crest", "greater-trochanter", "groin"],
        "f21": ["pubic", "groin"], "f26": ["front-thigh", "groin"], "f29": ["front-knee"], "f31": ["shin"],
        "f33": ["shin", "foot"], "f35": ["foot"],
    },
    "left": {
        "f10": ["chest", "arm"], "f09": ["chest"], "f12": ["arm"], "f14": ["arm"], "f18": ["arm"], "f24": ["arm"],
        "f28": ["arm"], "f17": ["abdomen"], "f23": ["hip", "iliac-crest", "greater-trochanter", "groin"],
        "f22": ["pubic", "groin"], "f27": ["front-thigh", "groin"], "f30": ["front-knee"], "f32": ["shin"],
        "f34": ["shin", "foot"], "f36": ["foot"],
    },
}  # fmt: skip
for side, table in _FRONT_SIDED.items():
    for key, zones in table.items():
        FRONT_COUNTERPARTS[key] = [z if z in ("pubic", "head-neck") else f"{z}-{side}" for z in zones]
FRONT_LANDMARKS = [
    (("f01", "f02", "f03", "f04", "f05", "f06"), ("head-neck",)),
    (("f08",), ("chest-right",)),
    (("f09",), ("chest-left",)),
    (("f16",), ("abdomen-right",)),
    (("f17",), ("abdomen-left",)),
    (("f26",), ("front-thigh-right",)),
    (("f27",), ("front-thigh-left",)),
    (("f29",), ("front-knee-right",)),
    (("f30",), ("front-knee-left",)),
    (("f31",), ("shin-right",)),
    (("f32",), ("shin-left",)),
    (("f35",), ("foot-right",)),
    (("f36",), ("foot-left",)),
]
# CHOIR view (key prefix) -> painmap view, counterparts, landmark pairs
VIEWS = {"b": ("posterior", COUNTERPARTS, BACK_LANDMARKS), "f": ("anterior", FRONT_COUNTERPARTS, FRONT_LANDMARKS)}


def read_areas(path: Path) -> dict[str, tuple[str, np.ndarray]]:
    """key -> (title, polygon in image pixels) of an image-map HTML file."""
    text = path.read_text(encoding="utf-8")
    out = {}
    for key, title, coords in re.findall(r'data-key="(\w+)"\s+title="([^"]*)"[^>]*coords="([^"]*)"', text):
        pts = np.array([float(v) for v in coords.split(",")]).reshape(-1, 2)
        out[key] = (title, geometry.as_polygon(pts))
    return out


def polygon_centroid(polys: list[np.ndarray]) -> np.ndarray:
    """Area-weighted centroid of polygons (each one's orientation does not matter)."""
    total, acc = 0.0, np.zeros(2)
    for p in polys:
        x, y = p[:, 0], p[:, 1]
        x1, y1 = np.roll(x, -1), np.roll(y, -1)
        cross = x * y1 - x1 * y
        a = cross.sum() / 2
        if abs(a) < 1e-9:
            continue
        c = np.array([((x + x1) * cross).sum(), ((y + y1) * cross).sum()]) / (6 * a)
        acc += abs(a) * c
        total += abs(a)
    return acc / total


def mask_centroid(mask: np.ndarray, px_per_mm: float) -> np.ndarray:
    rows, cols = np.nonzero(mask)
    return np.array([(cols.mean() + 0.5) / px_per_mm, (rows.mean() + 0.5) / px_per_mm])


def fit(areas, masks, view: str, landmarks) -> tuple[np.ndarray, float]:
    """(ax, bx, ay, by) of the axis-aligned affine onto `view`, and the RMS landmark residual in mm."""
    src, dst = [], []
    for keys, regions in landmarks:
        src.append(polygon_centroid([areas[k][1] for k in keys]))
        union = np.zeros(masks.grid(view).shape, dtype=bool)
        for r in regions:
            union |= masks.region_mask(view, r)
        dst.append(mask_centroid(union, masks.grid(view).sx))
    src, dst = np.array(src), np.array(dst)
    params = []
    for axis in (0, 1):
        a, b = np.polyfit(src[:, axis], dst[:, axis], 1)
        params += [a, b]
    p = np.array(params)
    mapped = np.c_[src[:, 0] * p[0] + p[1], src[:, 1] * p[2] + p[3]]
    return p, float(np.sqrt(((mapped - dst) ** 2).sum(axis=1).mean()))


def map_one(body: str, atlas, masks) -> dict:
    """The CHOIR map of `body` fitted onto `atlas`'s chart: each CHOIR view onto the chart's matching view."""
    areas = read_areas(CHOIR / f"choirbodymap_{body}.html")
    chart = f"{getattr(atlas, 'body', 'male')} chart {getattr(atlas, 'chart', 1)}"
    fits, regions, unmapped = {}, {}, {}
    for prefix, (view, counterparts, landmarks) in VIEWS.items():
        keys = sorted(k for k in areas if k.startswith(prefix))
        if view not in atlas.views:
            for key in keys:
                unmapped[key] = {"title": areas[key][0], "reason": f"front key: the {chart} has no {view} view"}
            continue
        params, rms = fit(areas, masks, view, landmarks)
        fits[view] = {
            "x": [round(float(params[0]), 6), round(float(params[1]), 3)],
            "y": [round(float(params[2]), 6), round(float(params[3]), 3)],
            "rms_landmark_error_mm": round(rms, 2),
            "landmarks": len(landmarks),
        }
        grid = masks.grid(view)
        silhouette = masks.silhouette(view)
        for key in keys:
            title, poly = areas[key]
            mm = np.c_[poly[:, 0] * params[0] + params[1], poly[:, 1] * params[2] + params[3]]
            raw = polygon_mask(grid, mm)
            inside = raw & silhouette
            counterpart = np.zeros(grid.shape, dtype=bool)
            for r in counterparts[key]:
                counterpart |= masks.region_mask(view, r)
            area = max(1, int(np.count_nonzero(inside)))
            regions[key] = {
                "title": title,
                "view": view,
                "polygon": np.round(mm, 1).tolist(),
                "counterpart": counterparts[key],
                "area_mm2": round(area / (grid.sx * grid.sy), 1),
                "outside_counterpart": round(np.count_nonzero(inside & ~counterpart) / area, 4),
                "outside_silhouette": round(1 - np.count_nonzero(inside) / max(1, np.count_nonzero(raw)), 4),
            }
    return {"fit": fits, "regions": regions, "unmapped": unmapped}


def main() -> int:
    fits = {}
    for (chart_body, chart), bodies in FITS.items():
        atlas = load_atlas(body=chart_body, chart=chart)
        masks = AtlasMasks(atlas, 1.0)
        fits[f"{chart_body}-{chart}"] = {body: map_one(body, atlas, masks) for body in bodies}
    doc = {
        "format": "painmap-choir-map",
        "version": 2,
        "source": "ctsit/imagemap e9262dcf3f17bda996945d6ec65630c1a33a5f17, maps/choirbodymap_{male,female}.html",
        "charts": "fits: '<body>-<chart>' -> CHOIR map (male, female) -> fit per view, regions, unmapped; 1 px/mm",
        "note": "Both CHOIR maps on the male chart 1 (back only); on chart 2 each map on its own body. "
        "Made by tools/choir_fit.py.",
        "fits": fits,
    }
    out = CHOIR / "choir-map.json"
    write_text(out, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    for chart, maps in fits.items():
        for body, m in maps.items():
            for view in m["fit"]:
                errs = [r["outside_counterpart"] for r in m["regions"].values() if r["view"] == view]
                print(f"{chart} {body} {view}: fit {m['fit'][view]}, outside counterpart median "
                      f"{np.median(errs):.1%}, max {max(errs):.1%}")  # fmt: skip
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
