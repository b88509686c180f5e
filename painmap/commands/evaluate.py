"""`painmap evaluate LABELS.csv [--format text|json] [--against-library] [--library DIR] [-o ROC.png]`."""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np


def add_parser(sub, description: str) -> None:
    """The command's options (registered by painmap.cli)."""
    p = sub.add_parser("evaluate", description=description)
    p.add_argument("labels", metavar="LABELS.csv", help="a CSV with the columns path,label")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument(
        "--against-library",
        action="store_true",
        help="classify by the stored patterns (labels are pattern ids) instead of learned templates",
    )
    p.add_argument(
        "--library", action="append", metavar="DIR", help="with --against-library: add the patterns of a library folder"
    )
    p.add_argument("--no-mirror", action="store_true", help="keep one-sided left drawings as drawn")
    p.add_argument("-o", "--output", metavar="ROC.png", help="also draw the ROC curves (PNG, PDF or SVG)")
    p.add_argument("--scheduler", metavar="local:N|tcp://HOST:PORT", help="run on a Dask cluster")
    p.add_argument(
        "--body",
        choices=("male", "female"),
        help="count every drawing on this body's current chart (default male; drawings of the other body or "
        "another chart are carried onto it by the landmark warp)",
    )


def run(args: argparse.Namespace) -> int:
    """Evaluate and print the result; the ROC plot is written when asked for."""
    from painmap.cluster import executor_for
    from painmap.cohort_chart import target_atlas
    from painmap.evaluate import evaluate, read_labels, to_json
    from painmap.library import library_for, missing_library_folders

    if args.output:
        from painmap.atomic import refuse_own_inputs
        from painmap.figures.page import check_writable, output_format

        output_format(args.output)
        check_writable(args.output)
        refuse_own_inputs([args.output], [args.labels, *(p for p, _ in read_labels(args.labels))])
    missing_library_folders(args.library)
    atlas = target_atlas(args.body)
    library = library_for(atlas, args.library) if args.against_library else None
    for problem in library.problems if library is not None else ():
        sys.stderr.write(f"painmap: warning: pattern not loaded: {problem}\n")
    with executor_for(args.scheduler) as executor:
        ev = evaluate(
            args.labels,
            against_library=args.against_library,
            library=library,
            mirror=not args.no_mirror,
            atlas=atlas,
            executor=executor,
        )
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(ev), indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_text(ev))
    if args.output:
        from painmap.figures.roc import render_roc

        written = render_roc(ev, args.output)
        sys.stderr.write(f"painmap: wrote {written}\n")
    return 0


def format_text(ev) -> str:
    """Accuracy, a per-label table and the confusion matrix, readable in a terminal."""
    how = (
        "leave-one-out: each drawing against templates learned from the other drawings (Ružička similarity)"
        if ev.method == "leave-one-out"
        else "against the stored patterns (painmap compare's score); nothing learned"
    )
    n = len(ev.truth)
    chance = max(ev.truth.count(label) for label in ev.labels) / n
    lines = [f"{n} labelled drawings, {len(ev.labels)} labels; {how}", ""]
    lines.append(f"accuracy {ev.accuracy:.1%} (always guessing the largest label: {chance:.1%})")
    lines.append("")
    sens, spec, auc = ev.sensitivity(), ev.specificity(), ev.auc()
    width = max(5, *(len(label) for label in ev.labels))
    lines.append(f"{'LABEL':<{width}}  {'N':>5}  SENSITIVITY  SPECIFICITY    AUC")
    for label in ev.labels:
        a = "  n/a" if np.isnan(auc[label]) else f"{auc[label]:.3f}"
        lines.append(
            f"{label:<{width}}  {ev.truth.count(label):>5}  {sens[label]:>11.1%}  {spec[label]:>11.1%}  {a:>5}"
        )
    lines.append("")
    lines.append("confusion (rows: true label, columns: predicted)")
    conf = ev.confusion()
    cell = max(5, *(len(label) for label in ev.labels), len(str(conf.max())))
    lines.append(" " * width + "  " + "  ".join(f"{label:>{cell}}" for label in ev.labels))
    for label, row in zip(ev.labels, conf, strict=True):
        lines.append(f"{label:<{width}}  " + "  ".join(f"{int(c):>{cell}}" for c in row))
    return "\n".join(lines) + "\n"
