"""The one mark primitive: marks become per-view pixel masks, and every change reports its dirty rectangle.

Pixels sample their centre: pixel (row i, column j) of a view covers the millimetre square whose centre is
((j + 0.5) / sx, (i + 0.5) / sy), with sx = cols / width and sy = rows / height (≈ px_per_mm). A brush stamp
is the set of pixel centres within `radius` of a segment (a capsule); a region is the set of pixel centres
inside its polygon (QPainter on a Grayscale8 QImage over a numpy buffer, antialiasing off). QtGui only: no
widgets, no QGuiApplication needed.

Intensity is kept per pixel as uint8 (0 = no pain, 1-10); the latest mark wins, an erase sets 0.
"""

from __future__ import annotations

import contextlib
import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import numpy as np
from PySide6.QtCore import QPointF  # not the Qt namespace: building its enums costs ~15 ms at start-up
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPolygonF

from painmap.atlas import Atlas, View, mirror_region_id
from painmap.drawing import Drawing, Erase, Fill, Mark, Stroke
from painmap.errors import PainmapError
from painmap.geometry import nonzero_box

# 1 px per mm: the posterior view (640 x 1800 mm) is a 640 x 1800 px grid (1.15 Mpx). A millimetre is far below
# the precision of a finger or mouse drawing and of the patterns themselves, metrics agree with 2 px/mm within
# ~1 %, and the whole library scores in a few milliseconds. The canvas scales the masks for display.
DEFAULT_PX_PER_MM = 1.0

MAX_INTENSITY = 10
MAX_COORDINATE = 1e6  # mm; far beyond any view, small enough that pixel arithmetic stays exact
_MIRROR_TOLERANCE = 0.005  # a self-mirror view is symmetrized only when its halves already agree to 0.5 %
_FLAT_ROWS = 4096  # capsule_spans computes up to this many rows in one flat pass, more in groups
_BATCH_PIXELS = 1 << 20  # work buffer of one batch of strokes (float64 edges): about 8 MB


def _clamp(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """np.clip without its Python-level overhead (it matters for single brush segments)."""
    return np.minimum(np.maximum(values, lo), hi)


@dataclass(frozen=True)
class Grid:
    """The pixel grid of one view: `shape` is (rows, cols); `sx`, `sy` are pixels per mm on each axis."""

    view: str
    width: float
    height: float
    px_per_mm: float = DEFAULT_PX_PER_MM

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
        x0 = _clamp(np.floor(xmin * self.sx - 0.5), 0, self.cols).astype(np.int64)
        y0 = _clamp(np.floor(ymin * self.sy - 0.5), 0, self.rows).astype(np.int64)
        x1 = np.maximum(_clamp(np.ceil(xmax * self.sx - 0.5) + 1, 0, self.cols).astype(np.int64), x0)
        y1 = np.maximum(_clamp(np.ceil(ymax * self.sy - 0.5) + 1, 0, self.rows).astype(np.int64), y0)
        return x0, y0, x1, y1


@dataclass(frozen=True)
class DirtyRect:
    """A pixel rectangle of one view, half-open: columns x0..x1-1, rows y0..y1-1."""

    view: str
    x0: int
    y0: int
    x1: int
    y1: int
    sx: float = DEFAULT_PX_PER_MM  # pixels per mm, for to_mm()
    sy: float = DEFAULT_PX_PER_MM

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


@dataclass(frozen=True, eq=False)
class Patch:
    """A copy of the intensities under `rect`; put it back with `PainMasks.put_patch` for an exact undo."""

    rect: DirtyRect
    data: np.ndarray  # uint8, shape (rect.height, rect.width)


# --- polygons ---------------------------------------------------------------------------------------------------


def _path(poly: np.ndarray) -> QPainterPath:
    """A closed path (odd-even fill) through the vertices; filled without a pen, antialiasing off."""
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in poly.tolist()]))
    path.closeSubpath()
    return path


def polygon_crop(grid: Grid, polygon) -> tuple[DirtyRect, np.ndarray]:
    """Rasterize a polygon (mm) on its bounding box only: (rect, bool mask of rect's shape)."""
    poly = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
    if len(poly) < 3 or not np.isfinite(poly).all():
        return DirtyRect.none(grid.view), np.zeros((0, 0), dtype=bool)
    rect = grid.box(poly[:, 0].min(), poly[:, 1].min(), poly[:, 0].max(), poly[:, 1].max())
    if rect.empty:
        return rect, np.zeros((rect.height, rect.width), dtype=bool)
    with _gray_painter(rect.height, rect.width) as (buf, painter):
        painter.translate(-rect.x0, -rect.y0)
        painter.scale(grid.sx, grid.sy)
        painter.fillPath(_path(poly), QColor(255, 255, 255))
    return rect, buf != 0


@contextlib.contextmanager
def _gray_painter(rows: int, cols: int):
    """A QPainter (antialiasing off) on a zeroed uint8 numpy image of rows × cols; yields (image view, painter).

    The QImage shares the buffer's memory, so the buffer outlives it; the painter is ended on exit.
    """
    stride = (cols + 3) // 4 * 4  # QImage rows are 32-bit aligned
    buf = np.zeros((rows, stride), dtype=np.uint8)
    image = QImage(buf.data, cols, rows, stride, QImage.Format.Format_Grayscale8)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        yield buf[:, :cols], painter
    finally:
        painter.end()
        del image


def polygon_mask(grid: Grid, polygon) -> np.ndarray:
    """Bool mask of the grid's shape: True where the pixel centre is inside the polygon (mm)."""
    out = np.zeros(grid.shape, dtype=bool)
    rect, crop = polygon_crop(grid, polygon)
    if not rect.empty:
        out[rect.slices] = crop
    return out


def capsule(xs: np.ndarray, ys: np.ndarray, p0: Sequence[float], p1: Sequence[float], radius: float) -> np.ndarray:
    """Bool (len(ys), len(xs)): pixel centres within `radius` of the segment p0-p1 (a disc when p0 == p1).

    The brush's definition by distance; the brush itself uses `capsule_spans`, which gives the same pixels up to
    floating-point ties and is exact under batching and mirroring (tests compare the two).
    """
    x0, y0 = float(p0[0]), float(p0[1])
    dx, dy = float(p1[0]) - x0, float(p1[1]) - y0
    ax = (xs - x0)[None, :]
    ay = (ys - y0)[:, None]
    length2 = dx * dx + dy * dy
    if length2 > 0.0:
        t = np.clip((ax * dx + ay * dy) / length2, 0.0, 1.0)
        ax = ax - t * dx
        ay = ay - t * dy
    return ax * ax + ay * ay <= radius * radius


# --- atlas masks ------------------------------------------------------------------------------------------------


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


def paint_polygons(grid: Grid, polygons: Sequence[tuple[np.ndarray, int]]) -> np.ndarray:
    """uint8 image of the grid with each polygon filled with its value (1-255), later ones on top."""
    with _gray_painter(grid.rows, grid.cols) as (buf, painter):
        painter.scale(grid.sx, grid.sy)
        for polygon, value in polygons:
            poly = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
            if len(poly) < 3 or not np.isfinite(poly).all():
                continue
            painter.fillPath(_path(poly), QColor(value, value, value))  # Grayscale8 keeps r = g = b = value
    return buf


def _rasterize_view(view: View, grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    silhouette = paint_polygons(grid, [(poly, 255) for poly in view.silhouette]) != 0
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


# --- pain masks -------------------------------------------------------------------------------------------------


def _check_radius(radius: float) -> float:
    radius = float(radius)
    if not (math.isfinite(radius) and radius > 0):
        raise PainmapError(f"brush radius must be a positive number of mm, not {radius}")
    return radius


def _check_intensity(intensity: int) -> int:
    if isinstance(intensity, bool) or int(intensity) != intensity or not 1 <= intensity <= MAX_INTENSITY:
        raise PainmapError(f"intensity must be a whole number from 1 to {MAX_INTENSITY}, not {intensity!r}")
    return int(intensity)


def _as_points(points) -> np.ndarray:
    """(n, 2) float array of finite points, n >= 1."""
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) == 0:
        raise PainmapError("a stroke needs at least one [x, y] point")
    if not (np.isfinite(pts).all() and np.abs(pts).max() <= MAX_COORDINATE):
        raise PainmapError(f"stroke points must be finite numbers within ±{MAX_COORDINATE:g} mm")
    return pts


def _many_points(items: Sequence[tuple[object, float, int]]) -> list[tuple[np.ndarray, float]]:
    """(points array, radius) of many brush marks, converted and checked in one pass when they are well formed."""
    lengths = [len(points) for points, _, _ in items]  # type: ignore[arg-type]
    if len(items) > 1 and min(lengths) > 0:
        try:
            flat = np.array([xy for points, _, _ in items for xy in points], dtype=np.float64)  # type: ignore[union-attr]
        except (TypeError, ValueError):
            flat = None
        if flat is not None and flat.ndim == 2 and flat.shape[1] == 2:
            _as_points(flat)  # finite and in range
            parts = np.split(flat, np.cumsum(lengths)[:-1])
            return [(pts, _check_radius(radius)) for pts, (_, radius, _) in zip(parts, items, strict=True)]
    return [(_as_points(points), _check_radius(radius)) for points, radius, _ in items]


def stroke_rect(grid: Grid, points: np.ndarray, radius: float) -> DirtyRect:
    """The pixels a polyline of discs may touch (the union of its segments' boxes)."""
    lo, hi = points.min(axis=0), points.max(axis=0)
    return grid.box(lo[0] - radius, lo[1] - radius, hi[0] + radius, hi[1] + radius)


def _stroke_boxes(grid: Grid, strokes: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, ...]:
    """`stroke_rect` of many strokes at once (the same numbers), as int arrays x0, y0, x1, y1."""
    points = np.concatenate([pts for pts, _ in strokes])
    starts = np.cumsum([0] + [len(pts) for pts, _ in strokes[:-1]])
    lo, hi = np.minimum.reduceat(points, starts), np.maximum.reduceat(points, starts)
    r = np.array([radius for _, radius in strokes])
    return grid.boxes(lo[:, 0] - r, lo[:, 1] - r, hi[:, 0] + r, hi[:, 1] + r)


def _stroke_rects(grid: Grid, strokes: list[tuple[np.ndarray, float]]) -> list[DirtyRect]:
    """`stroke_rect` of many strokes at once (the same numbers)."""
    sx, sy, view = grid.sx, grid.sy, grid.view
    return [
        DirtyRect(view, x0, y0, x1, y1, sx, sy)
        for x0, y0, x1, y1 in zip(*(v.tolist() for v in _stroke_boxes(grid, strokes)), strict=True)
    ]


def polyline_segments(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Segment starts and ends of a polyline; one point is one zero-length segment (a disc)."""
    if len(points) == 1:
        return points, points
    return points[:-1], points[1:]


def capsule_spans(
    grid: Grid, a: np.ndarray, b: np.ndarray, radius: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Row spans of the capsules a[k]-b[k] (radius[k]): arrays (row, first column, end column, k), by segment.

    A pixel belongs to a capsule when its centre lies in the capsule's closed horizontal slice at the pixel's
    row. The slice's ends come from the two end discs and the two long sides. Every span is computed on its own
    from its segment alone, so a stroke is exactly the union of its segments however they are batched, and a
    mirrored segment gives mirrored spans (the slice is closed at both ends). Segments are computed in groups
    of equal row count, as (segments x rows) arrays.
    """
    r = np.broadcast_to(np.asarray(radius, dtype=np.float64), (len(a),))
    with np.errstate(all="ignore"):
        ymin, ymax = np.minimum(a[:, 1], b[:, 1]) - r, np.maximum(a[:, 1], b[:, 1]) + r
        i0 = _clamp(np.floor(ymin * grid.sy - 0.5), 0, grid.rows).astype(np.int64)
        i1 = _clamp(np.ceil(ymax * grid.sy - 0.5) + 1, 0, grid.rows).astype(np.int64)
    counts = np.maximum(i1 - i0, 0)
    total = int(counts.sum())
    starts = np.cumsum(counts) - counts
    seg = np.repeat(np.arange(len(a)), counts)
    row = np.repeat(i0 - starts, counts) + np.arange(total)
    if total <= _FLAT_ROWS:  # few rows: one flat pass has less call overhead
        left, right = _slices(
            (row + 0.5) / grid.sy, *(np.repeat(v, counts) for v in (a[:, 0], a[:, 1], b[:, 0], b[:, 1], r))
        )
    else:  # many rows: groups of equal row count, as (segments x rows) arrays, avoid repeating every parameter
        left = np.empty(total)
        right = np.empty(total)
        order = np.argsort(counts, kind="stable")
        values, firsts = np.unique(counts[order], return_index=True)
        ends = [*firsts[1:].tolist(), len(order)]
        for count, first, last in zip(values.tolist(), firsts.tolist(), ends, strict=True):
            if count:
                g = order[first:last]
                where = (starts[g][:, None] + np.arange(count)).ravel()
                y = (i0[g][:, None] + np.arange(count) + 0.5) / grid.sy
                col = (v[g][:, None] for v in (a[:, 0], a[:, 1], b[:, 0], b[:, 1], r))
                left[where], right[where] = (v.ravel() for v in _slices(y, *col))
    with np.errstate(invalid="ignore"):
        keep = left <= right
        c0 = _clamp(np.ceil(left[keep] * grid.sx - 0.5), 0, grid.cols).astype(np.int64)
        c1 = _clamp(np.floor(right[keep] * grid.sx - 0.5) + 1, 0, grid.cols).astype(np.int64)
    nonempty = c1 > c0
    return row[keep][nonempty], c0[nonempty], c1[nonempty], seg[keep][nonempty]


def _slices(y, ax, ay, bx, by, r) -> tuple[np.ndarray, np.ndarray]:
    """Slice ends (mm) of capsules at row centres y; NaN or left > right where a row misses its capsule.

    Arguments broadcast (flat arrays, or per-segment columns against a segments x rows `y`); each element is
    computed by the same operations either way, so both layouts give identical spans.
    """
    with np.errstate(all="ignore"):  # NaN marks "no candidate"; fmin/fmax skip it
        r2 = r * r
        d0, d1 = y - ay, y - by
        h0, h1 = np.sqrt(r2 - d0 * d0), np.sqrt(r2 - d1 * d1)  # NaN off the disc
        left = np.fmin(ax - h0, bx - h1)
        right = np.fmax(ax + h0, bx + h1)
        dx, dy = bx - ax, by - ay
        length = np.sqrt(dx * dx + dy * dy)
        slanted = (dy != 0) & (length > 0)  # a horizontal capsule's slices are spanned by its end discs
        if np.any(slanted):
            inv = np.where(slanted, 1.0 / dy, np.nan)
            nx = np.where(slanted, -dy / length * r, 0.0)  # the normal scaled by the radius
            ny = np.where(slanted, dx / length * r, 0.0)
            for t, xoff in (((d0 - ny) * inv, nx), ((d0 + ny) * inv, -nx)):  # the two long sides
                xs = np.where((t >= 0.0) & (t <= 1.0), ax + t * dx + xoff, np.nan)
                left = np.fmin(left, xs)
                right = np.fmax(right, xs)
    return np.broadcast_to(left, np.shape(y)), np.broadcast_to(right, np.shape(y))


def spans_mask(rows: np.ndarray, c0: np.ndarray, c1: np.ndarray, rect: DirtyRect) -> np.ndarray:
    """Bool mask of rect's shape covering the union of the spans (which must lie inside rect)."""
    h, w = rect.height, rect.width
    base = (rows - rect.y0) * (w + 1)
    size = h * (w + 1)
    edges = np.bincount(base + (c0 - rect.x0), minlength=size) - np.bincount(base + (c1 - rect.x0), minlength=size)
    return np.cumsum(edges.reshape(h, w + 1), axis=1)[:, :w] > 0


def _segments(strokes: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`polyline_segments` of many strokes in order: segment starts, ends, radii and the stroke of each."""
    if len(strokes) == 1:  # the app's pointer moves: one stroke of a segment or a few
        a, b = polyline_segments(strokes[0][0])
        return a, b, np.full(len(a), strokes[0][1], dtype=np.float64), np.zeros(len(a), dtype=np.int64)
    lengths = np.array([len(pts) for pts, _ in strokes])
    points = np.concatenate([pts for pts, _ in strokes])
    owner = np.repeat(np.arange(len(strokes)), lengths)
    single = (lengths == 1)[owner]
    starts = np.ones(len(points), dtype=bool)
    starts[np.cumsum(lengths) - 1] = False  # a segment starts at every point but a stroke's last ...
    first = np.flatnonzero(starts | single)  # ... or at the only point of a one-point stroke (a disc)
    radii = np.array([radius for _, radius in strokes], dtype=np.float64)
    return points[first], points[first + ~single[first]], radii[owner[first]], owner[first]


def _stack_masks(
    grid: Grid, strokes: list[tuple[np.ndarray, float]], boxes: tuple[np.ndarray, ...]
) -> list[np.ndarray]:
    """The union masks of many strokes at once, each over its own box (x0, y0, x1, y1 arrays; one vectorized pass).

    Each stroke's spans are summed on a buffer of its own box, so its mask is exactly its own, whatever the others.
    """
    a, b, r, owner = _segments(strokes)
    rows, c0, c1, seg = capsule_spans(grid, a, b, r)
    mark = owner[seg]
    x0, y0, x1, y1 = boxes
    w1 = x1 - x0 + 1  # one more column per row for the spans' ends
    sizes = (y1 - y0) * w1
    offsets = np.cumsum(sizes) - sizes
    base = offsets[mark] + (rows - y0[mark]) * w1[mark] - x0[mark]
    total = int(sizes.sum())
    # every row's +1/-1 pairs cancel, so one running sum over all rows of all boxes is each row's own
    starts_ends = np.concatenate([base + c0, base + c1])
    signs = np.concatenate([np.ones(len(c0)), np.full(len(c1), -1.0)])
    edges = np.bincount(starts_ends, weights=signs, minlength=total)  # one output array: fewer fresh pages
    flat = np.cumsum(edges) > 0.5  # small whole numbers: exact in float64
    return [
        flat[off : off + size].reshape(h, w + 1)[:, :w]
        for off, size, h, w in zip(offsets.tolist(), sizes.tolist(), (y1 - y0).tolist(), (w1 - 1).tolist(), strict=True)
    ]


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

    def segment_bounds(self, view: str, p0, p1, radius: float) -> DirtyRect:
        """The pixels a segment may touch."""
        return stroke_rect(self.grid(view), _as_points([p0, p1]), _check_radius(radius))

    def bounds(self, mark: Mark) -> DirtyRect:
        """The pixels a mark may touch (what `apply` returns): take a patch of it before `apply` to undo."""
        if isinstance(mark, Fill):
            return self.atlas_masks.view(mark.view).region_rect(mark.region)
        return stroke_rect(self.grid(mark.view), _as_points(mark.points), _check_radius(mark.radius))

    # -- painting ----------------------------------------------------------------------------------------------

    def _paint(self, view: str, points, radius: float, value: int) -> DirtyRect:
        return self._paint_many(view, [(points, radius, value)])[0]

    def _paint_many(self, view: str, items: list[tuple[object, float, int]]) -> list[DirtyRect]:
        """Paint brush marks (points, radius, value; value 0 erases) in order; their rects.

        Each pixel takes the value of the last mark covering it, as if the marks were painted one by one.
        """
        grid = self.grid(view)
        strokes = _many_points(items)
        boxes = _stroke_boxes(grid, strokes)
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
        while start < len(todo):  # batches of bounded work-buffer size (at least one mark each)
            done = sizes[start - 1] if start else 0
            if sizes[-1] - done <= _BATCH_PIXELS:
                stop = len(todo)
            else:
                stop = max(start + 1, int(np.searchsorted(sizes, done + _BATCH_PIXELS, side="right")))
            part = (x0[start:stop], y0[start:stop], x1[start:stop], y1[start:stop])
            hits = _stack_masks(grid, [strokes[k] for k in todo[start:stop]], part)
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
        return self._paint(view, (p0, p1), radius, _check_intensity(intensity))

    def erase_segment(self, view: str, p0, p1, radius: float) -> DirtyRect:
        """Erase (set to 0) the capsule from p0 to p1."""
        return self._paint(view, (p0, p1), radius, 0)

    def fill(self, view: str, region: str, intensity: int) -> DirtyRect:
        """Set exactly the region's pixels to `intensity`."""
        value = _check_intensity(intensity)
        rect, inside = self.atlas_masks.view(view).region_crop(region)
        if rect.empty:
            return rect
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
        if isinstance(mark, Stroke):
            return self._paint(mark.view, mark.points, mark.radius, _check_intensity(mark.intensity))
        if isinstance(mark, Erase):
            return self._paint(mark.view, mark.points, mark.radius, 0)
        raise PainmapError(f"unknown mark type {type(mark).__name__}")

    def apply_marks(self, marks: Sequence[Mark]) -> list[DirtyRect]:
        """Apply marks in order (the same pixels as `apply` one by one, batched for speed); their rects.

        Views are independent, so each view's marks are painted on their own, in their order: the strokes and
        erasures of a view between two of its fills are one batch, whatever marks of other views lie between.
        """
        by_view: dict[str, list[int]] = {}
        values: list[int] = []
        for k, mark in enumerate(marks):  # checked in order first: a bad mark fails before any painting
            if not isinstance(mark, Stroke | Erase | Fill):
                raise PainmapError(f"unknown mark type {type(mark).__name__}")
            values.append(_check_intensity(mark.intensity) if isinstance(mark, Stroke | Fill) else 0)
            by_view.setdefault(mark.view, []).append(k)
        rects: list[DirtyRect] = [DirtyRect.none("")] * len(marks)
        for view, order in by_view.items():
            run: list[int] = []
            for k in [*order, -1]:
                if k >= 0 and not isinstance(marks[k], Fill):
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
