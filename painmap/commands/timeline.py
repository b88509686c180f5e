"""`painmap timeline PATH... -o OUT.(pdf|png|svg) [--body male|female] [--lang CODE]`: one person's drawings over
time on one page.

The page shows the drawings on their own body's current chart when they all agree; drawings of two bodies are
carried onto one (the first drawing's, or `--body`'s) by the landmark warp, which one line on stderr says.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path
from typing import Any


def run(args: Namespace) -> int:
    """Read the drawings (bad ones skipped with a warning naming them), order them by date, draw the page."""
    from painmap.aggregate import iter_drawing_paths, reason_text
    from painmap.atomic import refuse_own_inputs
    from painmap.commands.chart_choice import onto
    from painmap.commands.language import figure_language, language_code
    from painmap.compare import cached_comparator
    from painmap.figures.page import check_writable, output_format
    from painmap.figures.timeline import render_timeline
    from painmap.timeline import TIMELINE_PX_PER_MM, load_timeline

    language_code(args, "timeline")
    output_format(args.output)
    check_writable(args.output)
    readable = [p for p, problem in iter_drawing_paths(args.paths) if problem is None]
    refuse_own_inputs([args.output], readable)
    skipped: list[str] = []

    def warn(path: str, reason: str) -> None:
        skipped.append(path)
        sys.stderr.write(f"painmap: warning: skipped {path}: {reason_text(path, reason)}\n")

    docs = _documents(readable)
    body = _body(args, docs)
    comparator = cached_comparator(TIMELINE_PX_PER_MM, body=None if body == "male" else body)

    def read(path: Path):
        doc = docs[path] if path in docs else _documents([path])[path]  # a file that came since the first pass
        if isinstance(doc, Exception):
            raise doc
        return onto(doc, path, comparator.atlas, note=False)

    entries = load_timeline(args.paths, comparator, on_skip=warn, read=read)
    with figure_language(args, "timeline"):
        written = render_timeline(entries, args.output, comparator.atlas)
    extra = f", {len(skipped)} skipped" if skipped else ""
    sys.stderr.write(f"painmap: timeline of {len(entries)} drawings{extra}; wrote {written}\n")
    return 0


def _documents(paths: list[Path]) -> dict[Path, Any]:
    """Each file's decoded document, read once (or the PainmapError reading it raised, reported when it is
    skipped)."""
    from painmap.drawing_parse import read_document
    from painmap.errors import PainmapError

    docs: dict[Path, Any] = {}
    for path in paths:
        try:
            docs[path] = read_document(path)
        except PainmapError as err:
            docs[path] = err
    return docs


def _body(args: Namespace, docs: dict[Path, Any]) -> str:
    """The body the page is drawn on: --body, else the drawings' own when they agree, else the first drawing's;
    one line on stderr says which drawings are carried onto it."""
    from painmap.cohort_chart import target_atlas
    from painmap.commands.chart_choice import chart_words, own_body

    bodies = {path: own_body(doc) for path, doc in docs.items() if not isinstance(doc, Exception)}
    first = next(iter(bodies.values()), "male")
    body = getattr(args, "body", None) or first
    others = [path for path, b in bodies.items() if b != body]
    if others:
        why = "--body" if getattr(args, "body", None) else "the first drawing's body"
        kinds = " and ".join(sorted({bodies[p] for p in others}))
        sys.stderr.write(
            f"painmap: note: {len(others)} of {len(bodies)} drawings are of the {kinds} body; all are shown on "
            f"{chart_words(target_atlas(body))} ({why}), those carried onto it by the landmark warp\n"
        )
    return body
