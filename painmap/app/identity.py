"""The app's name, desktop-file id and window icon, as task switchers and docks look them up."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from painmap.appinfo import APP_ID, WINDOW_ICON_SIZES
from painmap.errors import PainmapError
from painmap.resources import resource_path


def app_icon() -> QIcon:
    """painmap's window icon from the shipped PNGs (no SVG icon plugin needed); empty if they are missing."""
    icon = QIcon()
    try:
        folder = resource_path("icons")
    except PainmapError:
        return icon
    for size in WINDOW_ICON_SIZES:
        png = folder / f"painmap-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon


def set_identity(app: QGuiApplication) -> None:
    """Name the app and give it its icon; the desktop-file id matches `painmap --install-desktop`'s entry."""
    app.setApplicationName("painmap")
    app.setApplicationDisplayName("painmap")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
