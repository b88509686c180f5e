"""The brush's spans equal those of its previous implementation (grouped by row count, one `_slices` per group).

The reference below is the round-before code, kept verbatim as the definition the faster code must match pixel for
pixel; and painting a batch of one value as a union equals painting it stroke by stroke.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap.atlas import load_atlas
from painmap.brush import _segments, capsule_spans
from painmap.drawing import Erase, Stroke
from painmap.grid import Grid, clamp
from painmap.raster import PainMasks


def _reference_slices(y, ax, ay, bx, by, r):
    with np.errstate(all="ignore"):
        r2 = r * r
        d0, d1 = y - ay, y - by
        h0, h1 = np.sqrt(r2 - d0 * d0), np.sqrt(r2 - d1 * d1)
        left = np.fmin(ax - h0, bx - h1)
        right = np.fmax(ax + h0, bx + h1)
        dx, dy = bx - ax, by - ay
        length = np.sqrt(dx * dx + dy * dy)
        slanted = (dy != 0) & (length > 0)
        if np.any(slanted):
            inv = np.where(slanted, 1.0 / dy, np.nan)
            nx = np.where(slanted, -dy / length * r, 0.0)
            ny = np.where(slanted, dx / length * r, 0.0)
            for t, xoff in (((d0 - ny) * inv, nx), ((d0 + ny) * inv, -nx)):
                xs = np.where((t >= 0.0) & (t <= 1.0), ax + t * dx + xoff, np.nan)
                left = np.fmin(left, xs)
                right = np.fmax(right, xs)
    return np.broadcast_to(left, np.shape(y)), np.broadcast_to(right, np.shape(y))


def _reference_spans(grid, a, b, radius, flat_rows=4096):
    r = np.broadcast_to(np.asarray(radius, dtype=np.float64), (len(a),))
    with np.errstate(all="ignore"):
        ymin, ymax = np.minimum(a[:, 1], b[:, 1]) - r, np.maximum(a[:, 1], b[:, 1]) + r
        i0 = clamp(np.floor(ymin * grid.sy - 0.5), 0, grid.rows).astype(np.int64)
        i1 = clamp(np.ceil(ymax * grid.sy - 0.5) + 1, 0, grid.rows).astype(np.int64)
    counts = np.maximum(i1 - i0, 0)
    total = int(counts.sum())
    starts = np.cumsum(counts) - counts
    seg = np.repeat(np.arange(len(a)), counts)
    row = np.repeat(i0 - starts, counts) + np.arange(total)
    if total <= flat_rows:
        left, right = _reference_slices(
            (row + 0.5) / grid.sy, *(np.repeat(v, counts) for v in (a[:, 0], a[:, 1], b[:, 0], b[:, 1], r))
        )
    else:
        left = np.empty(total)
        right = np.empty(total)
        order = np.argsort(counts, kind="stable")
        values, firsts = np.unique(counts[order], return_index=True)
        ends = [*firsts[1:].tolist(), len(order)]
        for count, first, last in zip(values.tolist(), firsts.tolist(), ends, strict=True):
            if count:
                g = order[first:last]
                where = (starts[g][:, None] + np.arange(count)).ravel()
                y = (i0[g][:, None] + np.arange(count) + 0.5) / grid.sy
                col = (v[g][:, None] for v in (a[:, 0], a[:, 1], b[:, 0], b[:, 1], r))
                left[where], right[where] = (v.ravel() for v in _reference_slices(y, *col))
    with np.errstate(invalid="ignore"):
        keep = left <= right
        c0 = clamp(np.ceil(left[keep] * grid.sx - 0.5), 0, grid.cols).astype(np.int64)
        c1 = clamp(np.floor(right[keep] * grid.sx - 0.5) + 1, 0, grid.cols).astype(np.int64)
    nonempty = c1 > c0
    return row[keep][nonempty], c0[nonempty], c1[nonempty], seg[keep][nonempty]


coordinate = st.one_of(st.floats(-20, 220), st.integers(-20, 220).map(float), st.sampled_from([0.0, 50.0, 99.5]))
polyline = st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(polyline, st.floats(0.3, 40)), min_size=1, max_size=12),
    st.sampled_from([1.0, 0.5, 2.0, 1.37]),
    st.sampled_from([1, 4096]),
)
def test_spans_equal_the_previous_implementation(strokes, px_per_mm, flat_rows):
    """Random strokes (horizontal, vertical, repeated and off-frame points included): the very same spans."""
    grid = Grid("posterior", 200.0, 300.0, px_per_mm)
    a, b, r, _ = _segments([(np.asarray(pts, dtype=float), radius) for pts, radius in strokes])
    new = capsule_spans(grid, a, b, r)
    old = _reference_spans(grid, a, b, r, flat_rows)  # flat_rows=1: the grouped layout; 4096: mostly flat
    assert all(np.array_equal(x, y) for x, y in zip(new, old, strict=True))


def test_spans_equal_the_previous_implementation_on_many_rows():
    """A drawing-sized batch (far more rows than one piece) on a real view."""
    rng = np.random.default_rng(12)
    grid = Grid("posterior", 800.0, 1800.0, 1.0)
    strokes = [(rng.normal(400, 60, 2) + rng.normal(0, 12, (int(rng.integers(1, 12)), 2)).cumsum(0),
                float(rng.uniform(2, 30))) for _ in range(400)]  # fmt: skip
    a, b, r, _ = _segments(strokes)
    new, old = capsule_spans(grid, a, b, r), _reference_spans(grid, a, b, r)
    assert len(new[0]) > 50_000 and all(np.array_equal(x, y) for x, y in zip(new, old, strict=True))


ATLAS = load_atlas()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(polyline, st.floats(0.3, 30)), min_size=1, max_size=10),
    st.integers(0, 10),
    st.sampled_from([1.0, 0.5]),
)
def test_a_batch_of_one_value_equals_one_by_one(strokes, value, px_per_mm):
    """Strokes (or erasures, value 0) of one value are painted as a union: the same pixels as one by one."""
    offset = np.array([300.0, 750.0])  # onto the body

    def mark(pts, radius):
        points = tuple(map(tuple, np.asarray(pts) + offset))
        return Erase("posterior", radius, points) if value == 0 else Stroke("posterior", radius, value, "dull", points)

    marks = [mark(pts, radius) for pts, radius in strokes]
    base = [Stroke("posterior", 25.0, 3, "dull", ((350.0, 800.0), (420.0, 860.0)))]
    one, many = PainMasks(ATLAS, px_per_mm), PainMasks(ATLAS, px_per_mm)
    for m in [*base, *marks]:
        one.apply(m)
    many.apply_marks(base)
    many.apply_marks(marks)
    assert np.array_equal(one.intensity("posterior"), many.intensity("posterior"))
    assert one.area("posterior") == many.area("posterior")
