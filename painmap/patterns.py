"""Referral patterns (muscle trigger-point maps, the SI joint) on the atlas frame; loaded from resources/patterns.

Each pattern is a folder `resources/patterns/<id>/` holding `pattern.toml` (texts and facts) and one
`<view>.svg` per view it uses (zones and trigger-point marks, editable in Inkscape over the body chart).
Shapes are stored for the patient's RIGHT side and mirrored for the left (`mirror_pattern`).
The format is documented in docs/patterns.md; adding a pattern in docs/adding-a-pattern.md.
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap import geometry, svgpath
from painmap.errors import PatternError, UnknownIdError

if TYPE_CHECKING:
    from painmap.atlas import Atlas, View

ZONE_KINDS = ("essential", "spillover")
PATTERN_KINDS = ("muscle", "joint", "learned")  # learned: made by painmap.learn from drawings

NS = "urn:painmap:pattern:1"  # namespace of the painmap:* attributes in pattern SVGs
SVG_NS = "http://www.w3.org/2000/svg"
INSIDE_TOLERANCE_MM = 1.0  # a zone vertex or trigger point may lie this far outside the silhouette
FLATTEN_TOLERANCE_MM = 0.25  # curves are flattened to polylines this close to the true curve

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REQUIRED_TEXT = ("name", "kind", "innervation", "summary")
TEXT_LISTS = ("aggravating", "perpetuating", "examination", "differentials", "self_care", "notes", "sources")


@dataclass(frozen=True)
class TriggerPoint:
    id: str  # trp1, trp2, ...
    view: str
    x: float
    y: float
    label: str = ""  # "TrP1"
    note: str = ""  # where it is, in words


@dataclass(frozen=True, eq=False)
class Zone:
    view: str
    kind: str  # essential | spillover
    trigger_point: str  # id of the TrP that refers here ("" for a joint, or for all TrPs of the pattern)
    polygon: np.ndarray  # (N, 2) mm on `view`, stored side
    bilateral: bool = False  # applies to both sides (listed once, stored side's coordinates)
    weight: float = 1.0  # graded zones: frequency in (0, 1] (e.g. Slipman's percentages)
    label: str = ""
    id: str = ""  # the SVG element's id, e.g. "trp1-essential" (unique within the pattern)


@dataclass(frozen=True)
class Pattern:
    id: str
    name: str
    kind: str  # muscle | joint
    side: str  # the side the shapes are stored for: "right"
    innervation: str
    trigger_points: tuple[TriggerPoint, ...]
    zones: tuple[Zone, ...]
    sources: tuple[str, ...]
    summary: str = ""
    action: str = ""
    aggravating: tuple[str, ...] = ()
    perpetuating: tuple[str, ...] = ()
    examination: tuple[str, ...] = ()
    differentials: tuple[str, ...] = ()
    self_care: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def views(self) -> tuple[str, ...]:
        """Views the pattern draws on, in first-use order (zones, then trigger points)."""
        seen: dict[str, None] = {}
        for item in (*self.zones, *self.trigger_points):
            seen.setdefault(item.view, None)
        return tuple(seen)

    @property
    def bilateral(self) -> bool:
        """True when any zone applies to both sides."""
        return any(z.bilateral for z in self.zones)

    def trigger_point(self, tp_id: str) -> TriggerPoint:
        """The trigger point with this id, or UnknownIdError."""
        for tp in self.trigger_points:
            if tp.id == tp_id:
                return tp
        raise UnknownIdError(f"pattern {self.id!r} has no trigger point {tp_id!r}")

    def zones_for(self, view: str | None = None, trigger_point: str | None = None, kind: str | None = None):
        """Zones filtered by view, trigger point (zones with no TrP belong to every TrP) and kind."""
        return tuple(
            z
            for z in self.zones
            if (view is None or z.view == view)
            and (trigger_point is None or z.trigger_point in ("", trigger_point))
            and (kind is None or z.kind == kind)
        )


@dataclass(frozen=True)
class PatternProblem:
    """A pattern file that did not load: shown to the user, the rest of the library still loads."""

    path: str
    pattern: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.pattern}: {self.message}"


@dataclass(frozen=True)
class PatternLibrary:
    patterns: dict[str, Pattern]
    problems: tuple[PatternProblem, ...] = ()

    def get(self, pattern_id: str) -> Pattern:
        try:
            return self.patterns[pattern_id]
        except KeyError:
            known = ", ".join(sorted(self.patterns))
            raise UnknownIdError(f"unknown pattern {pattern_id!r} (known: {known})") from None

    def __iter__(self):
        return iter(self.patterns.values())

    def __len__(self) -> int:
        return len(self.patterns)

    def __contains__(self, pattern_id: object) -> bool:
        return pattern_id in self.patterns


# --------------------------------------------------------------------------------------------- loading

_CACHE: dict[tuple[int, str], tuple[Atlas, PatternLibrary]] = {}


def default_root() -> Path:
    """The bundled `resources/patterns` folder."""
    from painmap.resources import resource_path

    return resource_path("patterns")


def load_patterns(atlas: Atlas, root: str | Path | None = None) -> PatternLibrary:
    """Every pattern folder under `root` (default: the bundled library), validated against `atlas`.

    A broken pattern becomes a `PatternProblem` in `library.problems`; the others still load.
    Cached per atlas and root.
    """
    folder = Path(root) if root is not None else default_root()
    key = (id(atlas), str(folder.resolve()))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is atlas:
        return hit[1]
    library = _load_library(atlas, folder)
    _CACHE[key] = (atlas, library)
    return library


def clear_cache() -> None:
    """Forget loaded libraries (after editing pattern files in a running process)."""
    _CACHE.clear()


def _load_library(atlas: Atlas, folder: Path) -> PatternLibrary:
    if not folder.is_dir():
        raise PatternError("the pattern folder is missing", path=str(folder))
    patterns: dict[str, Pattern] = {}
    problems: list[PatternProblem] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        try:
            pattern = load_pattern(sub, atlas)  # its id is its folder's name, so ids are unique
        except PatternError as err:
            problems.append(PatternProblem(err.path or str(sub), err.pattern or sub.name, _reason(err)))
            continue
        patterns[pattern.id] = pattern
    return PatternLibrary(patterns, tuple(problems))


def _reason(err: PatternError) -> str:
    """The message of a PatternError without its location prefix."""
    prefix = ": ".join(p for p in (err.path, err.pattern) if p) + ": "
    text = str(err.args[0])
    return text[len(prefix) :] if text.startswith(prefix) else text


def load_pattern(folder: str | Path, atlas: Atlas) -> Pattern:
    """One pattern folder, validated; raises PatternError (path, pattern, reason) on the first problem."""
    folder = Path(folder)
    toml_path = folder / "pattern.toml"
    meta = _read_toml(toml_path, folder.name)
    pid = meta["id"]

    def fail(message: str, path: Path = toml_path) -> PatternError:
        return PatternError(message, path=str(path), pattern=pid)

    views = meta["views"]
    tp_meta = meta["trigger_points"]
    trigger_points: list[TriggerPoint] = []
    zones: list[Zone] = []
    svg_of: dict[str, Path] = {}  # view -> its SVG, to point problems at the file to fix
    for view_id in views:
        svg_path = folder / f"{view_id}.svg"
        if view_id not in atlas.views or view_id.endswith("-left"):
            raise fail(f"unknown view {view_id!r} in 'views' (stored views: {', '.join(_stored_views(atlas))})")
        if not svg_path.is_file():
            raise fail(f"missing SVG {svg_path.name} for view {view_id!r}", svg_path)
        svg_of[view_id] = svg_path
        tps, zs = _read_svg(svg_path, atlas.view(view_id), pid)
        trigger_points += tps
        zones += zs
    for stray in sorted(folder.glob("*.svg")):
        if stray.stem not in views:
            raise fail(f"{stray.name} is not listed in 'views'", stray)

    seen: dict[str, str] = {}
    for tp in trigger_points:
        if tp.id in seen:
            raise fail(f"trigger point {tp.id!r} is marked twice ({seen[tp.id]} and {tp.view})", svg_of[tp.view])
        seen[tp.id] = tp.view
        if tp.id not in tp_meta:
            raise fail(f"trigger point {tp.id!r} is drawn but has no [trigger_points.{tp.id}] table")
    for tp_id in tp_meta:
        if tp_id not in seen:
            raise fail(f"trigger point {tp_id!r} has no mark in any view SVG")
    trigger_points = [
        replace(tp, label=tp_meta[tp.id].get("label", tp.id.upper()), note=tp_meta[tp.id].get("note", ""))
        for tp in sorted(trigger_points, key=lambda t: list(tp_meta).index(t.id))
    ]
    tp_order = {tp.id: i for i, tp in enumerate(trigger_points)}
    zones.sort(key=lambda z: (tp_order.get(z.trigger_point, -1), ZONE_KINDS.index(z.kind)))  # stable
    zone_ids: set[str] = set()
    for zone in zones:
        if zone.trigger_point and zone.trigger_point not in seen:
            raise fail(f"zone {zone.id!r} refers to unknown trigger point {zone.trigger_point!r}", svg_of[zone.view])
        if zone.id in zone_ids:
            raise fail(f"duplicate zone id {zone.id!r}", svg_of[zone.view])
        zone_ids.add(zone.id)
    if not zones:
        raise fail("no zones: draw at least one essential zone")
    if not any(z.kind == "essential" for z in zones):
        raise fail("no essential zone")
    if meta["kind"] == "muscle" and not trigger_points:
        raise fail("a muscle pattern needs at least one trigger point")
    if meta["kind"] == "learned" and trigger_points:  # a frequency map has no trigger points
        raise fail("a learned pattern has no trigger points")

    known = {"id", "views", "trigger_points", "side", "action", *REQUIRED_TEXT, *TEXT_LISTS}
    return Pattern(
        id=pid,
        name=meta["name"],
        kind=meta["kind"],
        side="right",
        innervation=meta.get("innervation", ""),
        trigger_points=tuple(trigger_points),
        zones=tuple(zones),
        sources=tuple(meta["sources"]),
        summary=meta["summary"],
        action=meta.get("action", ""),
        aggravating=tuple(meta.get("aggravating", ())),
        perpetuating=tuple(meta.get("perpetuating", ())),
        examination=tuple(meta.get("examination", ())),
        differentials=tuple(meta.get("differentials", ())),
        self_care=tuple(meta.get("self_care", ())),
        notes=tuple(meta.get("notes", ())),
        extra={k: v for k, v in meta.items() if k not in known},
    )


def _stored_views(atlas: Atlas) -> list[str]:
    return [v for v in atlas.views if not v.endswith("-left")]


def _read_toml(path: Path, folder_name: str) -> dict[str, Any]:
    """pattern.toml parsed and checked for required keys and types."""

    def fail(message: str) -> PatternError:
        return PatternError(message, path=str(path), pattern=folder_name)

    if not path.is_file():
        raise fail("pattern.toml is missing")
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise fail(f"bad TOML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise fail(f"cannot read: {err}") from None
    pid = meta.get("id")
    if not isinstance(pid, str) or not pid:
        raise fail("missing field 'id'")
    if pid != folder_name:
        raise fail(f"id {pid!r} differs from the folder name {folder_name!r}")
    if not _ID.fullmatch(pid):
        raise fail(f"id {pid!r} must be lower-case words joined by '-' (e.g. 'gluteus-medius')")
    learned = meta.get("kind") == "learned"  # a learned pattern has no innervation
    for key in (*REQUIRED_TEXT, "views", "sources"):
        if key not in meta and not (learned and key == "innervation"):
            raise fail(f"missing field {key!r}")
    for key in (*REQUIRED_TEXT, "action"):
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            raise fail(f"field {key!r} must be non-empty text")
    for key in (*TEXT_LISTS, "views"):
        value = meta.get(key, [])
        if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
            raise fail(f"field {key!r} must be a list of non-empty texts")
    if meta["kind"] not in PATTERN_KINDS:
        raise fail(f"kind {meta['kind']!r} is not one of {', '.join(PATTERN_KINDS)}")
    if meta.get("side", "right") != "right":
        raise fail("patterns are stored for the right side (side = 'right')")
    if not meta["sources"]:
        raise fail("missing sources: list at least one reference")
    if not meta["views"]:
        raise fail("field 'views' is empty")
    tps = meta.get("trigger_points", {})
    if not isinstance(tps, dict) or not all(isinstance(v, dict) for v in tps.values()):
        raise fail("'trigger_points' must be tables like [trigger_points.trp1]")
    for tp_id, table in tps.items():
        for key in ("label", "note"):
            if not isinstance(table.get(key, ""), str):
                raise fail(f"[trigger_points.{tp_id}] {key} must be text")
    meta["trigger_points"] = tps
    return meta


# --------------------------------------------------------------------------------------------- SVG


def _attr(el: ET.Element, name: str) -> str | None:
    return el.get(f"{{{NS}}}{name}")


def _read_svg(path: Path, view: View, pid: str) -> tuple[list[TriggerPoint], list[Zone]]:
    """Trigger points and zones of one view's SVG, each checked against the view's silhouette."""

    def fail(message: str) -> PatternError:
        return PatternError(message, path=str(path), pattern=pid)

    try:
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
                if not _inside(view, np.array([[x, y]])):
                    raise fail(f"trigger point {tp_id!r} at ({x:.0f}, {y:.0f}) lies outside the body")
                trigger_points.append(TriggerPoint(tp_id or name, view.id, round(x, 2), round(y, 2)))
                continue
            if kind not in ZONE_KINDS:
                raise fail(f"zone {name!r} has kind {kind!r}; use essential or spillover")
            if tag != "path":
                raise fail(f"zone {name!r} is a <{tag}>; convert it with Path > Object to Path")
            polygon = _zone_polygon(el, parent, fail, name)
            if not _inside(view, _densify(polygon)):
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


def _inside(view: View, points: np.ndarray) -> bool:
    """All points inside the view's silhouette, or within INSIDE_TOLERANCE_MM of its outline.

    Fast path: the silhouette rasterized at 1 px/mm (a pixel whose centre is inside is within 0.71 mm of
    the body); only the points that miss it get the exact polygon tests.
    """
    mask = _silhouette_mask(view)
    cols = np.clip(points[:, 0].astype(int), 0, mask.shape[1] - 1)
    rows = np.clip(points[:, 1].astype(int), 0, mask.shape[0] - 1)
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


_MASKS: dict[int, tuple[View, np.ndarray]] = {}


def _silhouette_mask(view: View) -> np.ndarray:
    """The view's silhouette at 1 px/mm (pixel (row, col) covers the millimetre square [col, col+1) x [row, row+1))."""
    hit = _MASKS.get(id(view))
    if hit is not None and hit[0] is view:
        return hit[1]
    from painmap.raster import Grid, polygon_mask

    grid = Grid(view.id, view.width, view.height, 1.0)
    mask = np.zeros(grid.shape, dtype=bool)
    for outline in view.silhouette:
        mask ^= polygon_mask(grid, outline)  # even-odd, like geometry.contains
    _MASKS[id(view)] = (view, mask)
    return mask


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


# --------------------------------------------------------------------------------------------- sides, JSON


def mirror_pattern(pattern: Pattern, atlas: Atlas) -> Pattern:
    """The pattern on the other side: x -> width - x in each view, views swapped with their mirrors."""

    def view_of(view_id: str):
        view = atlas.view(view_id)
        return view.mirror, view.width

    trigger_points = []
    for tp in pattern.trigger_points:
        target, width = view_of(tp.view)
        trigger_points.append(replace(tp, view=target, x=round(width - tp.x, 2)))
    zones = []
    for zone in pattern.zones:
        target, width = view_of(zone.view)
        zones.append(replace(zone, view=target, polygon=geometry.mirror_x(zone.polygon, width)))
    return replace(
        pattern,
        side="left" if pattern.side == "right" else "right",
        trigger_points=tuple(trigger_points),
        zones=tuple(zones),
    )


def on_side(pattern: Pattern, side: str, atlas: Atlas) -> Pattern:
    """The pattern with its shapes on `side` ("left" or "right")."""
    if side not in ("left", "right"):
        raise UnknownIdError(f"unknown side {side!r} (use left or right)")
    return pattern if pattern.side == side else mirror_pattern(pattern, atlas)


def _points(poly: np.ndarray) -> list[list[float]]:
    return [[round(float(x), 2), round(float(y), 2)] for x, y in poly]


def to_json(pattern: Pattern, side: str | None = None, atlas: Atlas | None = None) -> dict[str, Any]:
    """One pattern in the DESIGN.md `patterns` JSON shape, on `side` (default: the stored side).

    Mirroring to the other side needs the atlas (loaded if not given).
    """
    if side is not None and side != pattern.side:
        if atlas is None:
            from painmap.atlas import load_atlas

            atlas = load_atlas()
        pattern = on_side(pattern, side, atlas)
    return {
        "id": pattern.id,
        "name": pattern.name,
        "kind": pattern.kind,
        "innervation": pattern.innervation,
        "sources": list(pattern.sources),
        "side": pattern.side,
        "bilateral": pattern.bilateral,
        "views": list(pattern.views),
        "summary": pattern.summary,
        "action": pattern.action,
        "aggravating": list(pattern.aggravating),
        "perpetuating": list(pattern.perpetuating),
        "examination": list(pattern.examination),
        "differentials": list(pattern.differentials),
        "self_care": list(pattern.self_care),
        "notes": list(pattern.notes),
        "trigger_points": [
            {"id": tp.id, "view": tp.view, "x": tp.x, "y": tp.y, "label": tp.label, "note": tp.note}
            for tp in pattern.trigger_points
        ],
        "zones": [
            {
                "id": z.id,
                "view": z.view,
                "kind": z.kind,
                "trigger_point": z.trigger_point,
                "polygon": _points(z.polygon),
                "bilateral": z.bilateral,
                "weight": z.weight,
                "label": z.label,
            }
            for z in pattern.zones
        ],
    }


def library_to_json(library: PatternLibrary, side: str | None = None, atlas: Atlas | None = None) -> dict:
    """The whole library: {"units": "mm", "patterns": [...], "problems": [...]}."""
    return {
        "units": "mm",
        "patterns": [to_json(p, side, atlas) for p in library],
        "problems": [{"path": p.path, "pattern": p.pattern, "message": p.message} for p in library.problems],
    }


# --------------------------------------------------------------------------------------------- anatomy


def zone_mask(zone: Zone, atlas: Atlas, px_per_mm: float | None = None) -> np.ndarray:
    """Bool mask of the zone on its view's pixel grid (painmap.raster), clipped to the body silhouette."""
    from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks, polygon_mask

    masks = AtlasMasks(atlas, px_per_mm or DEFAULT_PX_PER_MM)
    view_masks = masks.view(zone.view)
    return polygon_mask(view_masks.grid, zone.polygon) & view_masks.silhouette


def zone_regions(
    zone: Zone, atlas: Atlas, px_per_mm: float | None = None, min_mm2: float = 25.0
) -> list[tuple[str, float]]:
    """Atlas regions the zone covers by at least `min_mm2`: [(region id, mm²)], largest first."""
    from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks

    view_masks = AtlasMasks(atlas, px_per_mm or DEFAULT_PX_PER_MM).view(zone.view)
    mask = zone_mask(zone, atlas, px_per_mm)
    counts = np.bincount(view_masks.labels[mask].astype(np.int64), minlength=len(view_masks.region_ids) + 1)
    px_area = 1.0 / (view_masks.grid.sx * view_masks.grid.sy)
    found = [(view_masks.region_ids[k - 1], float(counts[k]) * px_area) for k in np.flatnonzero(counts[1:]) + 1]
    return sorted((r for r in found if r[1] >= min_mm2), key=lambda r: -r[1])
