"""Landmark warps between two body charts: a thin-plate spline per view, millimetres to millimetres.

A chart's geometry changes between releases (and between bodies); its bony landmarks are the points that
mean the same thing on every chart. `landmark_warp` builds the thin-plate spline (TPS) that maps each
source landmark exactly onto its partner (matched by key, e.g. "psis-right") and bends as little as possible
in between. Far from the landmarks a bare TPS is affine only asymptotically, so a ring of **frame anchors**
(the source frame's corners and edge midpoints, pushed 10 % outwards) is added and sent where the
least-squares affine fit of the landmarks sends them: the arms, head and feet then follow that affine map
instead of the spline's extrapolation. docs/decisions.md ("Landmark warp") records the choice and the measured
landmark error and distortion.

numpy only. Evaluation is vectorized (chunks of points against all control points).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np

from painmap import warp_solved
from painmap.errors import PainmapError
from painmap.records import record

__all__ = [
    "ANCHOR_MARGIN",
    "Distortion",
    "MirroredWarp",
    "Warp",
    "WarpError",
    "affine_fit",
    "distortion",
    "frame_anchors",
    "landmark_warp",
]

ANCHOR_MARGIN = 0.10  # frame anchors sit this fraction of the frame outside it
_CHUNK = 4096  # points evaluated per block: CHUNK x control points doubles stay in the CPU cache


class WarpError(PainmapError):
    """Landmarks that do not define a warp (too few, repeated, or collinear)."""


_TINY = 1e-300  # log(0) guard: U(0) = 0 * log(tiny) = 0 exactly


def _kernel(d2: np.ndarray) -> np.ndarray:
    """The TPS radial function U(r) = r² log r, from squared distances (U(0) = 0)."""
    return 0.5 * d2 * np.log(np.maximum(d2, _TINY))


def _sq_dist(u: np.ndarray, c: np.ndarray) -> np.ndarray:
    """(m, n) squared distances between points u (m, 2) and centres c (n, 2)."""
    dx = u[:, 0:1] - c[:, 0]
    dy = u[:, 1:2] - c[:, 1]
    return dx * dx + dy * dy


def affine_fit(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The 2 x 3 affine map [A | t] minimizing the squared landmark residuals (dst ≈ A @ src + t)."""
    design = np.column_stack([src, np.ones(len(src))])
    coef, *_ = np.linalg.lstsq(design, dst, rcond=None)
    return coef.T  # rows: x' = a x + b y + c, y' = d x + e y + f


def frame_anchors(width: float, height: float, margin: float = ANCHOR_MARGIN) -> np.ndarray:
    """Eight points around a width x height frame: corners and edge midpoints, `margin` outside it."""
    x0, x1 = -margin * width, (1 + margin) * width
    y0, y1 = -margin * height, (1 + margin) * height
    xm, ym = width / 2, height / 2
    return np.array([[x0, y0], [xm, y0], [x1, y0], [x1, ym], [x1, y1], [xm, y1], [x0, y1], [x0, ym]], dtype=float)


def _solve(u: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The (n + 3, 2) spline solution: kernel weights, then the affine part, for normalized points `u`."""
    n = len(u)
    poly = np.column_stack([np.ones(n), u])
    if np.linalg.matrix_rank(poly) < 3:
        raise WarpError("the control points lie on one line")
    system = np.zeros((n + 3, n + 3))
    system[:n, :n] = _kernel(_sq_dist(u, u))
    system[:n, n:] = poly
    system[n:, :n] = poly.T
    rhs = np.zeros((n + 3, 2))
    rhs[:n] = dst
    try:
        return np.linalg.solve(system, rhs)
    except np.linalg.LinAlgError:
        raise WarpError("the control points do not define a warp (singular system)") from None


class Warp:
    """A thin-plate spline R² → R² through control points `src` → `dst` (mm); exact at every control point.

    `warp(points)` maps an (m, 2) array; `jacobian(points)` gives the (m, 2, 2) derivative; `local_scale` the
    square root of the Jacobian's determinant (how much a small disc's radius grows).
    """

    def __init__(self, src, dst) -> None:
        src = np.asarray(src, dtype=float).reshape(-1, 2)
        dst = np.asarray(dst, dtype=float).reshape(-1, 2)
        if src.shape != dst.shape:
            raise WarpError(f"{len(src)} source points but {len(dst)} target points")
        if len(src) < 3:
            raise WarpError(f"a warp needs at least 3 control points, got {len(src)}")
        if not (np.isfinite(src).all() and np.isfinite(dst).all()):
            raise WarpError("a control point is not finite")
        keys = np.unique(np.round(src, 6), axis=0)
        if len(keys) != len(src):
            raise WarpError("two control points share one position")
        self.src, self.dst = src, dst
        self.identity = bool(np.array_equal(src, dst))
        self._centre = src.mean(axis=0)
        self._scale = float(np.abs(src - self._centre).max()) or 1.0
        u = (src - self._centre) / self._scale
        n = len(u)
        key = src.tobytes() + dst.tobytes()
        sol = warp_solved.SOLVED.get(key)  # solved before, or read from the engine cache
        if sol is None:
            sol = warp_solved.SOLVED[key] = _solve(u, dst)
        self._u = u
        self._w = sol[:n]  # (n, 2) kernel weights
        self._a = sol[n:]  # (3, 2): constant, d/du, d/dv

    def __call__(self, points) -> np.ndarray:
        pts = np.asarray(points, dtype=float).reshape(-1, 2)
        if self.identity:
            return pts.copy()
        out = np.empty_like(pts)
        cx, cy = self._u[:, 0], self._u[:, 1]
        half_w = 0.5 * self._w  # U = d2 log(d2) / 2
        for i in range(0, len(pts), _CHUNK):
            u = (pts[i : i + _CHUNK] - self._centre) / self._scale
            # in place, block by block (4.5x faster than the plain expression: fewer temporaries, cache-sized)
            d2 = u[:, 0:1] - cx
            d2 *= d2
            t = u[:, 1:2] - cy
            t *= t
            d2 += t
            np.maximum(d2, _TINY, out=t)
            np.log(t, out=t)
            t *= d2
            block = out[i : i + _CHUNK]
            np.matmul(t, half_w, out=block)
            block += u @ self._a[1:]
            block += self._a[0]
        return out

    def jacobian(self, points) -> np.ndarray:
        """(m, 2, 2): J[k, i, j] = d out_i / d x_j at each point."""
        pts = np.asarray(points, dtype=float).reshape(-1, 2)
        if self.identity:
            return np.broadcast_to(np.eye(2), (len(pts), 2, 2)).copy()
        out = np.empty((len(pts), 2, 2))
        for i in range(0, len(pts), _CHUNK):
            u = (pts[i : i + _CHUNK] - self._centre) / self._scale
            dx = u[:, 0:1] - self._u[:, 0]  # (m, n)
            dy = u[:, 1:2] - self._u[:, 1]
            g = np.log(np.maximum(dx * dx + dy * dy, _TINY)) + 1.0  # dU/du = (u - c) (log d2 + 1); 0 at c
            g[(dx == 0.0) & (dy == 0.0)] = 0.0
            # d out_i / d u_j = a[1 + j, i] + sum_n w[n, i] g[m, n] diff_j[m, n]
            block = out[i : i + _CHUNK]
            block[:, :, 0] = (g * dx) @ self._w  # column j = 0 (d/du) for both outputs i
            block[:, :, 1] = (g * dy) @ self._w
            block += self._a[1:].T[None]
            block /= self._scale
        return out

    def local_scale(self, points) -> np.ndarray:
        """sqrt(|det J|) at each point: the factor by which small lengths (a brush radius) change."""
        jac = self.jacobian(points)
        det = jac[:, 0, 0] * jac[:, 1, 1] - jac[:, 0, 1] * jac[:, 1, 0]
        return np.sqrt(np.abs(det))


class MirroredWarp:
    """`warp` seen in the mirror: x → src_width − x before, x → dst_width − x after (e.g. lateral-left)."""

    def __init__(self, warp: Warp | MirroredWarp, src_width: float, dst_width: float) -> None:
        self.warp, self.src_width, self.dst_width = warp, float(src_width), float(dst_width)
        self.identity = warp.identity and src_width == dst_width

    def __call__(self, points) -> np.ndarray:
        pts = np.asarray(points, dtype=float).reshape(-1, 2).copy()
        pts[:, 0] = self.src_width - pts[:, 0]
        out = self.warp(pts)
        out[:, 0] = self.dst_width - out[:, 0]
        return out

    def jacobian(self, points) -> np.ndarray:
        pts = np.asarray(points, dtype=float).reshape(-1, 2).copy()
        pts[:, 0] = self.src_width - pts[:, 0]
        jac = self.warp.jacobian(pts)
        jac[:, 0, 1] *= -1.0
        jac[:, 1, 0] *= -1.0
        return jac

    def local_scale(self, points) -> np.ndarray:
        pts = np.asarray(points, dtype=float).reshape(-1, 2).copy()
        pts[:, 0] = self.src_width - pts[:, 0]
        return self.warp.local_scale(pts)  # a mirror keeps lengths


def landmark_warp(
    src: Mapping[str, tuple[float, float]],
    dst: Mapping[str, tuple[float, float]],
    src_frame: tuple[float, float],
    *,
    anchors: bool = True,
    fit_keys: Collection[str] | None = None,
) -> Warp:
    """The TPS taking the landmarks `src` onto `dst` (both {key: (x, y)} mm), over the keys they share.

    With `anchors`, the source frame's ring of `frame_anchors` is added, each sent by the least-squares
    affine map of the landmarks (of those in `fit_keys` when given, e.g. the bony ones only), so that what
    lies far from every landmark moves affinely.
    """
    keys = [k for k in src if k in dst]
    if len(keys) < 3:
        raise WarpError(f"the charts share {len(keys)} landmark(s) on this view; a warp needs at least 3")
    p = np.array([src[k] for k in keys], dtype=float)
    q = np.array([dst[k] for k in keys], dtype=float)
    if anchors:
        ring = frame_anchors(*src_frame)
        chosen = [i for i, k in enumerate(keys) if fit_keys is None or k in fit_keys]
        fp, fq = (p[chosen], q[chosen]) if len(chosen) >= 3 else (p, q)
        design = np.column_stack([fp, np.ones(len(fp))])
        if np.linalg.matrix_rank(design) < 3:
            raise WarpError("the shared landmarks lie on one line")
        if np.array_equal(p, q):
            sent = ring  # equal sets: the identity, exactly (a fitted affine map is one only to rounding)
        else:
            fit = affine_fit(fp, fq)
            sent = ring @ fit[:, :2].T + fit[:, 2]
        p = np.vstack([p, ring])
        q = np.vstack([q, sent])
    return Warp(p, q)


@record(frozen=True)
class Distortion:
    """How a warp stretches a set of sample points: Jacobian determinant and singular-value extremes."""

    min_det: float
    max_det: float
    min_stretch: float  # smallest singular value of J: 1 = lengths kept in every direction
    max_stretch: float  # largest singular value of J

    @property
    def folds(self) -> bool:
        """True when the warp turns the plane over somewhere (det J <= 0): marks would cross."""
        return self.min_det <= 0.0


def distortion(warp: Warp | MirroredWarp, points) -> Distortion:
    """The `Distortion` of `warp` over `points` (e.g. a grid over the body silhouette)."""
    jac = warp.jacobian(np.asarray(points, dtype=float).reshape(-1, 2))
    det = jac[:, 0, 0] * jac[:, 1, 1] - jac[:, 0, 1] * jac[:, 1, 0]
    sv = np.linalg.svd(jac, compute_uv=False)
    return Distortion(float(det.min()), float(det.max()), float(sv[:, 1].min()), float(sv[:, 0].max()))
