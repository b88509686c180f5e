"""Unexpected errors in the running app: written to the log, and shown in a dialog with the one-line reason and
an "Open log" button (started from a menu, nobody sees stderr).

`install_error_hooks()` (called once at start-up) routes `sys.excepthook` (errors in slots and event handlers),
`threading.excepthook` and Qt's own warnings to the log. The dialog is opened from the event loop, never inside
the failing handler, and only one is shown at a time: errors that follow while it is open are only logged.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from painmap.app.i18n import tr
from painmap.logging_setup import get_logger, log_exception, log_path, one_line

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

# QMessageBox, QDesktopServices, QUrl and the Qt namespace are imported where used, and Qt's message types are
# read by name: PySide builds each class with its enums on first use (~3 ms before the first paint; the Qt
# namespace's 93 enums ~16 ms, decision D80), and none of them is needed unless something goes wrong.
_QT_LEVELS = {  # QtMsgType's names
    "QtDebugMsg": logging.DEBUG,
    "QtInfoMsg": logging.INFO,
    "QtWarningMsg": logging.WARNING,
    "QtCriticalMsg": logging.ERROR,
    "QtFatalMsg": logging.CRITICAL,
}


def about_log_html() -> str:
    """The paragraph of Help ▸ About that says where the log is (rich text)."""
    import html  # here, not at start-up: html.entities is a large table the first paint does not need

    text = tr("Unexpected errors are written to {path}").format(path=log_path())
    return f"<p><small>{html.escape(text)}</small></p>"


def open_log() -> bool:
    """Show the log file in the desktop's text viewer; False when none could open it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path())))


def make_dialog(reason: str, parent: QWidget | None = None, fatal: bool = False) -> QMessageBox:
    """The error dialog: what happened in one line, where the log is, Open log and Close."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("painmap: something went wrong"))
    if fatal:
        box.setText(tr("painmap could not start because of an unexpected error."))
    else:
        box.setText(tr("painmap ran into an unexpected error. Your drawing stays open and is autosaved."))
    box.setInformativeText(reason + "\n\n" + tr("Details are in the log: {path}").format(path=log_path()))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    button = box.addButton(tr("Open log"), QMessageBox.ButtonRole.ActionRole)
    button.clicked.connect(lambda: open_log())
    box.addButton(QMessageBox.StandardButton.Close)
    return box


class ErrorReporter(QObject):
    """Logs each unexpected error and opens the dialog for it from the event loop; `dialog` is the last one."""

    reported = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: QMessageBox | None = None
        self.reported.connect(self._later)  # in the reporter's (GUI) thread
        self._restore: list[Callable[[], None]] = []

    def report(self, error: BaseException, where: str = "") -> None:
        """Log `error` with its traceback and ask for the dialog (safe from any thread)."""
        try:
            log_exception(error, where)
        finally:
            self.reported.emit(one_line(error))

    def _later(self, reason: str) -> None:
        # from the event loop, never inside the failing handler (a queued connection, without naming the Qt
        # namespace's ConnectionType before the first paint)
        QTimer.singleShot(0, self, lambda: self._show(reason))

    def _show(self, reason: str) -> None:
        from PySide6.QtCore import Qt

        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the later errors are in the log
        parent = QApplication.activeWindow()
        self.dialog = make_dialog(reason, parent)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog.open()

    def remove(self) -> None:
        """Put back the hooks that were there before `install_error_hooks`."""
        while self._restore:
            self._restore.pop()()


def _qt_message(mode, context, message: str) -> None:
    category = getattr(context, "category", None)
    text = f"{category}: {message}" if category and category != "default" else message
    level = _QT_LEVELS.get(getattr(mode, "name", ""), logging.WARNING)
    if level >= logging.WARNING:
        get_logger().log(level, "Qt: %s", text)
    sys.stderr.write(f"{text}\n")  # what Qt's own handler would print


def install_error_hooks() -> ErrorReporter:
    """Route unexpected errors and Qt warnings to the log and the error dialog; returns the reporter."""
    reporter = ErrorReporter()
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def hook(kind, error, trace) -> None:
        if not issubclass(kind, Exception):  # KeyboardInterrupt, SystemExit: not ours to report
            previous_hook(kind, error, trace)
            return
        reporter.report(error)
        previous_hook(kind, error, trace)  # the traceback on stderr, for whoever started it from a terminal

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and isinstance(args.exc_value, Exception):
            reporter.report(args.exc_value, f"thread {args.thread.name if args.thread else '?'}")
        previous_thread_hook(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    previous_qt = qInstallMessageHandler(_qt_message)

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook
        qInstallMessageHandler(previous_qt)

    reporter._restore.append(restore)
    return reporter


def report_fatal(error: BaseException, allow_dialog: bool) -> None:
    """An error that ends start-up: log it and, when someone can answer, show the dialog before exiting."""
    log_exception(error, "start-up")
    if allow_dialog and QApplication.instance() is not None:
        make_dialog(one_line(error), fatal=True).exec()


def run_reporting_fatal(start: Callable[..., int], *args) -> int:
    """`start(*args)`, with an unexpected error that escapes it logged and shown (then raised again)."""
    from painmap.errors import PainmapError

    try:
        return start(*args)
    except PainmapError:
        raise
    except Exception as err:
        from painmap.app.screen import screen_shown

        report_fatal(err, screen_shown())
        raise
