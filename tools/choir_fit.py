"""Fit the CHOIR body map's back outline onto painmap's posterior view, once, and store the mapped regions.

    .venv/bin/python tools/choir_fit.py            # writes resources/choir/choir-map.json

For each CHOIR map (male, female) the back view's regions (b01…b38, pixels of the CHOIR image) are mapped
onto painmap's posterior view (mm) by an axis-aligned affine fit: x' = ax·x + bx, y' = ay·y + by, least
squares over landmark pairs = the centroids of corresponding regions (buttocks, lower back, upper back, thigh,
knee, lower leg, foot on each side, and the head). No rotation or shear: both charts stand upright and face
the same way. The chart has one body (male): both maps go onto it. CHOIR's front keys (f01…f36) need an
anterior view, which this chart does not have yet: they are listed as unmapped. For every mapped region the
file records its mapping error: the share of its mapped area (inside the silhouette) that falls outside its
painmap counterpart regions, and the share of the mapped polygon outside the body silhouette. Method and
figures: docs/choir.md.
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
VIEW = "posterior"
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
LANDMARKS = [
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


def fit(areas, masks) -> tuple[np.ndarray, float]:
    """(ax, bx, ay, by) of the axis-aligned affine, and the RMS landmark residual in mm."""
    src, dst = [], []
    for keys, regions in LANDMARKS:
        src.append(polygon_centroid([areas[k][1] for k in keys]))
        union = np.zeros(masks.grid(VIEW).shape, dtype=bool)
        for r in regions:
            union |= masks.region_mask(VIEW, r)
        dst.append(mask_centroid(union, masks.grid(VIEW).sx))
    src, dst = np.array(src), np.array(dst)
    params = []
    for axis in (0, 1):
        a, b = np.polyfit(src[:, axis], dst[:, axis], 1)
        params += [a, b]
    p = np.array(params)
    mapped = np.c_[src[:, 0] * p[0] + p[1], src[:, 1] * p[2] + p[3]]
    return p, float(np.sqrt(((mapped - dst) ** 2).sum(axis=1).mean()))


def map_one(body: str, atlas, masks) -> dict:
    areas = read_areas(CHOIR / f"choirbodymap_{body}.html")
    params, rms = fit(areas, masks)
    grid = masks.grid(VIEW)
    silhouette = masks.silhouette(VIEW)
    regions, unmapped = {}, {}
    for key, (title, poly) in sorted(areas.items()):
        if not key.startswith("b"):
            unmapped[key] = title
            continue
        mm = np.c_[poly[:, 0] * params[0] + params[1], poly[:, 1] * params[2] + params[3]]
        raw = polygon_mask(grid, mm)
        inside = raw & silhouette
        counterpart = np.zeros(grid.shape, dtype=bool)
        for r in COUNTERPARTS[key]:
            counterpart |= masks.region_mask(VIEW, r)
        area = max(1, int(np.count_nonzero(inside)))
        regions[key] = {
            "title": title,
            "view": VIEW,
            "polygon": np.round(mm, 1).tolist(),
            "counterpart": COUNTERPARTS[key],
            "area_mm2": round(area / (grid.sx * grid.sy), 1),
            "outside_counterpart": round(np.count_nonzero(inside & ~counterpart) / area, 4),
            "outside_silhouette": round(1 - np.count_nonzero(inside) / max(1, np.count_nonzero(raw)), 4),
        }
    return {
        "fit": {
            "x": [round(float(params[0]), 6), round(float(params[1]), 3)],
            "y": [round(float(params[2]), 6), round(float(params[3]), 3)],
            "rms_landmark_error_mm": round(rms, 2),
            "landmarks": len(LANDMARKS),
        },
        "regions": regions,
        "unmapped": {
            k: {"title": t, "reason": "front key: this chart has no anterior view"} for k, t in unmapped.items()
        },
    }


def main() -> int:
    atlas = load_atlas()
    masks = AtlasMasks(atlas, 1.0)
    doc = {
        "format": "painmap-choir-map",
        "version": 1,
        "source": "ctsit/imagemap e9262dcf3f17bda996945d6ec65630c1a33a5f17, maps/choirbodymap_{male,female}.html",
        "chart": "male posterior view, 1 px/mm masks",
        "note": "Both CHOIR maps are fitted onto painmap's one (male) chart. Made by tools/choir_fit.py.",
        "maps": {body: map_one(body, atlas, masks) for body in ("male", "female")},
    }
    out = CHOIR / "choir-map.json"
    write_text(out, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    for body, m in doc["maps"].items():
        errs = [r["outside_counterpart"] for r in m["regions"].values()]
        print(f"{body}: fit {m['fit']}, outside counterpart median {np.median(errs):.1%}, max {max(errs):.1%}")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
