"""`painmap aggregate PATHS... -o OUT.png [--csv OUT.csv] [--pattern ID] [--strict]`."""

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


def run(args: argparse.Namespace) -> int:
    """Aggregate drawings into a frequency map (and CSV); bad files are skipped unless --strict."""
    from painmap.aggregate import AggregateError, aggregate, iter_drawing_paths, reason_text
    from painmap.atomic import refuse_own_inputs
    from painmap.figures.page import check_writable
    from painmap.report import output_format, render_frequency_map

    output_format(args.output)
    check_writable(args.output)  # fail before a long run, not after it
    if args.csv:
        refuse_own_inputs([args.csv], [args.output])  # the map and the table are two files
    refuse_own_inputs([args.output, args.csv], [path for path, _reason in iter_drawing_paths(args.paths)])
    pattern = None
    if args.pattern:
        from painmap.atlas import load_atlas
        from painmap.patterns import load_patterns

        pattern = load_patterns(load_atlas()).get(args.pattern)  # an unknown id fails before any work
    bar = ProgressBar(sys.stderr)

    def warn(path: str, reason: str) -> None:
        bar.clear()
        sys.stderr.write(f"painmap: warning: skipped {path}: {reason_text(path, reason)}\n")

    try:
        result = aggregate(args.paths, csv_path=args.csv, strict=args.strict, progress=bar, on_skip=warn)
    finally:
        bar.clear()
    if result.n_drawings == 0:
        raise AggregateError(f"no drawing could be read ({result.n_skipped} skipped)")
    written = render_frequency_map(result, args.output, pattern)
    skipped = f", {result.n_skipped} skipped" if result.n_skipped else ""
    outputs = f"{written}" + (f" and {args.csv}" if args.csv else "")
    sys.stderr.write(f"painmap: aggregated {result.n_drawings} drawings{skipped}; wrote {outputs}\n")
    return 0
