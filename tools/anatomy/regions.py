"""Regions of each view: a partition of the silhouette by rules from the landmarks and the bones.

The silhouette is cut by cells in priority order (each cell takes what is left of the body inside it), as chart 1
was; the cells follow chart 1's definitions (docs/atlas.md) with their sizes scaled by height / 1750, but are
placed from this body's landmarks and bone outlines (sacrum and coccyx outlines, the crest along the top of the
ilium). Front and back are cut for the subject's right half and mirrored; a zone cut into several pieces keeps
its largest one and gives the crumbs to the neighbour they share most border with, so every region is one polygon.
"""

from __future__ import annotations

import numpy as np
import shapely
from project import GRID, clean, difference, intersection, mirror, polygons_of, union
from shapely.geometry import LineString, Point, Polygon, box
from skin import intervals

FAR = 5000.0
MIDLINE_ZONES = {"head-neck", "lumbar-spine", "sacrum", "coccyx", "pubic"}


def top_edge(geom, u0: float, u1: float, step: float = 1.0) -> list[tuple[float, float]]:
    """The upper boundary (smallest v) of geom over u0..u1."""
    out = []
    for u in np.arange(u0, u1 + 1e-9, step if u1 >= u0 else -step):
        cut = shapely.intersection(geom, LineString([(u, -FAR), (u, FAR)]))
        if cut.is_empty:
            continue
        out.append((float(u), float(cut.bounds[1])))
    return out


def band(line: list[tuple[float, float]], above: float, below: float) -> Polygon:
    """A band along a polyline running left to right: `above` mm above it (smaller v), `below` under it."""
    ls = LineString(line)
    return union(ls.buffer(below, single_sided=True), ls.buffer(-above, single_sided=True))


def ellipse(cx: float, cy: float, rx: float, ry: float) -> Polygon:
    t = np.linspace(0, 2 * np.pi, 97)[:-1]
    return Polygon(np.stack([cx + rx * np.cos(t), cy + ry * np.sin(t)], axis=1))


def above(line: list[tuple[float, float]], top: float = -FAR) -> Polygon:
    """Everything above a left-to-right polyline (extended sideways without end)."""
    v0, v1 = line[0][1], line[-1][1]
    return shapely.make_valid(Polygon([(-FAR, v0), *line, (FAR, v1), (FAR, top), (-FAR, top)]))


def cut(body_geom, cells: list[tuple[str, object]]) -> dict[str, object]:
    """Priority partition of body_geom by the cells."""
    remaining = body_geom
    out: dict[str, object] = {}
    for zone, cell in cells:
        piece = intersection(remaining, cell)
        remaining = difference(remaining, cell)
        out[zone] = union(out.get(zone), piece) if zone in out else piece
    rest = [p for p in polygons_of(remaining) if p.area > 0.5]
    if rest:
        raise SystemExit(f"uncovered pieces remain: {[round(p.area, 1) for p in rest]}")
    return {z: g for z, g in out.items() if not g.is_empty}


def single_pieces(pieces: dict[str, object]) -> dict[str, Polygon]:
    """One polygon per zone: crumbs join the neighbour sharing most border."""
    pieces = dict(pieces)
    for _ in range(4):
        moved = False
        for zone in list(pieces):
            parts = polygons_of(pieces[zone])
            if len(parts) <= 1:
                continue
            pieces[zone] = parts[0]
            for crumb in parts[1:]:
                best = max(
                    (z for z in pieces if z != zone),
                    key=lambda z: (crumb.buffer(0.05).intersection(pieces[z]).area, z),
                )
                pieces[best] = union(pieces[best], crumb)
                moved = True
        if not moved:
            break
    out = {}
    for zone, geom in pieces.items():
        parts = polygons_of(geom)
        if len(parts) != 1:
            raise SystemExit(f"zone {zone}: {len(parts)} pieces after merging")
        if parts[0].interiors:
            raise SystemExit(f"zone {zone} has a hole: a region must be one polygon without holes")
        out[zone] = parts[0]
    return out


def sided(pieces: dict[str, Polygon], mid: float, right_is_low_u: bool) -> dict[tuple[str, str], Polygon]:
    """Right-half pieces -> (zone, side) regions of the whole body, mirrored, midline zones joined."""
    out = {}
    for zone, poly in pieces.items():
        twin = clean(mirror(poly, mid))
        if zone in MIDLINE_ZONES:
            out[(zone, "midline")] = polygons_of(union(poly, twin))[0]
        else:
            out[(zone, "right")] = poly
            out[(zone, "left")] = Polygon(polygons_of(twin)[0].exterior)
    return out


def half_box(mid: float, right_is_low_u: bool) -> Polygon:
    return box(-FAR, -FAR, mid, FAR) if right_is_low_u else box(mid, -FAR, FAR, FAR)


def side_rect(mid: float, right_is_low_u: bool, v0: float, v1: float, du0: float, du1: float) -> Polygon:
    """A rectangle from du0 to du1 mm out from the midline towards the subject's right."""
    if right_is_low_u:
        return box(mid - du1, v0, mid - du0, v1)
    return box(mid + du0, v0, mid + du1, v1)


class Levels:
    """Heights (view v, mm) shared by the views, from the landmarks."""

    def __init__(self, k: float, H: float, lm: dict, condyle_v: float, malleolus_v: float) -> None:
        self.k = k
        self.neck = 25 + 0.157 * H
        self.thorax = (
            lm[("l1-spinous-process", "midline")][1] - 17.5 * k if ("l1-spinous-process", "midline") in lm else None
        )
        self.mid_thigh = condyle_v - 171 * k
        self.knee_top = condyle_v - 61 * k
        self.knee_bottom = condyle_v + 59 * k
        self.foot = malleolus_v - 12 * k


def limbs(levels: Levels, full: Polygon, names: tuple[str, str, str, str, str]) -> list[tuple[str, Polygon]]:
    big = box(-FAR, -FAR, FAR, FAR)
    upper, lower, knee, leg, foot = names
    cells = []
    if upper:
        cells.append((upper, box(-FAR, -FAR, FAR, levels.mid_thigh)))
    cells += [
        (lower, box(-FAR, -FAR, FAR, levels.knee_top)),
        (knee, box(-FAR, -FAR, FAR, levels.knee_bottom)),
        (leg, box(-FAR, -FAR, FAR, levels.foot)),
        (foot, big),
    ]
    return cells


def posterior_regions(skin, lm, bones, levels: Levels, mid: float) -> dict[tuple[str, str], Polygon]:
    k = levels.k
    half = half_box(mid, False)
    body = intersection(skin.front, half)
    psis = lm[("psis", "right")]
    troch, it = lm[("greater-trochanter", "right")], lm[("ischial-tuberosity", "right")]
    l5 = lm[("l5-spinous-process", "midline")]
    sacrum = intersection(bones["sacrum"], half)
    s_top = sacrum.bounds[1]
    edge_a = intervals(sacrum, s_top + 10 * k, mid, FAR)[-1][1] + 3 * k
    edge_b = intervals(sacrum, psis[1] + 45 * k, mid, FAR)[-1][1] + 2 * k
    si = LineString([(edge_a, s_top + 10 * k), psis, (edge_b, psis[1] + 45 * k)])
    si_band = si.buffer(10 * k, cap_style="flat")
    ilium = bones["ilium-right"]
    crest = top_edge(ilium, psis[0] + 8 * k, ilium.bounds[2])
    crest = [psis, *crest, (ilium.bounds[2] + 80 * k, crest[-1][1] + 20 * k)]
    crest_band = band(crest, 18 * k, 27 * k)
    lumbar = intersection(above(crest, levels.thorax), box(mid, levels.thorax, FAR, FAR))
    fold = [
        (mid - 5, it[1] + 25 * k),
        (it[0], it[1] + 23 * k),
        ((it[0] + troch[0]) / 2, (it[1] + troch[1]) / 2 + 12 * k),
        (troch[0] + 30 * k, troch[1] + 20 * k),
        (FAR, troch[1] + 20 * k),
    ]
    coccyx = difference(intersection(bones["coccyx"].buffer(4 * k), half), sacrum)
    cells = [
        ("arm", skin.arm_cell),
        ("head-neck", box(-FAR, -FAR, FAR, levels.neck)),
        ("thoracic", box(-FAR, -FAR, FAR, levels.thorax)),
        ("lumbar-spine", box(mid - 1, levels.thorax, mid + 12 * k, l5[1] + 12 * k)),
        ("sacroiliac-joint", si_band),
        ("sacrum", sacrum),
        ("coccyx", coccyx),
        ("iliac-crest", crest_band),
        ("lumbar", lumbar),
        ("greater-trochanter", ellipse(troch[0] - 4 * k, troch[1] - 2 * k, 38 * k, 52 * k)),
        ("buttock", above(fold)),
        *limbs(levels, skin.front, ("upper-thigh", "lower-thigh", "knee", "lower-leg", "foot")),
    ]
    return sided(single_pieces(cut(body, cells)), mid, False)


def anterior_regions(skin, lm, bones, levels: Levels, mid: float) -> dict[tuple[str, str], Polygon]:
    """The front, cut on the subject's right half (the viewer's left, u < mid) and mirrored."""
    k = levels.k
    half = half_box(mid, True)
    body = intersection(skin.front, half)
    asis, summit = lm[("asis", "right")], lm[("iliac-crest-summit", "right")]
    troch, pubis = lm[("greater-trochanter", "right")], lm[("pubic-symphysis", "midline")]
    tubercle = (mid - 18 * k, pubis[1] + 4 * k)
    inguinal = [(mid + 1, tubercle[1]), tubercle, asis, (asis[0] - 80 * k, asis[1] - 30 * k), (-FAR, asis[1] - 30 * k)]
    crest_line = [(summit[0] - 6 * k, summit[1] - 10 * k), summit, asis]
    crest_band = LineString(crest_line).buffer(20 * k)
    crest_band = difference(crest_band, half_box(asis[0] + 40 * k, False).union(box(-FAR, asis[1] + 14 * k, FAR, FAR)))
    thigh_top = pubis[1] + 45 * k
    thigh = [
        (-FAR, troch[1] + 30 * k),
        (troch[0], troch[1] + 30 * k),
        (asis[0] + 15 * k, thigh_top),
        (mid + 1, thigh_top),
    ]
    cells = [
        ("arm", mirror(skin.arm_cell, mid)),
        ("head-neck", box(-FAR, -FAR, FAR, levels.neck)),
        ("chest", box(-FAR, -FAR, FAR, levels.thorax)),
        ("iliac-crest", crest_band),
        ("pubic", box(mid - 22 * k, pubis[1] - 25 * k, mid + 1, thigh_top)),
        ("abdomen", _above_rl(inguinal)),
        ("greater-trochanter", ellipse(troch[0] + 4 * k, troch[1] - 2 * k, 38 * k, 52 * k)),
        ("hip", intersection(_above_rl(thigh), box(-FAR, -FAR, asis[0] + 10 * k, FAR))),
        ("groin", _above_rl(thigh)),
        *limbs(levels, skin.front, ("", "front-thigh", "front-knee", "shin", "foot")),
    ]
    return sided(single_pieces(cut(body, cells)), mid, True)


def _above_rl(line: list[tuple[float, float]]) -> Polygon:
    """Above a polyline given from any direction (sorted left to right first)."""
    return above(sorted(line))


def lateral_regions(skin, lm, bones, levels: Levels, width: float) -> dict[tuple[str, str], Polygon]:
    k = levels.k
    body = skin.lateral
    asis, summit, psis = lm[("asis", "right")], lm[("iliac-crest-summit", "right")], lm[("psis", "right")]
    troch, it = lm[("greater-trochanter", "right")], lm[("ischial-tuberosity", "right")]
    ilium = bones["ilium-right"]
    crest = top_edge(ilium, psis[0] + 12 * k, asis[0] - 15 * k)
    crest = [(psis[0] - 60 * k, psis[1] + 5 * k), psis, *crest, asis, (asis[0] + 20 * k, asis[1] + 12 * k)]
    crest_band = band(crest, 18 * k, 27 * k)
    crest = [*crest, (width + 100, crest[-1][1] + 8 * k)]
    fold_v = it[1] + 30 * k
    thigh = [
        (-FAR, fold_v),
        (troch[0] - 50 * k, fold_v),
        (troch[0] - 35 * k, troch[1] + 34 * k),
        (asis[0] - 30 * k, troch[1] + 32 * k),
        (FAR, troch[1] + 20 * k),
    ]
    above_crest = above(crest)
    cells = [
        ("arm", _up_to_the_outline(skin.shoulder_cap, levels.neck)),
        ("head-neck", box(-FAR, -FAR, FAR, levels.neck)),
        ("thoracic", box(-FAR, -FAR, FAR, levels.thorax + 20 * k)),
        ("iliac-crest", crest_band),
        ("greater-trochanter", ellipse(troch[0], troch[1] - 4 * k, 42 * k, 50 * k)),
        ("lumbar", intersection(above_crest, box(-FAR, -FAR, summit[0] - 35 * k, FAR))),
        ("flank", intersection(above_crest, box(-FAR, -FAR, asis[0] - 30 * k, FAR))),
        ("abdomen", above_crest),
        ("buttock", intersection(above(thigh), box(-FAR, -FAR, troch[0] - 32 * k, FAR))),
        ("hip", intersection(above(thigh), box(-FAR, -FAR, asis[0] - 30 * k, FAR))),
        ("groin", above(thigh)),
        *limbs(levels, body, ("upper-thigh", "lower-thigh", "knee", "lower-leg", "foot")),
    ]
    pieces = single_pieces(cut(body, cells))
    return {(z, "midline" if z == "head-neck" else "right"): p for z, p in pieces.items()}


def _up_to_the_outline(cap: Polygon, neck: float) -> Polygon:
    """The shoulder cap and the skin above it up to the neck line, so the arm region reaches the outline."""
    x0, _, x1, _ = cap.bounds
    return union(cap, box(x0 + 4, neck, x1 - 4, cap.centroid.y))


def snap(poly: Polygon) -> np.ndarray:
    """Exterior ring without the closing repeat, rounded to GRID, counter-clockwise in the y-down frame."""
    ring = shapely.geometry.polygon.orient(poly, sign=-1.0).exterior.coords[:-1]
    return np.round(np.array(ring, dtype=float) / GRID) * GRID


__all__ = ["Levels", "Point", "anterior_regions", "lateral_regions", "posterior_regions", "snap"]
