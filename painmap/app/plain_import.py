"""Import painmap's own modules without PySide6's per-module source scan (decision D12).

Once imported, PySide6 replaces `builtins.__import__` with `__feature_import__`: it runs the import it replaced
(`builtins.__orig_import__`, PySide's lazy type loading included) and then reads the whole source of every new
module for the word "PySide6", to know which modules may switch its `from __feature__ import …` options
(PYSIDE-2029). painmap never uses those options. A module left unscanned has no entry in PySide's table and
follows the selection in force, which is PySide's default as for any scanned module. Measured: the scan cost
~35 ms of CPU for the ~145 modules of numpy and the core, and ~10-20 ms for the window's ~45 modules.

`plain_import()` swaps the wrapped import in for the block and puts PySide's hook back when the last block open
ends (the GUI thread's start-up steps and the engine's worker thread may overlap), unless somebody else changed
`builtins.__import__` meanwhile. Where PySide has no such hook (another version, or not imported yet) it
changes nothing.
"""

from __future__ import annotations

import builtins
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["plain_import"]

_lock = threading.Lock()
_open = 0  # blocks open that swapped, or found the swap in place
_hook = None  # PySide's hook while it is swapped out


@contextmanager
def plain_import() -> Iterator[bool]:
    """The block's imports skip PySide's source scan; yields whether they do."""
    global _open, _hook
    with _lock:
        plain = getattr(builtins, "__orig_import__", None)
        if _open == 0:
            current = builtins.__import__
            if callable(plain) and current is getattr(builtins, "__feature_import__", None):
                _hook = current
                builtins.__import__ = plain
        active = _hook is not None
        if active:
            _open += 1
    try:
        yield active
    finally:
        if active:
            with _lock:
                _open -= 1
                if _open == 0:
                    if builtins.__import__ is plain:
                        builtins.__import__ = _hook
                    _hook = None
