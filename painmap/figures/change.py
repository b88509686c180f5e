"""The change between two drawings on the chart: new, gone and persisting shading, each with its own grey
value *and* hatch so it reads in grey-scale print, with the numbers in words beside it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP

from painmap import vocabulary as words
from painmap.figures import chart
from painmap.figures.blocks import Column, Page
from painmap.figures.page import PNG_DPI, figure_style, new_figure, output_format
from painmap.i18n import decimal, tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from painmap.atlas import Atlas
    from painmap.change import Change

TITLE = QT_TR_NOOP("What changed")
# name: (colour, hatch, label); dark / mid / light with different hatches (Okabe-Ito blue, vermillion, grey)
CHANGE_STYLE = {
    "persisting": ("#555555", "", QT_TR_NOOP("in both drawings (persisting)")),
    "new": ("#0072b2", "////", QT_TR_NOOP("new since the earlier drawing")),
    "gone": ("#d55e00", "..", QT_TR_NOOP("gone since the earlier drawing")),
}


def build_change_figure(change: Change, atlas: Atlas, before: str, after: str) -> Figure:
    """One chart per view compared, the legend and the change in words (a landscape half page)."""
    from matplotlib.patches import Patch

    views = list(change.views) or ["posterior"]
    width, height = 3.3 + 2.9 * len(views) + 1.0, 5.6
    figure = new_figure((width, height))
    figure.set_dpi(PNG_DPI)
    page = Page(figure, width, height)
    page.text(0.4, 0.55, tr(TITLE), fontsize=15, fontweight="bold", va="baseline")
    x = 0.4
    for view_id in views:
        view = atlas.view(view_id)
        ax = page.axes(x, 1.05, 2.6, 4.2)
        box = chart.view_box(view, "focus", margin=20)
        chart.draw_view(ax, view, box=box, landmarks=False, title=tr(view.title))
        vc = change.by_view.get(view_id)
        if vc is not None:
            for name in ("persisting", "new", "gone"):
                color, hatch, _ = CHANGE_STYLE[name]
                chart.draw_mask_region(ax, getattr(vc, name), view, color, hatch, alpha=0.55)
        x += 2.9
    col = Column(page, x + 0.2, 0.9, width - x - 0.6)
    col.paragraph(tr("Earlier: {name}").format(name=Path(before).name), 8, after=0.05)
    col.paragraph(tr("Now: {name}").format(name=Path(after).name), 8, after=0.3)
    overlap = tr("The two drawings overlap by {percent} (Jaccard {jaccard}).")
    col.paragraph(overlap.format(percent=words.percent(change.jaccard), jaccard=decimal(change.jaccard, 2)), 9,
                  weight="bold")  # fmt: skip
    shaded = tr("Shaded before: {before} % of the body chart; now {after} %.")
    col.paragraph(shaded.format(before=decimal(change.extent_before), after=decimal(change.extent_after)), 8)
    parts = tr("New {new} %, gone {gone} %, in both {both} % of the body chart.")
    col.paragraph(parts.format(new=decimal(change.new_percent), gone=decimal(change.gone_percent),
                               both=decimal(change.persisting_percent)), 8)  # fmt: skip
    col.paragraph(tr(words.REPEAT_OVERLAP), 7.5, color="#444444")
    legend_ax = page.axes(x + 0.2, col.y + 0.1, width - x - 0.6, 0.9)
    legend_ax.set_axis_off()
    handles = [Patch(facecolor=c, alpha=0.55, hatch=h or None, edgecolor=c, label=tr(label))
               for c, h, label in CHANGE_STYLE.values()]  # fmt: skip
    legend_ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=8, handlelength=2.4, handleheight=1.5)
    return figure


def render_change(change: Change, atlas: Atlas, path: str | os.PathLike, before: str, after: str) -> Path:
    """Write the change figure (PNG, PDF or SVG by extension) atomically."""
    from painmap.figures.drawing_report import save_pages

    output_format(path)
    with figure_style():
        return save_pages([build_change_figure(change, atlas, before, after)], path, {"Title": tr(TITLE)})
