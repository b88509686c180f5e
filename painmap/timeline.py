"""One person's drawings over time: each drawing's date, extent, mean intensity and best match, in date order.

The date is the drawing's `created` time; a file without one uses its modification time, and says so
(`from_file_time`). Files that do not load are skipped and reported, as `aggregate` does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap.errors import PainmapError
from painmap.summary import parse_created

if TYPE_CHECKING:
    from painmap.drawing_model import Drawing
    from painmap.raster import PainMasks

__all__ = [
    "TIMELINE_PX_PER_MM",
    "TimelineEntry",
    "TimelineError",
    "load_entry",
    "load_timeline",
    "mean_intensity",
]

TIMELINE_PX_PER_MM = 1.0


class TimelineError(PainmapError):
    """No drawing of the timeline could be read."""


@dataclass(frozen=True)
class TimelineEntry:
    """One drawing on the timeline."""

    path: Path
    when: datetime  # aware
    from_file_time: bool  # True when the file has no `created` and its modification time is used
    masks: PainMasks
    extent_percent: float  # of the body chart over the views the drawing uses
    mean_intensity: float  # area-weighted over the shaded pixels (0 when nothing is shaded)
    best_pattern: str  # pattern id, '' when nothing matches
    best_name: str
    best_side: str
    best_score: float
    body: str = "male"

    @property
    def date(self) -> str:
        """The ISO date (2026-03-05) in the computer's time zone."""
        return self.when.astimezone().date().isoformat()


def mean_intensity(masks: PainMasks) -> float:
    """Area-weighted mean intensity (1-10) of the shaded pixels; 0 for an empty drawing."""
    total = weighted = 0
    for view in masks.views_used():
        values = np.asarray(masks.intensity(view))
        counts = np.bincount(values.ravel(), minlength=11)
        total += int(counts[1:].sum())
        weighted += int((np.arange(len(counts))[1:] * counts[1:]).sum())
    return weighted / total if total else 0.0


def load_entry(path: Path, comparator: Any, drawing: Drawing | None = None) -> TimelineEntry:
    """Read (unless `drawing` is the file's drawing, already read), rasterize and compare one drawing (its errors
    propagate as PainmapError)."""
    from painmap.drawing import load_drawing
    from painmap.raster import PainMasks

    if drawing is None:
        drawing = load_drawing(path, comparator.atlas)
    when = parse_created(drawing.created)
    from_file = when is None
    if when is None:
        when = datetime.fromtimestamp(os.stat(path).st_mtime, tz=UTC)
    masks = PainMasks.from_drawing(drawing, comparator.atlas, comparator.px_per_mm)
    comparison = comparator.compare(masks)
    best = comparison.best if comparison.best is not None and comparison.best.score > 0 else None
    return TimelineEntry(
        path, when, from_file, masks, comparison.extent_percent, mean_intensity(masks),
        best.pattern if best else "", (best.name or best.pattern) if best else "", best.side if best else "",
        float(best.score) if best else 0.0, getattr(drawing, "body", "male"),
    )  # fmt: skip


def load_timeline(
    paths: Iterable[str | os.PathLike],
    comparator: Any = None,
    on_skip: Callable[[str, str], None] | None = None,
    read: Callable[[Path], Drawing] | None = None,
) -> list[TimelineEntry]:
    """The drawings found under `paths` (files, folders, globs), oldest first; bad files go to `on_skip`.

    `read(path)`: the file's drawing on the comparator's chart (default `load_drawing(path, comparator.atlas)`;
    painmap.commands.timeline carries drawings of another body onto it)."""
    from painmap.aggregate import iter_drawing_paths

    if comparator is None:
        from painmap.compare import cached_comparator

        comparator = cached_comparator(TIMELINE_PX_PER_MM)
    entries: list[TimelineEntry] = []
    bodies: dict[str, Path] = {}
    for path, problem in iter_drawing_paths(paths):
        if problem is not None:
            _skip(on_skip, path, problem)
            continue
        try:
            entry = load_entry(path, comparator, read(path) if read is not None else None)
        except PainmapError as err:
            _skip(on_skip, path, str(err).splitlines()[0] if str(err) else type(err).__name__)
            continue
        first = bodies.setdefault(entry.body, path) if not bodies else next(iter(bodies.values()))
        if entry.body not in bodies:
            _skip(on_skip, path, f"drawn on the {entry.body} body chart, unlike {first.name}")
            continue
        entries.append(entry)
    if not entries:
        raise TimelineError("no drawing could be read")
    entries.sort(key=lambda e: (e.when, str(e.path)))
    return entries


def _skip(on_skip: Callable[[str, str], None] | None, path: Path, reason: str) -> None:
    if on_skip is not None:
        on_skip(os.fspath(path), reason)
