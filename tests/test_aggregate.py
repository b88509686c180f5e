"""The streaming aggregation on synthetic drawings: exact counts, CSV, bad files, cancel (no atlas needed)."""

from __future__ import annotations

import csv
import json
import threading
from pathlib import Path

import numpy as np
import pytest

from painmap.aggregate import (
    Aggregate,
    AggregateError,
    DrawingRow,
    Processed,
    aggregate,
    crop_painted,
    csv_header,
    iter_drawing_paths,
)
from painmap.errors import DrawingError

VIEWS = ("posterior", "lateral")
PATTERNS = ("gluteus-medius", "piriformis")
SHAPES = {"posterior": (6, 4), "lateral": (6, 3)}


class BoxProcessor:
    """Synthetic drawings: JSON {"posterior": [[r0, r1, c0, c1], ...], ...}; "bad" anywhere makes it bad."""

    px_per_mm = 1.0
    view_ids = VIEWS
    pattern_ids = PATTERNS

    def view_shape(self, view_id: str) -> tuple[int, int]:
        return SHAPES[view_id]

    def process(self, path: Path, scores: bool = True) -> Processed:
        data = json.loads(path.read_text())
        if "bad" in data:
            raise DrawingError("not a drawing", path=str(path))
        meta = data.pop("meta", {})
        masks = {}
        for view, boxes in data.items():
            mask = np.zeros(SHAPES[view], dtype=bool)
            for r0, r1, c0, c1 in boxes:
                mask[r0:r1, c0:c1] = True
            masks[view] = mask
        extent = {v: 100.0 * np.count_nonzero(m) / m.size for v, m in masks.items()}
        total = sum(np.count_nonzero(m) for m in masks.values())
        area = sum(m.size for m in masks.values()) or 1
        score = min(1.0, total / 10)
        row = DrawingRow(
            path=str(path),
            extent_percent=100.0 * total / area,
            extent_by_view=extent,
            best_pattern="gluteus-medius" if score else "",
            best_side="right" if score else "",
            best_score=score,
            scores={"gluteus-medius": score, "piriformis": score / 2},
            views_used=tuple(v for v, m in masks.items() if m.any()),
            sides={"gluteus-medius": "right", "piriformis": "left"},
            meta=meta,
        )
        patches = {v: patch for v, m in masks.items() if (patch := crop_painted(m)) is not None}
        return Processed(masks=patches, row=row)


def _write(folder: Path, name: str, data: dict) -> Path:
    path = folder / f"{name}.painmap.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return path


@pytest.fixture
def cohort(tmp_path):
    """Three drawings with known overlaps, one in a sub-folder."""
    _write(tmp_path, "a", {"posterior": [[0, 2, 0, 2]]})
    _write(tmp_path, "b", {"posterior": [[1, 3, 1, 3]], "lateral": [[0, 1, 0, 3]]})
    _write(tmp_path / "sub", "c", {"posterior": [[0, 6, 0, 1]]})
    return tmp_path


def test_counts_are_exact(cohort):
    result = aggregate([cohort], processor=BoxProcessor())
    expected = np.zeros(SHAPES["posterior"], dtype=np.int32)
    expected[0:2, 0:2] += 1
    expected[1:3, 1:3] += 1
    expected[0:6, 0:1] += 1
    assert result.n_drawings == 3
    assert result.counts["posterior"].dtype == np.int32
    np.testing.assert_array_equal(result.counts["posterior"], expected)
    assert result.counts["lateral"].sum() == 3
    assert result.n_by_view == {"posterior": 3, "lateral": 1}
    assert result.views_used() == ["posterior", "lateral"]
    assert result.percent("posterior")[5, 0] == pytest.approx(100.0 / 3, rel=1e-5)
    assert result.percent("posterior")[0, 0] == pytest.approx(200.0 / 3, rel=1e-5)


def test_chunking_does_not_change_counts(cohort):
    one = aggregate([cohort], processor=BoxProcessor(), chunk=1)
    many = aggregate([cohort], processor=BoxProcessor(), chunk=100)
    for view in VIEWS:
        np.testing.assert_array_equal(one.counts[view], many.counts[view])


def test_csv_columns_and_rows_are_exact(cohort, tmp_path):
    out = tmp_path / "out.csv"
    aggregate([cohort], processor=BoxProcessor(), csv_path=out)
    text = out.read_text(encoding="utf-8")
    assert "\r" not in text
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == [
        "path", "status", "extent_percent", "extent_posterior_percent", "extent_lateral_right_percent",
        "best_pattern", "best_side", "best_score", "score_gluteus_medius", "score_piriformis",
        "side_gluteus_medius", "side_piriformis",
    ]  # fmt: skip
    assert rows[0] == csv_header(VIEWS, PATTERNS)
    assert [Path(r[0]).name for r in rows[1:]] == ["a.painmap.json", "b.painmap.json", "c.painmap.json"]
    a, b = rows[1], rows[2]
    assert a[1:] == [
        "ok", "16.666667", "16.666667", "0.000000", "gluteus-medius", "right", "0.400000", "0.400000", "0.200000",
        "right", "left",
    ]  # fmt: skip
    assert b[3:5] == ["16.666667", "16.666667"]
    for row in rows[1:]:
        assert len(row) == len(rows[0])
        for cell in row[2:5] + row[7:10]:
            float(cell)  # plain '.' decimals


def _meta_cohort(folder: Path) -> None:
    _write(folder, "a", {"posterior": [[0, 2, 0, 2]], "meta": {"subject": "s1", "study": "x", "age": 41}})
    _write(folder, "b", {"posterior": [[1, 3, 1, 3]], "meta": {"subject": "s2", "visit date": "2026-01-02"}})
    _write(folder, "c", {"posterior": [[0, 6, 0, 1]]})
    _write(folder, "d", {"bad": 1})


def test_meta_columns_are_sorted_and_the_same_in_every_run(tmp_path):
    _meta_cohort(tmp_path / "c")
    out1, out2 = tmp_path / "one.csv", tmp_path / "two.csv"
    aggregate([tmp_path / "c"], processor=BoxProcessor(), csv_path=out1)
    files = sorted((tmp_path / "c").glob("*.painmap.json"), reverse=True)
    aggregate(files, processor=BoxProcessor(), csv_path=out2)
    one = list(csv.DictReader(out1.open(encoding="utf-8")))
    two = list(csv.reader(out2.open(encoding="utf-8")))
    header = list(one[0])
    assert header[:6] == ["path", "status", "meta.age", "meta.study", "meta.subject", "meta.visit_date"]
    assert two[0] == header  # same columns whatever the order of the files
    by_name = {Path(r["path"]).name: r for r in one}
    assert by_name["a.painmap.json"]["meta.age"] == "41" and by_name["a.painmap.json"]["meta.visit_date"] == ""
    assert by_name["b.painmap.json"]["meta.visit_date"] == "2026-01-02"
    assert by_name["c.painmap.json"]["status"] == "ok" and by_name["c.painmap.json"]["meta.subject"] == ""
    bad = by_name["d.painmap.json"]
    assert bad["status"] == "not a drawing"  # the reason, without the path repeated
    assert bad["extent_percent"] == "" and bad["score_piriformis"] == ""  # NA for pandas and R
    assert [Path(r["path"]).name for r in one] == [
        "a.painmap.json",
        "b.painmap.json",
        "c.painmap.json",
        "d.painmap.json",
    ]


def test_deidentify_leaves_out_meta_and_paths(tmp_path):
    _meta_cohort(tmp_path / "c")
    out = tmp_path / "share.csv"
    aggregate([tmp_path / "c"], processor=BoxProcessor(), csv_path=out, deidentify=True)
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0])[:3] == ["row", "status", "extent_percent"]
    assert [r["row"] for r in rows] == ["1", "2", "3", "4"]
    assert "s1" not in text and "painmap.json" not in text and str(tmp_path) not in text


def test_a_folder_of_other_json_files_says_what_is_read(tmp_path):
    (tmp_path / "a.json").write_text("{}")
    with pytest.raises(AggregateError, match=r"only \*\.painmap\.json"):
        aggregate([tmp_path], processor=BoxProcessor())


def test_csv_order_follows_arguments_and_skips_duplicates(tmp_path):
    z = _write(tmp_path, "z", {"posterior": [[0, 1, 0, 1]]})
    a = _write(tmp_path, "a", {"posterior": [[0, 1, 0, 1]]})
    result = aggregate([z, a, z, tmp_path], processor=BoxProcessor(), keep_rows=True)
    assert [Path(r.path).name for r in result.rows] == ["z.painmap.json", "a.painmap.json"]
    assert result.n_drawings == 2


def test_glob_paths(cohort):
    paths = [p for p, reason in iter_drawing_paths([str(cohort / "**" / "*.painmap.json")]) if reason is None]
    assert sorted(p.name for p in paths) == ["a.painmap.json", "b.painmap.json", "c.painmap.json"]
    [(_path, reason)] = list(iter_drawing_paths([str(cohort / "nothing*.json")]))
    assert reason == "no file matches this pattern"


def test_bad_file_is_skipped_reported_and_gets_a_row(cohort, tmp_path):
    bad = _write(cohort, "broken", {"bad": 1})
    seen = []
    out = tmp_path / "rows.csv"
    result = aggregate([cohort], processor=BoxProcessor(), on_skip=lambda p, r: seen.append((p, r)), csv_path=out)
    assert result.n_drawings == 3
    assert result.n_skipped == 1
    assert seen == [(str(bad), f"{bad}: not a drawing")]
    assert result.skipped == seen
    assert len(out.read_text().splitlines()) == 1 + 4


def test_missing_path_is_skipped_unless_strict(cohort, tmp_path):
    missing = tmp_path / "nope.painmap.json"
    result = aggregate([cohort, missing], processor=BoxProcessor())
    assert result.n_skipped == 1 and result.skipped[0] == (str(missing), "no such file or folder")
    with pytest.raises(AggregateError, match=r"nope\.painmap\.json: no such file"):
        aggregate([cohort, missing], processor=BoxProcessor(), strict=True)


def test_strict_stops_at_a_bad_file_and_writes_no_csv(cohort, tmp_path):
    _write(cohort, "broken", {"bad": 1})
    out = tmp_path / "rows.csv"
    with pytest.raises(AggregateError, match=r"broken\.painmap\.json"):
        aggregate([cohort], processor=BoxProcessor(), strict=True, csv_path=out)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rows")] == []


def test_nothing_to_aggregate(tmp_path):
    with pytest.raises(AggregateError, match="no drawings"):
        aggregate([tmp_path], processor=BoxProcessor())


def test_progress_and_cancel(tmp_path):
    for i in range(10):
        _write(tmp_path, f"d{i:02}", {"posterior": [[0, 1, 0, 1]]})
    calls = []
    stop = threading.Event()

    def progress(done, total):
        calls.append((done, total))
        if done >= 4:
            stop.set()

    out = tmp_path / "rows.csv"
    result = aggregate([tmp_path], processor=BoxProcessor(), chunk=2, progress=progress, cancel=stop, csv_path=out)
    assert result.cancelled
    assert calls == [(2, 10), (4, 10)]
    assert result.n_drawings == 4
    assert result.counts["posterior"][0, 0] == 4
    assert not out.exists()  # no partial CSV after a cancel


def test_progress_reaches_total(cohort):
    calls = []
    aggregate([cohort], processor=BoxProcessor(), chunk=2, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (3, 3)


def test_percent_of_empty_aggregate_is_zero():
    empty = Aggregate(counts={"posterior": np.zeros((2, 2), dtype=np.int32)}, px_per_mm=1.0)
    assert not empty.percent("posterior").any()


def test_crop_painted():
    arr = np.zeros((5, 6), np.uint8)
    assert crop_painted(arr) is None
    arr[1, 2] = 3
    arr[3, 4] = 1
    r0, c0, patch = crop_painted(arr)
    assert (r0, c0) == (1, 2)
    np.testing.assert_array_equal(patch, arr[1:4, 2:5] != 0)


class _Tty:
    def __init__(self, tty: bool) -> None:
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def test_progress_bar_only_on_a_terminal():
    from painmap.commands.aggregate import ProgressBar

    quiet = _Tty(False)
    bar = ProgressBar(quiet)
    bar(5, 10)
    bar.clear()
    assert quiet.text == ""
    tty = _Tty(True)
    bar = ProgressBar(tty, min_interval=0.0)
    bar(5, 10)
    assert tty.text.startswith("\r[") and "5/10 drawings" in tty.text and "#" * 15 + "." * 15 in tty.text
    bar.clear()
    assert tty.text.endswith("\r\033[K")
