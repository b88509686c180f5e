"""Matched outline landmarks of a front or back body view, for the CHOIR warp (tools/choir_fit.py).

`outline_landmarks(ring)` finds, on the closed outer outline of a body standing upright with its arms away
from the trunk, the same 24 named points on any such chart: the top of the head, each side's neck, shoulder,
arm extremity (fingertips), armpit, waist, hip, the outer and inner knee and ankle, the sole, and the crotch.
Names use the viewer's side (`-vl` viewer's left, `-vr` viewer's right): on a back view and on a front view
alike the outline is the same shape, and which side is the patient's is the caller's business.

`parts(src, dst, step)` cuts both outlines at those landmarks and samples each stretch between two consecutive
landmarks at the same fractions of its length (`matched_points`): the point lists correspond one to one, dense
control pairs for a thin-plate spline, one set for the body and one for each arm (cut off at the line from
its shoulder to its armpit). The knee and ankle heights come from the caller (the knee region's centroid, the
top of the foot region), since an outline alone does not show where a knee is. numpy only.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from painmap import geometry

__all__ = ["ARMS", "ORDER", "matched_points", "outline_landmarks", "parts"]

# clockwise on screen (y down) from the top of the head, towards the viewer's right first
_SIDE = ("neck", "shoulder", "hand", "armpit", "waist", "hip", "knee-out", "ankle-out", "sole", "ankle-in", "knee-in")
ORDER = (
    ["head-top"]
    + [f"{n}-vr" for n in _SIDE]
    + ["crotch"]
    + [f"{n}-vl" for n in reversed(_SIDE)]
)  # fmt: skip


def _oriented(ring: np.ndarray) -> np.ndarray:
    """The ring starting at its topmost point and running towards +x first (clockwise on a y-down screen)."""
    ring = geometry.as_polygon(np.asarray(ring, dtype=float))
    x, y = ring[:, 0], ring[:, 1]
    signed = np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y) / 2  # > 0: clockwise with y down
    if signed < 0:
        ring = ring[::-1]
    return np.roll(ring, -int(np.argmin(ring[:, 1])), axis=0)


def _span(n: int, i: int, j: int) -> np.ndarray:
    """Indices from i to j (inclusive) going forward round a ring of n points."""
    return np.arange(i, i + ((j - i) % n) + 1) % n


def _crossing(ring: np.ndarray, idx: np.ndarray, y: float) -> int:
    """The first index of `idx` at which the outline reaches height y (the nearest one if it never does)."""
    ys = ring[idx, 1]
    s = np.sign(ys - y)
    hits = np.flatnonzero(s[1:] != s[:-1])
    return int(idx[hits[0] + 1]) if len(hits) else int(idx[np.argmin(np.abs(ys - y))])


def outline_landmarks(
    ring: np.ndarray, knee_y: tuple[float, float], ankle_y: tuple[float, float]
) -> tuple[np.ndarray, dict[str, int]]:
    """(the oriented ring, {landmark name: index into it}); knee_y, ankle_y = heights on the (viewer's left, right)."""
    ring = _oriented(ring)
    n = len(ring)
    x, y = ring[:, 0], ring[:, 1]
    cx = x[0]
    at: dict[str, int] = {"head-top": 0}
    lower = y > np.percentile(y, 60)
    sole_vr = int(np.flatnonzero(lower & (x > cx))[np.argmax(y[lower & (x > cx)])])
    sole_vl = int(np.flatnonzero(lower & (x < cx))[np.argmax(y[lower & (x < cx)])])
    at["sole-vr"], at["sole-vl"] = sole_vr, sole_vl
    inner = _span(n, sole_vr, sole_vl)
    at["crotch"] = int(inner[np.argmin(y[inner])])
    for side, sole, sign in (("vr", sole_vr, 1), ("vl", sole_vl, -1)):
        lateral = _span(n, 0, sole) if sign > 0 else _span(n, sole, n)[:-1]
        # the widest point of the upper half is the hand; the armpit the highest point between hand and sole
        upper = lateral[y[lateral] < y[at["crotch"]] + 0.5 * (y[sole] - y[at["crotch"]])]
        hand0 = int(upper[np.argmax(sign * (x[upper] - cx))])
        below = _span(n, hand0, sole) if sign > 0 else _span(n, sole, hand0)[::-1]
        armpit = int(below[np.argmin(y[below])])
        # neck: the narrowest point between 15 % of the way down to the armpit and the armpit
        top = _span(n, 0, hand0) if sign > 0 else _span(n, hand0, n)[:-1][::-1]
        band = top[(y[top] > y[0] + 0.15 * (y[armpit] - y[0])) & (y[top] < y[armpit])]
        neck = int(band[np.argmin(sign * (x[band] - cx))])
        # the arm's extremity: the outline point farthest from the armpit between the neck and the armpit
        arm = _span(n, neck, armpit) if sign > 0 else _span(n, armpit, neck)[::-1]
        hand = int(arm[np.argmax(np.hypot(x[arm] - x[armpit], y[arm] - y[armpit]))])
        # shoulder: the point of the neck -> hand stretch farthest outside the straight line between them
        top_arm = _span(n, neck, hand) if sign > 0 else _span(n, hand, neck)[::-1]
        p0, p1 = ring[neck], ring[hand]
        d = p1 - p0
        off = sign * ((x[top_arm] - p0[0]) * d[1] - (y[top_arm] - p0[1]) * d[0]) / np.hypot(*d)
        shoulder = int(top_arm[np.argmax(off)])
        flank = _span(n, armpit, sole) if sign > 0 else _span(n, sole, armpit)[::-1]
        trunk = flank[y[flank] < y[at["crotch"]]]
        waist = int(trunk[np.argmin(sign * (x[trunk] - cx))])
        hips = flank[(y[flank] > y[waist]) & (y[flank] < y[at["crotch"]] + 0.15 * (y[sole] - y[at["crotch"]]))]
        hip = int(hips[np.argmax(sign * (x[hips] - cx))])
        k = 1 if sign > 0 else 0
        outer = _span(n, hip, sole) if sign > 0 else _span(n, sole, hip)[::-1]
        knee_out = _crossing(ring, outer, knee_y[k])
        ankle_out = _crossing(ring, _span(n, knee_out, sole) if sign > 0 else _span(n, sole, knee_out)[::-1],
                              ankle_y[k])  # fmt: skip
        inseam = _span(n, sole, at["crotch"]) if sign > 0 else _span(n, at["crotch"], sole)[::-1]
        ankle_in = _crossing(ring, inseam, ankle_y[k])
        knee_in = _crossing(ring, _span(n, ankle_in, at["crotch"]) if sign > 0
                            else _span(n, at["crotch"], ankle_in)[::-1], knee_y[k])  # fmt: skip
        names = dict(neck=neck, shoulder=shoulder, hand=hand, armpit=armpit, waist=waist, hip=hip)
        names.update({"knee-out": knee_out, "ankle-out": ankle_out, "ankle-in": ankle_in, "knee-in": knee_in})
        for name, i in names.items():
            at[f"{name}-{side}"] = i
    order = [at[name] for name in ORDER]
    if any(b <= a for a, b in pairwise(order)):
        raise ValueError(f"outline landmarks out of order round the outline: {dict(zip(ORDER, order, strict=True))}")
    return ring, at


def _resample(ring: np.ndarray, i: int, j: int, fractions: np.ndarray) -> np.ndarray:
    """Points at the given fractions (0 = ring[i], 1 = ring[j]) of the length of the stretch i -> j."""
    idx = _span(len(ring), i, j)
    pts = ring[idx]
    s = np.r_[0.0, np.cumsum(np.hypot(*np.diff(pts, axis=0).T))]
    t = fractions * s[-1]
    return np.c_[np.interp(t, s, pts[:, 0]), np.interp(t, s, pts[:, 1])]


ARMS = {"vr": ("shoulder-vr", "hand-vr", "armpit-vr"), "vl": ("armpit-vl", "hand-vl", "shoulder-vl")}


def _segment(p: np.ndarray, q: np.ndarray, fractions: np.ndarray) -> np.ndarray:
    return p + (q - p) * fractions[:, None]


def matched_points(src, dst, stretches, cuts, step: float) -> tuple[np.ndarray, np.ndarray]:
    """(src points, dst points) sampled along matched outline stretches and straight cuts (landmark pairs).

    Each stretch (a, b) runs round the outline from landmark a to b; each cut is the straight line between two
    landmarks. Both bodies are sampled at the same fractions, about every `step` of dst's length."""
    (sr, sa), (dr, da) = src, dst
    out_s, out_d = [], []
    for a, b in stretches:
        idx = _span(len(dr), da[a], da[b])
        count = max(1, round(float(np.hypot(*np.diff(dr[idx], axis=0).T).sum()) / step))
        fractions = np.arange(count) / count  # the stretch's start, not its end (the next stretch's start)
        out_s.append(_resample(sr, sa[a], sa[b], fractions))
        out_d.append(_resample(dr, da[a], da[b], fractions))
    for a, b in cuts:
        count = max(2, round(float(np.hypot(*(dr[da[b]] - dr[da[a]]))) / step))
        fractions = np.arange(1, count) / count  # the ends are outline points already
        out_s.append(_segment(sr[sa[a]], sr[sa[b]], fractions))
        out_d.append(_segment(dr[da[a]], dr[da[b]], fractions))
    return np.vstack(out_s), np.vstack(out_d)


def parts(src, dst, step: float) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """{"body", "arm-vr", "arm-vl"}: (src points, dst points, the part's outline on src) for a warp per part.

    Each arm is cut off the body by the straight line from its shoulder to its armpit landmark: the body's
    control points are the outline without the arms plus the two cuts, each arm's its outline plus its cut, so
    that an arm held at another angle bends its own warp only, and both warps agree along the cut."""
    names = [*ORDER, ORDER[0]]
    stretches = list(pairwise(names))
    arm_stretches = {side: [(a, b), (b, c)] for side, (a, b, c) in ARMS.items()}
    body = [s for s in stretches if not any(s in v for v in arm_stretches.values())]
    cuts = {side: (c, a) for side, (a, _, c) in ARMS.items()}
    out = {"body": (*matched_points(src, dst, body, list(cuts.values()), step), src[0])}
    sr, sa = src
    for side, (a, _, c) in ARMS.items():
        p, q = matched_points(src, dst, arm_stretches[side], [cuts[side]], step)
        out[f"arm-{side}"] = (p, q, sr[_span(len(sr), sa[a], sa[c])])
    return out
