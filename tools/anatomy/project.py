"""Meshes of the vendored bundle -> symmetric 2-D outlines in the millimetres of one chart view.

Bundle frame (data/PROVENANCE.md §2): x = subject's right, y = anterior, z = superior, mm, origin between the PSIS.
View frames (docs/atlas.md): y down, the top of the head at y = 25, the floor at y = 25 + reference height.
- posterior: u = W/2 + s·x (the subject's left on the viewer's left)
- anterior:  u = W/2 − s·x (the subject's right on the viewer's left)
- lateral:   u = u0 + s·y (the subject's RIGHT side seen from the right, anterior is +u)

Symmetry: every paired structure is drawn from the subject's LEFT mesh and mirrored for the right (the left is real
subject data for every muscle; three right muscles exist only as mirrored stand-ins). Midline structures and the
skin keep their left half (x ≤ 0) and mirror it. The projected outline of a mesh is the union of its front-facing
triangles (all triangles for the open meshes: femurs, the armless lateral skin), computed with shapely.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box

DATA = Path(__file__).resolve().parent / "data"
GRID = 0.01  # mm: the snapping grid of every boolean operation (keeps results exact and reproducible)
SIMPLIFY = 0.12  # mm: outline simplification after the union (below the rendering tolerance of 0.25 mm)
MARGIN = 25.0  # mm: head room above the crown, floor margin, and side margins
OPEN_MESHES = ("femur",)  # not watertight in the source: use every triangle, not only the front-facing ones


@dataclass(frozen=True)
class BodySpec:
    body: str  # male | female
    code: str  # VHM | VHF
    reference_height: float  # mm


BODIES = {"male": BodySpec("male", "VHM", 1750.0), "female": BodySpec("female", "VHF", 1620.0)}


class Body:
    """One body of the bundle, scaled to its reference height, with view frames."""

    def __init__(self, spec: BodySpec, data: Path = DATA) -> None:
        self.spec = spec
        self._npz = np.load(data / f"{spec.code}_bundle.npz")
        manifest = json.loads((data / f"{spec.code}_manifest.json").read_text(encoding="utf-8"))
        self.landmarks3d = {k: np.array(v, dtype=float) for k, v in manifest["landmarks_mm"].items()}
        skin = self.vertices("skin")
        self.z_top, self.z_floor = float(skin[:, 2].max()), float(skin[:, 2].min())
        self.raw_height = self.z_top - self.z_floor
        self.scale = spec.reference_height / self.raw_height
        self.height = math.ceil(spec.reference_height + 2 * MARGIN)
        left = skin[skin[:, 0] <= 0]
        half = float(-left[:, 0].min()) * self.scale
        self.width_front = 2 * math.ceil((half + MARGIN) / 5) * 5  # posterior / anterior, even so W/2 is exact
        self.mid = self.width_front / 2
        self.lateral_y0 = float(left[:, 1].min())  # set by the lateral skin later (arm removed)
        self.width_lateral = math.ceil((float(left[:, 1].max()) - self.lateral_y0) * self.scale + 2 * MARGIN)

    def names(self) -> list[str]:
        return sorted(k[: -len("__vertices")] for k in self._npz.files if k.endswith("__vertices"))

    def vertices(self, name: str) -> np.ndarray:
        return self._npz[f"{name}__vertices"].astype(np.float64)

    def faces(self, name: str) -> np.ndarray:
        return self._npz[f"{name}__faces"].astype(np.int64)

    def set_lateral_extent(self, y_min: float, y_max: float) -> None:
        self.lateral_y0 = y_min
        self.width_lateral = math.ceil((y_max - y_min) * self.scale + 2 * MARGIN)

    # ------------------------------------------------------------------------------------------- projection

    def project(self, view: str, points: np.ndarray) -> np.ndarray:
        """Bundle mm (N, 3) -> view mm (N, 2)."""
        p = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        s = self.scale
        v = MARGIN + (self.z_top - p[:, 2]) * s
        if view == "posterior":
            u = self.mid + s * p[:, 0]
        elif view == "anterior":
            u = self.mid - s * p[:, 0]
        elif view == "lateral":
            u = MARGIN + s * (p[:, 1] - self.lateral_y0)
        else:
            raise ValueError(view)
        return np.stack([u, v], axis=1)

    def depth(self, view: str, points: np.ndarray) -> np.ndarray:
        """Distance-like coordinate along the line of sight (smaller = nearer the viewer), for LEFT-side meshes.

        Lateral: the right side is the mirror of the left, so a left vertex at x lies at −x on the right, and the
        viewer at +x sees small left-x first.
        """
        p = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        return {"posterior": p[:, 1], "anterior": -p[:, 1], "lateral": p[:, 0]}[view] * self.scale


def front_faces(vertices: np.ndarray, faces: np.ndarray, view: str) -> np.ndarray:
    """The faces whose outward normal points at the viewer (posterior: −y, anterior: +y, lateral of a left mesh: −x)."""
    tri = vertices[faces]
    normal = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    axis, sign = {"posterior": (1, -1), "anterior": (1, 1), "lateral": (0, -1)}[view]
    return faces[sign * normal[:, axis] > 0]


def outline(points2d: np.ndarray, faces: np.ndarray) -> Polygon | MultiPolygon:
    """The union of the projected triangles (degenerate ones dropped), snapped to GRID and simplified."""
    tri = points2d[faces]
    doubled = (tri[:, 1, 0] - tri[:, 0, 0]) * (tri[:, 2, 1] - tri[:, 0, 1]) - (tri[:, 2, 0] - tri[:, 0, 0]) * (
        tri[:, 1, 1] - tri[:, 0, 1]
    )
    tri = tri[np.abs(doubled) > 1e-6]
    if not len(tri):
        return Polygon()
    merged = shapely.union_all(shapely.polygons(tri), grid_size=GRID)
    return clean(merged.simplify(SIMPLIFY, preserve_topology=True))


def clean(geom, min_area: float = 0.5) -> Polygon | MultiPolygon:
    """Polygonal parts only, snapped, without specks and pin-holes."""
    geom = shapely.set_precision(shapely.make_valid(geom), GRID)
    parts = []
    for poly in _polygons(geom):
        if poly.area < min_area:
            continue
        holes = [h for h in poly.interiors if Polygon(h).area >= min_area]
        parts.append(Polygon(poly.exterior, holes))
    if not parts:
        return Polygon()
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _polygons(geom) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [g for part in getattr(geom, "geoms", []) for g in _polygons(part)]


def polygons_of(geom) -> list[Polygon]:
    """The polygons of a geometry, largest first (ties by position: deterministic)."""
    return sorted(_polygons(geom), key=lambda p: (-round(p.area, 3), p.bounds))


def mirror(geom, mid: float):
    """x -> 2·mid − x."""
    return affinity.scale(geom, xfact=-1.0, yfact=1.0, origin=(mid, 0.0))


def symmetric_from_left(geom, view: str, mid: float, height: float):
    """Keep the subject's left half of a midline outline and mirror it onto the right."""
    far = 1e5
    half = box(-far, -far, mid, far) if view == "posterior" else box(mid, -far, far, far)
    left = shapely.intersection(geom, half, grid_size=GRID)
    return clean(shapely.union(left, mirror(left, mid), grid_size=GRID))


def union(*geoms):
    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return Polygon()
    return clean(shapely.union_all(geoms, grid_size=GRID))


def intersection(a, b):
    return clean(shapely.intersection(a, b, grid_size=GRID))


def difference(a, b):
    if b is None or b.is_empty:
        return a
    return clean(shapely.difference(a, b, grid_size=GRID))
