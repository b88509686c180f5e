"""Fit the CHOIR body map's outlines onto painmap's charts, once, and store the mapped regions.

    .venv/bin/python tools/choir_fit.py            # writes resources/choir/choir-map.json
    .venv/bin/python tools/choir_fit.py --table    # the chart-2 mapping-error table of docs/choir.md

For each chart and CHOIR map (`FITS`: both CHOIR maps onto the male chart 1, which has no anterior view; the
male map onto the male chart 2 and the female map onto the female chart 2) each CHOIR view's regions (pixels
of the CHOIR image: back keys b01…b38, front keys f01…f36) are mapped onto the chart's matching view (mm:
posterior, anterior), by the chart's `METHODS` entry:

- chart 1, "affine": an axis-aligned affine per view, x' = ax·x + bx, y' = ay·y + by, least squares over
  landmark pairs = the centroids of corresponding regions (head, trunk, buttocks, thigh, knee, lower leg, foot).
- chart 2, "warp": a piecewise thin-plate spline per view through matched outline points (tools/choir_warp.py,
  tools/choir_outline.py), plus interior pairs: the centroids of the lower back, buttocks and abdomen
  (`INTERIOR`) and the lower edges of the buttocks and pubic regions (`FOLDS`). Polygons are cut into 1 px
  edges before the warp and simplified to 0.3 mm after it.

No mirroring: both charts stand upright and face the same way (on the front views the patient's right is on the
viewer's left in both). Front keys on a chart without an anterior view are listed as unmapped. For every mapped
region the file records its mapping error: the share of its mapped area (inside the silhouette) that falls
outside its painmap counterpart regions, and the share of the mapped polygon outside the body silhouette; each
view's fit records the RMS outline distance and the RMS of the region-centroid landmarks. docs/choir.md.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import choir_warp  # noqa: E402

from painmap import geometry  # noqa: E402
from painmap.atlas import load_atlas  # noqa: E402
from painmap.atomic import write_text  # noqa: E402
from painmap.raster import AtlasMasks, polygon_mask  # noqa: E402

CHOIR = ROOT / "resources" / "choir"
SIMPLIFY_MM = 0.3  # a warped polygon keeps the vertices needed to stay within this of the warped edges
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
    src, dst = landmark_pairs(areas, masks, view, landmarks)
    params = []
    for axis in (0, 1):
        a, b = np.polyfit(src[:, axis], dst[:, axis], 1)
        params += [a, b]
    p = np.array(params)
    mapped = np.c_[src[:, 0] * p[0] + p[1], src[:, 1] * p[2] + p[3]]
    return p, float(np.sqrt(((mapped - dst) ** 2).sum(axis=1).mean()))


# chart -> how its fits are made: "affine" (axis-aligned, over region centroids) or "warp" (outline TPS)
METHODS = {("male", 1): "affine", ("male", 2): "warp", ("female", 2): "warp"}
# (knee keys, foot keys) of each CHOIR view and painmap view, viewer's left first
HEIGHT_KEYS = {
    "b": (("b31", "b32"), ("b37", "b38")),
    "f": (("f29", "f30"), ("f35", "f36")),
    "posterior": (("knee-left", "knee-right"), ("foot-left", "foot-right")),
    "anterior": (("front-knee-right", "front-knee-left"), ("foot-right", "foot-left")),
}


def choir_heights(areas, prefix: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """(knee centroid y, top of the foot y), each (viewer's left, viewer's right), on a CHOIR view (px)."""
    knees, feet = HEIGHT_KEYS[prefix]
    knee = tuple(float(polygon_centroid([areas[k][1]])[1]) for k in knees)
    foot = tuple(float(areas[k][1][:, 1].min()) for k in feet)
    return knee, foot


def chart_heights(masks, view: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The same heights on painmap's view (mm): knee region centroid, top of the foot region."""
    knees, feet = HEIGHT_KEYS[view]
    sy = masks.grid(view).sy
    knee = tuple(float(mask_centroid(masks.region_mask(view, r), sy)[1]) for r in knees)
    foot = tuple(float(np.nonzero(masks.region_mask(view, r))[0].min() / sy) for r in feet)
    return knee, foot


# CHOIR regions whose centroid is also a control point of the body warp (paired as in the landmark lists):
# the outlines alone place CHOIR's lower back, buttocks and abdomen 50-200 mm below painmap's (docs/choir.md)
INTERIOR = ("b18", "b19", "b23", "b24", "f16", "f17")


def landmark_pairs(areas, masks, view: str, landmarks) -> tuple[np.ndarray, np.ndarray]:
    """(CHOIR region centroids px, painmap region centroids mm) of landmark pairs."""
    src, dst = [], []
    for keys, regions in landmarks:
        src.append(polygon_centroid([areas[k][1] for k in keys]))
        union = np.zeros(masks.grid(view).shape, dtype=bool)
        for r in regions:
            union |= masks.region_mask(view, r)
        dst.append(mask_centroid(union, masks.grid(view).sx))
    return np.array(src), np.array(dst)


# CHOIR regions whose lowest point is paired with the lowest point of their painmap partner (the gluteal fold)
FOLDS = {
    "b23": ("buttock-left",), "b24": ("buttock-right",),
    "f21": ("pubic", "groin-right"), "f22": ("pubic", "groin-left"),
}  # fmt: skip


FOLD_AT = (0.3, 0.5, 0.7)  # across the region's width


def _lowest_at(poly: np.ndarray, x: float) -> float:
    """The largest y at which the closed polygon's edges cross the vertical line at x."""
    a, b = poly, np.roll(poly, -1, axis=0)
    hit = (a[:, 0] - x) * (b[:, 0] - x) <= 0
    a, b = a[hit], b[hit]
    dx = np.where(b[:, 0] == a[:, 0], 1e-9, b[:, 0] - a[:, 0])
    return float((a[:, 1] + (x - a[:, 0]) * (b[:, 1] - a[:, 1]) / dx).max())


def fold_pairs(areas, masks, view: str, keys) -> tuple[np.ndarray, np.ndarray]:
    """(CHOIR points px, painmap points mm): the lower edge of each region in `keys` and of its partner, at
    `FOLD_AT` of each one's width (the gluteal fold of the buttocks)."""
    src, dst = [], []
    g = masks.grid(view)
    for key in keys:
        poly = areas[key][1]
        union = np.zeros(g.shape, dtype=bool)
        for r in FOLDS[key]:
            union |= masks.region_mask(view, r)
        cols = np.flatnonzero(union.any(axis=0))
        for f in FOLD_AT:
            x = poly[:, 0].min() + f * (poly[:, 0].max() - poly[:, 0].min())
            src.append([x, _lowest_at(poly, x)])
            c = round(cols[0] + f * (cols[-1] - cols[0]))
            dst.append([(c + 0.5) / g.sx, (np.flatnonzero(union[:, c]).max() + 0.5) / g.sy])
    return np.array(src), np.array(dst)


def landmark_rms(areas, masks, view: str, landmarks, send) -> float:
    """RMS distance (mm) between the mapped CHOIR region centroids and their painmap partners' centroids."""
    src, dst = landmark_pairs(areas, masks, view, landmarks)
    mapped = send(np.array(src))
    return float(np.sqrt(((mapped - np.array(dst)) ** 2).sum(axis=1).mean()))


def outline_rms(mapped_ring: np.ndarray, ring: np.ndarray, step: float = 2.0) -> float:
    """Symmetric RMS distance (mm) between two closed outlines, each sampled every `step` mm."""
    a, b = choir_warp.densify(mapped_ring, step), choir_warp.densify(ring, step)
    # squared distances as |u|^2 + |v|^2 - 2 u.v (one matrix product)
    d2 = (a * a).sum(axis=1)[:, None] + (b * b).sum(axis=1)[None, :] - 2.0 * a @ b.T
    np.maximum(d2, 0.0, out=d2)
    return float(np.sqrt(np.r_[d2.min(axis=1), d2.min(axis=0)].mean()))


def view_mapping(method: str, areas, masks, view: str, prefix: str, landmarks):
    """(send: CHOIR px -> mm for an (n, 2) array, fit record) of one CHOIR view onto painmap's `view`."""
    polys = [p for k, (_, p) in areas.items() if k.startswith(prefix)]
    if method == "affine":
        p, rms = fit(areas, masks, view, landmarks)

        def send(pts):
            return np.c_[pts[:, 0] * p[0] + p[1], pts[:, 1] * p[2] + p[3]]

        record = {
            "method": "axis-aligned affine over region centroids",
            "x": [round(float(p[0]), 6), round(float(p[1]), 3)],
            "y": [round(float(p[2]), 6), round(float(p[3]), 3)],
            "rms_landmark_error_mm": round(rms, 2),
            "landmarks": len(landmarks),
        }
    else:
        inner = [lm for lm in landmarks if lm[0][0] in INTERIOR]
        pairs = landmark_pairs(areas, masks, view, inner) if inner else None
        folds = [k for k in FOLDS if k.startswith(prefix)]
        if folds:
            extra = fold_pairs(areas, masks, view, folds)
            pairs = (np.vstack([pairs[0], extra[0]]), np.vstack([pairs[1], extra[1]]))
        vw = choir_warp.view_warp(polys, masks, view, choir_heights(areas, prefix), chart_heights(masks, view), pairs)
        send = vw
        record = {
            "method": "thin-plate spline over matched outline points (tools/choir_warp.py)",
            "control_points": vw.control_points,
            "outline_landmarks": len(vw.landmarks_src),
            "min_jacobian_det": {k: round(v, 3) for k, v in vw.min_det.items()},
            "rms_landmark_error_mm": round(landmark_rms(areas, masks, view, landmarks, send), 2),
            "landmarks": len(landmarks),
        }
    ring = choir_warp.choir_ring(polys)
    record["rms_outline_distance_mm"] = round(outline_rms(send(ring), choir_warp.chart_ring(masks, view)), 2)
    return send, record


TRUNK = {"posterior": "thoracic", "anterior": "chest"}


def counterpart_of(masks, view: str, regions: list[str]) -> list[str]:
    """The counterpart regions on this chart: where the chart draws the arm inside the trunk region (its arm
    region is a sliver under 5 % of that side's trunk region: male chart 2), an arm key's counterpart is both."""
    out = list(regions)
    for r in regions:
        if r.startswith("arm-"):
            trunk = f"{TRUNK[view]}-{r[4:]}"
            arm_px = np.count_nonzero(masks.region_mask(view, r))
            if trunk not in out and arm_px < 0.05 * np.count_nonzero(masks.region_mask(view, trunk)):
                out.append(trunk)
    return out


def map_one(body: str, atlas, masks) -> dict:
    """The CHOIR map of `body` fitted onto `atlas`'s chart: each CHOIR view onto the chart's matching view."""
    areas = read_areas(CHOIR / f"choirbodymap_{body}.html")
    chart_key = (getattr(atlas, "body", "male"), getattr(atlas, "chart", 1))
    chart = f"{chart_key[0]} chart {chart_key[1]}"
    method = METHODS[chart_key]
    fits, regions, unmapped = {}, {}, {}
    for prefix, (view, counterparts, landmarks) in VIEWS.items():
        keys = sorted(k for k in areas if k.startswith(prefix))
        if view not in atlas.views:
            for key in keys:
                unmapped[key] = {"title": areas[key][0], "reason": f"front key: the {chart} has no {view} view"}
            continue
        send, fits[view] = view_mapping(method, areas, masks, view, prefix, landmarks)
        grid = masks.grid(view)
        silhouette = masks.silhouette(view)
        for key in keys:
            title, poly = areas[key]
            warped = send(poly) if method == "affine" else send(choir_warp.densify(poly))
            mm = warped if method == "affine" else choir_warp.simplify(warped, SIMPLIFY_MM)
            raw = polygon_mask(grid, mm)
            inside = raw & silhouette
            counterpart = np.zeros(grid.shape, dtype=bool)
            names = counterpart_of(masks, view, counterparts[key])
            for r in names:
                counterpart |= masks.region_mask(view, r)
            area = max(1, int(np.count_nonzero(inside)))
            regions[key] = {
                "title": title,
                "view": view,
                "polygon": np.round(mm, 1).tolist(),
                "counterpart": names,
                "area_mm2": round(area / (grid.sx * grid.sy), 1),
                "outside_counterpart": round(np.count_nonzero(inside & ~counterpart) / area, 4),
                "outside_silhouette": round(1 - np.count_nonzero(inside) / max(1, np.count_nonzero(raw)), 4),
            }
    return {"fit": fits, "regions": regions, "unmapped": unmapped}


def in_counterpart(region: dict) -> float:
    """The share of a fitted CHOIR polygon that lands inside its painmap counterpart (inside the body, too)."""
    return (1 - region["outside_silhouette"]) * (1 - region["outside_counterpart"])


def table(doc: dict, charts=("male-2", "female-2")) -> str:
    """The docs/choir.md table of the per-region mapping error of the chart-2 fits, from a stored map."""
    cols = [(c, b) for c in charts for b in doc["fits"][c]]
    head = "| key | CHOIR region | view | " + " | ".join(
        f"{c.split('-')[0]} chart 2: outside counterpart | outside body | in counterpart" for c, _ in cols
    )
    lines = [head + " |", "|" + "---|" * (3 + 3 * len(cols))]
    first = doc["fits"][cols[0][0]][cols[0][1]]["regions"]
    for key in sorted(first, key=lambda k: (k[0] != "b", k)):
        cells = [key, first[key]["title"], first[key]["view"]]
        for c, b in cols:
            r = doc["fits"][c][b]["regions"][key]
            cells += [f"{r['outside_counterpart']:.0%}", f"{r['outside_silhouette']:.0%}", f"{in_counterpart(r):.0%}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    if sys.argv[1:] == ["--table"]:
        print(table(json.loads((CHOIR / "choir-map.json").read_text(encoding="utf-8"))))
        return 0
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
                regions = [r for r in m["regions"].values() if r["view"] == view]
                errs = [r["outside_counterpart"] for r in regions]
                inside = np.mean([in_counterpart(r) for r in regions])
                print(f"{chart} {body} {view}: fit {m['fit'][view]}, outside counterpart median "
                      f"{np.median(errs):.1%}, max {max(errs):.1%}; mean in counterpart {inside:.1%}")  # fmt: skip
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
