"""The landmark warp: exact on landmarks, identity on equal sets, mirror-consistent, bounded distortion."""

from __future__ import annotations

import numpy as np
import pytest
from chart_synthetic import chart_one, deform, synthetic_chart
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap import geometry
from painmap.chart_versions import record_from_atlas
from painmap.warp import Warp, WarpError, affine_fit, distortion, frame_anchors, landmark_warp


@pytest.fixture(scope="module")
def atlas():
    """Chart 1 of the male body (the chart the patterns are drawn on), whatever chart is the default."""
    return chart_one()


def landmarks(view) -> dict[str, tuple[float, float]]:
    return {lm.key: (lm.x, lm.y) for lm in view.landmarks}


def body_grid(view, step: float = 8.0) -> np.ndarray:
    """Points every `step` mm inside the view's silhouette."""
    xs, ys = np.meshgrid(np.arange(0, view.width, step), np.arange(0, view.height, step))
    pts = np.column_stack([xs.ravel(), ys.ravel()])
    inside = np.zeros(len(pts), dtype=bool)
    for outline in view.silhouette:
        inside ^= geometry.contains(outline, pts)
    return pts[inside]


def perturbed(src: dict, scale: float, shift: tuple[float, float], wobble: float, rng: np.random.Generator) -> dict:
    """src scaled and shifted, bent smoothly, plus a small independent jitter per landmark."""
    out = {}
    phase = rng.uniform(0, 6.3, 2)
    for key, (x, y) in src.items():
        jx, jy = rng.normal(0, 0.8, 2)
        out[key] = (
            scale * x + shift[0] + wobble * np.sin(y / 250 + phase[0]) + jx,
            scale * y + shift[1] + wobble * np.cos(x / 180 + phase[1]) + jy,
        )
    return out


@settings(max_examples=25, deadline=None)
@given(
    scale=st.floats(0.85, 1.2),
    sx=st.floats(-60, 60),
    sy=st.floats(-60, 60),
    wobble=st.floats(0, 15),
    seed=st.integers(0, 2**31),
)
def test_landmarks_land_exactly_and_the_body_does_not_fold(atlas, scale, sx, sy, wobble, seed):
    view = atlas.views["posterior"]
    src = landmarks(view)
    dst = perturbed(src, scale, (sx, sy), wobble, np.random.default_rng(seed))
    warp = landmark_warp(src, dst, (view.width, view.height))
    keys = list(src)
    got = warp(np.array([src[k] for k in keys]))
    assert np.abs(got - np.array([dst[k] for k in keys])).max() < 1e-6
    d = distortion(warp, body_grid(view, 12.0))
    assert not d.folds
    # local scale stays near the global scale: no region of the body is crushed or blown up
    assert 0.55 * scale**2 < d.min_det and d.max_det < 1.8 * scale**2
    assert 0.6 * scale < d.min_stretch and d.max_stretch < 1.6 * scale


def test_equal_sets_give_the_identity_exactly(atlas):
    view = atlas.views["lateral"]
    src = landmarks(view)
    warp = landmark_warp(src, dict(src), (view.width, view.height))
    pts = np.random.default_rng(1).uniform(0, 500, (200, 2))
    assert warp.identity
    assert np.array_equal(warp(pts), pts)
    assert np.array_equal(warp.jacobian(pts[:3]), np.broadcast_to(np.eye(2), (3, 2, 2)))
    # and the spline itself (not only the short cut) is the identity to rounding
    spline = Warp(warp.src + 0.0, warp.dst + 1e-13)
    assert not spline.identity and np.abs(spline(pts) - pts).max() < 1e-9


def test_jacobian_matches_finite_differences(atlas):
    chart2 = synthetic_chart(atlas)
    src, dst = record_from_atlas(atlas), record_from_atlas(chart2)
    a, b = src.views["posterior"], dst.views["posterior"]
    warp = landmark_warp(a.landmarks, b.landmarks, (a.width, a.height))
    pts = np.random.default_rng(2).uniform([100, 500], [540, 1000], (50, 2))
    eps = 1e-4
    num = np.stack(
        [
            (warp(pts + np.array([eps, 0])) - warp(pts - np.array([eps, 0]))) / (2 * eps),
            (warp(pts + np.array([0, eps])) - warp(pts - np.array([0, eps]))) / (2 * eps),
        ],
        axis=2,
    )
    assert np.abs(warp.jacobian(pts) - num).max() < 1e-6
    # the Jacobian at a control point is finite too (r² log r is smooth there)
    assert np.isfinite(warp.jacobian(warp.src)).all()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 640), st.floats(0, 1800)), min_size=1, max_size=40))
def test_mirror_consistent_between_symmetric_charts(atlas, points):
    """Warping a mirrored point = mirroring the warped point (both charts symmetric about their midlines)."""
    chart2 = synthetic_chart(atlas)
    a, b = atlas.views["posterior"], chart2.views["posterior"]
    src, dst = record_from_atlas(atlas).views["posterior"], record_from_atlas(chart2).views["posterior"]
    warp = landmark_warp(src.landmarks, dst.landmarks, (a.width, a.height))
    pts = np.array(points)
    mirrored_first = warp(np.column_stack([a.width - pts[:, 0], pts[:, 1]]))
    then_mirrored = warp(pts)
    then_mirrored[:, 0] = b.width - then_mirrored[:, 0]
    assert np.abs(mirrored_first - then_mirrored).max() < 1e-6


def test_synthetic_chart_is_recovered_within_5_mm_on_the_pelvis(atlas):
    """Against the known deformation: the warp from landmarks alone finds it to a few mm where people draw."""
    chart2 = synthetic_chart(atlas)
    for view_id, box in (("posterior", (180, 600, 460, 950)), ("lateral", (150, 700, 350, 950))):
        src = record_from_atlas(atlas).views[view_id]
        dst = record_from_atlas(chart2).views[view_id]
        warp = landmark_warp(src.landmarks, dst.landmarks, (src.width, src.height))
        grid = body_grid(atlas.views[view_id], 5.0)
        x0, y0, x1, y1 = box
        pelvis = grid[(grid[:, 0] >= x0) & (grid[:, 0] <= x1) & (grid[:, 1] >= y0) & (grid[:, 1] <= y1)]
        err = np.linalg.norm(warp(pelvis) - deform(view_id, pelvis, src.width), axis=1)
        assert err.max() < 5.0, (view_id, err.max())
        d = distortion(warp, grid)
        assert not d.folds and d.min_det > 0.8 and d.max_det < 1.35, (view_id, d)


def test_far_from_the_landmarks_the_warp_follows_their_affine_fit(atlas):
    view = atlas.views["posterior"]
    src = landmarks(view)
    dst = perturbed(src, 1.1, (20, -30), 12, np.random.default_rng(5))
    warp = landmark_warp(src, dst, (view.width, view.height))
    fit = affine_fit(np.array(list(src.values())), np.array([dst[k] for k in src]))
    ring = frame_anchors(view.width, view.height)
    assert np.abs(warp(ring) - (ring @ fit[:, :2].T + fit[:, 2])).max() < 1e-6


def test_bad_landmark_sets_are_refused():
    with pytest.raises(WarpError, match="share 2 landmark"):
        landmark_warp({"a": (0, 0), "b": (1, 1)}, {"a": (0, 0), "b": (1, 1), "c": (3, 3)}, (10, 10))
    with pytest.raises(WarpError, match="one line"):
        landmark_warp({"a": (0, 0), "b": (1, 1), "c": (2, 2)}, {"a": (0, 0), "b": (1, 1), "c": (2, 2)}, (10, 10))
    with pytest.raises(WarpError, match="share one position"):
        Warp([(0, 0), (0, 0), (1, 0), (0, 1)], [(0, 0), (1, 1), (1, 0), (0, 1)])
    with pytest.raises(WarpError, match="not finite"):
        Warp([(0, 0), (np.nan, 0), (1, 1)], [(0, 0), (1, 0), (1, 1)])
