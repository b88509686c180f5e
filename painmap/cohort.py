"""A cohort's drawings as sets of painted pixels, for learning patterns and evaluating classification.

Each drawing becomes, per view, the sorted flat indices of its painted pixels on the comparison grid (the
same rasterization as `painmap compare`). A one-sided drawing on the patient's left can be brought onto the
stored (right) side, exactly: the grids of a view and its mirror are flips of each other.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from painmap.raster import DEFAULT_PX_PER_MM

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.raster import PainMasks

__all__ = [
    "ONE_SIDED_SHARE",
    "Pixels",
    "count_pixels",
    "expand_paths",
    "flip_indices",
    "pixels_of",
    "read_all",
    "read_pixels",
    "side_shares",
]

ONE_SIDED_SHARE = 0.8  # a drawing is one-sided when at least this share of its shaded area lies on one side


@dataclass(frozen=True, eq=False)
class Pixels:
    """One drawing's painted pixels: view id -> sorted flat int32 indices into that view's grid."""

    path: str
    views: dict[str, np.ndarray]
    mirrored: bool = False  # brought from the left onto the right side

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.views.values())


def side_shares(masks: PainMasks, atlas: Atlas) -> tuple[float, float]:
    """(left, right) shares of the shaded area. Posterior: right is x > width/2 (seen from behind); anterior: right
    is x < width/2 (seen from the front); `lateral` is the right side, `lateral-left` the left."""
    left = right = 0
    for view_id in masks.views_used():
        n = masks.area(view_id)
        if view_id == "lateral":
            right += n
        elif view_id == "lateral-left":
            left += n
        elif view_id in ("posterior", "anterior"):
            mask = masks.mask(view_id)
            half = mask.shape[1] // 2
            low, high = int(np.count_nonzero(mask[:, :half])), int(np.count_nonzero(mask[:, mask.shape[1] - half :]))
            on_right = high if view_id == "posterior" else low
            on_left = low if view_id == "posterior" else high
            right += on_right
            left += on_left
    total = left + right
    return (left / total, right / total) if total else (0.0, 0.0)


def flip_indices(idx: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Flat indices of the mirror image (column j -> cols - 1 - j), sorted."""
    cols = shape[1]
    rows, c = np.divmod(idx.astype(np.int64), cols)
    return np.sort((rows * cols + (cols - 1 - c)).astype(np.int32))


def pixels_of(masks: PainMasks, atlas: Atlas, path: str = "", mirror: bool = True) -> Pixels:
    """The painted pixels of rasterized masks; with `mirror`, a left-sided drawing is flipped onto the right."""
    views = {v: np.flatnonzero(masks.mask(v)).astype(np.int32) for v in masks.views_used()}
    if mirror and side_shares(masks, atlas)[0] >= ONE_SIDED_SHARE:
        flipped: dict[str, np.ndarray] = {}
        for view_id, idx in views.items():
            view = atlas.view(view_id)
            flipped[view.mirror] = flip_indices(idx, masks.grid(view_id).shape)
        return Pixels(path, {v: flipped[v] for v in atlas.views if v in flipped}, mirrored=True)
    return Pixels(path, views)


def read_pixels(path: str | os.PathLike, atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM, mirror: bool = True):
    """Load (carried onto `atlas`'s chart, whatever body and chart it was drawn on), rasterize and reduce one
    drawing file to its Pixels (DrawingError for a bad file)."""
    from painmap.cohort_chart import load_onto
    from painmap.raster import PainMasks

    masks = PainMasks.from_drawing(load_onto(path, atlas), atlas, px_per_mm)
    return pixels_of(masks, atlas, os.fspath(path), mirror)


def read_all(
    paths: Sequence[str | os.PathLike], atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM, mirror: bool = True
) -> list[Pixels]:
    """Every drawing's Pixels, in order; the first bad file raises its PainmapError (a cohort must be complete)."""
    return [read_pixels(p, atlas, px_per_mm, mirror) for p in paths]


def count_pixels(drawings: Iterable[Pixels], shapes: dict[str, tuple[int, int]]) -> dict[str, np.ndarray]:
    """Per view, how many of the drawings cover each pixel (int32 arrays of the views' grid shapes)."""
    counts = {v: np.zeros(shape[0] * shape[1], dtype=np.int32) for v, shape in shapes.items()}
    for d in drawings:
        for view_id, idx in d.views.items():
            counts[view_id][idx] += 1  # indices are unique within a drawing
    return {v: c.reshape(shapes[v]) for v, c in counts.items()}


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files, folders (recursively *.painmap.json) and globs as a list of drawing files (PainmapError if none)."""
    from painmap.aggregate import iter_drawing_paths, no_drawings_error

    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for path, reason in iter_drawing_paths(paths):
        if reason:
            missing.append((os.fspath(path), reason))
        else:
            found.append(path)
    if missing:
        from painmap.errors import PainmapError

        raise PainmapError(f"{missing[0][0]}: {missing[0][1]}")
    if not found:
        raise no_drawings_error(paths)
    return found
