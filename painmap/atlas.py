"""The body chart: views, regions, landmarks, anatomy and drawn outlines, loaded from resources/atlas.

Frame (docs/architecture.md): millimetres of a reference adult, y down. Chart 2 (`resources/atlas/charts/<body>-2/`,
built from the Visible Human by tools/anatomy/build_chart.py) is the default of both bodies: back, side and
`anterior` views with bones and muscles (docs/atlas.md). Chart 1 (`resources/atlas/posterior.svg`, `lateral.svg`),
the hand-drawn chart of painmap 0.1, still ships: the back and side pattern SVGs are drawn on it. `lateral-left`
is always derived as the mirror of `lateral`. `load_atlas()` reads a chart (cached), `to_json()` and
`format_text()` present it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from painmap import geometry
from painmap.atlas_model import (
    BODIES,
    CHARTS,
    DEFAULT_CHART,
    EDGE_LABELS,
    TITLES,
    VIEW_FILES,
    Atlas,
    Landmark,
    Outline,
    Region,
    Structure,
    View,
    mirror_region_id,
    region_id,
)
from painmap.chart_views import chart_subfolder
from painmap.errors import AtlasError, PainmapError, UnknownIdError

__all__ = [
    "BODIES", "CHARTS", "DEFAULT_CHART", "Atlas", "Landmark", "Outline", "Region", "Structure", "View",
    "chart_folder", "clear_cache", "format_text", "load_atlas", "mirror_region_id", "mirror_view", "region_id",
    "to_json",
]  # fmt: skip

# ----------------------------------------------------------------------------------------------- loading

_SWAP = {"left": "right", "right": "left", "midline": "midline"}
_cache: dict[str, Atlas] = {}


def chart_folder(base: Path, body: str, chart: int) -> Path:
    """Where a chart's SVGs live under the atlas folder: chart 1 at the top, chart n in charts/<body>-<n>/."""
    return base.joinpath(*chart_subfolder(body, chart))


def load_atlas(root: Path | None = None, *, body: str | None = None, chart: int | None = None) -> Atlas:
    """A chart: `body` "male" (default) or "female", `chart` a number (default: the body's DEFAULT_CHART).

    `root` is an atlas folder (resources/atlas or a copy); without it the bundled one is read, cached.
    With no arguments this is the male body's current chart (2). Raises AtlasError (one line: file
    and reason) for a missing or broken file, UnknownIdError for a body or chart that does not exist.
    """
    body = body or "male"
    if body not in BODIES:
        raise UnknownIdError(f"unknown body {body!r} (known: {', '.join(BODIES)})")
    chart = DEFAULT_CHART[body] if chart is None else chart
    if chart not in CHARTS[body]:
        known = ", ".join(str(c) for c in CHARTS[body])
        raise UnknownIdError(f"the {body} body has no chart {chart} (charts: {known})")
    if root is None:
        from painmap.resources import resource_path

        try:
            base = resource_path("atlas")
        except PainmapError as err:
            raise AtlasError(str(err)) from None
        folder = chart_folder(base, body, chart)
        key = str(folder)
        if key not in _cache:
            _cache[key] = _load(folder, "male" if chart == 1 else body, chart)
        return _cache[key]
    return _load(chart_folder(Path(root), body, chart), "male" if chart == 1 else body, chart)


def clear_cache() -> None:
    """Forget the cached bundled atlas (tests that swap the resources folder use this)."""
    _cache.clear()


def _load(folder: Path, body: str = "male", chart: int = 1) -> Atlas:
    from painmap.atlas_svg import load_view

    posterior = load_view(folder / VIEW_FILES["posterior"], "posterior")
    lateral = load_view(folder / VIEW_FILES["lateral"], "lateral")
    views = [posterior, lateral, mirror_view(lateral, "lateral-left")]
    if chart != 1 or (folder / VIEW_FILES["anterior"]).exists():
        views.append(load_view(folder / VIEW_FILES["anterior"], "anterior"))
    return Atlas({view.id: view for view in views}, body, chart)


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
        Outline(
            o.kind,
            geometry.mirror_x(o.points, w) if o.closed else _flip(o.points, w),
            o.closed,
            mirror_region_id(o.id),
        )
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
        structures=_mirror_structures(view.structures, w),
        bones_alone=_mirror_structures(view.bones_alone, w),
    )


def _mirror_structures(items, w: float) -> tuple[Structure, ...]:
    return tuple(
        Structure(
            mirror_region_id(s.id),
            s.kind,
            _SWAP[s.side],
            geometry.mirror_x(s.polygon, w),
            tuple(geometry.mirror_x(h, w) for h in s.holes),
            _swap_side_words(s.label),
        )
        for s in items
    )


def _swap_side_words(label: str) -> str:
    for a, b in (("(right)", "(left)"), ("(left)", "(right)")):
        if label.endswith(a):
            return label[: -len(a)] + b
    return label


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
                "structures": [_structure_json(s) for s in view.structures],
            }
        )
    return {"units": "mm", "body": atlas.body, "chart": atlas.chart, "views": views}


def _structure_json(s: Structure) -> dict:
    entry = {"id": s.id, "kind": s.kind, "side": s.side, "label": s.label, "polygon": _round_polygon(s.polygon)}
    if s.holes:
        entry["holes"] = [_round_polygon(h) for h in s.holes]
    return entry


def format_text(atlas: Atlas) -> str:
    """A readable summary: each view with its regions (area) and landmarks (position)."""
    height = max(v.height for v in atlas.views.values()) - 50
    lines = [
        f"Body chart {atlas.chart} ({atlas.body}; millimetres of a reference adult, {height:,.0f} mm tall; "
        "y grows downwards)"
    ]
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
        if view.structures:
            names = dict.fromkeys(s.id for s in view.structures)
            lines.append(f"  structures ({len(names)} bones and muscles, {len(view.structures)} visible parts):")
            for sid in names:
                parts = [s for s in view.structures if s.id == sid]
                area = sum(geometry.area(s.polygon) - sum(geometry.area(h) for h in s.holes) for s in parts)
                lines.append(f"    {sid:<44} {len(parts):2d} part(s) {area / 100.0:8.1f} cm²")
    return "\n".join(lines)
