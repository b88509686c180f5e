"""tools/carry_patterns.py: the carried library written as pattern SVGs that load back on the target chart."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from chart_synthetic import chart_one, synthetic_chart

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import carry_patterns

from painmap.patterns import load_pattern, load_patterns


@pytest.fixture(scope="module")
def atlas():
    """Chart 1 of the male body (the chart the patterns are drawn on), whatever chart is the default."""
    return chart_one()


def test_carried_svgs_load_on_the_target_chart_and_equal_the_load_time_carry(tmp_path, atlas):
    chart2 = synthetic_chart(atlas)
    lines, problems = carry_patterns.carry_to(chart2, "male", 2, tmp_path)
    assert not problems, problems
    assert any(line.startswith("warp posterior: det J") and "FOLDS" not in line for line in lines)
    live = load_patterns(chart2)  # what painmap computes when it loads the library for that chart
    folders = sorted(p.name for p in tmp_path.iterdir())
    assert folders == sorted(live.patterns)
    authored = Path(__file__).resolve().parent.parent / "resources" / "patterns"
    for pid in folders:
        shutil.copy(authored / pid / "pattern.toml", tmp_path / pid / "pattern.toml")
        # the front view (drawn on the male chart 2) is not on this synthetic chart: its authored SVG goes beside
        # the carried ones, and the loader leaves it out as it does on any chart without that view
        for svg in (authored / pid).glob("*.svg"):
            if not (tmp_path / pid / svg.name).is_file():
                shutil.copy(svg, tmp_path / pid / svg.name)
        written = load_pattern(tmp_path / pid, chart2)
        for a, b in zip(written.zones, live.get(pid).zones, strict=True):
            assert a.id == b.id and np.abs(a.polygon - b.polygon).max() < 0.006
        assert [(t.id, t.x, t.y) for t in written.trigger_points] == [
            (t.id, t.x, t.y) for t in live.get(pid).trigger_points
        ]
