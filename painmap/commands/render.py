"""`painmap render (DRAWING | --pattern ID [--trigger-point TRP] [--figure sheet|slide]) -o OUT.(png|pdf|svg)
[--paper a4|letter] [--body male|female] [--chart N] [--dpi N] [--lang CODE]`."""

from __future__ import annotations

import argparse
import sys

from painmap.errors import PainmapError


def run(args: argparse.Namespace) -> int:
    """Render a drawing report or a pattern sheet; bad input raises PainmapError (exit 2 in cli.py)."""
    from painmap.atomic import refuse_own_inputs
    from painmap.figures.page import check_writable
    from painmap.report import output_format

    if bool(args.drawing) == bool(args.pattern):
        raise PainmapError("render: give either a DRAWING or --pattern ID (not both)")
    if args.trigger_point and not args.pattern:
        raise PainmapError("render: --trigger-point goes with --pattern ID")
    figure = getattr(args, "figure", "sheet") or "sheet"
    if figure == "slide" and not args.pattern:
        raise PainmapError("render: --figure slide goes with --pattern ID")
    dpi = getattr(args, "dpi", None)
    if dpi is not None and not 30 <= dpi <= 1200:
        raise PainmapError(f"render: --dpi must be between 30 and 1200 (got {dpi})")
    from painmap.commands.language import figure_language, language_code

    language_code(args, "render")
    output_format(args.output)
    check_writable(args.output)
    refuse_own_inputs([args.output], [args.drawing] if args.drawing else [])
    doc = None
    if args.drawing:  # read once: the body it names picks the chart (unless --body says)
        from painmap.drawing_parse import read_document

        doc = read_document(args.drawing)
    atlas = _atlas(args, figure, doc)
    library = None
    if getattr(args, "library", None):  # --library DIR: learned patterns join the stored ones
        from painmap.library import library_for, missing_library_folders

        missing_library_folders(args.library)
        library = library_for(atlas, args.library)
        for problem in library.problems:
            sys.stderr.write(f"painmap: warning: pattern not loaded: {problem}\n")
    with figure_language(args, "render"):
        written = _draw(args, figure, atlas, library, dpi, doc)
    sys.stderr.write(f"painmap: wrote {written}\n")
    return 0


def _draw(args: argparse.Namespace, figure: str, atlas, library, dpi: int | None, doc=None):
    """The figure drawn and written; returns the path written."""
    from painmap.report import render_drawing_report, render_pattern_sheet

    if figure == "slide":
        from painmap.figures.page import PNG_DPI
        from painmap.figures.slide import render_pattern_slide

        written = render_pattern_slide(
            args.pattern, args.output, atlas=atlas, library=library, trigger_point=args.trigger_point,
            dpi=dpi or PNG_DPI,
        )  # fmt: skip
    elif args.pattern:
        written = render_pattern_sheet(
            args.pattern, args.output, atlas=atlas, paper=args.paper, trigger_point=args.trigger_point,
            library=library,
        )  # fmt: skip
    else:
        from painmap.commands.chart_choice import onto

        drawing = onto(doc, args.drawing, atlas)
        written = render_drawing_report(
            drawing, args.output, paper=args.paper, atlas=atlas, library=library, source=args.drawing
        )
    return written


def _atlas(args: argparse.Namespace, figure: str, doc=None):
    """The chart to draw on: --body / --chart, else chart 2 of the male body for a slide, else (a drawing's
    report) the drawing's own body, else the default. A drawing of another body is carried onto it."""
    from painmap.atlas import load_atlas

    body, chart = getattr(args, "body", None), getattr(args, "chart", None)
    if figure == "slide" and body is None and chart is None:
        return load_atlas(body="male", chart=2)
    if doc is not None and body is None:
        from painmap.commands.chart_choice import own_body

        body = own_body(doc)
    if body is None and chart is None:
        return load_atlas()
    return load_atlas(body=body or "male", chart=chart)
