"""File ▸ Add pattern library folder…: a learned pattern joins the ranking, is remembered, and can be removed."""

from __future__ import annotations

import pytest
from app_helpers import make_window

from painmap.app import library_folders
from painmap.app.library_folders import SETTINGS_KEY, stored_folders
from painmap.drawing import Drawing, Fill, save_drawing
from painmap.learn import learn

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def learned(tmp_path, atlas):
    """A library folder holding one pattern learned from drawings that all fill the right buttock."""
    src = tmp_path / "cohort"
    src.mkdir()
    for i in range(4):
        save_drawing(Drawing(marks=[Fill("posterior", "buttock-right", 5, "aching")]), src / f"d{i}.painmap.json")
    learn([src], "buttock-group", "Buttock group", tmp_path / "lib", atlas=atlas)
    return tmp_path / "lib"


def test_a_learned_pattern_joins_the_ranking_and_is_remembered(qtbot, atlas, learned, monkeypatch, tmp_path):
    window = make_window(qtbot, atlas)
    tool = window.library_folders
    assert tool.add_action in window.file_menu.actions() and not tool.remove_action.isEnabled()
    drawing = tmp_path / "now.painmap.json"
    save_drawing(Drawing(marks=[Fill("posterior", "buttock-right", 5, "aching")]), drawing)
    window.session.load(drawing)
    window.ensure_engine()
    assert "buttock-group" not in window.panels.ranking_panel.order()

    monkeypatch.setattr(library_folders, "ask_folder", lambda parent: str(learned))
    tool.add_action.trigger()
    assert "buttock-group" in window.live.library.patterns
    ranking = window.panels.ranking_panel.order()
    assert ranking[0] == "buttock-group"  # the drawing is exactly what the group shaded
    best = window.live.comparison.best  # the learned outline re-rasterized: the region within a few pixels
    assert best.pattern == "buttock-group" and best.score > 0.99
    assert stored_folders(window.settings) == [str(learned)] and tool.remove_action.isEnabled()

    again = make_window(qtbot, atlas)  # a new window (the next start) takes the stored folder
    again.ensure_engine()
    assert "buttock-group" in again.live.library.patterns

    monkeypatch.setattr(library_folders, "ask_remove", lambda parent, folders: folders[0])
    tool.remove_action.trigger()
    assert "buttock-group" not in window.live.library.patterns
    assert "buttock-group" not in window.panels.ranking_panel.order()
    assert stored_folders(window.settings) == [] and not tool.remove_action.isEnabled()


def test_a_folder_without_valid_patterns_is_refused_with_one_line_and_details(qtbot, atlas, tmp_path, monkeypatch):
    window = make_window(qtbot, atlas)
    window.ensure_engine()
    before = set(window.live.library.patterns)
    shown = []
    monkeypatch.setattr(library_folders, "show_refusal", lambda parent, check: shown.append(check))
    empty = tmp_path / "empty"
    empty.mkdir()
    broken = tmp_path / "broken" / "bad-pattern"
    broken.mkdir(parents=True)
    (broken / "pattern.toml").write_text("this is = not [valid toml")
    for folder in (empty, broken.parent):
        assert not window.library_folders.add(str(folder))
    assert [c.folder for c in shown] == [str(empty), str(broken.parent)]
    assert all(c.problems and not c.patterns for c in shown)
    assert "pattern.toml" in shown[0].problems[0]
    assert window.settings.value(SETTINGS_KEY, []) in ([], None)
    assert set(window.live.library.patterns) == before  # the engine is unchanged


def test_the_refusal_dialog_says_it_in_one_line_with_the_details(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = {}
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.update(text=box.text(), details=box.detailedText()))
    check = library_folders.FolderCheck("/some/folder", [], ["a: bad zone", "b: unknown view"])
    library_folders.show_refusal(None, check)
    assert "\n" not in seen["text"] and "/some/folder" in seen["text"]
    assert seen["details"] == "a: bad zone\nb: unknown view"


def test_start_up_with_its_cached_engine_takes_the_stored_folders(qtbot, learned):
    from app_helpers import start_window

    from painmap.app.main_window import app_settings

    app_settings().setValue(SETTINGS_KEY, [str(learned)])
    window = start_window(qtbot)
    assert "buttock-group" in window.live.library.patterns
    assert "buttock-group" in [r.pattern for r in window.live.comparison.results]
