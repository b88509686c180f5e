"""Comparing a pain drawing with the referral patterns: the researcher API over the comparator.

Definitions and formulas: docs/metrics.md. The comparator is in `comparator`, the results and their JSON in
`compare_results`, the command line's on-disk engine cache in `engine_cache`; this module re-exports them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from painmap.atlas import Atlas
from painmap.comparator import Comparator, comparator, default_atlas, default_library
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
from painmap.engine_cache import cached_comparator, engine_cache_key
from painmap.errors import PainmapError
from painmap.pattern_model import PatternLibrary
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
