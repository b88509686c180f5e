"""The engine cache file: the objects pickled, their arrays out of band and mapped copy-on-write when read."""

from __future__ import annotations

import mmap

import numpy as np
import pytest

from painmap import engine_cache
from painmap.raster import PainMasks


@pytest.fixture
def cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "painmap"


def _file(folder):
    (path,) = folder.glob("engine-*.pickle")
    return path


def _base(array):
    while isinstance(array, np.ndarray) and array.base is not None:
        array = array.base
    return array.obj if isinstance(array, memoryview) else array


def test_a_cached_engine_maps_its_arrays_and_compares_as_the_built_one(cache_home, monkeypatch):
    built = engine_cache.cached_comparator()
    monkeypatch.setattr(engine_cache, "comparator", lambda *a, **k: pytest.fail("rebuilt"))
    loaded = engine_cache.cached_comparator()
    view = loaded.atlas_masks.view("posterior")
    assert isinstance(_base(view.silhouette), mmap.mmap)  # not read into memory
    assert np.array_equal(view.silhouette, built.atlas_masks.view("posterior").silhouette)
    view.labels[0, 0] = view.labels[0, 0]  # copy-on-write: writable, the file stays as it was
    results = []
    for comp in (built, loaded):
        masks = PainMasks(comp.atlas)
        masks.segment("posterior", (520.0, 860.0), (560.0, 900.0), 15.0, 6)
        results.append(comp.compare(masks))
    a, b = results
    assert [(r.pattern, r.side, r.score) for r in a.results] == [(r.pattern, r.side, r.score) for r in b.results]


@pytest.mark.parametrize("damage", ["cut", "empty", "old pickle", "bad table"])
def test_a_damaged_or_older_cache_file_is_rebuilt(cache_home, damage):
    import pickle
    import struct

    engine_cache.cached_comparator()
    path = _file(cache_home)
    data = path.read_bytes()
    if damage == "cut":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = b""
    elif damage == "old pickle":  # the format before the arrays were kept out of band
        data = pickle.dumps(("an", "old", "state"))
    else:
        data = (
            data[: engine_cache._HEADER.size]
            + struct.pack("<2Q", len(data), 8)
            + data[engine_cache._HEADER.size + 16 :]
        )
    path.write_bytes(data)
    comp = engine_cache.cached_comparator()
    assert comp.compare(PainMasks(comp.atlas)).results
    assert path.stat().st_size > 1_000_000  # written again, whole
    assert engine_cache._load(path, comp.px_per_mm) is not None


def test_a_cached_engine_carries_a_chart_1_drawing_without_solving_a_warp(cache_home, monkeypatch, tmp_path):
    import json

    from painmap import chart_versions, warp, warp_solved
    from painmap.drawing import load_drawing

    path = tmp_path / "old.painmap.json"
    marks = [{"type": "stroke", "view": v, "radius": 12, "intensity": 6, "quality": "aching",
              "points": [[365, 800], [400, 760]]} for v in ("posterior", "lateral", "lateral-left")]  # fmt: skip
    path.write_text(json.dumps({"format": "painmap-drawing", "version": 1, "meta": {}, "marks": marks}))
    built = engine_cache.cached_comparator()
    expected = load_drawing(path, built.atlas)
    monkeypatch.setattr(warp_solved, "SOLVED", {})  # a new process: nothing solved yet
    monkeypatch.setattr(chart_versions, "_WARPS", {})
    monkeypatch.setattr(warp, "_solve", lambda *a: pytest.fail("a warp was solved"))
    loaded = engine_cache.cached_comparator()
    carried = load_drawing(path, loaded.atlas)
    assert carried.chart == loaded.atlas.chart != 1
    assert [m.points for m in carried.marks] == [m.points for m in expected.marks]
    assert [m.radius for m in carried.marks] == [m.radius for m in expected.marks]


def test_a_warp_with_other_control_points_is_solved_for_them():
    from painmap import warp

    square = [(0, 0), (10, 0), (0, 10), (10, 10)]
    a = warp.Warp(square, [(1, 1), (11, 1), (1, 11), (11, 11)])
    b = warp.Warp(square, [(0, 0), (20, 0), (0, 20), (20, 20)])
    assert np.allclose(a([(5, 5)]), [(6, 6)]) and np.allclose(b([(5, 5)]), [(10, 10)])
    assert np.allclose(warp.Warp(square, [(1, 1), (11, 1), (1, 11), (11, 11)])([(2, 3)]), [(3, 4)])


def test_a_cached_engine_loads_without_the_warp_code(cache_home):
    """A start restores the solved warps without importing painmap.warp (a current drawing needs none)."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from painmap import engine_cache, warp_solved\n"
        "engine_cache.cached_comparator()\n"
        "print(len(warp_solved.SOLVED), 'painmap.warp' in sys.modules, 'painmap.chart_versions' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    run = [sys.executable, "-c", code]
    subprocess.run(run, env=env, capture_output=True, text=True, check=True)  # builds the cache
    solved, warp_loaded, charts_loaded = subprocess.run(
        run, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(solved) > 0
    assert (warp_loaded, charts_loaded) == ("False", "False")
