"""The editing model without widgets (painmap.document): press, drag and undo at 1, 2 and 4 px/mm; memory.

Same-run baselines, per resolution:
- `paint only`: the same disc or drag painted straight into PainMasks, with no undo atom: what the document
  adds for its history is the difference;
- `whole-view copy`: what a press cost when its undo patch was a copy of the whole view (0.1's session): at
  4 px/mm the posterior view is 2560 x 7200 px, an 18 MB copy per press.
Targets: a press costs no more on a bigger grid than the disc it paints (the undo atom saves the 32 px tiles under
each segment's box, never the view); RSS after 1,000 strokes <= 150 MiB; a 10,000-stroke soak grows < 30 MiB
and undoing it all is exact (no marks, every mask zero). The memory runs are fresh processes.
Run: `.venv/bin/python -m pytest benchmarks/bench_document.py --benchmark-only`
(add `--benchmark-timer=time.process_time` on a shared machine).
"""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
import textwrap

import pytest

from painmap.atlas import load_atlas
from painmap.document import DrawingDocument
from painmap.drawing import Stroke
from painmap.raster import DirtyRect, PainMasks

RESOLUTIONS = (1.0, 2.0, 4.0)
RADIUS = 10.0  # mm, for drags
PRESS_RADIUS_PX = 10.0
CENTRE = (400.0, 820.0)
RSS_TARGET_MIB = 150.0
GROWTH_TARGET_MIB = 30.0


def drag_points(k: int, n: int = 20) -> list[tuple[float, float]]:
    a = 2 * math.pi * ((k * 0.618) % 1.0)
    x0, y0 = CENTRE[0] + 100 * math.cos(a), CENTRE[1] + 80 * math.sin(a)
    return [(x0 + 4 * i * math.cos(a + i / 5), y0 + 4 * i * math.sin(a + i / 5)) for i in range(n)]


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.fixture(scope="module", params=RESOLUTIONS, ids=lambda p: f"{p:g}px")
def document(request, atlas):
    doc = DrawingDocument(atlas, request.param)
    doc.masks.atlas_masks.view("posterior")  # rasterize the chart once, outside the timings
    for k in range(30):  # some pain already on the view, as in use
        pts = drag_points(k)
        doc.begin_stroke("posterior", pts[0], RADIUS, 5)
        for p in pts[1:]:
            doc.extend_stroke(p)
        doc.end_stroke()
    return doc


def _press_radius(doc: DrawingDocument) -> float:
    """The press tests paint the same disc in pixels (10 px radius) at every resolution: only the view grows."""
    return PRESS_RADIUS_PX / doc.px_per_mm


def test_press(benchmark, document):
    benchmark.group = f"press {document.px_per_mm:g} px/mm (disc of 10 px radius)"
    radius = _press_radius(document)

    def undo_last():
        if document.history and document.history[-1].marks[0].points == (CENTRE,):
            document.undo()

    def press():
        document.begin_stroke("posterior", CENTRE, radius, 7)
        document.end_stroke()

    benchmark.pedantic(press, setup=undo_last, rounds=400, warmup_rounds=5)
    undo_last()


def test_press_paint_only(benchmark, document):
    benchmark.group = f"press {document.px_per_mm:g} px/mm (disc of 10 px radius)"
    benchmark(document.masks.segment, "posterior", CENTRE, CENTRE, _press_radius(document), 7)


def test_press_whole_view_copy(benchmark, document):
    benchmark.group = f"press {document.px_per_mm:g} px/mm (disc of 10 px radius)"
    masks = document.masks
    g = masks.grid("posterior")
    whole = DirtyRect("posterior", 0, 0, g.cols, g.rows, g.sx, g.sy)
    radius = _press_radius(document)

    def old_press():
        masks.take_patch(whole)
        masks.segment("posterior", CENTRE, CENTRE, radius, 7)

    benchmark(old_press)


def test_drag(benchmark, document):
    benchmark.group = f"drag of 20 points {document.px_per_mm:g} px/mm"
    pts = drag_points(7)

    def drag():
        document.begin_stroke("posterior", pts[0], RADIUS, 7)
        for p in pts[1:]:
            document.extend_stroke(p)
        document.end_stroke()
        document.undo()

    benchmark(drag)


def test_drag_paint_only(benchmark, document):
    benchmark.group = f"drag of 20 points {document.px_per_mm:g} px/mm"
    masks = document.masks
    pts = drag_points(7)

    def drag():
        for a, b in itertools.pairwise(pts):
            masks.segment("posterior", a, b, RADIUS, 7)

    benchmark(drag)


def test_undo_and_redo_of_a_drag(benchmark, document):
    benchmark.group = f"undo + redo of a drag {document.px_per_mm:g} px/mm"
    pts = drag_points(11)
    document.begin_stroke("posterior", pts[0], RADIUS, 7)
    for p in pts[1:]:
        document.extend_stroke(p)
    document.end_stroke()
    before = document.masks.intensity("posterior").copy()

    def undo_redo():
        document.undo()
        document.redo()

    benchmark(undo_redo)
    assert (document.masks.intensity("posterior") == before).all()
    document.undo()


def test_undo_redo_baseline_apply_the_mark(benchmark, document):
    benchmark.group = f"undo + redo of a drag {document.px_per_mm:g} px/mm"
    masks = PainMasks(document.atlas, document.px_per_mm)
    pts = drag_points(11)
    mark = Stroke("posterior", RADIUS, 7, "aching", tuple(pts))
    benchmark(masks.apply, mark)


MEMORY_SCRIPT = textwrap.dedent(
    """
    import json, math, sys
    import numpy as np

    def rss_mib():
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    from painmap.atlas import load_atlas
    from painmap.document import DrawingDocument

    atlas = load_atlas()
    doc = DrawingDocument(atlas, 1.0)
    n = int(sys.argv[1])
    rss_start = None
    for i in range(n):
        a = 2 * math.pi * ((i * 0.618) % 1.0)
        x0, y0 = 400 + 120 * math.cos(a), 820 + 90 * math.sin(a)
        doc.begin_stroke("posterior", (x0, y0), 12.0, 1 + i % 10)
        for k in range(1, 7):
            doc.extend_stroke((x0 + 9 * k * math.cos(a + k / 3), y0 + 9 * k * math.sin(a + k / 3)))
        doc.end_stroke()
        if i == 0:
            rss_start = rss_mib()
    rss_end = rss_mib()
    atoms = sum(step.atom.nbytes for step in doc.history)
    while doc.can_undo:
        doc.undo()
    exact = doc.drawing.marks == [] and doc.masks.empty and not doc.masks.intensity("posterior").any()
    print(json.dumps({"rss_start": rss_start, "rss_end": rss_end, "atoms_mib": atoms / 2**20, "exact": exact}))
    """
)


def _memory_run(n: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(n)], capture_output=True, text=True, check=True, timeout=900
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_rss_after_1000_strokes(benchmark):
    benchmark.group = "memory"
    result = benchmark.pedantic(_memory_run, args=(1000,), rounds=1, iterations=1)
    benchmark.extra_info.update(result)
    print(f"\n1,000 strokes: {result}")
    assert result["exact"]
    assert result["rss_end"] <= RSS_TARGET_MIB, result


def test_soak_10000_strokes_and_undo_all(benchmark):
    benchmark.group = "memory"
    result = benchmark.pedantic(_memory_run, args=(10_000,), rounds=1, iterations=1)
    benchmark.extra_info.update(result)
    print(f"\n10,000 strokes: {result}")
    assert result["exact"]
    assert result["rss_end"] - result["rss_start"] < GROWTH_TARGET_MIB, result
