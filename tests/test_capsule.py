"""The pointer move's plain-Python capsule (painmap.capsule) gives the brush's numbers to the bit: the box of
`stroke_rect`, the spans of `capsule_spans`, and so the same pixels, counts and extents in `PainMasks`."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap.atlas import load_atlas
from painmap.brush import capsule_spans, stroke_rect
from painmap.capsule import plain_segment, segment_box, segment_spans
from painmap.errors import PainmapError
from painmap.grid import Grid
from painmap.raster import PainMasks

coordinate = st.one_of(
    st.floats(-30, 230), st.integers(-30, 230).map(float), st.sampled_from([0.0, 50.0, 99.5, 100.25, 200.0])
)
point = st.tuples(coordinate, coordinate)
radius = st.one_of(st.floats(0.05, 40), st.sampled_from([0.5, 1.0, 6.0, 12.0]))
px_per_mm = st.sampled_from([1.0, 0.5, 2.0, 1.37, 4.0])


@settings(max_examples=300, deadline=None)
@given(point, point | st.just((10.0, 10.0)), radius, px_per_mm, st.booleans())
def test_box_and_spans_equal_the_brush(p0, p1, r, k, same):
    """Any segment (a disc when both ends meet; horizontal, vertical, off the frame): the same box and spans."""
    p1 = p0 if same else p1
    grid = Grid("posterior", 200.0, 300.0, k)
    seg = plain_segment(p0, p1, r)
    box = segment_box(grid, *seg)
    assert box == stroke_rect(grid, np.array([p0, p1], dtype=np.float64), r)
    rows, c0, c1, _ = capsule_spans(grid, np.array([p0], dtype=float), np.array([p1], dtype=float), np.array([r]))
    assert segment_spans(grid, box, *seg) == list(zip(rows.tolist(), c0.tolist(), c1.tolist(), strict=True))


ATLAS = load_atlas()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(point, point, radius, st.integers(0, 10)), min_size=1, max_size=8), px_per_mm)
def test_painted_segments_equal_the_general_path(segments, k):
    """Segments painted and erased one by one: the same array, area and extent as the many-mark path."""
    offset = (300.0, 750.0)  # onto the body
    fast, general = PainMasks(ATLAS, k), PainMasks(ATLAS, k)
    for p0, p1, r, value in segments:
        a, b = (p0[0] + offset[0], p0[1] + offset[1]), (p1[0] + offset[0], p1[1] + offset[1])
        rect = fast.segment("posterior", a, b, r, value) if value else fast.erase_segment("posterior", a, b, r)
        assert rect == general._paint("posterior", (a, b), r, value)
    assert np.array_equal(fast.intensity("posterior"), general.intensity("posterior"))
    assert fast.area("posterior") == general.area("posterior")
    assert fast.extent("posterior") == general.extent("posterior")


@pytest.mark.parametrize(
    ("p0", "r"), [((float("nan"), 5.0), 5.0), ((1e7, 5.0), 5.0), ((5.0, 5.0), 0.0), ((5.0, 5.0), float("inf"))]
)
def test_a_bad_segment_is_refused_as_before(p0, r):
    """Not finite, out of range, a bad radius: the general path's PainmapError, nothing painted."""
    masks = PainMasks(ATLAS)
    with pytest.raises(PainmapError):
        masks.segment("posterior", p0, (300.0, 800.0), r, 5)
    assert masks.empty
