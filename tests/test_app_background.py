"""painmap.app.background: jobs behind a progress dialog whose classes load only when a job runs."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from painmap.app.background import InputBlocker, progress_dialog, run_with_progress


def test_start_up_s_modules_build_no_progress_dialog_class():
    # PySide builds a class (and its enums) on first use; start-up imports this module for its worker thread
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import painmap.app.background, painmap.app.files\n"
        "from PySide6 import QtCore, QtWidgets\n"
        "print(sorted({'QProgressDialog', 'QDialog', 'QEventLoop'} & (set(vars(QtWidgets)) | set(vars(QtCore)))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_a_job_s_value_and_error_come_back(qtbot):
    assert run_with_progress(None, "Title", "Working", lambda task: 42) == 42
    with pytest.raises(ZeroDivisionError):
        run_with_progress(None, "Title", "Working", lambda task: 1 / 0)


def test_escape_in_the_dialog_means_cancel(qtbot):
    dialog = progress_dialog(None, "Title", "Working", cancellable=True)
    qtbot.addWidget(dialog)
    cancelled = threading.Event()
    dialog.canceled.connect(cancelled.set)
    blocker = InputBlocker(dialog)
    escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert blocker.eventFilter(dialog, escape) is True
    assert cancelled.is_set()
