"""`painmap render` and `painmap aggregate` end to end on the bundled atlas and pattern library."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import assert_one_line_error as _one_line_error

from painmap.cli import main

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _run(*args):
    """The command line in this process (fast: the atlas and library stay loaded); same exit codes and streams."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def _run_process(*args):
    return subprocess.run([sys.executable, "-m", "painmap", *map(str, args)], capture_output=True, text=True)


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def _pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def _drawing(marks, note="") -> dict:
    return {"format": "painmap-drawing", "version": 1, "created": "2026-11-23T10:00:00Z", "meta": {"note": note},
            "marks": marks}  # fmt: skip


def _fill(region, view="posterior", intensity=5):
    return {"type": "fill", "view": view, "region": region, "intensity": intensity, "quality": "aching"}


def _crest_stroke():
    """Along the right posterior iliac crest from the PSIS towards the summit, and down over the buttock."""
    return {"type": "stroke", "view": "posterior", "radius": 14.0, "intensity": 6, "quality": "aching",
            "points": [[366, 800], [385, 775], [410, 752], [430, 740], [440, 790], [430, 840]]}  # fmt: skip


def _write(path: Path, doc: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ render


def test_pattern_sheet_pdf(tmp_path, library):
    out = tmp_path / "gmed.pdf"
    done = _run_process("render", "--pattern", "gluteus-medius", "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF") and _pages(out) == 1
    text = _pdf_text(out)
    pattern = library.get("gluteus-medius")
    assert pattern.name in text
    assert "Travell" in text  # the sources are printed
    assert "trigger point" in text


@pytest.mark.parametrize("pattern_id", ["piriformis", "sacroiliac-joint"])
def test_pattern_sheet_png_and_svg(tmp_path, pattern_id):
    png, svg = tmp_path / "s.png", tmp_path / "s.svg"
    assert _run("render", "--pattern", pattern_id, "-o", png).returncode == 0
    assert _run("render", "--pattern", pattern_id, "-o", svg).returncode == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and 50_000 < png.stat().st_size < 5_000_000
    assert "<svg" in svg.read_text()[:500] and svg.stat().st_size < 10_000_000


def test_sheet_of_one_trigger_point(tmp_path):
    out = tmp_path / "trp2.pdf"
    assert _run("render", "--pattern", "gluteus-medius", "--trigger-point", "trp2", "-o", out).returncode == 0
    assert "TrP2" in _pdf_text(out).split("Referred")[0]  # named in the title
    for bad in (["--pattern", "gluteus-medius", "--trigger-point", "trp9"], ["--trigger-point", "trp1"]):
        done = _run("render", *bad, "-o", tmp_path / "bad.pdf")
        _one_line_error(done)
    assert not (tmp_path / "bad.pdf").exists()


def test_unknown_pattern_is_refused(tmp_path):
    done = _run("render", "--pattern", "no-such-muscle", "-o", tmp_path / "x.pdf")
    _one_line_error(done)
    assert "no-such-muscle" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("paper, size", [("a4", "595.276 x 841.89"), ("letter", "612 x 792")])
def test_drawing_report_pdf(tmp_path, paper, size):
    drawing = _write(tmp_path / "me.painmap.json", _drawing([_crest_stroke()], note="Worse after long walks"))
    out = tmp_path / "report.pdf"
    done = _run("render", drawing, "-o", out, "--paper", paper)
    assert done.returncode == 0, done.stderr
    assert _pages(out) == 2  # page 1 plain words, page 2 for clinicians
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert size in info
    text = _pdf_text(out)
    for expected in ("Pain drawing report", "Gluteus medius", "Not a diagnosis", "Worse after long walks",
                     "me.painmap.json", "23 November 2026"):  # fmt: skip
        assert expected in text


def test_drawing_report_png(tmp_path):
    drawing = _write(tmp_path / "me.painmap.json", _drawing([_crest_stroke()]))
    out = tmp_path / "report.png"
    assert _run("render", drawing, "-o", out).returncode == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 50_000


def test_empty_drawing_still_reports(tmp_path):
    drawing = _write(tmp_path / "empty.painmap.json", _drawing([]))
    out = tmp_path / "report.pdf"
    done = _run("render", drawing, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "Not a diagnosis" in _pdf_text(out)


@pytest.mark.parametrize(
    "case",
    ["bad-extension", "missing-folder", "bad-json", "bad-mark", "missing-drawing", "both", "neither"],
)
def test_bad_render_input_is_one_line_exit_2(tmp_path, case):
    good = _write(tmp_path / "good.painmap.json", _drawing([_crest_stroke()]))
    out = tmp_path / "out.pdf"
    if case == "bad-extension":
        args = [good, "-o", tmp_path / "out.docx"]
    elif case == "missing-folder":
        args = [good, "-o", tmp_path / "no" / "out.pdf"]
    elif case == "bad-json":
        bad = tmp_path / "bad.painmap.json"
        bad.write_text("{not json")
        args = [bad, "-o", out]
    elif case == "bad-mark":
        bad = _write(tmp_path / "bad.painmap.json", _drawing([_fill("no-such-region")]))
        args = [bad, "-o", out]
    elif case == "missing-drawing":
        args = [tmp_path / "nope.painmap.json", "-o", out]
    elif case == "both":
        args = [good, "--pattern", "gluteus-medius", "-o", out]
    else:
        args = ["-o", out]
    done = _run("render", *args)
    _one_line_error(done)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) in (
        ["good.painmap.json"],
        ["bad.painmap.json", "good.painmap.json"],
    )  # no output, no temp file


def test_render_does_not_overwrite_on_failure(tmp_path):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"previous")
    bad = tmp_path / "bad.painmap.json"
    bad.write_text("[]")
    _one_line_error(_run("render", bad, "-o", out))
    assert out.read_bytes() == b"previous"


# ------------------------------------------------------------------------------------------------ aggregate


@pytest.fixture
def cohort(tmp_path):
    folder = tmp_path / "cohort"
    _write(folder / "a.painmap.json", _drawing([_fill("buttock-right")]))
    _write(folder / "b.painmap.json", _drawing([_fill("buttock-right"), _fill("sacrum")]))
    _write(folder / "sub" / "c.painmap.json", _drawing([_crest_stroke()]))
    return folder


def test_aggregate_counts_are_exact_on_real_drawings(cohort, atlas):
    from painmap.aggregate import aggregate
    from painmap.raster import AtlasMasks

    result = aggregate([cohort / "a.painmap.json", cohort / "b.painmap.json"], workers=1)
    masks = AtlasMasks(atlas, result.px_per_mm)
    buttock = masks.region_mask("posterior", "buttock-right")
    sacrum = masks.region_mask("posterior", "sacrum")
    expected = 2 * buttock.astype(np.int32) + sacrum
    np.testing.assert_array_equal(result.counts["posterior"], expected)
    assert result.n_drawings == 2 and result.n_by_view == {"posterior": 2}


def test_aggregate_over_processes_equals_one_process(tmp_path, atlas):
    from painmap.aggregate import aggregate

    folder = tmp_path / "many"
    for i in range(12):
        marks = [_fill("buttock-right")] if i % 3 else [_crest_stroke(), _fill("sacrum")]
        _write(folder / f"d{i:02d}.painmap.json", _drawing(marks))
    one = aggregate([folder], workers=1, chunk=3, keep_rows=True)
    two = aggregate([folder], workers=2, chunk=3, keep_rows=True)
    np.testing.assert_array_equal(one.counts["posterior"], two.counts["posterior"])
    assert [r.path for r in one.rows] == [r.path for r in two.rows]
    assert [r.best_pattern for r in one.rows] == [r.best_pattern for r in two.rows]


def test_aggregate_names_a_skipped_file_once(cohort, tmp_path):
    bad = cohort / "broken.painmap.json"
    bad.write_text('{"format": "painmap-drawing", "version": 1, "marks": [{"type": "nope"}]}')
    done = _run("aggregate", cohort, "-o", tmp_path / "map.png")
    (warning,) = [line for line in done.stderr.splitlines() if "warning" in line]
    assert warning.count("broken.painmap.json") == 1, warning
    assert "/marks/0" in warning
    strict = _run("aggregate", bad, "-o", tmp_path / "map2.png", "--strict")
    _one_line_error(strict)
    assert strict.stderr.count("broken.painmap.json") == 1, strict.stderr


def test_aggregate_cli_with_csv_and_a_bad_file(cohort, tmp_path, library):
    bad = cohort / "broken.painmap.json"
    bad.write_text("{nope")
    out, table = tmp_path / "map.png", tmp_path / "rows.csv"
    done = _run("aggregate", cohort, "-o", out, "--csv", table, "--pattern", "gluteus-medius")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert any("warning" in line and "broken.painmap.json" in line for line in lines)
    assert "aggregated 3 drawings, 1 skipped" in lines[-1]
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    names = ["a.painmap.json", "b.painmap.json", "broken.painmap.json", "c.painmap.json"]
    assert [Path(r["path"]).name for r in rows] == names  # the skipped file has a row too
    assert [r["status"] == "ok" for r in rows] == [True, True, False, True]
    rows.pop(2)
    header = list(rows[0])
    ids = sorted(library.patterns)
    assert header[:3] == ["path", "status", "meta.note"]
    assert header[-2 * len(ids) - 3 :] == [
        "best_pattern",
        "best_side",
        "best_score",
        *(f"score_{i.replace('-', '_')}" for i in ids),
        *(f"side_{i.replace('-', '_')}" for i in ids),
    ]
    assert "extent_posterior_percent" in header
    crest = rows[2]
    assert crest["best_pattern"] and float(crest["best_score"]) > 0
    assert float(crest["best_score"]) == max(float(crest[f"score_{i.replace('-', '_')}"]) for i in ids)
    assert float(rows[0]["extent_percent"]) > 0 and float(rows[0]["extent_posterior_percent"]) > 0


def test_aggregate_strict_fails_on_a_bad_file(cohort, tmp_path):
    (cohort / "broken.painmap.json").write_text("{nope")
    out, table = tmp_path / "map.png", tmp_path / "rows.csv"
    done = _run_process("aggregate", cohort, "-o", out, "--csv", table, "--strict")
    _one_line_error(done)
    assert "broken.painmap.json" in done.stderr
    assert not out.exists() and not table.exists()


def test_aggregate_glob_and_nothing_found(cohort, tmp_path):
    out = tmp_path / "map.png"
    done = _run("aggregate", str(cohort / "*.painmap.json"), "-o", out)
    assert done.returncode == 0, done.stderr
    assert "aggregated 2 drawings" in done.stderr  # the glob is not recursive: sub/c is not matched
    _one_line_error(_run("aggregate", tmp_path / "empty-folder-that-does-not-exist", "-o", out))


def test_aggregate_refuses_bad_output_before_work(cohort, tmp_path):
    _one_line_error(_run("aggregate", cohort, "-o", tmp_path / "map.gif"))
    _one_line_error(_run("aggregate", cohort, "-o", tmp_path / "no" / "map.png"))
    _one_line_error(_run("aggregate", cohort, "-o", tmp_path / "map.png", "--pattern", "nope"))


def test_aggregate_from_a_worker_thread_never_forks(tmp_path, atlas):
    """The app calls aggregate from a QThread: with other threads alive the pool must not use fork."""
    import threading

    from painmap import aggregate as agg

    folder = tmp_path / "many"
    for i in range(6):
        _write(folder / f"d{i}.painmap.json", _drawing([_fill("buttock-right")]))
    seen: dict = {}

    def work():
        seen["method"] = agg._start_method()
        seen["result"] = agg.aggregate([folder], workers=2, chunk=2)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(120)
    assert seen["method"] in ("forkserver", "spawn")
    assert seen["result"].n_drawings == 6
    assert seen["result"].counts["posterior"].max() == 6


def test_aggregate_with_only_bad_files_fails(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.painmap.json").write_text("{nope")
    out = tmp_path / "map.png"
    done = _run("aggregate", folder, "-o", out)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == "painmap: no drawing could be read (2 skipped)"
    assert not out.exists()
