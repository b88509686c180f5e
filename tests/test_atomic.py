"""The one atomic writer: replaces whole files or nothing, one clear line on failure, no temporary left."""

from __future__ import annotations

import os
import stat

import pytest

from painmap.atomic import WriteError, atomic_write, refuse_own_inputs, write_bytes, write_text


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "a.txt"
    write_text(target, "one")
    write_text(target, "two")
    assert target.read_text() == "two"
    assert _leftovers(tmp_path) == []


def test_error_inside_block_keeps_the_old_file(tmp_path):
    target = tmp_path / "a.bin"
    write_bytes(target, b"old")
    with pytest.raises(RuntimeError), atomic_write(target) as stream:
        stream.write(b"half")
        raise RuntimeError("crash mid-save")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_keeps_the_mode_of_an_existing_file(tmp_path):
    target = tmp_path / "a.txt"
    write_text(target, "x")
    os.chmod(target, 0o640)
    write_text(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_gets_the_umask_mode_not_0600(tmp_path):
    target = tmp_path / "new.txt"
    write_text(target, "x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_through_a_symlink_the_link_stays(tmp_path):
    real = tmp_path / "real.txt"
    write_text(real, "old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("case", ["folder", "missing-folder"])
def test_refusals_are_one_line(tmp_path, case):
    target = tmp_path / "dir" if case == "folder" else tmp_path / "nope" / "a.txt"
    if case == "folder":
        target.mkdir()
    with pytest.raises(WriteError) as err:
        write_text(target, "x")
    assert "\n" not in str(err.value) and "cannot write" in str(err.value)
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(WriteError):
            write_text(folder / "a.txt", "x")
    finally:
        os.chmod(folder, 0o700)


def test_disk_full_leaves_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    write_text(target, "old")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="No space left"):
        write_text(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_refuse_own_inputs(tmp_path):
    a = tmp_path / "a.json"
    a.write_text("{}")
    refuse_own_inputs([tmp_path / "b.png"], [a])
    with pytest.raises(WriteError, match="input"):
        refuse_own_inputs([tmp_path / "x" / ".." / "a.json"], [a])
