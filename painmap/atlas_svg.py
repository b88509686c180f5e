"""Reading one atlas SVG into a View: layers, painmap:* data, checks (docs/atlas.md "What the SVG holds").

Chart 1 (resources/atlas/*.svg) has the layers `art`, `regions`, `landmarks`; chart 2
(resources/atlas/charts/<body>-<n>/*.svg) has `skin`, `muscles`, `bones`, `landmarks`, `regions` and the hidden
data layer `structures` (the visible part of every bone and muscle, one closed subpath per connected part, holes
as subpaths inside it); an optional `structures-alone` holds the visible part of every bone with the muscles hidden.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from painmap import geometry
from painmap.atlas_model import (
    EDGE_LABELS,
    MIRRORS,
    SIDES,
    TITLES,
    Landmark,
    Outline,
    Region,
    Structure,
    View,
    region_id,
)
from painmap.errors import AtlasError, PainmapError
from painmap.svgpath import iter_shapes, local_name

__all__ = ["NS", "load_view"]

NS = "urn:painmap:atlas:1"  # namespace of the painmap:* data attributes in the atlas SVGs
INKSCAPE_NS = "http://www.inkscape.org/namespaces/inkscape"
OUTLINE_KINDS = ("silhouette", "contour", "bone", "muscle", "crease", "detail", "shade")
STRUCTURE_KINDS = ("bone", "muscle")
CHART1_LAYERS = ("art", "regions", "landmarks")
CHART2_LAYERS = ("skin", "muscles", "bones", "landmarks", "regions", "structures")
REQUIRED_ZONES = {
    "posterior": (
        "head-neck", "thoracic", "lumbar", "iliac-crest", "sacrum", "sacroiliac-joint", "buttock",
        "greater-trochanter", "upper-thigh", "lower-thigh", "knee", "lower-leg", "foot", "arm",
    ),
    "lateral": ("iliac-crest", "buttock", "greater-trochanter", "upper-thigh", "lower-thigh", "knee", "lower-leg"),
    "anterior": ("abdomen", "groin", "front-thigh", "front-knee", "shin", "foot"),
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
    "anterior": ("asis-left", "asis-right", "pubic-symphysis", "patella-left", "patella-right"),
}  # fmt: skip
COVERAGE_TOLERANCE = 0.01  # the regions' total area may differ from the silhouette's by this fraction


def load_view(path: Path, view_id: str) -> View:
    """One view from its SVG file; AtlasError (one line: file and reason) when it is missing or broken."""
    return _load_view(path, view_id)


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
    needed = CHART1_LAYERS if "art" in layers else CHART2_LAYERS
    for name in needed:
        if name not in layers:
            raise AtlasError(f"{path}: the layer {name!r} is missing")
    try:
        art = [layers["art"]] if "art" in layers else [layers["skin"], layers["muscles"], layers["bones"]]
        silhouette, outlines = _read_art(art, path)
        regions = _read_regions(layers["regions"], path)
        landmarks = _read_landmarks(layers["landmarks"], path)
        structures = _read_structures(layers["structures"], path) if "structures" in layers else ()
        alone = _read_structures(layers["structures-alone"], path) if "structures-alone" in layers else ()
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
        structures=structures,
        bones_alone=tuple(s for s in alone if s.kind == "bone"),
    )
    _validate(view, path)
    return view


def _element_name(elem: ET.Element) -> str:
    return f"<{local_name(elem.tag)} id={elem.get('id', '?')!r}>"


def _read_art(art: list[ET.Element], path: Path) -> tuple[tuple[np.ndarray, ...], tuple[Outline, ...]]:
    silhouette: list[np.ndarray] = []
    outlines: list[Outline] = []
    for shape in (shape for layer in art for shape in iter_shapes(layer)):
        elem = shape.element
        kind = _attr(elem, "kind") or elem.get("class", "").split(" ")[0] or "detail"
        if kind not in OUTLINE_KINDS:
            raise AtlasError(f"{path}: {_element_name(elem)} has kind {kind!r} (known: {', '.join(OUTLINE_KINDS)})")
        for sub in shape.subpaths:
            outlines.append(Outline(kind, sub.points, sub.closed, elem.get("id", "")))
            if elem.get("id") == "silhouette" and sub.closed and len(sub.points) >= 3:
                silhouette.append(sub.points)
    if not silhouette:
        raise AtlasError(f"{path}: no closed path with id 'silhouette' in the art (or skin) layer")
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


def _read_structures(layer: ET.Element, path: Path) -> tuple[Structure, ...]:
    """The visible parts of the drawn bones and muscles: one Structure per outer subpath, holes attached."""
    out: list[Structure] = []
    for shape in iter_shapes(layer):
        elem = shape.element
        sid, kind, side = _attr(elem, "structure"), _attr(elem, "kind"), _attr(elem, "side")
        if not sid or kind not in STRUCTURE_KINDS or side not in SIDES:
            raise AtlasError(
                f"{path}: structure {_element_name(elem)} needs painmap:structure, painmap:kind (bone/muscle) "
                "and painmap:side (left/right/midline)"
            )
        rings = [sub.points for sub in shape.subpaths if sub.closed and len(sub.points) >= 3]
        outer = [r for r in rings if not any(o is not r and geometry.contains(o, r[:1])[0] for o in rings)]
        for ring in outer:
            holes = tuple(r for r in rings if r is not ring and geometry.contains(ring, r[:1])[0])
            out.append(Structure(sid, kind, side, ring, holes, _attr(elem, "label")))
    return tuple(out)
