"""`painmap timeline PATH... -o OUT.(pdf|png|svg) [--lang CODE]`: one person's drawings over time on one page."""

from __future__ import annotations

import sys
from argparse import Namespace


def run(args: Namespace) -> int:
    """Read the drawings (bad ones skipped with a warning naming them), order them by date, draw the page."""
    from painmap.aggregate import iter_drawing_paths, reason_text
    from painmap.atomic import refuse_own_inputs
    from painmap.commands.language import figure_language, language_code
    from painmap.compare import cached_comparator
    from painmap.figures.page import check_writable, output_format
    from painmap.figures.timeline import render_timeline
    from painmap.timeline import TIMELINE_PX_PER_MM, load_timeline

    language_code(args, "timeline")
    output_format(args.output)
    check_writable(args.output)
    refuse_own_inputs([args.output], [p for p, problem in iter_drawing_paths(args.paths) if problem is None])
    skipped: list[str] = []

    def warn(path: str, reason: str) -> None:
        skipped.append(path)
        sys.stderr.write(f"painmap: warning: skipped {path}: {reason_text(path, reason)}\n")

    comparator = cached_comparator(TIMELINE_PX_PER_MM)
    entries = load_timeline(args.paths, comparator, on_skip=warn)
    with figure_language(args, "timeline"):
        written = render_timeline(entries, args.output, comparator.atlas)
    extra = f", {len(skipped)} skipped" if skipped else ""
    sys.stderr.write(f"painmap: timeline of {len(entries)} drawings{extra}; wrote {written}\n")
    return 0
