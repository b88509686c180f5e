"""Drawing report: page 1 for the person who drew (plain words), page 2 for clinicians (the metrics).

Page 1: the notice, the drawing on the chart with labelled landmarks, the note, a summary of what was drawn
(extent, intensities, pain qualities, strokes outside the body), the most alike patterns in plain words, when to
get medical help now, and a glossary of the chart's terms. Page 2 ("For clinicians"): the closest pattern's
difference, every metric with a one-line definition, coverage per body zone and the full ranking.
A PDF has two pages; a PNG or SVG holds both pages one above the other. Every text is real text, placed by
measurement so that no two texts overlap.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TR_NOOP

from painmap import vocabulary as words
from painmap.figures import chart
from painmap.figures.anatomy import CREDIT, is_anatomical
from painmap.figures.blocks import Column, Page, fit
from painmap.figures.page import PNG_DPI, check_writable, figure_style, new_figure, output_format, paper_size
from painmap.figures.report_data import MARGIN, ReportData, header
from painmap.i18n import decimal, tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from painmap.atlas import Atlas
    from painmap.drawing import Drawing
    from painmap.patterns import PatternLibrary

PLAIN_MATCHES = 3
REPORT_TITLE = QT_TR_NOOP("Pain drawing report")
PAPER_BOX = {"facecolor": "#f2f2f2", "edgecolor": "#888888"}
FLAG_BOX = {"facecolor": "#fff6e0", "edgecolor": "#8a6d1f"}
GLOSSARY_BOX = {"facecolor": "#ffffff", "edgecolor": "#999999"}
INTENSITY_LABEL = QT_TR_NOOP("Pain intensity: 1 (mild) to 10 (worst)")


def build_report_pages(data: ReportData, paper: str = "a4", source: str = "", stacked: bool = False) -> list[Figure]:
    """The report's figures: two one-page figures, or (stacked) one figure holding both pages."""
    from painmap.figures.report_clinicians import draw_clinicians_page

    width, height = paper_size(paper)
    if stacked:  # measured at the PNG's resolution: hinted text widths depend on it
        figure = new_figure((width, 2 * height))
        pages = [Page(figure, width, height, 0.0), Page(figure, width, height, height)]
        figures = [figure]
    else:
        figures = [new_figure((width, height)), new_figure((width, height))]
        pages = [Page(f, width, height) for f in figures]
    for f in figures:
        f.set_dpi(PNG_DPI)
    boxes = data.view_boxes()
    draw_patient_page(pages[0], data, source, boxes)
    draw_clinicians_page(pages[1], data, source, boxes)
    if stacked:
        y = pages[0].fy(height)
        figure.add_artist(_rule(figure, y))
    return figures


def build_drawing_report(data: ReportData, paper: str = "a4", source: str = "") -> Figure:
    """The whole report as one figure (both pages stacked), e.g. for a preview."""
    return build_report_pages(data, paper, source, stacked=True)[0]


def _rule(figure: Figure, y: float):
    from matplotlib.lines import Line2D

    return Line2D([0, figure.get_figwidth()], [y, y], transform=figure.dpi_scale_trans, color="#bbbbbb", lw=0.6,
                  ls=(0, (4, 3)))  # fmt: skip


def draw_patient_page(page: Page, data: ReportData, source: str, boxes: dict[str, chart.Box]) -> None:
    """Page 1, in plain words."""
    y = header(page, data, source, tr(REPORT_TITLE))
    full = page.width - 2 * MARGIN
    col = Column(page, MARGIN, y + 0.04, full)
    with col.boxed(**PAPER_BOX):
        col.paragraph(words.notice(), 7.8, after=0)
    top = col.y + 0.22
    charts_w = 3.05
    _charts(page, data, boxes, MARGIN, top, charts_w, page.height - MARGIN - 0.3 - top)
    text_x = MARGIN + charts_w + 0.75
    col = Column(page, text_x, top - 0.05, page.width - MARGIN - text_x)

    def write(col: Column) -> None:
        _about(col, data)
        col.space(0.08)
        _plain_results(col, data)
        col.space(0.1)
        _red_flags(col)
        col.space(0.12)
        _glossary(col, data)

    fit(write, col, page.height - MARGIN - 0.05)
    page.text(MARGIN, page.height - MARGIN + 0.2, tr("Page 1 of 2 · technical details for clinicians on page 2"),
              fontsize=6.5, color="#666666", va="baseline")  # fmt: skip
    if any(is_anatomical(data.atlas.view(v)) for v in data.views):
        page.text(page.width - MARGIN, page.height - MARGIN + 0.2, tr(CREDIT), fontsize=6, color="#666666",
                  va="baseline", ha="right")  # fmt: skip


def _charts(page: Page, data: ReportData, boxes: dict[str, chart.Box], x: float, top: float, w: float, h: float):
    """The drawing on each view, stacked, at one scale, with the colour bar of intensities beside them."""
    titles_h = 0.5  # a view title and its edge markers above each chart
    ratios = [(b[3] - b[1]) / (b[2] - b[0]) for b in boxes.values()]
    chart_w = min(w - 0.45, (h - titles_h * len(ratios)) / sum(ratios))
    y = top
    first = None
    for (view_id, box), ratio in zip(boxes.items(), ratios, strict=True):
        view = data.atlas.view(view_id)
        ax = page.axes(x, y + titles_h, chart_w, chart_w * ratio)
        chart.draw_view(ax, view, box=box, landmarks=True, landmark_labels=True, title="")
        chart.draw_intensity(ax, np.asarray(data.masks.intensity(view_id)), view)
        ax.set_title(
            tr("Your drawing · {view}").format(view=tr(view.title)),
            fontsize=8.5,
            fontweight="bold",
            pad=chart.TITLE_PAD,
        )
        first = first or ax
        y += titles_h + chart_w * ratio + 0.1
    cax = page.axes(x + chart_w + 0.12, top + titles_h, 0.14, min(2.6, y - top - titles_h - 0.1))
    bar = chart.intensity_colorbar(page.figure, first, cax=cax)
    bar.set_label(tr(INTENSITY_LABEL), fontsize=7)


def _about(col: Column, data: ReportData) -> None:
    from painmap.summary import intensity_summary, qualities, qualities_text

    col.heading(tr("About this drawing"))
    note = " ".join(str((data.drawing.meta or {}).get("note", "") or "").split())
    if note:
        col.paragraph(tr("Your note: “{note}”").format(note=note), 8, style="italic", max_lines=8)
    else:
        col.paragraph(tr("Your note: none written."), 8, color="#555555")
    comparison = data.comparison
    shaded = [v for v, x in (comparison.extent_by_view or {}).items() if x > 0]
    if shaded:
        titles = {v: tr(data.atlas.view(v).title).lower() for v in shaded}
        per_view = ", ".join(f"{titles[v]} {decimal(comparison.extent_by_view[v])} %" for v in shaded)
        line = tr("Shaded: {percent} % of the body chart ({per_view}).")
        col.paragraph(line.format(percent=decimal(comparison.extent_percent), per_view=per_view), 8, bullet="•")
    else:
        col.paragraph(tr("Nothing is shaded yet."), 8, bullet="•")
    intensity = intensity_summary(data.masks)
    if intensity is not None:
        col.paragraph(intensity.text() + ".", 8, bullet="•")
    felt = qualities_text(qualities(data.drawing, set(data.outside.indices)))
    if felt:
        col.paragraph(felt + ".", 8, bullet="•")
    if data.outside.count:
        col.paragraph(data.outside.text(), 8, bullet="•", weight="bold")


def _plain_results(col: Column, data: ReportData) -> None:
    col.heading(tr("Which textbook patterns look most alike"))
    matches = [r for r in data.comparison.results if r.score > 0][:PLAIN_MATCHES]
    if not matches:
        col.paragraph(tr(words.NO_MATCH) if data.masks.views_used() else tr(words.NOTHING_SHADED), 8)
        return
    main = words.label("essential_coverage")
    extra = words.label("spillover_coverage")
    for k, r in enumerate(matches, start=1):
        col.paragraph(f"{k}. {data.name(r.pattern)}, {words.side_words(r.side)}: {words.how_alike(r.score)}", 8,
                      weight="bold", after=0.05)  # fmt: skip
        parts = []
        if getattr(r, "essential_area_mm2", 1):
            parts.append(f"{main} {words.percent(r.essential_coverage)}")
        if getattr(r, "spillover_area_mm2", 1):
            parts.append(f"{extra} {words.percent(r.spillover_coverage)}")
        if parts:
            col.paragraph(", ".join(parts) + ".", 7.5, after=0.2)
    col.paragraph(
        tr("“How alike” ranks the patterns from 0 to 100 %; the main pain area counts more than the areas where "
           "pain is only sometimes felt. Even the same person's two drawings of one pain reach only about 60-75 %."),
        7, color="#444444", after=0,
    )  # fmt: skip


def _red_flags(col: Column) -> None:
    flags = words.red_flags()
    with col.boxed(**FLAG_BOX):
        col.heading(flags.title, 9)
        col.paragraph(flags.intro, 7.5, after=0.15)
        col.paragraph(flags.same_day, 7.5, weight="bold", after=0.05)
        for sign in flags.same_day_signs:
            col.paragraph(sign, 7.3, bullet="•", after=0.05)
        col.paragraph(flags.soon, 7.5, weight="bold", after=0.05)
        for sign in flags.soon_signs:
            col.paragraph(sign, 7.3, bullet="•", after=0.05)
        col.paragraph(tr("Sources: {sources}").format(sources=flags.sources), 6, color="#555555", after=0)


def _glossary(col: Column, data: ReportData) -> None:
    labels = [chart.landmark_text(lm) for v in data.views for lm in data.atlas.view(v).landmarks]
    terms = words.glossary_terms([*labels, "Trigger point"])
    with col.boxed(**GLOSSARY_BOX):
        col.heading(tr("Words on the chart"), 9)
        for term, meaning in terms:
            col.paragraph(f"{term}: {meaning}.", 7, bullet="•", after=0.05)


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
    """Write the report of a drawing (PDF: two pages; PNG or SVG: both pages in one image) atomically.

    `drawing` is a Drawing or a drawing file's path; bad input raises a PainmapError with one line.
    """
    fmt = output_format(path)
    paper_size(paper)
    check_writable(path)
    if atlas is None:
        from painmap.atlas import load_atlas

        atlas = load_atlas()
    if library is None:
        from painmap.patterns import load_patterns

        library = load_patterns(atlas)
    if isinstance(drawing, (str, os.PathLike)):
        from painmap.atomic import refuse_own_inputs
        from painmap.drawing import load_drawing

        refuse_own_inputs([path], [drawing])
        source = source or drawing
        drawing = load_drawing(drawing, atlas)
    data = ReportData(drawing, atlas, library, comparator)
    with figure_style():
        figures = build_report_pages(data, paper, os.fspath(source) if source else "", stacked=fmt != "pdf")
        return save_pages(figures, path, {"Title": tr(REPORT_TITLE)})


def save_pages(figures: list[Figure], path: str | os.PathLike, metadata: dict[str, str]) -> Path:
    """Write figures atomically: a PDF gets one page per figure, a PNG or SVG the one figure."""
    from painmap.atomic import atomic_write

    fmt = output_format(path)
    meta = {"Creator": "painmap", **metadata}
    with atomic_write(path, "wb") as stream:
        if fmt == "pdf":
            from matplotlib.backends.backend_pdf import PdfPages

            with PdfPages(stream, metadata=meta) as pdf:
                for figure in figures:
                    pdf.savefig(figure)
        else:
            keep = ("Title", "Creator", "Description", "Software") if fmt == "png" else ("Title", "Creator")
            figures[0].savefig(stream, format=fmt, dpi=PNG_DPI, metadata={k: v for k, v in meta.items() if k in keep})
    return Path(os.path.realpath(os.fspath(path)))
