"""Drawing report: one pain drawing on the body chart, the closest pattern's difference, metrics and ranking."""

from __future__ import annotations

import os
import textwrap
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap import __version__, style
from painmap.figures import chart
from painmap.figures.page import figure_style, new_figure, output_format, paper_size, save_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from painmap.atlas import Atlas
    from painmap.drawing import Drawing
    from painmap.patterns import Pattern, PatternLibrary

REPORT_PX_PER_MM = 2.0  # raster resolution of the drawing layer in a report (crisp at print size)
VIEW_MARGIN_MM = 30.0
MAX_VIEWS = 3
NOTICE = (
    "Not a diagnosis. This report compares a pain drawing with textbook referral patterns; it does not say what "
    "causes the pain. Referred pain varies between people, and even a person's own repeat drawings overlap only "
    "in part (Jaccard about 0.6-0.75 a few minutes apart; Leoni et al. 2013, Barbero et al. 2017), so no score "
    "here can confirm or rule out a cause. Take the report to a qualified clinician."
)
METRICS = (  # attribute, label, as percent
    ("score", "Similarity score (0-1)", False),
    ("essential_coverage", "Essential zone covered", True),
    ("spillover_coverage", "Spillover zone covered", True),
    ("precision", "Drawing inside the pattern", True),
    ("outside_fraction", "Drawing outside the pattern", True),
    ("dice", "Dice overlap (0-1)", False),
    ("jaccard", "Jaccard overlap (0-1)", False),
)


def _side_text(side: str) -> str:
    return {"left": "left side", "right": "right side", "both": "both sides"}.get(side, side)


def _date_text(created: str) -> str:
    if not created:
        return "date not recorded"
    try:
        when = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return created
    return when.strftime("%d %B %Y, %H:%M UTC") if when.tzinfo else when.strftime("%d %B %Y, %H:%M")


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
        from painmap.raster import PainMasks

        self.drawing, self.atlas, self.library = drawing, atlas, library
        if comparator is None:
            from painmap.compare import Comparator

            comparator = Comparator(atlas, library, REPORT_PX_PER_MM)
        self.comparator = comparator
        px = float(getattr(self.comparator, "px_per_mm", REPORT_PX_PER_MM))
        self.masks = PainMasks.from_drawing(drawing, atlas, px)
        self.comparison = self.comparator.compare(self.masks)
        results = list(self.comparison.results)
        self.best = results[0] if results and results[0].score > 0 else None
        self.views = (self.masks.views_used() or ["posterior"])[:MAX_VIEWS]

    def best_pattern(self) -> Pattern | None:
        return self.library.get(self.best.pattern) if self.best is not None else None


def build_drawing_report(data: ReportData, paper: str = "a4", source: str = "") -> Figure:
    """The one-page report figure."""
    width, height = paper_size(paper)
    figure = new_figure((width, height))
    drawing, comparison, best = data.drawing, data.comparison, data.best
    pattern = data.best_pattern()
    _header(figure, drawing, comparison, source, {v: data.atlas.view(v).title for v in data.atlas.views})

    # Charts: one row per view, the drawing left and the difference against the closest pattern right.
    n = len(data.views)
    top, bottom = 0.852, 0.455
    grid = figure.add_gridspec(n, 3, left=0.05, right=0.95, top=top, bottom=bottom, width_ratios=[1, 1, 0.06],
                               hspace=0.22, wspace=0.08)  # fmt: skip
    shown = patterns_for_side(pattern, best.side, data.atlas) if pattern is not None and best is not None else []
    first_drawing_ax = None
    for row, view_id in enumerate(data.views):
        view = data.atlas.view(view_id)
        intensity = np.asarray(data.masks.intensity(view_id))
        extra = [b for p in shown if (b := chart.pattern_box(p, view_id, view.width)) is not None]
        box = drawing_box(view, intensity, extra)
        ax = figure.add_subplot(grid[row, 0])
        chart.draw_view(ax, view, box=box, landmarks=True, landmark_labels=n == 1, title="")
        chart.draw_intensity(ax, intensity, view)
        _panel_title(ax, f"Your drawing · {view.title}")
        first_drawing_ax = first_drawing_ax or ax
        ax2 = figure.add_subplot(grid[row, 1])
        chart.draw_view(ax2, view, box=box, landmarks=True, landmark_labels=False, title="")
        if pattern is not None and best is not None:
            matched, missed, extra_mask = data.comparator.difference(data.masks, best.pattern, best.side, view_id)
            chart.draw_difference(ax2, matched, missed, extra_mask, view)
            for p in shown:
                chart.draw_pattern(ax2, p, view, outline_only=True, trigger_labels=False)
            _panel_title(ax2, f"{pattern.name} ({_side_text(best.side)}) vs drawing")
        else:
            ax2.text(0.5, 0.5, "No pattern overlaps\nthis drawing", transform=ax2.transAxes, ha="center",
                     va="center", fontsize=9, color="#555555", zorder=chart.Z_TEXT)  # fmt: skip
            _panel_title(ax2, "Closest pattern")
    cax = figure.add_subplot(grid[:, 2])
    bar = chart.intensity_colorbar(figure, first_drawing_ax, cax=cax)
    bar.set_label("pain intensity (0-10 scale)", fontsize=7)
    bar.ax.set_box_aspect(None)
    legend_ax = figure.add_axes((0.05, 0.418, 0.9, 0.03))
    legend_ax.set_axis_off()
    handles = chart.difference_legend_handles()
    from matplotlib.patches import Patch

    handles += [
        Patch(fill=False, edgecolor=style.ESSENTIAL, lw=1.2, label="pattern outline: essential (solid)"),
        Patch(fill=False, edgecolor=style.ESSENTIAL, lw=1.2, ls="--", label="spillover (dashed)"),
    ]
    legend_ax.legend(handles=handles, loc="center", ncol=3, frameon=False, fontsize=7, handlelength=2.2,
                     handleheight=1.3, columnspacing=1.4)  # fmt: skip

    # Metrics of the closest pattern and its zone coverage.
    metrics_ax = figure.add_axes((0.05, 0.25, 0.42, 0.13))
    _metrics_table(metrics_ax, best, pattern)
    zones_ax = figure.add_axes((0.64, 0.25, 0.31, 0.13))
    _zone_bars(zones_ax, best)

    n_rows = len(comparison.results) + 1
    row_h = min(0.0155, 0.125 / max(n_rows, 1))
    ranking_ax = figure.add_axes((0.05, 0.205 - row_h * n_rows, 0.9, row_h * n_rows))
    _ranking_table(ranking_ax, comparison, data.library)

    _notice(figure)
    return figure


def _panel_title(ax: Axes, text: str) -> None:
    ax.set_title(text, fontsize=8, fontweight="bold", pad=chart.TITLE_PAD)


def _header(figure: Figure, drawing: Drawing, comparison: Any, source: str, titles: dict[str, str]) -> None:
    figure.text(0.05, 0.955, "Pain drawing report", fontsize=16, fontweight="bold", va="baseline")
    figure.text(0.95, 0.955, f"painmap {__version__}", fontsize=7, color="#777777", ha="right", va="baseline")
    line = f"Drawn: {_date_text(drawing.created)}"
    if source:
        line += f"   ·   File: {Path(source).name}"
    figure.text(0.05, 0.935, line, fontsize=8, va="baseline")
    extent = f"Pain extent: {comparison.extent_percent:.1f} % of the body chart"
    by_view = getattr(comparison, "extent_by_view", {}) or {}
    parts = [f"{titles.get(v, v).lower()} {x:.1f} %" for v, x in by_view.items() if x > 0]
    if parts:
        extent += f" ({', '.join(parts)})"
    figure.text(0.05, 0.919, extent, fontsize=8, va="baseline")
    note = str((drawing.meta or {}).get("note", "") or "").strip()
    note_lines = textwrap.wrap(" ".join(note.split()), 130)[:2] if note else ["(none)"]
    if note and len(textwrap.wrap(" ".join(note.split()), 130)) > 2:
        note_lines[-1] = note_lines[-1][:126] + " …"
    figure.text(0.05, 0.903, "Note: " + "\n          ".join(note_lines), fontsize=8, va="top", style="italic")


def _metrics_table(ax: Axes, best: Any, pattern: Pattern | None) -> None:
    ax.set_axis_off()
    if best is None or pattern is None:
        ax.text(0, 0.9, "No pattern overlaps this drawing (all scores are 0).", fontsize=8, transform=ax.transAxes)
        return
    ax.set_title(f"Closest pattern: {pattern.name}, {_side_text(best.side)}", fontsize=9, fontweight="bold",
                 loc="left", pad=2)  # fmt: skip
    cells = []
    for attr, label, percent in METRICS:
        value = float(getattr(best, attr, float("nan")))
        cells.append([label, f"{value * 100:.0f} %" if percent else f"{value:.2f}"])
    table = ax.table(cellText=cells, colWidths=[0.72, 0.28], bbox=(0, 0, 1, 1), cellLoc="left", edges="horizontal")
    for (_r, c), cell in _style_table(table, 7.5):
        if c == 1:
            cell.set_text_props(ha="right")
            cell._loc = "right"


def _style_table(table, fontsize: float):
    """Fixed font size and thin grey rules; yields ((row, col), cell) for per-cell touches."""
    table.auto_set_font_size(False)
    table.set_fontsize(fontsize)
    for key, cell in table.get_celld().items():
        cell.set_edgecolor("#bbbbbb")
        cell.set_linewidth(0.4)
        yield key, cell


def _zone_bars(ax: Axes, best: Any) -> None:
    zones = dict(getattr(best, "zones", {}) or {}) if best is not None else {}
    ax.set_title("Pattern covered, per body zone", fontsize=9, fontweight="bold", loc="left", pad=2)
    if not zones:
        ax.set_axis_off()
        return
    names = list(zones)[:10]
    values = [100 * float(zones[z]) for z in names]
    y = np.arange(len(names))
    ax.barh(y, [100] * len(names), color="#eeeeee", edgecolor="#999999", lw=0.4, height=0.62)
    ax.barh(y, values, color=style.MATCHED, edgecolor=style.SIDE_MARKER, lw=0.4, height=0.62, hatch="////")
    for yi, v in zip(y, values, strict=True):
        ax.text(101, yi, f"{v:.0f} %", va="center", fontsize=6.5)
    ax.set_yticks(y, [z.replace("-", " ") for z in names], fontsize=6.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 50, 100], ["0", "50", "100 %"], fontsize=6.5)
    ax.tick_params(length=2, width=0.4)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _ranking_table(ax: Axes, comparison: Any, library: PatternLibrary) -> None:
    ax.set_axis_off()
    ax.set_title("All patterns, most similar first", fontsize=9, fontweight="bold", loc="left", pad=4)
    rows = []
    for rank, r in enumerate(comparison.results, start=1):
        name = library.patterns[r.pattern].name if r.pattern in library.patterns else r.pattern
        bar = "█" * round(10 * float(r.score)) + "·" * (10 - round(10 * float(r.score)))
        rows.append([
            str(rank), name, _side_text(r.side), f"{float(r.score):.2f}", bar,
            f"{100 * float(r.essential_coverage):.0f} %", f"{100 * float(r.spillover_coverage):.0f} %",
            f"{100 * float(r.precision):.0f} %",
        ])  # fmt: skip
    if not rows:
        return
    header = ["#", "pattern", "side", "score", "", "essential", "spillover", "in pattern"]
    table = ax.table(cellText=rows, colLabels=header, colWidths=[0.04, 0.3, 0.12, 0.08, 0.14, 0.11, 0.11, 0.1],
                     bbox=(0, 0, 1, 1), cellLoc="left", edges="horizontal")  # fmt: skip
    for (r, _c), cell in _style_table(table, 7):
        if r == 0:
            cell.set_text_props(fontweight="bold", ha="left")
            cell._loc = "left"


def _notice(figure: Figure) -> None:
    text = "\n".join(textwrap.wrap(NOTICE, 135))
    figure.text(
        0.05, 0.028, text, fontsize=7, va="bottom", ha="left", color="#1f1f1f",
        bbox={"boxstyle": "square,pad=0.6", "facecolor": "#f2f2f2", "edgecolor": "#888888", "lw": 0.6},
    )  # fmt: skip


def render_drawing_report(
    drawing: Drawing | str | os.PathLike,
    path: str | os.PathLike,
    paper: str = "a4",
    *,
    atlas: Atlas | None = None,
    library: PatternLibrary | None = None,
    comparator: Any = None,
    source: str | os.PathLike | None = None,
) -> Path:
    """Write a one-page report of a drawing (PDF, PNG or SVG by extension) atomically; returns the path.

    `drawing` is a Drawing or a drawing file's path; bad input raises a PainmapError with one line.
    """
    output_format(path)
    paper_size(paper)
    if atlas is None:
        from painmap.atlas import load_atlas

        atlas = load_atlas()
    if library is None:
        from painmap.patterns import load_patterns

        library = load_patterns(atlas)
    if isinstance(drawing, (str, os.PathLike)):
        from painmap.drawing import load_drawing

        source = source or drawing
        drawing = load_drawing(drawing, atlas)
    data = ReportData(drawing, atlas, library, comparator)
    with figure_style():
        figure = build_drawing_report(data, paper=paper, source=os.fspath(source) if source else "")
        return save_figure(figure, path, dpi=150, metadata={"Title": "Pain drawing report"})
