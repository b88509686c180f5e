"""`painmap evaluate`: leave-one-out is honest (shuffled labels at chance), exact, and accurate on real groups."""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_helpers import assert_one_line_error as _one_line_error
from cli_helpers import run_cli as _run
from cohort_helpers import write_cohort, write_labels

from painmap.cohort import read_all
from painmap.evaluate import evaluate, loo_scores, roc_auc
from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """150 drawings, 50 around each of three distinct places, with a labels CSV of relative paths."""
    root = tmp_path_factory.mktemp("cohort")
    rows = write_cohort(root / "drawings", 50)
    return root, rows, write_labels(root / "labels.csv", rows, root)


@pytest.fixture(scope="module")
def pixels(cohort, atlas):
    _, rows, _ = cohort
    return read_all([p for p, _ in rows], atlas)


def _accuracy(scores, truth, labels) -> float:
    predicted = [labels[k] for k in scores.argmax(axis=1)]
    return float(np.mean([t == p for t, p in zip(truth, predicted, strict=True)]))


def test_three_distinct_groups_are_classified_well(cohort):
    _, _, labels_csv = cohort
    ev = evaluate(labels_csv)
    assert ev.accuracy >= 0.9
    assert min(ev.auc().values()) >= 0.95
    assert ev.confusion().sum() == 150 and ev.confusion().trace() == round(ev.accuracy * 150)


def test_shuffled_labels_fall_to_chance_and_resubstitution_would_not(cohort, pixels):
    """Mean accuracy over 40 fixed random shufflings: leave-one-out at chance (1/3), while templates that include
    the held-out drawing (the leak leave-one-out avoids) score far above it. Deterministic (fixed seed); the
    margins are several standard errors wide (sd of one shuffle ~0.06, of the mean ~0.01)."""
    _, rows, _ = cohort
    truth = [label for _, label in rows]
    labels = sorted(set(truth))
    rng = np.random.default_rng(2026)
    honest, leaky = [], []
    for _ in range(40):
        shuffled = list(rng.permutation(truth))
        honest.append(_accuracy(loo_scores(pixels, shuffled, labels), shuffled, labels))
        leaky.append(_accuracy(loo_scores(pixels, shuffled, labels, holdout=False), shuffled, labels))
    assert abs(np.mean(honest) - 1 / 3) < 0.05
    assert np.mean(leaky) > 0.42


def test_leave_one_out_scores_equal_explicit_templates(pixels, cohort, atlas):
    """The count-sum shortcut equals building each template from the other drawings and taking Σmin / Σmax."""
    _, rows, _ = cohort
    subset = list(range(0, 150, 10))  # 15 drawings, 5 per label
    drawings = [pixels[i] for i in subset]
    truth = [rows[i][1] for i in subset]
    labels = sorted(set(truth))
    fast = loo_scores(drawings, truth, labels)
    shape = AtlasMasks(atlas, DEFAULT_PX_PER_MM).grid("posterior").shape
    dense = []
    for d in drawings:
        m = np.zeros(shape[0] * shape[1])
        m[d.views["posterior"]] = 1.0
        dense.append(m)
    for i in range(len(drawings)):
        for k, label in enumerate(labels):
            others = [dense[j] for j in range(len(drawings)) if j != i and truth[j] == label]
            template = np.mean(others, axis=0)
            expected = np.minimum(dense[i], template).sum() / np.maximum(dense[i], template).sum()
            assert fast[i, k] == pytest.approx(expected, rel=1e-12)


def test_roc_auc_known_values():
    assert roc_auc(np.array([0.1, 0.4, 0.35, 0.8]), np.array([False, False, True, True])) == 0.75
    assert roc_auc(np.array([1.0, 1.0, 1.0]), np.array([True, False, False])) == 0.5  # ties count half
    assert roc_auc(np.array([0.2, 0.9]), np.array([False, True])) == 1.0


def test_cli_text_json_and_roc(cohort, tmp_path):
    _, _, labels_csv = cohort
    text = _run("evaluate", labels_csv)
    assert text.returncode == 0, text.stderr
    assert "accuracy" in text.stdout and "confusion" in text.stdout and "buttock" in text.stdout
    done = _run("evaluate", labels_csv, "--format", "json", "-o", tmp_path / "roc.png")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"accuracy", "auc", "confusion"} <= set(data)
    assert set(data["auc"]) == {"buttock", "lowback", "thigh"}
    assert np.array(data["confusion"]["counts"]).sum() == 150
    assert (tmp_path / "roc.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_against_library_uses_pattern_ids(cohort, tmp_path):
    _, rows, _ = cohort
    relabelled = [(p, "gluteus-maximus" if label == "buttock" else "quadratus-lumborum") for p, label in rows[:100]]
    labels_csv = write_labels(tmp_path / "ids.csv", relabelled)
    done = _run("evaluate", labels_csv, "--against-library", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["method"] == "library" and set(data["auc"]) == {"gluteus-maximus", "quadratus-lumborum"}
    _one_line_error(_run("evaluate", cohort[2], "--against-library"))  # labels are not pattern ids


def test_bad_labels_files_are_one_line(tmp_path, cohort):
    _, rows, _ = cohort
    bad = tmp_path / "bad.csv"
    bad.write_text("file,group\na,b\n")
    _one_line_error(_run("evaluate", bad))
    _one_line_error(_run("evaluate", tmp_path / "missing.csv"))
    one = write_labels(tmp_path / "one.csv", [(p, "same") for p, _ in rows[:5]])
    _one_line_error(_run("evaluate", one))
    gone = write_labels(tmp_path / "gone.csv", [(tmp_path / "nope.painmap.json", "a"), (rows[0][0], "b")])
    _one_line_error(_run("evaluate", gone))
    _one_line_error(_run("evaluate", cohort[2], "-o", cohort[2]))  # never writes over its input
