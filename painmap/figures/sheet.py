"""Pattern sheet: one referral pattern on the body chart in the Travell & Simons convention, with its facts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP

from painmap import __version__
from painmap.figures import chart
from painmap.figures.anatomy import add_credit, pattern_muscle
from painmap.figures.page import figure_style, new_figure, output_format, paper_size, save_figure
from painmap.figures.text import Section, draw_sections
from painmap.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from painmap.atlas import Atlas
    from painmap.patterns import Pattern

VIEW_ORDER = ("posterior", "lateral", "anterior", "lateral-left")
ZOOM_MARGIN_MM = 30.0
MIN_BOX_MM = 220.0
SHEET_NOTICE = QT_TR_NOOP(
    "For teaching. Textbook referral patterns; real pain maps vary from person to person. "
    "A similar-looking pain is not a diagnosis."
)


def pattern_views(pattern: Pattern) -> list[str]:
    """The views a pattern draws on, posterior first."""
    used = {z.view for z in pattern.zones} | {tp.view for tp in pattern.trigger_points}
    return [v for v in VIEW_ORDER if v in used] + sorted(used - set(VIEW_ORDER))


def sheet_box(atlas: Atlas, pattern: Pattern, view_id: str) -> chart.Box:
    """The region of interest of a view: the pattern's extent plus a margin, at least MIN_BOX_MM each way,
    keeping the midline in sight on symmetric views (so left and right read at a glance)."""
    view = atlas.view(view_id)
    extent = chart.pattern_box(pattern, view_id, view.width) or chart.view_box(view, "focus")
    boxes = [extent]
    if view.mirror == view.id:
        mid = view.width / 2
        boxes.append((mid - 25, extent[1], mid + 25, extent[3]))
    x0, y0, x1, y1 = chart.union_box(boxes)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = max((x1 - x0) / 2, MIN_BOX_MM / 2), max((y1 - y0) / 2, MIN_BOX_MM / 2)
    return chart.view_box(view, (cx - half_w, cy - half_h, cx + half_w, cy + half_h), margin=ZOOM_MARGIN_MM)


def fact_sections(pattern: Pattern, shown: str | None = None) -> list[Section]:
    """The pattern's texts as sections (in the current language), in the order a reader needs them; `shown`
    marks the TrP drawn."""
    all_tps = pattern.extra.get("all_trigger_points", pattern.trigger_points)
    tps = []
    for tp in all_tps:
        name = tp.label or tp.id.upper()
        text = f"{name}: {tp.note}" if tp.note else name
        text += f" ({tp.hint})" if getattr(tp, "hint", "") else ""
        tps.append(text + (" " + tr("(drawn here)") if shown and tp.id == shown else ""))
    kind = tr("Joint facts") if pattern.kind == "joint" else tr("Muscle facts")
    facts = ([tr("Innervation: {text}").format(text=pattern.innervation)] if pattern.innervation else []) + (
        [tr("Action: {text}").format(text=pattern.action)] if pattern.action else []
    )  # a learned pattern has neither
    sections = [
        Section(tr("About"), paragraphs=[p for p in (pattern.summary,) if p]),
        Section(kind, bullets=facts),
        Section(tr("Trigger points") if pattern.kind == "muscle" else tr("Where it starts"), bullets=tps),
        Section(tr("Aggravated by"), bullets=list(pattern.aggravating)),
        Section(tr("Activating and perpetuating factors"), bullets=list(pattern.perpetuating)),
        Section(tr("Examination"), bullets=list(pattern.examination)),
        Section(tr("Often confused with"), bullets=list(pattern.differentials)),
        Section(tr("Self-care (widely agreed)"), bullets=list(pattern.self_care)),
        Section(tr("Notes"), bullets=list(pattern.notes)),
        Section(tr("Sources"), bullets=list(pattern.sources)),
    ]
    return sections


def only_trigger_point(pattern: Pattern, tp_id: str) -> Pattern:
    """The pattern reduced to one trigger point and its zones (zones with no TrP belong to every TrP)."""
    from dataclasses import replace

    from painmap.errors import UnknownIdError

    tps = tuple(tp for tp in pattern.trigger_points if tp.id == tp_id)
    if not tps:
        known = ", ".join(tp.id for tp in pattern.trigger_points) or "none"
        raise UnknownIdError(f"pattern {pattern.id!r} has no trigger point {tp_id!r} (known: {known})")
    zones = tuple(z for z in pattern.zones if z.trigger_point in ("", tp_id))
    return replace(pattern, trigger_points=tps, zones=zones)


def build_pattern_sheet(
    atlas: Atlas, pattern: Pattern, landscape: bool = True, paper: str = "a4", trigger_point: str | None = None
) -> Figure:
    """The figure of a pattern sheet (landscape page: charts left, facts right); one TrP's zones when given.
    The texts are in the current language (painmap.i18n), the pattern's own where it has them."""
    from painmap.patterns import localized

    pattern = localized(pattern)
    title = pattern.name
    if trigger_point:
        full = pattern
        pattern = only_trigger_point(pattern, trigger_point)
        title = f"{full.name} · {pattern.trigger_points[0].label or trigger_point}"
        pattern = _with_all_texts(pattern, full)
    views = pattern_views(pattern) or ["posterior"]
    width, height = paper_size(paper, landscape=landscape)
    figure = new_figure((width, height))
    figure.text(0.03, 0.955, title, fontsize=17, fontweight="bold", va="baseline")
    if pattern.kind == "learned":
        what = tr("Pain pattern learned from drawings · ")
    else:
        what = (
            tr("Referred pain pattern · joint · ")
            if pattern.kind == "joint"
            else tr("Referred pain pattern · muscle · ")
        )
    shown_side = tr("shown on the patient's right side (the other side is its mirror image)")
    if pattern.side == "left":
        shown_side = tr("shown on the patient's left side (the other side is its mirror image)")
    subtitle = what + shown_side
    figure.text(0.03, 0.925, subtitle, fontsize=9, color="#444444", va="baseline")

    # Layout in inches: charts top left at one scale, the legend under them, the facts flowing from under the
    # legend (when there is room) into two columns on the right.
    boxes = [sheet_box(atlas, pattern, v) for v in views]
    ratios = [(b[2] - b[0]) / (b[3] - b[1]) for b in boxes]
    left, chart_right, gap = 0.5, 0.52 * width, 0.3
    top = height - 1.25  # below the title, the view titles and the edge markers
    bottom = 0.45
    legend_h = 0.5
    chart_h = min((chart_right - left - gap * (len(views) - 1)) / sum(ratios), top - bottom - legend_h)
    x = left + max(0.0, (chart_right - left - gap * (len(views) - 1) - chart_h * sum(ratios)) / 2)
    has_weights = any(z.weight < 1.0 for z in pattern.zones)
    for view_id, box, ratio in zip(views, boxes, ratios, strict=True):
        ax = figure.add_axes((x / width, (top - chart_h) / height, chart_h * ratio / width, chart_h / height))
        x += chart_h * ratio + gap
        view = atlas.view(view_id)
        # Paired landmarks are labelled on the side away from the pattern, so labels never hide its zones.
        away = ("left", "midline") if pattern.side == "right" else ("right", "midline")
        sides = away if view.mirror == view.id else None
        own = pattern_muscle(view, pattern.id, pattern.side) if pattern.kind == "muscle" else []
        limits = chart.draw_view(ax, view, box=box, landmarks=True, landmark_labels=False, highlight=own)
        chart.draw_pattern(ax, pattern, view)
        tps = [(tp.x, tp.y) for tp in pattern.trigger_points if tp.view == view_id]
        chart.draw_landmark_labels(ax, view, limits, sides=sides, avoid=tps)
        ax.set_title(tr(view.title), fontsize=10, fontweight="bold", pad=chart.TITLE_PAD)
    legend_top = top - chart_h - 0.1
    legend_ax = figure.add_axes((left / width, (legend_top - legend_h) / height, (chart_right - left) / width,
                                 legend_h / height))  # fmt: skip
    legend_ax.set_axis_off()
    legend_ax.legend(
        handles=chart.pattern_legend_handles(weights=has_weights, trigger_points=bool(pattern.trigger_points)),
        loc="center", ncol=3 if has_weights else 2,
        frameon=False, fontsize=8, handlelength=2.2, handleheight=1.4,
    )  # fmt: skip
    columns = []
    under_top = legend_top - legend_h - 0.15
    if under_top - bottom >= 1.2:
        columns.append(figure.add_axes((left / width, bottom / height, (chart_right - left) / width,
                                        (under_top - bottom) / height)))  # fmt: skip
    text_left, text_right, text_top, col_gap = chart_right + 0.35, width - 0.3, height - 0.75, 0.25
    col_w = (text_right - text_left - col_gap) / 2
    for i in range(2):
        columns.append(figure.add_axes(((text_left + i * (col_w + col_gap)) / width, bottom / height,
                                        col_w / width, (text_top - bottom) / height)))  # fmt: skip
    draw_sections(columns, fact_sections(pattern, trigger_point), size=8.5, min_size=6.0)
    figure.text(0.03, 0.018, tr(SHEET_NOTICE), fontsize=7, color="#444444", va="baseline")
    add_credit(figure, [atlas.view(v) for v in views], 0.03, 0.036, va="baseline")
    figure.text(0.97, 0.018, f"painmap {__version__} · {pattern.id}", fontsize=7, color="#777777", ha="right")
    return figure


def _with_all_texts(pattern: Pattern, full: Pattern) -> Pattern:
    """A one-TrP pattern keeps the texts of the whole pattern (its other TrPs are listed, not drawn)."""
    from dataclasses import replace

    return replace(pattern, extra={**pattern.extra, "all_trigger_points": full.trigger_points})


def render_pattern_sheet(
    pattern: Pattern | str,
    path: str | os.PathLike,
    *,
    atlas: Atlas | None = None,
    library=None,
    paper: str = "a4",
    trigger_point: str | None = None,
) -> Path:
    """Write a pattern sheet (PNG, PDF or SVG by extension) atomically; returns the path written.

    With `trigger_point` (e.g. "trp1") only that trigger point and its zones are drawn, as Travell & Simons
    show each trigger point on its own figure.
    """
    output_format(path)  # refuse a bad extension before any work
    if atlas is None:
        from painmap.atlas import load_atlas

        atlas = load_atlas()
    from painmap.patterns import localized

    if isinstance(pattern, str):
        if library is None:
            from painmap.patterns import load_patterns

            library = load_patterns(atlas)
        pattern = library.get(pattern)
    with figure_style():
        figure = build_pattern_sheet(atlas, pattern, paper=paper, trigger_point=trigger_point)
        title = tr("{name}: referred pain pattern").format(name=localized(pattern).name)
        return save_figure(figure, path, metadata={"Title": title})
