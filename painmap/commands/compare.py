"""`painmap compare DRAWING [--pattern ID] [--format text|json]`: how a pain drawing resembles the patterns."""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from painmap.compare import Comparison, PatternResult, cached_comparator, to_json
from painmap.errors import UnknownIdError
from painmap.patterns import PatternLibrary
from painmap.raster import PainMasks

REMINDER = (
    "These numbers say how much the drawing looks like textbook referral maps. They are not a diagnosis: "
    "a person's own repeat drawing overlaps itself only by a Jaccard index of about 0.62."
)


def run(args: Namespace) -> int:
    """Load the drawing, rasterize it, score it against the library and print the ranking."""
    from painmap.drawing import load_drawing

    comp = cached_comparator()  # the bundled atlas and library, loaded and rasterized once per install
    if getattr(args, "library", None):  # --library DIR: learned patterns join the stored ones
        from painmap.compare import Comparator
        from painmap.library import extend_library, missing_library_folders

        missing_library_folders(args.library)
        comp = Comparator(comp.atlas, extend_library(comp.library, comp.atlas, args.library), comp.px_per_mm)
    atlas, library = comp.atlas, comp.library
    drawing = load_drawing(args.drawing, atlas)
    for problem in library.problems:
        sys.stderr.write(f"painmap: warning: pattern not loaded: {problem}\n")
    pattern_ids = [_known(library, args.pattern)] if args.pattern else None
    comparison = comp.compare(PainMasks.from_drawing(drawing, atlas, comp.px_per_mm), pattern_ids)
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(comparison), indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_text(comparison, args.drawing, {v.id: v.title for v in atlas.views.values()}))
    return 0


def _known(library: PatternLibrary, pattern_id: str) -> str:
    for problem in library.problems:
        if problem.pattern == pattern_id and pattern_id not in library:
            raise UnknownIdError(f"pattern {pattern_id!r} did not load: {problem.message}")
    return library.get(pattern_id).id


def _percent(x: float) -> str:
    return f"{100 * x:.0f} %"


def format_text(comparison: Comparison, source: str, titles: dict[str, str] | None = None) -> str:
    """A ranked table a person can read, the best match's coverage per body area, and a reminder."""
    titles = titles or {}
    lines = [f"Pain drawing: {source}"]
    shaded = [v for v, x in comparison.extent_by_view.items() if x > 0]
    if not shaded:
        lines.append("The drawing is empty: nothing is shaded, so every pattern scores 0.")
    else:
        per_view = ", ".join(f"{titles.get(v, v)} {comparison.extent_by_view[v]:.1f} %" for v in shaded)
        lines.append(f"Shaded: {comparison.extent_percent:.1f} % of the body chart ({per_view})")
    lines.append("")
    lines.extend(_table(comparison.results))
    best = comparison.best
    if best is not None and shaded and best.score > 0:
        lines.append("")
        lines.append(f"Best match: {best.name or best.pattern}, {_side_words(best.side)}. Share of it you shaded:")
        width = max((len(z) for z in best.zones), default=0)
        for zone, coverage in best.zones.items():
            lines.append(f"  {zone.replace('-', ' '):<{width}}  {_percent(coverage):>5}")
    lines.append("")
    lines.append(REMINDER)
    return "\n".join(lines) + "\n"


def _side_words(side: str) -> str:
    return "both sides" if side == "both" else f"{side} side"


def _table(results: tuple[PatternResult, ...]) -> list[str]:
    header = ("#", "PATTERN", "SIDE", "SCORE", "ESSENTIAL", "SPILLOVER", "OUTSIDE")
    rows = [
        (
            str(k),
            r.name or r.pattern,
            r.side,
            f"{r.score:.2f}",
            _percent(r.essential_coverage) if r.essential_area_mm2 else "-",
            _percent(r.spillover_coverage) if r.spillover_area_mm2 else "-",
            _percent(r.outside_fraction),
        )
        for k, r in enumerate(results, start=1)
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    left = {1, 2}  # text columns; numbers are right-aligned

    def fmt(row: tuple[str, ...]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(cells))

    out = [fmt(header).rstrip(), *(fmt(r).rstrip() for r in rows)]
    out.append(
        "score: weighted overlap (essential zones count fully, spillover half); essential/spillover: share of each"
    )
    out.append("zone you shaded; outside: share of your shading outside the pattern.")
    if any(not (r.essential_area_mm2 and r.spillover_area_mm2) for r in results):
        out.append("-: the pattern has no such zone on the views you drew on.")
    return out
