"""One process's aggregation work on N drawings of a cohort folder, for load-independent A/B counts.

    python benchmarks/aggregate_probe.py COHORT WHAT N [--src CHECKOUT]

WHAT is `parse` (read and parse each file as the aggregation does), `chunk` (the whole work of a worker: parse,
rasterize, score, rows, in chunks of 100) or `map` (the same without the scores). A warm-up chunk runs first.
Run it under `valgrind --tool=callgrind` with N and with 0: the difference of the instruction counts divided by N
is the cost of one drawing, unaffected by other jobs on the machine. `--src` runs another checkout's painmap (the
code before a change) in the same environment. `time.process_time` per drawing is printed too.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cohort", type=Path)
    parser.add_argument("what", choices=("parse", "chunk", "map"))
    parser.add_argument("n", type=int)
    parser.add_argument("--src", type=Path, help="a checkout whose painmap to run instead of the installed one")
    args = parser.parse_args()
    if args.src is not None:  # before any painmap import: that checkout's modules, not the editable install's
        sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
        sys.path.insert(0, str(args.src.resolve()))
    from painmap.aggregate_run import DrawingProcessor, run_chunk

    paths = sorted(args.cohort.rglob("*.painmap.json"))
    proc = DrawingProcessor(cached=True)
    run_chunk(paths[-100:], proc, False, True)  # warm-up on other files
    todo = paths[: args.n]
    start = time.process_time()
    if args.what == "parse":
        for path in todo:
            proc.load(path)
    else:
        for i in range(0, len(todo), 100):
            run_chunk(todo[i : i + 100], proc, False, args.what == "chunk")
    if todo:
        print(f"{1000 * (time.process_time() - start) / len(todo):.3f} ms CPU per drawing")


if __name__ == "__main__":
    main()
