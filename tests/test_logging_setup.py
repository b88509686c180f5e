"""The log file: where it lives, rotation, one-line reasons, and nothing of a drawing in it."""

from __future__ import annotations

import sys

import pytest

from painmap import logging_setup
from painmap.logging_setup import get_logger, log_dir, log_exception, log_path, one_line


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    yield tmp_path / "state"
    for handler in list(get_logger().handlers):  # do not leave a handler on a deleted folder
        get_logger().removeHandler(handler)
        handler.close()


def test_log_lives_in_the_xdg_state_folder(state, monkeypatch, tmp_path):
    if sys.platform != "linux":
        pytest.skip("the XDG rule is the Linux one")
    assert log_path() == state / "painmap" / "painmap.log"
    monkeypatch.setenv("XDG_STATE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert log_dir() == tmp_path / ".local" / "state" / "painmap"


def test_exception_is_logged_with_its_traceback(state):
    def fails():
        secret_marks = [[1.0, 2.0]]  # a local: must not reach the log
        raise ValueError(f"bad radius {len(secret_marks)}")

    with pytest.raises(ValueError) as info:
        fails()
    path = log_exception(info.value, "a test")
    text = path.read_text(encoding="utf-8")
    assert "ERROR painmap: unexpected error in a test: ValueError: bad radius 1" in text
    assert "Traceback (most recent call last)" in text and "in fails" in text
    assert "[[1.0, 2.0]]" not in text


def test_log_rotates(state, monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2000)
    for handler in list(get_logger().handlers):
        get_logger().removeHandler(handler)
    logger = get_logger()
    for i in range(200):
        logger.warning("line %d %s", i, "x" * 40)
    folder = state / "painmap"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["painmap.log", "painmap.log.1", "painmap.log.2", "painmap.log.3"]
    assert all(p.stat().st_size <= 2100 for p in folder.iterdir())


def test_the_log_follows_the_state_folder(state, monkeypatch, tmp_path):
    get_logger().warning("first")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "elsewhere"))
    get_logger().warning("second")
    assert "second" in (tmp_path / "elsewhere" / "painmap" / "painmap.log").read_text()
    assert "second" not in (state / "painmap" / "painmap.log").read_text()


def test_unwritable_state_folder_falls_back_to_stderr(tmp_path, monkeypatch, capsys):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "file"))
    for handler in list(get_logger().handlers):
        get_logger().removeHandler(handler)
    get_logger().error("still said")
    assert "still said" in capsys.readouterr().err
    for handler in list(get_logger().handlers):
        get_logger().removeHandler(handler)


def test_one_line():
    assert one_line(ValueError("a\n  b")) == "ValueError: a b"
    assert one_line(KeyError()) == "KeyError"
    assert len(one_line(RuntimeError("x" * 1000))) == 300
