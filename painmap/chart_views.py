"""The chart's views by name, without numpy: which SVG file, title, edge labels and mirror view each has.

`painmap.atlas` builds its views from these; the app's window shows the chart before the atlas has loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

__all__ = ["EDGE_LABELS", "MIRRORS", "TITLES", "VIEW_FILES"]

VIEW_FILES = {"posterior": "posterior.svg", "lateral": "lateral.svg", "anterior": "anterior.svg"}
# English, marked for the core catalogue (painmap.i18n): shown through tr(); the ids and letters stay English.
TITLES = {
    "posterior": QT_TR_NOOP("Back"),
    "lateral": QT_TR_NOOP("Right side"),
    "lateral-left": QT_TR_NOOP("Left side"),
    "anterior": QT_TR_NOOP("Front"),
}
EDGE_LABELS = {
    "posterior": (QT_TR_NOOP("L"), QT_TR_NOOP("R")),
    "lateral": ("Back", "Front"),
    "lateral-left": ("Front", "Back"),
    "anterior": ("R", "L"),
}
MIRRORS = {"posterior": "posterior", "lateral": "lateral-left", "lateral-left": "lateral", "anterior": "anterior"}
