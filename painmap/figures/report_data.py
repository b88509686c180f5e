"""What a drawing report shows, computed once (ReportData), and what both of its pages share (margin, header)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap import __version__
from painmap.figures import chart
from painmap.figures.blocks import Column, Page
from painmap.i18n import tr

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.drawing import Drawing
    from painmap.patterns import Pattern, PatternLibrary

__all__ = ["MARGIN", "MAX_VIEWS", "REPORT_PX_PER_MM", "ReportData", "drawing_box", "header", "patterns_for_side"]

REPORT_PX_PER_MM = 2.0  # raster resolution of the drawing layer in a report (crisp at print size)
VIEW_MARGIN_MM = 30.0
MAX_VIEWS = 3
MARGIN = 0.55  # inches around the page


def patterns_for_side(pattern: Pattern, side: str, atlas: Atlas) -> list[Pattern]:
    """The pattern as it applies to a side: as stored, mirrored, or both."""
    if side == pattern.side:
        return [pattern]
    from painmap.patterns import mirror_pattern

    mirrored = mirror_pattern(pattern, atlas)
    return [pattern, mirrored] if side == "both" else [mirrored]


def drawing_box(view, intensity: np.ndarray, extra: list[chart.Box]) -> chart.Box:
    """The view's focus joined with the painted pixels and the pattern on it, plus a margin."""
    boxes = [chart.view_box(view, "focus"), *extra]
    painted = chart.painted_box(intensity, view)
    if painted is not None:
        boxes.append(painted)
    return chart.view_box(view, chart.union_box(boxes), margin=VIEW_MARGIN_MM)


class ReportData:
    """Everything a report shows, computed once from a drawing."""

    def __init__(self, drawing: Drawing, atlas: Atlas, library: PatternLibrary, comparator: Any = None) -> None:
        from painmap.outside import outside_marks
        from painmap.raster import PainMasks

        self.drawing, self.atlas, self.library = drawing, atlas, library
        if comparator is None:
            from painmap.compare import Comparator

            comparator = Comparator(atlas, library, REPORT_PX_PER_MM)
        self.comparator = comparator
        px = float(getattr(self.comparator, "px_per_mm", REPORT_PX_PER_MM))
        self.masks = PainMasks.from_drawing(drawing, atlas, px)
        self.comparison = self.comparator.compare(self.masks)
        self.outside = outside_marks(drawing, atlas, px)
        results = list(self.comparison.results)
        self.best = results[0] if results and results[0].score > 0 else None
        self.views = (self.masks.views_used() or ["posterior"])[:MAX_VIEWS]

    def best_pattern(self) -> Pattern | None:
        """The closest pattern, its texts in the current language."""
        from painmap.patterns import localized

        return localized(self.library.get(self.best.pattern)) if self.best is not None else None

    def name(self, pattern_id: str) -> str:
        """A pattern's name in the current language (its id when the library does not hold it)."""
        from painmap.patterns import localized

        patterns = self.library.patterns
        return localized(patterns[pattern_id]).name if pattern_id in patterns else pattern_id

    def view_boxes(self) -> dict[str, chart.Box]:
        """One frame per view, holding the drawing and the closest pattern (the same on both pages)."""
        pattern = self.best_pattern()
        shown = patterns_for_side(pattern, self.best.side, self.atlas) if pattern is not None else []
        out = {}
        for view_id in self.views:
            view = self.atlas.view(view_id)
            extra = [b for p in shown if (b := chart.pattern_box(p, view_id, view.width)) is not None]
            out[view_id] = drawing_box(view, np.asarray(self.masks.intensity(view_id)), extra)
        return out


def header(page: Page, data: ReportData, source: str, title: str) -> float:
    """Title, version, date and file; returns the y below it."""
    from painmap.summary import local_time_text

    page.text(MARGIN, MARGIN + 0.2, title, fontsize=16, fontweight="bold", va="baseline")
    page.text(page.width - MARGIN, MARGIN + 0.2, f"painmap {__version__}", fontsize=7, color="#777777", ha="right",
              va="baseline")  # fmt: skip
    col = Column(page, MARGIN, MARGIN + 0.34, page.width - 2 * MARGIN)
    line = tr("Drawn: {when}").format(when=local_time_text(data.drawing.created))
    if source:
        line += "   ·   " + tr("File: {name}").format(name=Path(source).name)
    col.paragraph(line, 8, after=0.1)
    return col.y
