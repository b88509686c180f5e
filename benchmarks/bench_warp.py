"""Carrying a large drawing (2,000 strokes of 50 points) onto another chart, against same-run baselines.

Baselines: parsing and validating the same drawing (what any load pays) and a plain numpy affine map of the
same points (the cheapest possible warp). Target: the landmark warp of the whole drawing in milliseconds,
well under the parse. Run: `.venv/bin/python -m pytest benchmarks/bench_warp.py`.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from chart_synthetic import synthetic_chart

from painmap import chart_versions as cv
from painmap.atlas import load_atlas
from painmap.drawing import Drawing, Stroke, dumps_drawing, parse_drawing

STROKES, POINTS = 2000, 50


@pytest.fixture(scope="module")
def drawing() -> Drawing:
    rng = random.Random(2026)
    marks = []
    for _ in range(STROKES):
        x, y = rng.uniform(200, 440), rng.uniform(600, 1000)
        points = []
        for _ in range(POINTS):
            x, y = x + rng.gauss(0, 3), y + rng.gauss(0, 3)
            points.append((round(x, 2), round(y, 2)))
        marks.append(Stroke("posterior", 12.0, rng.randint(1, 10), "aching", tuple(points)))
    return Drawing(marks=marks, chart=1)


@pytest.fixture(scope="module")
def charts():
    atlas = load_atlas()
    return cv.chart_record("male", 1), cv.record_from_atlas(synthetic_chart(atlas))


def test_baseline_parse_and_validate(benchmark, drawing):
    benchmark.group = "carry 2,000 strokes x 50 points"
    data = dumps_drawing(drawing)
    benchmark(parse_drawing, data)


def test_baseline_affine_map(benchmark, drawing):
    benchmark.group = "carry 2,000 strokes x 50 points"
    pts = np.array([p for m in drawing.marks for p in m.points])
    a = np.array([[1.05, 0.01], [-0.02, 0.97]])
    benchmark(lambda: pts @ a.T + [10.0, 20.0])


def test_warp_points_only(benchmark, drawing, charts):
    benchmark.group = "carry 2,000 strokes x 50 points"
    src, dst = charts
    warp = cv.view_warp(src, dst, "posterior")
    pts = np.array([p for m in drawing.marks for p in m.points])
    out = benchmark(warp, pts)
    assert out.shape == pts.shape


def test_carry_marks(benchmark, drawing, charts):
    benchmark.group = "carry 2,000 strokes x 50 points"
    src, dst = charts
    carried = benchmark(cv.carry_marks, drawing, src, dst)
    assert len(carried.marks) == STROKES and carried.chart == 2
