"""Mixed cohorts: drawings of either body and any chart are carried onto one chart before they are counted."""

from __future__ import annotations

import numpy as np
import pytest

from painmap.aggregate import aggregate
from painmap.atlas import load_atlas
from painmap.chart_versions import chart_of
from painmap.cohort_chart import load_onto, target_atlas
from painmap.drawing import Drawing, Stroke, save_drawing
from painmap.drawing_model import CURRENT_CHART
from painmap.errors import DrawingError

MALE = load_atlas(body="male", chart=CURRENT_CHART["male"])
FEMALE = load_atlas(body="female", chart=CURRENT_CHART["female"])
OTHER_MALE = load_atlas(body="male", chart=2 if CURRENT_CHART["male"] == 1 else 1)

# strokes along chains of bony landmarks, drawn on each chart at that chart's own landmarks
CHAINS = [
    ("posterior", [("psis", "right"), ("greater-trochanter", "right"), ("ischial-tuberosity", "right")]),
    ("posterior", [("l4-spinous-process", None), ("sacroiliac-joint", "left"), ("iliac-crest-summit", "left")]),
    ("lateral", [("iliac-crest-summit", "right"), ("greater-trochanter", "right"), ("lateral-femoral-condyle", None)]),
]


def landmark(atlas, view: str, key: str, side: str | None) -> np.ndarray:
    for mark in atlas.views[view].landmarks:
        if mark.id == key and (side is None or mark.side == side):
            return np.array([mark.x, mark.y])
    raise KeyError(key)


def chain_drawing(atlas, seed: int) -> Drawing:
    rng = np.random.default_rng(seed)
    marks = []
    for view, chain in CHAINS:
        if rng.random() < 0.3:
            continue
        pts = np.array([landmark(atlas, view, k, s) for k, s in chain])
        t = np.linspace(0, len(pts) - 1, 12)
        path = np.c_[np.interp(t, range(len(pts)), pts[:, 0]), np.interp(t, range(len(pts)), pts[:, 1])]
        marks.append(Stroke(view, float(rng.uniform(12, 22)), 5, "aching", tuple(map(tuple, np.round(path, 2)))))
    body, chart = chart_of(atlas)
    return Drawing(marks=marks, body=body, chart=chart)


def test_the_target_follows_the_current_charts():
    assert chart_of(target_atlas()) == ("male", CURRENT_CHART["male"])
    assert chart_of(target_atlas("female")) == ("female", CURRENT_CHART["female"])


@pytest.mark.parametrize(("source", "target"), [(FEMALE, MALE), (MALE, FEMALE), (OTHER_MALE, FEMALE)])
def test_a_drawing_over_the_right_psis_lands_over_the_targets_right_psis(source, target, tmp_path):
    psis = landmark(source, "posterior", "psis", "right")
    body, chart = chart_of(source)
    path = tmp_path / "d.painmap.json"
    drawing = Drawing(marks=[Stroke("posterior", 10.0, 5, "aching", (tuple(psis),))], body=body, chart=chart)
    save_drawing(drawing, path, source)
    carried = load_onto(path, target)
    assert (carried.body, carried.chart) == chart_of(target)
    moved = np.array(carried.marks[0].points[0])
    assert np.hypot(*(moved - landmark(target, "posterior", "psis", "right"))) <= 5.0
    assert landmark(target, "posterior", "psis", "right")[0] > target.views["posterior"].width / 2  # patient's right


def test_a_mixed_cohort_counts_like_the_same_cohort_on_one_chart(tmp_path):
    """12 drawings on the male chart vs the same drawings, every other one drawn on the female chart.

    Tolerance: a landmark warp puts a stroke's landmarks exactly in place but bends the path between them and
    scales the brush by the local size (the female chart is smaller), so the stroke's edges move by a few mm:
    along ~1,000 mm of edge per drawing that is a few % of ~2,000 painted px per stroke. We accept at most 12 %
    of the counts differing, a painted area overlapping at >= 0.9 (Jaccard), every pattern's score within 0.05
    (measured: <= 0.023) and the extent within 10 % (measured: <= 9 %); drawn without carrying, the
    female drawings would land ~190 mm off (the female posterior view is 1000 mm wide, the male chart 1 640 mm).
    The side view's counts differ more (measured 20 %, 11 % without the leg anchors): its chain runs straight from
    the trochanter to the knee on each chart, while the warp follows the thigh's outline, which the two bodies
    shape differently; the leg anchors halve the score error (0.026 against 0.053) and the extent's (7.6 % / 10 %).
    """
    one, mixed = tmp_path / "one", tmp_path / "mixed"
    one.mkdir()
    mixed.mkdir()
    for i in range(12):
        save_drawing(chain_drawing(MALE, i), one / f"d{i:02d}.painmap.json")
        save_drawing(chain_drawing(MALE if i % 2 else FEMALE, i), mixed / f"d{i:02d}.painmap.json")
    a = aggregate([one], workers=1, keep_rows=True)
    b = aggregate([mixed], workers=1, keep_rows=True)
    assert a.n_drawings == b.n_drawings == 12 and b.n_skipped == 0
    for view, tolerance in (("posterior", 0.12), ("lateral", 0.22)):
        ca, cb = a.counts[view], b.counts[view]
        either = (ca > 0) | (cb > 0)
        assert ca.sum() > 10_000
        assert np.abs(ca - cb).sum() <= tolerance * ca.sum(), view
        assert np.count_nonzero((ca > 0) & (cb > 0)) >= 0.9 * np.count_nonzero(either), view
    for ra, rb in zip(a.rows, b.rows, strict=True):
        worst = max(abs(rb.scores[k] - ra.scores[k]) for k in ra.scores)
        assert worst <= 0.05
        assert abs(rb.extent_percent - ra.extent_percent) <= 0.1 * ra.extent_percent + 0.2


def test_the_same_cohort_on_the_female_chart(tmp_path):
    for i in range(4):
        save_drawing(chain_drawing(MALE if i % 2 else FEMALE, i), tmp_path / f"d{i}.painmap.json")
    result = aggregate([tmp_path], workers=1, body="female")
    assert result.n_drawings == 4 and result.counts["posterior"].shape == (1670, 1000)


def test_a_view_the_target_lacks_is_refused_in_one_line(tmp_path, monkeypatch):
    from painmap import cohort_chart

    first = load_atlas(body="male", chart=1)  # the male chart without a front view
    path = tmp_path / "front.painmap.json"
    save_drawing(Drawing(marks=[Stroke("anterior", 10.0, 5, "dull", ((500.0, 900.0),))], body="female", chart=2), path)
    with pytest.raises(DrawingError, match="anterior view, which the male chart 1 lacks"):
        load_onto(path, first)
    monkeypatch.setattr(cohort_chart, "target_atlas", lambda body=None: first)  # a cohort onto that chart
    skipped = []
    result = aggregate([tmp_path], workers=1, on_skip=lambda p, reason: skipped.append(reason))
    assert result.n_skipped == 1 and len(skipped) == 1 and "lacks" in skipped[0] and "\n" not in skipped[0]


def test_the_commands_take_body(tmp_path):
    import contextlib
    import io

    from painmap.cli import main

    folder = tmp_path / "d"
    folder.mkdir()
    for i in range(4):
        save_drawing(chain_drawing(MALE if i % 2 else FEMALE, i), folder / f"d{i}.painmap.json")
    labels = tmp_path / "labels.csv"
    labels.write_text("path,label\n" + "".join(f"{folder / f'd{i}.painmap.json'},{'ab'[i % 2]}\n" for i in range(4)))
    runs = [
        ["aggregate", folder, "-o", tmp_path / "map.png", "--csv", tmp_path / "rows.csv", "--body", "female"],
        ["learn", folder, "--id", "mixed-group", "--name", "Mixed", "-o", tmp_path / "lib", "--body", "female"],
        ["evaluate", labels, "--format", "json", "--body", "male"],
    ]
    for args in runs:
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            assert main([str(a) for a in args]) == 0, err.getvalue()
    import csv

    rows = list(csv.DictReader((tmp_path / "rows.csv").open(encoding="utf-8")))
    assert [r["status"] for r in rows] == ["ok"] * 4 and "extent_anterior_percent" in rows[0]  # the female chart 2
