"""Comparing a pain drawing with the referral patterns: the researcher API over the comparator.

Definitions and formulas: docs/metrics.md. The comparator is in `comparator`, the results and their JSON in
`compare_results`, the command line's on-disk engine cache in `engine_cache`; this module re-exports them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from painmap.atlas import Atlas
from painmap.comparator import Comparator
from painmap.compare_results import (
    JSON_DIGITS,
    OTHER_ZONE,
    SIDES,
    SPILLOVER_WEIGHT,
    Comparison,
    PatternResult,
    Scores,
    result_to_json,
    to_json,
)
from painmap.drawing import Drawing, load_drawing
from painmap.errors import PainmapError
from painmap.patterns import PatternLibrary
from painmap.raster import DEFAULT_PX_PER_MM, PainMasks

__all__ = [
    "JSON_DIGITS",
    "OTHER_ZONE",
    "SIDES",
    "SPILLOVER_WEIGHT",
    "Comparator",
    "Comparison",
    "PatternResult",
    "Scores",
    "cached_comparator",
    "comparator",
    "compare_drawing",
    "default_atlas",
    "default_library",
    "engine_cache_key",
    "iter_folder",
    "rank",
    "result_to_json",
    "to_json",
]

# --- researcher API ---------------------------------------------------------------------------------------------

_COMPARATORS: dict[tuple[int, int, float], Comparator] = {}


def default_atlas() -> Atlas:
    """The bundled atlas (loaded once)."""
    from painmap.atlas import load_atlas

    return load_atlas()


def default_library(atlas: Atlas | None = None) -> PatternLibrary:
    """The bundled pattern library for `atlas` (loaded once)."""
    from painmap.patterns import load_patterns

    return load_patterns(atlas or default_atlas())


def comparator(
    atlas: Atlas | None = None, library: PatternLibrary | None = None, px_per_mm: float = DEFAULT_PX_PER_MM
) -> Comparator:
    """A comparator for the atlas and library (defaults: the bundled ones), reused across calls."""
    atlas = atlas or default_atlas()
    library = library or default_library(atlas)
    key = (id(atlas), id(library), float(px_per_mm))
    hit = _COMPARATORS.get(key)
    if hit is None or hit.atlas is not atlas or hit.library is not library:
        if len(_COMPARATORS) >= 4:
            _COMPARATORS.clear()
        hit = _COMPARATORS[key] = Comparator(atlas, library, px_per_mm)
    return hit


def compare_drawing(
    drawing: Drawing | str | os.PathLike,
    pattern: str | Iterable[str] | None = None,
    atlas: Atlas | None = None,
    library: PatternLibrary | None = None,
    px_per_mm: float = DEFAULT_PX_PER_MM,
) -> Comparison:
    """Compare a drawing (a Drawing or a .painmap.json path) with one pattern, several, or the whole library."""
    atlas = atlas or default_atlas()
    comp = comparator(atlas, library, px_per_mm)
    if not isinstance(drawing, Drawing):
        drawing = load_drawing(drawing, atlas)
    return comp.compare(PainMasks.from_drawing(drawing, atlas, px_per_mm), pattern)


def rank(
    drawing: Drawing | str | os.PathLike,
    atlas: Atlas | None = None,
    library: PatternLibrary | None = None,
    px_per_mm: float = DEFAULT_PX_PER_MM,
) -> list[tuple[str, str, float]]:
    """(pattern id, side, score) of every pattern, best first."""
    return [(r.pattern, r.side, r.score) for r in compare_drawing(drawing, None, atlas, library, px_per_mm).results]


def iter_folder(
    folder: str | os.PathLike,
    pattern: str | Iterable[str] | None = None,
    atlas: Atlas | None = None,
    library: PatternLibrary | None = None,
    px_per_mm: float = DEFAULT_PX_PER_MM,
    glob: str = "*.painmap.json",
) -> Iterator[tuple[Path, Comparison | PainmapError]]:
    """(path, Comparison) for every drawing in a folder, sorted by name; a bad file yields its error instead."""
    root = Path(folder)
    if not root.is_dir():
        raise PainmapError(f"{root}: not a folder")
    atlas = atlas or default_atlas()
    comp = comparator(atlas, library, px_per_mm)
    for path in sorted(root.glob(glob)):
        try:
            drawing = load_drawing(path, atlas)
            yield path, comp.compare(PainMasks.from_drawing(drawing, atlas, px_per_mm), pattern)
        except PainmapError as err:
            yield path, err


def cached_comparator(px_per_mm: float = DEFAULT_PX_PER_MM) -> Comparator:
    """The bundled atlas and library's comparator, through the on-disk engine cache (`painmap.engine_cache`)."""
    from painmap.engine_cache import cached_comparator as cached

    return cached(px_per_mm)


def engine_cache_key(px_per_mm: float = DEFAULT_PX_PER_MM) -> str:
    """The engine cache's key (`painmap.engine_cache.engine_cache_key`)."""
    from painmap.engine_cache import engine_cache_key as key

    return key(px_per_mm)
