"""Start the desktop app: `painmap [FILE]` ends up in `launch(file, qt_args)`.

One window (decision D12): the main window is built from Qt, the SVG art and the chart's view frames only, and
shown; at its first paint `StartUp` loads the engine in short steps on the event loop (the atlas, the session,
the file or an autosave to recover, the pattern library and the comparator). Questions at start are asked over
the shown window. A missing or broken resource stops start-up with one line on stderr, a message box over the
window when there is a screen to show it on, and exit status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QLoggingCategory, QTimer
from PySide6.QtWidgets import QApplication

from painmap import logging_setup
from painmap.app import gc_hold
from painmap.app.crash_dialog import install_error_hooks
from painmap.app.i18n import tr
from painmap.app.identity import set_identity
from painmap.app.plain_import import plain_import
from painmap.app.screen import missing_display, screen_shown
from painmap.errors import PainmapError

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _application(qt_args: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "painmap", *qt_args])
    app.setApplicationName("painmap")
    app.setOrganizationName("painmap")
    app.setApplicationDisplayName("painmap")
    set_identity(app)  # desktop-file id and window icon (painmap.app.identity)
    QLoggingCategory.setFilterRules("qt.svg.warning=false")  # a broken SVG is reported in our own one line
    return app


def _install_language() -> None:
    """The language of Preferences ("" = the system's): the app's, the core's and Qt's catalogues."""
    from painmap.app.main_window import app_settings
    from painmap.app.preferences import install_preferred_language

    install_preferred_language(app_settings())  # before any text is built (Edit ▸ Preferences)


def _fail(app: QApplication, message: str, parent=None) -> int:
    sys.stderr.write(f"painmap: {message}\n")
    if screen_shown():
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, tr("painmap cannot start"), message)
    return EXIT_BAD_INPUT


def launch(file: str | None = None, qt_args: Sequence[str] = ()) -> int:
    """Run the app until its window closes; returns the exit status."""
    reason = missing_display()
    if reason:
        sys.stderr.write(f"painmap: {reason}\n")
        return EXIT_BAD_INPUT
    app = _application(qt_args)
    logging_setup.hold()  # the log file opens after the first paint; what is logged before is kept till then
    try:
        return _run(app, file)
    finally:
        gc_hold.release()  # if start-up did not get as far (the window failed to build)
        logging_setup.release()


def _run(app: QApplication, file: str | None) -> int:
    install_error_hooks()  # unexpected errors: the log and a dialog (painmap.app.crash_dialog)
    with plain_import():  # the window's ~45 modules without PySide's source scan (painmap.app.plain_import)
        _install_language()  # before any window text is built
        from painmap.app.main_window import MainWindow
        from painmap.app.startup import StartUp

        try:
            window = MainWindow()
        except PainmapError as err:
            return _fail(app, str(err))
    # right after the first paint has reached the screen, not inside it
    window.canvas.first_painted.connect(lambda: QTimer.singleShot(0, logging_setup.release))
    startup = StartUp(window, file)
    failure: list[str] = []

    def failed(message: str) -> None:
        failure.append(message)
        app.exit(_fail(app, message, window))  # the message box over the window, then the app ends

    startup.failed.connect(failed)
    window.show()
    status = app.exec()
    return EXIT_BAD_INPUT if failure else status
