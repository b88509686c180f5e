"""Unexpected errors in the app: logged, and a dialog with the one-line reason and Open log."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from painmap.app import crash_dialog
from painmap.logging_setup import get_logger, log_path


@pytest.fixture
def reporter(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    opened = []
    monkeypatch.setattr(crash_dialog, "open_log", lambda: opened.append(log_path()) or True)
    before = sys.excepthook
    reporter = crash_dialog.install_error_hooks()
    reporter.opened = opened
    yield reporter
    reporter.remove()
    assert sys.excepthook is before
    if reporter.dialog is not None:
        reporter.dialog.close()
    for handler in list(get_logger().handlers):
        get_logger().removeHandler(handler)
        handler.close()


def _button(box: QMessageBox, text: str) -> QPushButton:
    (button,) = [b for b in box.buttons() if b.text() == text]
    return button


@pytest.mark.qt_no_exception_capture
def test_error_inside_a_slot_is_logged_and_shown(qtbot, reporter, capsys):
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def broken_slot():
        raise ZeroDivisionError("the brush size is zero\nsecond line")

    button.clicked.connect(broken_slot)
    button.click()  # raises inside Qt's signal delivery: the app goes on
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    box = reporter.dialog
    assert box.informativeText().splitlines()[0] == "ZeroDivisionError: the brush size is zero second line"
    assert str(log_path()) in box.informativeText()
    log = log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError: the brush size is zero" in log and "in broken_slot" in log
    assert "Traceback" in capsys.readouterr().err  # still on stderr for a terminal
    _button(box, "Open log").click()
    assert reporter.opened == [log_path()]


def test_the_dialog_opens_from_the_event_loop_not_inside_the_report(qtbot, reporter):
    import threading

    reporter.report(ValueError("reported in the GUI thread"))
    assert reporter.dialog is None  # not inside the failing handler
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "reported in the GUI thread" in reporter.dialog.informativeText()
    reporter.dialog.close()
    worker = threading.Thread(target=lambda: reporter.report(KeyError("from a worker")))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "from a worker" in reporter.dialog.informativeText() and reporter.dialog.isVisible())


@pytest.mark.qt_no_exception_capture
def test_one_dialog_at_a_time(qtbot, reporter):
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    button.click()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    first = reporter.dialog
    button.click()
    button.click()
    QCoreApplication.processEvents()
    assert reporter.dialog is first
    assert log_path().read_text().count("unexpected error: ZeroDivisionError: division by zero") == 3


def test_qt_warnings_reach_the_log(reporter, capsys):
    from PySide6.QtCore import qWarning

    qWarning("a Qt warning for the log")
    assert "WARNING painmap: Qt: a Qt warning for the log" in log_path().read_text()
    assert "a Qt warning for the log" in capsys.readouterr().err


def test_fatal_start_up_error_is_logged_and_raised(reporter, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text() + "|" + self.informativeText()) or 0)
    monkeypatch.setattr("painmap.app.screen.screen_shown", lambda: True)

    def start(file, args):
        raise RuntimeError(f"cannot build the window for {file}")

    with pytest.raises(RuntimeError):
        crash_dialog.run_reporting_fatal(start, "x.painmap.json", [])
    text, reason = shown[0].split("|")
    assert text == "painmap could not start because of an unexpected error."
    assert reason.startswith("RuntimeError: cannot build the window for x.painmap.json")
    assert "unexpected error in start-up" in log_path().read_text()


def test_about_names_the_log(qtbot, atlas, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    from painmap.app.main_window import MainWindow

    window = MainWindow(atlas)
    qtbot.addWidget(window)
    texts = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: texts.append(text))
    window.show_about()
    assert str(tmp_path / "state" / "painmap" / "painmap.log") in texts[0]


def test_error_hooks_do_not_load_the_engine_before_the_preview():
    """The hooks run before the start-up preview, which must paint before numpy loads (docs/decisions.md D12)."""
    import subprocess

    code = (
        "import sys; from painmap.app.crash_dialog import run_reporting_fatal, install_error_hooks; "
        "import painmap.app.identity; run_reporting_fatal(lambda: 0); print('numpy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
