"""An educator's slide of one referral pattern: 16:9, the diagram only (no fact text).

Title, the pattern's views (its own muscle highlighted on an anatomical chart, zones in the Travell & Simons
convention, trigger points as X), view names with L / R (or Back / Front and the side), landmark labels placed
without collisions, a legend, and the data credit on an anatomical chart. Text stays text in SVG and PDF
(page.figure_style); `dpi` sets a PNG's resolution.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from painmap.figures import chart
from painmap.figures.anatomy import HIGHLIGHT_EDGE, HIGHLIGHT_FILL, add_credit, is_anatomical, pattern_muscle
from painmap.figures.page import PNG_DPI, figure_style, new_figure, output_format, save_figure
from painmap.figures.sheet import _with_all_texts, only_trigger_point, pattern_views, sheet_box
from painmap.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from painmap.atlas import Atlas
    from painmap.patterns import Pattern

__all__ = ["SLIDE_SIZE", "build_pattern_slide", "render_pattern_slide"]

SLIDE_SIZE = (13.333, 7.5)  # inches: 16:9, the size of a widescreen presentation slide


def build_pattern_slide(atlas: Atlas, pattern: Pattern, trigger_point: str | None = None) -> Figure:
    """The slide figure of a pattern (or of one of its trigger points), in the current language."""
    from matplotlib.patches import Patch

    from painmap.patterns import localized

    pattern = localized(pattern)
    title = pattern.name
    if trigger_point:
        full = pattern
        pattern = _with_all_texts(only_trigger_point(pattern, trigger_point), full)
        title = f"{full.name} · {pattern.trigger_points[0].label or trigger_point}"
    views = pattern_views(pattern) or ["posterior"]
    width, height = SLIDE_SIZE
    figure = new_figure(SLIDE_SIZE)
    figure.text(0.5 / width, 1 - 0.55 / height, title, fontsize=26, fontweight="bold", va="baseline")
    kind = tr("Referred pain · joint") if pattern.kind == "joint" else tr("Referred pain · muscle")
    side = tr("the patient's left side") if pattern.side == "left" else tr("the patient's right side")
    figure.text(0.5 / width, 1 - 0.9 / height, f"{kind} · {side}", fontsize=13, color="#444444", va="baseline")

    boxes = [sheet_box(atlas, pattern, v) for v in views]
    ratios = [(b[2] - b[0]) / (b[3] - b[1]) for b in boxes]
    left, right, gap, top, bottom = 0.5, width - 0.5, 0.6, height - 1.55, 1.05
    chart_h = min((right - left - gap * (len(views) - 1)) / sum(ratios), top - bottom)
    x = left + (right - left - gap * (len(views) - 1) - chart_h * sum(ratios)) / 2
    highlighted = False
    for view_id, box, ratio in zip(views, boxes, ratios, strict=True):
        ax = figure.add_axes((x / width, (top - chart_h) / height, chart_h * ratio / width, chart_h / height))
        x += chart_h * ratio + gap
        view = atlas.view(view_id)
        own = pattern_muscle(view, pattern.id, pattern.side) if pattern.kind == "muscle" else []
        highlighted |= bool(own) and is_anatomical(view)
        limits = chart.draw_view(ax, view, box=box, landmarks=True, landmark_labels=False, highlight=own, title="")
        chart.draw_pattern(ax, pattern, view)
        tps = [(tp.x, tp.y) for tp in pattern.trigger_points if tp.view == view_id]
        away = ("left", "midline") if pattern.side == "right" else ("right", "midline")
        chart.draw_landmark_labels(ax, view, limits, sides=away if view.mirror == view.id else None, avoid=tps,
                                   size=8)  # fmt: skip
        ax.set_title(tr(view.title), fontsize=15, fontweight="bold", pad=chart.TITLE_PAD + 6)
    handles = chart.pattern_legend_handles(trigger_points=bool(pattern.trigger_points))
    if highlighted:
        handles.append(Patch(facecolor=HIGHLIGHT_FILL, alpha=0.8, edgecolor=HIGHLIGHT_EDGE,
                             label=tr("{name} (the muscle)").format(name=pattern.name.lower())))  # fmt: skip
    _legend(figure, handles, width, height)
    add_credit(figure, [atlas.view(v) for v in views], 1 - 0.3 / width, 0.15 / height, ha="right", fontsize=8)
    return figure


def _legend(figure: Figure, handles: list, width: float, height: float) -> None:
    """The legend in one row under the charts, or in two rows when one is wider than the slide (longer words
    of a translation)."""
    import math

    options = {"loc": "lower center", "bbox_to_anchor": (0.5, 0.35 / height), "frameon": False, "fontsize": 12,
               "handlelength": 2.4, "handleheight": 1.5}  # fmt: skip
    legend = figure.legend(handles=handles, ncol=len(handles), **options)
    renderer = figure.canvas.get_renderer()
    if legend.get_window_extent(renderer).width > (width - 0.4) * figure.dpi:
        legend.remove()
        figure.legend(handles=handles, ncol=math.ceil(len(handles) / 2), **options)


def render_pattern_slide(
    pattern: Pattern | str,
    path: str | os.PathLike,
    *,
    atlas: Atlas | None = None,
    library=None,
    trigger_point: str | None = None,
    dpi: int = PNG_DPI,
) -> Path:
    """Write the slide (PNG at `dpi`, PDF or SVG by extension) atomically; returns the path written."""
    output_format(path)
    if atlas is None:
        from painmap.atlas import load_atlas

        atlas = load_atlas(body="male", chart=2)
    from painmap.patterns import localized

    if isinstance(pattern, str):
        if library is None:
            from painmap.patterns import load_patterns

            library = load_patterns(atlas)
        pattern = library.get(pattern)
    with figure_style():
        figure = build_pattern_slide(atlas, pattern, trigger_point)
        title = tr("{name}: referred pain").format(name=localized(pattern).name)
        return save_figure(figure, path, dpi=dpi, metadata={"Title": title})
