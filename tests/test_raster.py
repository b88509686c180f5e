"""Rasterizing: grids, polygons, capsules, fills, erasing, latest-wins intensity, dirty rectangles, exact undo."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_raster_synthetic import rect, synthetic_atlas

from painmap.drawing import Drawing, Erase, Fill, Stroke
from painmap.errors import PainmapError, UnknownIdError
from painmap.raster import (
    AtlasMasks,
    DirtyRect,
    Grid,
    PainMasks,
    capsule,
    capsule_spans,
    polygon_mask,
    polyline_segments,
    spans_mask,
    stroke_rect,
)

ATLAS = synthetic_atlas()


def stroke(points, radius=5.0, intensity=5, view="posterior") -> Stroke:
    return Stroke(view=view, radius=radius, intensity=intensity, quality="aching", points=tuple(points))


def test_grid_shape_and_centres():
    g = Grid("posterior", 640.0, 1800.0, 1.0)
    assert g.shape == (1800, 640)
    assert g.col_centres(0, 3).tolist() == [0.5, 1.5, 2.5]
    g2 = Grid("posterior", 640.0, 1800.0, 2.0)
    assert g2.shape == (3600, 1280)
    assert g2.to_mm(*g2.to_px(12.5, 40.0)) == (12.5, 40.0)


def test_dirty_rect_union_empty_and_mm():
    a = DirtyRect("posterior", 2, 3, 5, 7, 2.0, 2.0)
    b = DirtyRect("posterior", 4, 1, 9, 4, 2.0, 2.0)
    u = a.union(b)
    assert (u.x0, u.y0, u.x1, u.y1) == (2, 1, 9, 7)
    assert DirtyRect.none("posterior").empty and not a.empty
    assert a.union(DirtyRect.none("posterior")) == a
    assert DirtyRect.none("posterior").union(a) == a
    assert a.to_mm() == (1.0, 1.5, 2.5, 3.5)
    with pytest.raises(PainmapError):
        a.union(DirtyRect("lateral", 0, 0, 1, 1))


def test_polygon_mask_samples_pixel_centres():
    g = Grid("v", 10.0, 10.0, 1.0)
    m = polygon_mask(g, rect(2, 2, 5, 5))
    expected = np.zeros((10, 10), bool)
    expected[2:5, 2:5] = True
    assert np.array_equal(m, expected)
    # a triangle: pixel centres below the diagonal y = x are inside
    tri = polygon_mask(g, [[0, 0], [10, 0], [10, 10]])
    ys, xs = np.mgrid[0:10, 0:10] + 0.5
    assert np.array_equal(tri[ys != xs], (ys < xs)[ys != xs])


def test_polygon_mask_area_matches_polygon_area():
    g = Grid("v", 400.0, 400.0, 1.0)
    t = np.linspace(0, 2 * np.pi, 200, endpoint=False)
    circle = np.c_[200 + 150 * np.cos(t), 200 + 150 * np.sin(t)]
    area = np.count_nonzero(polygon_mask(g, circle))
    assert area == pytest.approx(0.5 * 200 * 150**2 * np.sin(2 * np.pi / 200), rel=2e-3)


def test_capsule_is_disc_for_one_point_and_segment_union():
    xs = np.arange(20) + 0.5
    disc = capsule(xs, xs, (10, 10), (10, 10), 3.0)
    yy, xx = np.meshgrid(xs, xs, indexing="ij")
    assert np.array_equal(disc, (xx - 10) ** 2 + (yy - 10) ** 2 <= 9)
    line = capsule(xs, xs, (5, 10), (15, 10), 2.0)
    assert line[10, 5:15].all() and not line[14, 10] and line[11, 10]


def test_atlas_masks_are_cached_and_partition_the_silhouette():
    am = AtlasMasks(ATLAS, 1.0)
    assert AtlasMasks(ATLAS, 1.0) is am
    assert AtlasMasks(ATLAS, 2.0) is not am
    post = am.view("posterior")
    assert post.silhouette_area == 160 * 260
    assert np.array_equal(post.labels != 0, post.silhouette)  # every body pixel in exactly one region
    assert np.count_nonzero(post.region_mask("buttock-right")) == 70 * 130
    with pytest.raises(UnknownIdError):
        am.view("anterior")
    with pytest.raises(UnknownIdError):
        post.region_mask("nose")


def test_mirror_views_are_exact_flips():
    am = AtlasMasks(ATLAS, 1.0)
    lat, latl = am.view("lateral"), am.view("lateral-left")
    assert np.array_equal(latl.silhouette, lat.silhouette[:, ::-1])
    assert np.array_equal(latl.region_mask("hip-left"), lat.region_mask("hip-right")[:, ::-1])
    post = am.view("posterior")
    assert np.array_equal(post.region_mask("back-left"), post.region_mask("back-right")[:, ::-1])


def test_segment_paints_capsule_clipped_to_silhouette_and_reports_rect():
    pm = PainMasks(ATLAS, 1.0)
    r = pm.segment("posterior", (15, 50), (60, 50), 10.0, 7)
    arr = pm.intensity("posterior")
    assert set(np.unique(arr)) == {0, 7}
    assert not arr[:, :20].any()  # outside the body stays clean
    assert arr[50, 20] == 7 and arr[50, 59] == 7 and arr[50, 75] == 0
    rows, cols = np.nonzero(arr)
    assert r.x0 <= cols.min() and cols.max() < r.x1 and r.y0 <= rows.min() and rows.max() < r.y1
    assert r.width <= 45 + 20 + 3 and r.height <= 20 + 3  # the bounding box, not the view
    assert pm.views_used() == ["posterior"]
    assert pm.area("posterior") == np.count_nonzero(arr)


def test_changes_stay_inside_the_dirty_rect():
    pm = PainMasks(ATLAS, 1.0)
    pm.apply(stroke([(30, 30), (150, 250)], radius=12, intensity=3))
    before = pm.intensity("posterior").copy()
    r = pm.apply(stroke([(100, 100), (120, 140), (60, 200)], radius=8, intensity=9))
    changed = pm.intensity("posterior") != before
    outside = changed.copy()
    outside[r.slices] = False
    assert changed.any() and not outside.any()


def test_stroke_equals_union_of_segments_and_single_point_is_disc():
    pts = [(40, 40), (80, 60), (85, 62), (120, 200), (40, 40)]
    a = PainMasks(ATLAS, 1.0)
    a.apply(stroke(pts, radius=6.5))
    b = PainMasks(ATLAS, 1.0)
    for p0, p1 in itertools.pairwise(pts):
        b.segment("posterior", p0, p1, 6.5, 5)
    assert np.array_equal(a.intensity("posterior"), b.intensity("posterior"))
    c = PainMasks(ATLAS, 1.0)
    c.apply(stroke([(100, 100)], radius=4))
    assert np.count_nonzero(c.mask("posterior")) == np.count_nonzero(
        capsule(np.arange(200) + 0.5, np.arange(300) + 0.5, (100, 100), (100, 100), 4)
    )


def test_fill_is_exactly_the_region_mask():
    pm = PainMasks(ATLAS, 1.0)
    r = pm.apply(Fill(view="lateral-left", region="hip-left", intensity=4, quality="aching"))
    region = AtlasMasks(ATLAS, 1.0).view("lateral-left").region_mask("hip-left")
    assert np.array_equal(pm.mask("lateral-left"), region)
    assert (pm.intensity("lateral-left")[region] == 4).all()
    assert not r.empty and np.count_nonzero(region[r.slices]) == np.count_nonzero(region)
    with pytest.raises(UnknownIdError):
        pm.fill("posterior", "hip-left", 3)


def test_latest_mark_wins_and_erase_sets_zero():
    pm = PainMasks(ATLAS, 1.0)
    pm.apply(Fill(view="posterior", region="back-right", intensity=8, quality="aching"))
    pm.apply(stroke([(140, 80)], radius=10, intensity=2))
    arr = pm.intensity("posterior")
    assert arr[80, 140] == 2 and arr[30, 170] == 8
    pm.apply(Fill(view="posterior", region="back-right", intensity=5, quality="aching"))
    assert pm.intensity("posterior")[80, 140] == 5
    pm.apply(Erase(view="posterior", radius=10, points=((140, 80),)))
    arr = pm.intensity("posterior")
    assert arr[80, 140] == 0 and arr[30, 170] == 5
    assert pm.area("posterior") == np.count_nonzero(arr)


def test_erasing_everything_leaves_no_view_used():
    pm = PainMasks(ATLAS, 1.0)
    pm.apply(stroke([(50, 50)], radius=5))
    pm.apply(Erase(view="posterior", radius=10, points=((50, 50),)))
    assert pm.views_used() == [] and pm.empty
    pm.apply(Erase(view="lateral", radius=10, points=((50, 50),)))  # never painted: nothing happens
    assert pm.views_used() == []


def test_patch_undo_is_exact():
    pm = PainMasks(ATLAS, 1.0)
    pm.apply(stroke([(30, 30), (170, 270)], radius=15, intensity=3))
    before = pm.intensity("posterior").copy()
    mark = stroke([(100, 40), (100, 260)], radius=20, intensity=9)
    patch = pm.take_patch(pm.bounds(mark))
    r = pm.apply(mark)
    assert r == pm.bounds(mark)
    assert not np.array_equal(pm.intensity("posterior"), before)
    assert pm.put_patch(patch) == patch.rect
    assert np.array_equal(pm.intensity("posterior"), before)
    assert pm.area("posterior") == np.count_nonzero(before)


def test_patch_of_an_unpainted_view_undoes_to_empty():
    pm = PainMasks(ATLAS, 1.0)
    mark = stroke([(50, 100)], radius=10, view="lateral")
    patch = pm.take_patch(pm.bounds(mark))
    pm.apply(mark)
    pm.put_patch(patch)
    assert pm.views_used() == [] and not pm.mask("lateral").any()


def test_from_drawing_and_copy_are_independent():
    d = Drawing(
        marks=[stroke([(50, 50), (60, 60)]), Fill(view="lateral", region="hip-right", intensity=2, quality="dull")]
    )
    pm = PainMasks.from_drawing(d, ATLAS, 1.0)
    assert pm.views_used() == ["posterior", "lateral"]
    cp = pm.copy()
    cp.apply(Erase(view="posterior", radius=30, points=((55, 55),)))
    assert pm.area("posterior") > 0 and cp.area("posterior") == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda pm: pm.segment("posterior", (1, 1), (2, 2), 0.0, 5),
        lambda pm: pm.segment("posterior", (1, 1), (2, 2), float("nan"), 5),
        lambda pm: pm.segment("posterior", (1, 1), (2, 2), 3.0, 11),
        lambda pm: pm.segment("posterior", (1, 1), (2, 2), 3.0, 0),
        lambda pm: pm.segment("posterior", (float("inf"), 1), (2, 2), 3.0, 5),
        lambda pm: pm.segment("nowhere", (1, 1), (2, 2), 3.0, 5),
    ],
)
def test_bad_arguments_raise_our_errors(call):
    with pytest.raises(PainmapError):
        call(PainMasks(ATLAS, 1.0))


def test_marks_outside_the_frame_are_clipped():
    pm = PainMasks(ATLAS, 1.0)
    r = pm.segment("posterior", (-500, -500), (-400, -400), 10, 5)
    assert r.empty and pm.empty
    r = pm.segment("posterior", (-50, 100), (60, 100), 5, 5)
    assert r.x0 == 0 and pm.area("posterior") > 0


coord = st.floats(0, 200, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(coord, st.floats(0, 300)), min_size=1, max_size=6),
    st.floats(0.5, 30),
    st.integers(1, 10),
)
def test_undo_restores_exactly_and_rect_bounds_changes(points, radius, intensity):
    pm = PainMasks(ATLAS, 1.0)
    pm.apply(stroke([(60, 60), (150, 220)], radius=18, intensity=4))
    before = pm.intensity("posterior").copy()
    mark = stroke(points, radius=radius, intensity=intensity)
    patch = pm.take_patch(pm.bounds(mark))
    r = pm.apply(mark)
    changed = pm.intensity("posterior") != before
    changed[r.slices] = False
    assert not changed.any()
    pm.put_patch(patch)
    assert np.array_equal(pm.intensity("posterior"), before)


point = st.tuples(st.floats(-20, 220), st.floats(-20, 320))
brush = st.builds(
    lambda pts, r, i, erase: (
        Erase(view="posterior", radius=r, points=tuple(pts)) if erase else stroke(pts, radius=r, intensity=i)
    ),
    st.lists(point, min_size=1, max_size=8),
    st.floats(0.3, 40),
    st.integers(1, 10),
    st.booleans(),
)
fill = st.builds(
    lambda region, i: Fill(view="posterior", region=region, intensity=i, quality="aching"),
    st.sampled_from(["back-left", "spine", "back-right", "buttock-left", "buttock-right"]),
    st.integers(1, 10),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(brush, brush, fill), min_size=1, max_size=12))
def test_batched_marks_equal_one_by_one(marks):
    one = PainMasks(ATLAS, 1.0)
    rects = [one.apply(m) for m in marks]
    many = PainMasks(ATLAS, 1.0)
    assert many.apply_marks(marks) == rects
    assert np.array_equal(one.intensity("posterior"), many.intensity("posterior"))
    assert one.area("posterior") == many.area("posterior") == np.count_nonzero(many.intensity("posterior"))


@settings(max_examples=80, deadline=None)
@given(st.lists(point, min_size=1, max_size=5), st.floats(0.5, 30), st.sampled_from([1.0, 2.0, 1.37]))
def test_brush_pixels_match_the_distance_definition(points, radius, px_per_mm):
    """Span rasterizing = pixel centres within `radius` of the polyline (up to floating-point ties)."""
    grid = Grid("posterior", 200.0, 300.0, px_per_mm)
    pts = np.asarray(points, dtype=float)
    rect = stroke_rect(grid, pts, radius)
    if rect.empty:
        return
    a, b = polyline_segments(pts)
    rows, c0, c1, _ = capsule_spans(grid, a, b, np.full(len(a), radius))
    spans = spans_mask(rows, c0, c1, rect)
    xs, ys = grid.col_centres(rect.x0, rect.x1), grid.row_centres(rect.y0, rect.y1)
    ref = np.zeros_like(spans)
    for p0, p1 in zip(a, b, strict=True):
        ref |= capsule(xs, ys, p0, p1, radius)
    # The two may differ only at floating-point ties: pixel centres exactly `radius` from the polyline.
    rr, cc = np.nonzero(spans != ref)
    centres = np.stack([xs[cc], ys[rr]], axis=1)
    for c in centres:
        d = min(_distance_to_segment(c, p0, p1) for p0, p1 in zip(a, b, strict=True))
        assert abs(d - radius) < 1e-9 * max(1.0, radius), (c, d, radius)


def _distance_to_segment(c, p0, p1) -> float:
    p0, p1, c = np.asarray(p0, float), np.asarray(p1, float), np.asarray(c, float)
    ab = p1 - p0
    t = 0.0 if not ab.any() else float(np.clip(np.dot(c - p0, ab) / np.dot(ab, ab), 0.0, 1.0))
    return float(np.hypot(*(c - (p0 + t * ab))))


@settings(max_examples=60, deadline=None)
@given(st.lists(point, min_size=1, max_size=5), st.floats(0.5, 30))
def test_brush_is_mirror_exact(points, radius):
    pm, mirrored = PainMasks(ATLAS, 1.0), PainMasks(ATLAS, 1.0)
    pm.apply(stroke(points, radius=radius))
    mirrored.apply(stroke([(200.0 - x, y) for x, y in points], radius=radius))
    assert np.count_nonzero(pm.mask("posterior")[:, ::-1] != mirrored.mask("posterior")) == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(brush, fill), min_size=1, max_size=8))
def test_extent_holds_every_painted_pixel(marks):
    pm = PainMasks(ATLAS, 1.0)
    pm.apply_marks(marks)
    painted = pm.mask("posterior")
    ext = pm.extent("posterior")
    inside = np.zeros_like(painted)
    inside[ext.slices] = True
    assert not (painted & ~inside).any()
    assert ext.empty == (not painted.any())


def test_seams_between_regions_go_to_a_neighbour():
    from painmap.atlas import Atlas, Region, View

    regions = (
        Region("a-left", "a", "left", rect(10, 10, 48.2, 40)),
        Region("a-right", "a", "right", rect(51.8, 10, 90, 40)),
    )
    view = View("posterior", "p", 100.0, 50.0, "posterior", (rect(10, 10, 90, 40),), regions, (), (), ("L", "R"))
    vm = AtlasMasks(Atlas({"posterior": view}), 1.0).view("posterior")
    assert np.array_equal(vm.labels != 0, vm.silhouette)
    assert np.count_nonzero(vm.region_mask("a-left")) == np.count_nonzero(vm.region_mask("a-right")) == 40 * 30


@settings(max_examples=40, deadline=None)
@given(st.lists(point, min_size=2, max_size=30), st.floats(0.3, 40), st.sampled_from([1.0, 2.0, 1.37]))
def test_one_pass_and_pieces_agree(points, radius, px_per_mm):
    import painmap.brush as brush

    grid = Grid("posterior", 200.0, 300.0, px_per_mm)
    a, b = polyline_segments(np.asarray(points, dtype=float))
    radii = np.linspace(radius, radius * 1.5, len(a))
    saved = brush._FLAT_ROWS
    try:
        brush._FLAT_ROWS = 10**9
        flat = capsule_spans(grid, a, b, radii)
        brush._FLAT_ROWS = 7  # pieces of a segment or a few
        grouped = capsule_spans(grid, a, b, radii)
    finally:
        brush._FLAT_ROWS = saved
    assert all(np.array_equal(x, y) for x, y in zip(flat, grouped, strict=True))


lateral_brush = st.builds(
    lambda pts, r, i, erase: (
        Erase(view="lateral", radius=r, points=tuple(pts))
        if erase
        else stroke(pts, radius=r, intensity=i, view="lateral")
    ),
    st.lists(st.tuples(st.floats(-10, 110), st.floats(-10, 310)), min_size=1, max_size=6),
    st.floats(0.3, 30),
    st.integers(1, 10),
    st.booleans(),
)
lateral_fill = st.builds(
    lambda region, i: Fill(view="lateral", region=region, intensity=i, quality="aching"),
    st.sampled_from(["flank-right", "hip-right"]),
    st.integers(1, 10),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(brush, brush, fill, lateral_brush, lateral_brush, lateral_fill), min_size=1, max_size=16),
    st.sampled_from([1.0, 0.5]),
)
def test_marks_of_interleaved_views_equal_one_by_one(marks, px_per_mm):
    """Batching each view's marks together (views are independent) changes no pixel, count or rect."""
    one = PainMasks(ATLAS, px_per_mm)
    rects = [one.apply(m) for m in marks]
    many = PainMasks(ATLAS, px_per_mm)
    assert many.apply_marks(marks) == rects
    for view in ATLAS.views:
        assert np.array_equal(one.intensity(view), many.intensity(view))
        assert one.area(view) == many.area(view) == np.count_nonzero(many.intensity(view))
        inside = np.zeros(many.intensity(view).shape, dtype=bool)
        inside[many.extent(view).slices] = True
        assert not (many.mask(view) & ~inside).any()  # the extent may differ with batching, but holds all
    assert one.views_used() == many.views_used()
