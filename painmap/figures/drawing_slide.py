"""A pain drawing as a 16:9 slide: the views it is drawn on, its intensities, and the pattern shown over it.

The pattern slide (painmap.figures.slide) cannot show a drawing; this is its companion for the app's Export
picture when the person has shaded something: the same 16:9 page and chart style, the drawing in the
intensity colours with their colour bar, the referral pattern shown on the chart (if any) as outlines over it so
the drawing stays readable, view names with L / R, and the data credit on an anatomical chart. Text stays text
in SVG and PDF (page.figure_style); `dpi` sets a PNG's resolution.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from painmap import style
from painmap.figures import chart
from painmap.figures.anatomy import add_credit, is_anatomical, pattern_muscle
from painmap.figures.page import PNG_DPI, figure_style, new_figure, output_format, save_figure
from painmap.figures.sheet import only_trigger_point
from painmap.figures.slide import SLIDE_SIZE
from painmap.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from painmap.atlas import Atlas
    from painmap.patterns import Pattern

__all__ = ["build_drawing_slide", "render_drawing_slide"]


def _shown(pattern: Pattern, trigger_point: str | None) -> Pattern:
    if trigger_point and any(tp.id == trigger_point for tp in pattern.trigger_points):
        return only_trigger_point(pattern, trigger_point)
    return pattern


def build_drawing_slide(
    atlas: Atlas,
    intensities: Mapping[str, np.ndarray],
    *,
    title: str = "",
    patterns: Sequence[Pattern] = (),
    trigger_point: str | None = None,
) -> Figure:
    """The slide of a drawing: one chart per view of `intensities` (view id -> intensity raster 0..10), in the
    mapping's order; `patterns` (each in the coordinates of the side it is shown on) drawn as outlines."""
    from matplotlib.patches import Patch

    from painmap.patterns import localized

    views = list(intensities) or ["posterior"]
    shown = [localized(_shown(p, trigger_point)) for p in patterns]  # the texts in the current language
    width, height = SLIDE_SIZE
    figure = new_figure(SLIDE_SIZE)
    painted = any(np.any(np.asarray(a)) for a in intensities.values())
    heading = title or (tr("Pain drawing") if painted else tr("Body chart"))
    figure.text(0.5 / width, 1 - 0.55 / height, heading, fontsize=26, fontweight="bold", va="baseline")
    if shown:
        name = shown[0].name
        subtitle = tr("Shaded by the person · the referral pattern of {name} as outlines").format(name=name)
    elif painted:
        subtitle = tr("Shaded by the person, in colours of pain intensity")
    else:
        subtitle = tr("Nothing shaded yet: shade where the pain is felt")
    figure.text(0.5 / width, 1 - 0.9 / height, subtitle, fontsize=13, color="#444444", va="baseline")

    boxes = []
    for view_id in views:
        view = atlas.view(view_id)
        parts = [chart.painted_box(np.asarray(intensities[view_id]), view)] if view_id in intensities else []
        parts += [chart.pattern_box(p, view_id, view.width) for p in shown]
        parts = [b for b in parts if b is not None]
        # the lower back and pelvis at least (the chart's own focus), grown to hold what is drawn
        box = chart.union_box([chart.view_box(view, "focus"), *(_padded(b, view) for b in parts)])
        boxes.append(chart.view_box(view, box))
    ratios = [(b[2] - b[0]) / (b[3] - b[1]) for b in boxes]
    left, right, gap, top, bottom = 0.5, width - 1.6, 0.6, height - 1.55, 1.05
    chart_h = min((right - left - gap * (len(views) - 1)) / sum(ratios), top - bottom)
    x = left + (right - left - gap * (len(views) - 1) - chart_h * sum(ratios)) / 2
    first = None
    for view_id, box, ratio in zip(views, boxes, ratios, strict=True):
        ax = figure.add_axes((x / width, (top - chart_h) / height, chart_h * ratio / width, chart_h / height))
        x += chart_h * ratio + gap
        view = atlas.view(view_id)
        painted_here = view_id in intensities and bool(np.any(np.asarray(intensities[view_id])))
        # the pattern's own muscle stands out only on a view without the drawing (drawn above it, it would hide it)
        own = (
            [] if painted_here else [m for p in shown if p.kind == "muscle" for m in pattern_muscle(view, p.id, p.side)]
        )
        limits = chart.draw_view(ax, view, box=box, landmarks=True, landmark_labels=False, highlight=own, title="")
        if view_id in intensities:
            chart.draw_intensity(ax, np.asarray(intensities[view_id]), view)
        for pattern in shown:
            chart.draw_pattern(ax, pattern, view, outline_only=True, trigger_labels=False)
        chart.draw_landmark_labels(ax, view, limits, size=8)
        ax.set_title(tr(view.title), fontsize=15, fontweight="bold", pad=chart.TITLE_PAD + 6)
        first = first or ax
    bar_h = min(3.2, chart_h)  # beside the last chart, level with its top
    cax = figure.add_axes(((x - gap + 0.25) / width, (top - bar_h) / height, 0.18 / width, bar_h / height))
    bar = chart.intensity_colorbar(figure, first, cax=cax)
    bar.set_label(tr("Pain intensity: 1 (mild) to 10 (worst)"), fontsize=10)
    if shown:
        handles = [
            Patch(fill=False, edgecolor=style.ESSENTIAL, lw=1.2, label=tr("essential zone (outline)")),
            Patch(fill=False, edgecolor=style.ESSENTIAL, lw=1.2, ls="--", label=tr("spillover zone (outline)")),
        ]
        # the X of a trigger point and the landmark dot, as the pattern slide's legend has them
        handles += chart.pattern_legend_handles(trigger_points=any(p.trigger_points for p in shown))[2:]
        figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.35 / height), ncol=len(handles),
                      frameon=False, fontsize=12, handlelength=2.4, handleheight=1.5)  # fmt: skip
    if any(is_anatomical(atlas.view(v)) for v in views):
        add_credit(figure, [atlas.view(v) for v in views], 1 - 0.3 / width, 0.15 / height, ha="right", fontsize=8)
    return figure


def _padded(box: chart.Box, view) -> chart.Box:
    """A painted / pattern box grown by a tenth of the body's width on each side (some anatomy around it)."""
    pad = 0.1 * view.width
    x0, y0, x1, y1 = box
    return (max(0.0, x0 - pad), max(0.0, y0 - pad), min(view.width, x1 + pad), min(view.height, y1 + pad))


def render_drawing_slide(
    atlas: Atlas,
    intensities: Mapping[str, np.ndarray],
    path: str | os.PathLike,
    *,
    title: str = "",
    patterns: Sequence[Pattern] = (),
    trigger_point: str | None = None,
    dpi: int = PNG_DPI,
) -> Path:
    """Write the drawing's slide (PNG at `dpi`, PDF or SVG by extension) atomically; returns the path written."""
    output_format(path)
    with figure_style():
        figure = build_drawing_slide(atlas, intensities, title=title, patterns=patterns, trigger_point=trigger_point)
        return save_figure(figure, path, dpi=dpi, metadata={"Title": title or tr("Pain drawing")})
