"""`painmap render (DRAWING | --pattern ID [--trigger-point TRP]) -o OUT.(png|pdf|svg) [--paper a4|letter]`."""

from __future__ import annotations

import argparse
import sys

from painmap.errors import PainmapError


def run(args: argparse.Namespace) -> int:
    """Render a drawing report or a pattern sheet; bad input raises PainmapError (exit 2 in cli.py)."""
    from painmap.atomic import refuse_own_inputs
    from painmap.figures.page import check_writable
    from painmap.report import output_format, render_drawing_report, render_pattern_sheet

    if bool(args.drawing) == bool(args.pattern):
        raise PainmapError("render: give either a DRAWING or --pattern ID (not both)")
    if args.trigger_point and not args.pattern:
        raise PainmapError("render: --trigger-point goes with --pattern ID")
    output_format(args.output)
    check_writable(args.output)
    refuse_own_inputs([args.output], [args.drawing] if args.drawing else [])
    library = None
    if getattr(args, "library", None):  # --library DIR: learned patterns join the stored ones
        from painmap.atlas import load_atlas
        from painmap.library import library_for, missing_library_folders

        missing_library_folders(args.library)
        library = library_for(load_atlas(), args.library)
        for problem in library.problems:
            sys.stderr.write(f"painmap: warning: pattern not loaded: {problem}\n")
    if args.pattern:
        written = render_pattern_sheet(
            args.pattern, args.output, paper=args.paper, trigger_point=args.trigger_point, library=library
        )
    else:
        written = render_drawing_report(args.drawing, args.output, paper=args.paper, library=library)
    sys.stderr.write(f"painmap: wrote {written}\n")
    return 0
