"""The chart's views by name, without numpy: which SVG file, title, edge labels and mirror view each has, and
which chart each body's drawings are made on (`CURRENT_CHART`, the one table; drawing_model re-exports it).

`painmap.atlas` builds its views from these; the app's window shows the chart before the atlas has loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

__all__ = ["CURRENT_CHART", "EDGE_LABELS", "MIRRORS", "TITLES", "VIEW_FILES", "chart_subfolder"]

# The chart each body's drawings are made on now: raise it when a new chart becomes the default (and commit its
# landmarks file first, painmap.chart_versions). A body without an entry has no chart in this painmap yet.
CURRENT_CHART: dict[str, int] = {"male": 2, "female": 2}

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


def chart_subfolder(body: str, chart: int) -> tuple[str, ...]:
    """Where a chart's SVGs live under the atlas folder: chart 1 at the top, chart n in charts/<body>-<n>/."""
    return () if chart == 1 else ("charts", f"{body}-{chart}")
