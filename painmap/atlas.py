"""The body chart: views, regions, landmarks and drawn outlines, loaded from resources/atlas.

Frame (docs/architecture.md): millimetres of a reference adult (standing height 1,750 mm), y down.
`resources/atlas/posterior.svg` and `lateral.svg` are the source of truth (layers `art`, `regions`, `landmarks`,
data in painmap:* attributes; docs/atlas.md); `lateral-left` is derived as the mirror of `lateral`.
`load_atlas()` reads them (cached), `to_json()` and `format_text()` present them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from painmap import geometry
from painmap.chart_views import EDGE_LABELS, MIRRORS, TITLES, VIEW_FILES
from painmap.errors import AtlasError, PainmapError, UnknownIdError
from painmap.svgpath import iter_shapes, local_name

if TYPE_CHECKING:  # only annotations: the SVG parser is imported when a chart is read
    import xml.etree.ElementTree as ET

# fmt: off
__all__ = [
    "COVERAGE_TOLERANCE", "EDGE_LABELS", "INKSCAPE_NS", "MIRRORS", "NS", "OUTLINE_KINDS", "REQUIRED_LANDMARKS",
    "REQUIRED_ZONES", "SIDES", "TITLES", "VIEW_FILES", "Atlas", "Landmark", "Outline", "Region", "View",
    "clear_cache", "format_text", "load_atlas", "mirror_region_id", "mirror_view", "region_id", "to_json"
]
# fmt: on

SIDES = ("left", "right", "midline")


@dataclass(frozen=True, eq=False)
class Region:
    """One cell of the partition of a view's silhouette."""

    id: str  # e.g. "buttock-right"
    zone: str  # e.g. "buttock"
    side: str  # left | right | midline
    polygon: np.ndarray  # (N, 2) mm, implicitly closed
    label: str = ""  # plain-language name, e.g. "right buttock"


@dataclass(frozen=True)
class Landmark:
    """A bony landmark: `id` names the kind (e.g. "psis"), `side` tells which one."""

    id: str
    side: str
    x: float
    y: float
    label: str = ""

    @property
    def key(self) -> str:
        """Unique within a view: "psis-left", or "coccyx" for midline landmarks."""
        return self.id if self.side == "midline" else f"{self.id}-{self.side}"


@dataclass(frozen=True, eq=False)
class Outline:
    """A drawn line of the chart that is not a region: body contour, bone, muscle border, skin crease."""

    kind: str  # silhouette | contour (an inner body contour, e.g. the folded arm) | bone | muscle | crease | detail
    points: np.ndarray  # (N, 2) mm
    closed: bool
    id: str = ""


@dataclass(frozen=True, eq=False)
class View:
    """One view of the chart in its own millimetre frame."""

    id: str  # posterior | lateral | lateral-left (| anterior later)
    title: str  # e.g. "Back", "Right side"
    width: float
    height: float
    mirror: str  # id of the view holding this view's mirror image (posterior -> posterior)
    silhouette: tuple[np.ndarray, ...]  # outer body outline polygon(s)
    regions: tuple[Region, ...]
    landmarks: tuple[Landmark, ...]
    outlines: tuple[Outline, ...]
    edge_labels: tuple[str, str]  # what the viewer's left and right edges are: ("L", "R") or ("Back", "Front")
    focus: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1: lower back and pelvis
    _regions_by_id: dict[str, Region] = field(default_factory=dict, repr=False, compare=False)

    def region(self, region_id: str) -> Region:
        """The region with this id, or UnknownIdError."""
        if not self._regions_by_id:
            object.__setattr__(self, "_regions_by_id", {r.id: r for r in self.regions})
        try:
            return self._regions_by_id[region_id]
        except KeyError:
            raise UnknownIdError(f"unknown region {region_id!r} on the {self.id} view") from None

    def landmark(self, key: str) -> Landmark:
        """The landmark with this key ("psis-left", "coccyx"), or UnknownIdError."""
        for landmark in self.landmarks:
            if landmark.key == key:
                return landmark
        raise UnknownIdError(f"unknown landmark {key!r} on the {self.id} view")

    def mirror_x(self, x):
        """x of the mirror image in the mirror view's frame."""
        return self.width - x

    @property
    def zones(self) -> tuple[str, ...]:
        """The zones of this view's regions, in chart order, each once."""
        return tuple(dict.fromkeys(r.zone for r in self.regions))

    def regions_in_zone(self, zone: str) -> tuple[Region, ...]:
        """The regions of one zone (one per side, or one midline region)."""
        return tuple(r for r in self.regions if r.zone == zone)

    def region_at(self, x: float, y: float) -> Region | None:
        """The region holding the point (x, y) in mm, or None outside the body."""
        for r in self.regions:
            x0, y0 = r.polygon.min(axis=0)
            x1, y1 = r.polygon.max(axis=0)
            if x0 <= x <= x1 and y0 <= y <= y1 and geometry.contains(r.polygon, [(x, y)])[0]:
                return r
        return None


@dataclass(frozen=True)
class Atlas:
    """All views of the chart."""

    views: dict[str, View]

    def view(self, view_id: str) -> View:
        """The view with this id, or UnknownIdError."""
        try:
            return self.views[view_id]
        except KeyError:
            known = ", ".join(self.views)
            raise UnknownIdError(f"unknown view {view_id!r} (known: {known})") from None


# ----------------------------------------------------------------------------------------------- loading

NS = "urn:painmap:atlas:1"  # namespace of the painmap:* data attributes in the atlas SVGs
INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape"
OUTLINE_KINDS = ("silhouette", "contour", "bone", "muscle", "crease", "detail")
REQUIRED_ZONES = {
    "posterior": (
        "head-neck", "thoracic", "lumbar", "iliac-crest", "sacrum", "sacroiliac-joint", "buttock",
        "greater-trochanter", "upper-thigh", "lower-thigh", "knee", "lower-leg", "foot", "arm",
    ),
    "lateral": ("iliac-crest", "buttock", "greater-trochanter", "upper-thigh", "lower-thigh", "knee", "lower-leg"),
}  # fmt: skip
REQUIRED_LANDMARKS = {
    "posterior": (
        "psis-left", "psis-right", "iliac-crest-summit-left", "iliac-crest-summit-right",
        "greater-trochanter-left", "greater-trochanter-right", "ischial-tuberosity-left", "ischial-tuberosity-right",
        "sacroiliac-joint-left", "sacroiliac-joint-right", "l1-spinous-process", "l2-spinous-process",
        "l3-spinous-process", "l4-spinous-process", "l5-spinous-process", "coccyx",
    ),
    "lateral": (
        "asis-right", "iliac-crest-summit-right", "greater-trochanter-right", "lateral-femoral-condyle-right",
        "lateral-malleolus-right",
    ),
}  # fmt: skip
COVERAGE_TOLERANCE = 0.01  # the regions' total area may differ from the silhouette's by this fraction
_SWAP = {"left": "right", "right": "left", "midline": "midline"}
_cache: dict[str, Atlas] = {}


def region_id(zone: str, side: str) -> str:
    """The id convention: "buttock-right", or the bare zone for midline regions ("sacrum")."""
    return zone if side == "midline" else f"{zone}-{side}"


def mirror_region_id(region: str) -> str:
    """The id of the region's mirror image: "-left" and "-right" swap; midline ids stay as they are."""
    for side, other in (("-left", "-right"), ("-right", "-left")):
        if region.endswith(side):
            return region[: -len(side)] + other
    return region


def load_atlas(root: Path | None = None) -> Atlas:
    """The atlas from `root` (a folder with posterior.svg and lateral.svg); the bundled one, cached, by default.

    Raises AtlasError (one line: file and reason) for a missing or broken file.
    """
    if root is None:
        from painmap.resources import resource_path

        try:
            folder = resource_path("atlas")
        except PainmapError as err:
            raise AtlasError(str(err)) from None
        key = str(folder)
        if key not in _cache:
            _cache[key] = _load(folder)
        return _cache[key]
    return _load(Path(root))


def clear_cache() -> None:
    """Forget the cached bundled atlas (tests that swap the resources folder use this)."""
    _cache.clear()


def _load(folder: Path) -> Atlas:
    posterior = _load_view(folder / VIEW_FILES["posterior"], "posterior")
    lateral = _load_view(folder / VIEW_FILES["lateral"], "lateral")
    left = mirror_view(lateral, "lateral-left")
    return Atlas({view.id: view for view in (posterior, lateral, left)})


def _attr(elem: ET.Element, name: str, default: str = "") -> str:
    return (elem.get(f"{{{NS}}}{name}") or default).strip()


def _numbers(text: str, count: int, what: str, path: Path) -> tuple[float, ...]:
    try:
        values = tuple(float(v) for v in text.replace(",", " ").split())
    except ValueError:
        values = ()
    if len(values) != count or not all(math.isfinite(v) for v in values):
        raise AtlasError(f"{path}: {what} must be {count} numbers, got {text!r}")
    return values


def _load_view(path: Path, view_id: str) -> View:
    import xml.etree.ElementTree as ET  # here, not at import: the compare command's cached charts need no parser

    try:
        tree = ET.parse(path)
    except FileNotFoundError:
        raise AtlasError(f"{path}: the atlas file is missing") from None
    except ET.ParseError as err:
        raise AtlasError(f"{path}: not valid SVG/XML ({err})") from None
    except OSError as err:
        raise AtlasError(f"{path}: cannot be read ({err.strerror or err})") from None
    root = tree.getroot()
    if local_name(root.tag) != "svg":
        raise AtlasError(f"{path}: the root element is <{local_name(root.tag)}>, not <svg>")
    x0, y0, width, height = _numbers(root.get("viewBox", ""), 4, "viewBox", path)
    if x0 != 0 or y0 != 0 or width <= 0 or height <= 0:
        raise AtlasError(f"{path}: viewBox must be '0 0 WIDTH HEIGHT' in millimetres")
    ids = [elem.get("id") for elem in root.iter() if elem.get("id")]
    if len(ids) != len(set(ids)):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise AtlasError(f"{path}: the id {twice[0]!r} is used twice (ids must be unique)")
    layers = {
        g.get(f"{{{INKSCAPE_NS}}}label", ""): g
        for g in root
        if local_name(g.tag) == "g" and g.get(f"{{{INKSCAPE_NS}}}groupmode") == "layer"
    }
    for name in ("art", "regions", "landmarks"):
        if name not in layers:
            raise AtlasError(f"{path}: the layer {name!r} is missing")
    try:
        silhouette, outlines = _read_art(layers["art"], path)
        regions = _read_regions(layers["regions"], path)
        landmarks = _read_landmarks(layers["landmarks"], path)
    except AtlasError:
        raise
    except PainmapError as err:
        raise AtlasError(f"{path}: {err}") from None
    focus_text = _attr(root, "focus")
    focus = _numbers(focus_text, 4, "painmap:focus", path) if focus_text else (0.0, 0.0, width, height)
    view = View(
        id=view_id,
        title=_attr(root, "title", TITLES[view_id]),
        width=width,
        height=height,
        mirror=MIRRORS[view_id],
        silhouette=silhouette,
        regions=regions,
        landmarks=landmarks,
        outlines=outlines,
        edge_labels=EDGE_LABELS[view_id],
        focus=focus,  # type: ignore[arg-type]
    )
    _validate(view, path)
    return view


def _element_name(elem: ET.Element) -> str:
    return f"<{local_name(elem.tag)} id={elem.get('id', '?')!r}>"


def _read_art(layer: ET.Element, path: Path) -> tuple[tuple[np.ndarray, ...], tuple[Outline, ...]]:
    silhouette: list[np.ndarray] = []
    outlines: list[Outline] = []
    for shape in iter_shapes(layer):
        elem = shape.element
        kind = _attr(elem, "kind") or elem.get("class", "").split(" ")[0] or "detail"
        if kind not in OUTLINE_KINDS:
            raise AtlasError(f"{path}: {_element_name(elem)} has kind {kind!r} (known: {', '.join(OUTLINE_KINDS)})")
        for sub in shape.subpaths:
            outlines.append(Outline(kind, sub.points, sub.closed, elem.get("id", "")))
            if elem.get("id") == "silhouette" and sub.closed and len(sub.points) >= 3:
                silhouette.append(sub.points)
    if not silhouette:
        raise AtlasError(f"{path}: no closed path with id 'silhouette' in the art layer")
    return tuple(silhouette), tuple(outlines)


def _read_regions(layer: ET.Element, path: Path) -> tuple[Region, ...]:
    regions: list[Region] = []
    seen: set[str] = set()
    for shape in iter_shapes(layer):
        elem = shape.element
        rid, zone, side = elem.get("id", ""), _attr(elem, "zone"), _attr(elem, "side")
        if not zone or side not in SIDES:
            raise AtlasError(
                f"{path}: region {_element_name(elem)} needs painmap:zone and painmap:side (left/right/midline)"
            )
        if rid != region_id(zone, side):
            raise AtlasError(
                f"{path}: region id {rid!r} should be {region_id(zone, side)!r} (zone {zone}, side {side})"
            )
        if rid in seen:
            raise AtlasError(f"{path}: region id {rid!r} is used twice")
        closed = [sub for sub in shape.subpaths if sub.closed and len(sub.points) >= 3]
        if len(closed) != 1 or len(shape.subpaths) != 1:
            raise AtlasError(f"{path}: region {rid!r} must be one closed polygon")
        seen.add(rid)
        polygon = closed[0].points  # a closed subpath never repeats its first point
        label = _attr(elem, "label") or (
            zone.replace("-", " ") if side == "midline" else f"{side} {zone.replace('-', ' ')}"
        )
        regions.append(Region(rid, zone, side, polygon, label))
    return tuple(regions)


def _read_landmarks(layer: ET.Element, path: Path) -> tuple[Landmark, ...]:
    landmarks: list[Landmark] = []
    for shape in iter_shapes(layer):
        elem = shape.element
        lid, side = _attr(elem, "landmark"), _attr(elem, "side", "midline")
        if not lid:
            continue  # a decoration in the landmarks layer
        if side not in SIDES:
            raise AtlasError(f"{path}: landmark {_element_name(elem)} has side {side!r}")
        points = np.vstack([sub.points for sub in shape.subpaths]) if shape.subpaths else None
        if points is None or not len(points):
            raise AtlasError(f"{path}: landmark {_element_name(elem)} has no position")
        x, y = (
            geometry.centroid(points) if len(points) >= 3 else (float(points[:, 0].mean()), float(points[:, 1].mean()))
        )
        landmarks.append(Landmark(lid, side, round(x, 3), round(y, 3), _attr(elem, "label")))
    return tuple(landmarks)


def _validate(view: View, path: Path) -> None:
    zones = {r.zone for r in view.regions}
    missing = [z for z in REQUIRED_ZONES.get(view.id, ()) if z not in zones]
    if missing:
        raise AtlasError(f"{path}: the regions layer lacks the zone(s) {', '.join(missing)}")
    keys = [lm.key for lm in view.landmarks]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise AtlasError(f"{path}: landmark {dupes[0]!r} appears twice")
    missing = [k for k in REQUIRED_LANDMARKS.get(view.id, ()) if k not in keys]
    if missing:
        raise AtlasError(f"{path}: the landmarks layer lacks {', '.join(missing)}")
    for item in (*view.regions, *view.landmarks):
        pts = item.polygon if isinstance(item, Region) else np.array([[item.x, item.y]])
        if not np.isfinite(pts).all() or pts[:, 0].min() < 0 or pts[:, 1].min() < 0:
            raise AtlasError(f"{path}: {item.id} lies outside the {view.width:g} × {view.height:g} mm frame")
        if pts[:, 0].max() > view.width or pts[:, 1].max() > view.height:
            raise AtlasError(f"{path}: {item.id} lies outside the {view.width:g} × {view.height:g} mm frame")
    body = sum(geometry.area(p) for p in view.silhouette)
    covered = sum(geometry.area(r.polygon) for r in view.regions)
    if body <= 0 or abs(covered - body) > COVERAGE_TOLERANCE * body:
        raise AtlasError(
            f"{path}: the regions cover {covered:.0f} mm² but the silhouette is {body:.0f} mm² (gap or overlap)"
        )


# ----------------------------------------------------------------------------------------------- mirroring


def _swap_label(label: str) -> str:
    for a, b in (("right ", "left "), ("left ", "right ")):
        if label.startswith(a):
            return b + label[len(a) :]
    return label


def mirror_view(view: View, view_id: str) -> View:
    """The mirror image of a view (x -> width - x, sides swapped), e.g. lateral-left from lateral."""
    w = view.width
    regions = tuple(
        Region(
            region_id(r.zone, _SWAP[r.side]),
            r.zone,
            _SWAP[r.side],
            geometry.mirror_x(r.polygon, w),
            _swap_label(r.label),
        )
        for r in view.regions
    )
    landmarks = tuple(Landmark(lm.id, _SWAP[lm.side], w - lm.x, lm.y, lm.label) for lm in view.landmarks)
    outlines = tuple(
        Outline(o.kind, geometry.mirror_x(o.points, w) if o.closed else _flip(o.points, w), o.closed, o.id)
        for o in view.outlines
    )
    x0, y0, x1, y1 = view.focus
    return View(
        id=view_id,
        title=TITLES.get(view_id, view_id),
        width=w,
        height=view.height,
        mirror=view.id,
        silhouette=tuple(geometry.mirror_x(p, w) for p in view.silhouette),
        regions=regions,
        landmarks=landmarks,
        outlines=outlines,
        edge_labels=EDGE_LABELS.get(view_id, view.edge_labels[::-1]),
        focus=(w - x1, y0, w - x0, y1),
    )


def _flip(points: np.ndarray, width: float) -> np.ndarray:
    out = points.copy()
    out[:, 0] = width - out[:, 0]
    return out


# ----------------------------------------------------------------------------------------------- presenting


def _round_polygon(poly: np.ndarray) -> list[list[float]]:
    return [[round(float(x), 2), round(float(y), 2)] for x, y in poly]


def to_json(atlas: Atlas) -> dict:
    """The atlas in the DESIGN.md `atlas` JSON shape (plus titles, labels, mirrors and focus)."""
    views = []
    for view in atlas.views.values():
        views.append(
            {
                "id": view.id,
                "title": view.title,
                "width": view.width,
                "height": view.height,
                "mirror": view.mirror,
                "edge_labels": list(view.edge_labels),
                "focus": [round(v, 2) for v in view.focus],
                "regions": [
                    {"id": r.id, "zone": r.zone, "side": r.side, "label": r.label, "polygon": _round_polygon(r.polygon)}
                    for r in view.regions
                ],
                "landmarks": [
                    {"id": lm.id, "side": lm.side, "key": lm.key, "label": lm.label, "x": lm.x, "y": lm.y}
                    for lm in view.landmarks
                ],
            }
        )
    return {"units": "mm", "views": views}


def format_text(atlas: Atlas) -> str:
    """A readable summary: each view with its regions (area) and landmarks (position)."""
    lines = ["Body chart (millimetres of a reference adult, 1,750 mm tall; y grows downwards)"]
    for view in atlas.views.values():
        left, right = view.edge_labels
        body = sum(geometry.area(p) for p in view.silhouette) / 100.0
        lines.append("")
        lines.append(
            f"{view.id}: {view.title}, {view.width:g} × {view.height:g} mm, viewer's left = {left}, right = {right}"
        )
        lines.append(f"  mirror view: {view.mirror}; body area {body:,.0f} cm²")
        lines.append(f"  regions ({len(view.regions)}):")
        for r in view.regions:
            lines.append(f"    {r.id:<28} {r.label:<36} {geometry.area(r.polygon) / 100.0:8.1f} cm²")
        lines.append(f"  landmarks ({len(view.landmarks)}):")
        for lm in view.landmarks:
            lines.append(f"    {lm.key:<28} {lm.label:<36} x {lm.x:7.1f}  y {lm.y:7.1f}")
    return "\n".join(lines)
