"""Write the front-view pattern SVGs (resources/patterns/<id>/anterior.svg), drawn over the male chart 2.

Chart 1 has no front view, so these zones are authored on the anterior view of the male chart 2
(`painmap:chart="male-2"`) and reach the female chart 2 by the landmark warp (painmap.pattern_carry). Each zone
is built from that view's regions (the partition of docs/atlas.md), cut by lines placed from its landmarks,
then rounded; the SVGs are committed and stay the source of truth after a hand edit (this script is the first
draft, run once: `python tools/author_front_zones.py [--check]`). Needs shapely (the build-chart extra).

Per CLINICAL.md: iliopsoas: the groin and the upper inner front of the thigh (T&S ch. 5); TFL: the front-outer
thigh from the trochanter toward the knee; quadratus lumborum: the lower abdomen and the groin (upper
superficial TrP1); SI joint: the groin, 14 % (Slipman 2000).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shapely import affinity
from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from painmap.atlas import load_atlas
from painmap.atomic import write_text

ROOT = Path(__file__).resolve().parent.parent / "resources" / "patterns"
RED = "#c8102e"
STYLE = {
    "essential": f"fill:{RED};fill-opacity:0.55;stroke:{RED};stroke-width:0.8",
    "spillover": f"fill:{RED};fill-opacity:0.18;stroke:{RED};stroke-width:0.8;stroke-dasharray:3,2",
}


def zones(view) -> dict[str, list[tuple[str, str, str, str, float, object]]]:
    """pattern id -> [(zone id, kind, trigger point, label, weight, shape)] on the anterior view (mm)."""
    region = {r.id: Polygon(r.polygon).buffer(0) for r in view.regions}
    lm = {m.key: (m.x, m.y) for m in view.landmarks}
    asis, pubis = lm["asis-right"], lm["pubic-symphysis"]
    troch, patella = lm["greater-trochanter-right"], lm["patella-right"]
    thigh = region["front-thigh-right"]
    x0, y0, x1, _ = thigh.bounds  # the right thigh: x1 is the midline side (the patient's right on the left)
    groin = region["groin-right"].buffer(-7.0).buffer(4.0)  # rounded, clear of the outline
    length = patella[1] - y0  # the thigh, groin to knee
    width = x1 - x0
    # the upper inner front of the thigh: an oval over the inner half of its upper 40 %, clear of the outline
    inner = ellipse(x0 + 0.70 * width, y0 + 0.20 * length, 0.26 * width, 0.21 * length)
    inner = inner.intersection(thigh.buffer(-13.0))
    # the front-outer thigh, from the trochanter's level down toward the knee (80 % of the thigh)
    top, bottom = troch[1], y0 + 0.80 * length
    outer = ellipse(x0 + 0.24 * width, (top + bottom) / 2, 0.22 * width, (bottom - top) / 2)
    outer = outer.intersection(thigh.buffer(-12.0))
    abdomen = region["abdomen-right"].intersection(box(asis[0] - 40, asis[1] - 50, pubis[0], pubis[1] + 5))
    return {
        "iliopsoas": [
            ("front-groin", "essential", "", "groin", 1.0, groin.buffer(-1.0)),
            ("front-thigh", "essential", "", "upper inner front of the thigh", 1.0, inner),
        ],
        "tensor-fasciae-latae": [
            ("trp1-essential-front", "essential", "trp1", "front-outer thigh, trochanter toward the knee", 1.0,
             outer),
        ],
        "quadratus-lumborum": [
            ("trp1-spillover-front", "spillover", "trp1", "lower abdomen and groin", 1.0,
             unary_union([abdomen.buffer(-3.0), groin]).buffer(4).buffer(-4)),
        ],
        "sacroiliac-joint": [
            ("slipman-groin-front", "spillover", "", "groin (14 %)", 0.14, groin.buffer(-1.0)),
        ],
    }  # fmt: skip


def ellipse(cx: float, cy: float, rx: float, ry: float):
    """An ellipse as a polygon (64 points)."""
    return affinity.scale(Point(cx, cy).buffer(1.0, 16), rx, ry)


def path_of(shape) -> str:
    shape = shape.simplify(0.6)
    if shape.geom_type != "Polygon":
        shape = max(shape.geoms, key=lambda g: g.area)
    pts = list(shape.exterior.coords)[:-1]
    return "M " + " L ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + " Z"


def svg(view, entries) -> str:
    w, h = view.width, view.height
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:painmap="urn:painmap:pattern:1"'
        f' painmap:chart="male-2" width="{w:g}mm" height="{h:g}mm" viewBox="0 0 {w:g} {h:g}">',
        "  <!-- drawn over the front view of the male chart 2 (tools/author_front_zones.py); edit freely -->",
        '  <g id="layer-chart" inkscape:groupmode="layer" inkscape:label="Body chart (locked)">',
        f'    <image id="chart" xlink:href="../../atlas/charts/male-2/anterior.svg" x="0" y="0" width="{w:g}"'
        f' height="{h:g}" opacity="0.7" />',
        "  </g>",
    ]
    for kind in ("spillover", "essential"):
        out.append(f'  <g id="layer-{kind}" inkscape:groupmode="layer" inkscape:label="{kind.title()} zones">')
        for zid, zkind, tp, label, weight, shape in entries:
            if zkind != kind:
                continue
            attrs = [f'id="{zid}"', f'painmap:kind="{kind}"']
            if tp:
                attrs.append(f'painmap:trigger-point="{tp}"')
            if weight != 1.0:
                attrs.append(f'painmap:weight="{weight:g}"')
            attrs.append(f'painmap:label="{label}"')
            out.append(f'    <path {" ".join(attrs)} style="{STYLE[kind]}"\n      d="{path_of(shape)}" />')
        out.append("  </g>")
    out += ["</svg>", ""]
    return "\n".join(out)


BUNDLED = ("iliopsoas", "tensor-fasciae-latae", "quadratus-lumborum", "sacroiliac-joint")


def main() -> int:
    view = load_atlas(body="male", chart=2).view("anterior")
    for pid, entries in zones(view).items():
        if pid not in BUNDLED and "--all" not in sys.argv:
            continue
        target = ROOT / pid / "anterior.svg"
        text = svg(view, entries)
        if "--check" in sys.argv:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                print(f"{target} differs from this script's draft (a hand edit is fine)")
            continue
        write_text(target, text)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
