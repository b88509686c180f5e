"""The one place that decides, at start, whether there is a screen: before Qt starts (`missing_display`) and
once it runs (`screen_shown`). Nothing else in the app looks at the platform: tests answer dialogs through
`painmap.app.file_dialogs` instead."""

from __future__ import annotations

import os
import sys

NO_SCREEN_PLATFORMS = ("offscreen", "minimal")  # Qt platforms that draw nowhere a person could look


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


def screen_shown() -> bool:
    """False without a QApplication, or on Qt's offscreen and minimal platforms, where a message box at start-up
    (a start-up failure) would wait for nobody."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app is not None and app.platformName() not in NO_SCREEN_PLATFORMS
