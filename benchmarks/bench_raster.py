"""Rasterizing marks: painting one segment and one stroke, loading a big drawing, against same-run baselines.

Targets: appending a 50-point stroke <= 1 ms (default 1 px/mm); loading + rasterizing a 2,000-stroke drawing
<= 200 ms. The 4K paint benchmark (posterior grid 3,840 px tall) is for the app: one pointer-move segment
and its dirty rectangle. Baselines: a numpy disc stamp (assigning a precomputed disc into a box) at the
same resolution, and parsing the 2,000-stroke file with json alone.
Run: `.venv/bin/python -m pytest benchmarks/bench_raster.py`.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from painmap.atlas import load_atlas
from painmap.drawing import Stroke, load_drawing
from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks, Grid, PainMasks, polygon_crop

PX_4K = 3840 / 1800  # the posterior view 3,840 px tall
STROKE_TARGET_S = 0.001
LOAD_TARGET_S = 0.200


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def _stroke50() -> Stroke:
    t = np.linspace(0, 1, 50)
    pts = np.c_[380 + 90 * t, 800 + 60 * np.sin(4 * t)]  # ~3 mm apart over the right buttock
    return Stroke("posterior", 12.0, 6, "aching", tuple(map(tuple, pts.tolist())))


def _disc_stamp(px_per_mm: float, radius_mm: float = 12.0):
    r = radius_mm * px_per_mm
    n = math.ceil(r)
    yy, xx = np.mgrid[-n : n + 1, -n : n + 1]
    disc = xx * xx + yy * yy <= r * r
    arr = np.zeros((round(1800 * px_per_mm), round(640 * px_per_mm)), dtype=np.uint8)
    y, x = round(840 * px_per_mm), round(400 * px_per_mm)

    def stamp():
        arr[y - n : y + n + 1, x - n : x + n + 1][disc] = 6

    return stamp


def test_baseline_disc_stamp(benchmark):
    benchmark.group = "append a stroke (1 px/mm)"
    benchmark(_disc_stamp(DEFAULT_PX_PER_MM))


def test_append_50_point_stroke(benchmark, atlas):
    benchmark.group = "append a stroke (1 px/mm)"
    masks = PainMasks(atlas, DEFAULT_PX_PER_MM)
    stroke = _stroke50()
    masks.apply(stroke)  # the view's array and atlas masks exist, as while drawing
    rect = benchmark(masks.apply, stroke)
    assert not rect.empty and masks.area("posterior") > 0
    assert benchmark.stats.stats.median <= STROKE_TARGET_S


def test_baseline_disc_stamp_4k(benchmark):
    benchmark.group = "paint one segment (4K grid)"
    benchmark(_disc_stamp(PX_4K))


def test_segment_4k(benchmark, atlas):
    """One pointer move: a 3 mm segment of a 12 mm brush, and the dirty rectangle the canvas repaints."""
    benchmark.group = "paint one segment (4K grid)"
    masks = PainMasks(atlas, PX_4K)
    assert masks.grid("posterior").rows == 3840
    masks.segment("posterior", (400, 840), (403, 841), 12.0, 6)
    positions = [(400 + 60 * math.cos(k / 20), 840 + 60 * math.sin(k / 13)) for k in range(200)]
    state = {"k": 0}

    def move():
        k = state["k"] = (state["k"] + 1) % (len(positions) - 1)
        return masks.segment("posterior", positions[k], positions[k + 1], 12.0, 6)

    rect = benchmark(move)
    assert 0 < rect.width < 80 and 0 < rect.height < 80


def test_baseline_parse_json_2000(benchmark, drawing_files):
    benchmark.group = "load + rasterize 2,000 strokes"
    text = drawing_files[2000].read_text()
    doc = benchmark(json.loads, text)
    assert len(doc["marks"]) == 2000


def test_load_and_rasterize_2000(benchmark, atlas, drawing_files):
    benchmark.group = "load + rasterize 2,000 strokes"
    AtlasMasks(atlas, DEFAULT_PX_PER_MM).view("posterior")  # cached once per process, like the app

    def load():
        return PainMasks.from_drawing(load_drawing(drawing_files[2000], atlas), atlas, DEFAULT_PX_PER_MM)

    masks = benchmark(load)
    assert masks.views_used() == ["posterior"]
    assert benchmark.stats.stats.median <= LOAD_TARGET_S


def test_rasterize_2000(benchmark, atlas, drawing_files):
    """The rasterizing part alone (the drawing already parsed)."""
    benchmark.group = "load + rasterize 2,000 strokes"
    drawing = load_drawing(drawing_files[2000], atlas)
    AtlasMasks(atlas, DEFAULT_PX_PER_MM).view("posterior")
    masks = benchmark(PainMasks.from_drawing, drawing, atlas, DEFAULT_PX_PER_MM)
    assert masks.area("posterior") > 0


def test_atlas_masks_uncached(benchmark, atlas):
    """First use of a view at a resolution: silhouette, region labels, symmetry (paid once per process)."""
    benchmark.group = "atlas masks (first use)"

    def build():
        AtlasMasks._cache.clear()
        return AtlasMasks(atlas, DEFAULT_PX_PER_MM).view("posterior")

    vm = benchmark(build)
    assert vm.silhouette_area > 0


def _blob(n: int) -> np.ndarray:
    """An n-vertex outline the size of a referral zone (~180 x 300 mm) over the right buttock."""
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return np.c_[420 + 90 * np.cos(t) + 12 * np.sin(5 * t), 860 + 150 * np.sin(t)]


def test_baseline_polygon_mask_4_vertices(benchmark):
    """The floor: QPainter filling a 4-vertex box of the same size (image set-up and fill)."""
    benchmark.group = "polygon -> mask (200 vertices)"
    grid = Grid("posterior", 640.0, 1800.0, DEFAULT_PX_PER_MM)
    box = np.array([[318, 698], [522, 698], [522, 1022], [318, 1022]], dtype=float)
    benchmark(polygon_crop, grid, box)


def test_polygon_mask_200_vertices(benchmark):
    benchmark.group = "polygon -> mask (200 vertices)"
    grid = Grid("posterior", 640.0, 1800.0, DEFAULT_PX_PER_MM)
    _, mask = benchmark(polygon_crop, grid, _blob(200))
    assert 0.9 < np.count_nonzero(mask) / (np.pi * 90 * 150) < 1.1
