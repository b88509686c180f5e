"""The skin of each view: the symmetric front/back silhouette, the arm cut, and the armless side view.

The arms stand away from the trunk in the bundle, so from behind and in front they are separate limbs joined at
the shoulder: the arm is what lies lateral of the gap between arm and trunk, cut off at the shoulder by a line
from the armpit up and out to the shoulder's outline (as on chart 1). From the side the hanging arm would cover
the flank, hip and trochanter, where the referral patterns live, so the side view leaves the arm out below the
armpit and keeps only the shoulder cap (region `arm-right`: "shoulder (the arm is left out of the side view)").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from project import Body, front_faces, intersection, outline, symmetric_from_left
from shapely.geometry import LineString, Polygon


@dataclass
class Skin:
    front: Polygon  # posterior silhouette (the anterior one is the same, the body being symmetric)
    arm_cell: Polygon  # right arm cutting cell in the posterior frame
    armpit: tuple[float, float]  # right armpit, posterior frame
    lateral: Polygon  # right side view silhouette, arm left out
    shoulder_cap: Polygon  # the part of the arm kept in the side view (lateral frame)


def intervals(geom, v: float, x0: float, x1: float) -> list[tuple[float, float]]:
    """The [start, end] runs of a horizontal line at height v inside geom, between x0 and x1, left to right."""
    cut = shapely.intersection(geom, LineString([(x0, v), (x1, v)]))
    runs = []
    for part in getattr(cut, "geoms", [cut]):
        if part.is_empty or part.geom_type != "LineString":
            continue
        xs = [c[0] for c in part.coords]
        runs.append((min(xs), max(xs)))
    return sorted(runs)


def arm_cell(front: Polygon, mid: float, width: float, k: float) -> tuple[Polygon, tuple[float, float]]:
    """The right arm's cutting cell and the armpit (apex of the arm–trunk gap)."""
    _, top, _, bottom = front.bounds
    v = top + 200 * k
    while len(intervals(front, v, mid, width + 10)) < 2:
        v += 0.5
        if v > bottom:
            raise SystemExit("no gap between arm and trunk found")
    # refine the apex: the gap's top lies between v - 0.5 and v
    runs = intervals(front, v, mid, width + 10)
    armpit = ((runs[-2][1] + runs[-1][0]) / 2, v - 0.5)
    gap = [armpit]
    row = v
    while True:
        runs = intervals(front, row, mid, width + 10)
        if len(runs) < 2:
            break
        gap.append(((runs[-2][1] + runs[-1][0]) / 2, row))
        row += 2.0
    hand_bottom = row
    sv = armpit[1] - 120 * k
    shoulder_x = intervals(front, sv, mid, width + 10)[-1][1]
    d = np.array([shoulder_x - armpit[0], sv - armpit[1]])
    beyond = np.array(armpit) + d * (1 + 80 / np.hypot(*d))
    cell = Polygon(
        [
            tuple(beyond),
            *gap,
            (gap[-1][0], hand_bottom + 10),
            (width + 50, hand_bottom + 10),
            (width + 50, beyond[1]),
        ]
    )
    return shapely.make_valid(cell).buffer(0), armpit


def build_skin(body: Body) -> Skin:
    vertices, faces = body.vertices("skin"), body.faces("skin")
    raw = outline(body.project("posterior", vertices), front_faces(vertices, faces, "posterior"))
    front = symmetric_from_left(raw, "posterior", body.mid, body.height)
    k = body.spec.reference_height / 1750.0
    cell, armpit = arm_cell(front, body.mid, body.width_front, k)
    # the side view: the left half of the skin (mirrored, it is the right), without the arm below the armpit
    left = faces[vertices[faces][:, :, 0].mean(axis=1) <= 0]
    uv = body.project("posterior", vertices)
    uv[:, 0] = body.width_front - uv[:, 0]  # left vertices onto the right arm's cell
    inside = shapely.contains_xy(cell, uv[:, 0], uv[:, 1]) & (vertices[:, 0] < 0)
    below = uv[:, 1] > armpit[1] + 3
    arm = inside[left].any(axis=1) & below[left].any(axis=1)
    cap = inside[left].all(axis=1) & ~below[left].any(axis=1)
    kept = left[~arm]
    y_min, y_max = float(vertices[kept][:, :, 1].min()), float(vertices[kept][:, :, 1].max())
    body.set_lateral_extent(y_min, y_max)
    lateral = outline(body.project("lateral", vertices), kept)
    shoulder = intersection(outline(body.project("lateral", vertices), left[cap]), lateral)
    return Skin(front, cell, armpit, _largest(lateral), shoulder)


def _largest(geom) -> Polygon:
    parts = sorted(getattr(geom, "geoms", [geom]), key=lambda p: -p.area)
    return Polygon(parts[0].exterior)
