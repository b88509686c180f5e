"""File → Open folder as frequency map: counts, skipped files, Cancel, outline, exports, errors."""

from __future__ import annotations

import threading

import pytest
from app_helpers import make_window
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

import painmap.aggregate
from painmap.app import file_dialogs, frequency_controller, frequency_jobs
from painmap.drawing import Drawing, Stroke, load_drawing, save_drawing

pytestmark = pytest.mark.usefixtures("qapp")

BUTTOCK = ((430.0, 800.0), (450.0, 850.0), (460.0, 890.0))  # right buttock, posterior view (mm)
THIGH = ((250.0, 900.0), (252.0, 1000.0))  # lateral view


def make_cohort(folder, n: int, lateral_every: int = 3, bad: bool = True):
    """n drawings: all shade the same buttock stroke; every `lateral_every`-th also marks the side view."""
    folder.mkdir(exist_ok=True)
    for i in range(n):
        marks = [Stroke("posterior", 10.0, 5, "aching", BUTTOCK)]
        if i % lateral_every == 0:
            marks.append(Stroke("lateral", 8.0, 6, "aching", THIGH))
        save_drawing(Drawing(marks=marks), folder / f"p{i:03d}.painmap.json")
    if bad:
        (folder / "broken.painmap.json").write_text("{not json", encoding="utf-8")
    return folder


@pytest.fixture
def window(qtbot, atlas):
    window = make_window(qtbot, atlas)
    yield window
    # Close the maps and delete them now, so no hidden window of this test is active in the next one.
    window.frequency.close_all()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: window.frequency.windows == [])


def open_via_menu(window, monkeypatch, folder):
    monkeypatch.setattr(file_dialogs, "ask_folder", lambda *a, **k: str(folder))
    before = list(window.frequency.windows)
    window.frequency.open_action.trigger()
    new = [w for w in window.frequency.windows if w not in before]
    return new[0] if new else None


def test_the_action_is_in_the_file_menu_with_a_shortcut_and_a_tooltip(window):
    action = window.frequency.open_action
    assert action in window.file_menu.actions()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+O")
    assert "folder" in action.toolTip().lower() and "Ctrl+Shift+O" in action.toolTip()


def test_a_folder_opens_as_a_map_with_the_right_counts_and_the_bad_file_named(window, monkeypatch, tmp_path, qtbot):
    folder = make_cohort(tmp_path / "cohort", 6)
    shown = open_via_menu(window, monkeypatch, folder)
    assert shown is not None and shown.isVisible()
    result = shown.result
    assert (result.n_drawings, result.n_skipped) == (6, 1)
    assert result.n_by_view == {"posterior": 6, "lateral": 2}
    assert int(result.counts["posterior"].max()) == 6  # every drawing covers the stroke's pixels
    assert int(result.counts["lateral"].max()) == 2
    assert "6 drawings" in shown.summary.text() and "1 file skipped" in shown.summary.text()
    table = shown.skipped_table
    assert table.isVisibleTo(shown) and table.rowCount() == 1
    assert table.item(0, 0).text() == "broken.painmap.json"
    assert "JSON" in table.item(0, 1).text()
    image = shown.image.image()
    assert not image.isNull() and image.width() > 800 and image.height() > 500
    assert "Back: 6" in shown.statusBar().currentMessage()
    assert str(folder) in window.settings.value(frequency_controller.FOLDER_KEY)


def test_no_skipped_table_when_every_file_reads(window, monkeypatch, tmp_path):
    shown = open_via_menu(window, monkeypatch, make_cohort(tmp_path / "ok", 3, bad=False))
    assert shown.result.n_skipped == 0
    assert not shown.skipped_table.isVisibleTo(shown)
    assert "file skipped" not in shown.summary.text() and "files skipped" not in shown.summary.text()


def _cancel_when_progress_shows(pressed: list, how: str) -> QTimer:
    """Poll for the visible progress dialog; once it shows progress, click Cancel or press Esc (like a user)."""
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible() and widget.value() > 0:
                if how == "click":
                    widget.findChild(QPushButton).click()
                else:
                    QTest.keyClick(widget, Qt.Key.Key_Escape)
                pressed.append((widget.value(), widget.maximum(), widget.labelText()))
                timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.mark.parametrize("how", ["click", "escape"])
def test_cancel_stops_the_run_and_shows_nothing(window, monkeypatch, tmp_path, how):
    folder = make_cohort(tmp_path / "big", 30, bad=False)
    monkeypatch.setattr(frequency_jobs, "AGGREGATE_OPTIONS", {"chunk": 5, "workers": 1})
    real = painmap.aggregate.aggregate
    results, waited = [], []

    def held_after_first_chunk(paths, **kwargs):
        """The real aggregate, whose first progress report waits until the user has pressed Cancel."""
        cancel, progress = kwargs["cancel"], kwargs["progress"]

        def progress_then_wait(done, total):
            progress(done, total)
            if not waited:
                waited.append(cancel.wait(10))

        result = real(paths, **{**kwargs, "progress": progress_then_wait})
        results.append(result)
        return result

    monkeypatch.setattr(painmap.aggregate, "aggregate", held_after_first_chunk)
    pressed = []
    timer = _cancel_when_progress_shows(pressed, how)
    shown = open_via_menu(window, monkeypatch, folder)
    timer.stop()
    assert pressed and pressed[0][:2] == (5, 30)  # the bar showed the first chunk of 30
    assert waited == [True]  # Cancel set the event the worker waits on
    assert shown is None and window.frequency.windows == []
    assert results[0].cancelled and results[0].n_drawings == 5  # stopped after the first chunk
    assert "cancelled" in window.statusBar().currentMessage()


def test_an_empty_folder_is_an_error_and_the_drawing_stays(window, monkeypatch, tmp_path):
    window.session.fill("sacrum", 4, "burning")
    marks = list(window.session.drawing.marks)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert open_via_menu(window, monkeypatch, empty) is None
    assert "no drawings" in window.statusBar().currentMessage()
    assert marks and window.session.drawing.marks == marks
    assert window.frequency.windows == []


def test_choosing_an_outline_redraws_the_map(window, monkeypatch, tmp_path, qtbot):
    shown = open_via_menu(window, monkeypatch, make_cohort(tmp_path / "c", 4, bad=False))
    before = shown.image.image()
    index = shown.outline.findData("gluteus-medius")
    assert index > 0 and shown.shown_pattern() == ""
    shown.outline.setCurrentIndex(index)
    assert shown.image.note()  # "Drawing the map…" while the worker renders
    qtbot.waitUntil(lambda: not shown.busy() and shown.shown_pattern() == "gluteus-medius", timeout=20000)
    after = shown.image.image()
    assert after != before and shown.image.note() == ""


def test_export_writes_png_and_pdf_with_the_extension_of_the_filter(window, monkeypatch, tmp_path):
    shown = open_via_menu(window, monkeypatch, make_cohort(tmp_path / "c", 4))
    answers = iter([(str(tmp_path / "map"), "PDF documents (*.pdf)"), (str(tmp_path / "map.png"), "")])
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: next(answers))
    assert shown.export()
    assert (tmp_path / "map.pdf").read_bytes()[:5] == b"%PDF-"
    assert shown.export()
    png = tmp_path / "map.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(png))
    assert image.width() > 800 and image.height() > 500
    assert window.settings.value("frequency/export_folder") == str(tmp_path)


def test_export_to_an_unwritable_place_says_why(window, monkeypatch, tmp_path):
    shown = open_via_menu(window, monkeypatch, make_cohort(tmp_path / "c", 2, bad=False))
    assert not shown.export_to(tmp_path / "no-such-folder" / "map.png")
    assert "no-such-folder" in shown.statusBar().currentMessage()


def test_export_csv_writes_one_row_per_drawing(window, monkeypatch, tmp_path):
    shown = open_via_menu(window, monkeypatch, make_cohort(tmp_path / "c", 5))
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: (str(tmp_path / "rows"), ""))
    assert shown.export_csv()
    lines = (tmp_path / "rows.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("path,status,extent_percent,")
    assert len(lines) == 1 + 6  # the broken file has a row, with its reason as status
    assert all(line.split(",")[0].endswith(".painmap.json") for line in lines[1:])
    assert sum(",ok," in line for line in lines[1:]) == 5
    assert "Wrote 6 rows" in shown.statusBar().currentMessage()


def test_the_saved_drawings_are_read_back_unchanged(tmp_path, atlas):
    """The cohort helper writes what the tests assume: one posterior stroke, and a lateral one every third."""
    folder = make_cohort(tmp_path / "c", 4, bad=False)
    views = [load_drawing(p, atlas).views_used() for p in sorted(folder.glob("*.painmap.json"))]
    assert views == [["posterior", "lateral"], ["posterior"], ["posterior"], ["posterior", "lateral"]]


def test_the_worker_runs_off_the_gui_thread_and_never_forks(window, monkeypatch, tmp_path):
    seen = []
    real = painmap.aggregate.aggregate

    def spy(*args, **kwargs):
        seen.append((threading.current_thread(), painmap.aggregate._start_method()))
        return real(*args, **kwargs)

    monkeypatch.setattr(painmap.aggregate, "aggregate", spy)
    assert open_via_menu(window, monkeypatch, make_cohort(tmp_path / "c", 2, bad=False)) is not None
    thread, start_method = seen[0]
    assert thread is not threading.main_thread()
    assert start_method != "fork"  # forking a process with Qt threads running can hang the workers


def test_closing_the_main_window_closes_its_maps(window, monkeypatch, tmp_path, qtbot):
    shown = open_via_menu(window, monkeypatch, make_cohort(tmp_path / "c", 2, bad=False))
    assert shown.isVisible()
    window.close()
    assert not shown.isVisible()
    qtbot.waitUntil(lambda: window.frequency.windows == [])  # deleted on close, then forgotten
