"""Referral patterns (muscle trigger-point maps, the SI joint) on the atlas frame; loaded from resources/patterns.

Each pattern is a folder `resources/patterns/<id>/` holding `pattern.toml` (texts and facts) and one
`<view>.svg` per view it uses (zones and trigger-point marks, editable in Inkscape over the body chart).
Shapes are stored for the patient's RIGHT side and mirrored for the left (`mirror_pattern`).
The format is documented in docs/patterns.md; adding a pattern in docs/adding-a-pattern.md.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap import pattern_carry
from painmap.chart_versions import chart_of
from painmap.chart_views import VIEW_FILES
from painmap.errors import PainmapError, PatternError
from painmap.pattern_model import (
    PATTERN_KINDS,
    ZONE_KINDS,
    Pattern,
    PatternLibrary,
    PatternProblem,
    TriggerPoint,
    Zone,
)
from painmap.pattern_sides import mirror_pattern, on_side
from painmap.pattern_svg import FLATTEN_TOLERANCE_MM, INSIDE_TOLERANCE_MM, NS, SVG_NS, read_svg
from painmap.pattern_texts import check_texts, localized

if TYPE_CHECKING:
    from painmap.atlas import Atlas

__all__ = [
    "FLATTEN_TOLERANCE_MM",
    "INSIDE_TOLERANCE_MM",
    "NS",
    "PATTERN_KINDS",
    "REQUIRED_TEXT",
    "SVG_NS",
    "TEXT_LISTS",
    "ZONE_KINDS",
    "Pattern",
    "PatternLibrary",
    "PatternProblem",
    "TriggerPoint",
    "Zone",
    "clear_cache",
    "default_root",
    "library_to_json",
    "load_pattern",
    "load_patterns",
    "localized",
    "mirror_pattern",
    "on_side",
    "to_json",
    "zone_mask",
    "zone_regions",
]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REQUIRED_TEXT = ("name", "kind", "innervation", "summary")
TEXT_LISTS = ("aggravating", "perpetuating", "examination", "differentials", "self_care", "notes", "sources")


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
    library = _load_library(atlas, folder)  # each view is read on its authoring chart and carried (pattern_carry)
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
    skipped = False  # a view this chart lacks (e.g. the front on chart 1): its zones and marks are left out
    for view_id in views:
        svg_path = folder / f"{view_id}.svg"
        if view_id not in VIEW_FILES:
            raise fail(f"unknown view {view_id!r} in 'views' (stored views: {', '.join(VIEW_FILES)})")
        if not svg_path.is_file():
            raise fail(f"missing SVG {svg_path.name} for view {view_id!r}", svg_path)
        source = _authoring_atlas(svg_path, atlas, fail)
        if view_id not in source.views or view_id not in atlas.views:
            skipped = True
            continue
        svg_of[view_id] = svg_path
        tps, zs = read_svg(svg_path, source.view(view_id), pid, source)
        if source is not atlas:
            tps, zs = pattern_carry.carry_view(tps, zs, source, atlas, view_id)
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
        if tp_id not in seen and not skipped:
            raise fail(f"trigger point {tp_id!r} has no mark in any view SVG")
    trigger_points = [
        replace(
            tp,
            label=tp_meta[tp.id].get("label", tp.id.upper()),
            note=tp_meta[tp.id].get("note", ""),
            hint=tp_meta[tp.id].get("hint", ""),
        )
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
    if meta["kind"] == "muscle" and not trigger_points and not skipped:  # marked only on views this chart lacks
        raise fail("a muscle pattern needs at least one trigger point")
    if meta["kind"] == "learned" and trigger_points:  # a frequency map has no trigger points
        raise fail("a learned pattern has no trigger points")

    texts = check_texts(meta, fail)  # after the English texts and the marks agree
    known = {"id", "views", "trigger_points", "side", "action", "texts", *REQUIRED_TEXT, *TEXT_LISTS}
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
        texts=texts,
    )


def _authoring_atlas(svg_path: Path, atlas: Atlas, fail) -> Atlas:
    """The atlas `svg_path` is drawn over (its `painmap:chart`; painmap.pattern_carry): `atlas` itself if it is that."""
    chart = pattern_carry.svg_chart(svg_path)
    if chart == chart_of(atlas):
        return atlas
    try:
        return pattern_carry.authoring_atlas(chart)
    except PainmapError as err:
        raise fail(f"drawn on chart {chart[1]} of the {chart[0]} body, which cannot be read: {err}", svg_path) from None


def _stored_views(atlas: Atlas) -> list[str]:
    return [v for v in atlas.views if not v.endswith("-left")]


def _read_toml(path: Path, folder_name: str) -> dict[str, Any]:
    """pattern.toml parsed and checked for required keys and types."""

    def fail(message: str) -> PatternError:
        return PatternError(message, path=str(path), pattern=folder_name)

    import tomllib  # here, not at import: a cached library needs no TOML parser

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
        for key in ("label", "note", "hint"):
            if not isinstance(table.get(key, ""), str):
                raise fail(f"[trigger_points.{tp_id}] {key} must be text")
    meta["trigger_points"] = tps
    return meta


# --------------------------------------------------------------------------------------------- sides, JSON


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
            | ({"hint": tp.hint} if tp.hint else {})
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
