"""`painmap compare DRAWING [--pattern ID] [--with EARLIER] [--body male|female] [--format text|json]`: how a pain
drawing resembles the patterns, and what changed since an earlier drawing.

The comparison runs on the drawing's own body (its current chart; an older chart is carried forward), or on
`--body`'s current chart, onto which the drawing is carried by the landmark warp. Two drawings of different
bodies (`--with`) are compared only with `--body`, which carries both onto one body.

The text output speaks the shared plain vocabulary (`painmap.vocabulary`); the technical table follows in a part
labelled "For clinicians". The JSON keys are the fixed contract.
"""

from __future__ import annotations

import json
import sys
import textwrap
from argparse import Namespace

from painmap import vocabulary as words
from painmap.compare import Comparison, PatternResult, cached_comparator, to_json
from painmap.errors import PainmapError, UnknownIdError
from painmap.pattern_model import PatternLibrary
from painmap.raster import PainMasks

REMINDER = f"{words.NOTICE_TITLE}. {words.NOTICE}"
WIDTH = 100  # wrap of the plain paragraphs
PLAIN_RESULTS = 5  # patterns listed in plain words (every one is in the clinicians' table)


def run(args: Namespace) -> int:
    """Load the drawing(s), rasterize, score against the library and print the ranking (and the change)."""
    from painmap.chart_versions import chart_of
    from painmap.commands.chart_choice import onto
    from painmap.drawing_parse import read_document
    from painmap.outside import outside_marks

    doc = read_document(args.drawing)  # read once: the body it names picks the chart
    earlier_doc = read_document(args.earlier) if getattr(args, "earlier", None) else None
    body = _body(args, doc, earlier_doc)
    comp = cached_comparator(body=None if body == "male" else body)  # loaded and rasterized once per install
    if getattr(args, "library", None):  # --library DIR: learned patterns join the stored ones
        from painmap.compare import Comparator
        from painmap.library import extend_library, missing_library_folders

        missing_library_folders(args.library)
        comp = Comparator(comp.atlas, extend_library(comp.library, comp.atlas, args.library), comp.px_per_mm)
    atlas, library = comp.atlas, comp.library
    drawing = onto(doc, args.drawing, atlas)
    earlier = onto(earlier_doc, args.earlier, atlas) if earlier_doc is not None else None
    for problem in library.problems:
        sys.stderr.write(f"painmap: warning: pattern not loaded: {problem}\n")
    pattern_ids = [_known(library, args.pattern)] if args.pattern else None
    masks = PainMasks.from_drawing(drawing, atlas, comp.px_per_mm)
    comparison = comp.compare(masks, pattern_ids)
    outside = outside_marks(drawing, atlas, comp.px_per_mm)
    change = None
    if earlier is not None:
        from painmap.change import check_same_body, compare_change

        check_same_body(drawing, earlier, args.drawing, args.earlier)
        change = compare_change(PainMasks.from_drawing(earlier, atlas, comp.px_per_mm), masks)
    if args.format == "json":
        out = to_json(comparison)
        out["body"], out["chart"] = chart_of(atlas)  # the chart compared on
        if drawing.migrated_from is not None:
            out["carried_from"] = dict(zip(("body", "chart"), drawing.migrated_from, strict=True))
        out["marks_outside"] = outside.to_json()
        if change is not None:
            out["change"] = change.to_json()
        sys.stdout.write(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    else:
        titles = {v.id: v.title for v in atlas.views.values()}
        text = format_text(
            comparison, args.drawing, titles, outside=outside.strokes, outlines=outside.outlines,
            chart=_chart_line(atlas, drawing.migrated_from),
        )  # fmt: skip
        if change is not None:
            from painmap.change import format_change

            text = format_change(change, args.earlier, titles) + "\n" + text
        sys.stdout.write(text)
    return 0


def _body(args: Namespace, doc: object, earlier_doc: object) -> str:
    """The body to compare on: --body, else the drawing's own; two drawings of different bodies need --body."""
    from painmap.commands.chart_choice import own_body

    if getattr(args, "body", None):
        return args.body
    own = own_body(doc)
    if earlier_doc is not None:
        then = own_body(earlier_doc)
        if then != own:
            raise PainmapError(
                f"{args.earlier}: drawn on the {then} body chart and {args.drawing} on the {own} one; "
                "give --body male|female to carry both onto one body and compare them there"
            )
    return own


def _chart_line(atlas, carried_from: tuple[str, int] | None) -> str:
    from painmap.commands.chart_choice import chart_words

    line = f"Compared on {chart_words(atlas)}"
    if carried_from is not None:
        line += f" (drawn on the {carried_from[0]} body's chart {carried_from[1]}, carried by the landmark warp)"
    return line + "."


def _known(library: PatternLibrary, pattern_id: str) -> str:
    for problem in library.problems:
        if problem.pattern == pattern_id and pattern_id not in library:
            raise UnknownIdError(f"pattern {pattern_id!r} did not load: {problem.message}")
    return library.get(pattern_id).id


def format_text(
    comparison: Comparison,
    source: str,
    titles: dict[str, str] | None = None,
    *,
    outside: int = 0,
    outlines: int = 0,
    chart: str = "",
) -> str:
    """Plain words first (extent, the most alike patterns, the notice, when to seek care), then the technical
    table for clinicians. `chart`: a line naming the chart compared on."""
    titles = titles or {}
    lines = [f"Pain drawing: {source}", *([chart] if chart else [])]
    shaded = [v for v, x in comparison.extent_by_view.items() if x > 0]
    if not shaded:
        lines.append(f"The drawing is empty. {words.NOTHING_SHADED}")
    else:
        per_view = ", ".join(f"{titles.get(v, v)} {comparison.extent_by_view[v]:.1f} %" for v in shaded)
        lines.append(f"{words.EXTENT_LABEL}: {comparison.extent_percent:.1f} % of the body chart ({per_view})")
    if outside or outlines:  # strokes and lassos (outlines) outside the body chart
        lines.append(words.outside_text(outside, outlines))
    lines.append("")
    lines.extend(_plain_results(comparison.results, bool(shaded)))
    lines.append("")
    lines.extend(textwrap.wrap(REMINDER, WIDTH))
    lines.append("")
    lines.extend(words.red_flag_lines())
    lines.append("")
    lines.append(f"{words.FOR_CLINICIANS}:")
    lines.extend(_table(comparison.results))
    return "\n".join(lines) + "\n"


def _plain_results(results: tuple[PatternResult, ...], shaded: bool) -> list[str]:
    """The most alike patterns in plain words, and the best one's share per body area."""
    matches = [r for r in results if r.score > 0]
    if not shaded or not matches:
        return [words.NO_MATCH] if shaded else []
    main, extra, outside = (words.METRIC_LABELS[k][0] for k in ("essential_coverage", "spillover_coverage",
                                                                "outside_fraction"))  # fmt: skip
    out = [f"{words.BEST_MATCH} (a likeness, not a diagnosis):"]
    for k, r in enumerate(matches[:PLAIN_RESULTS], start=1):
        out.append(f"  {k}. {r.name or r.pattern}, {words.side_words(r.side)}: {words.how_alike(r.score)}")
        parts = []
        if r.essential_area_mm2:
            parts.append(f"{main.lower()} {words.percent(r.essential_coverage)}")
        if r.spillover_area_mm2:
            parts.append(f"{extra} {words.percent(r.spillover_coverage)}")
        parts.append(f"{outside.lower()} {words.percent(r.outside_fraction)}")
        out.append("     " + ", ".join(parts))
    best = matches[0]
    if best.zones:
        out.append("")
        out.append(f"Share of the {best.name or best.pattern} pattern you shaded, by body area:")
        width = max(len(z) for z in best.zones)
        for zone, coverage in best.zones.items():
            out.append(f"  {zone.replace('-', ' '):<{width}}  {words.percent(coverage):>5}")
    return out


def _table(results: tuple[PatternResult, ...]) -> list[str]:
    header = ("#", "PATTERN", "SIDE", "SCORE", "ESSENTIAL", "SPILLOVER", "OUTSIDE")
    rows = [
        (
            str(k),
            r.name or r.pattern,
            r.side,
            f"{r.score:.2f}",
            words.percent(r.essential_coverage) if r.essential_area_mm2 else "-",
            words.percent(r.spillover_coverage) if r.spillover_area_mm2 else "-",
            words.percent(r.outside_fraction),
        )
        for k, r in enumerate(results, start=1)
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    left = {1, 2}  # text columns; numbers are right-aligned

    def fmt(row: tuple[str, ...]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(cells))

    out = [fmt(header).rstrip(), *(fmt(r).rstrip() for r in rows)]
    for key, name in (("score", "score"), ("essential_coverage", "essential"), ("spillover_coverage", "spillover"),
                      ("outside_fraction", "outside")):  # fmt: skip
        out.append(f"{name}: {words.METRIC_DEFINITIONS[key]}")
    if any(not (r.essential_area_mm2 and r.spillover_area_mm2) for r in results):
        out.append("-: the pattern has no such zone on the views you drew on.")
    return out
