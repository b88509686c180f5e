"""Loading and saving a large drawing (2,000 strokes of 50 points), against same-run baselines.

Baselines: plain `json.loads` of the same bytes (what any JSON reader pays) and plain `json.dumps` + a
non-atomic write. Target: parse + validate <= 2x `json.loads` (well under 100 ms on a desktop); the numbers
go to docs/performance.md. Run: `.venv/bin/python -m pytest benchmarks/bench_drawing_io.py`.
"""

from __future__ import annotations

import json
import random

import pytest

from painmap.drawing import Drawing, drawing_from_dict, dumps_drawing, load_drawing, parse_drawing, save_drawing

STROKES, POINTS = 2000, 50


def _document(decimals: int | None) -> dict:
    """Strokes that wander over the posterior view; coordinates rounded to `decimals` (None: full precision)."""
    rng = random.Random(2026)
    marks = []
    for _ in range(STROKES):
        x, y = rng.uniform(200, 440), rng.uniform(600, 1000)
        points = []
        for _ in range(POINTS):
            x, y = x + rng.gauss(0, 3), y + rng.gauss(0, 3)
            points.append([x, y] if decimals is None else [round(x, decimals), round(y, decimals)])
        marks.append({"type": "stroke", "view": "posterior", "radius": 12.0, "intensity": rng.randint(1, 10),
                      "quality": "aching", "points": points})  # fmt: skip
    return {"format": "painmap-drawing", "version": 1, "created": "2026-11-23T10:00:00Z", "meta": {}, "marks": marks}


@pytest.fixture(scope="module", params=[2, None], ids=["0.01mm", "full-precision"])
def data(request) -> bytes:
    return dumps_drawing(drawing_from_dict(_document(request.param))).encode("utf-8")


def test_baseline_json_loads(benchmark, data):
    benchmark.group = f"load {len(data) / 1e6:.1f} MB"
    benchmark(json.loads, data)


def test_parse_and_validate(benchmark, data):
    benchmark.group = f"load {len(data) / 1e6:.1f} MB"
    drawing = benchmark(parse_drawing, data)
    assert len(drawing.marks) == STROKES and drawing.point_count() == STROKES * POINTS


def test_parse_and_validate_with_atlas(benchmark, data):
    from painmap.atlas import load_atlas

    benchmark.group = f"load {len(data) / 1e6:.1f} MB"
    drawing = benchmark(parse_drawing, data, "bench", load_atlas())
    assert len(drawing.marks) == STROKES


def test_load_from_file(benchmark, data, tmp_path):
    benchmark.group = f"load {len(data) / 1e6:.1f} MB"
    path = tmp_path / "big.painmap.json"
    path.write_bytes(data)
    assert len(benchmark(load_drawing, path).marks) == STROKES


@pytest.fixture(scope="module")
def drawing() -> Drawing:
    return drawing_from_dict(_document(2))


def test_baseline_json_dump_and_write(benchmark, drawing, tmp_path):
    benchmark.group = "save"
    path = tmp_path / "plain.json"
    document = {"marks": [{"points": [list(p) for p in m.points]} for m in drawing.marks]}

    def plain():
        path.write_text(json.dumps(document), encoding="utf-8")

    benchmark(plain)


def test_save_validated_atomic(benchmark, drawing, tmp_path):
    benchmark.group = "save"
    path = tmp_path / "big.painmap.json"
    benchmark(save_drawing, drawing, path)
    assert load_drawing(path) == drawing
