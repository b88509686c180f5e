"""Exchange with the CHOIR body map (REDCap image-map module): region keys <-> painmap drawings.

The CHOIR map's regions were fitted once onto painmap's charts by `tools/choir_fit.py` and stored in
`resources/choir/choir-map.json` (method and mapping error: docs/choir.md): on the male chart 1 (no anterior
view) both CHOIR maps' back keys (b01…b38) onto the posterior view; on chart 2 the male CHOIR map onto the
male chart and the female map onto the female chart, back keys onto the posterior view and front keys
(f01…f36) onto the anterior view. A drawing is read and written with the fit of its own chart. A region's
mapped area is its fitted polygon clipped to the body silhouette, on the comparison grid (1 px/mm).

- `export_choir(drawing)`: the keys of the regions the drawing covers, each at least `share` of its mapped area.
- `import_choir("b23,b24")`: a drawing covering exactly those mapped areas. CHOIR regions are not atlas regions,
  so they cannot be `fill` marks; the drawing is made of plain strokes of radius 0.6 mm, one along each pixel
  row of a region's mask, which paint exactly the mask's pixels at 1 px/mm (any painmap reads it; no new mark
  type, no format change: docs/decisions.md).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from painmap.errors import PainmapError
from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks, DirtyRect, polygon_crop

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.drawing import Drawing
    from painmap.raster import PainMasks

__all__ = [
    "BODIES",
    "MIN_AREA_MM2",
    "SHARE",
    "STROKE_RADIUS_MM",
    "ChoirError",
    "ChoirMap",
    "ChoirMasks",
    "ChoirRegion",
    "check_share",
    "choir_body",
    "choir_masks",
    "export_choir",
    "fitted_maps",
    "import_choir",
    "load_choir",
    "parse_keys",
]

SHARE = 0.5  # a region counts when the drawing covers at least this share of its mapped area
BODIES = ("male", "female")
STROKE_RADIUS_MM = 0.6  # < 1 px at 1 px/mm: a row's stroke paints exactly that row's pixels
MIN_AREA_MM2 = 50.0  # a region whose mapped area is smaller lies outside this chart's body (hands, cranium)
_KEY = re.compile(r"[fb]\d\d")


class ChoirError(PainmapError):
    """Unknown or unmapped CHOIR keys, a bad share or body."""


@dataclass(frozen=True)
class ChoirRegion:
    key: str
    title: str
    view: str
    polygon: np.ndarray  # mm on `view`
    outside_counterpart: float  # mapping error: share of the mapped area outside its painmap counterpart
    outside_silhouette: float  # share of the fitted polygon outside the body


@dataclass(frozen=True)
class ChoirMap:
    body: str
    regions: dict[str, ChoirRegion]  # mapped keys
    unmapped: dict[str, str]  # key -> why it is not mapped


def fitted_maps(chart: tuple[str, int]) -> tuple[str, ...]:
    """The CHOIR maps (bodies) fitted onto a chart (body, number), in the stored order; () for none."""
    return tuple(_fits().get(f"{chart[0]}-{chart[1]}", {}))


@lru_cache(maxsize=1)
def _fits() -> dict:
    from painmap.resources import resource_path

    path = resource_path("choir", "choir-map.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))["fits"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ChoirError(f"{path}: cannot read the CHOIR map: {err}") from None


def choir_body(body: str | None, chart: tuple[str, int]) -> str:
    """The CHOIR map to use on a chart: `body` when given and fitted there, else the chart's own body's map."""
    fitted = fitted_maps(chart)
    if body is not None and body not in BODIES:
        raise ChoirError(f"unknown body {body!r} (use {' or '.join(BODIES)})")
    chosen = body or (chart[0] if chart[0] in fitted else (fitted[0] if fitted else chart[0]))
    if chosen not in fitted:
        where = f"the {chart[0]} chart {chart[1]}"
        known = " and ".join(fitted) or "no"
        raise ChoirError(f"the {chosen} CHOIR map is not fitted onto {where} ({known} CHOIR map there; docs/choir.md)")
    return chosen


@lru_cache(maxsize=8)
def load_choir(body: str = "male", chart: tuple[str, int] = ("male", 1)) -> ChoirMap:
    """The CHOIR map of one body (the male or female CHOIR drawing) as fitted onto chart (body, number)."""
    body = choir_body(body, chart)
    try:
        data = _fits()[f"{chart[0]}-{chart[1]}"][body]
        regions = {
            key: ChoirRegion(
                key,
                r["title"],
                r["view"],
                np.asarray(r["polygon"], dtype=float),
                float(r["outside_counterpart"]),
                float(r["outside_silhouette"]),
            )
            for key, r in data["regions"].items()
        }
        unmapped = {key: f"{u['title']}: {u['reason']}" for key, u in data["unmapped"].items()}
    except (ValueError, KeyError, TypeError) as err:
        raise ChoirError(f"the stored CHOIR map of {chart[0]}-{chart[1]} is broken: {err}") from None
    return ChoirMap(body, regions, unmapped)


class ChoirMasks:
    """The mapped area of every CHOIR region on the comparison grid, built once per atlas, body and resolution."""

    def __init__(self, atlas: Atlas, body: str | None = None, px_per_mm: float = DEFAULT_PX_PER_MM) -> None:
        from painmap.chart_versions import chart_of

        chart = chart_of(atlas)
        self.atlas, self.px_per_mm = atlas, float(px_per_mm)
        self.map = load_choir(choir_body(body, chart), chart)
        self.masks = AtlasMasks(atlas, px_per_mm)
        self.crops: dict[str, tuple[DirtyRect, np.ndarray]] = {}
        for key, region in self.map.regions.items():
            if region.view not in atlas.views:
                continue
            rect, mask = polygon_crop(self.masks.grid(region.view), region.polygon)
            if rect.empty:
                continue
            mask = mask & self.masks.silhouette(region.view)[rect.slices]
            grid = self.masks.grid(region.view)
            if np.count_nonzero(mask) / (grid.sx * grid.sy) >= MIN_AREA_MM2:
                self.crops[key] = (rect, mask)

    def covered(self, masks: PainMasks, share: float = SHARE) -> list[str]:
        """Keys whose mapped area the drawing's masks cover by at least `share`, in key order."""
        out = []
        for key in sorted(self.crops):
            rect, mask = self.crops[key]
            painted = masks.intensity(rect.view)[rect.slices] != 0
            if np.count_nonzero(painted & mask) >= share * np.count_nonzero(mask):
                out.append(key)
        return out


_MASKS: dict[tuple[int, str | None, float], ChoirMasks] = {}


def choir_masks(atlas: Atlas, body: str | None = None, px_per_mm: float = DEFAULT_PX_PER_MM) -> ChoirMasks:
    """The ChoirMasks of an atlas, CHOIR map (default: the chart's own body's) and resolution, built once, kept."""
    key = (id(atlas), body, float(px_per_mm))
    hit = _MASKS.get(key)
    if hit is None or hit.atlas is not atlas:
        hit = _MASKS[key] = ChoirMasks(atlas, body, px_per_mm)
    return hit


def check_share(share: float) -> float:
    if not 0.0 < share <= 1.0:  # also NaN
        raise ChoirError(f"--share must be in (0, 1], not {share!r}")
    return share


def export_choir(
    drawing: Drawing | str | os.PathLike, share: float = SHARE, body: str | None = None, atlas: Atlas | None = None
) -> list[str]:
    """CHOIR keys the drawing covers (each at least `share` of the region's mapped area), in key order.

    The drawing is read on its own chart (or on `atlas`) and the CHOIR map fitted there is used: `body` (male or
    female CHOIR map) where both are fitted, by default the chart's own body's."""
    from painmap.cohort_chart import chart_atlas, load_own
    from painmap.drawing import Drawing
    from painmap.raster import PainMasks

    check_share(share)
    if not isinstance(drawing, Drawing):
        drawing, own = load_own(drawing, atlas)
        atlas = atlas if atlas is not None else own
    if atlas is None:
        atlas = chart_atlas(drawing.body, drawing.chart)
    if atlas is None:
        raise ChoirError(f"no CHOIR fit for a drawing of the {drawing.body} chart {drawing.chart}: update painmap")
    masks = PainMasks.from_drawing(drawing, atlas, DEFAULT_PX_PER_MM)
    return choir_masks(atlas, body).covered(masks, share)


def parse_keys(text: str, body: str | None = None, atlas: Atlas | None = None) -> list[str]:
    """The keys of a REDCap answer ("b23,b24"), checked: unknown or unmapped keys raise ChoirError (one line)."""
    from painmap.chart_versions import chart_of
    from painmap.cohort_chart import target_atlas

    atlas = atlas if atlas is not None else target_atlas(body)
    chart = chart_of(atlas)
    keys = [k.strip().lower() for k in text.split(",") if k.strip()]
    if not keys:
        raise ChoirError("no CHOIR keys given (e.g. --choir b23,b24)")
    bad = [k for k in keys if not _KEY.fullmatch(k)]
    choir = load_choir(choir_body(body, chart), chart)
    unknown = bad + [k for k in keys if k not in bad and k not in choir.regions and k not in choir.unmapped]
    if unknown:
        raise ChoirError(f"unknown CHOIR key {unknown[0]!r} (keys are f01-f36 and b01-b38)")
    for key in keys:
        if key in choir.unmapped:
            raise ChoirError(f"CHOIR key {key} ({choir.unmapped[key]}) cannot be drawn on this chart")
    crops = choir_masks(atlas, body).crops
    for key in keys:
        if key not in crops:
            title = choir.regions[key].title
            raise ChoirError(f"CHOIR key {key} ({title}) falls outside this chart's body after the fit (docs/choir.md)")
    return list(dict.fromkeys(keys))


def import_choir(text: str, body: str | None = None, atlas: Atlas | None = None, intensity: int = 5) -> Drawing:
    """A drawing that covers exactly the mapped areas of the CHOIR keys in `text` (strokes, one per pixel row).

    It is made on `atlas`'s chart (default: the current chart of `body`, male by default) with the CHOIR map
    fitted there (`body`'s where both are)."""
    from painmap.chart_versions import chart_of
    from painmap.cohort_chart import target_atlas
    from painmap.drawing import DEFAULT_QUALITY, Drawing, Stroke

    atlas = atlas if atlas is not None else target_atlas(body)
    keys = parse_keys(text, body, atlas)
    cm = choir_masks(atlas, body)
    marks = []
    for key in keys:
        rect, mask = cm.crops[key]
        grid = cm.masks.grid(rect.view)
        for r in range(mask.shape[0]):
            row = np.concatenate([[False], mask[r], [False]])
            edges = np.flatnonzero(np.diff(row.astype(np.int8)))
            y = round((rect.y0 + r + 0.5) / grid.sy, 3)
            for c0, c1 in zip(edges[::2], edges[1::2], strict=True):
                x0 = round((rect.x0 + c0 + 0.5) / grid.sx, 3)
                x1 = round((rect.x0 + c1 - 0.5) / grid.sx, 3)
                marks.append(Stroke(rect.view, STROKE_RADIUS_MM, intensity, DEFAULT_QUALITY, ((x0, y), (x1, y))))
    meta = {"choir_keys": ",".join(keys), "choir_body": cm.map.body, "note": "made by painmap import --choir"}
    chart_body, chart = chart_of(atlas)
    return Drawing(marks=marks, meta=meta, body=chart_body, chart=chart)
