"""One drawing's result in an aggregation (DrawingRow, its painted patches) and what processes a drawing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from painmap.raster import DEFAULT_PX_PER_MM

__all__ = ["AGGREGATE_PX_PER_MM", "DrawingRow", "MaskPatch", "Processed", "Processor", "crop_painted", "painted_patch"]


# The comparison's own resolution (painmap compare): a CSV row holds exactly compare's numbers (decisions D26).
AGGREGATE_PX_PER_MM = DEFAULT_PX_PER_MM


@dataclass
class DrawingRow:
    """One drawing's line of the CSV."""

    path: str
    extent_percent: float
    extent_by_view: dict[str, float]
    best_pattern: str
    best_side: str
    best_score: float
    scores: dict[str, float]
    views_used: tuple[str, ...] = ()
    sides: dict[str, str] = field(default_factory=dict)  # pattern -> its best side
    meta: dict = field(default_factory=dict)  # the drawing's meta (subject and study codes, ...)
    extra: dict[str, str] = field(default_factory=dict)  # opt-in columns (choir_keys)
    regions: dict[str, float] = field(default_factory=dict)  # region -> share covered (only for group_by)


MaskPatch = tuple[int, int, np.ndarray]  # (row, col) of the top-left pixel, bool array: the painted part of a view


@dataclass
class Processed:
    """What one drawing adds: the painted part of each view it marks, and its CSV row."""

    masks: dict[str, MaskPatch]
    row: DrawingRow


def crop_painted(intensity: np.ndarray) -> MaskPatch | None:
    """The smallest patch holding every painted (non-zero) pixel, as a bool array; None when nothing is painted."""
    rows = np.flatnonzero(intensity.any(axis=1))
    if len(rows) == 0:
        return None
    r0, r1 = int(rows[0]), int(rows[-1]) + 1
    band = intensity[r0:r1]
    cols = np.flatnonzero(band.any(axis=0))
    c0, c1 = int(cols[0]), int(cols[-1]) + 1
    return r0, c0, band[:, c0:c1] != 0


class Processor(Protocol):
    """Turns one drawing file into masks and a row; raises PainmapError for a bad file."""

    px_per_mm: float
    view_ids: tuple[str, ...]
    pattern_ids: tuple[str, ...]

    def view_shape(self, view_id: str) -> tuple[int, int]: ...

    def process(self, path: Path, scores: bool = True) -> Processed: ...


def painted_patch(masks, view_id: str) -> MaskPatch | None:
    """The painted part of one view of PainMasks: its tracked extent when it has one (no scan), else a scan."""
    intensity = masks.intensity(view_id)
    extent = getattr(masks, "extent", None)
    if extent is None:
        return crop_painted(intensity)
    rect = extent(view_id)
    if rect.empty:
        return None
    rows, cols = rect.slices
    return rows.start or 0, cols.start or 0, intensity[rows, cols] != 0
