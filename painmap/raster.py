"""The one mark primitive: marks become per-view pixel masks, and every change reports its dirty rectangle.

A brush stamp is the set of pixel centres within `radius` of a segment (a capsule, `brush`); a region is the
set of pixel centres inside its polygon (`polygons`, QtGui only: no widgets, no QGuiApplication needed). Grids
and rectangles are in `grid`, the atlas' silhouettes and region label maps in `atlas_masks`; this module holds
`PainMasks` and re-exports the rest, so `painmap.raster` stays the one import for all of it.

Intensity is kept per pixel as uint8 (0 = no pain, 1-10); the latest mark wins, an erase sets 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from painmap.atlas import Atlas
from painmap.atlas_masks import AtlasMasks, ViewMasks
from painmap.brush import (
    MAX_INTENSITY,
    as_points,
    capsule,
    capsule_spans,
    check_intensity,
    check_radius,
    many_points,
    polyline_segments,
    spans_mask,
    stack_masks,
    stroke_boxes,
    stroke_rect,
    union_mask,
)
from painmap.capsule import plain_segment, segment_box, segment_spans
from painmap.drawing import Drawing, Erase, Fill, Lasso, Mark, Stroke
from painmap.errors import PainmapError
from painmap.grid import DEFAULT_PX_PER_MM, MAX_COORDINATE, DirtyRect, Grid, Patch
from painmap.polygons import paint_polygons, polygon_crop, polygon_mask, polygon_path, silhouette_image

__all__ = [
    "DEFAULT_PX_PER_MM",
    "MAX_COORDINATE",
    "MAX_INTENSITY",
    "AtlasMasks",
    "DirtyRect",
    "Grid",
    "PainMasks",
    "Patch",
    "ViewMasks",
    "capsule",
    "capsule_spans",
    "lasso_rect",
    "paint_polygons",
    "polygon_crop",
    "polygon_mask",
    "polygon_path",
    "polyline_segments",
    "silhouette_image",
    "spans_mask",
    "stroke_rect",
]

_BATCH_PIXELS = 1 << 20  # work buffer of one batch of strokes (float64 edges): about 8 MB


def lasso_rect(grid: Grid, points) -> DirtyRect:
    """The pixels a lasso's outline may cover (its bounding box on the grid)."""
    poly = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if len(poly) == 0:
        return DirtyRect.none(grid.view)
    return grid.box(poly[:, 0].min(), poly[:, 1].min(), poly[:, 0].max(), poly[:, 1].max())


class PainMasks:
    """Per-view uint8 intensity arrays (0 = no pain, 1-10) painted by marks; arrays are created on first use.

    Every change works only inside the mark's bounding box and returns that box as a `DirtyRect`.
    """

    def __init__(self, atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> None:
        self.atlas = atlas
        self.px_per_mm = float(px_per_mm)
        self.atlas_masks = AtlasMasks(atlas, px_per_mm)
        self._arrays: dict[str, np.ndarray] = {}
        self._counts: dict[str, int] = {}
        self._extents: dict[str, DirtyRect] = {}

    # -- construction ------------------------------------------------------------------------------------------

    @classmethod
    def from_drawing(cls, drawing: Drawing, atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> PainMasks:
        """Masks of a whole drawing: its marks applied in order."""
        masks = cls(atlas, px_per_mm)
        masks.apply_marks(drawing.marks)
        return masks

    def copy(self) -> PainMasks:
        """An independent copy (arrays copied, atlas masks shared)."""
        other = PainMasks.__new__(PainMasks)
        other.atlas, other.px_per_mm, other.atlas_masks = self.atlas, self.px_per_mm, self.atlas_masks
        other._arrays = {v: a.copy() for v, a in self._arrays.items()}
        other._counts = dict(self._counts)
        other._extents = dict(self._extents)
        return other

    # -- reading -----------------------------------------------------------------------------------------------

    def grid(self, view: str) -> Grid:
        return self.atlas_masks.grid(view)

    def array(self, view: str) -> np.ndarray:
        """The view's live uint8 intensity array (created on first use). Do not write to it directly."""
        arr = self._arrays.get(view)
        if arr is None:
            arr = np.zeros(self.grid(view).shape, dtype=np.uint8)
            self._arrays[view] = arr
            self._counts[view] = 0
            self._extents[view] = DirtyRect.none(view)
        return arr

    def painted_array(self, view: str) -> np.ndarray | None:
        """The view's live array if it was ever painted, else None (nothing is created). Do not write to it."""
        return self._arrays.get(view)

    def intensity(self, view: str) -> np.ndarray:
        """A read-only view of the intensities (zeros for a view never painted)."""
        arr = self._arrays.get(view)
        out = arr.view() if arr is not None else np.zeros(self.grid(view).shape, dtype=np.uint8)
        out.flags.writeable = False
        return out

    def mask(self, view: str) -> np.ndarray:
        """Bool mask of painted pixels of a view."""
        arr = self._arrays.get(view)
        return arr != 0 if arr is not None else np.zeros(self.grid(view).shape, dtype=bool)

    def area(self, view: str) -> int:
        """Number of painted pixels of a view."""
        return self._counts.get(view, 0)

    def extent(self, view: str) -> DirtyRect:
        """A rectangle holding every painted pixel of a view (it may be larger than needed; empty if none)."""
        if not self._counts.get(view):
            return DirtyRect.none(view)
        return self._extents[view]

    def _grow(self, rect: DirtyRect) -> None:
        self._extents[rect.view] = self._extents[rect.view].union(rect)

    def views_used(self) -> list[str]:
        """Views holding any painted pixel, in atlas order."""
        return [v for v in self.atlas.views if self._counts.get(v, 0) > 0]

    @property
    def empty(self) -> bool:
        return not any(self._counts.values())

    # -- bounds ------------------------------------------------------------------------------------------------

    def bounds(self, mark: Mark) -> DirtyRect:
        """The pixels a mark may touch (what `apply` returns): take a patch of it before `apply` to undo."""
        if isinstance(mark, Fill):
            return self.atlas_masks.view(mark.view).region_rect(mark.region)
        if isinstance(mark, Lasso):
            return lasso_rect(self.grid(mark.view), mark.points)
        return stroke_rect(self.grid(mark.view), as_points(mark.points), check_radius(mark.radius))

    def touches_body(self, mark: Stroke | Lasso) -> bool:
        """Whether the stroke or lasso, applied alone, would paint a pixel of its view's silhouette: the pixels
        `apply` would set, found on the mark's box only; nothing is painted."""
        rect = self.bounds(mark)
        if rect.empty:
            return False
        check_intensity(mark.intensity)
        grid, body = self.grid(mark.view), self.atlas_masks.view(mark.view).silhouette
        if isinstance(mark, Lasso):
            rect, inside = polygon_crop(grid, mark.points, winding=True)
            return not rect.empty and bool(np.count_nonzero(inside & body[rect.slices]))
        strokes = many_points([(mark.points, mark.radius, 1)])
        if rect.height * (rect.width + 1) <= _BATCH_PIXELS:  # as `_paint_many` paints one mark
            hit = union_mask(grid, strokes, rect)
        else:
            (hit,) = stack_masks(grid, strokes, tuple(np.array([v]) for v in (rect.x0, rect.y0, rect.x1, rect.y1)))
        return bool(np.count_nonzero(hit & body[rect.slices]))

    # -- painting ----------------------------------------------------------------------------------------------

    def _paint(self, view: str, points, radius: float, value: int) -> DirtyRect:
        return self._paint_many(view, [(points, radius, value)])[0]

    def _paint_many(self, view: str, items: list[tuple[object, float, int]]) -> list[DirtyRect]:
        """Paint brush marks (points, radius, value; value 0 erases) in order; their rects.

        Each pixel takes the value of the last mark covering it, as if the marks were painted one by one.
        """
        grid = self.grid(view)
        strokes = many_points(items)
        boxes = stroke_boxes(grid, strokes)
        sx, sy = grid.sx, grid.sy
        rects = [DirtyRect(view, *box, sx, sy) for box in zip(*(v.tolist() for v in boxes), strict=True)]
        todo = [k for k, rect in enumerate(rects) if not rect.empty]
        if view not in self._arrays:  # erasing a view never painted changes nothing
            while todo and items[todo[0]][2] == 0:
                todo.pop(0)
        if not todo:
            return rects
        arr = self.array(view)
        one = len(todo) == 1
        sel = slice(todo[0], todo[0] + 1) if one else np.array(todo)
        x0, y0, x1, y1 = (v[sel] for v in boxes)
        area = (
            rects[todo[0]]
            if one
            else DirtyRect(view, int(x0.min()), int(y0.min()), int(x1.max()), int(y1.max()), sx, sy)
        )
        crop = arr[area.slices]
        before = np.count_nonzero(crop)
        sizes = np.cumsum((y1 - y0) * (x1 - x0 + 1))
        values = [items[k][2] for k in todo]
        start = 0
        if len(set(values)) == 1 and area.height * (area.width + 1) <= _BATCH_PIXELS:  # one value: the union
            crop[union_mask(grid, [strokes[k] for k in todo], area)] = values[0]
            start = len(todo)
        while start < len(todo):  # batches of bounded work-buffer size (at least one mark each)
            done = sizes[start - 1] if start else 0
            if sizes[-1] - done <= _BATCH_PIXELS:
                stop = len(todo)
            else:
                stop = max(start + 1, int(np.searchsorted(sizes, done + _BATCH_PIXELS, side="right")))
            part = (x0[start:stop], y0[start:stop], x1[start:stop], y1[start:stop])
            hits = stack_masks(grid, [strokes[k] for k in todo[start:stop]], part)
            for k, hit in zip(todo[start:stop], hits, strict=True):
                arr[rects[k].slices][hit] = items[k][2]
            start = stop
        # clip to the body once: pixels outside the silhouette are never painted, so this equals clipping each mark
        crop[~self.atlas_masks.view(view).silhouette[area.slices]] = 0
        self._counts[view] += np.count_nonzero(crop) - before
        if any(values):
            self._grow(area)
        return rects

    def segment(self, view: str, p0, p1, radius: float, intensity: int) -> DirtyRect:
        """Paint a capsule (discs of `radius` mm swept from p0 to p1), clipped to the silhouette."""
        return self._segment(view, p0, p1, radius, check_intensity(intensity))

    def erase_segment(self, view: str, p0, p1, radius: float) -> DirtyRect:
        """Erase (set to 0) the capsule from p0 to p1."""
        return self._segment(view, p0, p1, radius, 0)

    def _segment(self, view: str, p0, p1, radius: float, value: int) -> DirtyRect:
        """One capsule (a pointer move) from painmap.capsule's plain-Python spans: the pixels `_paint` gives."""
        seg = plain_segment(p0, p1, radius)
        if seg is None:  # not finite, out of range, a bad radius: the general path says which
            return self._paint(view, (p0, p1), radius, value)
        grid = self.grid(view)
        rect = segment_box(grid, *seg)
        if rect.empty or (value == 0 and view not in self._arrays):  # erasing a view never painted changes nothing
            return rect
        arr = self.array(view)
        crop = arr[rect.slices]
        before = np.count_nonzero(crop)
        for row, c0, c1 in segment_spans(grid, rect, *seg):
            arr[row, c0:c1] = value
        crop[~self.atlas_masks.view(view).silhouette[rect.slices]] = 0  # as `_paint_many` clips
        self._counts[view] += np.count_nonzero(crop) - before
        if value:
            self._grow(rect)
        return rect

    def fill(self, view: str, region: str, intensity: int) -> DirtyRect:
        """Set exactly the region's pixels to `intensity`."""
        value = check_intensity(intensity)
        rect, inside = self.atlas_masks.view(view).region_crop(region)
        if rect.empty:
            return rect
        crop = self.array(view)[rect.slices]
        before = np.count_nonzero(crop)
        crop[inside] = value
        self._counts[view] += np.count_nonzero(crop) - before
        self._grow(rect)
        return rect

    def lasso(self, view: str, points, intensity: int) -> DirtyRect:
        """Set the pixels inside the closed outline `points` (mm; non-zero winding) on the body to `intensity`."""
        value = check_intensity(intensity)
        rect, inside = polygon_crop(self.grid(view), points, winding=True)
        if rect.empty:
            return rect
        inside &= self.atlas_masks.view(view).silhouette[rect.slices]
        crop = self.array(view)[rect.slices]
        before = np.count_nonzero(crop)
        crop[inside] = value
        self._counts[view] += np.count_nonzero(crop) - before
        self._grow(rect)
        return rect

    def apply(self, mark: Mark) -> DirtyRect:
        """Apply one mark; a stroke is exactly the union of its segments (a one-point stroke is a disc)."""
        if isinstance(mark, Fill):
            return self.fill(mark.view, mark.region, mark.intensity)
        if isinstance(mark, Lasso):
            return self.lasso(mark.view, mark.points, mark.intensity)
        if isinstance(mark, Stroke):
            return self._paint(mark.view, mark.points, mark.radius, check_intensity(mark.intensity))
        if isinstance(mark, Erase):
            return self._paint(mark.view, mark.points, mark.radius, 0)
        raise PainmapError(f"unknown mark type {type(mark).__name__}")

    def apply_marks(self, marks: Sequence[Mark]) -> list[DirtyRect]:
        """Apply marks in order (the same pixels as `apply` one by one, batched for speed); their rects.

        Views are independent, so each view's marks are painted on their own, in their order: the strokes and
        erasures of a view between two of its fills or lassos are one batch, whatever marks of other views lie between.
        """
        by_view: dict[str, list[int]] = {}
        values: list[int] = []
        for k, mark in enumerate(marks):  # checked in order first: a bad mark fails before any painting
            if not isinstance(mark, Stroke | Erase | Fill | Lasso):
                raise PainmapError(f"unknown mark type {type(mark).__name__}")
            values.append(check_intensity(mark.intensity) if isinstance(mark, Stroke | Fill | Lasso) else 0)
            by_view.setdefault(mark.view, []).append(k)
        rects: list[DirtyRect] = [DirtyRect.none("")] * len(marks)
        for view, order in by_view.items():
            run: list[int] = []
            for k in [*order, -1]:
                if k >= 0 and isinstance(marks[k], Stroke | Erase):
                    run.append(k)
                    continue
                if run:
                    items = [(marks[j].points, marks[j].radius, values[j]) for j in run]  # type: ignore[union-attr]
                    for j, rect in zip(run, self._paint_many(view, items), strict=True):
                        rects[j] = rect
                    run = []
                if k >= 0:
                    rects[k] = self.apply(marks[k])
        return rects

    # -- undo --------------------------------------------------------------------------------------------------

    def take_patch(self, rect: DirtyRect) -> Patch:
        """A copy of the intensities under `rect`."""
        arr = self._arrays.get(rect.view)
        if arr is None:
            self.grid(rect.view)  # unknown view -> UnknownIdError
            return Patch(rect, np.zeros((rect.height, rect.width), dtype=np.uint8))
        return Patch(rect, arr[rect.slices].copy())

    def put_patch(self, patch: Patch) -> DirtyRect:
        """Put a patch back exactly; returns its rectangle."""
        rect = patch.rect
        if rect.empty:
            return rect
        crop = self.array(rect.view)[rect.slices]
        before = np.count_nonzero(crop)
        crop[...] = patch.data
        self._counts[rect.view] += np.count_nonzero(crop) - before
        self._grow(rect)
        return rect

    def clear(self) -> None:
        """Remove all pain."""
        self._arrays.clear()
        self._counts.clear()
        self._extents.clear()
