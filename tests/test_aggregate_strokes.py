"""The aggregation's way in for stroke-only drawings (drawing_fast.fast_strokes, aggregate_batch.load_for_batch)
accepts exactly what `fast_document` accepts as strokes, with the same numbers, and leaves every other file to
the loader."""

from __future__ import annotations

import copy
import json
import random

import pytest
from test_drawing_fakes import ATLAS, MUTATIONS, random_document

from painmap.aggregate_batch import StrokeDrawing, load_for_batch
from painmap.aggregate_run import DrawingProcessor
from painmap.drawing import Drawing, Fill, Stroke, save_drawing
from painmap.drawing_decode import Context, decode
from painmap.drawing_fast import fast_document, fast_strokes
from painmap.drawing_model import Stroke as ModelStroke
from painmap.errors import PainmapError


def _v2(doc: dict) -> dict:
    """As a version-2 file of the fake atlas's chart (male chart 1)."""
    out = {k: v for k, v in doc.items() if k not in ("version", "body", "chart")}
    return {**out, "version": 2, "body": "male", "chart": 1}


def _as_read(doc) -> tuple | None:
    """What fast_strokes should give: from fast_document's Drawing when it is all strokes."""
    drawing = fast_document(copy.deepcopy(doc), ATLAS)
    if drawing is None or any(type(m) is not ModelStroke for m in drawing.marks):
        return None
    return drawing.meta, [(m.view, m.radius, m.points) for m in drawing.marks]


def _got(doc) -> tuple | None:
    found = fast_strokes(copy.deepcopy(doc), ATLAS)
    if found is None:
        return None
    meta, strokes = found
    return meta, [(v, r, tuple((float(x), float(y)) for x, y in pts)) for v, r, pts in strokes]


@pytest.mark.parametrize("strokes_only", [True, False])
def test_valid_documents_give_the_drawings_strokes(strokes_only):
    rng = random.Random(f"strokes-{strokes_only}")
    accepted = 0
    for _ in range(300):
        doc = _v2(random_document(rng))
        if strokes_only:
            doc["marks"] = [m for m in doc["marks"] if m["type"] == "stroke"]
        assert _got(doc) == _as_read(doc)
        accepted += _got(doc) is not None
    assert accepted > (250 if strokes_only else 5)  # both kinds of answer are exercised


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_malformed_documents_are_refused_as_fast_document_refuses_them(kind):
    rng = random.Random(f"strokes-bad-{kind}")
    answers = []
    for _ in range(100):
        doc = _v2(random_document(rng))
        doc["marks"] = [m for m in doc["marks"] if m["type"] == "stroke"]
        if not doc["marks"]:
            continue
        case = MUTATIONS[kind](rng, doc)
        try:
            decoded = decode(case.data, Context("case.painmap.json", None))
        except PainmapError:
            continue
        assert _got(decoded) == _as_read(decoded)
        answers.append(_got(decoded) is None)
    if kind != "text":  # text mutations are refused when decoded, or still valid
        assert answers.count(True) >= 10  # decoded mutations, refused, are exercised


def test_the_meta_is_a_copy():
    doc = _v2({"format": "painmap-drawing", "meta": {"a": [1, {"b": 2}]}, "marks": []})
    meta, strokes = fast_strokes(doc, ATLAS)
    assert meta == doc["meta"] and meta["a"] is not doc["meta"]["a"] and strokes == []


@pytest.fixture(scope="module")
def processor():
    return DrawingProcessor()


def test_a_stroke_file_is_read_without_its_marks_and_others_by_the_loader(tmp_path, processor):
    s = Stroke("posterior", 12.0, 4, "aching", ((390.0, 830.0), (430.0, 870.0)))
    region = processor.atlas.view("posterior").regions[0].id
    strokes, fill = tmp_path / "s.painmap.json", tmp_path / "f.painmap.json"
    save_drawing(Drawing(marks=[s], meta={"id": 7}), strokes)
    save_drawing(Drawing(marks=[Fill("posterior", region, 2, "aching"), s]), fill)
    got = load_for_batch(processor, strokes)
    assert type(got) is StrokeDrawing and got.meta == {"id": 7}
    assert [(m.view, m.radius, [tuple(p) for p in m.points]) for m in got.marks] == [(s.view, s.radius, list(s.points))]
    assert load_for_batch(processor, strokes, strokes.read_bytes()) == got  # sent bytes: the same
    assert load_for_batch(processor, fill) == processor.load(fill)  # a Drawing, as the loader reads it


@pytest.mark.parametrize("text", ["{not json", json.dumps({"format": "painmap-drawing", "version": 2, "marks": 3})])
def test_a_bad_file_gets_the_loaders_error(tmp_path, processor, text):
    path = tmp_path / "bad.painmap.json"
    path.write_text(text)
    with pytest.raises(PainmapError) as expected:
        processor.load(path)
    with pytest.raises(PainmapError) as got:
        load_for_batch(processor, path)
    assert str(got.value) == str(expected.value)
    with pytest.raises(PainmapError) as missing:
        load_for_batch(processor, tmp_path / "none.painmap.json")
    assert "none.painmap.json" in str(missing.value)
