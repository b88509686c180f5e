"""matplotlib figures: pattern sheet, drawing report, frequency map (PNG, PDF or SVG by the file's extension).

matplotlib is imported only inside the functions that draw, so importing this module costs nothing at start-up.
Outputs are written atomically; bad input raises a `painmap.errors.PainmapError` with a one-line message.
"""

from __future__ import annotations

from painmap.figures.drawing_report import render_drawing_report
from painmap.figures.frequency import render_frequency_map
from painmap.figures.page import FORMATS, PAPERS, ReportError, output_format
from painmap.figures.sheet import render_pattern_sheet

__all__ = [
    "FORMATS",
    "PAPERS",
    "ReportError",
    "output_format",
    "render_drawing_report",
    "render_frequency_map",
    "render_pattern_sheet",
]
