"""Start the desktop app: `painmap [FILE]` ends up in `launch(file, qt_args)`.

A missing or broken resource (atlas, body art) stops start-up with one line on stderr and a message box, and
exit status 2. `PAINMAP_BENCHMARK_STARTUP=1` quits as soon as the window's canvas has painted once
(benchmarks/bench_app_startup.py measures the whole process that way). `PAINMAP_RECOVER=yes|no` answers the
"recover unsaved drawing?" question without a dialog.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from painmap.errors import PainmapError

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _application(qt_args: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "painmap", *qt_args])
    app.setApplicationName("painmap")
    app.setOrganizationName("painmap")
    app.setApplicationDisplayName("painmap")
    app.setDesktopFileName("painmap")
    return app


def _fail(message: str) -> int:
    sys.stderr.write(f"painmap: {message}\n")
    from painmap.app.files import dialogs_allowed

    if dialogs_allowed():
        QMessageBox.critical(None, "painmap cannot start", message)
    return EXIT_BAD_INPUT


def build_window(file: str | None = None):
    """Load the resources and build the main window (PainmapError if a resource is missing or broken)."""
    from painmap.app.canvas import BodyArt
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    atlas = load_atlas()
    window = MainWindow(atlas, BodyArt(atlas))
    path = Path(file) if file else None
    recovered = False
    if os.environ.get("PAINMAP_BENCHMARK_STARTUP") != "1":
        recovered = window.files.offer_recovery(path_hint=path)
    if path is not None and not recovered:
        if path.exists():
            window.files.open_path(path, confirmed=True)
        else:
            window.session.new_drawing(path)  # created on the first save
    return window


def launch(file: str | None = None, qt_args: Sequence[str] = ()) -> int:
    """Run the app until its window closes; returns the exit status."""
    app = _application(qt_args)
    try:
        window = build_window(file)
    except PainmapError as err:
        return _fail(str(err))
    if os.environ.get("PAINMAP_BENCHMARK_STARTUP") == "1":
        window.canvas.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.show()
    return app.exec()
