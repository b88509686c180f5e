"""`painmap render (DRAWING | --pattern ID) -o OUT.(png|pdf|svg) [--paper a4|letter]`."""

from __future__ import annotations

import argparse
import sys

from painmap.errors import PainmapError


def run(args: argparse.Namespace) -> int:
    """Render a drawing report or a pattern sheet; bad input raises PainmapError (exit 2 in cli.py)."""
    from painmap.figures.page import check_writable
    from painmap.report import output_format, render_drawing_report, render_pattern_sheet

    if bool(args.drawing) == bool(args.pattern):
        raise PainmapError("render: give either a DRAWING or --pattern ID (not both)")
    output_format(args.output)
    check_writable(args.output)
    if args.pattern:
        trigger_point = getattr(args, "trigger_point", None)  # `--trigger-point`, when the parser offers it
        written = render_pattern_sheet(args.pattern, args.output, paper=args.paper, trigger_point=trigger_point)
    else:
        written = render_drawing_report(args.drawing, args.output, paper=args.paper)
    sys.stderr.write(f"painmap: wrote {written}\n")
    return 0
