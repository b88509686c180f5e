"""Referral patterns, one view's SVG: zones and trigger-point marks read and checked against the body.

A zone vertex or trigger point may lie INSIDE_TOLERANCE_MM outside the silhouette. The silhouette is the atlas'
own (`AtlasMasks(atlas, 1.0)`, the union of the outlines: the one rule), shared with the comparator at 1 px/mm.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from painmap import geometry, svgpath
from painmap.errors import PatternError
from painmap.pattern_model import ZONE_KINDS, TriggerPoint, Zone

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from painmap.atlas import Atlas, View

__all__ = ["FLATTEN_TOLERANCE_MM", "INSIDE_TOLERANCE_MM", "NS", "SVG_NS", "read_svg"]

NS = "urn:painmap:pattern:1"  # namespace of the painmap:* attributes in pattern SVGs
SVG_NS = "http://www.w3.org/2000/svg"
INSIDE_TOLERANCE_MM = 1.0  # a zone vertex or trigger point may lie this far outside the silhouette
FLATTEN_TOLERANCE_MM = 0.25  # curves are flattened to polylines this close to the true curve


def _attr(el: ET.Element, name: str) -> str | None:
    return el.get(f"{{{NS}}}{name}")


def read_svg(path: Path, view: View, pid: str, atlas: Atlas) -> tuple[list[TriggerPoint], list[Zone]]:
    """Trigger points and zones of one view's SVG, each checked against the view's silhouette."""

    def fail(message: str) -> PatternError:
        return PatternError(message, path=str(path), pattern=pid)

    try:
        import xml.etree.ElementTree as ET

        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise fail(f"bad SVG: {err}") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise fail("not an SVG document")
    try:
        view_box = [float(v) for v in root.get("viewBox", "").replace(",", " ").split()]
    except ValueError:
        view_box = []
    if view_box != [0.0, 0.0, view.width, view.height]:
        raise fail(f"viewBox must be '0 0 {view.width:g} {view.height:g}' (the {view.id} view in mm)")

    trigger_points: list[TriggerPoint] = []
    zones: list[Zone] = []
    try:
        for el, parent in _walk(root, np.eye(3)):
            kind, tp_id = _attr(el, "kind"), _attr(el, "trigger-point")
            if kind is None and tp_id is None:
                continue
            tag = svgpath.local_name(el.tag)
            name = el.get("id") or f"<{tag}>"
            if kind is None:
                x, y = _mark_position(el, tag, parent, fail)
                if not _inside(atlas, view, np.array([[x, y]])):
                    raise fail(f"trigger point {tp_id!r} at ({x:.0f}, {y:.0f}) lies outside the body")
                trigger_points.append(TriggerPoint(tp_id or name, view.id, round(x, 2), round(y, 2)))
                continue
            if kind not in ZONE_KINDS:
                raise fail(f"zone {name!r} has kind {kind!r}; use essential or spillover")
            if tag != "path":
                raise fail(f"zone {name!r} is a <{tag}>; convert it with Path > Object to Path")
            polygon = _zone_polygon(el, parent, fail, name)
            if not _inside(atlas, view, _densify(polygon)):
                raise fail(f"zone {name!r} reaches outside the body silhouette on the {view.id} view")
            zones.append(
                Zone(
                    view=view.id,
                    kind=kind,
                    trigger_point=tp_id or "",
                    polygon=polygon,
                    bilateral=_bool(_attr(el, "bilateral"), fail, name),
                    weight=_weight(_attr(el, "weight"), fail, name),
                    label=_attr(el, "label") or "",
                    id=name,
                )
            )
    except svgpath.SvgPathError as err:
        raise fail(f"bad SVG geometry: {err}") from None
    return trigger_points, zones


def _walk(el: ET.Element, ctm: np.ndarray):
    """(element, transform of its parent) for every element, skipping <defs> and the chart's background image."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = svgpath.local_name(child.tag)
        if tag in ("defs", "metadata", "image", "namedview", "title", "desc", "style"):
            continue
        yield child, ctm
        if tag in ("g", "a", "switch", "svg"):
            yield from _walk(child, ctm @ svgpath.parse_transform(child.get("transform")))


def _zone_polygon(el: ET.Element, parent: np.ndarray, fail, name: str) -> np.ndarray:
    subpaths = [s for s in svgpath.element_subpaths(el, parent, FLATTEN_TOLERANCE_MM) if len(s.points) >= 2]
    if len(subpaths) != 1:
        raise fail(f"zone {name!r} has {len(subpaths)} shapes; draw one closed shape per zone")
    line = subpaths[0]
    points = np.asarray(line.points, dtype=float)
    if not line.closed and not np.allclose(points[0], points[-1], atol=0.01):
        raise fail(f"zone {name!r} is not closed; close the path (Z)")
    polygon = geometry.as_polygon(points)
    if len(polygon) >= 3 and geometry.crosses_itself(polygon):
        raise fail(f"zone {name!r} crosses itself")
    if len(polygon) < 3 or geometry.area(polygon) < 1.0:
        raise fail(f"zone {name!r} has no area")
    return polygon


def _mark_position(el: ET.Element, tag: str, parent: np.ndarray, fail) -> tuple[float, float]:
    """Centre of a trigger-point mark (a <circle>, <ellipse> or <path> X): the middle of its bounding box."""
    if tag not in ("circle", "ellipse", "path"):
        raise fail(f"trigger point {el.get('id')!r} is a <{tag}>; use a <circle> or a <path> X mark")
    lines = svgpath.element_subpaths(el, parent, FLATTEN_TOLERANCE_MM)
    pts = np.concatenate([s.points for s in lines]) if lines else np.zeros((0, 2))
    if not len(pts):
        raise fail(f"trigger point {el.get('id')!r} has no geometry")
    (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
    return float(x0 + x1) / 2, float(y0 + y1) / 2


def _densify(poly: np.ndarray, step: float = 2.0) -> np.ndarray:
    """The closed outline with extra points so that no gap exceeds `step` mm (a long edge may leave the body)."""
    ends = np.roll(poly, -1, axis=0)
    counts = np.maximum(1, np.ceil(np.linalg.norm(ends - poly, axis=1) / step).astype(int))
    if counts.max() == 1:
        return poly
    edge = np.repeat(np.arange(len(poly)), counts)  # which edge each output point lies on
    t = (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)) / counts[edge]
    return poly[edge] + (ends - poly)[edge] * t[:, None]


def _inside(atlas: Atlas, view: View, points: np.ndarray) -> bool:
    """All points inside the view's silhouette, or within INSIDE_TOLERANCE_MM of its outline.

    Fast path: the atlas' silhouette at 1 px/mm (a pixel whose centre is inside is within 0.71 mm of the body);
    only the points that miss it get the exact polygon tests.
    """
    from painmap.atlas_masks import AtlasMasks

    masks = AtlasMasks(atlas, 1.0).view(view.id)
    mask, grid = masks.silhouette, masks.grid
    cols = np.clip((points[:, 0] * grid.sx).astype(int), 0, mask.shape[1] - 1)
    rows = np.clip((points[:, 1] * grid.sy).astype(int), 0, mask.shape[0] - 1)
    rest = points[~mask[rows, cols]]
    if not len(rest):
        return True
    ok = np.zeros(len(rest), dtype=bool)
    for outline in view.silhouette:
        ok |= geometry.contains(outline, rest)
    for outline in view.silhouette:
        if ok.all():
            break
        ok[~ok] = geometry.distance_to_boundary(outline, rest[~ok]) <= INSIDE_TOLERANCE_MM
    return bool(ok.all())


def _bool(text: str | None, fail, name: str) -> bool:
    if text is None or text.strip().lower() in ("false", "0", "no", ""):
        return False
    if text.strip().lower() in ("true", "1", "yes"):
        return True
    raise fail(f"zone {name!r} has bilateral={text!r}; use true or false")


def _weight(text: str | None, fail, name: str) -> float:
    if text is None:
        return 1.0
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0.0 < value <= 1.0:  # also refuses NaN
        raise fail(f"zone {name!r} has weight {text!r}; it must be a number in (0, 1]")
    return value
