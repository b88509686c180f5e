"""Properties of the pieces under learn / evaluate: contour outlines give back their pixels; AUC is Mann-Whitney."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap.contours import mask_polygons
from painmap.evaluate import roc_auc
from painmap.raster import Grid, polygon_mask


def _fill_holes(mask: np.ndarray) -> np.ndarray:
    """The mask with every background pixel not connected to the border filled (4-connectivity)."""
    outside = np.zeros_like(mask)
    outside[0, :], outside[-1, :], outside[:, 0], outside[:, -1] = ~mask[0, :], ~mask[-1, :], ~mask[:, 0], ~mask[:, -1]
    while True:
        grown = outside.copy()
        grown[1:] |= outside[:-1]
        grown[:-1] |= outside[1:]
        grown[:, 1:] |= outside[:, :-1]
        grown[:, :-1] |= outside[:, 1:]
        grown &= ~mask
        if (grown == outside).all():
            return ~outside
        outside = grown


BOXES = st.tuples(st.integers(1, 20), st.integers(1, 20), st.integers(2, 12), st.integers(2, 12))


@settings(max_examples=40, deadline=None)
@given(st.lists(BOXES, min_size=1, max_size=5))
def test_outlines_rasterize_back_to_the_mask_with_holes_filled(boxes):
    mask = np.zeros((34, 34), dtype=bool)
    for r, c, h, w in boxes:
        mask[r : r + h, c : c + w] = True
    grid = Grid("posterior", 34.0, 34.0, 1.0)
    polygons = mask_polygons(mask, grid.sx, grid.sy, min_area_mm2=0.0)
    painted = np.zeros_like(mask)
    for poly in polygons:
        painted |= polygon_mask(grid, poly)
    np.testing.assert_array_equal(painted, _fill_holes(mask))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), min_size=2, max_size=30))
def test_auc_is_the_share_of_positive_negative_pairs_in_order(pairs):
    scores = np.array([s for s, _ in pairs], dtype=float)
    positive = np.array([p for _, p in pairs])
    auc = roc_auc(scores, positive)
    pos, neg = scores[positive], scores[~positive]
    if not len(pos) or not len(neg):
        assert np.isnan(auc)
        return
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    assert auc == wins / (len(pos) * len(neg))
