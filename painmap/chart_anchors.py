"""Leg anchors: points below the pelvis that every chart has, derived from its silhouette, for the warp.

The back view of the first chart has no bony landmark below the ischial tuberosity, so a warp over the
bony landmarks alone extrapolates the legs (the anatomical charts' legs stand ~60–130 mm further apart).
Every chart, though, has the knee and the ankle as landmarks of its side view (`lateral-femoral-condyle`,
`lateral-malleolus`) and the trochanter on both views, and its views share one vertical frame. At four
heights taken from those landmarks — mid-thigh (halfway trochanter → knee), knee, mid-calf, ankle — each
leg's outline is cut by a horizontal line, and the two ends of that leg's run are the anchors:

- back and front views: `leg-<level>-outer-<side>` and `leg-<level>-inner-<side>`, the run of each leg
  nearest the midline on its side (none at a level where the legs touch);
- side view: `leg-<level>-front-right` and `leg-<level>-back-right`, the run that holds the leg there
  (the condyle / malleolus, or the line between them);
- each with an `-inset-` partner just inside the outline (`INSET`).

They are "derived" landmarks like `vertex` and `floor`: the same rule on every chart, so they pair by key.
A released chart keeps them in `<body>-<chart>.anchors.json` beside its (unchanged) landmarks file.
numpy only.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["ANCHOR_PREFIX", "INSET", "LEVELS", "is_anchor", "leg_anchors", "leg_levels", "runs_at"]

ANCHOR_PREFIX = "leg-"
# name: (from, to, fraction) between the trochanter (t), the knee (k) and the ankle (a) of the side view
LEVELS = {
    "thigh": ("t", "k", 0.5),
    "knee": ("k", "a", 0.0),
    **{f"calf-{i}": ("k", "a", i / 8) for i in range(1, 8)},
    "ankle": ("k", "a", 1.0),
}
# Each end is doubled by a point this fraction of the leg's width inside it (`...-inset-...`): it holds the
# warp's slope at the outline, so the gap between the legs (5x wider on the male chart 2) stretches by itself
# instead of squeezing the calf beside it (min Jacobian determinant over the body 0.02 without, 0.47 with it;
# docs/decisions.md, "Leg anchors").
INSET = 0.05
_SIDE_VIEW = "lateral"
_SYMMETRIC = ("posterior", "anterior")


def is_anchor(key: str) -> bool:
    """True for a derived leg anchor's key."""
    return key.startswith(ANCHOR_PREFIX)


def runs_at(silhouette, y: float) -> list[tuple[float, float]]:
    """The x intervals where the horizontal line at `y` lies inside the union of the silhouette polygons."""
    intervals: list[tuple[float, float]] = []
    for poly in silhouette:
        p = np.asarray(poly, dtype=float)
        a, b = p, np.roll(p, -1, axis=0)
        cross = (a[:, 1] <= y) != (b[:, 1] <= y)
        if not cross.any():
            continue
        a, b = a[cross], b[cross]
        xs = np.sort(a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1]))
        intervals += [(float(xs[i]), float(xs[i + 1])) for i in range(0, len(xs) - 1, 2)]
    intervals.sort()
    merged: list[tuple[float, float]] = []
    for lo, hi in intervals:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _landmark(view: Any, key: str) -> tuple[float, float] | None:
    for lm in view.landmarks:
        if lm.key == key:
            return float(lm.x), float(lm.y)
    return None


def leg_levels(side_view: Any) -> dict[str, tuple[float, float]] | None:
    """{level: (x, y)} on the side view (x = where the leg is), or None without the knee and ankle landmarks."""
    troch = _landmark(side_view, "greater-trochanter-right")
    knee = _landmark(side_view, "lateral-femoral-condyle-right")
    ankle = _landmark(side_view, "lateral-malleolus-right")
    if troch is None or knee is None or ankle is None:
        return None
    ends = {"t": np.array(troch), "k": np.array(knee), "a": np.array(ankle)}
    out = {}
    for level, (start, stop, f) in LEVELS.items():
        p = ends[start] + f * (ends[stop] - ends[start])
        out[level] = (float(p[0]), float(p[1]))
    return out


def _symmetric_anchors(view: Any, levels) -> dict[str, tuple[float, float]]:
    mid = view.width / 2
    troch = _landmark(view, "greater-trochanter-right")
    right_high = troch is None or troch[0] > mid  # the back view: the right is on the viewer's right
    out: dict[str, tuple[float, float]] = {}
    for level, (_, y) in levels.items():
        runs = runs_at(view.silhouette, y)
        if any(lo < mid < hi for lo, hi in runs):
            continue  # the legs touch here
        high = [r for r in runs if r[0] >= mid]
        low = [r for r in runs if r[1] <= mid]
        for side, is_high in (("right", right_high), ("left", not right_high)):
            pool = high if is_high else low
            if not pool:
                continue
            lo, hi = min(pool, key=lambda r: r[0]) if is_high else max(pool, key=lambda r: r[1])
            outer, inner = (hi, lo) if is_high else (lo, hi)
            out.update(_pair(level, "outer", outer, "inner", inner, y, side))
    return out


def _pair(level: str, a_name: str, a: float, b_name: str, b: float, y: float, side: str):
    """The two ends of a leg's run at one level, each with its inset partner."""
    step = INSET * (b - a)
    return {
        f"{ANCHOR_PREFIX}{level}-{a_name}-{side}": (a, y),
        f"{ANCHOR_PREFIX}{level}-{a_name}-inset-{side}": (a + step, y),
        f"{ANCHOR_PREFIX}{level}-{b_name}-{side}": (b, y),
        f"{ANCHOR_PREFIX}{level}-{b_name}-inset-{side}": (b - step, y),
    }


def _side_anchors(view: Any, levels) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for level, (x, y) in levels.items():
        runs = runs_at(view.silhouette, y)
        if not runs:
            continue
        lo, hi = min(runs, key=lambda r: 0.0 if r[0] <= x <= r[1] else min(abs(r[0] - x), abs(r[1] - x)))
        out.update(_pair(level, "back", lo, "front", hi, y, "right"))  # the side view's front is +x
    return out


def leg_anchors(atlas: Any) -> dict[str, dict[str, tuple[float, float]]]:
    """{view id: {anchor key: (x, y)}} for the stored views of a loaded atlas (none without a side view)."""
    side = atlas.views.get(_SIDE_VIEW)
    levels = leg_levels(side) if side is not None else None
    if levels is None:
        return {}
    out = {_SIDE_VIEW: _side_anchors(side, levels)}
    for view_id in _SYMMETRIC:
        if view_id in atlas.views:
            out[view_id] = _symmetric_anchors(atlas.views[view_id], levels)
    return out
