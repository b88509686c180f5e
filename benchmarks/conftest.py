"""Benchmark set-up: collect `bench_*.py`, run Qt offscreen, keep settings and caches out of the user's home.

Run all: `.venv/bin/python -m pytest benchmarks --benchmark-only` (or `./dev bench`); one file by its path.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest


def pytest_collect_file(file_path, parent):
    """Benchmark files are named bench_*.py; files named on the command line are collected by pytest itself."""
    if file_path.suffix == ".py" and file_path.name.startswith("bench_") and not parent.session.isinitpath(file_path):
        return pytest.Module.from_parent(parent, path=file_path)
    return None


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Settings, autosaves and caches of benchmarks go to a temporary home."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    return home


def hand_strokes(n: int, seed: int = 2026, view: str = "posterior") -> list[dict]:
    """`n` stroke marks like a person's: 5-15 points ~5 mm apart over the lower back and buttocks."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centre = (400.0, 840.0) if view == "posterior" else (250.0, 880.0)
    marks = []
    for _ in range(n):
        start = rng.normal(centre, (45, 60))
        steps = rng.normal(0, 5, size=(int(rng.integers(5, 16)), 2)).cumsum(axis=0)
        marks.append(
            {
                "type": "stroke",
                "view": view,
                "radius": float(round(rng.uniform(8, 20), 1)),
                "intensity": int(rng.integers(1, 11)),
                "quality": "aching",
                "points": np.round(start + steps, 2).tolist(),
            }
        )
    return marks


def drawing_document(marks: list[dict]) -> dict:
    return {"format": "painmap-drawing", "version": 1, "created": "2026-11-25T12:00:00Z", "meta": {}, "marks": marks}


@pytest.fixture(scope="session")
def drawing_files(tmp_path_factory):
    """Drawing files of 20 and 2,000 strokes: {n_strokes: path}."""
    import json

    folder = tmp_path_factory.mktemp("drawings")
    paths = {}
    for n in (20, 2000):
        path = folder / f"strokes{n}.painmap.json"
        path.write_text(json.dumps(drawing_document(hand_strokes(n))))
        paths[n] = path
    return paths


@pytest.fixture(scope="session")
def current_chart_files(drawing_files, tmp_path_factory):
    """The same drawings saved on the current male chart, as the app writes them today (format 2, body and
    chart): the chart-1 files carried onto the current chart by the landmark warp, then saved. {n_strokes: path}"""
    from painmap.atlas import load_atlas
    from painmap.drawing import load_drawing
    from painmap.drawing_save import save_drawing

    atlas = load_atlas()
    folder = tmp_path_factory.mktemp("current-chart")
    paths = {}
    for n, old in drawing_files.items():
        paths[n] = folder / old.name
        save_drawing(load_drawing(old, atlas), paths[n], atlas)
    return paths
