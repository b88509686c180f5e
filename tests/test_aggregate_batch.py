"""The batched aggregation (painmap.aggregate_batch) gives exactly the per-drawing path's counts and rows."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from painmap.aggregate_batch import merged_runs
from painmap.aggregate_run import DrawingProcessor, run_chunk
from painmap.cohort_chart import target_atlas
from painmap.comparator_scores import best_sides, level_sum
from painmap.compare import compare_drawing
from painmap.drawing import Drawing, Erase, Fill, Stroke, save_drawing


class PerDrawing(DrawingProcessor):
    """The reference: every drawing painted on full-view arrays and scored on its own."""

    batch = None


@pytest.fixture(scope="module")
def processors():
    return DrawingProcessor(), PerDrawing()


def _same(result_a, result_b) -> None:
    counts_a, entries_a = result_a
    counts_b, entries_b = result_b
    assert entries_a == entries_b
    assert set(counts_a) == set(counts_b)
    for view, (r0, c0, arr) in counts_a.items():
        s0, d0, other = counts_b[view]
        assert (r0, c0, arr.dtype) == (s0, d0, other.dtype)
        assert np.array_equal(arr, other)


VIEWS = tuple(target_atlas().views)  # whatever chart is current
points = st.lists(
    st.tuples(st.floats(-40, 680, allow_nan=False), st.floats(-40, 1840, allow_nan=False)), min_size=1, max_size=6
)
stroke = st.builds(
    lambda view, radius, pts: Stroke(view, radius, 5, "aching", tuple((round(x, 1), round(y, 1)) for x, y in pts)),
    st.sampled_from(VIEWS),
    st.floats(1, 40),
    points,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(stroke, max_size=8), min_size=1, max_size=6), st.booleans())
def test_stroke_drawings_match_the_per_drawing_path(tmp_path_factory, processors, drawings, scores):
    """Random stroke-only drawings (off the grid, one-point strokes, empty drawings too) in one chunk."""
    folder = tmp_path_factory.mktemp("chunk")
    paths = []
    for i, marks in enumerate(drawings):
        path = folder / f"d{i}.painmap.json"
        save_drawing(Drawing(marks=marks, meta={"i": i}), path)
        paths.append(path)
    batched, single = processors
    _same(run_chunk(paths, batched, False, scores), run_chunk(paths, single, False, scores))


def test_a_mixed_chunk_matches_and_keeps_its_order(tmp_path, processors):
    """Stroke-only drawings, drawings with fills and erasers, and a bad file, in one chunk."""
    region = processors[0].atlas.view("posterior").regions[0].id
    s = Stroke("posterior", 14.0, 3, "aching", ((380.0, 820.0), (420.0, 860.0), (400.0, 900.0)))
    docs = [
        Drawing(marks=[s]),
        Drawing(marks=[s, Erase("posterior", 6.0, ((400.0, 850.0), (405.0, 860.0)))]),
        None,
        Drawing(marks=[Fill("posterior", region, 2, "aching"), s]),
        Drawing(marks=[]),
        Drawing(marks=[s, Stroke(VIEWS[-1], 10.0, 1, "burning", ((250.0, 880.0),))]),
    ]
    paths = []
    for i, doc in enumerate(docs):
        path = tmp_path / f"d{i}.painmap.json"
        if doc is None:
            path.write_text("{not json")
        else:
            save_drawing(doc, path)
        paths.append(path)
    batched, single = processors
    result = run_chunk(paths, batched, False, True)
    _same(result, run_chunk(paths, single, False, True))
    entries = result[1]
    assert isinstance(entries[2], tuple) and entries[2][0] == str(paths[2])
    assert [e.path for k, e in enumerate(entries) if k != 2] == [str(p) for k, p in enumerate(paths) if k != 2]
    one = compare_drawing(paths[5], atlas=batched.atlas)  # the CSV's numbers are compare's
    assert entries[5].scores == {r.pattern: r.score for r in one.results}
    assert entries[5].extent_percent == one.extent_percent


def test_merged_runs_are_the_union_per_owner():
    owner = np.array([1, 0, 0, 1, 0])
    start = np.array([5, 2, 4, 9, 10])
    end = np.array([9, 6, 5, 12, 11])
    got = merged_runs(owner, start, end, 20)
    assert [a.tolist() for a in got] == [[0, 0, 1], [2, 10, 5], [6, 11, 12]]


def test_score_arithmetic_is_the_same_for_one_drawing_or_many():
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 10**6, size=(50, 4))
    weights = np.array([0.0, 1.0, 0.75, 0.25])
    alone = np.array([level_sum(row, weights) for row in counts])
    assert np.array_equal(level_sum(counts, weights), alone)
    score = np.array([[0.5, 0.5, 0.5], [0.1, 0.2, 0.2]])
    dice = np.array([[0.3, 0.3, 0.3], [0.0, 0.1, 0.1]])
    area = np.array([[10, 12, 20], [5, 5, 5]])
    assert best_sides(score, dice, area).tolist() == [1, 1]  # ties: a single side, then the larger |P|


def test_a_worker_from_the_engine_cache_builds_nothing_and_gives_the_same_rows(monkeypatch, tmp_path, processors):
    from painmap.comparator import Comparator

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    DrawingProcessor(cached=True)  # the first one writes the cache file, score tables included
    monkeypatch.setattr(Comparator, "_build_score_table", lambda *a: pytest.fail("score table rebuilt"))
    worker = DrawingProcessor(cached=True)
    s = Stroke("posterior", 12.0, 4, "aching", ((390.0, 830.0), (430.0, 870.0)))
    paths = []
    for i, marks in enumerate([[s], [], [s, Stroke(VIEWS[-1], 9.0, 2, "aching", ((240.0, 900.0), (250.0, 930.0)))]]):
        paths.append(tmp_path / f"d{i}.painmap.json")
        save_drawing(Drawing(marks=marks), paths[-1])
    _same(run_chunk(paths, worker, False, True), run_chunk(paths, processors[1], False, True))
