"""aggregate --group-by: per-region shares per group, the right test, FDR, the threshold, the difference map."""

from __future__ import annotations

import csv
from dataclasses import replace

import numpy as np
import pytest
import scipy.stats
from chart_helpers import from_chart_one
from cli_helpers import run_cli as _run

from painmap import geometry
from painmap.aggregate import aggregate
from painmap.drawing import Drawing, Fill, Stroke, save_drawing
from painmap.groups import GroupCounter, fdr, region_test


def _one_line_error(done):
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """Group a: 10 drawings fill the right buttock (2 also the sacrum); group b: 10 fill the sacrum; 1 has no group."""
    folder = tmp_path_factory.mktemp("groups")
    for i in range(10):
        marks = [Fill("posterior", "buttock-right", 5, "aching")] + (
            [Fill("posterior", "sacrum", 5, "aching")] if i < 2 else []
        )
        save_drawing(Drawing(marks=marks, meta={"arm": "a"}), folder / f"a{i}.painmap.json")
        save_drawing(
            Drawing(marks=[Fill("posterior", "sacrum", 5, "aching")], meta={"arm": "b"}), folder / f"b{i}.painmap.json"
        )
    save_drawing(Drawing(marks=[Fill("posterior", "sacrum", 5, "aching")], meta={}), folder / "nogroup.painmap.json")
    return folder


def test_counts_tests_and_fdr_are_exact(cohort, tmp_path):
    out, table = tmp_path / "diff.png", tmp_path / "groups.csv"
    done = _run("aggregate", cohort, "-o", out, "--group-by", "arm", "--groups-csv", table)
    assert done.returncode == 0, done.stderr
    assert "1 drawings have no meta 'arm'" in done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = {r["region"]: r for r in csv.DictReader(table.open(encoding="utf-8"))}
    butt, sacrum, knee = rows["buttock-right"], rows["sacrum"], rows["knee-left"]
    assert (butt["n_a"], butt["shaded_a"], butt["shaded_b"]) == ("10", "10", "0")
    assert (sacrum["shaded_a"], sacrum["shaded_b"], float(sacrum["difference_a_minus_b"])) == ("2", "10", -0.8)
    expected = scipy.stats.chi2_contingency([[10, 0], [0, 10]], correction=False).pvalue
    assert butt["test"] == "chi-square" and float(butt["p_value"]) == pytest.approx(expected, rel=1e-5)
    assert sacrum["test"] == "fisher"  # 8 drawings do not shade it: expected 4 per group, under 5
    assert float(sacrum["p_value"]) == pytest.approx(scipy.stats.fisher_exact([[2, 10], [8, 0]]).pvalue, rel=1e-5)
    assert knee["test"] == "none" and float(knee["p_value"]) == 1.0
    p = np.array([float(r["p_value"]) for r in rows.values()])
    q = np.array([float(r["q_value"]) for r in rows.values()])
    np.testing.assert_allclose(q, scipy.stats.false_discovery_control(p), rtol=1e-5)


def test_fisher_for_small_counts_and_chi_square_otherwise():
    assert region_test(np.array([3, 0]), [4, 4])[0] == "fisher"
    _, p = region_test(np.array([3, 0]), [4, 4])
    assert p == pytest.approx(scipy.stats.fisher_exact([[3, 0], [1, 4]]).pvalue)
    assert region_test(np.array([30, 10]), [40, 40])[0] == "chi-square"
    assert region_test(np.array([0, 0]), [5, 5]) == ("none", 1.0)
    assert region_test(np.array([5, 1, 9]), [10, 10, 10])[0] == "chi-square"  # more than two groups
    assert fdr(np.array([0.01, 0.04, 0.03])).tolist() == pytest.approx([0.03, 0.04, 0.04])


def test_region_share_is_the_threshold(tmp_path, atlas):
    folder = tmp_path / "d"
    folder.mkdir()
    # a small dab, ~1.2 % of the right buttock, on the chart's right buttock
    view = atlas.view("posterior")
    buttock = view.region("buttock-right")
    (dab,) = from_chart_one(Stroke("posterior", 8.0, 5, "aching", ((420.0, 870.0),)))
    dab = replace(dab, radius=float(np.sqrt(0.012 * geometry.area(buttock.polygon) / np.pi)))
    assert view.region_at(*dab.points[0]) is buttock
    for g in ("x", "y"):
        for i in range(3):
            marks = [dab] if g == "x" else [Fill("posterior", "sacrum", 5, "aching")]
            save_drawing(Drawing(marks=marks, meta={"g": g}), folder / f"{g}{i}.painmap.json")
    regions = [r.id for r in atlas.view("posterior").regions]
    strict = aggregate([folder], group_by="g", workers=1).groups.table(regions)
    loose = aggregate([folder], group_by="g", region_share=0.01, workers=1).groups.table(regions)
    k = regions.index("buttock-right")
    assert strict.shaded[k].tolist() == [0, 0] and loose.shaded[k].tolist() == [3, 0]


def test_group_maps_count_each_group(cohort, atlas):
    from painmap.figures.group_map import group_difference
    from painmap.raster import AtlasMasks

    result = aggregate([cohort], group_by="arm", workers=1)
    diff = group_difference(result, "a", "b", "posterior")
    masks = AtlasMasks(atlas, result.px_per_mm)
    butt, sacrum = masks.region_mask("posterior", "buttock-right"), masks.region_mask("posterior", "sacrum")
    assert np.allclose(diff[butt & ~sacrum], 100.0) and np.allclose(diff[sacrum & ~butt], 20.0 - 100.0)
    assert result.counts["posterior"][sacrum].max() == 13  # the ungrouped drawing is in the frequency map


def test_cli_checks(cohort, tmp_path):
    _one_line_error(_run("aggregate", cohort, "-o", tmp_path / "m.png", "--group-by", "arm"))
    _one_line_error(
        _run("aggregate", cohort, "-o", tmp_path / "m.png", "--group-by", "nothing", "--groups-csv", tmp_path / "g.csv")
    )
    _one_line_error(
        _run(
            "aggregate",
            cohort,
            "-o",
            tmp_path / "m.png",
            "--group-by",
            "arm",
            "--groups-csv",
            tmp_path / "g.csv",
            "--region-share",
            "0",
        )
    )
    with pytest.raises(Exception, match="two groups"):
        GroupCounter("k").table(["a"])
