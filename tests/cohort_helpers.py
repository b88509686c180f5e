"""Synthetic labelled cohorts of real drawing files for learn / evaluate / aggregate tests (not real patients)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from chart_helpers import point_from_chart_one

from painmap import chart_versions as cv
from painmap.drawing import Drawing, Stroke, save_drawing
from painmap.drawing_model import current_chart

MIDLINE = cv.chart_record("male", current_chart("male")).views["posterior"].width / 2
# Three distinct places on the patient's right (posterior mm): low back beside the spine, buttock, back of thigh
# (read off chart 1, carried onto the current chart).
CENTRES = {
    label: point_from_chart_one("posterior", x, y)
    for label, (x, y) in {"lowback": (355.0, 770.0), "buttock": (420.0, 870.0), "thigh": (415.0, 1040.0)}.items()
}


def drawing_around(rng: np.random.Generator, label: str, i: int, jitter: float = 14.0) -> Drawing:
    """A few strokes around one place, on a random side; meta records subject and group."""
    cx, cy = CENTRES[label]
    right = rng.random() < 0.5
    marks = []
    for _ in range(int(rng.integers(2, 5))):
        steps = rng.normal(0, 8, size=(int(rng.integers(3, 7)), 2)).cumsum(axis=0)
        pts = np.c_[cx + rng.normal(0, jitter) + steps[:, 0], cy + rng.normal(0, jitter) + steps[:, 1]]
        if not right:
            pts[:, 0] = 2 * MIDLINE - pts[:, 0]
        points = tuple((float(x), float(y)) for x, y in pts.round(1))
        marks.append(
            Stroke("posterior", float(round(rng.uniform(10, 18), 1)), int(rng.integers(2, 9)), "aching", points)
        )
    meta = {"subject": f"s{i:04d}", "group": label, "site": "north" if i % 2 else "south"}
    return Drawing(marks=marks, meta=meta, created="2026-11-23T10:00:00Z")


def write_cohort(folder: Path, n_per_label: int, seed: int = 12, labels=tuple(CENTRES)) -> list[tuple[Path, str]]:
    """n_per_label drawings per label in `folder`; returns (path, label) in file order."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    rows = []
    i = 0
    for label in labels:
        for _ in range(n_per_label):
            path = folder / f"d{i:04d}.painmap.json"
            save_drawing(drawing_around(rng, label, i), path)
            rows.append((path, label))
            i += 1
    return rows


def write_labels(path: Path, rows, relative_to: Path | None = None) -> Path:
    """A path,label CSV (paths relative to `relative_to` when given)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "label"])
        for p, label in rows:
            writer.writerow([str(p.relative_to(relative_to)) if relative_to else str(p), label])
    return path
