"""`painmap aggregate PATHS... -o OUT.png [--csv OUT.csv [--deidentify]] [--pattern ID] [--strict] [--vmax PERCENT]
[--library DIR] [--scheduler local:N|tcp://HOST:PORT]`."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO


class ProgressBar:
    """A one-line progress bar on a terminal (nothing when the stream is not a TTY)."""

    def __init__(self, stream: TextIO, min_interval: float = 0.1) -> None:
        self.stream = stream
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self.start = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < self.min_interval:
            return
        self.last = now
        frac = done / total if total else 1.0
        width = 30
        filled = round(width * frac)
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} drawings  {rate:,.0f}/s  {elapsed:,.1f} s"
        )
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False


def add_options(parser: argparse.ArgumentParser) -> None:
    """Options of aggregate beyond the basic ones (registered by painmap.cli)."""
    parser.add_argument("--deidentify", action="store_true", help="CSV without meta and paths (rows numbered)")
    parser.add_argument(
        "--vmax", type=float, metavar="PERCENT", help="top of the colour scale (default: the cohort's maximum)"
    )
    parser.add_argument("--scheduler", metavar="local:N|tcp://HOST:PORT", help="run on a Dask cluster")
    parser.add_argument(
        "--body",
        choices=("male", "female"),
        help="count every drawing on this body's current chart (default male; drawings of the other body or "
        "another chart are carried onto it by the landmark warp)",
    )
    parser.add_argument(
        "--send-files", action="store_true", help="with --scheduler: send the files to workers that cannot read them"
    )
    parser.add_argument(
        "--choir", action="store_true", help="add a choir_keys column: the CHOIR body-map regions each drawing covers"
    )
    parser.add_argument(
        "--choir-map",
        choices=("male", "female"),
        help="with --choir: which CHOIR map (default: the one of the chart's body; both on the male chart 1)",
    )
    parser.add_argument("--group-by", metavar="META_KEY", help="compare groups of drawings by this meta key")
    parser.add_argument("--groups-csv", metavar="OUT.csv", help="with --group-by: the per-region table")
    parser.add_argument(
        "--region-share",
        type=float,
        default=0.05,
        metavar="SHARE",
        help="a drawing shades a region when it covers this share of it (default 0.05)",
    )


def run(args: argparse.Namespace) -> int:
    """Aggregate drawings into a frequency map (and CSV); bad files are skipped unless --strict."""
    from painmap.aggregate import AggregateError, aggregate, iter_drawing_paths, reason_text
    from painmap.atomic import refuse_own_inputs
    from painmap.figures.page import check_writable
    from painmap.report import output_format, render_frequency_map

    output_format(args.output)
    check_writable(args.output)  # fail before a long run, not after it
    from painmap.cohort_chart import target_atlas
    from painmap.library import library_for, missing_library_folders

    missing_library_folders(args.library)
    atlas = target_atlas(args.body)
    library = library_for(atlas, args.library)
    for problem in library.problems if args.library else ():
        sys.stderr.write(f"painmap: warning: pattern not loaded: {problem}\n")
    pattern = library.get(args.pattern) if args.pattern else None  # an unknown id fails before any work
    bar = ProgressBar(sys.stderr)

    def warn(path: str, reason: str) -> None:
        bar.clear()
        sys.stderr.write(f"painmap: warning: skipped {path}: {reason_text(path, reason)}\n")

    if args.vmax is not None and not 0 < args.vmax <= 100:
        raise AggregateError(f"--vmax must be a percentage in (0, 100], not {args.vmax:g}")
    if (args.deidentify or args.choir) and not args.csv:
        raise AggregateError("--deidentify and --choir go with --csv OUT.csv")
    if bool(args.group_by) != bool(args.groups_csv):
        raise AggregateError("--group-by META_KEY and --groups-csv OUT.csv go together")
    if args.group_by:
        from painmap.groups import GroupCounter, _stats

        _stats()  # scipy missing: one line before any work
        GroupCounter(args.group_by, args.region_share)  # a bad share: one line before any work
        if args.pattern:
            raise AggregateError("--pattern outlines the frequency map; with --group-by -o is the difference map")
    choir = None
    if args.choir:
        from painmap.chart_versions import chart_of
        from painmap.choir import choir_body

        choir = choir_body(args.choir_map, chart_of(atlas))  # a map not fitted onto the chart: one line, no work
    from painmap.cluster import executor_for

    tables = [t for t in (args.csv, args.groups_csv) if t]
    refuse_own_inputs(tables, [args.output])  # the map and the tables are separate files
    if args.csv and args.groups_csv:
        refuse_own_inputs([args.groups_csv], [args.csv])
    refuse_own_inputs([args.output, *tables], [path for path, _reason in iter_drawing_paths(args.paths)])
    try:
        with executor_for(args.scheduler) as executor:
            result = aggregate(
                args.paths,
                csv_path=args.csv,
                strict=args.strict,
                progress=bar,
                on_skip=warn,
                library_dirs=args.library or (),
                deidentify=args.deidentify,
                choir=choir,
                group_by=args.group_by,
                region_share=args.region_share,
                executor=executor,
                send_files=args.send_files,
                body=args.body,
            )
    finally:
        bar.clear()
    if result.n_drawings == 0:
        raise AggregateError(f"no drawing could be read ({result.n_skipped} skipped)")
    if args.group_by:
        written = _groups(result, args)
    else:
        written = render_frequency_map(result, args.output, pattern, atlas=atlas, vmax=args.vmax)
    skipped = f", {result.n_skipped} skipped" if result.n_skipped else ""
    outputs = ", ".join(str(p) for p in (written, args.csv, args.groups_csv) if p)
    sys.stderr.write(f"painmap: aggregated {result.n_drawings} drawings{skipped}; wrote {outputs}\n")
    return 0


def _groups(result, args: argparse.Namespace):
    """Write the per-region group table and the difference map of the two groups; returns the map's path."""
    from painmap.cohort_chart import target_atlas
    from painmap.figures.group_map import render_group_difference
    from painmap.groups import GroupError, write_groups_csv

    atlas = target_atlas(args.body)
    regions = list(dict.fromkeys(r.id for view in atlas.views.values() for r in view.regions))
    table = result.groups.table(regions)
    if len(table.groups) != 2:
        raise GroupError(
            f"--group-by {args.group_by}: the difference map needs two groups, found {len(table.groups)} "
            f"({', '.join(table.groups[:5])}); select two groups' files"
        )
    write_groups_csv(table, args.groups_csv)
    if table.n_missing:
        sys.stderr.write(f"painmap: warning: {table.n_missing} drawings have no meta {args.group_by!r}; left out\n")
    return render_group_difference(result, args.output, table.groups[0], table.groups[1], atlas=atlas)
