"""Every writer goes through painmap.atomic: a failure is one line, leaves no temporary file and the old file
untouched, and no command writes over one of its own inputs."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import tempfile

import pytest

from painmap.cli import main
from painmap.drawing import Drawing, Fill, save_drawing
from painmap.errors import PainmapError
from painmap.raster import PainMasks


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, err.getvalue()


def _full_disk(monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)


def _read_only(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


FAILURES = {"full disk": _full_disk, "read-only folder": _read_only}
REASONS = {"full disk": "No space left on device", "read-only folder": "Read-only file system"}


def _drawing(tmp_path, name="a.painmap.json"):
    path = tmp_path / name
    save_drawing(Drawing(marks=[Fill("posterior", "sacrum", 6, "aching")]), path)
    return path


@pytest.fixture(scope="module")
def figure():
    from painmap.figures.page import new_figure

    fig = new_figure((2.0, 2.0))
    fig.add_subplot().plot([0, 1], [0, 1])
    return fig


@pytest.mark.parametrize("failure", FAILURES)
def test_save_figure_failure_is_one_line_and_keeps_the_old_file(tmp_path, monkeypatch, figure, failure):
    from painmap.figures.page import save_figure

    target = tmp_path / "out.png"
    target.write_bytes(b"old")
    FAILURES[failure](monkeypatch)
    with pytest.raises(PainmapError) as err:
        save_figure(figure, target)
    monkeypatch.undo()
    assert REASONS[failure] in str(err.value) and "\n" not in str(err.value)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["out.png"]


def test_save_figure_into_a_folder_in_the_way(tmp_path, figure):
    from painmap.figures.page import save_figure

    (tmp_path / "out.png").mkdir()
    with pytest.raises(PainmapError, match="it is a folder"):
        save_figure(figure, tmp_path / "out.png")
    assert os.listdir(tmp_path) == ["out.png"]


@pytest.mark.parametrize("failure", FAILURES)
def test_aggregate_csv_failure_keeps_the_old_table(tmp_path, monkeypatch, failure):
    from painmap.aggregate import aggregate

    source = _drawing(tmp_path)
    table = tmp_path / "rows.csv"
    table.write_text("old\n")
    FAILURES[failure](monkeypatch)
    with pytest.raises(PainmapError) as err:
        aggregate([source], csv_path=table, workers=1)
    monkeypatch.undo()
    assert REASONS[failure] in str(err.value) and "\n" not in str(err.value)
    assert table.read_text() == "old\n" and sorted(os.listdir(tmp_path)) == ["a.painmap.json", "rows.csv"]


def test_aggregate_csv_is_written_whole(tmp_path):
    from painmap.aggregate import aggregate

    table = tmp_path / "rows.csv"
    aggregate([_drawing(tmp_path)], csv_path=table, workers=1)
    lines = table.read_text().splitlines()
    assert len(lines) == 2 and lines[0].startswith("path")


@pytest.mark.parametrize("failure", [*FAILURES, "folder in the way"])
def test_engine_cache_write_failure_only_costs_speed(tmp_path, monkeypatch, failure):
    from painmap import engine_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = tmp_path / "painmap" / f"engine-{engine_cache.engine_cache_key()}.pickle"
    if failure == "folder in the way":
        path.mkdir(parents=True)
    else:
        FAILURES[failure](monkeypatch)
    comp = engine_cache.cached_comparator()
    monkeypatch.undo()
    assert comp.compare(PainMasks(comp.atlas)).results
    leftovers = [p.name for p in (tmp_path / "painmap").iterdir()] if (tmp_path / "painmap").exists() else []
    assert all(not name.endswith(".part") for name in leftovers)


def test_engine_cache_does_not_hide_an_unexpected_error(tmp_path, monkeypatch):
    from painmap import engine_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    engine_cache.cached_comparator()

    def broken(state, px_per_mm):
        raise KeyError("a bug, not a stale file")

    monkeypatch.setattr(engine_cache, "_restore", broken)
    with pytest.raises(KeyError):
        engine_cache.cached_comparator()


def test_render_refuses_to_write_over_its_drawing(tmp_path):
    source = _drawing(tmp_path, "a.png")  # a drawing saved under an image name: -o names the same file
    before = source.read_bytes()
    code, err = _run("render", source, "-o", source)
    assert code == 2 and "one of the input files" in err and err.count("\n") == 1
    assert source.read_bytes() == before


@pytest.mark.parametrize("which", ["-o", "--csv"])
def test_aggregate_refuses_to_write_over_an_input(tmp_path, which):
    source = _drawing(tmp_path, "a.png" if which == "-o" else "a.csv")  # a drawing under an output's name
    other = _drawing(tmp_path, "b.painmap.json")
    before = source.read_bytes()
    out = ["-o", source] if which == "-o" else ["-o", tmp_path / "map.png", "--csv", source]
    code, err = _run("aggregate", source, tmp_path, *out)
    assert code == 2 and "one of the input files" in err and err.count("\n") == 1
    assert source.read_bytes() == before and other.exists()
    assert sorted(os.listdir(tmp_path)) == sorted([source.name, "b.painmap.json"])


def test_aggregate_refuses_the_same_file_for_map_and_table(tmp_path):
    _drawing(tmp_path)
    code, err = _run("aggregate", tmp_path, "-o", tmp_path / "x.png", "--csv", tmp_path / "x.png")
    assert code == 2 and "one of the input files" in err
    assert os.listdir(tmp_path) == ["a.painmap.json"]
