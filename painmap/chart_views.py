"""The chart's views by name, without numpy: which SVG file, title, edge labels and mirror view each has.

`painmap.atlas` builds its views from these; the app's window shows the chart before the atlas has loaded.
"""

from __future__ import annotations

__all__ = ["EDGE_LABELS", "MIRRORS", "TITLES", "VIEW_FILES"]

VIEW_FILES = {"posterior": "posterior.svg", "lateral": "lateral.svg", "anterior": "anterior.svg"}
TITLES = {"posterior": "Back", "lateral": "Right side", "lateral-left": "Left side", "anterior": "Front"}
EDGE_LABELS = {
    "posterior": ("L", "R"),
    "lateral": ("Back", "Front"),
    "lateral-left": ("Front", "Back"),
    "anterior": ("R", "L"),
}
MIRRORS = {"posterior": "posterior", "lateral": "lateral-left", "lateral-left": "lateral", "anterior": "anterior"}
