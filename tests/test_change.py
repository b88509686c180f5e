"""What changed between two drawings (painmap.change) and `painmap compare DRAWING --with EARLIER`."""

from __future__ import annotations

import contextlib
import io
import json
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap.atlas import load_atlas
from painmap.change import check_same_body, compare_change
from painmap.cli import main
from painmap.drawing import Drawing, Fill, Stroke, drawing_to_dict, mirror_drawing
from painmap.errors import PainmapError
from painmap.raster import PainMasks

ATLAS = load_atlas()
CREST = Stroke("posterior", 14.0, 6, "aching", ((364.0, 800.0), (408.0, 754.0), (432.0, 742.0)))
SIDE = Stroke("lateral", 12.0, 4, "dull", ((210.0, 790.0), (230.0, 830.0)))
BUTTOCK = Stroke("posterior", 18.0, 5, "aching", ((405.0, 840.0), (440.0, 870.0)))


def masks(*marks) -> PainMasks:
    return PainMasks.from_drawing(Drawing(marks=list(marks)), ATLAS, 1.0)


def shifted(stroke: Stroke, dx: float, dy: float = 0.0) -> Stroke:
    return Stroke(stroke.view, stroke.radius, stroke.intensity, stroke.quality,
                  tuple((x + dx, y + dy) for x, y in stroke.points))  # fmt: skip


def test_same_drawing_is_no_change():
    a = masks(CREST, SIDE)
    change = compare_change(a, masks(CREST, SIDE))
    assert change.jaccard == 1.0 and change.unchanged
    assert change.new_percent == change.gone_percent == 0.0
    assert change.extent_before == change.extent_after == pytest.approx(change.persisting_percent)
    assert change.views == ("posterior", "lateral")
    assert compare_change(masks(), masks()).jaccard == 1.0  # two empty drawings are the same drawing


def test_disjoint_drawings_share_nothing():
    change = compare_change(masks(CREST), masks(SIDE))
    assert change.jaccard == 0.0 and change.persisting_percent == 0.0
    assert change.gone_percent == pytest.approx(change.extent_before)
    assert change.new_percent == pytest.approx(change.extent_after)
    assert change.views == ("posterior", "lateral")  # the union of the views either uses


def test_a_shifted_shape_overlaps_in_part():
    small, large = (compare_change(masks(BUTTOCK), masks(shifted(BUTTOCK, d))) for d in (8.0, 20.0))
    assert 0.0 < large.jaccard < small.jaccard < 1.0
    assert small.new_percent == pytest.approx(small.gone_percent, rel=0.05)  # the same shape moved
    assert small.extent_before == pytest.approx(small.extent_after, rel=0.02)
    by_view = small.by_view["posterior"]
    assert not (by_view.new & by_view.gone).any() and not (by_view.new & by_view.persisting).any()


def test_mirrored_pair_gives_the_same_change_and_left_is_not_right():
    before = Drawing(marks=[CREST, SIDE])
    after = Drawing(marks=[shifted(CREST, 10.0, 5.0), BUTTOCK, Fill("posterior", "sacrum", 3, "aching")])
    plain = compare_change(*(PainMasks.from_drawing(d, ATLAS, 1.0) for d in (before, after)))
    mirrored = compare_change(*(PainMasks.from_drawing(mirror_drawing(d, ATLAS), ATLAS, 1.0) for d in (before, after)))
    assert mirrored.to_json() | {"views": None} == plain.to_json() | {"views": None}
    assert mirrored.views == ("posterior", "lateral-left")
    right = Drawing(marks=[CREST, BUTTOCK])
    left = mirror_drawing(right, ATLAS)
    across = compare_change(*(PainMasks.from_drawing(d, ATLAS, 1.0) for d in (right, left)))
    assert across.jaccard < 0.05 and not across.unchanged


def test_different_bodies_are_refused_in_one_line():
    male, female = SimpleNamespace(body="male"), SimpleNamespace(body="female")
    check_same_body(male, SimpleNamespace())  # a drawing without a body was made on the male chart
    with pytest.raises(PainmapError) as err:
        check_same_body(female, male, "now.painmap.json", "then.painmap.json")
    assert "different bodies" in str(err.value) and "\n" not in str(err.value)


def _write(path, *marks):
    path.write_text(json.dumps(drawing_to_dict(Drawing(marks=list(marks), created="2026-11-23T10:00:00Z"))))
    return path


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_compare_with_earlier_in_json_and_words(tmp_path):
    now = _write(tmp_path / "now.painmap.json", CREST, BUTTOCK)
    then = _write(tmp_path / "then.painmap.json", CREST)
    code, out, _ = _run("compare", now, "--with", then, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    change = doc["change"]
    assert {"jaccard", "extent_before", "extent_after", "new_percent", "gone_percent", "persisting_percent"} <= set(
        change
    )
    assert 0 < change["jaccard"] < 1 and change["gone_percent"] == 0.0
    assert change["extent_after"] == pytest.approx(doc["extent_percent"], abs=1e-3)
    assert doc["results"]  # the comparison with the patterns is still there
    code, text, _ = _run("compare", now, "--with", then)
    assert code == 0 and "Since the earlier drawing" in text and "New:" in text
    assert "0.6-0.75" in text and "Leoni" in text and "Barbero" in text
    code, same, _ = _run("compare", now, "--with", now)
    assert "nothing changed" in same


def test_bad_earlier_file_is_one_line_and_exit_2(tmp_path):
    now = _write(tmp_path / "now.painmap.json", CREST)
    bad = tmp_path / "bad.painmap.json"
    bad.write_bytes(b"\x00\x01 not json")
    for earlier in (bad, tmp_path / "missing.painmap.json"):
        code, out, err = _run("compare", now, "--with", earlier)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_change_figure_has_the_numbers_as_text(tmp_path):
    from painmap.figures.change import render_change

    change = compare_change(masks(CREST, SIDE), masks(shifted(CREST, 10.0), BUTTOCK))
    out = render_change(change, ATLAS, tmp_path / "change.svg", "then.painmap.json", "now.painmap.json")
    svg = out.read_text(encoding="utf-8")
    assert "What changed" in svg and f"{change.jaccard:.2f}" in svg and "new since the earlier drawing" in svg


_point = st.tuples(st.floats(150, 490), st.floats(600, 1000))
_stroke = st.builds(
    lambda pts, r, i: Stroke("posterior", r, i, "aching", tuple(pts)),
    st.lists(_point, min_size=1, max_size=4), st.floats(4, 30), st.integers(1, 10),
)  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(st.lists(_stroke, max_size=4), st.lists(_stroke, max_size=4))
def test_change_is_consistent_both_ways(a, b):
    ab = compare_change(
        PainMasks.from_drawing(Drawing(marks=a), ATLAS, 0.5), PainMasks.from_drawing(Drawing(marks=b), ATLAS, 0.5)
    )
    ba = compare_change(
        PainMasks.from_drawing(Drawing(marks=b), ATLAS, 0.5), PainMasks.from_drawing(Drawing(marks=a), ATLAS, 0.5)
    )
    assert 0.0 <= ab.jaccard <= 1.0 and ab.jaccard == ba.jaccard
    assert ab.new_percent == ba.gone_percent and ab.gone_percent == ba.new_percent
    assert ab.persisting_percent == ba.persisting_percent
    assert ab.extent_after == pytest.approx(ab.new_percent + ab.persisting_percent)
    assert ab.extent_before == pytest.approx(ab.gone_percent + ab.persisting_percent)
    assert (ab.jaccard == 1.0) == ab.unchanged
