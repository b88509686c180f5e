"""Leave-one-out evaluation of 1,000 labelled drawings (~20 strokes, 4 labels) against a same-run baseline of only
reading and parsing the files. Target: <= 30 s on two cores. `PAINMAP_BENCH_LABELLED` changes the cohort size."""

from __future__ import annotations

import csv
import json
import os

import numpy as np
import pytest

N = int(os.environ.get("PAINMAP_BENCH_LABELLED", "1000"))
TARGET_S = 30.0
CENTRES = {"lowback": (355, 770), "buttock": (420, 870), "thigh": (415, 1040), "hip": (230, 870)}


def _stroke(rng, label: str) -> dict:
    cx, cy = CENTRES[label]
    view = "lateral" if label == "hip" else "posterior"
    steps = rng.normal(0, 12, size=(int(rng.integers(4, 12)), 2)).cumsum(axis=0)
    points = np.round(np.c_[cx + rng.normal(0, 25) + steps[:, 0], cy + rng.normal(0, 30) + steps[:, 1]], 1)
    return {
        "type": "stroke",
        "view": view,
        "radius": float(round(rng.uniform(8, 20), 1)),
        "intensity": int(rng.integers(1, 11)),
        "quality": "aching",
        "points": points.tolist(),
    }


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    root = tmp_path_factory.mktemp("labelled")
    rng = np.random.default_rng(7)
    labels = list(CENTRES)
    rows = []
    for i in range(N):
        label = labels[i % len(labels)]
        doc = {
            "format": "painmap-drawing",
            "version": 1,
            "created": "2026-11-23T10:00:00Z",
            "meta": {"subject": f"s{i}"},
            "marks": [_stroke(rng, label) for _ in range(int(rng.integers(16, 25)))],
        }
        path = root / f"d{i:05d}.painmap.json"
        path.write_text(json.dumps(doc))
        rows.append((path.name, label))
    with (root / "labels.csv").open("w", newline="") as f:
        csv.writer(f).writerows([("path", "label"), *rows])
    return root


def _parse_all(root):
    from painmap.atlas import load_atlas
    from painmap.drawing import load_drawing

    atlas = load_atlas()
    return sum(len(load_drawing(p, atlas).marks) for p in sorted(root.glob("*.painmap.json")))


def test_baseline_parse_only(benchmark, labelled):
    """Baseline: read and parse every file, nothing else."""
    assert benchmark.pedantic(_parse_all, args=(labelled,), rounds=2, iterations=1) > N * 15


def test_evaluate_leave_one_out(benchmark, labelled):
    """Read, rasterize at 1 px/mm (mirroring one-sided drawings), leave-one-out templates, every metric."""
    from painmap.evaluate import evaluate

    ev = benchmark.pedantic(evaluate, args=(labelled / "labels.csv",), rounds=2, iterations=1)
    benchmark.extra_info["accuracy"] = round(ev.accuracy, 4)
    assert len(ev.truth) == N
    assert benchmark.stats.stats.median <= TARGET_S
