"""SVG path data, transforms and shapes to polylines (painmap.svgpath)."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap import geometry
from painmap.svgpath import (
    TOLERANCE,
    SvgPathError,
    element_polylines,
    iter_shapes,
    parse_path,
    parse_subpaths,
    parse_transform,
)

SVG = "http://www.w3.org/2000/svg"


def _distance_to_polyline(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Distance of each point to the nearest segment of an open polyline."""
    a, b = line[:-1][None], line[1:][None]
    p = points[:, None]
    ab = b - a
    t = np.clip(((p - a) * ab).sum(-1) / np.maximum((ab**2).sum(-1), 1e-18), 0, 1)
    return np.sqrt(((a + t[..., None] * ab - p) ** 2).sum(-1)).min(axis=1)


def _bezier(p0, p1, p2, p3, n=2000) -> np.ndarray:
    t = np.linspace(0, 1, n)[:, None]
    p0, p1, p2, p3 = map(np.asarray, (p0, p1, p2, p3))
    return (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t**2 * p2 + t**3 * p3


def _elem(xml: str) -> ET.Element:
    return ET.fromstring(xml.replace("<svg", f'<svg xmlns="{SVG}"', 1) if xml.startswith("<svg") else xml)


# ----------------------------------------------------------------------------------------------- path data


def test_lines_absolute_relative_and_implicit():
    (square,) = parse_subpaths("M10,10 L20,10 20,20 H10 Z")
    assert square.closed
    assert square.points.tolist() == [[10, 10], [20, 10], [20, 20], [10, 20]]
    (rel,) = parse_path("m10 10 10 0 0 10 h-10 z")
    assert rel.tolist() == square.points.tolist()
    (v,) = parse_path("M0,0 V5 v5 h2")
    assert v.tolist() == [[0, 0], [0, 5], [0, 10], [2, 10]]


def test_drawing_on_after_close_starts_at_the_subpath_start():
    subs = parse_subpaths("M0,0 L10,0 L10,10 Z L0,10")
    assert subs[1].points.tolist() == [[0, 0], [0, 10]]


def test_compact_numbers_and_exponents():
    (pts,) = parse_path("M1.5.5L-2-3l1e1,.5e1")
    assert pts.tolist() == [[1.5, 0.5], [-2, -3], [8, 2]]


def test_several_subpaths_and_relative_move_after_close():
    subs = parse_subpaths("M0,0 L10,0 L10,10 Z m5,5 l1,0 l0,1 z M100,100 L110,100")
    assert [s.closed for s in subs] == [True, True, False]
    assert subs[1].points[0].tolist() == [5, 5]  # relative to the closed subpath's start
    assert subs[2].points.tolist() == [[100, 100], [110, 100]]


def test_cubic_is_within_tolerance_and_hits_its_end():
    p = [(0, 0), (30, 120), (90, -60), (120, 40)]
    (pts,) = parse_path("M0,0 C30,120 90,-60 120,40")
    assert pts[0].tolist() == [0, 0] and np.allclose(pts[-1], [120, 40])
    assert _distance_to_polyline(_bezier(*p), pts).max() <= TOLERANCE + 1e-9
    assert len(pts) < 200  # not absurdly dense


def test_smooth_cubic_reflects_the_previous_control_point():
    (a,) = parse_path("M0,0 C0,50 50,50 50,0 S100,-50 100,0")
    (b,) = parse_path("M0,0 C0,50 50,50 50,0 C50,-50 100,-50 100,0")
    assert np.allclose(a, b)
    (rel,) = parse_path("M0,0 c0,50 50,50 50,0 s50,-50 50,0")
    assert np.allclose(rel, b)


def test_quadratic_and_smooth_quadratic():
    (a,) = parse_path("M0,0 Q50,100 100,0 T200,0")
    (b,) = parse_path("M0,0 Q50,100 100,0 Q150,-100 200,0")
    assert np.allclose(a, b)
    # the peak of the first quadratic is at (50, 50)
    assert abs(a[:, 1].max() - 50) <= TOLERANCE


def test_arc_lies_on_its_circle():
    (pts,) = parse_path("M100,50 A50,50 0 0 1 0,50")
    r = np.hypot(pts[:, 0] - 50, pts[:, 1] - 50)
    assert np.allclose(r, 50, atol=1e-6)
    assert np.allclose(pts[-1], [0, 50])
    assert pts[:, 1].max() > 99  # sweep 1 from the right end goes through the bottom (y down)
    chord_mid = (pts[:-1] + pts[1:]) / 2
    assert (50 - np.hypot(chord_mid[:, 0] - 50, chord_mid[:, 1] - 50)).max() <= TOLERANCE


def test_arc_flags_may_be_glued_to_numbers():
    (a,) = parse_path("M0,0 a5,5 0 011,1")
    (b,) = parse_path("M0,0 a5 5 0 0 1 1 1")
    assert np.allclose(a, b)


def test_arc_with_too_small_radii_is_scaled_up():
    (pts,) = parse_path("M0,0 A1,1 0 0 1 100,0")
    assert np.allclose(pts[-1], [100, 0])
    assert np.allclose(np.hypot(pts[:, 0] - 50, pts[:, 1]), 50, atol=1e-6)


@pytest.mark.parametrize(
    "d",
    ["L0,0", "M0,0 L5", "M0,0 X5,5", "M0,0 A5,5 0 2 0 1,1", "M0,0 Z 5", "10,10", "M0 0 L 5 6 7 L 8", "M0,0 L"],
)
def test_bad_path_data_is_refused(d):
    with pytest.raises(SvgPathError):
        parse_path(d)


# ----------------------------------------------------------------------------------------------- transforms


def test_transform_order_is_right_to_left():
    m = parse_transform("translate(10,0) scale(2)")
    assert np.allclose(m @ [1, 1, 1], [12, 2, 1])
    m = parse_transform("rotate(90, 10, 10)")
    assert np.allclose(m @ [20, 10, 1], [10, 20, 1])
    m = parse_transform("matrix(1 0 0 1 5 6) skewX(45)")
    assert np.allclose(m @ [0, 10, 1], [15, 16, 1])
    assert np.allclose(parse_transform("skewY(45)") @ [10, 0, 1], [10, 10, 1])
    assert np.allclose(parse_transform(None), np.eye(3))


@pytest.mark.parametrize("text", ["translate(1,2,3)", "perspective(2)", "scale(1) junk"])
def test_bad_transform_is_refused(text):
    with pytest.raises(SvgPathError):
        parse_transform(text)


@settings(max_examples=60, deadline=None)
@given(
    tx=st.floats(-500, 500),
    ty=st.floats(-500, 500),
    s=st.floats(0.1, 10),
    angle=st.floats(-360, 360),
)
def test_transform_composition_matches_the_matrix_product(tx, ty, s, angle):
    combined = parse_transform(f"translate({tx},{ty}) rotate({angle}) scale({s})")
    separate = (
        parse_transform(f"translate({tx},{ty})") @ parse_transform(f"rotate({angle})") @ parse_transform(f"scale({s})")
    )
    assert np.allclose(combined, separate)
    (pts,) = parse_path("M0,0 L10,0 L10,10", combined)
    assert np.allclose(pts[1], combined[:2, :2] @ [10, 0] + combined[:2, 2])


# ----------------------------------------------------------------------------------------------- elements


def test_circle_ellipse_rect_polygon_polyline_line():
    (circle,) = element_polylines(_elem(f'<circle xmlns="{SVG}" cx="10" cy="20" r="30"/>'))
    assert 0 <= math.pi * 900 - geometry.area(circle) <= 2 * math.pi * 30 * TOLERANCE  # inscribed, within tolerance
    assert np.allclose(geometry.centroid(circle), (10, 20), atol=1e-6)
    (ellipse,) = element_polylines(
        _elem(f'<ellipse xmlns="{SVG}" cx="0" cy="0" rx="20" ry="10" transform="scale(2)"/>')
    )
    assert np.allclose(ellipse[:, 0].max(), 40) and 0 <= 20 - ellipse[:, 1].max() <= TOLERANCE
    (rect,) = element_polylines(_elem(f'<rect xmlns="{SVG}" x="1" y="2" width="10" height="5"/>'))
    assert geometry.area(rect) == pytest.approx(50)
    (rounded,) = element_polylines(_elem(f'<rect xmlns="{SVG}" width="100" height="50" rx="4"/>'))
    exact = 5000 - (4 - math.pi) * 16
    assert 0 <= exact - geometry.area(rounded) <= 2 * math.pi * 4 * TOLERANCE
    (poly,) = element_polylines(_elem(f'<polygon xmlns="{SVG}" points="0,0 10,0 10,10"/>'))
    assert geometry.area(poly) == pytest.approx(50)
    (line,) = element_polylines(_elem(f'<polyline xmlns="{SVG}" points="0 0 5 5 10 0"/>'))
    assert len(line) == 3
    (seg,) = element_polylines(_elem(f'<line xmlns="{SVG}" x1="1" y1="2" x2="3" y2="4"/>'))
    assert seg.tolist() == [[1, 2], [3, 4]]


def test_unit_suffixes_are_refused():
    with pytest.raises(SvgPathError, match="units"):
        element_polylines(_elem(f'<circle xmlns="{SVG}" cx="1mm" cy="0" r="3"/>'))


def test_iter_shapes_accumulates_transforms_and_hidden_layers():
    root = _elem(
        '<svg><defs><path d="M0,0 L1,1"/></defs>'
        '<g transform="translate(100,0)"><g style="fill:red;display:none" transform="scale(2)">'
        '<path id="p" d="M1,1 L2,2" transform="translate(1,0)"/></g>'
        '<circle id="c" cx="0" cy="0" r="1"/></g><text>hello</text></svg>'
    )
    shapes = list(iter_shapes(root))
    assert [s.element.get("id") for s in shapes] == ["p", "c"]
    assert shapes[0].hidden and not shapes[1].hidden
    assert shapes[0].subpaths[0].points.tolist() == [[104, 2], [106, 4]]
    assert np.allclose(geometry.centroid(shapes[1].subpaths[0].points), (100, 0), atol=1e-9)


def test_unsupported_elements_raise():
    with pytest.raises(SvgPathError, match="use"):
        list(iter_shapes(_elem('<svg><use href="#a"/></svg>')))
    with pytest.raises(SvgPathError, match="nested"):
        list(iter_shapes(_elem('<svg viewBox="0 0 9 9"><svg x="5"><path d="M0,0 L1,1"/></svg></svg>')))


# ----------------------------------------------------------------------------------------------- properties

coords = st.floats(-1000, 1000, allow_nan=False, allow_infinity=False)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(coords, coords), min_size=2, max_size=12))
def test_relative_and_absolute_paths_agree(points):
    absolute = "M" + " L".join(f"{x!r},{y!r}" for x, y in points)
    rel = [f"m{points[0][0]!r},{points[0][1]!r}"]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        rel.append(f"l{x1 - x0!r},{y1 - y0!r}")
    (a,) = parse_path(absolute)
    (b,) = parse_path(" ".join(rel))
    assert np.allclose(a, b, atol=1e-6)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(coords, coords), min_size=4, max_size=4))
def test_cubics_stay_within_tolerance(ctrl):
    p0, p1, p2, p3 = ctrl
    (pts,) = parse_path(f"M{p0[0]!r},{p0[1]!r} C{p1[0]!r},{p1[1]!r} {p2[0]!r},{p2[1]!r} {p3[0]!r},{p3[1]!r}")
    assert np.allclose(pts[-1], p3)
    assert _distance_to_polyline(_bezier(p0, p1, p2, p3, 800), pts).max() <= TOLERANCE + 1e-6


@settings(max_examples=80, deadline=None)
@given(
    cx=st.floats(-300, 300),
    cy=st.floats(-300, 300),
    rx=st.floats(1, 300),
    ry=st.floats(1, 300),
    phi=st.floats(-180, 180),
)
def test_rotated_ellipse_arcs_stay_on_the_ellipse(cx, cy, rx, ry, phi):
    c, s = math.cos(math.radians(phi)), math.sin(math.radians(phi))
    x0, y0 = cx + rx * c, cy + rx * s  # the ends of the rotated major axis
    x1, y1 = cx - rx * c, cy - rx * s
    (pts,) = parse_path(
        f"M{x0!r},{y0!r} A{rx!r},{ry!r} {phi!r} 1 1 {x1!r},{y1!r} A{rx!r},{ry!r} {phi!r} 1 1 {x0!r},{y0!r}"
    )
    dx, dy = pts[:, 0] - cx, pts[:, 1] - cy
    u, v = c * dx + s * dy, -s * dx + c * dy  # back into the ellipse's own axes
    assert np.allclose((u / rx) ** 2 + (v / ry) ** 2, 1.0, atol=1e-6)
    assert np.allclose(pts[-1], [x0, y0])
    # the chords stay within the tolerance of the curve: sagitta of each step
    mid = (pts + np.roll(pts, -1, axis=0)) / 2
    mu, mv = c * (mid[:, 0] - cx) + s * (mid[:, 1] - cy), -s * (mid[:, 0] - cx) + c * (mid[:, 1] - cy)
    assert ((mu / rx) ** 2 + (mv / ry) ** 2).min() > (1 - TOLERANCE / min(rx, ry)) ** 2 - 1e-9


_PIECES = st.sampled_from(["M", "L", "Z", " ", ",", "  ", "1", "-2.5", "3.", ".5", "1e2", "-7E-1", "+4", "e", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_the_one_pass_polyline_reader_agrees_with_the_token_reader(pieces):
    """Any M/L/Z text: the numpy reader of `parse_subpaths` gives what the token-by-token reader gives."""
    from painmap.svg_pathdata import _NOT_POLYLINE, _polylines_by_token, _polylines_fast

    d = "".join(pieces)
    fast = _polylines_fast(d, None)
    slow = None if _NOT_POLYLINE.search(d) or not d.lstrip().startswith("M") else _polylines_by_token(d, None)
    assert (fast is None) == (slow is None)
    if fast is not None:
        assert [s.closed for s in fast] == [s.closed for s in slow]
        assert all(np.array_equal(a.points, b.points) for a, b in zip(fast, slow, strict=True))


def test_the_one_pass_reader_reads_every_shipped_outline_as_the_token_reader():
    import re

    from painmap.resources import resource_path
    from painmap.svg_pathdata import _STRICT_POLYLINES, _polylines_by_token, _polylines_fast

    paths = [d for svg in resource_path().rglob("*.svg") for d in re.findall(r' d="([^"]*)"', svg.read_text("utf-8"))]
    one_pass = [d for d in paths if _STRICT_POLYLINES.fullmatch(d)]
    assert len(one_pass) > 500  # the atlas and pattern outlines take the one-pass way
    for d in one_pass:
        fast, slow = _polylines_fast(d, None), _polylines_by_token(d, None)
        assert [s.closed for s in fast] == [s.closed for s in slow]
        assert all(np.array_equal(a.points, b.points) for a, b in zip(fast, slow, strict=True))
