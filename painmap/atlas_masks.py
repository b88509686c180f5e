"""Cached masks of an atlas at one resolution: the silhouette and the region label map of each view.

`AtlasMasks(atlas, px_per_mm).view(view_id)` is a `ViewMasks`; its `labels` array is the one answer to
"which region is this pixel in" (0 outside the body, k + 1 inside region k of `view.regions`).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import ClassVar

import numpy as np

from painmap.atlas import Atlas, View, mirror_region_id
from painmap.errors import PainmapError
from painmap.geometry import nonzero_box
from painmap.grid import DEFAULT_PX_PER_MM, DirtyRect, Grid
from painmap.polygons import paint_polygons, polygon_crop, silhouette_image

__all__ = ["AtlasMasks", "ViewMasks"]

_MIRROR_TOLERANCE = 0.005  # a self-mirror view is symmetrized only when its halves already agree to 0.5 %


class ViewMasks:
    """Silhouette, region labels and region masks of one view at one resolution."""

    def __init__(self, view: View, grid: Grid, silhouette: np.ndarray, labels: np.ndarray) -> None:
        self.view = view
        self.grid = grid
        self.silhouette = silhouette  # bool (rows, cols)
        self.labels = labels  # uint16: 0 outside the silhouette, k + 1 inside region k of view.regions
        self.region_ids: tuple[str, ...] = tuple(r.id for r in view.regions)
        self.zones: tuple[str, ...] = tuple(r.zone for r in view.regions)
        self._index = {rid: k + 1 for k, rid in enumerate(self.region_ids)}
        self._rects: dict[str, DirtyRect] = {}
        self.silhouette_area = int(np.count_nonzero(silhouette))

    def label_of(self, region_id: str) -> int:
        """The label value of a region (UnknownIdError through the view when unknown)."""
        if region_id not in self._index:
            self.view.region(region_id)  # raises UnknownIdError with the view's message
        return self._index[region_id]

    def region_rect(self, region_id: str) -> DirtyRect:
        """Bounding rectangle of the region's pixels (empty when it has none at this resolution)."""
        rect = self._rects.get(region_id)
        if rect is None:
            box = nonzero_box(self.labels == self.label_of(region_id))
            g = self.grid
            r0, r1, c0, c1 = box or (0, 0, 0, 0)
            rect = DirtyRect(g.view, c0, r0, c1, r1, g.sx, g.sy)
            self._rects[region_id] = rect
        return rect

    def region_crop(self, region_id: str) -> tuple[DirtyRect, np.ndarray]:
        """(rect, bool mask of the region within rect)."""
        rect = self.region_rect(region_id)
        return rect, self.labels[rect.slices] == self.label_of(region_id)

    def region_mask(self, region_id: str) -> np.ndarray:
        """Bool mask of the grid's shape: exactly the pixels of the region."""
        return self.labels == self.label_of(region_id)


def _fill_gaps(labels: np.ndarray, silhouette: np.ndarray, max_steps: int = 64) -> None:
    """Give silhouette pixels that no region covered (seams between regions) a neighbour's label, in place.

    Each step, every gap pixel with a labelled 4-neighbour takes the first of right, left, down, up.
    """
    gy, gx = np.nonzero(silhouette & (labels == 0))
    rows, cols = labels.shape
    for _ in range(max_steps):
        if not len(gy):
            return
        found = np.zeros(len(gy), dtype=labels.dtype)
        for dy, dx in ((0, 1), (0, -1), (1, 0), (-1, 0)):
            ny, nx = np.clip(gy + dy, 0, rows - 1), np.clip(gx + dx, 0, cols - 1)
            found = np.where(found == 0, labels[ny, nx], found)
        done = found != 0
        if not done.any():
            return
        labels[gy[done], gx[done]] = found[done]
        gy, gx = gy[~done], gx[~done]


def _rasterize_view(view: View, grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    silhouette = silhouette_image(grid, view.silhouette)
    if len(view.regions) < 255:
        labels = paint_polygons(grid, [(r.polygon, k) for k, r in enumerate(view.regions, start=1)])
        labels = labels.astype(np.uint16)
    else:  # more regions than gray levels
        labels = np.zeros(grid.shape, dtype=np.uint16)
        for k, region in enumerate(view.regions, start=1):
            rect, crop = polygon_crop(grid, region.polygon)
            if not rect.empty:
                labels[rect.slices][crop] = k
    if not silhouette.any():  # an atlas without an outline: the regions are the body
        silhouette = labels != 0
    labels[~silhouette] = 0
    _fill_gaps(labels, silhouette)
    return silhouette, labels


def _mirror_lut(view: View, source: View) -> np.ndarray | None:
    """Label lookup table from `source`'s labels to `view`'s for mirrored regions, or None if they do not pair."""
    index = {r.id: k for k, r in enumerate(view.regions, start=1)}
    lut = np.zeros(len(source.regions) + 1, dtype=np.uint16)
    for k, region in enumerate(source.regions, start=1):
        target = index.get(mirror_region_id(region.id))
        if target is None:
            return None
        lut[k] = target
    if len(set(lut[1:].tolist())) != len(view.regions):
        return None
    return lut


class AtlasMasks:
    """Cached masks of an atlas at one resolution; views are rasterized on first use.

    `AtlasMasks(atlas, px_per_mm)` returns the same instance for the same atlas object and resolution (a small
    cache of the most recent few). Mirror pairs are exact: a view whose mirror is listed earlier in the atlas
    (lateral-left) is the flip of that view, and a self-mirror view (posterior) is made exactly symmetric when
    its drawn halves already agree (only pixel centres lying on an outline can differ).
    """

    _cache: ClassVar[OrderedDict[tuple[int, float], AtlasMasks]] = OrderedDict()
    _CACHE_SIZE: ClassVar[int] = 4

    def __new__(cls, atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> AtlasMasks:
        key = (id(atlas), float(px_per_mm))
        hit = cls._cache.get(key)
        if hit is not None and hit.atlas is atlas:
            cls._cache.move_to_end(key)
            return hit
        self = super().__new__(cls)
        self.atlas = atlas
        self.px_per_mm = float(px_per_mm)
        self._views: dict[str, ViewMasks] = {}
        cls._cache[key] = self
        while len(cls._cache) > cls._CACHE_SIZE:
            cls._cache.popitem(last=False)
        return self

    def __init__(self, atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> None:
        if not (math.isfinite(px_per_mm) and 0.05 <= px_per_mm <= 20):
            raise PainmapError(f"resolution {px_per_mm} px/mm is out of range (0.05-20)")

    def grid(self, view_id: str) -> Grid:
        """The view's pixel grid (without rasterizing the view)."""
        masks = self._views.get(view_id)
        if masks is not None:
            return masks.grid
        view = self.atlas.view(view_id)
        return Grid(view.id, view.width, view.height, self.px_per_mm)

    def view(self, view_id: str) -> ViewMasks:
        """The masks of one view (UnknownIdError for an unknown view)."""
        masks = self._views.get(view_id)
        if masks is None:
            masks = self._build(self.atlas.view(view_id))
            self._views[view_id] = masks
        return masks

    def silhouette(self, view_id: str) -> np.ndarray:
        return self.view(view_id).silhouette

    def region_mask(self, view_id: str, region_id: str) -> np.ndarray:
        return self.view(view_id).region_mask(region_id)

    def _build(self, view: View) -> ViewMasks:
        grid = Grid(view.id, view.width, view.height, self.px_per_mm)
        order = list(self.atlas.views)
        mirror = self.atlas.views.get(view.mirror)
        if mirror is not None and mirror is not view and order.index(mirror.id) < order.index(view.id):
            source = self.view(mirror.id)
            lut = _mirror_lut(view, mirror)
            if lut is not None and source.grid.shape == grid.shape:
                return ViewMasks(view, grid, source.silhouette[:, ::-1].copy(), lut[source.labels[:, ::-1]])
        silhouette, labels = _rasterize_view(view, grid)
        if mirror is view:
            silhouette, labels = _symmetrize(view, silhouette, labels)
        return ViewMasks(view, grid, silhouette, labels)


def _symmetrize(view: View, silhouette: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Copy the viewer's left half onto the right, mirrored, when the halves differ only on outline pixels."""
    lut = _mirror_lut(view, view)
    area = max(1, int(np.count_nonzero(silhouette)))
    if lut is None or np.count_nonzero(silhouette != silhouette[:, ::-1]) > _MIRROR_TOLERANCE * area:
        return silhouette, labels
    if np.count_nonzero(labels != lut[labels[:, ::-1]]) > _MIRROR_TOLERANCE * area:
        return silhouette, labels
    cols = silhouette.shape[1]
    half = (cols + 1) // 2  # columns >= half are the mirror of columns < cols - half
    silhouette = silhouette.copy()
    labels = labels.copy()
    silhouette[:, half:] = silhouette[:, : cols - half][:, ::-1]
    labels[:, half:] = lut[labels[:, : cols - half][:, ::-1]]
    return silhouette, labels
