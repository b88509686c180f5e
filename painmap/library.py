"""The stored pattern library plus the patterns of extra library folders (`--library DIR`, e.g. learned ones).

An extra folder has the layout of `resources/patterns/` (one sub-folder per pattern) and is validated by the
same loader. A pattern that fails, or whose id is already taken, becomes one `PatternProblem` (one line) and the
others still load.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from painmap.errors import PatternError
from painmap.patterns import PatternLibrary, PatternProblem, load_patterns

if TYPE_CHECKING:
    from painmap.atlas import Atlas

__all__ = [
    "extend_library",
    "library_for",
    "missing_library_folders",
]


def extend_library(base: PatternLibrary, atlas: Atlas, folders: Iterable[str | os.PathLike]) -> PatternLibrary:
    """`base` with the patterns of every folder added; a clash of ids keeps the first and reports the second."""
    patterns = dict(base.patterns)
    problems = list(base.problems)
    for folder in folders:
        path = Path(folder)
        if not path.is_dir():
            problems.append(PatternProblem(os.fspath(path), "-", "no such library folder"))
            continue
        try:
            extra = load_patterns(atlas, path)
        except PatternError as err:
            problems.append(PatternProblem(os.fspath(path), "-", str(err)))
            continue
        problems += extra.problems
        for pid, pattern in extra.patterns.items():
            if pid in patterns:
                where = os.fspath(path / pid)
                problems.append(PatternProblem(where, pid, "a pattern with this id is already loaded; rename it"))
                continue
            patterns[pid] = pattern
    return PatternLibrary(patterns, tuple(problems))


def library_for(atlas: Atlas, folders: Iterable[str | os.PathLike] | None = None) -> PatternLibrary:
    """The stored library for `atlas`, extended by `folders` (the stored one itself when there are none)."""
    base = load_patterns(atlas)
    folders = list(folders or ())
    return extend_library(base, atlas, folders) if folders else base


def missing_library_folders(folders: Iterable[str | os.PathLike] | None) -> None:
    """Refuse (one line) a `--library` that names no folder, before any work."""
    from painmap.errors import PainmapError

    for folder in folders or ():
        if not Path(folder).is_dir():
            raise PainmapError(f"{os.fspath(folder)}: no such library folder")
