"""Authoring aid: write the first version of the bundled pattern SVGs from rough control points.

The SVG files under resources/patterns/ are the source of truth; an educator edits them in Inkscape.
This script only records how the first shapes were made: each zone is a few control points, written
as a smooth closed curve (Catmull-Rom turned into cubic Béziers). Posterior shapes are given in the
clinical authoring frame of docs/architecture.md (X from the midline in half bitrochanteric widths,
Y = 0 at the iliac-crest summits and 1 at the gluteal fold); lateral shapes directly in millimetres.

    python tools/build_patterns.py            # list what would be written
    python tools/build_patterns.py --write    # overwrite the SVGs (loses hand edits in Inkscape)
    python tools/build_patterns.py --preview /tmp/pv   # PNG of each loaded pattern over the chart, to look at
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources" / "patterns"
SIZES = {"posterior": (640, 1800), "lateral": (500, 1800)}
RED = "#c8102e"


def post(x: float, y: float) -> tuple[float, float]:
    """Clinical frame (right side) -> posterior mm."""
    return 320 + 165 * x, 725 + 210 * y


@dataclass
class Shape:
    id: str
    kind: str  # essential | spillover
    tp: str
    points: list[tuple[float, float]]  # clinical units on posterior, mm on lateral
    bilateral: bool = False
    weight: float | None = None
    label: str = ""


@dataclass
class Mark:
    id: str
    x: float
    y: float


def _mm(view: str, pts):
    return [post(*p) for p in pts] if view == "posterior" else [(float(x), float(y)) for x, y in pts]


def smooth_path(points: list[tuple[float, float]]) -> str:
    """A closed Catmull-Rom curve through the points, as absolute cubic Bézier path data."""
    n = len(points)
    parts = [f"M {points[0][0]:.1f},{points[0][1]:.1f}"]
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        parts.append(f"C {c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:.1f},{p2[1]:.1f}")
    return " ".join(parts) + " Z"


def svg(view: str, shapes: list[Shape], marks: list[Mark]) -> str:
    """One view's pattern SVG: the chart as a locked background layer, zones, trigger points."""
    w, h = SIZES[view]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
        f' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
        f' xmlns:painmap="urn:painmap:pattern:1"'
        f' width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}">',
        '  <sodipodi:namedview id="namedview" inkscape:document-units="mm" />',
        '  <g id="layer-chart" inkscape:groupmode="layer" inkscape:label="Body chart (locked)"'
        ' sodipodi:insensitive="true">',
        f'    <image id="chart" xlink:href="../../atlas/{view}.svg" x="0" y="0" width="{w}" height="{h}"'
        f' preserveAspectRatio="none" opacity="0.7" />',
        "  </g>",
        '  <g id="layer-spillover" inkscape:groupmode="layer" inkscape:label="Spillover zones">',
    ]

    def zone(s: Shape) -> str:
        attrs = [f'id="{s.id}"', f'painmap:kind="{s.kind}"']
        if s.tp:
            attrs.append(f'painmap:trigger-point="{s.tp}"')
        if s.bilateral:
            attrs.append('painmap:bilateral="true"')
        if s.weight is not None:
            attrs.append(f'painmap:weight="{s.weight:g}"')
        if s.label:
            attrs.append(f'painmap:label="{s.label}"')
        style = (
            f"fill:{RED};fill-opacity:0.55;stroke:{RED};stroke-width:0.8"
            if s.kind == "essential"
            else f"fill:{RED};fill-opacity:0.18;stroke:{RED};stroke-width:0.8;stroke-dasharray:3,2"
        )
        return f'    <path {" ".join(attrs)} style="{style}"\n      d="{smooth_path(_mm(view, s.points))}" />'

    out += [zone(s) for s in shapes if s.kind == "spillover"]
    out += ["  </g>", '  <g id="layer-essential" inkscape:groupmode="layer" inkscape:label="Essential zones">']
    out += [zone(s) for s in shapes if s.kind == "essential"]
    out += ["  </g>", '  <g id="layer-trigger-points" inkscape:groupmode="layer" inkscape:label="Trigger points">']
    for m in marks:
        x, y = _mm(view, [(m.x, m.y)])[0]
        out.append(
            f'    <circle id="mark-{m.id}" painmap:trigger-point="{m.id}" cx="{x:.1f}" cy="{y:.1f}" r="3"'
            f' style="fill:#111111;stroke:#ffffff;stroke-width:0.8" />'
        )
    out += ["  </g>", "</svg>", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- shapes
# Posterior: (X, Y) clinical units. Lateral: (x, y) mm (anterior = +x).
# Shapes follow CLINICAL.md's tables; where it gives only words, the outline is our inference.

PATTERNS: dict[str, dict[str, tuple[list[Shape], list[Mark]]]] = {}

# fmt: off

PATTERNS["gluteus-medius"] = {
    "posterior": (
        [
            # TrP1: crest band PSIS -> crest midpoint, plus SI joint and same-side sacrum
            Shape("trp1-essential", "essential", "trp1",
                  [(0.02, 0.25), (0.13, 0.22), (0.23, 0.15), (0.33, 0.06), (0.45, 0.00), (0.56, -0.05),
                   (0.60, 0.03), (0.56, 0.15), (0.46, 0.25), (0.38, 0.37), (0.33, 0.50), (0.27, 0.60),
                   (0.15, 0.63), (0.03, 0.60)], label="posterior crest, SI joint and sacrum"),
            Shape("trp1-spillover-lumbar", "spillover", "trp1",
                  [(0.04, 0.08), (0.13, 0.05), (0.22, 0.08), (0.27, 0.15), (0.22, 0.23), (0.12, 0.27),
                   (0.04, 0.26)], label="lower lumbar (L5-S1)"),
            Shape("trp1-spillover-buttock", "spillover", "trp1",
                  [(0.35, 0.40), (0.43, 0.29), (0.53, 0.23), (0.59, 0.31), (0.57, 0.45), (0.49, 0.57),
                   (0.39, 0.63), (0.31, 0.61)], label="upper inner buttock"),
            # TrP2: oval over mid and lateral buttock; spillover on the posterior and lateral upper thigh
            Shape("trp2-essential", "essential", "trp2",
                  [(0.48, 0.22), (0.62, 0.15), (0.80, 0.17), (0.89, 0.30), (0.93, 0.48), (0.85, 0.62),
                   (0.68, 0.66), (0.52, 0.58), (0.46, 0.40)], label="mid and lateral buttock"),
            Shape("trp2-spillover", "spillover", "trp2",
                  [(0.55, 0.70), (0.75, 0.66), (0.92, 0.74), (0.94, 0.95), (0.88, 1.18), (0.78, 1.38),
                   (0.63, 1.37), (0.53, 1.15), (0.50, 0.90)], label="posterior and lateral upper thigh"),
            # TrP3: band along the crest, and the low back and sacrum on both sides
            Shape("trp3-essential-crest", "essential", "trp3",
                  [(0.50, 0.03), (0.60, -0.04), (0.70, -0.05), (0.77, 0.00), (0.82, 0.10), (0.83, 0.17),
                   (0.77, 0.19), (0.69, 0.10), (0.58, 0.11)], label="iliac crest"),
            Shape("trp3-essential-sacral", "essential", "trp3",
                  [(-0.01, 0.02), (0.14, 0.00), (0.26, 0.08), (0.30, 0.30), (0.23, 0.54), (0.11, 0.64),
                   (-0.01, 0.66)], bilateral=True, label="low back and sacrum, both sides"),
        ],
        # TrP1 just below the crest beside the PSIS (review, Dec 2026: ~1.3 cm lower, ~0.7 cm more lateral than
        # the first (0.33, 0.22), which sat on the crest line)
        [Mark("trp1", 0.41, 0.27), Mark("trp2", 0.60, 0.18)],
    ),
    "lateral": (
        [
            Shape("trp2-essential-lateral", "essential", "trp2",
                  [(162, 792), (200, 776), (243, 786), (263, 812), (254, 845), (214, 858), (170, 850), (154, 825)],
                  label="lateral buttock"),
            Shape("trp2-spillover-lateral", "spillover", "trp2",
                  [(190, 872), (235, 885), (275, 905), (282, 960), (268, 1015), (228, 1022), (196, 985),
                   (186, 930)], label="lateral upper thigh"),
            Shape("trp3-essential-lateral", "essential", "trp3",
                  [(172, 772), (200, 742), (235, 724), (275, 736), (310, 758), (332, 782), (318, 796), (290, 779),
                   (250, 754), (215, 754), (186, 786)], label="iliac crest"),
        ],
        # TrP3 just below the crest near the ASIS (review: the first chart had it ~5 cm below the crest, 298, 797)
        [Mark("trp3", 310, 767)],
    ),
}

PATTERNS["gluteus-minimus"] = {
    "posterior": (
        [
            Shape("trp2-essential", "essential", "trp2",
                  [(0.14, 0.64), (0.34, 0.58), (0.55, 0.68), (0.63, 1.00), (0.62, 1.60), (0.57, 2.20),
                   (0.52, 2.50), (0.40, 2.50), (0.33, 2.20), (0.27, 1.60), (0.20, 1.10), (0.11, 0.84)],
                  label="lower inner buttock and back of the thigh"),
            # the calf zone starts behind the knee, where the thigh zone ends: no gap (review, Dec 2026)
            Shape("trp2-spillover", "spillover", "trp2",
                  [(0.40, 2.45), (0.53, 2.45), (0.62, 3.20), (0.58, 3.80), (0.52, 4.25), (0.42, 4.25),
                   (0.36, 3.80), (0.32, 3.20)], label="back of the knee and calf"),
        ],
        # posterior TrP at the upper border of piriformis (review; was (0.55, 0.42), above it)
        [Mark("trp2", 0.55, 0.48)],
    ),
    "lateral": (
        [
            Shape("trp1-essential", "essential", "trp1",
                  [(190, 855), (235, 880), (275, 900), (285, 1000), (282, 1150), (280, 1290), (255, 1300),
                   (232, 1290), (228, 1150), (222, 1000), (200, 930), (178, 890)],
                  label="lower lateral buttock, lateral thigh and knee"),
            Shape("trp1-spillover", "spillover", "trp1",
                  [(240, 1320), (275, 1320), (280, 1450), (272, 1580), (262, 1672), (240, 1672), (230, 1580),
                   (232, 1450)], label="outer leg to the ankle"),
        ],
        [Mark("trp1", 295, 830)],
    ),
}

PATTERNS["gluteus-maximus"] = {
    "posterior": (
        [
            Shape("trp1-essential", "essential", "trp1",
                  [(0.06, 0.40), (0.18, 0.33), (0.27, 0.41), (0.24, 0.62), (0.18, 0.84), (0.13, 1.00),
                   (0.05, 1.02), (0.05, 0.80), (0.09, 0.58)], label="along the gluteal cleft"),
            Shape("trp1-spillover", "spillover", "trp1",
                  [(0.08, 1.04), (0.24, 1.02), (0.34, 1.12), (0.31, 1.34), (0.19, 1.42), (0.10, 1.24)],
                  label="back of the upper thigh"),
            # spares the coccyx and the anal region (T&S ch. 7; review, Dec 2026)
            Shape("trp2-essential", "essential", "trp2",
                  [(0.04, 0.46), (0.20, 0.32), (0.45, 0.26), (0.72, 0.20), (0.88, 0.34), (0.94, 0.62),
                   (0.84, 0.88), (0.60, 1.00), (0.32, 1.02), (0.17, 0.99), (0.13, 0.84), (0.10, 0.70),
                   (0.05, 0.60)],
                  label="whole buttock and lower sacrum"),
            Shape("trp3-essential", "essential", "trp3",
                  [(-0.09, 0.62), (0.0, 0.60), (0.09, 0.62), (0.13, 0.73), (0.09, 0.86), (0.0, 0.88), (-0.09, 0.86),
                   (-0.13, 0.73)], label="coccyx"),
        ],
        # TrP1 beside the sacrum, not inside its outline (review; was (0.20, 0.45))
        [Mark("trp1", 0.28, 0.46), Mark("trp2", 0.32, 0.80), Mark("trp3", 0.11, 0.80)],
    ),
}

PATTERNS["piriformis"] = {
    "posterior": (
        [
            Shape("essential", "essential", "",
                  [(0.16, 0.30), (0.30, 0.30), (0.50, 0.40), (0.78, 0.48), (0.94, 0.60), (0.92, 0.80),
                   (0.70, 0.86), (0.45, 0.82), (0.26, 0.72), (0.14, 0.54)],
                  label="SI-joint region, buttock and back of the hip"),
            Shape("spillover", "spillover", "",
                  [(0.25, 1.02), (0.50, 0.98), (0.78, 1.02), (0.76, 1.50), (0.68, 2.05), (0.42, 2.08),
                   (0.30, 1.60)], label="upper two thirds of the back of the thigh"),
        ],
        [Mark("trp1", 0.70, 0.58), Mark("trp2", 0.378, 0.54)],
    ),
}

PATTERNS["quadratus-lumborum"] = {
    "posterior": (
        [
            Shape("trp1-essential", "essential", "trp1",
                  [(0.35, 0.00), (0.50, -0.06), (0.66, -0.10), (0.76, -0.06), (0.80, 0.04), (0.80, 0.12),
                   (0.72, 0.10), (0.60, 0.06), (0.45, 0.14), (0.36, 0.10)], label="along the iliac crest"),
            Shape("trp2-essential", "essential", "trp2",
                  [(0.82, 0.52), (0.92, 0.55), (0.96, 0.70), (0.94, 0.86), (0.85, 0.86), (0.80, 0.70)],
                  label="greater trochanter"),
            Shape("trp3-essential", "essential", "trp3",
                  [(0.14, 0.26), (0.26, 0.24), (0.36, 0.34), (0.33, 0.50), (0.24, 0.58), (0.14, 0.50)],
                  label="SI joint"),
            Shape("trp4-essential", "essential", "trp4",
                  [(0.12, 0.72), (0.30, 0.68), (0.52, 0.72), (0.58, 0.86), (0.45, 0.98), (0.22, 0.99),
                   (0.10, 0.90)], label="lower buttock"),
        ],
        # TrP1 just below the 12th rib (review; was (0.55, -0.45), on the rib)
        [Mark("trp1", 0.53, -0.373), Mark("trp2", 0.50, -0.10), Mark("trp3", 0.285, -0.178),
         Mark("trp4", 0.29, 0.08)],
    ),
    "lateral": (
        [
            Shape("trp1-essential-lateral", "essential", "trp1",
                  [(185, 728), (235, 714), (290, 728), (328, 758), (342, 800), (335, 850), (318, 872),
                   (306, 835), (296, 790), (260, 752), (215, 748)], label="crest, lower abdomen and groin"),
            Shape("trp2-essential-lateral", "essential", "trp2",
                  [(215, 845), (255, 838), (290, 855), (292, 900), (268, 935), (228, 930), (210, 890)],
                  label="greater trochanter"),
            Shape("trp2-spillover-lateral", "spillover", "trp2",
                  [(228, 945), (275, 945), (288, 1000), (278, 1060), (245, 1062), (225, 1000)],
                  label="outer thigh"),
        ],
        [],
    ),
}

PATTERNS["tensor-fasciae-latae"] = {
    "lateral": (
        [
            Shape("trp1-essential", "essential", "trp1",
                  [(262, 850), (300, 845), (330, 870), (325, 960), (312, 1060), (296, 1150), (272, 1150),
                   (262, 1060), (252, 960), (248, 890)], label="front and side of the thigh over the trochanter"),
            Shape("trp1-spillover", "spillover", "trp1",
                  [(270, 1160), (300, 1160), (305, 1210), (292, 1255), (272, 1255), (264, 1210)],
                  label="toward the knee"),
        ],
        [Mark("trp1", 318.5, 817.5)],
    ),
}

PATTERNS["sacroiliac-joint"] = {
    "posterior": (
        [
            # from the PSIS ~10 cm down and ~3 cm lateral: ~1 cm more lateral than the first chart's
            # (0.20-0.38; review, Dec 2026, after Fortin 1994a)
            Shape("fortin-area", "essential", "",
                  [(0.26, 0.36), (0.34, 0.345), (0.43, 0.38), (0.44, 0.60), (0.43, 0.82), (0.36, 0.87),
                   (0.28, 0.84), (0.25, 0.60)], label="Fortin area, below the PSIS"),
            Shape("slipman-buttock", "spillover", "",
                  [(0.44, 0.36), (0.62, 0.28), (0.85, 0.34), (0.93, 0.60), (0.85, 0.88), (0.60, 1.00),
                   (0.45, 0.96), (0.44, 0.66)], weight=0.94, label="buttock (94 %)"),  # beside the Fortin area
            Shape("slipman-lumbar", "spillover", "",
                  [(0.03, -0.16), (0.20, -0.18), (0.42, -0.10), (0.45, 0.10), (0.30, 0.28), (0.12, 0.30),
                   (0.03, 0.28)], weight=0.72, label="lower lumbar (72 %)"),
            Shape("slipman-thigh", "spillover", "",
                  [(0.22, 1.05), (0.50, 1.00), (0.78, 1.05), (0.74, 1.60), (0.62, 2.30), (0.42, 2.35),
                   (0.32, 1.80)], weight=0.50, label="leg: back of the thigh (50 %)"),
            Shape("slipman-calf", "spillover", "",
                  [(0.36, 2.85), (0.56, 2.85), (0.62, 3.30), (0.56, 3.90), (0.44, 3.95), (0.34, 3.40)],
                  weight=0.28, label="below the knee (28 %)"),
        ],
        [],
    ),
    "lateral": (
        [
            Shape("slipman-groin", "spillover", "",
                  [(305, 848), (328, 842), (340, 858), (336, 888), (318, 900), (302, 880)],
                  weight=0.14, label="groin (14 %)"),
            Shape("slipman-foot", "spillover", "",
                  [(220, 1720), (270, 1715), (320, 1730), (330, 1755), (260, 1760), (215, 1750)],
                  weight=0.12, label="foot (12 %)"),
        ],
        [],
    ),
}

# fmt: on


def preview(out: Path, ids: list[str], scale: float = 1.5, per_tp: bool = False) -> int:
    """Draw every loaded pattern's zones and trigger points over the chart: one PNG per pattern (all views)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT.parent.parent))
    import numpy as np
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

    from painmap.atlas import load_atlas
    from painmap.patterns import load_patterns

    _app = QGuiApplication.instance() or QGuiApplication([])
    atlas = load_atlas()
    library = load_patterns(atlas)
    for problem in library.problems:
        print(f"problem: {problem}")
    out.mkdir(parents=True, exist_ok=True)

    def path_of(poly) -> QPainterPath:
        path = QPainterPath(QPointF(*poly[0]))
        for x, y in poly[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
        return path

    from types import SimpleNamespace

    from painmap.patterns import TriggerPoint, Zone

    drafts = []  # patterns that did not load are drawn from the control points above, to fix them
    for pid, views in PATTERNS.items():
        if pid in library:
            continue
        zones, tps = [], []
        for view_id, (shapes, marks) in views.items():
            zones += [Zone(view_id, s.kind, s.tp, np.array(_mm(view_id, s.points))) for s in shapes]
            tps += [TriggerPoint(m.id, view_id, *_mm(view_id, [(m.x, m.y)])[0], label=m.id) for m in marks]
        drafts.append(SimpleNamespace(id=pid, zones=tuple(zones), trigger_points=tuple(tps)))
        drafts[-1].zones_for = lambda view, _z=tuple(zones): [z for z in _z if z.view == view]

    jobs = []  # (file stem, pattern, trigger point id or None)
    for pattern in [*library, *drafts]:
        if ids and pattern.id not in ids:
            continue
        jobs.append((pattern.id, pattern, None))
        if per_tp:
            jobs += [(f"{pattern.id}-{tp.id}", pattern, tp.id) for tp in pattern.trigger_points]
    for stem, pattern, only in jobs:
        views = [atlas.view(v) for v in ("posterior", "lateral")]
        width = sum(v.width for v in views) * scale
        image = QImage(int(width), int(1800 * scale), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(QFont("DejaVu Sans", 4))
        x0 = 0.0
        for view in views:
            p.save()
            p.translate(x0, 0)
            p.scale(scale, scale)
            p.setPen(QPen(QColor("#4a4038"), 0.8))
            p.setBrush(QColor("#f4ede6"))
            for outline in view.silhouette:
                p.drawPath(path_of(outline))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor("#bbbbbb"), 0.4))
            for region in view.regions:
                p.drawPath(path_of(region.polygon))
                cx, cy = region.polygon.mean(axis=0)
                p.drawText(QPointF(cx - 10, cy), region.zone)
            p.setPen(QPen(QColor("#8c7f73"), 0.6))
            for line in view.outlines:
                if line.kind != "silhouette":
                    path = path_of(line.points) if line.closed else None
                    if path is None:
                        path = QPainterPath(QPointF(*line.points[0]))
                        for x, y in line.points[1:]:
                            path.lineTo(x, y)
                    p.drawPath(path)
            for zone in pattern.zones_for(view=view.id):
                if only and zone.trigger_point not in ("", only):
                    continue
                red = QColor(RED)
                if zone.kind == "essential":
                    red.setAlpha(150)
                    p.setBrush(QBrush(red))
                    p.setPen(QPen(QColor(RED), 0.8))
                else:
                    p.setBrush(QBrush(QColor(RED), Qt.BrushStyle.Dense6Pattern))
                    p.setPen(QPen(QColor(RED), 0.8, Qt.PenStyle.DashLine))
                p.drawPath(path_of(zone.polygon))
            p.setPen(QPen(QColor("#2b5d8a"), 0.5))
            p.setBrush(QColor("#2b5d8a"))
            for lm in view.landmarks:
                p.drawEllipse(QPointF(lm.x, lm.y), 1.5, 1.5)
                p.drawText(QPointF(lm.x + 2.5, lm.y - 1.5), lm.key)
            p.setPen(QPen(QColor("#111111"), 1.6))
            for tp in pattern.trigger_points:
                if tp.view == view.id and only in (None, tp.id):
                    p.drawLine(QPointF(tp.x - 5, tp.y - 5), QPointF(tp.x + 5, tp.y + 5))
                    p.drawLine(QPointF(tp.x - 5, tp.y + 5), QPointF(tp.x + 5, tp.y - 5))
                    p.drawText(QRectF(tp.x + 6, tp.y - 4, 60, 10), tp.label)
            p.restore()
            x0 += view.width * scale
        p.end()
        target = out / f"{stem}.png"
        image.save(str(target))
        print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="overwrite the SVG files")
    parser.add_argument("--preview", metavar="DIR", help="render the loaded patterns over the chart as PNGs")
    parser.add_argument("--per-trigger-point", action="store_true", help="with --preview: one PNG per TrP too")
    parser.add_argument("ids", nargs="*", help="only these patterns")
    args = parser.parse_args(argv)
    if args.preview:
        return preview(Path(args.preview), args.ids, per_tp=args.per_trigger_point)
    for pid, views in PATTERNS.items():
        if args.ids and pid not in args.ids:
            continue
        for view, (shapes, marks) in views.items():
            path = ROOT / pid / f"{view}.svg"
            if args.write:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(svg(view, shapes, marks), encoding="utf-8")
            print(f"{'wrote' if args.write else 'would write'} {path.relative_to(ROOT.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
