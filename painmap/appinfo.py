"""The names the desktop knows painmap by (shared by the app's start-up and the desktop integration)."""

from __future__ import annotations

__all__ = [
    "APP_ID",
    "ICON_SIZES",
    "MIME_ICON",
    "MIME_TYPE",
]

APP_ID = "io.github.painmap.painmap"  # desktop-file id, AppStream id, icon name
MIME_TYPE = "application/x-painmap-drawing"  # *.painmap.json
MIME_ICON = MIME_TYPE.replace("/", "-")
ICON_SIZES = (16, 32, 48, 64, 128, 256)  # resources/icons/painmap-N.png
