"""Timeline page: one person's drawings as small multiples in date order (each titled with its ISO date), the
extent and mean intensity over time, and the best match per date. One landscape page (PDF, PNG or SVG)."""

from __future__ import annotations

import math
import os
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TR_NOOP

from painmap import __version__, style
from painmap import vocabulary as words
from painmap.figures import chart
from painmap.figures.blocks import Column, Page
from painmap.figures.page import PNG_DPI, figure_style, new_figure, output_format, paper_size
from painmap.i18n import decimal, tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from painmap.atlas import Atlas
    from painmap.timeline import TimelineEntry

MARGIN = 0.5
MAX_PANELS = 12  # the latest ones are drawn; the plot shows every drawing
MAX_COLUMNS = 6
MAX_VIEWS = 2
TITLE = QT_TR_NOOP("Pain over time")


def shown_views(entries: list[TimelineEntry], atlas: Atlas) -> list[str]:
    """The views any drawing uses, in atlas order, the most shaded first when there are too many."""
    used: dict[str, float] = {}
    for e in entries:
        for v in e.masks.views_used():
            used[v] = used.get(v, 0.0) + e.masks.area(v)
    if not used:
        return ["posterior"]
    keep = sorted(used, key=lambda v: -used[v])[:MAX_VIEWS]
    return [v for v in atlas.views if v in keep]


def common_box(entries: list[TimelineEntry], atlas: Atlas, view_id: str) -> chart.Box:
    """One frame for every panel of a view: its focus and everything any drawing shades there."""
    view = atlas.view(view_id)
    boxes = [chart.view_box(view, "focus")]
    for e in entries:
        box = chart.painted_box(np.asarray(e.masks.intensity(view_id)), view)
        if box is not None:
            boxes.append(box)
    return chart.view_box(view, chart.union_box(boxes), margin=15.0)


def build_timeline(entries: list[TimelineEntry], atlas: Atlas, paper: str = "a4") -> Figure:
    """The timeline figure for entries in date order."""
    width, height = paper_size(paper, landscape=True)
    figure = new_figure((width, height))
    figure.set_dpi(PNG_DPI)
    page = Page(figure, width, height)
    views = shown_views(entries, atlas)
    drawn = entries[-MAX_PANELS:]
    page.text(MARGIN, MARGIN + 0.2, tr(TITLE), fontsize=16, fontweight="bold", va="baseline")
    page.text(width - MARGIN, MARGIN + 0.2, f"painmap {__version__}", fontsize=7, color="#777777", ha="right",
              va="baseline")  # fmt: skip
    col = Column(page, MARGIN, MARGIN + 0.32, width - 2 * MARGIN - 2.6)
    if len(entries) > 1:
        span = tr("{first} to {last}").format(first=entries[0].date, last=entries[-1].date)
        line = tr("{count} drawings, {span}.").format(count=len(entries), span=span)
    else:
        line = tr("1 drawing, {span}.").format(span=entries[0].date)
    if len(drawn) < len(entries):
        more = tr("The latest {drawn} are drawn below; the chart at the bottom shows all {count}.")
        line += " " + more.format(drawn=len(drawn), count=len(entries))
    col.paragraph(line, 8, after=0.05)
    titles = tr(" and ").join(
        tr("{view} (viewer’s left = {edge})").format(
            view=tr(atlas.view(v).title), edge=tr(atlas.view(v).edge_labels[0])
        )
        for v in views
    )
    col.paragraph(tr("Each panel shows {views}, at one scale for every date.").format(views=titles), 7.5, after=0.05)
    if any(e.from_file_time for e in entries):
        col.paragraph(tr("* This file records no date: the file's modification time is used instead."), 7.5,
                      weight="bold", after=0.05)  # fmt: skip
    cax = page.axes(width - MARGIN - 2.3, MARGIN + 0.45, 2.3, 0.12)
    bar = chart.intensity_colorbar(figure, None, cax=cax, orientation="horizontal")
    bar.set_label(tr("Pain intensity: 1 (mild) to 10 (worst)"), fontsize=7)
    top = max(col.y + 0.1, MARGIN + 1.15)
    plot_h = 1.75
    bottom = height - MARGIN - 0.55 - plot_h - 0.55  # room below the panels for the plot and the footer
    below = _panels(page, drawn, atlas, views, top, bottom)
    _plot(page, entries, below + 0.45, plot_h)
    foot = Column(page, MARGIN, height - MARGIN - 0.3, width - 2 * MARGIN)
    likeness = tr("{title}: the best match is a likeness to a textbook pattern.").format(title=tr(words.NOTICE_TITLE))
    foot.paragraph(f"{tr(words.REPEAT_OVERLAP)} {likeness}", 6.8, color="#444444", after=0)
    return figure


def _panels(
    page: Page, entries: list[TimelineEntry], atlas: Atlas, views: list[str], top: float, bottom: float
) -> float:
    """Small multiples in rows of at most MAX_COLUMNS; returns the y below them."""
    n = len(entries)
    cols = min(n, MAX_COLUMNS)
    bands = math.ceil(n / cols)
    gap = 0.2
    cell_w = (page.width - 2 * MARGIN - gap * (cols - 1)) / cols
    boxes = [common_box(entries, atlas, v) for v in views]
    ratios = [(b[2] - b[0]) / (b[3] - b[1]) for b in boxes]
    title_h, caption_h = 0.22, 0.42
    band_h = (bottom - top) / bands
    chart_h = min(band_h - title_h - caption_h, (cell_w - 0.05 * (len(views) - 1)) / sum(ratios))
    band_h = title_h + chart_h + caption_h
    for k, entry in enumerate(entries):
        row, c = divmod(k, cols)
        x0 = MARGIN + c * (cell_w + gap)
        y0 = top + row * band_h
        used_w = chart_h * sum(ratios) + 0.05 * (len(views) - 1)
        x = x0 + (cell_w - used_w) / 2
        page.text(x0 + cell_w / 2, y0 + 0.14, entry.date + (" *" if entry.from_file_time else ""), fontsize=8.5,
                  fontweight="bold", ha="center", va="baseline")  # fmt: skip
        for view_id, box, ratio in zip(views, boxes, ratios, strict=True):
            view = atlas.view(view_id)
            ax = page.axes(x, y0 + title_h, chart_h * ratio, chart_h)
            chart.draw_view(ax, view, box=box, landmarks=False, edge_labels=False, title="")
            chart.draw_intensity(ax, np.asarray(entry.masks.intensity(view_id)), view)
            x += chart_h * ratio + 0.05
        cap = Column(page, x0, y0 + title_h + chart_h + 0.04, cell_w)
        caption = tr("Shaded {percent} % · mean intensity {mean}")
        cap.paragraph(caption.format(percent=decimal(entry.extent_percent), mean=decimal(entry.mean_intensity)), 6.5,
                      after=0)  # fmt: skip
        best = (f"{_name(entry, atlas)} ({words.side_words(entry.best_side)}), {words.how_alike(entry.best_score)}"
                if entry.best_pattern else tr("no pattern overlaps"))  # fmt: skip
        cap.paragraph(tr("Most alike: {best}").format(best=best), 6.5, color="#333333", max_lines=2, after=0)
    return top + bands * band_h


def _name(entry: TimelineEntry, atlas: Atlas) -> str:
    """The closest pattern's name in the current language (the bundled library's translation, if it has one)."""
    from painmap.i18n import ENGLISH, language

    if language() == ENGLISH:
        return entry.best_name
    from painmap.patterns import load_patterns, localized

    library = load_patterns(atlas)
    return localized(library.patterns[entry.best_pattern]).name if entry.best_pattern in library else entry.best_name


def _plot(page: Page, entries: list[TimelineEntry], y: float, h: float) -> None:
    import matplotlib.dates as mdates

    ax = page.axes(MARGIN + 0.55, y, page.width - 2 * MARGIN - 1.1, h)
    when = [e.when.astimezone() for e in entries]
    extent = [e.extent_percent for e in entries]
    intensity = [e.mean_intensity for e in entries]
    (l1,) = ax.plot(
        when, extent, "-o", color=style.INTENSITY_COLORS[8], ms=4, lw=1.2, label=tr("Shaded (% of the body chart)")
    )
    ax.set_ylabel(tr("Shaded, % of body chart"), fontsize=7)
    ax.set_ylim(0, max(max(extent) * 1.25, 1.0))
    right = ax.twinx()
    (l2,) = right.plot(when, intensity, "--s", color="#444444", ms=3.5, lw=1.0, label=tr("Mean intensity (1-10)"))
    right.set_ylim(0, 10.5)
    right.set_ylabel(tr("Mean intensity"), fontsize=7)
    for a in (ax, right):
        a.tick_params(labelsize=6.5, length=2)
        a.spines["top"].set_visible(False)
    if len(when) == 1:
        ax.set_xlim(when[0] - timedelta(days=1), when[0] + timedelta(days=1))
    ax.set_xticks(_spaced_ticks(ax, when, min_gap_in=0.8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.legend(handles=[l1, l2], loc="upper left", fontsize=6.5, frameon=False, ncol=2, bbox_to_anchor=(0, 1.18))


def _spaced_ticks(ax, when: list, min_gap_in: float) -> list:
    """The drawings' dates as ticks, leaving out any closer than `min_gap_in` inches to the previous one (their
    labels would overlap; each panel is titled with its own date)."""
    import matplotlib.dates as mdates

    ax.figure.canvas.draw_idle()
    x0, x1 = ax.get_xlim()
    width_in = ax.get_position().width * ax.figure.get_figwidth()
    kept: list = []
    last = None
    for t in when:
        x = (mdates.date2num(t) - x0) / (x1 - x0) * width_in if x1 > x0 else 0.0
        if last is None or x - last >= min_gap_in:
            kept.append(t)
            last = x
    return kept


def render_timeline(entries: list[TimelineEntry], path: str | os.PathLike, atlas: Atlas, paper: str = "a4") -> Path:
    """Write the timeline page (PDF, PNG or SVG by extension) atomically; returns the path written."""
    from painmap.figures.drawing_report import save_pages

    output_format(path)
    with figure_style():
        figure = build_timeline(entries, atlas, paper)
        return save_pages([figure], path, {"Title": tr(TITLE)})
