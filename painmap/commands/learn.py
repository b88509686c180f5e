"""`painmap learn PATH... --id ID --name NAME -o DIR [--essential 0.5] [--spillover 0.2] [--no-mirror]`."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub, description: str) -> None:
    """The command's options (registered by painmap.cli)."""
    p = sub.add_parser("learn", description=description)
    p.add_argument("paths", nargs="+", metavar="PATH", help="the group's drawing files, folders or globs")
    p.add_argument("--id", required=True, metavar="ID", help="the new pattern's id, e.g. low-back-group")
    p.add_argument("--name", required=True, metavar="NAME", help="its display name")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="a library folder (created; patterns add up)")
    p.add_argument(
        "--essential",
        type=float,
        default=0.5,
        metavar="SHARE",
        help="essential zones: shaded by at least this share of drawings (default 0.5)",
    )
    p.add_argument(
        "--spillover",
        type=float,
        default=0.2,
        metavar="SHARE",
        help="spillover zones: shaded by at least this share (default 0.2)",
    )
    p.add_argument("--no-mirror", action="store_true", help="keep one-sided left drawings as drawn")
    p.add_argument("--scheduler", metavar="local:N|tcp://HOST:PORT", help="run on a Dask cluster")
    p.add_argument(
        "--body",
        choices=("male", "female"),
        help="count every drawing on this body's current chart (default male; drawings of the other body or "
        "another chart are carried onto it by the landmark warp)",
    )


def run(args: argparse.Namespace) -> int:
    """Learn the pattern and write it into the library folder."""
    from painmap.cluster import executor_for
    from painmap.cohort_chart import target_atlas
    from painmap.learn import learn

    with executor_for(args.scheduler) as executor:
        done = learn(
            args.paths,
            args.id,
            args.name,
            args.output,
            essential=args.essential,
            spillover=args.spillover,
            mirror=not args.no_mirror,
            executor=executor,
            atlas=target_atlas(args.body),
        )
    kinds = [z.kind for z in done.zones]
    sys.stderr.write(
        f"painmap: learned {done.pattern.id} from {done.n_drawings} drawings ({done.n_mirrored} mirrored): "
        f"{kinds.count('essential')} essential and {kinds.count('spillover')} spillover zones; wrote {done.folder}\n"
    )
    return 0
