"""Bony landmarks of each view, from the bundle's landmarks (manifest) and the bone meshes.

All come from the subject's LEFT side (mirrored for the right, like the structures). Computed here:
- lateral femoral condyle: the most lateral vertex of the distal 12 % of the femur;
- lateral malleolus: the most lateral vertex of the lowest 25 mm of the fibula;
- patella: the centroid of the patella mesh;
- sacroiliac joint (posterior): on the sacrum's lateral border 8 mm (scaled) below the PSIS, 3 mm outside it;
- L1–L5 spinous processes: midline, L4 level with the iliac-crest summits, 35 mm × (height / 1750) apart
  (no vertebrae in the data; CLINICAL.md).
"""

from __future__ import annotations

import numpy as np
from project import Body
from skin import intervals

LABELS = {
    "psis": "PSIS",
    "asis": "ASIS",
    "iliac-crest-summit": "Iliac crest summit",
    "greater-trochanter": "Greater trochanter",
    "ischial-tuberosity": "Ischial tuberosity",
    "sacroiliac-joint": "SI joint",
    "coccyx": "Coccyx",
    "pubic-symphysis": "Pubic symphysis",
    "patella": "Patella",
    "lateral-femoral-condyle": "Lateral femoral condyle",
    "lateral-malleolus": "Lateral malleolus",
}
VIEW_LANDMARKS = {
    "posterior": ("iliac-crest-summit", "psis", "sacroiliac-joint", "greater-trochanter", "ischial-tuberosity"),
    "lateral": (
        "asis", "iliac-crest-summit", "psis", "greater-trochanter", "lateral-femoral-condyle", "patella",
        "lateral-malleolus",
    ),
    "anterior": ("asis", "iliac-crest-summit", "greater-trochanter", "patella", "lateral-malleolus"),
}  # fmt: skip


def left_points(body: Body) -> dict[str, np.ndarray]:
    """3-D landmark positions (bundle mm) on the subject's left; midline ones at x = 0."""
    m = body.landmarks3d
    femur = body.vertices("femur_l")
    distal = femur[femur[:, 2] < femur[:, 2].min() + 0.12 * np.ptp(femur[:, 2])]
    fibula = body.vertices("fibula_l")
    low = fibula[fibula[:, 2] < fibula[:, 2].min() + 25]
    pts = {
        "psis": m["PSIS_l"],
        "asis": m["ASIS_l"],
        "iliac-crest-summit": m["iliac_crest_summit_l"],
        "greater-trochanter": m["greater_trochanter_lateral_l"],
        "ischial-tuberosity": m["ischial_tuberosity_l"],
        "lateral-femoral-condyle": distal[np.argmin(distal[:, 0])],
        "lateral-malleolus": low[np.argmin(low[:, 0])],
        "patella": body.vertices("patella_l").mean(axis=0),
        "coccyx": m["coccyx_tip"] * [0, 1, 1],
        "pubic-symphysis": m["pubic_symphysis_top"] * [0, 1, 1],
    }
    return {k: np.asarray(v, dtype=float) for k, v in pts.items()}


def view_landmarks(body: Body, view: str, sacrum=None) -> list[tuple[str, str, float, float]]:
    """(id, side, x, y) in view mm, right side first."""
    pts = left_points(body)
    k = body.spec.reference_height / 1750.0
    out: list[tuple[str, str, float, float]] = []
    for lid in VIEW_LANDMARKS[view]:
        if lid == "sacroiliac-joint":
            continue
        left = pts[lid]
        if view == "lateral":
            ((u, v),) = body.project(view, left)
            out.append((lid, "right", u, v))
            continue
        right = left * [-1, 1, 1]
        for side, p in (("right", right), ("left", left)):
            ((u, v),) = body.project(view, p)
            out.append((lid, side, u, v))
    if view == "posterior":
        psis = {side: (u, v) for lid, side, u, v in out if lid == "psis"}
        for side in ("right", "left"):
            u, v = psis[side]
            row = v + 8 * k
            runs = intervals(sacrum, row, 0, 2 * body.mid)
            edge = runs[-1][1] + 3 * k if side == "right" else runs[0][0] - 3 * k
            out.append(("sacroiliac-joint", side, edge, row))
    if view in ("posterior", "anterior"):
        crest = [v for lid, side, u, v in out if lid == "iliac-crest-summit"]
        l4 = sum(crest) / len(crest)
        if view == "posterior":
            for i in range(5):
                out.append((f"l{i + 1}-spinous-process", "midline", body.mid, l4 + (i - 3) * 35 * k))
            ((_, v),) = body.project(view, pts["coccyx"])
            out.append(("coccyx", "midline", body.mid, v))
        else:
            ((_, v),) = body.project(view, pts["pubic-symphysis"])
            out.append(("pubic-symphysis", "midline", body.mid, v))
    return out


def label(lid: str) -> str:
    if lid.startswith("l") and lid.endswith("-spinous-process"):
        return lid.split("-")[0].upper()
    return LABELS[lid]
