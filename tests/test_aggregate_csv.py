"""The aggregate CSV on real drawings: one number per drawing (equal to compare's), --library, the colour scale."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error as _one_line_error
from cli_helpers import run_cli as _run
from cohort_helpers import write_cohort


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    root = tmp_path_factory.mktemp("cohort")
    write_cohort(root / "d", 4)
    return root / "d"


def test_csv_numbers_equal_compare_for_the_same_file(cohort, tmp_path):
    table = tmp_path / "rows.csv"
    done = _run("aggregate", cohort, "-o", tmp_path / "map.png", "--csv", table)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert len(rows) == 12
    for row in rows:
        compared = json.loads(_run("compare", row["path"], "--format", "json").stdout)
        assert float(row["extent_percent"]) == compared["extent_percent"]
        assert float(row["extent_posterior_percent"]) == compared["extent_by_view"]["posterior"]
        assert float(row["extent_lateral_right_percent"]) == compared["extent_by_view"]["lateral"]
        for result in compared["results"]:
            key = result["pattern"].replace("-", "_")
            assert float(row[f"score_{key}"]) == result["score"]
            assert row[f"side_{key}"] == result["side"]
        best = compared["results"][0]
        assert (row["best_pattern"], row["best_side"], float(row["best_score"])) == (
            best["pattern"],
            best["side"],
            best["score"],
        )
        assert row["meta.group"] in ("lowback", "buttock", "thigh") and row["meta.subject"].startswith("s")


def test_library_patterns_get_columns(cohort, tmp_path):
    lib = tmp_path / "lib"
    assert (
        _run("learn", cohort, "--id", "cohort-group", "--name", "Cohort", "-o", lib, "--essential", "0.3").returncode
        == 0
    )
    table = tmp_path / "rows.csv"
    done = _run("aggregate", cohort, "-o", tmp_path / "map.png", "--csv", table, "--library", lib)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert "score_cohort_group" in rows[0] and "side_cohort_group" in rows[0]
    assert max(float(r["score_cohort_group"]) for r in rows) > 0


def test_colour_scale_runs_to_the_cohort_maximum_unless_asked(cohort, atlas):
    from painmap.aggregate import aggregate
    from painmap.figures.frequency import build_frequency_map

    result = aggregate([cohort], workers=1)
    peak = result.max_percent()
    assert 0 < peak < 100
    for vmax, top, words in ((None, peak, "cohort's maximum"), (100.0, 100.0, "full scale")):
        figure = build_frequency_map(result, atlas, vmax=vmax)
        images = [im for ax in figure.axes for im in ax.get_images()]
        assert images and all(im.norm.vmax == pytest.approx(top) for im in images)
        labels = [ax.get_ylabel() for ax in figure.axes]
        assert any(words in label for label in labels), labels


def test_cli_checks(cohort, tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "a.json").write_text("{}")
    done = _run("aggregate", tmp_path / "plain", "-o", tmp_path / "map.png")
    _one_line_error(done)
    assert "only *.painmap.json" in done.stderr
    _one_line_error(_run("aggregate", cohort, "-o", tmp_path / "map.png", "--vmax", "0"))
    _one_line_error(_run("aggregate", cohort, "-o", tmp_path / "map.png", "--deidentify"))
    first = sorted(Path(cohort).glob("*.painmap.json"))[0]
    _one_line_error(_run("aggregate", first, "-o", tmp_path / "map.png", "--csv", first))  # never over an input
    out = tmp_path / "share.csv"
    done = _run("aggregate", cohort, "-o", tmp_path / "map.png", "--csv", out, "--deidentify", "--vmax", "100")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("row,status,extent_percent,") and "painmap.json" not in text and "s0001" not in text
