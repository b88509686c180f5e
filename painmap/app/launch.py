"""Start the desktop app: `painmap [FILE]` ends up in `launch(file, qt_args)`.

One window (decision D12): the main window is built from Qt, the SVG art and the chart's view frames only, and
shown; at its first paint `StartUp` loads the engine in short steps on the event loop (the atlas, the session,
the file or an autosave to recover, the pattern library and the comparator). Questions at start are asked over
the shown window. A missing or broken resource stops start-up with one line on stderr, a message box over the
window when there is a screen to show it on, and exit status 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLoggingCategory
from PySide6.QtWidgets import QApplication, QMessageBox

from painmap.errors import PainmapError

EXIT_OK, EXIT_BAD_INPUT = 0, 2
NO_SCREEN_PLATFORMS = ("offscreen", "minimal")  # Qt platforms that draw nowhere a person could look


def _application(qt_args: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "painmap", *qt_args])
    app.setApplicationName("painmap")
    app.setOrganizationName("painmap")
    app.setApplicationDisplayName("painmap")
    app.setDesktopFileName("painmap")
    QLoggingCategory.setFilterRules("qt.svg.warning=false")  # a broken SVG is reported in our own one line
    return app


def missing_display() -> str | None:
    """Why no window can open here (Linux without X11 or Wayland and no Qt platform chosen), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no screen to open the app on (neither DISPLAY nor WAYLAND_DISPLAY is set); run it in a desktop "
        "session or under xvfb-run, or use the commands in 'painmap --help'"
    )


def screen_shown(app: QApplication) -> bool:
    """False on Qt's offscreen and minimal platforms, where a message box would wait for nobody.

    The one place that decides, at start, whether there is a screen: only the start-up failure box uses it.
    """
    return app.platformName() not in NO_SCREEN_PLATFORMS


def _fail(app: QApplication, message: str, parent=None) -> int:
    sys.stderr.write(f"painmap: {message}\n")
    if screen_shown(app):
        QMessageBox.critical(parent, "painmap cannot start", message)
    return EXIT_BAD_INPUT


def launch(file: str | None = None, qt_args: Sequence[str] = ()) -> int:
    """Run the app until its window closes; returns the exit status."""
    reason = missing_display()
    if reason:
        sys.stderr.write(f"painmap: {reason}\n")
        return EXIT_BAD_INPUT
    app = _application(qt_args)
    from painmap.app.main_window import MainWindow
    from painmap.app.startup import StartUp

    try:
        window = MainWindow()
    except PainmapError as err:
        return _fail(app, str(err))
    startup = StartUp(window, file)
    failure: list[str] = []

    def failed(message: str) -> None:
        failure.append(message)
        app.exit(_fail(app, message, window))  # the message box over the window, then the app ends

    startup.failed.connect(failed)
    window.show()
    status = app.exec()
    return EXIT_BAD_INPUT if failure else status
