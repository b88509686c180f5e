"""Views named as views, side views say their side, brush size as a diameter, the Save folder (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import make_window

from painmap.app.files import DRAWING_FOLDER_KEY
from painmap.app.toolbar import brush_diameter

pytestmark = pytest.mark.usefixtures("qapp")


def test_toolbar_names_views_as_views(qtbot, atlas):
    window = make_window(qtbot, atlas)
    texts = {vid: a.iconText() for vid, a in window.view_actions.views.items()}
    assert texts["posterior"] == "Back view"
    assert texts.get("lateral") == "Right side view" and texts.get("lateral-left") == "Left side view"


def test_side_views_carry_their_side_in_words(qtbot, atlas):
    window = make_window(qtbot, atlas)
    marks = window.canvas.marks
    assert marks.side_title() == "" and marks.side_title_rect().isEmpty()  # the back view has L / R markers
    window.session.set_view("lateral")
    assert marks.side_title() == "Right side"
    box = marks.side_title_rect()
    assert window.canvas.rect().contains(box.toRect())
    for marker in marks.side_marker_rects():
        assert not marker.intersects(box)
    window.session.set_view("lateral-left")
    assert marks.side_title() == "Left side"


def test_brush_size_is_shown_as_its_diameter(qtbot, atlas):
    window = make_window(qtbot, atlas)
    radius = window.toolbox.settings.radius
    assert window.brush_bar.size_label.text() == f"{brush_diameter(radius):g} mm"
    assert brush_diameter(12.0) == 24.0


def test_the_first_save_starts_in_documents_then_in_the_last_folder(qtbot, atlas, tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths

    window = make_window(qtbot, atlas)
    qtbot.waitUntil(lambda: getattr(window, "files", None) is not None)
    files = window.files
    files.settings.remove(DRAWING_FOLDER_KEY)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert files._folder() == documents
    folder = tmp_path / "mine"
    folder.mkdir()
    window.session.save(folder / "a.painmap.json")
    assert files.open_path(folder / "a.painmap.json", confirmed=True)
    window.session.new_drawing()
    assert Path(files._folder()) == folder.resolve()
