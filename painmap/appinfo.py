"""The names the desktop knows painmap by (shared by the app's start-up and the desktop integration)."""

from __future__ import annotations

__all__ = [
    "APP_ID",
    "ICON_SIZES",
    "MIME_ICON",
    "MIME_TYPE",
    "WINDOW_ICON_SIZES",
]

APP_ID = "io.github.painmap.painmap"  # desktop-file id, AppStream id, icon name
MIME_TYPE = "application/x-painmap-drawing"  # *.painmap.json
MIME_ICON = MIME_TYPE.replace("/", "-")
ICON_SIZES = (16, 32, 48, 64, 128, 256)  # resources/icons/painmap-N.png
# The window's own icon (_NET_WM_ICON on X11, set before the first paint): up to 128 px. Task switchers that want
# more take the desktop entry's icon, installed at every size; the 256 px picture cost ~7 M instructions (D84).
WINDOW_ICON_SIZES = tuple(size for size in ICON_SIZES if size <= 128)
