"""The editing model without Qt widgets: strokes, fills, erases, clears, undo/redo, undo atoms, save/autosave."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_raster_synthetic import synthetic_atlas

import painmap.document as document_module
import painmap.drawing_save as save_module
from painmap.atomic import WriteError
from painmap.document import TILE, DrawingDocument
from painmap.drawing import Drawing, Fill, Stroke, load_drawing
from painmap.errors import PainmapError
from painmap.raster import PainMasks

ATLAS = synthetic_atlas()
VIEWS = tuple(ATLAS.views)


def same_masks(doc: DrawingDocument) -> bool:
    """The document's masks equal the remaining marks rasterized from scratch."""
    fresh = PainMasks.from_drawing(doc.drawing, doc.atlas, doc.px_per_mm)
    return all(
        np.array_equal(doc.masks.intensity(v), fresh.intensity(v)) and doc.masks.area(v) == fresh.area(v)
        for v in doc.atlas.views
    )


def drag(doc: DrawingDocument, view: str, points, radius=6.0, intensity=5, erase=False):
    doc.begin_stroke(view, points[0], radius, intensity, "aching", erase=erase)
    for p in points[1:]:
        doc.extend_stroke(p)
    return doc.end_stroke()


# -- the property: any sequence of edits leaves the masks equal to the remaining marks, undo all is empty -------

coordinate = st.floats(-20, 220, allow_nan=False)
point = st.tuples(coordinate, st.floats(-20, 320, allow_nan=False))
stroke_op = st.tuples(
    st.just("stroke"),
    st.sampled_from(VIEWS),
    st.lists(point, min_size=1, max_size=6),
    st.floats(0.5, 40),
    st.integers(1, 10),
    st.booleans(),
)
fill_op = st.tuples(
    st.just("fill"),
    st.sampled_from(VIEWS),
    st.integers(0, 10),
    st.integers(1, 10),
)
other_op = st.tuples(st.sampled_from(["undo", "redo", "clear"]), st.sampled_from(VIEWS))
operations = st.lists(st.one_of(stroke_op, fill_op, other_op), max_size=14)


def run(doc: DrawingDocument, op) -> None:
    kind, view = op[0], op[1]
    if kind == "stroke":
        _, _, points, radius, intensity, erase = op
        if not doc.accepts_point(view, points[0]):  # lateral is 100 mm wide: x up to 200 mm only
            with pytest.raises(PainmapError):
                doc.begin_stroke(view, points[0], radius, intensity)
            return
        drag(doc, view, points, radius, intensity, erase)
    elif kind == "fill":
        regions = doc.atlas.view(view).regions
        doc.fill(view, regions[op[2] % len(regions)].id, op[3])
    elif kind == "clear":
        doc.clear_view(view)
    elif kind == "undo":
        doc.undo()
    else:
        doc.redo()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations, st.sampled_from([0.5, 1.0, 1.5]))
def test_any_edit_sequence_equals_rasterizing_the_remaining_marks(ops, px_per_mm):
    doc = DrawingDocument(ATLAS, px_per_mm)
    for op in ops:
        run(doc, op)
        assert same_masks(doc)
    while doc.can_undo:
        doc.undo()
    assert doc.drawing.marks == []
    assert doc.masks.empty and all(not doc.masks.intensity(v).any() for v in VIEWS)
    while doc.can_redo:  # and redo all gives back the same drawing
        doc.redo()
        assert same_masks(doc)


# -- units ---------------------------------------------------------------------------------------------------------


def test_a_drag_is_one_mark_and_one_step_and_returns_its_dirty_rects():
    doc = DrawingDocument(ATLAS)
    first = doc.begin_stroke("posterior", (50, 50), 5.0, 7)
    assert len(first.rects) == 1 and first.step is None and doc.stroking
    too_close = doc.extend_stroke((50.2, 50))
    assert too_close.rects == ()
    seg = doc.extend_stroke((80, 60))
    assert seg.rects[0].x1 > first.rects[0].x1
    done = doc.end_stroke()
    assert done.step is not None and done.step.text == "Brush stroke" and not doc.stroking
    assert doc.drawing.marks == [Stroke("posterior", 5.0, 7, "aching", ((50.0, 50.0), (80.0, 60.0)))]
    assert doc.history == (done.step,)
    undone = doc.undo()
    assert undone.step is done.step and undone.view == "posterior" and undone.rects
    assert doc.drawing.marks == [] and doc.masks.empty
    redone = doc.redo()
    assert redone.step is done.step and len(doc.drawing.marks) == 1 and same_masks(doc)


def test_undo_atom_keeps_only_the_tiles_under_the_segments_never_the_view():
    for px_per_mm in (1.0, 2.0, 4.0):
        doc = DrawingDocument(ATLAS, px_per_mm)
        doc.begin_stroke("posterior", (100, 100), 5.0, 5)
        atom = doc._live.atom
        disc_px = 2 * 5.0 * px_per_mm + 2
        tiles_per_side = int(disc_px // TILE) + 2
        assert len(atom._tiles) <= tiles_per_side**2  # only the disc's box, whatever the view
        doc.extend_stroke((100, 105))
        assert len(atom._tiles) <= tiles_per_side * (tiles_per_side + 1)
        step = doc.end_stroke().step
        rows, cols = doc.masks.grid("posterior").shape
        assert step.atom.nbytes < rows * cols / 20  # packed: far below a copy of the view


def test_a_press_saves_the_same_whatever_the_painting_under_it():
    doc = DrawingDocument(ATLAS)
    drag(doc, "posterior", [(30, 30), (170, 270)], radius=30, intensity=3)  # pain everywhere under the next
    before = doc.masks.intensity("posterior").copy()
    drag(doc, "posterior", [(100, 100), (120, 140)], radius=8, intensity=9)
    doc.undo()
    assert np.array_equal(doc.masks.intensity("posterior"), before)


def test_fill_erase_and_clear_are_steps_and_undo_exactly():
    doc = DrawingDocument(ATLAS)
    fill = doc.fill("posterior", "spine", 4, "burning")
    assert fill.step.text == "Fill region" and fill.rects
    drag(doc, "posterior", [(95, 40), (105, 60)], erase=True)
    assert doc.history[-1].text == "Erase"
    drag(doc, "lateral", [(50, 50)])
    cleared = doc.clear_view("posterior")
    assert cleared.step.text == "Clear view"
    assert [m.view for m in doc.drawing.marks] == ["lateral"] and same_masks(doc)
    assert doc.clear_view("posterior") is None  # nothing left to clear: no step
    doc.undo()
    assert [m.type for m in doc.drawing.marks] == ["fill", "erase", "stroke"] and same_masks(doc)
    doc.redo()
    assert [m.view for m in doc.drawing.marks] == ["lateral"] and same_masks(doc)


def test_a_new_step_drops_the_undone_ones():
    doc = DrawingDocument(ATLAS)
    drag(doc, "posterior", [(50, 50)])
    drag(doc, "posterior", [(60, 60)])
    doc.undo()
    assert doc.can_redo
    drag(doc, "posterior", [(70, 70)])
    assert not doc.can_redo and len(doc.history) == 2


def test_undo_during_a_drag_drops_the_drag_and_undoes_the_last_step():
    doc = DrawingDocument(ATLAS)
    drag(doc, "posterior", [(50, 50)])
    doc.begin_stroke("lateral", (50, 50), 5.0, 5)
    change = doc.undo()
    assert not doc.stroking and doc.drawing.marks == [] and doc.masks.empty
    assert {r.view for r in change.rects} == {"posterior", "lateral"}


def test_bad_input_changes_nothing():
    doc = DrawingDocument(ATLAS)
    drag(doc, "posterior", [(50, 50)])
    before = (list(doc.drawing.marks), doc.masks.intensity("posterior").copy())
    for call in (
        lambda: doc.begin_stroke("posterior", (50, 50), 0.1, 5),
        lambda: doc.begin_stroke("posterior", (50, 50), 5.0, 11),
        lambda: doc.begin_stroke("posterior", (50, 50), 5.0, 5, "itchy"),
        lambda: doc.begin_stroke("posterior", (float("nan"), 50), 5.0, 5),
        lambda: doc.begin_stroke("posterior", (5000, 50), 5.0, 5),
        lambda: doc.begin_stroke("anterior", (50, 50), 5.0, 5),
        lambda: doc.fill("posterior", "nowhere", 5),
    ):
        with pytest.raises(PainmapError):
            call()
    assert not doc.stroking and doc.drawing.marks == before[0]
    assert np.array_equal(doc.masks.intensity("posterior"), before[1])
    assert not doc.accepts_point("posterior", (5000, 0)) and doc.accepts_point("posterior", (10, 10))


def test_a_point_outside_the_file_range_is_skipped_while_dragging():
    doc = DrawingDocument(ATLAS)
    doc.begin_stroke("posterior", (50, 50), 5.0, 5)
    assert doc.extend_stroke((5000, 50)).rects == ()
    doc.extend_stroke((60, 50))
    assert doc.end_stroke().step.marks[0].points == ((50.0, 50.0), (60.0, 50.0))


def test_a_drag_longer_than_the_file_limit_continues_in_a_new_mark_of_the_same_step(monkeypatch, tmp_path):
    monkeypatch.setattr(document_module, "MAX_POINTS_PER_MARK", 4)
    doc = DrawingDocument(ATLAS)
    points = [(30 + 5 * i, 60) for i in range(10)]
    step = drag(doc, "posterior", points).step
    assert len(step.marks) == 3 and all(len(m.points) <= 4 for m in step.marks)
    assert [p for m in step.marks for p in m.points[1:]] == [tuple(map(float, p)) for p in points[1:]]
    assert same_masks(doc)
    doc.undo()
    assert doc.drawing.marks == [] and doc.masks.empty


def test_save_and_autosave_write_the_file_format_without_validating_again(tmp_path, monkeypatch):
    doc = DrawingDocument(ATLAS, drawing=Drawing(meta={"patient": "Ünal"}))
    doc.fill("posterior", "spine", 6)
    drag(doc, "posterior", [(50.123, 50.456), (60, 70)])

    def fail(*args, **kwargs):
        raise AssertionError("validated again")

    monkeypatch.setattr("painmap.drawing_parse._document", fail)
    auto = doc.autosave(tmp_path / "auto.painmap.json")
    assert doc.drawing.created == ""  # the autosave writes the drawing as it is
    path = doc.save(tmp_path / "a.painmap.json")
    assert doc.drawing.created
    monkeypatch.undo()
    loaded = load_drawing(path, atlas=ATLAS)
    assert loaded.marks == doc.drawing.marks and loaded.meta == {"patient": "Ünal"}
    assert load_drawing(auto, atlas=ATLAS).marks == doc.drawing.marks
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "painmap-drawing"


def test_the_writer_reuses_each_marks_line_and_writes_new_marks(tmp_path, monkeypatch):
    doc = DrawingDocument(ATLAS)
    drag(doc, "posterior", [(50, 50)])
    doc.autosave(tmp_path / "a.json")
    calls = []
    original = save_module.mark_line
    monkeypatch.setattr(save_module, "mark_line", lambda m: calls.append(m) or original(m))
    drag(doc, "posterior", [(60, 60)])
    doc.autosave(tmp_path / "a.json")
    assert calls == [doc.drawing.marks[-1]]
    assert load_drawing(tmp_path / "a.json").marks == doc.drawing.marks


def test_a_failed_save_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    doc = DrawingDocument(ATLAS)
    target = tmp_path / "a.painmap.json"
    doc.save(target)
    old = target.read_bytes()
    doc.fill("posterior", "spine", 6)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="No space left on device"):
        doc.save(target)
    monkeypatch.undo()
    assert target.read_bytes() == old and os.listdir(tmp_path) == ["a.painmap.json"]
    with pytest.raises(WriteError, match="it is a folder"):
        doc.save(tmp_path)


def test_a_loaded_drawing_is_the_documents_start_and_cannot_be_undone(tmp_path):
    DrawingDocument(ATLAS, drawing=Drawing(marks=[Fill("posterior", "spine", 3, "aching")])).save(tmp_path / "d.json")
    doc = DrawingDocument.load(tmp_path / "d.json", ATLAS)
    assert len(doc.drawing.marks) == 1 and same_masks(doc) and not doc.can_undo
    assert doc.undo() is None


def test_works_on_the_real_atlas(atlas):
    doc = DrawingDocument(atlas)
    drag(doc, "posterior", [(400, 800), (420, 850), (430, 900)], radius=12)
    doc.fill("posterior", doc.atlas.view("posterior").regions[0].id, 8)
    doc.clear_view("posterior")
    doc.undo()
    assert same_masks(doc)
    while doc.can_undo:
        doc.undo()
    assert doc.masks.empty
