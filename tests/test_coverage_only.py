"""The aggregation paints every mark at intensity 1 (a union per run): the same painted pixels and numbers."""

from __future__ import annotations

import numpy as np
import pytest

from painmap.aggregate_run import DrawingProcessor, coverage_only
from painmap.atlas import load_atlas
from painmap.compare import Comparator
from painmap.drawing import Drawing, Erase, Fill, Stroke, save_drawing
from painmap.raster import PainMasks

ATLAS = load_atlas()


def _drawing(seed: int) -> Drawing:
    rng = np.random.default_rng(seed)
    marks = []
    for _ in range(int(rng.integers(3, 25))):
        kind = rng.choice(["stroke", "stroke", "stroke", "erase", "fill"])
        view = str(rng.choice(["posterior", "lateral"]))
        centre = (rng.normal(400, 60), rng.normal(850, 90)) if view == "posterior" else (rng.normal(250, 40), 880)
        pts = tuple(map(tuple, np.round(centre + rng.normal(0, 12, (int(rng.integers(1, 9)), 2)).cumsum(0), 1)))
        radius = float(rng.uniform(3, 25))
        if kind == "stroke":
            marks.append(Stroke(view, radius, int(rng.integers(1, 11)), "aching", pts))
        elif kind == "erase":
            marks.append(Erase(view, radius, pts))
        else:
            region = str(rng.choice([r.id for r in ATLAS.views[view].regions]))
            marks.append(Fill(view, region, int(rng.integers(1, 11)), "dull"))
    return Drawing(marks=marks)


@pytest.fixture(scope="module")
def processor():
    return DrawingProcessor()


@pytest.mark.parametrize("seed", range(12))
def test_coverage_paints_the_same_pixels_and_gives_compares_numbers(seed, tmp_path, processor):
    drawing = _drawing(seed)
    full = PainMasks.from_drawing(drawing, ATLAS)
    cover = PainMasks.from_drawing(coverage_only(drawing), ATLAS)
    for view in ATLAS.views:
        assert np.array_equal(full.intensity(view) != 0, cover.intensity(view) != 0)
        assert full.area(view) == cover.area(view)
    path = tmp_path / "d.painmap.json"
    save_drawing(drawing, path)
    row = processor.process(path).row
    expected = Comparator(processor.atlas, processor.library).scores(full)
    assert row.extent_percent == expected.extent_percent
    assert row.scores == {pid: score for pid, _, score in expected.ranking}
    assert row.sides == {pid: side for pid, side, _ in expected.ranking}
