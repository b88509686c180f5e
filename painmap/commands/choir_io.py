"""`painmap import --choir KEYS -o OUT.painmap.json` and `painmap export --choir DRAWING [--share 0.5]`."""

from __future__ import annotations

import argparse
import sys


def add_parsers(sub, descriptions: dict[str, str]) -> None:
    """The two commands' options (registered by painmap.cli)."""
    p = sub.add_parser("import", description=descriptions["import"])
    p.add_argument("--choir", required=True, metavar="KEYS", help='CHOIR region keys as REDCap stores them, "b23,b24"')
    p.add_argument("-o", "--output", required=True, metavar="OUT.painmap.json", help="the drawing to write")
    p.add_argument(
        "--body", choices=("male", "female"), help="the body: its current chart and CHOIR map (default male)"
    )
    p.add_argument("--chart", type=int, metavar="N", help="the body's chart number (default its current chart)")
    p.add_argument("--intensity", type=int, default=5, metavar="1-10", help="pain intensity of the marks (default 5)")
    p.set_defaults(run=run_import)
    p = sub.add_parser("export", description=descriptions["export"])
    p.add_argument("--choir", required=True, metavar="DRAWING", help="a .painmap.json drawing")
    p.add_argument("--share", type=float, default=0.5, metavar="SHARE",
                   help="a region counts at this share of its mapped area (default 0.5)")  # fmt: skip
    p.add_argument(
        "--body",
        choices=("male", "female"),
        help="which CHOIR map where both are fitted (the male chart 1; default: the drawing's chart's body)",
    )
    p.set_defaults(run=run_export)


def run(args: argparse.Namespace) -> int:
    return int(args.run(args))


def run_import(args: argparse.Namespace) -> int:
    """Write a drawing covering the keys' mapped areas."""
    from painmap.choir import ChoirError, import_choir
    from painmap.drawing import save_drawing

    if not 1 <= args.intensity <= 10:
        raise ChoirError(f"--intensity must be 1 to 10, not {args.intensity}")
    if not str(args.output).endswith(".painmap.json"):
        raise ChoirError(f"{args.output}: the drawing's name must end with .painmap.json")
    atlas = None
    if args.chart is not None:
        from painmap.atlas import load_atlas

        atlas = load_atlas(body=args.body or "male", chart=args.chart)
    drawing = import_choir(args.choir, args.body, atlas, intensity=args.intensity)
    save_drawing(drawing, args.output, atlas)
    sys.stderr.write(f"painmap: wrote {args.output} ({drawing.meta['choir_keys']}, {len(drawing.marks)} strokes)\n")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Print the CHOIR keys the drawing covers, comma-separated as REDCap stores them."""
    from painmap.choir import check_share, export_choir

    check_share(args.share)
    sys.stdout.write(",".join(export_choir(args.choir, args.share, args.body)) + "\n")
    return 0
