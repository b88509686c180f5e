"""Frequency map: per view, the percentage of drawings that cover each point, over the body chart."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from painmap import __version__, style
from painmap.figures import chart
from painmap.figures.page import figure_style, new_figure, output_format, save_figure
from painmap.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from painmap.aggregate import Aggregate
    from painmap.atlas import Atlas
    from painmap.patterns import Pattern

VIEW_ORDER = ("posterior", "lateral-left", "lateral", "anterior")  # left side on the left, as on a posterior view


def frequency_views(aggregate: Aggregate) -> list[str]:
    """Views to show: those any drawing marks (posterior when none does), in reading order."""
    used = aggregate.views_used() or [v for v in aggregate.view_ids if v == "posterior"][:1] or aggregate.view_ids[:1]
    return [v for v in VIEW_ORDER if v in used] + [v for v in used if v not in VIEW_ORDER]


def pattern_both_sides(pattern: Pattern, atlas: Atlas) -> list[Pattern]:
    """The pattern as stored and mirrored, so its outline shows on whichever side drawings use."""
    try:
        from painmap.patterns import mirror_pattern
    except ImportError:  # pragma: no cover - older library without mirroring
        return [pattern]
    return [pattern, mirror_pattern(pattern, atlas)]


def frequency_box(aggregate: Aggregate, view, margin: float = 40.0) -> chart.Box:
    """Where the drawings are on a view, joined with the view's focus (lower back and pelvis), plus a margin."""
    counts = aggregate.counts[view.id]
    boxes = [chart.view_box(view, "focus")]
    painted = chart.painted_box(counts, view)
    if painted is not None:
        boxes.append(painted)
    return chart.view_box(view, chart.union_box(boxes), margin=margin)


def build_frequency_map(
    aggregate: Aggregate, atlas: Atlas, pattern: Pattern | None = None, vmax: float | None = None
) -> Figure:
    """The figure: one panel per view (full body height), a shared colour bar, counts in the titles.

    The colour scale runs from 0 to `vmax` % (default: the cohort's maximum, so a map peaking at 28 % uses every
    colour); the colour bar says which.
    """
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    views = frequency_views(aggregate)
    boxes = [frequency_box(aggregate, atlas.view(v)) for v in views]
    # Lay out in inches so every view has the same scale and the colour bar matches the charts' height.
    chart_h = 5.0
    scale = chart_h / max(b[3] - b[1] for b in boxes)
    widths = [(b[2] - b[0]) * scale for b in boxes]
    left, gap, bar_w, bar_room, top, bottom = 0.3, 0.3, 0.16, 0.85, 1.2, 0.45
    fig_w = max(6.0, left + sum(widths) + gap * (len(views) - 1) + 0.25 + bar_w + bar_room)
    fig_h = chart_h + top + bottom
    figure = new_figure((fig_w, fig_h))
    cmap = colormaps[style.FREQUENCY_CMAP]
    top = vmax if vmax is not None else max(1.0, aggregate.max_percent())
    norm = Normalize(0, top)
    total = aggregate.n_drawings
    overlays = pattern_both_sides(pattern, atlas) if pattern is not None else []
    x = left
    for view_id, box, w in zip(views, boxes, widths, strict=True):
        view = atlas.view(view_id)
        h = (box[3] - box[1]) * scale
        ax = figure.add_axes((x / fig_w, (bottom + chart_h - h) / fig_h, w / fig_w, h / fig_h))
        x += w + gap
        chart.draw_view(ax, view, box=box, landmarks=False, edge_labels=True, title="")
        crop = chart.painted_crop(aggregate.counts[view_id], view)
        if crop is not None and total:
            counts, extent = crop
            percent = np.ma.masked_equal(counts, 0).astype(np.float32) * np.float32(100.0 / total)
            ax.imshow(
                percent, cmap=cmap, norm=norm, extent=extent, origin="upper", interpolation="nearest",
                zorder=chart.Z_IMAGE, resample=False,
            )  # fmt: skip
        for shown in overlays:
            chart.draw_pattern(ax, shown, view, outline_only=True, trigger_labels=False)
        ax.set_xlim(box[0], box[2])
        ax.set_ylim(box[3], box[1])
        n_view = aggregate.n_by_view.get(view_id, 0)
        counted = tr("{count} of {total} drawings").format(count=n_view, total=total)
        ax.set_title(f"{tr(view.title)}\n{counted}", fontsize=8.5, pad=chart.TITLE_PAD)
    cax = figure.add_axes(((x - gap + 0.25) / fig_w, bottom / fig_h, bar_w / fig_w, chart_h / fig_h))
    bar = figure.colorbar(ScalarMappable(norm=norm, cmap=cmap), cax=cax)
    if vmax is None:
        scale = tr("scale up to the cohort's maximum, {percent} %").format(percent=f"{top:.3g}")
    else:
        scale = tr("full scale") if top >= 100 else tr("scale up to {percent} %").format(percent=f"{top:g}")
    bar.set_label(tr("% of drawings with pain at this point ({scale})").format(scale=scale), fontsize=8)
    bar.ax.tick_params(labelsize=7)
    bar.outline.set_linewidth(0.5)
    heading = tr("Pain frequency map · 1 drawing") if total == 1 else tr("Pain frequency map · {count} drawings")
    heading = heading.format(count=total)
    figure.text(left / fig_w, 1 - 0.4 / fig_h, heading, fontsize=12, fontweight="bold", va="baseline")
    sub = []
    if pattern is not None:
        from painmap.patterns import localized

        outline = tr("outline: {name} (solid essential, dashed spillover, both sides)")
        sub.append(outline.format(name=localized(pattern).name))
    if aggregate.n_skipped:
        skipped = (
            tr("1 file skipped (unreadable)") if aggregate.n_skipped == 1 else tr("{count} files skipped (unreadable)")
        )
        sub.append(skipped.format(count=aggregate.n_skipped))
    if aggregate.cancelled:
        sub.append(tr("stopped early: partial result"))
    if sub:
        figure.text(left / fig_w, 1 - 0.62 / fig_h, " · ".join(sub), fontsize=7.5, color="#444444", va="baseline")
    figure.text(left / fig_w, 0.15 / fig_h, tr("Shows where people drew pain, not why."), fontsize=6.5, color="#555555")
    figure.text(1 - 0.2 / fig_w, 0.15 / fig_h, f"painmap {__version__}", fontsize=6.5, color="#777777", ha="right")
    return figure


def render_frequency_map(
    aggregate: Aggregate,
    path: str | os.PathLike,
    pattern: Pattern | str | None = None,
    *,
    atlas: Atlas | None = None,
    vmax: float | None = None,
) -> Path:
    """Write the frequency map (PNG, PDF or SVG by extension) atomically; `pattern` may be an id."""
    output_format(path)
    if atlas is None:
        from painmap.atlas import load_atlas

        atlas = load_atlas()
    if isinstance(pattern, str):
        from painmap.patterns import load_patterns

        pattern = load_patterns(atlas).get(pattern)
    with figure_style():
        figure = build_frequency_map(aggregate, atlas, pattern, vmax)
        return save_figure(figure, path, dpi=150, metadata={"Title": tr("Pain frequency map")})
