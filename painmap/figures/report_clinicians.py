"""Page 2 of the drawing report, "For clinicians": the closest pattern's difference on each view, every metric
with a one-line definition, coverage per body zone, and every pattern ranked."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TR_NOOP

from painmap import style
from painmap import vocabulary as words
from painmap.figures import chart
from painmap.figures.blocks import LINE, Column, Page, fit
from painmap.figures.page import PAPERS
from painmap.figures.report_data import MARGIN, header, patterns_for_side
from painmap.i18n import decimal, tr

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from painmap.figures.report_data import ReportData

METRIC_ORDER = ("score", "essential_coverage", "spillover_coverage", "precision", "outside_fraction", "dice", "jaccard")
AS_PERCENT = {"essential_coverage", "spillover_coverage", "precision", "outside_fraction"}
MAX_RANKED = 16  # rows of the ranking that fit on the page
A4_CHART_H = 3.3  # inches: the difference charts' largest height on an A4 page
FOOTER_GAP = 0.16  # inches between the notice box and the footer's baseline
RANK_COLUMNS = (  # header, width in inches, right-aligned
    ("#", 0.3, False), (QT_TR_NOOP("pattern"), 1.75, False), (QT_TR_NOOP("side"), 0.85, False),
    (QT_TR_NOOP("score"), 0.55, True), (QT_TR_NOOP("essential"), 0.8, True), (QT_TR_NOOP("spillover"), 0.8, True),
    (QT_TR_NOOP("precision"), 0.8, True), (QT_TR_NOOP("outside"), 0.75, True),
)  # fmt: skip


def draw_clinicians_page(page: Page, data: ReportData, source: str, boxes: dict[str, chart.Box]) -> None:
    y = header(page, data, source, tr(words.FOR_CLINICIANS))
    full = page.width - 2 * MARGIN
    best, pattern = data.best, data.best_pattern()
    col = Column(page, MARGIN, y + 0.05, full)
    if best is None or pattern is None:
        every = tr("Every score is 0.")
        col.paragraph(f"{tr(words.NO_MATCH)} {every}", 9, weight="bold")
        y = col.y + 0.1
    else:
        line = tr("Closest pattern: {name}, {side}: the drawing against its zones on each view drawn on.")
        col.paragraph(line.format(name=pattern.name, side=words.side_words(best.side)), 9, weight="bold", after=0.1)
        y = _difference_charts(page, data, boxes, patterns_for_side(pattern, best.side, data.atlas), col.y, full)
    left_w = full * 0.56
    col = Column(page, MARGIN, y, left_w - 0.2)
    _metrics(col, data)
    zones_ax = page.axes(MARGIN + left_w + 0.95, y + 0.3, full - left_w - 1.35, 1.9)
    _zone_bars(page, zones_ax, best, MARGIN + left_w, y)
    col.y = max(col.y, y + 2.55) + 0.15
    col.width = full
    _ranking(page, col, data)
    col.y += 0.1
    col.width = full

    def notice(column: Column) -> None:
        with column.boxed(facecolor="#f2f2f2", edgecolor="#888888"):
            column.paragraph(words.notice(), 7, after=0)

    fit(notice, col, page.height - MARGIN + 0.2 - FOOTER_GAP)  # a longer translation keeps off the footer
    page.text(MARGIN, page.height - MARGIN + 0.2, tr("Page 2 of 2 · metric definitions: docs/metrics.md"),
              fontsize=6.5, color="#666666", va="baseline")  # fmt: skip


def _difference_charts(page: Page, data: ReportData, boxes, shown, top: float, full: float) -> float:
    """The matched / missed / extra regions on each view, side by side; returns the y below the legend."""
    gap, titles_h = 0.25, 0.5
    max_h = A4_CHART_H - max(0.0, PAPERS["a4"][1] - page.height)  # a shorter page (letter) gives up chart height
    widths = [(b[2] - b[0]) / (b[3] - b[1]) for b in boxes.values()]
    h = min(max_h, (full - gap * (len(widths) - 1)) / sum(widths))
    x = page.width / 2 - (h * sum(widths) + gap * (len(widths) - 1)) / 2
    best = data.best
    for (view_id, box), ratio in zip(boxes.items(), widths, strict=True):
        view = data.atlas.view(view_id)
        ax = page.axes(x, top + titles_h, h * ratio, h)
        chart.draw_view(ax, view, box=box, landmarks=True, landmark_labels=False, title="")
        matched, missed, extra = data.comparator.difference(data.masks, best.pattern, best.side, view_id)
        chart.draw_difference(ax, matched, missed, extra, view)
        for p in shown:
            chart.draw_pattern(ax, p, view, outline_only=True, trigger_labels=False)
        ax.set_title(tr(view.title), fontsize=8.5, fontweight="bold", pad=chart.TITLE_PAD)
        x += h * ratio + gap
    legend_top = top + titles_h + h + 0.08
    legend_ax = page.axes(page.width * 0.08, legend_top, page.width * 0.84, 0.45)
    legend_ax.set_axis_off()
    from matplotlib.patches import Patch

    handles = chart.difference_legend_handles()
    handles += [
        Patch(fill=False, edgecolor=style.ESSENTIAL, lw=1.2, label=tr("pattern outline: main pain area (essential)")),
        Patch(fill=False, edgecolor=style.ESSENTIAL, lw=1.2, ls="--", label=tr("sometimes also here (spillover)")),
    ]
    legend_ax.legend(handles=handles, loc="center", ncol=3, frameon=False, fontsize=7, handlelength=2.2,
                     handleheight=1.3, columnspacing=1.4)  # fmt: skip
    return legend_top + 0.55


def _metrics(col: Column, data: ReportData) -> None:
    best = data.best
    col.heading(tr("Metrics of the closest pattern"), 9)
    if best is None:
        col.paragraph(tr("None: no pattern overlaps the drawing."), 7.5)
        return
    for key in METRIC_ORDER:
        value = float(getattr(best, key, float("nan")))
        shown = words.percent(value) if key in AS_PERCENT else decimal(value, 2)
        technical, plain = words.label(key, technical=True), words.label(key)
        line = tr("{technical} (“{plain}”): {value}").format(technical=technical, plain=plain, value=shown)
        col.paragraph(line, 7.5, weight="bold", after=0.02)
        col.paragraph(words.definition(key), 6.8, color="#444444", after=0.18)
    col.paragraph(
        tr("D = shaded pixels, E = essential zones, S = spillover zones, P = E ∪ S, all on the views drawn on and "
           "clipped to the body chart."), 6.5, color="#444444", after=0,
    )  # fmt: skip


def _zone_bars(page: Page, ax: Axes, best, x: float, y: float) -> None:
    page.text(x, y + 0.14, tr("Pattern covered, per body zone"), fontsize=9, fontweight="bold", va="baseline")
    zones = dict(getattr(best, "zones", {}) or {}) if best is not None else {}
    if not zones:
        ax.set_axis_off()
        return
    names = list(zones)[:10]
    values = [100 * float(zones[z]) for z in names]
    yy = np.arange(len(names))
    ax.barh(yy, [100] * len(names), color="#eeeeee", edgecolor="#999999", lw=0.4, height=0.62)
    ax.barh(yy, values, color=style.MATCHED, edgecolor=style.SIDE_MARKER, lw=0.4, height=0.62, hatch="////")
    for yi, v in zip(yy, values, strict=True):
        ax.text(103, yi, f"{v:.0f} %", va="center", fontsize=6.5)
    ax.set_yticks(yy, [words.zone_word(z) for z in names], fontsize=6.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 50, 100], ["0", "50", "100 %"], fontsize=6.5)
    ax.tick_params(length=2, width=0.4)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _ranking(page: Page, col: Column, data: ReportData) -> None:
    col.heading(tr(words.RANKING_TITLE), 9)
    size = 7.0
    rows = [[tr(c[0]) for c in RANK_COLUMNS]]
    results = list(data.comparison.results)
    for rank, r in enumerate(results[:MAX_RANKED], start=1):
        rows.append([
            str(rank), data.name(r.pattern), words.side_words(r.side), decimal(float(r.score), 2),
            words.percent(float(r.essential_coverage)), words.percent(float(r.spillover_coverage)),
            words.percent(float(r.precision)), words.percent(float(r.outside_fraction)),
        ])  # fmt: skip
    for k, row in enumerate(rows):
        x = col.x
        base = col.y + 0.93 * size / 72
        for (_, width, right), cell in zip(RANK_COLUMNS, row, strict=True):
            if not right:
                while cell and col.measure(cell, size) > width - 0.08:
                    cell = cell[:-2] + "…"
            page.text(x + width if right else x, base, cell, fontsize=size, va="baseline",
                      ha="right" if right else "left", fontweight="bold" if k == 0 else "normal")  # fmt: skip
            x += width
        col.y += LINE * size / 72 + 0.02
    if len(results) > MAX_RANKED:
        more = tr("… and {count} more (painmap compare lists them all).").format(count=len(results) - MAX_RANKED)
        col.paragraph(more, 7, after=0.05)
    col.paragraph(
        tr("score: weighted Jaccard; essential / spillover: coverage of each zone; precision: share of the "
           "shading on the pattern; outside: 1 - precision. Sides: each pattern is scored on the left, the right "
           "and both; the best side is shown."), 6.5, color="#444444", after=0,
    )  # fmt: skip
