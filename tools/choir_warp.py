"""The outline warp of one CHOIR view onto one painmap view (tools/choir_fit.py; method: docs/choir.md).

Both bodies' outer outlines are traced (CHOIR's: the union of the view's region polygons, closed over the
hairline gaps between them; painmap's: the view's silhouette), cut at 24 matched outline landmarks
(tools/choir_outline.py: head top, neck, shoulder, hand, armpit, waist, hip, knee and ankle outside and
inside, sole, crotch) and sampled between them at the same fractions of each stretch. The warp is piecewise:
each arm is cut off the body at the line from its shoulder to its armpit and has its own thin-plate spline
(painmap.warp.Warp, exact at each control point), so that arms held at another angle (CHOIR's hang, painmap's
chart 2 spreads them) do not drag the trunk. Each spline also passes through a ring of frame anchors sent by
the least-squares affine of its pairs, and the body's through the interior pairs the caller adds (region
centroids, the gluteal fold). Inside the outline the splines bend as little as they can. numpy (+ contourpy,
a matplotlib dependency, through painmap.contours).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path as FsPath

import numpy as np

ROOT = FsPath(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from choir_outline import outline_landmarks, parts  # noqa: E402
from matplotlib.path import Path  # noqa: E402

from painmap.contours import mask_polygons  # noqa: E402
from painmap.grid import Grid  # noqa: E402
from painmap.polygons import polygon_mask  # noqa: E402
from painmap.warp import Warp, affine_fit, distortion, frame_anchors  # noqa: E402

CHOIR_PX = 4.0  # CHOIR outlines are traced at 4 raster pixels per CHOIR image pixel
STEP_MM = 15.0  # one control pair about every 15 mm of painmap's outline
EDGE_PX = 1.5  # a CHOIR point this close to an arm's outline belongs to the arm
DENSIFY = 1.0  # CHOIR polygon edges are cut every 1 CHOIR pixel before warping (the warp bends straight edges)


def _close(mask: np.ndarray, r: int) -> np.ndarray:
    """Binary closing with a (2r+1)² square: fills the hairline gaps between adjacent CHOIR polygons."""

    def shift_or(m: np.ndarray) -> np.ndarray:  # dilation, separably: rows, then columns
        rows = m.copy()
        for d in range(1, r + 1):
            rows[d:] |= m[:-d]
            rows[:-d] |= m[d:]
        out = rows.copy()
        for d in range(1, r + 1):
            out[:, d:] |= rows[:, :-d]
            out[:, :-d] |= rows[:, d:]
        return out

    return ~shift_or(~shift_or(mask))


def choir_ring(polygons: list[np.ndarray]) -> np.ndarray:
    """The outer outline (CHOIR pixels) of the union of one CHOIR view's region polygons."""
    hi = np.vstack(polygons).max(axis=0) + 10
    grid = Grid("choir", float(hi[0]), float(hi[1]), CHOIR_PX)
    mask = np.zeros(grid.shape, dtype=bool)
    for p in polygons:
        mask |= polygon_mask(grid, p)
    return mask_polygons(_close(mask, 3), grid.sx, grid.sy)[0]


def chart_ring(masks, view: str) -> np.ndarray:
    """The outer outline (mm) of painmap's silhouette on `view`."""
    grid = masks.grid(view)
    return mask_polygons(masks.silhouette(view), grid.sx, grid.sy)[0]


def _tps(p: np.ndarray, q: np.ndarray) -> Warp:
    """The TPS through p -> q plus a ring of frame anchors round p sent by the pairs' least-squares affine."""
    lo, hi = p.min(axis=0), p.max(axis=0)
    ring = frame_anchors(*(hi - lo)) + lo
    fit = affine_fit(p, q)
    return Warp(np.vstack([p, ring]), np.vstack([q, ring @ fit[:, :2].T + fit[:, 2]]))


@dataclass
class ViewWarp:
    """The piecewise warp of one CHOIR view onto a painmap view: one TPS for the body, one for each arm.

    A point inside an arm's outline (closed by its shoulder-armpit cut) goes by that arm's warp, any other by
    the body's; the warps share their control points along each cut."""

    warps: dict[str, Warp]  # "body", "arm-vr", "arm-vl"
    arms: dict[str, Path]  # the arms' outlines on the CHOIR view (px)
    pairs: dict[str, tuple[np.ndarray, np.ndarray]]  # each part's control points (CHOIR px, painmap mm)
    landmarks_src: dict[str, np.ndarray]
    landmarks_dst: dict[str, np.ndarray]
    min_det: dict[str, float]  # each part's smallest Jacobian determinant over its CHOIR points (> 0: no fold)

    def part_of(self, pts: np.ndarray) -> np.ndarray:
        """The part name of each point."""
        out = np.full(len(pts), "body", dtype=object)
        for name, path in self.arms.items():
            # points on the arm's outline count as the arm's (the test's radius sign depends on orientation)
            out[path.contains_points(pts, radius=EDGE_PX) | path.contains_points(pts, radius=-EDGE_PX)] = name
        return out

    def __call__(self, pts) -> np.ndarray:
        pts = np.asarray(pts, dtype=float).reshape(-1, 2)
        out = np.empty_like(pts)
        part = self.part_of(pts)
        for name, warp in self.warps.items():
            sel = part == name
            if sel.any():
                out[sel] = warp(pts[sel])
        return out

    @property
    def control_points(self) -> int:
        return sum(len(p) for p, _ in self.pairs.values())


def view_warp(polygons, masks, view: str, heights_src, heights_dst, interior=None) -> ViewWarp:
    """The outline warp of a CHOIR view (its region polygons) onto painmap's `view`.

    heights_* = (knee y, ankle y), each a (viewer's left, viewer's right) pair, on each body."""
    src = outline_landmarks(choir_ring(polygons), *heights_src)
    dst = outline_landmarks(chart_ring(masks, view), *heights_dst)
    warps, arms, pairs = {}, {}, {}
    for name, (p, q, outline) in parts(src, dst, STEP_MM).items():
        if name == "body" and interior is not None and len(interior[0]):
            p, q = np.vstack([p, interior[0]]), np.vstack([q, interior[1]])
        warps[name], pairs[name] = _tps(p, q), (p, q)
        if name != "body":
            arms[name] = Path(outline, closed=False)
    vw = ViewWarp(warps, arms, pairs, {k: src[0][i] for k, i in src[1].items()},
                  {k: dst[0][i] for k, i in dst[1].items()}, {})  # fmt: skip
    pts = np.vstack([densify(p, 1.0) for p in polygons])
    part = vw.part_of(pts)
    for name, warp in warps.items():
        sel = pts[part == name]
        vw.min_det[name] = distortion(warp, sel).min_det if len(sel) else float("nan")
    return vw


def densify(poly: np.ndarray, step: float = DENSIFY) -> np.ndarray:
    """The polygon with extra vertices along each edge, at most `step` apart."""
    out = []
    for a, b in zip(poly, np.roll(poly, -1, axis=0), strict=True):
        n = max(1, int(np.ceil(np.hypot(*(b - a)) / step)))
        out.append(a + (b - a) * (np.arange(n)[:, None] / n))
    return np.vstack(out)


def simplify(poly: np.ndarray, tol: float) -> np.ndarray:
    """Douglas-Peucker on a closed ring (kept vertices stay exactly where they were)."""
    n = len(poly)
    if n <= 4:
        return poly
    keep = np.zeros(n, dtype=bool)
    far = int(np.argmax(np.hypot(*(poly - poly[0]).T)))
    keep[[0, far]] = True
    stack = [(0, far), (far, n)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        a, b = poly[i], poly[j % n]
        seg = poly[i + 1 : j]
        d = b - a
        norm = np.hypot(*d)
        dist = (
            np.abs((seg[:, 0] - a[0]) * d[1] - (seg[:, 1] - a[1]) * d[0]) / norm if norm > 0 else np.hypot(*(seg - a).T)
        )
        k = int(np.argmax(dist))
        if dist[k] > tol:
            keep[i + 1 + k] = True
            stack += [(i, i + 1 + k), (i + 1 + k, j)]
    return poly[keep]
