"""Build the anatomical body charts (chart 2) from the vendored Visible Human bundle.

Run:  .venv/bin/python tools/anatomy/build_chart.py [--body male|female|all] [--view ...] [--out DIR]

Writes resources/atlas/charts/<body>-2/{posterior,lateral,anterior}.svg and tools/anatomy/report-<body>-2.json
(scale factor, frame sizes, the raw left/right asymmetry the symmetric chart removes). Needs the `build-chart`
extra (shapely); painmap never imports this at run time. The output is deterministic: the same data give the
same bytes. Frames, layers and decisions: docs/atlas.md ("Chart 2").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from anatomy import GHOSTS, MIDLINE, Piece, layer, project_structures  # noqa: E402
from landmarks import label, left_points, view_landmarks  # noqa: E402
from project import BODIES, Body, clean, difference, intersection, mirror, polygons_of, union  # noqa: E402
from regions import Levels, anterior_regions, ellipse, lateral_regions, posterior_regions, snap  # noqa: E402
from shapely.geometry import Polygon  # noqa: E402
from skin import build_skin, intervals  # noqa: E402
from svg import (  # noqa: E402
    BONE_STYLE,
    DATA_STYLE,
    REGION_STYLE,
    SHADE_INSETS,
    SILHOUETTE_STYLE,
    ChartSvg,
    geom_d,
    muscle_style,
    ring_d,
    shade_colours,
    shade_style,
)

CHART = 2
MIN_VISIBLE = 20.0  # mm²: a visible part smaller than this is not listed in the structures layer
SHADE_SIMPLIFY = 0.6  # mm: the tonal steps need no precision, and fewer points load faster
ALONE_SIMPLIFY = 0.25  # mm: the bones' visible parts with the muscles hidden serve hover only (half the points)
VIEWS = ("posterior", "lateral", "anterior")
TITLES = {"posterior": "Back", "lateral": "Right side", "anterior": "Front"}
ZONE_WORDS = {
    "head-neck": "head and neck", "thoracic": "upper back", "lumbar": "lower back", "lumbar-spine": "lower spine",
    "iliac-crest": "iliac crest", "sacrum": "sacrum", "coccyx": "tailbone (coccyx)",
    "sacroiliac-joint": "sacroiliac joint", "buttock": "buttock",
    "greater-trochanter": "hip point (greater trochanter)",
    "upper-thigh": "upper thigh", "lower-thigh": "lower thigh", "knee": "knee", "lower-leg": "lower leg",
    "foot": "ankle and foot", "arm": "arm", "flank": "flank", "abdomen": "belly", "groin": "groin",
    "hip": "side of the hip", "chest": "chest", "pubic": "pubic area", "front-thigh": "front of the thigh",
    "front-knee": "front of the knee", "shin": "shin",
}  # fmt: skip
VIEW_WORDS = {
    "lateral": {"thoracic": "side of the chest", "arm": "shoulder (the arm is left out of the side view)"},
    "anterior": {"iliac-crest": "front of the iliac crest (ASIS)", "hip": "front of the hip", "foot": "ankle and foot"},
}
ZONE_ORDER = (
    "head-neck", "thoracic", "chest", "arm", "lumbar-spine", "lumbar", "flank", "abdomen", "iliac-crest",
    "sacroiliac-joint", "sacrum", "coccyx", "pubic", "hip", "buttock", "greater-trochanter", "groin", "upper-thigh",
    "front-thigh", "lower-thigh", "knee", "front-knee", "lower-leg", "shin", "foot",
)  # fmt: skip


def region_label(view: str, zone: str, side: str) -> str:
    words = VIEW_WORDS.get(view, {}).get(zone, ZONE_WORDS[zone])
    return words if side == "midline" else f"{side} {words}"


def structure_label(piece: Piece) -> str:
    words = piece.name.replace("_", " ")
    return words if piece.side == "midline" else f"{words} ({piece.side})"


# ----------------------------------------------------------------------------------------------- vertebrae


def vertebrae(body: Body, view: str, lm: dict, skin_lateral) -> list[tuple[str, object]]:
    """Schematic L1-L5 (the data have no vertebrae): levels from the crest at L4, 35 mm × height/1750 apart."""
    from shapely.geometry import box

    k = body.spec.reference_height / 1750.0
    mid = body.mid
    out = []
    s1 = body.landmarks3d["S1_superior_endplate_top_midline_approx"]
    for i in range(5):
        v = lm[(f"l{i + 1}-spinous-process", "midline")]
        level = v[1]
        if view == "posterior":
            shape = union(
                box(mid - 34 * k, level - 16 * k, mid + 34 * k, level - 8 * k).buffer(3 * k),
                box(mid - 15 * k, level - 22 * k, mid + 15 * k, level - 2 * k).buffer(2 * k),
                ellipse(mid, level - 2 * k, 5.5 * k, 9 * k),
            )
        elif view == "anterior":
            shape = box(mid - 23 * k, level - 22 * k, mid + 23 * k, level + 3 * k).buffer(3 * k)
        else:
            ((u_s1, _),) = body.project("lateral", s1 * [0, 1, 1])
            lordosis = [4, 9, 11, 9, 4][i] * k
            front = u_s1 + 14 * k + lordosis
            back_skin = intervals(skin_lateral, level, -10, body.width_lateral + 10)[0][0]
            tip = back_skin + 24 * k
            shape = union(
                box(front - 34 * k, level - 22 * k, front, level + 2 * k).buffer(3 * k),
                box(tip, level - 10 * k, front - 30 * k, level + 1 * k).buffer(2 * k),
            )
        out.append((f"l{i + 1}", clean(shape)))
    return out


HAND_DRAWN = {
    "quadratus_lumborum": "drawn by hand from the landmarks: the data have no quadratus lumborum (docs/atlas.md)"
}


def quadratus_lumborum(body: Body, lm: dict, ilium, skin) -> list[Piece]:
    """Quadratus lumborum from behind, by hand (not in the data): from the 12th rib and the L1-L4 transverse
    processes down to the iliolumbar ligament and the inner lip of the posterior crest (Gray's Anatomy)."""
    from regions import top_edge

    k = body.spec.reference_height / 1750.0
    mid = body.mid
    l1, l5 = lm[("l1-spinous-process", "midline")][1], lm[("l5-spinous-process", "midline")][1]
    summit = lm[("iliac-crest-summit", "right")]
    crest = [(u, v + 4 * k) for u, v in top_edge(ilium, mid + 40 * k, summit[0] - 6 * k, 2.0)]
    ring = [(mid + 30 * k, l1 - 14 * k), (mid + 62 * k, l1 - 8 * k), (mid + 88 * k, l1 + 6 * k)]
    ring += [(summit[0] - 2 * k, summit[1] - 6 * k), *crest[::-1], (mid + 36 * k, l5 - 4 * k)]
    right = intersection(Polygon(ring).buffer(2 * k).buffer(-2 * k), skin)
    left = mirror(right, mid)
    return [
        Piece("quadratus_lumborum", "muscle", "right", right, {}),
        Piece("quadratus_lumborum", "muscle", "left", left, {}),
    ]


# ----------------------------------------------------------------------------------------------- one view


def build_view(body: Body, skin, view: str) -> tuple[str, dict]:
    """The SVG text of one view, and a report (landmarks, sizes)."""
    k = body.spec.reference_height / 1750.0
    silhouette = skin.lateral if view == "lateral" else skin.front
    width = body.width_lateral if view == "lateral" else body.width_front
    pieces = project_structures(body, view, silhouette)
    geoms = {(p.name if p.side == "midline" else f"{p.name}-{p.side}"): p.geom for p in pieces}
    if view == "posterior":  # the sacrum as drawn: the ilia lie in front of its alae
        geoms["sacrum"] = polygons_of(difference(geoms["sacrum"], union(geoms["ilium-right"], geoms["ilium-left"])))[0]
    lm_list = view_landmarks(body, view, geoms.get("sacrum"))
    if view != "posterior":  # the spine levels are those of the back view (they depend on height only)
        lm_list += [x for x in view_landmarks(body, "posterior", _sacrum_posterior(body, skin)) if x[0][0] == "l"]
    lm = {(lid, side): (u, v) for lid, side, u, v in lm_list}
    pts = left_points(body)
    ((_, condyle_v),) = body.project("posterior", pts["lateral-femoral-condyle"])
    ((_, malleolus_v),) = body.project("posterior", pts["lateral-malleolus"])
    levels = Levels(k, body.spec.reference_height, lm, condyle_v, malleolus_v)
    if view == "posterior":
        regions = posterior_regions(skin, lm, geoms, levels, body.mid)
    elif view == "anterior":
        regions = anterior_regions(skin, lm, geoms, levels, body.mid)
    else:
        lm[("ischial-tuberosity", "right")] = tuple(body.project("lateral", pts["ischial-tuberosity"])[0])
        regions = lateral_regions(skin, lm, geoms, levels, width)
        del lm[("ischial-tuberosity", "right")]
    if view != "posterior":
        lm = {key: p for key, p in lm.items() if not key[0].startswith("l") or not key[0].endswith("process")}
    focus = _focus(view, lm, k, width, levels)
    svg = ChartSvg(body.spec.body, view, TITLES[view], width, body.height, focus, body.scale)

    # skin: the outline with two inset tones (restrained shading that survives grey-scale and small sizes)
    svg.path("skin", "silhouette", geom_d(silhouette), SILHOUETTE_STYLE, kind="silhouette")
    for i, (inset, colour) in enumerate(zip(SHADE_INSETS, shade_colours(len(SHADE_INSETS)), strict=True)):
        inset *= k
        shade = clean(silhouette.buffer(-inset, join_style="round").simplify(SHADE_SIMPLIFY), min_area=20)
        svg.path("skin", f"skin-shade-{i + 1}", geom_d(shade), shade_style(colour), kind="shade")

    muscles, bones = layer(pieces, view)
    vert = vertebrae(body, view, _spine(body, skin), skin.lateral)
    if view == "posterior":
        muscles = quadratus_lumborum(body, lm, geoms["ilium-right"], silhouette) + muscles
    drawn_bones = union(*[shape for _, shape in vert], *[b.drawn for b in bones])
    for i, m in enumerate(muscles):  # what shows of a muscle: not under a later opaque muscle nor under a bone
        later = [x.geom for x in muscles[i + 1 :] if x.name not in GHOSTS[view] and x.geom.intersects(m.geom)]
        m.visible = difference(m.geom, union(*later, drawn_bones))
    for m in muscles:
        ghost = m.name in GHOSTS[view]
        data = {"kind": "muscle", "side": m.side, "label": structure_label(m)}
        if ghost:
            data["ghost"] = "true"
        if m.name in HAND_DRAWN:
            data["source"] = HAND_DRAWN[m.name]
        svg.path("muscles", m.id, geom_d(m.geom), muscle_style(m.name, ghost), **data)
    for name, shape in vert:
        svg.path(
            "bones", f"bone-{name}-midline", geom_d(shape), BONE_STYLE, kind="bone", side="midline", label=name.upper()
        )
    for b in bones:
        if b.drawn.is_empty:
            continue
        svg.path("bones", b.id, geom_d(b.drawn), BONE_STYLE, kind="bone", side=b.side, label=structure_label(b))
    for name, shape in vert:  # the bones as drawn with the muscles hidden: whole, in the same order
        svg.path("bones-alone", f"whole-bone-{name}-midline", geom_d(shape), BONE_STYLE, kind="bone", side="midline",
                 label=name.upper())  # fmt: skip
    for b in bones:
        svg.path("bones-alone", f"whole-{b.id}", geom_d(b.geom), BONE_STYLE, kind="bone", side=b.side,
                 label=structure_label(b))  # fmt: skip

    for (lid, side), (u, v) in lm.items():
        key = lid if side == "midline" else f"{lid}-{side}"
        svg.circle("landmarks", f"lm-{key}", u, v, landmark=lid, side=side, label=label(lid))
    for zone in ZONE_ORDER:
        for side in ("left", "right", "midline"):
            if (zone, side) not in regions:
                continue
            rid = zone if side == "midline" else f"{zone}-{side}"
            d = ring_d(snap(regions[(zone, side)]))
            svg.path(
                "regions",
                rid,
                d,
                REGION_STYLE,
                kind="region",
                zone=zone,
                side=side,
                label=region_label(view, zone, side),
            )
    on_vertebrae = union(*[b.drawn for b in bones])
    listed = [(f"bone-{n}-midline", "bone", "midline", n.upper(), difference(s, on_vertebrae)) for n, s in vert]
    listed += [(p.id, p.kind, p.side, structure_label(p), p.visible) for p in (*bones, *muscles)]
    whole_bones = union(*[b.geom for b in bones])
    alone = [(f"bone-{n}-midline", "bone", "midline", n.upper(), difference(s, whole_bones)) for n, s in vert]
    alone += [(b.id, b.kind, b.side, structure_label(b), b.alone) for b in bones]
    alone = [(*item[:4], clean(item[4].simplify(ALONE_SIMPLIFY))) for item in alone]
    for data_layer, prefix, items in (("structures", "visible", listed), ("structures-alone", "alone", alone)):
        for sid, kind, side, words, geom in items:
            parts = [p for p in polygons_of(geom) if p.area >= MIN_VISIBLE]
            if parts:
                svg.path(data_layer, f"{prefix}-{sid}", geom_d(union(*parts)), DATA_STYLE, kind=kind, side=side,
                         structure=sid, label=words)  # fmt: skip
    report = {
        "width": width,
        "height": body.height,
        "focus": list(focus),
        "landmarks": {
            (lid if s == "midline" else f"{lid}-{s}"): [round(u, 2), round(v, 2)] for (lid, s), (u, v) in lm.items()
        },
        "muscles_back_to_front": [m.id for m in muscles if m.side != "left"],
        "bones_back_to_front": [b.id for b in bones if b.side != "left"],
    }
    return svg.text(), report


def _sacrum_posterior(body: Body, skin):
    from anatomy import _mesh
    from project import mirror, outline, symmetric_from_left

    def proj(name: str):
        vertices, faces = _mesh(body, name, "posterior")
        return outline(body.project("posterior", vertices), faces)

    sacrum = symmetric_from_left(proj("sacrum"), "posterior", body.mid, body.height)
    ilium = proj("ilium")
    return polygons_of(difference(sacrum, union(ilium, mirror(ilium, body.mid))))[0]


def _spine(body: Body, skin) -> dict:
    lms = view_landmarks(body, "posterior", _sacrum_posterior(body, skin))
    return {(lid, side): (u, v) for lid, side, u, v in lms if lid.endswith("spinous-process")}


def _focus(view: str, lm: dict, k: float, width: float, levels: Levels) -> tuple[float, float, float, float]:
    """The lower back and pelvis rectangle the app opens on."""
    l1 = lm.get(("l1-spinous-process", "midline"))
    top = (l1[1] if l1 else levels.thorax + 17.5 * k) - 45 * k
    if view == "lateral":
        u = [p[0] for p in lm.values() if p[1] < levels.knee_top]
        x0, x1 = max(0.0, min(u) - 90 * k), min(width, max(u) + 110 * k)
        return (round(x0, 1), round(top, 1), round(x1, 1), round(top + 440 * k, 1))
    t = [p[0] for key, p in lm.items() if key[0] == "greater-trochanter"]
    return (round(min(t) - 55 * k, 1), round(top, 1), round(max(t) + 55 * k, 1), round(top + 440 * k, 1))


# ----------------------------------------------------------------------------------------------- asymmetry


def asymmetry(body: Body) -> dict[str, float]:
    """Raw left/right difference of the projected area (posterior view), |A_l − A_r| / mean, per paired structure."""
    from anatomy import BONES, MUSCLES
    from project import front_faces, outline

    out = {}
    names = body.names()
    for name in sorted(set(BONES) - set(MIDLINE)) + sorted(set(MUSCLES["posterior"]) | set(MUSCLES["anterior"])):
        right = f"{name}_r" if f"{name}_r" in names else f"{name}_r_mirrored"
        areas = []
        for mesh in (f"{name}_l", right):
            v, f = body.vertices(mesh), body.faces(mesh)
            f = f if name == "femur" else front_faces(v, f, "posterior")
            areas.append(outline(body.project("posterior", v), f).area)
        note = " (right is a mirrored stand-in)" if right.endswith("_mirrored") else ""
        out[name + note] = round(abs(areas[0] - areas[1]) / (0.5 * (areas[0] + areas[1])), 4)
    return out


def build_body(name: str, views: Sequence[str], out: Path, measure: bool = True) -> dict:
    body = Body(BODIES[name])
    skin = build_skin(body)
    folder = out / f"{name}-{CHART}"
    folder.mkdir(parents=True, exist_ok=True)
    report = {
        "body": name,
        "chart": CHART,
        "bundle": body.spec.code,
        "bundle_height_mm": round(body.raw_height, 1),
        "reference_height_mm": body.spec.reference_height,
        "scale": round(body.scale, 6),
        "symmetry": "every paired structure is the subject's LEFT mesh, mirrored; midline structures and the skin "
        "keep their left half, mirrored",
        "views": {},
    }
    for view in views:
        text, info = build_view(body, skin, view)
        path = folder / f"{view}.svg"
        path.write_text(text, encoding="utf-8")
        report["views"][view] = info
        print(f"wrote {path} ({len(text) / 1024:.0f} KiB)")
    if measure:
        report["raw_left_right_area_difference_posterior"] = asymmetry(body)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--body", choices=("male", "female", "all"), default="all")
    parser.add_argument("--view", choices=(*VIEWS, "all"), default="all")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "atlas" / "charts")
    parser.add_argument("--no-report", action="store_true", help="skip the asymmetry measurement and report file")
    args = parser.parse_args(argv)
    views = VIEWS if args.view == "all" else (args.view,)
    for name in ("male", "female") if args.body == "all" else (args.body,):
        report = build_body(name, views, args.out, measure=not args.no_report)
        if not args.no_report:
            target = HERE / f"report-{name}-{CHART}.json"
            target.write_text(json.dumps(report, indent=1, sort_keys=False) + "\n", encoding="utf-8")
            print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["build_body", "build_view", "main"]
