"""PySide's support modules from a code cache, not compiled from source at every start (decision D93).

At its first import, shiboken6 unpacks its signature-support package (`shibokensupport`: loader, parser, layout,
pyi_generator …, 13 modules) from a zip inside libshiboken and compiles each module from source with the builtin
`compile()`: ~130 M instructions (40-50 ms on the reference machine) in every PySide program, before any window.
PySide's own remedy, `SBK_EMBED=0`, writes the files into its package folder (site-packages), which an installed
app should not do. `support_code_cached()` wraps that first import instead: while it runs, `compile()` of a
`shibokensupport/` file returns the code object an earlier start saved (marshal, keyed by the file's name, the
compiler flags in force and the source's length and CRC-32), and compiles and saves it otherwise. Every other call
passes to the builtin unchanged, with its caller's future flags; a missing, stale or unreadable cache only costs the
compile. `PAINMAP_NO_CACHE=1` turns it off, as the other caches.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import os
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path

from painmap.resources import cache_folder

__all__ = ["FORMAT", "PREFIX", "cache_path", "support_code_cached"]

PREFIX = "shibokensupport/"  # the names shiboken's embedded importer compiles its modules under
FORMAT = 1  # raised when painmap compiles the entries differently
# the caller's `from __future__ import …` flags, which a call of the builtin inherits unless told not to
FUTURE_FLAGS = sum(getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)


def cache_path() -> Path | None:
    """The cache file for this Python's byte code; None when the caches are off."""
    if os.environ.get("PAINMAP_NO_CACHE"):
        return None
    return cache_folder() / f"pyside-support-{sys.implementation.cache_tag}.marshal"


def _read(path: Path) -> dict:
    try:
        magic, form, entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if (magic, form) == (MAGIC_NUMBER, FORMAT) and isinstance(entries, dict) else {}


def _key(filename: str, flags: int, source: bytes) -> str:
    return f"{filename}:{flags:x}:{len(source)}:{zlib.crc32(source):08x}"


@contextmanager
def support_code_cached() -> Iterator[None]:
    """Wrap the process's first PySide import: shiboken's support modules come from the cache when it has them."""
    path = cache_path()
    if path is None:
        yield
        return
    saved = _read(path)
    used: dict[str, object] = {}
    compiled = False
    real = builtins.compile

    def cached_compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):
        nonlocal compiled
        if not dont_inherit:  # what the builtin would have inherited from its caller, not from this frame
            flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        plain = optimize == -1 and not kwargs and mode == "exec"
        if not (plain and isinstance(filename, str) and filename.startswith(PREFIX)):
            return real(source, filename, mode, flags, True, optimize, **kwargs)
        data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
        key = _key(filename, flags, data)
        code = saved.get(key)
        if code is None:
            code = real(source, filename, mode, flags, True)
            compiled = True
        used[key] = code
        return code

    builtins.compile = cached_compile
    try:
        yield
    finally:
        if builtins.compile is cached_compile:
            builtins.compile = real
    if used and (compiled or used.keys() != saved.keys()):
        _write(path, used)


def _write(path: Path, entries: dict) -> None:
    """Save this start's code objects (only these: an upgraded PySide's old entries go); a failure only costs speed."""
    from painmap.atomic import write_bytes
    from painmap.errors import PainmapError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, marshal.dumps((MAGIC_NUMBER, FORMAT, entries)))
    except (OSError, PainmapError):
        pass
