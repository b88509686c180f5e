"""Marks that fall outside the body chart: strokes and lassos that paint no pixel of the silhouette.

Such marks do not count in any number (the masks are clipped to the body), and every surface says so
("9 strokes lie outside the body chart and are not counted"; lassos are "outlines", a mix is "marks") instead of
ignoring them silently.
Region fills always lie on the body; erasures are not pain, so only strokes and lassos are tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from painmap import vocabulary
from painmap.drawing import Lasso, Stroke
from painmap.raster import DEFAULT_PX_PER_MM, PainMasks

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.drawing import Drawing, Mark

__all__ = [
    "OutsideMarks",
    "outside_marks",
    "stroke_touches_body",
]


@dataclass(frozen=True)
class OutsideMarks:
    """Indices (into `drawing.marks`) of the strokes and lassos that lie entirely outside the body, per view."""

    indices: tuple[int, ...] = ()
    by_view: dict[str, int] = field(default_factory=dict)
    outlines: int = 0  # how many of them are lassos (the others are strokes)

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


def _a_point_on_body(masks: PainMasks, mark: Stroke | Lasso) -> bool:
    """True when one of a stroke's points lies in a silhouette pixel and its brush is at least one pixel wide:
    that pixel's centre is within 0.71 pixel of the point, so the stroke paints it (a sufficient test; False says
    nothing)."""
    if not isinstance(mark, Stroke):
        return False
    grid = masks.grid(mark.view)
    if mark.radius * min(grid.sx, grid.sy) < 1.0 or len(mark.points) == 0:
        return False
    points = np.asarray(mark.points, dtype=np.float64).reshape(-1, 2)
    cols, rows = np.floor(points[:, 0] * grid.sx), np.floor(points[:, 1] * grid.sy)
    on_grid = (cols >= 0) & (cols < grid.cols) & (rows >= 0) & (rows < grid.rows)
    silhouette = masks.atlas_masks.silhouette(mark.view)
    return bool(silhouette[rows[on_grid].astype(np.intp), cols[on_grid].astype(np.intp)].any())


def stroke_touches_body(masks: PainMasks, mark: Stroke | Lasso) -> bool:
    """True when the stroke (or lasso), painted alone, covers at least one pixel of the view's silhouette.

    `masks` is scratch space: unless one of a stroke's points is on the body already, the mark is painted into it
    and the previous pixels are put back.
    """
    if _a_point_on_body(masks, mark):
        return True
    rect = masks.bounds(mark)
    if rect.empty:
        return False
    patch = masks.take_patch(rect)
    masks.put_patch(type(patch)(rect, np.zeros_like(patch.data)))
    masks.apply(mark)
    touched = bool(np.count_nonzero(masks.intensity(mark.view)[rect.slices]))
    masks.put_patch(patch)
    return touched


def outside_marks(drawing: Drawing | list[Mark], atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> OutsideMarks:
    """The strokes and lassos of a drawing entirely outside the body chart (one scratch raster, mark by mark)."""
    marks = drawing if isinstance(drawing, list) else drawing.marks
    scratch = PainMasks(atlas, px_per_mm)
    indices: list[int] = []
    by_view: dict[str, int] = {}
    outlines = 0
    for k, mark in enumerate(marks):
        if isinstance(mark, Stroke | Lasso) and not stroke_touches_body(scratch, mark):
            indices.append(k)
            by_view[mark.view] = by_view.get(mark.view, 0) + 1
            outlines += isinstance(mark, Lasso)
    return OutsideMarks(tuple(indices), by_view, outlines)
