"""Polygon helpers against hand-computed answers."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from painmap import geometry as g

SQUARE = g.as_polygon([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]])


def test_square_area_centroid_contains():
    assert len(SQUARE) == 4
    assert g.area(SQUARE) == 100.0
    assert g.centroid(SQUARE) == (5.0, 5.0)
    assert g.contains(SQUARE, [[5, 5], [11, 5], [-1, -1], [9.9, 0.1]]).tolist() == [True, False, False, True]


def test_bow_tie_is_not_simple():
    bow = g.as_polygon([[0, 0], [10, 10], [10, 0], [0, 10]])
    assert not g.is_simple(bow)
    assert g.is_simple(SQUARE)


def test_distance_to_boundary():
    assert np.allclose(g.distance_to_boundary(SQUARE, [[5, 5], [5, -3]]), [5.0, 3.0])


@given(st.floats(-100, 100), st.floats(-100, 100), st.floats(1, 50))
def test_mirror_twice_is_identity_and_keeps_area(x, y, size):
    poly = g.as_polygon([[x, y], [x + size, y], [x + size / 2, y + size]])
    twice = g.mirror_x(g.mirror_x(poly, 640.0), 640.0)
    assert np.allclose(twice, poly)
    assert np.isclose(g.area(g.mirror_x(poly, 640.0)), g.area(poly))
    assert np.sign(g.signed_area(g.mirror_x(poly, 640.0))) == np.sign(g.signed_area(poly))


def test_nonzero_box_is_half_open_and_none_when_empty():
    a = np.zeros((6, 8), dtype=np.uint8)
    assert g.nonzero_box(a) is None
    a[2, 3] = a[4, 6] = 1
    assert g.nonzero_box(a) == (2, 5, 3, 7)
