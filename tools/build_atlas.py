"""Author the body chart: writes resources/atlas/posterior.svg and lateral.svg from the parametric shapes below.

Run:  .venv/bin/python tools/build_atlas.py [--out resources/atlas]

The committed SVGs are the source of truth the app loads; this script is how they were made. Contours are
smooth cubic Bézier curves (Catmull-Rom through the anatomical points listed here, corners where runs meet).
The posterior view is drawn for the patient's right half (x >= 320) and mirrored, so both sides are exact
mirror images. Regions are cut at authoring time: the flattened silhouette is intersected with cutting cells
(QPainterPath boolean operations, in priority order), so the regions partition the silhouette exactly; they are
written as explicit polygons. Coordinates are millimetres of the reference adult (docs/architecture.md).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from painmap import style  # noqa: E402
from painmap.svgpath import parse_path  # noqa: E402

Point = tuple[float, float]
Seg = tuple[Point, Point, Point, Point]  # cubic Bézier

W_POST, W_LAT, HEIGHT = 640.0, 500.0, 1800.0
MID = W_POST / 2


def mm(cx: float, cy: float) -> Point:
    """CLINICAL.md authoring frame (X from the midline, Y from the crest line) -> posterior mm, right side."""
    return (MID + 165.0 * cx, 725.0 + 210.0 * cy)


# ----------------------------------------------------------------------------------------------- curves


def catmull(points: Sequence[Point], before: Point | None = None, after: Point | None = None) -> list[Seg]:
    """Cubic segments of the Catmull-Rom spline through the points; `before`/`after` are phantom neighbours."""
    pts = [tuple(map(float, p)) for p in points]
    ext = [before or pts[0], *pts, after or pts[-1]]
    segs = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        segs.append((p1, c1, c2, p2))
    return segs


def line(points: Sequence[Point]) -> list[Seg]:
    """Straight segments written as degenerate cubics (so every path is uniform)."""
    out = []
    for a, b in itertools.pairwise(points):
        out.append((a, a, b, b))
    return out


def mirror_pt(p: Point, width: float = W_POST) -> Point:
    return (width - p[0], p[1])


def mirror_segs(segs: list[Seg], width: float = W_POST) -> list[Seg]:
    """The same curve mirrored (x -> width - x) and reversed in direction."""
    return [
        (mirror_pt(s[3], width), mirror_pt(s[2], width), mirror_pt(s[1], width), mirror_pt(s[0], width))
        for s in segs[::-1]
    ]


def fmt(v: float) -> str:
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def path_d(segs: list[Seg], closed: bool) -> str:
    """Absolute path data: M, then L for straight pieces and C for curves."""
    parts = [f"M{fmt(segs[0][0][0])},{fmt(segs[0][0][1])}"]
    for p0, c1, c2, p3 in segs:
        if c1 == p0 and c2 == p3:
            parts.append(f"L{fmt(p3[0])},{fmt(p3[1])}")
        else:
            parts.append(f"C{fmt(c1[0])},{fmt(c1[1])} {fmt(c2[0])},{fmt(c2[1])} {fmt(p3[0])},{fmt(p3[1])}")
    if closed:
        parts.append("Z")
    return " ".join(parts)


def runs_to_segs(
    runs: list[list[Point]], smooth_start: Point | None = None, smooth_end: Point | None = None
) -> list[Seg]:
    """Consecutive smooth runs joined at corners (each run starts where the previous one ended)."""
    segs: list[Seg] = []
    for i, run in enumerate(runs):
        before = smooth_start if i == 0 else None
        after = smooth_end if i == len(runs) - 1 else None
        segs.extend(catmull(run, before, after))
    return segs


def ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    arc = f"A{fmt(rx)},{fmt(ry)} 0 1 1"
    return f"M{fmt(cx + rx)},{fmt(cy)} {arc} {fmt(cx - rx)},{fmt(cy)} {arc} {fmt(cx + rx)},{fmt(cy)} Z"


# ----------------------------------------------------------------------------------------------- Qt geometry


def qpath(poly: np.ndarray | Sequence[Point]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in poly]))
    path.closeSubpath()
    return path


def polygons(path: QPainterPath) -> list[np.ndarray]:
    """Fill polygons of a path, cleaned: no closing repeat, no duplicate or collinear vertices, tiny bits dropped."""
    out = []
    for poly in path.toFillPolygons():
        pts = np.array([(p.x(), p.y()) for p in poly], dtype=float)
        pts = clean(pts)
        if len(pts) >= 3 and abs(area(pts)) > 0.5:
            out.append(pts)
    return out


def area(pts: np.ndarray) -> float:
    x, y = pts[:, 0], pts[:, 1]
    return float((np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def clean(pts: np.ndarray) -> np.ndarray:
    pts = np.round(pts, 2)
    if len(pts) > 1 and np.allclose(pts[0], pts[-1]):
        pts = pts[:-1]
    keep = [p for i, p in enumerate(pts) if i == 0 or not np.allclose(p, pts[i - 1])]
    pts = np.array(keep)
    changed = True
    while changed and len(pts) > 3:
        changed = False
        prev, nxt = np.roll(pts, 1, axis=0), np.roll(pts, -1, axis=0)
        cross = (pts[:, 0] - prev[:, 0]) * (nxt[:, 1] - prev[:, 1]) - (pts[:, 1] - prev[:, 1]) * (
            nxt[:, 0] - prev[:, 0]
        )
        span = np.hypot(nxt[:, 0] - prev[:, 0], nxt[:, 1] - prev[:, 1])
        flat = np.abs(cross) <= 0.01 * np.maximum(span, 1e-9)  # vertex within 0.01 mm of its neighbours' chord
        if flat.any():
            first = int(np.argmax(flat))
            pts = np.delete(pts, first, axis=0)
            changed = True
    return pts


def flatten(d: str) -> np.ndarray:
    (poly,) = parse_path(d)
    return poly


def offset_band(curve: np.ndarray, above: float, below: float) -> np.ndarray:
    """A band around a polyline: `above` mm on the side of the normal (ty, -tx), `below` mm on the other."""
    t = np.gradient(curve, axis=0)
    t /= np.hypot(t[:, 0], t[:, 1])[:, None]
    n = np.stack([t[:, 1], -t[:, 0]], axis=1)
    return np.vstack([curve + above * n, (curve - below * n)[::-1]])


def sample(segs: list[Seg], step: float = 2.0) -> np.ndarray:
    return flatten(path_d(segs, False))[:: max(1, int(step))]


def above_curve(curve: np.ndarray, top: float = -10.0) -> np.ndarray:
    """Polygon of everything above a left-to-right polyline."""
    return np.vstack([curve, [[curve[-1, 0], top], [curve[0, 0], top]]])


def below_curve(curve: np.ndarray, bottom: float = HEIGHT + 10) -> np.ndarray:
    return np.vstack([curve, [[curve[-1, 0], bottom], [curve[0, 0], bottom]]])


def rect(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)


def cut_regions(silhouette: QPainterPath, cells: list[tuple[str, QPainterPath]]) -> dict[str, list[np.ndarray]]:
    """Priority partition: each cell takes what is left of the silhouette inside it."""
    remaining = QPainterPath(silhouette)
    out: dict[str, list[np.ndarray]] = {}
    for name, cell in cells:
        piece = remaining.intersected(cell)
        remaining = remaining.subtracted(cell)
        out[name] = polygons(piece)
    left = polygons(remaining)
    if left:
        raise SystemExit(f"uncovered silhouette pieces remain: {[round(abs(area(p)), 1) for p in left]}")
    return out


def join_mirror(poly: np.ndarray, width: float = W_POST) -> np.ndarray:
    """A right-half piece that touches the midline along one edge, joined with its mirror image."""
    on_mid = np.isclose(poly[:, 0], width / 2, atol=1e-6)
    if not on_mid.any():
        raise SystemExit("a midline region does not reach the midline")
    n = len(poly)
    # rotate so that the vertices on the midline form the tail of the list
    start = next(i for i in range(n) if on_mid[i - 1] and not on_mid[i])
    ring = np.roll(poly, -start, axis=0)
    flags = np.roll(on_mid, -start)
    k = int(np.argmax(flags))  # first midline vertex
    if not flags[k:].all():
        raise SystemExit("a midline region touches the midline more than once")
    outer = ring[:k]
    m_first, m_last = ring[k], ring[-1]
    mirrored = outer[::-1].copy()
    mirrored[:, 0] = width - mirrored[:, 0]
    return np.vstack([[m_last], outer, [m_first], mirrored])


def qcell(poly) -> QPainterPath:
    return qpath(np.asarray(poly, dtype=float))


# ----------------------------------------------------------------------------------------------- SVG writing


class Svg:
    """A tiny writer for the chart's SVG: layers of elements with painmap:* data attributes."""

    def __init__(self, view: str, title: str, width: float, focus: tuple[float, float, float, float]) -> None:
        self.view, self.title, self.width, self.focus = view, title, width, focus
        self.layers: dict[str, list[str]] = {"art": [], "regions": [], "landmarks": []}

    def add(self, layer: str, element: str) -> None:
        self.layers[layer].append(element)

    def path(self, layer: str, id_: str, d: str, kind: str, style_: str, **data: str) -> None:
        attrs = "".join(f' painmap:{k.replace("_", "-")}="{v}"' for k, v in data.items())
        self.add(layer, f'<path id="{id_}" class="{kind}" painmap:kind="{kind}"{attrs} style="{style_}" d="{d}"/>')

    def text(self) -> str:
        fx = " ".join(fmt(v) for v in self.focus)
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<!-- painmap body chart, {self.title.lower()} view. Millimetres of a reference adult (height 1750 mm), "
            "y down; floor at y=1775. Generated by tools/build_atlas.py, editable in Inkscape: see docs/atlas.md. -->\n"
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1"\n'
            '     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"\n'
            '     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"\n'
            '     xmlns:painmap="urn:painmap:atlas:1"\n'
            f'     width="{fmt(self.width)}mm" height="{fmt(HEIGHT)}mm" viewBox="0 0 {fmt(self.width)} {fmt(HEIGHT)}"\n'
            f'     painmap:view="{self.view}" painmap:title="{self.title}" painmap:focus="{fx}">\n'
            f"  <title>painmap body chart: {self.title}</title>\n"
            '  <sodipodi:namedview id="namedview" inkscape:document-units="mm" showgrid="false"/>\n'
        )
        body = []
        labels = {"art": "art", "regions": "regions", "landmarks": "landmarks"}
        for layer, items in self.layers.items():
            hidden = ' style="display:none"' if layer != "art" else ""
            body.append(f'  <g id="layer-{layer}" inkscape:groupmode="layer" inkscape:label="{labels[layer]}"{hidden}>')
            body.extend(f"    {item}" for item in items)
            body.append("  </g>")
        return head + "\n".join(body) + "\n</svg>\n"


SKIN_STYLE = f"fill:{style.SKIN};stroke:{style.OUTLINE};stroke-width:1.6;stroke-linejoin:round"
CONTOUR_STYLE = f"fill:{style.SKIN};stroke:{style.OUTLINE};stroke-width:1.1;stroke-linejoin:round"
BONE_STYLE = f"fill:none;stroke:{style.BONE};stroke-width:0.9;stroke-linecap:round"
BONE_FILL = f"fill:{style.BONE};fill-opacity:0.18;stroke:{style.BONE};stroke-width:0.8"
MUSCLE_STYLE = f"fill:none;stroke:{style.MUSCLE};stroke-width:0.8;stroke-dasharray:5,2.5;stroke-linecap:round"
CREASE_STYLE = f"fill:none;stroke:{style.CREASE};stroke-width:0.9;stroke-linecap:round"
DETAIL_STYLE = f"fill:none;stroke:{style.CREASE};stroke-width:0.6;stroke-linecap:round"
REGION_STYLE = "fill:#3b7dd8;fill-opacity:0.25;stroke:#1b4d9a;stroke-width:0.5"
LANDMARK_STYLE = f"fill:{style.LANDMARK};stroke:none"

ZONE_WORDS = {
    "head-neck": "head and neck",
    "thoracic": "upper back",
    "lumbar": "lower back",
    "lumbar-spine": "lower spine",
    "iliac-crest": "iliac crest",
    "sacrum": "sacrum",
    "coccyx": "tailbone (coccyx)",
    "sacroiliac-joint": "sacroiliac joint",
    "buttock": "buttock",
    "greater-trochanter": "hip point (greater trochanter)",
    "upper-thigh": "upper thigh",
    "lower-thigh": "lower thigh",
    "knee": "knee",
    "lower-leg": "lower leg",
    "foot": "ankle and foot",
    "arm": "arm",
    "flank": "flank",
    "abdomen": "belly",
    "groin": "groin",
    "hip": "side of the hip",
    "chest": "chest",
}


LATERAL_WORDS = {"thoracic": "side of the chest", "arm": "arm (folded over the chest)"}


def region_label(zone: str, side: str, view: str = "posterior") -> str:
    words = LATERAL_WORDS.get(zone, ZONE_WORDS[zone]) if view == "lateral" else ZONE_WORDS[zone]
    return words if side == "midline" else f"{side} {words}"


def add_region(svg: Svg, zone: str, side: str, poly: np.ndarray) -> None:
    rid = zone if side == "midline" else f"{zone}-{side}"
    d = "M" + " L".join(f"{fmt(x)},{fmt(y)}" for x, y in poly) + " Z"
    label = region_label(zone, side, svg.view)
    svg.path("regions", rid, d, "region", REGION_STYLE, zone=zone, side=side, label=label)


def add_landmark(svg: Svg, lid: str, side: str, x: float, y: float, label: str) -> None:
    key = lid if side == "midline" else f"{lid}-{side}"
    svg.add(
        "landmarks",
        f'<circle id="lm-{key}" cx="{fmt(x)}" cy="{fmt(y)}" r="3" style="{LANDMARK_STYLE}" '
        f'painmap:landmark="{lid}" painmap:side="{side}" painmap:label="{label}"/>',
    )


# ----------------------------------------------------------------------------------------------- posterior


def posterior_outline() -> list[Seg]:
    """The right half from the top of the head (320, 25) round to the crotch (320, 952)."""
    head_arm = [
        (320, 25), (360, 33), (389, 62), (401, 108), (400, 148), (407, 166), (405, 198), (394, 222),
        (382, 245), (377, 270), (380, 292), (398, 309), (432, 322), (474, 334), (512, 346), (538, 362),
        (552, 390), (557, 428), (557, 480), (558, 545), (563, 612), (568, 672), (573, 740), (578, 815),
        (582, 885), (586, 925), (594, 965), (597, 1020), (590, 1070), (574, 1103), (554, 1112),
        (537, 1098), (529, 1058), (528, 1000), (531, 948), (528, 905), (521, 835), (511, 765), (502, 708),
        (494, 662), (488, 600), (483, 530), (477, 478), (470, 448),
    ]  # fmt: skip
    trunk_leg = [
        (470, 448), (465, 482), (459, 530), (451, 590), (446, 642), (449, 690), (460, 738), (474, 788),
        (484, 835), (488, 876), (486, 922), (480, 985), (471, 1055), (460, 1130), (451, 1200), (447, 1250),
        (449, 1292), (456, 1335), (462, 1380), (460, 1430), (450, 1500), (436, 1570), (424, 1630), (417, 1675),
        (416, 1697), (421, 1714), (418, 1740), (408, 1764), (392, 1775),
    ]  # fmt: skip
    inner_leg = [
        (392, 1775), (373, 1773), (362, 1758), (359, 1736), (361, 1712), (358, 1694), (361, 1668), (360, 1630),
        (354, 1570), (344, 1500), (337, 1440), (337, 1390), (341, 1340), (347, 1295), (350, 1262), (348, 1215),
        (342, 1150), (336, 1075), (330, 1005), (325, 970), (320, 952),
    ]  # fmt: skip
    before = mirror_pt(head_arm[1])
    after = mirror_pt(inner_leg[-2])
    return runs_to_segs([head_arm, trunk_leg + inner_leg[1:]], smooth_start=before, smooth_end=after)


def build_posterior() -> str:
    svg = Svg("posterior", "Back", W_POST, (150.0, 560.0, 490.0, 1000.0))
    right = posterior_outline()
    whole = right + mirror_segs(right)
    sil_d = path_d(whole, True)
    svg.path("art", "silhouette", sil_d, "silhouette", SKIN_STYLE)
    sil_poly = flatten(sil_d)

    # --- cutting cells for the right half (x >= 320), in priority order
    half = qcell(rect(MID, -10, W_POST + 10, HEIGHT + 10))
    arm_cut = [
        (498, 322), (470, 446), (471, 480), (468, 560), (466, 640), (474, 700), (489, 770), (503, 860),
        (506, 950), (502, 1140), (650, 1140), (650, 322),
    ]  # fmt: skip
    si_top, si_bottom = np.array(mm(0.25, 0.25)), np.array(mm(0.18, 0.58))
    direction = (si_bottom - si_top) / np.linalg.norm(si_bottom - si_top)
    si_a, si_b = si_top - 9 * direction, si_bottom + 6 * direction
    si_line = np.array([si_a, si_b])
    si_band = offset_band(np.linspace(si_a, si_b, 20), 10, 10)
    sacrum_base = mm(0, 0.25)[1]
    apex = mm(0, 0.68)
    sacrum_cell = [
        (MID, sacrum_base),
        (float(si_line[0, 0]) + 3, sacrum_base),
        *map(tuple, si_line[1:]),
        (float(si_b[0]) - 6, float(si_b[1]) + 8),
        apex,
    ]
    coccyx_cell = [(MID, apex[1] - 6), (331, apex[1] - 3), (329, 890), (325, 902), (MID, 906)]
    crest = sample(
        catmull(
            [
                mm(0.27, 0.38),
                mm(0.36, 0.22),
                mm(0.45, 0.12),
                mm(0.57, 0.04),
                mm(0.70, 0.0),
                mm(0.80, 0.02),
                mm(0.90, 0.10),
                mm(1.02, 0.22),
            ]
        ),
        1,
    )
    crest_band = offset_band(crest, 18, 27)
    lumbar_top = 598.0
    lumbar_cell = np.vstack(
        [[[MID, lumbar_top], [W_POST + 10, lumbar_top], [W_POST + 10, crest[-1, 1]]], crest[::-1], [[MID, sacrum_base]]]
    )
    troch = mm(0.95, 0.70)
    troch_cell = flatten(ellipse_d(troch[0] - 4, troch[1] - 2, 38, 52))
    fold = sample(
        catmull([(MID - 5, 939), (360, 942), (400, 937), (430, 927), (460, 911), (500, 894), (W_POST + 10, 878)]), 1
    )
    buttock_cell = above_curve(fold, 690)
    cells = [
        ("arm", qcell(arm_cut)),
        ("head-neck", qcell(rect(MID - 1, -10, W_POST + 10, 300))),
        ("thoracic", qcell(rect(MID - 1, -10, W_POST + 10, lumbar_top))),
        ("lumbar-spine", qcell(rect(MID - 1, lumbar_top, 332, sacrum_base))),
        ("sacroiliac-joint", qcell(si_band)),
        ("sacrum", qcell(sacrum_cell)),
        ("coccyx", qcell(coccyx_cell)),
        ("iliac-crest", qcell(crest_band)),
        ("lumbar", qcell(lumbar_cell)),
        ("greater-trochanter", qcell(troch_cell)),
        ("buttock", qcell(buttock_cell)),
        ("upper-thigh", qcell(rect(MID - 1, -10, W_POST + 10, 1105))),
        ("lower-thigh", qcell(rect(MID - 1, -10, W_POST + 10, 1215))),
        ("knee", qcell(rect(MID - 1, -10, W_POST + 10, 1335))),
        ("lower-leg", qcell(rect(MID - 1, -10, W_POST + 10, 1695))),
        ("foot", qcell(rect(MID - 1, -10, W_POST + 10, HEIGHT + 10))),
    ]
    right_half = qpath(sil_poly).intersected(half)
    pieces = cut_regions(right_half, cells)
    midline = {"head-neck", "lumbar-spine", "sacrum", "coccyx"}
    for zone, polys in pieces.items():
        if len(polys) != 1:
            raise SystemExit(f"posterior {zone}: {len(polys)} pieces, expected 1")
        (poly,) = polys
        mirrored = poly.copy()
        mirrored[:, 0] = W_POST - mirrored[:, 0]
        if zone in midline:
            add_region(svg, zone, "midline", join_mirror(poly))
        else:
            add_region(svg, zone, "left", mirrored[::-1])
            add_region(svg, zone, "right", poly)

    posterior_art(svg, np.array([si_top, si_bottom]))
    posterior_landmarks(svg)
    return svg.text()


ArtItem = tuple[str, str, object, bool]  # id, kind, points (or ("ellipse", cx, cy, rx, ry)), closed
STYLES = {
    "bone": BONE_STYLE,
    "bone-fill": BONE_FILL,
    "muscle": MUSCLE_STYLE,
    "crease": CREASE_STYLE,
    "detail": DETAIL_STYLE,
    "contour": CONTOUR_STYLE,
}


def art_segs(points: Sequence[Point], closed: bool) -> list[Seg]:
    """A smooth open curve, or a smooth closed loop (first point repeated at the end)."""
    pts = list(points)
    if closed:
        return catmull([*pts, pts[0]], before=pts[-1], after=pts[1])
    return catmull(pts)


def draw(svg: Svg, items: Sequence[ArtItem], mirrored: bool = False, width: float = W_POST) -> None:
    """Art paths with ids "art-<id>"; `mirrored` items are the patient's right and get a left twin."""
    for id_, kind, shape, closed in items:
        style_ = STYLES[kind]
        kind = "bone" if kind == "bone-fill" else kind
        if isinstance(shape, tuple) and shape and shape[0] == "ellipse":
            _, cx, cy, rx, ry = shape
            variants = [("right", cx)] + ([("left", width - cx)] if mirrored else [])
            for side, x in variants:
                suffix = f"-{side}" if mirrored else ""
                extra = {"side": side} if mirrored else {}
                svg.path("art", f"art-{id_}{suffix}", ellipse_d(x, cy, rx, ry), kind, style_, **extra)
            continue
        segs = art_segs(shape, closed)
        if mirrored:
            svg.path("art", f"art-{id_}-right", path_d(segs, closed), kind, style_, side="right")
            svg.path("art", f"art-{id_}-left", path_d(mirror_segs(segs, width), closed), kind, style_, side="left")
        else:
            svg.path("art", f"art-{id_}", path_d(segs, closed), kind, style_)


def posterior_art(svg: Svg, si_line: np.ndarray) -> None:
    apex = mm(0, 0.68)
    base_l, base_r = mm(-0.30, 0.25), mm(0.30, 0.25)
    sacrum_side = catmull([base_r, (366, 798), (357, 822), (343, 846), apex])
    sacrum_d = path_d(line([base_l, base_r]) + sacrum_side + mirror_segs(sacrum_side), True)
    # midline details (drawn first: under the paired lines)
    svg.path(
        "art", "art-spine-furrow", path_d(catmull([(MID, 330), (MID, 560), (MID, 770)]), False), "detail", DETAIL_STYLE
    )
    svg.path("art", "art-sacrum", sacrum_d, "bone", BONE_FILL)
    for i, cy in enumerate((-0.52, -0.35, -0.17, 0.0, 0.17)):
        svg.path("art", f"art-spinous-l{i + 1}", ellipse_d(MID, mm(0, cy)[1], 4.5, 7.5), "bone", BONE_FILL)
    draw(
        svg,
        [
            ("coccyx", "bone-fill", [(MID - 5, apex[1] - 1), (MID, 894), (MID + 5, apex[1] - 1)], True),
            ("gluteal-cleft", "crease", [(MID, 846), (MID, 900), (MID, 946)], False),
        ],
    )
    t, it, psis = mm(0.95, 0.70), mm(0.30, 0.90), mm(0.27, 0.38)
    si_mid = (si_line[0] + si_line[1]) / 2
    draw(
        svg,
        [
            # bones
            (
                "iliac-crest",
                "bone",
                [psis, mm(0.36, 0.22), mm(0.45, 0.12), mm(0.57, 0.04), mm(0.70, 0.0), mm(0.79, 0.02), mm(0.85, 0.06)],
                False,
            ),
            ("psis", "bone", ("ellipse", psis[0], psis[1], 3.5, 3.0), True),
            ("sacroiliac-joint", "bone", [tuple(si_line[0]), (si_mid[0] + 2.5, si_mid[1]), tuple(si_line[1])], False),
            ("sacral-foramen-1", "bone", ("ellipse", 336, 792, 2.4, 2.2), True),
            ("sacral-foramen-2", "bone", ("ellipse", 334, 811, 2.2, 2.0), True),
            ("sacral-foramen-3", "bone", ("ellipse", 331, 829, 2.0, 1.8), True),
            ("sacral-foramen-4", "bone", ("ellipse", 328, 845, 1.8, 1.6), True),
            (
                "greater-trochanter",
                "bone",
                [
                    (t[0] + 8, t[1] - 32),
                    (t[0] - 8, t[1] - 27),
                    (t[0] - 15, t[1] - 6),
                    (t[0] - 12, t[1] + 18),
                    (t[0] + 2, t[1] + 34),
                ],
                False,
            ),
            (
                "ischial-tuberosity",
                "bone",
                [
                    (it[0] - 8, it[1] - 8),
                    (it[0] + 2, it[1] - 12),
                    (it[0] + 9, it[1] - 4),
                    (it[0] + 6, it[1] + 7),
                    (it[0] - 5, it[1] + 7),
                ],
                True,
            ),
            ("rib-12", "bone", [(334, 588), (366, 601), (396, 619), (418, 640)], False),
            ("lateral-malleolus", "bone", [(412, 1696), (416, 1708), (413, 1721)], False),
            ("medial-malleolus", "bone", [(365, 1682), (360, 1694), (362, 1706)], False),
            # muscles: gluteus maximus (upper and lower border) and the exposed part of gluteus medius
            (
                "gluteus-maximus-upper-border",
                "muscle",
                [(370, 812), (398, 792), (432, 800), (462, 826), (484, 862), (484, 902)],
                False,
            ),
            (
                "gluteus-maximus-lower-border",
                "muscle",
                [(MID + 7, 900), (352, 930), (392, 960), (432, 982), (474, 998)],
                False,
            ),
            (
                "gluteus-medius",
                "muscle",
                [(372, 790), (394, 762), (430, 744), (458, 748), (469, 772), (474, 820)],
                False,
            ),
            ("erector-spinae", "muscle", [(350, 520), (357, 610), (361, 690), (358, 750)], False),
            # skin creases and contours
            ("gluteal-fold", "crease", [(MID + 5, 937), (344, 942), (376, 942), (406, 936), (430, 926)], False),
            ("knee-crease", "crease", [(368, 1288), (388, 1293), (412, 1293), (432, 1288)], False),
            (
                "scapula",
                "detail",
                [(388, 386), (384, 430), (388, 480), (400, 526), (421, 500), (442, 456), (458, 410)],
                False,
            ),
            ("elbow", "detail", [(541, 668), (552, 664), (563, 667)], False),
            ("thumb", "detail", [(531, 950), (539, 985), (543, 1024)], False),
            ("calf", "detail", [(400, 1330), (402, 1400), (398, 1480)], False),
            ("achilles", "detail", [(388, 1600), (387, 1680), (388, 1740)], False),
        ],
        mirrored=True,
    )


def posterior_landmarks(svg: Svg) -> None:
    for side, sign in (("right", 1), ("left", -1)):
        for lid, (cx, cy), label in (
            ("iliac-crest-summit", (0.70, 0.0), "Iliac crest summit"),
            ("psis", (0.27, 0.38), "PSIS"),
            ("sacroiliac-joint", (0.22, 0.42), "SI joint"),
            ("greater-trochanter", (0.95, 0.70), "Greater trochanter"),
            ("ischial-tuberosity", (0.30, 0.90), "Ischial tuberosity"),
        ):
            x, y = mm(sign * cx, cy)
            add_landmark(svg, lid, side, x, y, label)
    for i, cy in enumerate((-0.52, -0.35, -0.17, 0.0, 0.17)):
        add_landmark(svg, f"l{i + 1}-spinous-process", "midline", MID, mm(0, cy)[1], f"L{i + 1}")
    add_landmark(svg, "coccyx", "midline", MID, mm(0, 0.80)[1], "Coccyx")


# ----------------------------------------------------------------------------------------------- lateral

J1, J2 = (372.0, 590.0), (371.0, 657.0)  # where the folded forearm meets the chest and the belly


def lateral_arm_runs() -> tuple[list[Point], list[Point]]:
    """The folded right arm: the outer run (forearm and hand, on the silhouette) and the inner run (on the body)."""
    outer = [J1, (400, 593), (432, 598), (446, 612), (447, 633), (433, 650), (400, 655), J2]
    inner = [
        J2, (345, 664), (318, 667), (296, 654), (280, 612), (262, 548), (240, 482), (220, 422), (211, 385),
        (220, 356), (242, 345), (274, 355), (294, 385), (304, 440), (318, 510), (335, 560), J1,
    ]  # fmt: skip
    return outer, inner


def lateral_outline() -> list[Seg]:
    outer, _ = lateral_arm_runs()
    front = [
        J2, (370, 690), (371, 740), (367, 790), (357, 838), (346, 874), (343, 895), (347, 930), (348, 995),
        (342, 1080), (332, 1160), (321, 1225), (327, 1260), (321, 1300), (307, 1350), (300, 1420), (294, 1520),
        (287, 1620), (284, 1678), (292, 1703), (322, 1718), (364, 1732), (408, 1743), (442, 1749), (463, 1753),
        (474, 1760), (476, 1769), (469, 1775),
    ]  # fmt: skip
    sole = [(469, 1775), (214, 1775)]
    back = [
        (214, 1775), (202, 1761), (199, 1737), (210, 1700), (219, 1660), (217, 1600), (205, 1520), (191, 1445),
        (186, 1390), (193, 1330), (209, 1284), (207, 1230), (196, 1150), (185, 1065), (178, 995), (173, 948),
    ]  # fmt: skip
    back_up = [
        (173, 948), (150, 920), (140, 872), (142, 822), (154, 776), (168, 738), (178, 700), (181, 660),
        (176, 600), (164, 530), (156, 462), (159, 400), (172, 352), (190, 312), (199, 284), (196, 252),
        (180, 228), (156, 200), (141, 150), (146, 95), (173, 52), (220, 28), (270, 27), (309, 48), (331, 84),
        (339, 120), (339, 136), (352, 156), (362, 172), (352, 182), (342, 188), (346, 203), (340, 214),
        (344, 232), (335, 252), (312, 264), (299, 276), (302, 306), (318, 340), (345, 378), (367, 428),
        (377, 490), (376, 548), J1,
    ]  # fmt: skip
    segs = catmull(outer) + catmull(front) + line(sole) + catmull(back) + catmull(back_up)
    return segs


def build_lateral() -> str:
    svg = Svg("lateral", "Right side", W_LAT, (100.0, 600.0, 420.0, 1000.0))
    sil_d = path_d(lateral_outline(), True)
    svg.path("art", "silhouette", sil_d, "silhouette", SKIN_STYLE)
    sil_poly = flatten(sil_d)
    outer, inner = lateral_arm_runs()
    arm_d = path_d(catmull(outer) + catmull(inner), True)
    arm_poly = flatten(arm_d)

    crest = sample(
        catmull(
            [
                (100, 830),
                (150, 815),
                (176, 800),
                (192, 770),
                (208, 745),
                (235, 725),
                (270, 730),
                (305, 750),
                (330, 778),
                (345, 800),
                (380, 812),
                (520, 820),
            ]
        ),
        1,
    )
    crest_band = offset_band(crest[crest[:, 0] <= 350], 18, 27)
    troch_cell = flatten(ellipse_d(250, 868, 42, 50))
    thigh_line = sample(
        catmull(
            [(-10, 950), (100, 948), (173, 946), (200, 925), (215, 906), (260, 904), (305, 904), (345, 893), (510, 885)]
        ),
        1,
    )
    cells = [
        ("arm", qcell(arm_poly)),
        ("head-neck", qcell([(-10, -10), (510, -10), (510, 310), (-10, 330)])),
        ("thoracic", qcell(rect(-10, -10, 510, 620))),
        ("iliac-crest", qcell(crest_band)),
        ("greater-trochanter", qcell(troch_cell)),
        ("lumbar", qcell(above_curve(crest)).intersected(qcell(rect(-10, -10, 200, 1000)))),
        ("flank", qcell(above_curve(crest)).intersected(qcell(rect(-10, -10, 305, 1000)))),
        ("abdomen", qcell(above_curve(crest))),
        (
            "buttock",
            qcell([(-10, 700), (218, 700), (220, 830), (215, 1000), (-10, 1000)]).intersected(
                qcell(above_curve(thigh_line))
            ),
        ),
        ("hip", qcell(above_curve(thigh_line)).intersected(qcell(rect(-10, -10, 305, 1000)))),
        ("groin", qcell(above_curve(thigh_line))),
        ("upper-thigh", qcell(rect(-10, -10, 510, 1105))),
        ("lower-thigh", qcell(rect(-10, -10, 510, 1215))),
        ("knee", qcell(rect(-10, -10, 510, 1335))),
        ("lower-leg", qcell(rect(-10, -10, 510, 1695))),
        ("foot", qcell(rect(-10, -10, 510, HEIGHT + 10))),
    ]
    pieces = cut_regions(qpath(sil_poly), cells)
    for zone, polys in pieces.items():
        if len(polys) != 1:
            where = [(round(abs(area(p))), p.mean(axis=0).round().tolist()) for p in polys]
            raise SystemExit(f"lateral {zone}: {len(polys)} pieces {where}, expected 1")
        side = "midline" if zone == "head-neck" else "right"
        add_region(svg, zone, side, polys[0])

    lateral_art(svg, crest, arm_d)
    for lid, x, y, label in (
        ("asis", 335, 790, "ASIS"),
        ("iliac-crest-summit", 235, 725, "Iliac crest summit"),
        ("greater-trochanter", 250, 872, "Greater trochanter"),
        ("lateral-femoral-condyle", 255, 1276, "Lateral femoral condyle"),
        ("lateral-malleolus", 245, 1707, "Lateral malleolus"),
    ):
        add_landmark(svg, lid, "right", x, y, label)
    return svg.text()


def lateral_art(svg: Svg, crest: np.ndarray, arm_d: str) -> None:
    part = crest[(crest[:, 0] >= 172) & (crest[:, 0] <= 338)]
    crest_pts = [tuple(p) for p in part[:: max(1, len(part) // 10)]]
    draw(
        svg,
        [
            # bones
            ("iliac-crest", "bone", crest_pts, False),
            ("asis", "bone-fill", ("ellipse", 335, 790, 5, 4), True),
            (
                "greater-trochanter",
                "bone",
                [(226, 852), (238, 837), (262, 838), (276, 857), (273, 888), (258, 904)],
                False,
            ),
            (
                "lateral-femoral-condyle",
                "bone",
                [(240, 1258), (255, 1252), (270, 1262), (271, 1284), (258, 1295)],
                False,
            ),
            ("patella", "bone", [(307, 1234), (318, 1244), (320, 1270), (310, 1284)], False),
            ("fibular-head", "bone", ("ellipse", 244, 1322, 7, 6), True),
            ("costal-margin", "bone", [(186, 602), (222, 626), (262, 640)], False),
            ("lateral-malleolus", "bone-fill", ("ellipse", 245, 1707, 9, 11), True),
            # muscles: gluteus maximus front border, gluteus medius, tensor fasciae latae, iliotibial band
            (
                "gluteus-maximus-border",
                "muscle",
                [(176, 792), (206, 806), (224, 842), (226, 905), (222, 960), (214, 1000)],
                False,
            ),
            (
                "gluteus-medius",
                "muscle",
                [(206, 776), (232, 758), (276, 760), (306, 779), (300, 810), (273, 838)],
                False,
            ),
            ("tensor-fasciae-latae", "muscle", [(331, 800), (318, 842), (298, 900), (281, 960)], False),
            ("iliotibial-band", "muscle", [(281, 960), (269, 1080), (262, 1180), (258, 1248)], False),
            ("iliotibial-band-back", "muscle", [(222, 992), (232, 1100), (240, 1200), (244, 1250)], False),
            # skin creases and details
            ("gluteal-fold", "crease", [(173, 946), (190, 941), (206, 930)], False),
            ("inguinal-crease", "crease", [(340, 818), (339, 860), (344, 890)], False),
            ("knee-crease", "crease", [(209, 1284), (222, 1290), (236, 1292)], False),
            ("ear", "detail", [(232, 142), (248, 138), (258, 155), (256, 180), (246, 196), (236, 190)], False),
            ("achilles", "detail", [(229, 1600), (232, 1660), (226, 1720)], False),
            ("jaw", "detail", [(334, 247), (300, 243), (270, 232), (257, 214)], False),
        ],
        width=W_LAT,
    )
    svg.path("art", "art-arm", arm_d, "contour", CONTOUR_STYLE)
    draw(svg, [("elbow-crease", "detail", [(326, 566), (336, 580), (350, 588)], False)], width=W_LAT)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "atlas")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in (("posterior.svg", build_posterior()), ("lateral.svg", build_lateral())):
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name} ({len(text) / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
