"""Start the desktop app: `painmap [FILE]` ends up in `launch(file, qt_args)`.

Start-up is progressive: before numpy, the atlas, the drawing engine and the panels are imported, a
`StartupPreview` window (QtSvg only) shows the back view's body art on the lower back and pelvis, in the saved
window geometry; the main window replaces it at its own first paint, a few hundred milliseconds later.

A missing or broken resource (atlas, body art) stops start-up with one line on stderr and a message box, and
exit status 2. `PAINMAP_RECOVER=yes|no` answers the "recover unsaved drawing?" question without a dialog;
`PAINMAP_NO_PREVIEW=1` skips the preview. `PAINMAP_BENCHMARK_STARTUP=preview|window` ends the process right
after the first paint of the preview or of the main window (benchmarks/bench_app_startup.py measures both).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLoggingCategory, QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from painmap.app.crash_dialog import install_error_hooks
from painmap.app.identity import set_identity
from painmap.errors import PainmapError

EXIT_OK, EXIT_BAD_INPUT = 0, 2
_FOCUS = re.compile(rb'painmap:focus="([-0-9. ]+)"')


class StartupPreview(QWidget):
    """The back view's body art, painted before the heavy modules load; closed when the main window paints."""

    def __init__(self, svg: Path) -> None:
        super().__init__()
        self.setWindowTitle("painmap")
        self.renderer = QSvgRenderer(str(svg))
        box = self.renderer.viewBoxF()
        head = svg.read_bytes()[:4096]
        match = _FOCUS.search(head)
        numbers = [float(v) for v in match.group(1).split()] if match else []
        self.focus = (
            QRectF(*numbers[:2], numbers[2] - numbers[0], numbers[3] - numbers[1]) if len(numbers) == 4 else box
        )
        self.painted = False
        geometry = QSettings("painmap", "painmap").value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 900)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        f = self.focus
        scale = 0.94 * min(self.width() / f.width(), self.height() / f.height())
        painter.translate(self.width() / 2, self.height() / 2)
        painter.scale(scale, scale)
        painter.translate(-f.center().x(), -f.center().y())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.renderer.render(painter, self.renderer.viewBoxF())
        painter.resetTransform()
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        painter.setFont(font)
        for text, x in (("L", 10), ("R", self.width() - 44)):  # the posterior view's sides, as on the canvas
            painter.setBrush(QColor("#1f1f1f"))
            painter.setPen(QColor(255, 255, 255))
            painter.drawRoundedRect(QRectF(x, 10, 34, 34), 6, 6)
            painter.drawText(QRectF(x, 10, 34, 34), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        self.painted = True

    @classmethod
    def show_now(cls) -> StartupPreview | None:
        """Show and paint the preview at once; None when the body art is not there (start-up reports it)."""
        from painmap.resources import resource_path

        try:
            svg = resource_path("atlas", "posterior.svg")
        except PainmapError:
            return None
        if not svg.is_file():
            return None
        preview = cls(svg)
        if not preview.renderer.isValid():
            return None
        preview.show()
        preview.repaint()
        QApplication.processEvents()  # mapped and flushed to the screen
        if preview.painted:
            _benchmark_exit("preview")
        return preview


def _benchmark_exit(stage: str) -> None:
    """End the process right after the first paint of `stage` when a start-up benchmark asks for it."""
    if os.environ.get("PAINMAP_BENCHMARK_STARTUP") == stage:
        sys.stdout.flush()
        os._exit(0)


def _application(qt_args: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "painmap", *qt_args])
    app.setApplicationName("painmap")
    app.setOrganizationName("painmap")
    app.setApplicationDisplayName("painmap")
    set_identity(app)  # desktop-file id and window icon (painmap.app.identity)
    QLoggingCategory.setFilterRules("qt.svg.warning=false")  # a broken SVG is reported in our own one line
    return app


def _fail(message: str) -> int:
    sys.stderr.write(f"painmap: {message}\n")
    from painmap.app.files import dialogs_allowed

    if dialogs_allowed():
        QMessageBox.critical(None, "painmap cannot start", message)
    return EXIT_BAD_INPUT


def _hand_over(preview: QWidget, window: QWidget) -> None:
    """Close the preview and give its keyboard focus to the main window (without a window manager nobody
    else would, and the first key press would be lost)."""
    had_focus = preview.isActiveWindow()
    preview.close()
    if had_focus:
        window.raise_()
        window.activateWindow()


def build_window(file: str | None = None):
    """Load the resources and build the main window (PainmapError if a resource is missing or broken)."""
    from painmap.app.body_art import BodyArt
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    atlas = load_atlas()
    window = MainWindow(atlas, BodyArt(atlas))
    path = Path(file) if file else None
    recovered = False
    if not os.environ.get("PAINMAP_BENCHMARK_STARTUP"):
        recovered = window.files.offer_recovery(path_hint=path)
    if path is not None and not recovered:
        if path.exists():
            window.files.open_path(path, confirmed=True)
        else:
            window.session.new_drawing(path)  # created on the first save
    return window


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


def launch(file: str | None = None, qt_args: Sequence[str] = ()) -> int:
    """Run the app until its window closes; returns the exit status."""
    reason = missing_display()
    if reason:
        sys.stderr.write(f"painmap: {reason}\n")
        return EXIT_BAD_INPUT
    app = _application(qt_args)
    install_error_hooks()  # unexpected errors: the log and a dialog (painmap.app.crash_dialog)
    preview = None if os.environ.get("PAINMAP_NO_PREVIEW") == "1" else StartupPreview.show_now()
    try:
        window = build_window(file)
    except PainmapError as err:
        if preview is not None:
            preview.close()
        return _fail(str(err))
    if preview is not None:
        window.canvas.first_painted.connect(lambda: _hand_over(preview, window))
    window.canvas.first_painted.connect(lambda: QTimer.singleShot(0, lambda: _benchmark_exit("window")))
    window.show()
    return app.exec()
