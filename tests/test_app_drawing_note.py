"""About this drawing (issue 11): the note in meta.note, strokes outside the body said, where files are kept."""

from __future__ import annotations

import pytest
from app_helpers import inside_point, make_window

from painmap import vocabulary
from painmap.app.panels.controller import PanelsController
from painmap.drawing import load_drawing

pytestmark = pytest.mark.usefixtures("qapp")


def test_the_note_is_kept_with_the_drawing_and_saved(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    assert not window.session.modified
    dialog = window.edit_note()
    dialog.note.setPlainText("  Started after gardening; worse when sitting.  ")
    dialog.accept()
    assert window.session.drawing.meta["note"] == "Started after gardening; worse when sitting."
    assert window.session.modified
    path = tmp_path / "noted.painmap.json"
    window.session.save(path)
    assert load_drawing(path, atlas=atlas).meta["note"] == "Started after gardening; worse when sitting."
    again = window.edit_note()
    assert again.note.toPlainText() == "Started after gardening; worse when sitting."
    again.note.setPlainText("")
    again.reject()  # Cancel keeps the note
    assert window.session.drawing.meta["note"]
    third = window.edit_note()
    third.note.setPlainText("   ")
    third.accept()  # a blank note is removed
    assert "note" not in window.session.drawing.meta


def test_strokes_outside_the_body_are_said(qtbot, atlas):
    window = make_window(qtbot, atlas)
    panels = window.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    s = window.session
    view_id = s.view_id
    for y in (5.0, 15.0):  # the top-left corner of the back view lies outside the silhouette
        s.begin_stroke((2.0, y), 1.0, 5)
        s.extend_stroke((4.0, y))
        s.end_stroke()
    a = inside_point(s, view_id, "buttock-right")
    s.begin_stroke(a, 10.0, 5)
    s.end_stroke()
    panels.refresh()
    summary = panels.ranking_panel.summary.text()
    assert vocabulary.outside_text(2) in summary
    s.undo_stack.undo()
    s.undo_stack.undo()
    panels.refresh()
    assert vocabulary.outside_text(1) in panels.ranking_panel.summary.text()


def test_help_says_where_drawings_are_kept(qtbot, atlas):
    window = make_window(qtbot, atlas)
    qtbot.waitUntil(lambda: getattr(window, "files", None) is not None)
    box = window.show_where()
    text = box.text()
    assert str(window.files.store.folder) in text and "sends nothing" in text
    box.close()
