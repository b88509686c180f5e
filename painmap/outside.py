"""Marks that fall outside the body chart: strokes and lassos that paint no pixel of the silhouette.

Such marks do not count in any number (the masks are clipped to the body), and every surface says so
("9 strokes lie outside the body chart and are not counted"; lassos are "outlines", a mix is "marks") instead of
ignoring them silently.
Region fills always lie on the body; erasures are not pain, so only strokes and lassos are tested.
"""

from __future__ import annotations

from dataclasses import field
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from painmap import vocabulary
from painmap.drawing import Lasso, Stroke
from painmap.raster import DEFAULT_PX_PER_MM, PainMasks
from painmap.records import FACTORY, record

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.drawing import Drawing, Mark

__all__ = [
    "OutsideMarks",
    "outside_marks",
    "points_on_body",
    "stroke_touches_body",
]


@record(frozen=True)
class OutsideMarks:
    """Indices (into `drawing.marks`) of the strokes and lassos that lie entirely outside the body, per view."""

    indices: tuple[int, ...] = ()
    by_view: dict[str, int] = field(default_factory=dict)
    outlines: int = 0  # how many of them are lassos (the others are strokes)

    def __init__(self, indices: tuple[int, ...] = (), by_view: dict[str, int] = FACTORY, outlines: int = 0) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "indices", indices)
        set_field(self, "by_view", {} if by_view is FACTORY else by_view)
        set_field(self, "outlines", outlines)

    @property
    def count(self) -> int:
        return len(self.indices)

    @property
    def strokes(self) -> int:
        return self.count - self.outlines

    def text(self) -> str:
        """The plain sentence ('' when none): strokes, outlines, or marks when both."""
        return vocabulary.outside_text(self.strokes, self.outlines)

    def to_json(self) -> dict:
        """The `"marks_outside"` object of `painmap compare --format json`."""
        return {"count": self.count, "indices": list(self.indices), "by_view": dict(self.by_view)}


def points_on_body(masks: PainMasks, marks) -> list[bool]:
    """For each mark: True when it is a stroke with a point in a silhouette pixel and a brush at least one pixel
    wide. That pixel's centre is within 0.71 pixel of the point, so the stroke paints it: a sufficient test (False
    says nothing), computed for all strokes of a view in one pass."""
    found = [False] * len(marks)
    by_view: dict[str, list[int]] = {}
    for k, mark in enumerate(marks):
        if isinstance(mark, Stroke) and len(mark.points):
            by_view.setdefault(mark.view, []).append(k)
    for view, ks in by_view.items():
        grid = masks.grid(view)
        ks = [k for k in ks if marks[k].radius * min(grid.sx, grid.sy) >= 1.0]
        if not ks:
            continue
        counts = np.fromiter((len(marks[k].points) for k in ks), np.intp, len(ks))
        points = np.array(list(chain.from_iterable(marks[k].points for k in ks)), dtype=np.float64).reshape(-1, 2)
        cols, rows = np.floor(points[:, 0] * grid.sx), np.floor(points[:, 1] * grid.sy)
        on_grid = (cols >= 0) & (cols < grid.cols) & (rows >= 0) & (rows < grid.rows)
        hit = np.zeros(len(points), dtype=bool)
        silhouette = masks.atlas_masks.silhouette(view)
        hit[on_grid] = silhouette[rows[on_grid].astype(np.intp), cols[on_grid].astype(np.intp)] != 0
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        for k, on_body in zip(ks, np.logical_or.reduceat(hit, starts).tolist(), strict=True):
            found[k] = on_body
    return found


def stroke_touches_body(masks: PainMasks, mark: Stroke | Lasso) -> bool:
    """True when the stroke (or lasso), painted alone, covers at least one pixel of the view's silhouette
    (`PainMasks.touches_body`: nothing is painted into `masks`)."""
    return points_on_body(masks, [mark])[0] or masks.touches_body(mark)


def outside_marks(drawing: Drawing | list[Mark], atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> OutsideMarks:
    """The strokes and lassos of a drawing entirely outside the body chart (one scratch raster, mark by mark)."""
    marks = drawing if isinstance(drawing, list) else drawing.marks
    scratch = PainMasks(atlas, px_per_mm)
    indices: list[int] = []
    by_view: dict[str, int] = {}
    outlines = 0
    on_body = points_on_body(scratch, marks)
    for k, mark in enumerate(marks):
        if isinstance(mark, Stroke | Lasso) and not on_body[k] and not stroke_touches_body(scratch, mark):
            indices.append(k)
            by_view[mark.view] = by_view.get(mark.view, 0) + 1
            outlines += isinstance(mark, Lasso)
    return OutsideMarks(tuple(indices), by_view, outlines)
