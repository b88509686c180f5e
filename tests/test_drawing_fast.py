"""The fast way in (painmap.drawing_fast) and the fast nesting scan give exactly what the full parser gives: the same
Drawing for every document it accepts, and for every other the full parser's own refusal, word for word."""

from __future__ import annotations

import copy
import json
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_drawing_fakes import ATLAS, MUTATIONS, random_document

from painmap import drawing_parse
from painmap.drawing_decode import MAX_DEPTH, Context, _check_nesting, _depth_at_most, decode
from painmap.drawing_fast import fast_document
from painmap.drawing_parse import parse_drawing
from painmap.errors import DrawingError


def _v2(doc: dict) -> dict:
    """The document as a version-2 file of the fake atlas's chart (male chart 1): the fast path's case."""
    out = {"format": doc.get("format"), "version": 2, "body": "male", "chart": 1}
    out.update({k: v for k, v in doc.items() if k not in out})
    for key in ("format",):
        if key not in doc:
            del out[key]
    return out


def _full(doc, atlas=ATLAS):
    """What the full parser alone makes of a document: ("ok", Drawing) or ("refused", message)."""
    try:
        return "ok", drawing_parse._full_document(copy.deepcopy(doc), Context("case.painmap.json", atlas))
    except DrawingError as err:
        return "refused", str(err)


def _outcome(data, atlas=ATLAS):
    try:
        return "ok", parse_drawing(data, "case.painmap.json", atlas=atlas)
    except DrawingError as err:
        return "refused", str(err)


def _full_only(monkeypatch):
    monkeypatch.setattr(drawing_parse, "fast_document", lambda doc, atlas: None)


def _coordinate_types(drawing) -> set[type]:
    return {type(c) for m in drawing.marks if hasattr(m, "points") for p in m.points for c in p}


def test_valid_documents_take_the_fast_path_with_the_full_parsers_result():
    rng = random.Random(12)
    for _ in range(400):
        doc = _v2(random_document(rng))
        fast = fast_document(copy.deepcopy(doc), ATLAS)
        kind, full = _full(doc)
        assert fast is not None and kind == "ok"
        assert fast == full and fast.meta == full.meta and fast.migrated_from is None
        assert all(type(m.points) is tuple and all(type(p) is tuple for p in m.points) for m in fast.marks
                   if hasattr(m, "points"))  # fmt: skip
        assert _coordinate_types(fast) == _coordinate_types(full) == ({float} if _coordinate_types(full) else set())


def test_the_fast_meta_is_a_copy():
    doc = _v2({"format": "painmap-drawing", "meta": {"a": [1, {"b": 2}]}, "marks": []})
    drawing = fast_document(doc, ATLAS)
    assert drawing.meta == doc["meta"] and drawing.meta["a"] is not doc["meta"]["a"]


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_malformed_documents_get_the_full_parsers_answer(kind, monkeypatch):
    """Every generated mutation of version-2 documents: the same Drawing or the same one-line refusal."""
    rng = random.Random(f"fast-{kind}")
    cases = [MUTATIONS[kind](rng, _v2(random_document(rng))) for _ in range(150)]
    got = [_outcome(case.data) for case in cases]
    _full_only(monkeypatch)
    expected = [_outcome(case.data) for case in cases]
    assert got == expected
    assert sum(kind == "refused" for kind, _ in expected) > 100  # the mutations do refuse (a few text ones do not)


def _stroke(**change) -> dict:
    mark = {"type": "stroke", "view": "posterior", "radius": 10, "intensity": 3, "points": [[10.0, 20.5], [30, 40]]}
    mark.update(change)
    return mark


class _Str(str):
    pass


EDGE_CASES = {
    "int coordinates": [_stroke(points=[[1, 2], [3, 4]])],
    "mixed coordinates": [_stroke(points=[[1, 2.5]]), _stroke(view="lateral", points=[[1.5, 2.5]])],
    "bool coordinate": [_stroke(points=[[True, 2.0]])],
    "huge int coordinate": [_stroke(points=[[10**400, 2.0]])],
    "huge int coordinates only": [_stroke(points=[[10**400, 10**400]])],
    "coordinates whose sum overflows": [_stroke(points=[[1e308, 1e308], [1e308, 1e308]])],
    "nan coordinate": [_stroke(points=[[float("nan"), 2.0]])],
    "frame edge": [_stroke(points=[[-640.0, -1800.0], [1280.0, 3600.0]])],
    "past the frame edge": [_stroke(points=[[-640.0, -1800.0], [1280.0001, 3600.0]])],
    "other view's frame": [_stroke(view="lateral", points=[[1000.0, 10.0]])],
    "radius bounds": [_stroke(radius=0.5), _stroke(radius=200)],
    "radius out": [_stroke(radius=200.5)],
    "radius bool": [_stroke(radius=True)],
    "radius nan": [_stroke(radius=float("nan"))],
    "intensity float": [_stroke(intensity=3.0)],
    "intensity bool": [_stroke(intensity=True)],
    "quality given": [_stroke(quality="burning")],
    "quality unknown": [_stroke(quality="Burning")],
    "no points": [_stroke(points=[])],
    "point of three": [_stroke(points=[[1.0, 2.0, 3.0]])],
    "point a tuple": [_stroke(points=[(1.0, 2.0)])],
    "points a tuple": [_stroke(points=((1.0, 2.0),))],
    "view a str subclass": [_stroke(view=_Str("posterior"))],
    "view unknown": [_stroke(view="anterior")],
    "lasso of 2": [{"type": "lasso", "view": "posterior", "intensity": 2, "points": [[1.0, 1.0], [5.0, 5.0]]}],
    "lasso of 3": [{"type": "lasso", "view": "posterior", "intensity": 2, "points": [[1.0, 1.0], [5.0, 5.0], [1, 9]]}],
    "erase": [{"type": "erase", "view": "posterior", "radius": 4, "points": [[1.0, 1.0]]}],
    "erase with quality": [{"type": "erase", "view": "posterior", "radius": 4, "points": [[1.0, 1.0]], "quality": "x"}],
    "fill": [{"type": "fill", "view": "posterior", "region": "sacrum", "intensity": 4}],
    "fill of another view's region": [{"type": "fill", "view": "lateral", "region": "sacrum", "intensity": 4}],
    "fill bad id": [{"type": "fill", "view": "posterior", "region": "Sacrum", "intensity": 4}],
    "mark not an object": ["stroke"],
    "type unhashable": [_stroke(type=["stroke"])],
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_get_the_full_parsers_answer(name):
    doc = {"format": "painmap-drawing", "version": 2, "body": "male", "chart": 1, "marks": EDGE_CASES[name]}
    fast = fast_document(copy.deepcopy(doc), ATLAS)
    kind, full = _full(doc)
    assert fast is None or (kind == "ok" and fast == full and _coordinate_types(fast) == _coordinate_types(full))
    if name in ("int coordinates", "mixed coordinates", "frame edge", "fill", "erase", "lasso of 3", "quality given"):
        assert fast is not None


TOP_CASES = {
    "version 1": {"version": 1},
    "version true": {"version": True},
    "chart 3": {"chart": 3},
    "chart 0": {"chart": 0},
    "chart true": {"chart": True},
    "no body": {"body": None},
    "female": {"body": "female"},
    "body unknown": {"body": "horse"},
    "created": {"created": "2026-11-23T10:00:00+01:00"},
    "created bad": {"created": "yesterday"},
    "created long": {"created": "2026-11-23T10:00:00.000000+01:00" + " " * 40},
    "created number": {"created": 5},
    "meta nan": {"meta": {"x": float("nan")}},
    "meta big": {"meta": {"x": "y" * 70_000}},
    "meta list": {"meta": [1]},
    "meta surrogate": {"meta": {"x": "\ud800"}},
    "extra key": {"colour": "red"},
    "marks object": {"marks": {"0": _stroke()}},
    "format": {"format": "painmap-pattern"},
}


@pytest.mark.parametrize("name", sorted(TOP_CASES))
def test_top_level_cases_get_the_full_parsers_answer(name):
    doc = {"format": "painmap-drawing", "version": 2, "body": "male", "chart": 1, "marks": [_stroke()]}
    doc.update(TOP_CASES[name])
    doc = {k: v for k, v in doc.items() if v is not None}
    fast = fast_document(copy.deepcopy(doc), ATLAS)
    kind, full = _full(doc)
    assert fast is None or (kind == "ok" and fast == full and fast.created == full.created)
    if name in ("created", "no body"):
        assert fast is not None


def test_the_real_chart_takes_the_fast_path():
    """A drawing of the current male chart, on it: the fast path, the full parser's Drawing."""
    from painmap.cohort_chart import parse_onto, target_atlas
    from painmap.drawing_model import CURRENT_CHART

    atlas = target_atlas()
    doc = {"format": "painmap-drawing", "version": 2, "body": "male", "chart": CURRENT_CHART["male"],
           "created": "2026-11-23T10:00:00Z", "meta": {"note": "n"},
           "marks": [_stroke(points=[[200.5, 900.25], [210.0, 950.0]]),
                     {"type": "fill", "view": "posterior", "region": atlas.views["posterior"].regions[0].id,
                      "intensity": 2}]}  # fmt: skip
    fast = fast_document(copy.deepcopy(doc), atlas)
    assert fast is not None and fast == _full(doc, atlas)[1]
    assert parse_onto(json.dumps(doc).encode(), "x.painmap.json", atlas) == fast


# --- the nesting scan -------------------------------------------------------------------------------------------


def _prefix_depth(brackets: bytes) -> int:
    """The depth count of the scan before the fast check (a cumulative sum; every opener counts +1)."""
    codes = np.frombuffer(brackets, dtype=np.uint8)
    return int(np.cumsum(np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)).max()) if len(codes) else 0


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list(b"[]{}")), max_size=80), st.integers(0, 30))
def test_depth_at_most_is_the_cumulative_depth_of_balanced_brackets(codes, limit):
    brackets = bytes(codes)
    if _depth_at_most(brackets, limit):  # only balanced sequences pass, at their exact depth
        assert _prefix_depth(brackets) <= limit
        assert sum(1 if c in b"[{" else -1 for c in brackets) == 0


@pytest.mark.parametrize("depth", [1, 5, MAX_DEPTH, MAX_DEPTH + 1, 40])
def test_depth_at_most_counts_alternating_kinds_one_level_each(depth):
    opening = "".join("{["[i % 2] for i in range(depth))
    closing = "".join("}]"[(depth - 1 - i) % 2] for i in range(depth))
    assert _depth_at_most((opening + closing).encode(), MAX_DEPTH) == (depth <= MAX_DEPTH)


@pytest.mark.parametrize(
    "text",
    [
        '{"meta": {"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}, "marks": []}',
        '{"meta": {"a": "\\"[[[[", "b": "]]]]\\\\"}, "marks": []}',
        '{"meta": {"a": ["' + "[" * 30 + '"]}, "marks": []}',
        '{"meta": {"deep": ' + "[" * 21 + "]" * 21 + "}}",
        '{"meta": {"deep": ' + "[{" * 11 + "}]" * 11 + "}}",
        '{"meta": {"x": "", "y": ""}, "z": "' + '"' * 3 + "}",
        '{"a": [}',
        "{" * 25,
    ],
)
def test_nesting_scan_answers_as_before(text):
    """The scan refuses exactly what the cumulative count refused (strings told apart by the regex)."""
    import re

    data = text.encode()
    clean = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = re.sub(rb'[^\[\]{}"]', b"", clean)
    too_deep = _prefix_depth(re.sub(rb'"[^"]*"', b"", structure)) > MAX_DEPTH
    ctx = Context("x", None)
    if too_deep:
        with pytest.raises(DrawingError, match="nested deeper"):
            _check_nesting(data, ctx)
        with pytest.raises(DrawingError, match="nested deeper"):
            decode(data, ctx)
    else:
        _check_nesting(data, ctx)
