"""Loading and validating the pattern library, uncached, against same-run baselines.

Baselines: reading every pattern.toml and SVG (tomllib + xml.etree, no checks), and additionally
flattening every zone's path data. The full load adds the checks (closed, not crossing itself, inside the
silhouette, references). Target: <= 150 ms for the whole library (30-90 ms measured on two busy cores);
the app pays it once at start-up and `load_patterns` caches it.
Run: `.venv/bin/python -m pytest benchmarks/bench_patterns.py`.
"""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET

import pytest

from painmap import svgpath
from painmap.atlas import load_atlas
from painmap.patterns import NS, _load_library, default_root

TARGET_S = 0.150


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.fixture(scope="module")
def root():
    return default_root()


def _read_files(root):
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        out.append(tomllib.loads((folder / "pattern.toml").read_text(encoding="utf-8")))
        out += [ET.parse(svg).getroot() for svg in sorted(folder.glob("*.svg"))]
    return out


def _read_and_flatten(root):
    count = 0
    for item in _read_files(root):
        if isinstance(item, dict):
            continue
        for el in item.iter(f"{{{svgpath.SVG_NS}}}path"):
            if el.get(f"{{{NS}}}kind"):
                count += len(svgpath.element_subpaths(el))
    return count


def test_baseline_read_files(benchmark, root):
    benchmark.group = "pattern library load"
    items = benchmark(_read_files, root)
    assert len(items) > 10


def test_baseline_read_and_flatten(benchmark, root):
    benchmark.group = "pattern library load"
    assert benchmark(_read_and_flatten, root) > 30


def test_load_and_validate_uncached(benchmark, atlas, root):
    benchmark.group = "pattern library load"
    library = benchmark(_load_library, atlas, root)
    assert not library.problems and len(library) >= 7
    assert benchmark.stats.stats.median <= TARGET_S, f"median {benchmark.stats.stats.median * 1e3:.1f} ms"
