"""File → Export report: the file name, the app's comparator, extensions, the last folder, a responsive window."""

from __future__ import annotations

import threading

import pytest
from app_helpers import make_window
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

import painmap.report
from painmap.app import file_dialogs
from painmap.app.files import REPORT_FOLDER_KEY

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def window(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    window.session.fill("buttock-right", 6, "aching")
    window.files._save_to(tmp_path / "right-hip.painmap.json")
    return window


@pytest.fixture
def calls(monkeypatch):
    """Record how the report renderer is called (and from which thread); it still writes the real report."""
    real = painmap.report.render_drawing_report
    seen = []

    def spy(*args, **kwargs):
        seen.append((args, kwargs, threading.current_thread()))
        return real(*args, **kwargs)

    monkeypatch.setattr(painmap.report, "render_drawing_report", spy)
    return seen


def answer_save_dialog(monkeypatch, path, chosen=""):
    asked = []
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a: asked.append(a) or (str(path), chosen))
    return asked


def test_export_without_extension_writes_a_pdf_while_the_window_stays_responsive(window, monkeypatch, tmp_path, calls):
    out = tmp_path / "out" / "NAME"
    out.parent.mkdir()
    answer_save_dialog(monkeypatch, out)
    ticks, dialogs = [], []
    timer = QTimer()
    timer.setInterval(10)

    def tick():
        ticks.append(1)
        dialogs.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())

    timer.timeout.connect(tick)
    timer.start()
    assert window.files.export_report()
    timer.stop()
    pdf = tmp_path / "out" / "NAME.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert not (tmp_path / "out" / "NAME").exists()
    # The GUI thread ran its event loop while the worker rendered (~1 s): the timer kept ticking, the
    # busy dialog showed.
    assert len(ticks) >= 10
    assert dialogs
    (args, kwargs, thread) = calls[0]
    assert thread is not threading.main_thread()
    assert args[2] in ("a4", "letter")
    assert kwargs["source"] == window.session.path
    assert kwargs["comparator"] is window.panels.comparator is not None
    assert "Exported" in window.statusBar().currentMessage()


def test_the_default_name_is_the_drawings_and_the_folder_is_remembered(window, monkeypatch, tmp_path, calls):
    asked = answer_save_dialog(monkeypatch, tmp_path / "elsewhere" / "r.pdf")
    (tmp_path / "elsewhere").mkdir()
    assert window.files.export_report()
    caption_start_filters = asked[0][1:]
    assert caption_start_filters[1] == str(tmp_path / "right-hip-report.pdf")
    assert caption_start_filters[2].startswith("PDF documents (*.pdf)")
    assert "PNG" in caption_start_filters[2] and "SVG" in caption_start_filters[2]
    assert window.settings.value(REPORT_FOLDER_KEY) == str(tmp_path / "elsewhere")
    assert window.files.export_report()
    assert asked[1][2] == str(tmp_path / "elsewhere" / "right-hip-report.pdf")


@pytest.mark.parametrize(
    ("typed", "chosen", "written", "magic"),
    [
        ("pic", "PNG pictures (*.png)", "pic.png", b"\x89PNG"),
        ("chart.svg", "PDF documents (*.pdf)", "chart.svg", b"<?xm"),
        ("v1.2", "", "v1.2.pdf", b"%PDF"),
    ],
)
def test_the_extension_comes_from_the_name_or_the_filter(window, monkeypatch, tmp_path, typed, chosen, written, magic):
    answer_save_dialog(monkeypatch, tmp_path / typed, chosen)
    assert window.files.export_report()
    assert (tmp_path / written).read_bytes()[:4] == magic


def test_a_failed_export_says_why_and_loses_nothing(window, monkeypatch, tmp_path):
    marks = list(window.session.drawing.marks)
    answer_save_dialog(monkeypatch, tmp_path / "missing-folder" / "r.pdf")
    assert not window.files.export_report()
    assert "missing-folder" in window.statusBar().currentMessage()
    assert marks and window.session.drawing.marks == marks
    assert not window.session.modified
    assert window.settings.value(REPORT_FOLDER_KEY) is None


def test_cancelling_the_dialog_writes_nothing(window, monkeypatch, calls):
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a: ("", ""))
    assert not window.files.export_report()
    assert calls == []
