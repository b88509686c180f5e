"""Long jobs (reports, frequency maps) off the GUI thread, behind a modal progress dialog.

`run_with_progress(parent, title, label, job)` runs `job(task)` in a `TaskThread` while the GUI's event loop
keeps running (the window repaints, the dialog's bar moves, Cancel is clickable), and returns the job's
value or raises the exception the job raised. A job reports progress with `task.progressed.emit(done, total)`
and text with `task.message.emit(text)`; the signals reach the GUI thread queued.

matplotlib's settings are process-global, so every figure rendered from a worker holds `RENDER_LOCK`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QWidget

from painmap.app.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

RENDER_LOCK = threading.Lock()
SHOW_AFTER_MS = 250  # a job that ends sooner shows no dialog at all


class TaskThread(QThread):
    """Runs `job(self)` once; keeps its value or the exception it raised."""

    progressed = Signal(int, int)  # (done, total)
    message = Signal(str)

    def __init__(self, job: Callable[[TaskThread], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.value: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        # Make this thread known to Python's threading module (a QThread is not, by itself), so code that asks
        # "am I threaded?" before forking worker processes (threading.active_count()) gets the true answer:
        # forking a process that runs Qt threads can hang the child.
        threading.current_thread()
        try:
            self.value = self.job(self)
        except BaseException as err:  # handed to the GUI thread, which re-raises it
            self.error = err


_BLOCKED = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.TabletPress,
    QEvent.Type.TabletMove,
    QEvent.Type.TabletRelease,
    QEvent.Type.TouchBegin,
    QEvent.Type.Drop,
    QEvent.Type.Close,
}


class InputBlocker(QObject):
    """While a job runs, user input (and closing a window) reaches only the progress dialog.

    The dialog shows only after SHOW_AFTER_MS; until then, and while it shows, nothing else may start a second
    job or change the drawing the job is reading.
    """

    def __init__(self, dialog: QWidget) -> None:
        super().__init__()
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _BLOCKED or not isinstance(watched, QWidget):
            return False
        inside = watched is self.dialog or self.dialog.isAncestorOf(watched)
        escape = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
        if (inside and escape) or (watched is self.dialog and event.type() == QEvent.Type.Close):
            from PySide6.QtWidgets import QPushButton

            # Esc or closing would hide the dialog while the job runs on: they mean Cancel (if there is one)
            for button in self.dialog.findChildren(QPushButton):
                if button.isEnabled():
                    button.click()
            event.ignore()
            return True
        if not inside and event.type() == QEvent.Type.Close:
            event.ignore()
        return not inside


def progress_dialog(parent: QWidget | None, title: str, label: str, cancellable: bool) -> QProgressDialog:
    """A modal dialog, busy (no range) until the job reports a total; shown only if the job takes a while."""
    from PySide6.QtWidgets import QProgressDialog  # here: its classes (and enums) load when a job runs, not at start-up

    dialog = QProgressDialog(label, tr("Cancel") if cancellable else None, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setMinimumWidth(380)
    if cancellable:
        dialog.canceled.disconnect(dialog.cancel)  # stay open ("Stopping…") until the job has really stopped
    dialog.setValue(0)  # starts the dialog's show-later timer
    return dialog


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    job: Callable[[TaskThread], Any],
    cancel: threading.Event | None = None,
) -> Any:
    """Run `job(task)` in a worker thread behind a progress dialog; return its value or raise its exception.

    With `cancel`, the dialog has a Cancel button that sets the event (the job must look at it and stop).
    """
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QPushButton

    dialog = progress_dialog(parent, title, label, cancellable=cancel is not None)
    task = TaskThread(job)

    def show_progress(done: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total))

    def stop() -> None:
        assert cancel is not None
        cancel.set()
        dialog.setLabelText(tr("Stopping…"))
        for button in dialog.findChildren(QPushButton):
            button.setEnabled(False)

    def show_message(text: str) -> None:
        if cancel is None or not cancel.is_set():  # "Stopping…" stays
            dialog.setLabelText(text)

    task.progressed.connect(show_progress)
    task.message.connect(show_message)
    if cancel is not None:
        dialog.canceled.connect(stop)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    blocker = InputBlocker(dialog)
    app = QApplication.instance()
    app.installEventFilter(blocker)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        task.start()
        loop.exec()
        task.wait()
    finally:
        QApplication.restoreOverrideCursor()
        app.removeEventFilter(blocker)
        dialog.close()
        dialog.deleteLater()
        task.deleteLater()
    if task.error is not None:
        raise task.error
    return task.value
