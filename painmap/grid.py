"""Pixel grids of the views and the rectangles of pixels every change reports (no Qt).

Pixels sample their centre: pixel (row i, column j) of a view covers the millimetre square whose centre is
((j + 0.5) / sx, (i + 0.5) / sy), with sx = cols / width and sy = rows / height (≈ px_per_mm).
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from painmap.errors import PainmapError
from painmap.records import record

__all__ = ["DEFAULT_PX_PER_MM", "MAX_COORDINATE", "DirtyRect", "Grid", "Patch", "clamp"]

# 1 px per mm: the posterior view (640 x 1800 mm) is a 640 x 1800 px grid (1.15 Mpx). A millimetre is far below
# the precision of a finger or mouse drawing and of the patterns themselves, metrics agree with 2 px/mm within
# ~1 %, and the whole library scores in a few milliseconds. The canvas scales the masks for display.
DEFAULT_PX_PER_MM = 1.0

MAX_COORDINATE = 1e6  # mm; far beyond any view, small enough that pixel arithmetic stays exact


def clamp(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """np.clip without its Python-level overhead (it matters for single brush segments)."""
    return np.minimum(np.maximum(values, lo), hi)


@record(frozen=True)
class Grid:
    """The pixel grid of one view: `shape` is (rows, cols); `sx`, `sy` are pixels per mm on each axis."""

    view: str
    width: float
    height: float
    px_per_mm: float = DEFAULT_PX_PER_MM

    def __init__(self, view: str, width: float, height: float, px_per_mm: float = DEFAULT_PX_PER_MM) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "width", width)
        set_field(self, "height", height)
        set_field(self, "px_per_mm", px_per_mm)

    @cached_property
    def cols(self) -> int:
        return max(1, round(self.width * self.px_per_mm))

    @cached_property
    def rows(self) -> int:
        return max(1, round(self.height * self.px_per_mm))

    @property
    def shape(self) -> tuple[int, int]:
        return (self.rows, self.cols)

    @cached_property
    def sx(self) -> float:
        """Pixels per mm along x (cols / width: the grid covers the frame exactly, so mirroring is a flip)."""
        return self.cols / self.width

    @cached_property
    def sy(self) -> float:
        return self.rows / self.height

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        """Millimetres -> continuous pixel coordinates (pixel j spans [j, j + 1))."""
        return x * self.sx, y * self.sy

    def to_mm(self, px: float, py: float) -> tuple[float, float]:
        """Continuous pixel coordinates -> millimetres."""
        return px / self.sx, py / self.sy

    def col_centres(self, j0: int, j1: int) -> np.ndarray:
        """x (mm) of the centres of columns j0..j1-1; the same value for a column whatever the range."""
        return (np.arange(j0, j1, dtype=np.float64) + 0.5) / self.sx

    def row_centres(self, i0: int, i1: int) -> np.ndarray:
        return (np.arange(i0, i1, dtype=np.float64) + 0.5) / self.sy

    def box(self, xmin: float, ymin: float, xmax: float, ymax: float) -> DirtyRect:
        """Pixels whose centre may lie in the mm box (one pixel of margin against rounding), clipped."""
        x0, y0, x1, y1 = (
            int(v[0]) for v in self.boxes(*(np.array([v], dtype=np.float64) for v in (xmin, ymin, xmax, ymax)))
        )
        return DirtyRect(self.view, x0, y0, x1, y1, self.sx, self.sy)

    def boxes(self, xmin: np.ndarray, ymin: np.ndarray, xmax: np.ndarray, ymax: np.ndarray) -> tuple[np.ndarray, ...]:
        """`box` for many boxes at once: int arrays x0, y0, x1, y1 (x1 >= x0, y1 >= y0)."""
        x0 = clamp(np.floor(xmin * self.sx - 0.5), 0, self.cols).astype(np.int64)
        y0 = clamp(np.floor(ymin * self.sy - 0.5), 0, self.rows).astype(np.int64)
        x1 = np.maximum(clamp(np.ceil(xmax * self.sx - 0.5) + 1, 0, self.cols).astype(np.int64), x0)
        y1 = np.maximum(clamp(np.ceil(ymax * self.sy - 0.5) + 1, 0, self.rows).astype(np.int64), y0)
        return x0, y0, x1, y1


@record(frozen=True)
class DirtyRect:
    """A pixel rectangle of one view, half-open: columns x0..x1-1, rows y0..y1-1."""

    view: str
    x0: int
    y0: int
    x1: int
    y1: int
    sx: float = DEFAULT_PX_PER_MM  # pixels per mm, for to_mm()
    sy: float = DEFAULT_PX_PER_MM

    def __init__(
        self,
        view: str,
        x0: int,
        y0: int,
        x1: int,
        y1: int,
        sx: float = DEFAULT_PX_PER_MM,
        sy: float = DEFAULT_PX_PER_MM,
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "x0", x0)
        set_field(self, "y0", y0)
        set_field(self, "x1", x1)
        set_field(self, "y1", y1)
        set_field(self, "sx", sx)
        set_field(self, "sy", sy)

    @property
    def empty(self) -> bool:
        return self.x1 <= self.x0 or self.y1 <= self.y0

    @property
    def width(self) -> int:
        return max(0, self.x1 - self.x0)

    @property
    def height(self) -> int:
        return max(0, self.y1 - self.y0)

    @property
    def slices(self) -> tuple[slice, slice]:
        """(rows, cols) slices for indexing a view's array."""
        return slice(self.y0, self.y1), slice(self.x0, self.x1)

    def union(self, other: DirtyRect) -> DirtyRect:
        """The smallest rectangle holding both (an empty one does not count)."""
        if other.empty:
            return self
        if self.empty:
            return other
        if other.view != self.view:
            raise PainmapError(f"cannot join dirty rectangles of views {self.view!r} and {other.view!r}")
        return DirtyRect(
            self.view,
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
            self.sx,
            self.sy,
        )

    def to_mm(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) in millimetres of the view."""
        return (self.x0 / self.sx, self.y0 / self.sy, self.x1 / self.sx, self.y1 / self.sy)

    @staticmethod
    def none(view: str) -> DirtyRect:
        """An empty rectangle of `view`."""
        return DirtyRect(view, 0, 0, 0, 0)


@record(frozen=True, eq=False)
class Patch:
    """A copy of the intensities under `rect`; put it back with `PainMasks.put_patch` for an exact undo."""

    rect: DirtyRect
    data: np.ndarray  # uint8, shape (rect.height, rect.width)

    def __init__(self, rect: DirtyRect, data: np.ndarray) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "rect", rect)
        set_field(self, "data", data)
