"""Files of the app: save/open, title mark, load errors, `painmap FILE`, recent files, drop, export, autosave."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pytest
from app_helpers import drag, inside_point, make_window, start_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from painmap.drawing import load_drawing, save_drawing

pytestmark = pytest.mark.usefixtures("qapp")


def _paint(window, dx=30):
    a = inside_point(window.session, "posterior", "buttock-right")
    drag(window.canvas, [a, (a[0] + dx, a[1])])


def test_save_writes_a_file_that_loads_with_the_same_marks(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    _paint(window)
    window.toolbox.set_tool("fill")
    window.session.fill("sacrum", 4, "burning")
    path = tmp_path / "mine.painmap.json"
    window.session.path = path
    QTest.keyClick(window.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.is_file()
    assert load_drawing(path, atlas=atlas).marks == window.session.drawing.marks
    assert not window.session.modified


def test_title_shows_the_file_and_the_unsaved_mark(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    assert "painmap" in window.windowTitle() and not window.isWindowModified()
    _paint(window)
    assert window.isWindowModified()
    window.files._save_to(tmp_path / "knee.painmap.json")
    assert "knee.painmap.json" in window.windowTitle()
    assert not window.isWindowModified()
    window.session.undo_stack.undo()
    assert window.isWindowModified()


def test_open_replaces_the_drawing_and_clears_undo(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    _paint(window)
    path = tmp_path / "a.painmap.json"
    window.session.save(path)
    other = make_window(qtbot, atlas)
    assert other.files.open_path(path)
    assert other.session.drawing.marks == window.session.drawing.marks
    assert np.array_equal(other.session.masks.array("posterior"), window.session.masks.array("posterior"))
    assert other.session.undo_stack.count() == 0 and not other.session.modified
    assert other.files.recent.paths()[0] == str(path.resolve())


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"format": "painmap-drawing", "version": 1, "marks": [{"type": "fill", "view": "nowhere"}]}),
        json.dumps({"format": "something-else"}),
    ],
)
def test_a_load_error_shows_the_message_and_changes_nothing(qtbot, atlas, tmp_path, content):
    window = make_window(qtbot, atlas)
    _paint(window)
    marks = list(window.session.drawing.marks)
    array = window.session.masks.array("posterior").copy()
    bad = tmp_path / "bad.painmap.json"
    bad.write_text(content, encoding="utf-8")
    assert not window.files.open_path(bad, confirmed=True)
    assert window.session.drawing.marks == marks
    assert np.array_equal(window.session.masks.array("posterior"), array)
    assert window.session.path is None and window.session.modified
    message = window.statusBar().currentMessage()
    assert "bad.painmap.json" in message and "\n" not in message


def test_painmap_file_that_does_not_exist_is_created_on_the_first_save(qtbot, atlas, tmp_path):
    path = tmp_path / "new.painmap.json"
    window = start_window(qtbot, path)
    assert window.session.path == path and not path.exists()
    _paint(window)
    window.files.actions["save"].trigger()  # no dialog: straight to FILE
    assert load_drawing(path, atlas=atlas).marks == window.session.drawing.marks


def test_painmap_file_that_exists_is_opened(qtbot, atlas, tmp_path):
    from painmap.drawing import Drawing, Fill

    path = tmp_path / "old.painmap.json"
    save_drawing(Drawing(marks=[Fill("posterior", "sacrum", 6, "aching")]), path)
    window = start_window(qtbot, path)
    assert window.session.drawing.marks == [Fill("posterior", "sacrum", 6, "aching")]
    assert window.session.masks.array("posterior").max() == 6


def test_dropping_a_drawing_opens_it(qtbot, atlas, tmp_path):
    from painmap.drawing import Drawing, Fill

    path = tmp_path / "dropped.painmap.json"
    save_drawing(Drawing(marks=[Fill("posterior", "sacrum", 2, "aching")]), path)
    window = make_window(qtbot, atlas)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    assert window.session.path == path
    assert len(window.session.drawing.marks) == 1


def test_autosave_happens_within_two_seconds_and_goes_on_save(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    store = window.files.store
    _paint(window)
    qtbot.waitUntil(lambda: store.drawing_path.is_file(), timeout=2000)
    assert load_drawing(store.drawing_path, atlas=atlas).marks == window.session.drawing.marks
    window.session.path = tmp_path / "kept.painmap.json"
    window.files.save()
    assert not store.drawing_path.exists()


def _orphan(store_folder, drawing, origin=""):
    """An autosave slot left by a process that died (no live lock)."""
    store_folder.mkdir(parents=True, exist_ok=True)
    save_drawing(drawing, store_folder / "deadbeef0001.painmap.json")
    (store_folder / "deadbeef0001.origin").write_text(origin, encoding="utf-8")


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_an_orphaned_autosave_is_offered_for_recovery(qtbot, atlas, tmp_path, dialogs, answer):
    from painmap.app.files import AutosaveStore
    from painmap.drawing import Drawing, Fill

    folder = AutosaveStore().folder
    marks = [Fill("posterior", "sacrum", 6, "aching"), Fill("posterior", "buttock-right", 3, "aching")]
    origin = tmp_path / "was-here.painmap.json"
    _orphan(folder, Drawing(marks=list(marks)), str(origin))
    dialogs.recover = answer == "yes"
    window = make_window(qtbot, atlas)
    recovered = window.files.offer_recovery()
    assert recovered == (answer == "yes")
    assert len(dialogs.asked) == 1 and "2 marks" in dialogs.asked[0] and "was-here" in dialogs.asked[0]
    assert not (folder / "deadbeef0001.painmap.json").exists()
    if answer == "yes":
        assert window.session.drawing.marks == marks
        assert window.session.modified and window.session.path == origin
        assert window.session.masks.array("posterior").max() == 6
    else:
        assert window.session.drawing.marks == []


def test_a_live_autosave_of_another_window_is_not_offered(qtbot, atlas):
    first = make_window(qtbot, atlas)
    _paint(first)
    first.files.autosave()
    second = make_window(qtbot, atlas)
    assert second.files.store.orphans() == []
    assert first.files.store.drawing_path.exists()


def test_closing_with_unsaved_changes_asks(qtbot, atlas, dialogs):
    window = make_window(qtbot, atlas)
    _paint(window)
    dialogs.unsaved = "cancel"
    window.close()
    assert dialogs.asked == ["unsaved"] and window.isVisible()
    dialogs.unsaved = "discard"
    window.close()
    assert dialogs.asked == ["unsaved", "unsaved"] and not window.isVisible()
    assert not window.files.store.drawing_path.exists()


def test_recent_files_menu_lists_saved_files(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    for name in ("one", "two"):
        _paint(window)
        window.files._save_to(tmp_path / f"{name}.painmap.json")
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0].endswith("two.painmap.json") and texts[1].endswith("one.painmap.json")


def test_autosave_folder_is_under_the_redirected_data_home(_private_home):
    from painmap.app.files import AutosaveStore

    assert str(AutosaveStore().folder).startswith(os.environ["XDG_DATA_HOME"])
    shutil.rmtree(_private_home / "data", ignore_errors=True)


def test_export_report_uses_the_report_renderer(qtbot, atlas, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window(qtbot, atlas)
    _paint(window)
    out = tmp_path / "report.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.files.export_report()
    assert out.is_file() and out.stat().st_size > 10_000
