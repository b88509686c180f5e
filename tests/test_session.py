"""DrawingSession: a thin QObject over DrawingDocument; its QUndoStack and the document's history move together."""

from __future__ import annotations

import numpy as np
import pytest

from painmap.app.session import DrawingSession
from painmap.raster import PainMasks

pytestmark = pytest.mark.usefixtures("qapp")


def same_masks(session) -> bool:
    fresh = PainMasks.from_drawing(session.drawing, session.atlas, session.px_per_mm)
    return all(np.array_equal(session.masks.intensity(v), fresh.intensity(v)) for v in session.atlas.views)


def stroke(session, points, radius=10.0, intensity=6, erase=False):
    session.begin_stroke(points[0], radius, intensity, erase=erase)
    for p in points[1:]:
        session.extend_stroke(p)
    session.end_stroke()


def test_each_document_step_is_one_qt_undo_command(atlas):
    session = DrawingSession(atlas)
    painted, changed = [], []
    session.painted.connect(painted.append)
    session.marks_changed.connect(lambda: changed.append(1))
    stroke(session, [(400, 800), (420, 830)])
    session.fill(session.view().regions[0].id, 4)
    stroke(session, [(410, 810), (415, 815)], erase=True)
    stack = session.undo_stack
    assert stack.count() == 3 and len(session.document.history) == 3
    assert [stack.text(i) for i in range(3)] == ["Brush stroke", "Fill region", "Erase"]
    assert painted and changed and session.modified
    stack.undo()
    stack.undo()
    assert len(session.drawing.marks) == 1 and same_masks(session)
    assert session.document.can_redo and stack.canRedo()
    stack.redo()
    assert len(session.drawing.marks) == 2 and same_masks(session)
    stroke(session, [(380, 760)])  # a new step drops the undone one, in Qt and in the document
    assert stack.count() == 3 and not stack.canRedo() and not session.document.can_redo
    while stack.canUndo():
        stack.undo()
    assert session.drawing.marks == [] and session.masks.empty


def test_undo_shows_the_view_it_changes_and_repaints_it(atlas):
    session = DrawingSession(atlas)
    session.set_view("lateral")
    stroke(session, [(250, 880), (260, 900)])
    session.set_view("posterior")
    painted = []
    session.painted.connect(painted.append)
    session.undo_stack.undo()
    assert session.view_id == "lateral" and painted and all(r.view == "lateral" for r in painted)


def test_undo_during_a_drag_keeps_stack_and_document_together(atlas):
    session = DrawingSession(atlas)
    stroke(session, [(400, 800)])
    session.begin_stroke((420, 820), 10.0, 5)  # Ctrl+Z while the button is still down
    session.undo_stack.undo()
    assert not session.stroking and session.drawing.marks == [] and session.masks.empty
    session.undo_stack.redo()
    assert len(session.drawing.marks) == 1 and same_masks(session)


def test_a_press_outside_the_file_range_starts_nothing(atlas):
    session = DrawingSession(atlas)
    session.begin_stroke((1e6, 10), 10.0, 5)
    session.begin_stroke((float("nan"), 10), 10.0, 5)
    session.end_stroke()
    assert not session.stroking and session.undo_stack.count() == 0


def test_save_marks_clean_and_recover_marks_dirty(atlas, tmp_path):
    session = DrawingSession(atlas)
    stroke(session, [(400, 800)])
    path = session.save(tmp_path / "a.painmap.json")
    assert not session.modified and path.exists()
    session.recover(session.drawing, None)
    assert session.modified and session.document.history == ()
