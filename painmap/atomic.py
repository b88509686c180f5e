"""The one way painmap writes a file: temporary file in the target folder, fsync, rename, folder fsync.

Every file painmap writes (drawings, the autosave, reports, sheets, maps, CSV, learned patterns) goes through
`atomic_write`. A failure (full disk, read-only folder, missing folder, a folder in the way) raises
`WriteError` with one readable line; the temporary file is removed and the previous file is untouched.
`refuse_own_inputs` stops a command from writing over one of the files it reads.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from painmap.errors import PainmapError

__all__ = ["WriteError", "atomic_write", "file_mode", "refuse_own_inputs", "write_bytes", "write_text"]


class WriteError(PainmapError):
    """A file could not be written; `str(err)` is `PATH: cannot write: reason`."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot write: {reason}")


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once at import: os.umask cannot be read without setting it


def file_mode(existing: Path | None = None) -> int:
    """Permissions for the written file: the existing file's, else what open() would give a new one."""
    if existing is not None:
        with contextlib.suppress(OSError):
            return stat.S_IMODE(os.stat(existing).st_mode)
    return 0o666 & ~_UMASK


def _reason(err: OSError) -> str:
    return err.strerror or type(err).__name__


def _target(path: str | os.PathLike) -> Path:
    """The real file to replace (through a symbolic link: replace the file, keep the link), checked."""
    source = os.fspath(path)
    if not source:
        raise WriteError(source, "no file name")
    target = Path(os.path.realpath(source))
    if target.is_dir():
        raise WriteError(source, "it is a folder")
    folder = target.parent
    if not folder.is_dir():
        raise WriteError(source, f"folder {os.fspath(Path(source).parent) or '.'} does not exist")
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike, mode: str = "wb", encoding: str | None = None, newline: str | None = None
) -> Iterator[IO]:
    """Open a temporary file beside `path` for writing; on a clean exit it replaces `path` atomically.

    `mode` is "wb" or "w" (text, UTF-8 unless `encoding` says otherwise). An exception inside the block, or a
    failure to write, leaves `path` as it was and removes the temporary file; OSError becomes WriteError.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write mode must be 'wb' or 'w', not {mode!r}")
    source = os.fspath(path)
    target = _target(source)
    permissions = file_mode(target if target.exists() else None)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as err:
        raise WriteError(source, _reason(err)) from None
    try:
        if mode == "w":
            stream = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline=newline)
        else:
            stream = os.fdopen(fd, "wb")
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, permissions)
        os.replace(tmp, target)
        tmp = None
    except OSError as err:
        raise WriteError(source, _reason(err)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _fsync_folder(target.parent)


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `path` atomically; returns the real path written."""
    with atomic_write(path, "wb") as stream:
        stream.write(data)
    return Path(os.path.realpath(os.fspath(path)))


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 `text` to `path` atomically; returns the real path written."""
    return write_bytes(path, text.encode("utf-8"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_own_inputs(outputs: Iterable[str | os.PathLike | None], inputs: Iterable[str | os.PathLike]) -> None:
    """Raise WriteError when an output is one of the inputs (a command never writes over what it reads)."""
    sources = [Path(p) for p in inputs]
    for out in outputs:
        if out is None:
            continue
        for src in sources:
            if _same_file(Path(out), src):
                raise WriteError(out, f"it is one of the input files ({os.fspath(src)})")
