"""Which structures each view shows, their painting order and their visible parts.

Decisions (docs/atlas.md, "What each view shows"): a view lists the muscles an anatomy educator would show
from that side; `GHOSTS` are drawn translucent (so the deep gluteal muscles stay visible under gluteus maximus,
and gluteus minimus under gluteus medius from the side) and hide nothing. The painting order inside the muscle
layer and inside the bone layer is computed from depth: for every pair of overlapping structures, the one that is
nearer the viewer over most of the overlap is drawn later. The bone layer is painted above the muscles, so a
bone is drawn only where no muscle (translucent ones included) lies in front of it over most of their overlap
("bones where visible"). With the muscles hidden the bones are drawn whole instead (the layer `bones-alone`;
one painting order cannot serve both, since bones lie in front of some muscles and behind others).
"""

from __future__ import annotations

import numpy as np
from project import (
    OPEN_MESHES,
    Body,
    difference,
    front_faces,
    intersection,
    mirror,
    outline,
    symmetric_from_left,
    union,
)

BONES = ("sacrum", "coccyx", "ilium", "ischium", "pubis", "femur", "patella", "tibia", "fibula")
MIDLINE = ("sacrum", "coccyx")
MUSCLES = {
    "posterior": (
        "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis", "gemellus_superior",
        "obturator_internus", "gemellus_inferior", "quadratus_femoris", "adductor_magnus", "gracilis",
        "semimembranosus", "semitendinosus", "biceps_femoris_long_head", "biceps_femoris_short_head",
        "vastus_lateralis",
    ),
    "lateral": (
        "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae", "vastus_lateralis",
        "rectus_femoris", "sartorius", "biceps_femoris_long_head", "biceps_femoris_short_head",
        "semimembranosus", "semitendinosus", "adductor_magnus",
    ),
    "anterior": (
        "iliacus", "psoas_major", "gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae", "pectineus",
        "obturator_externus", "adductor_brevis", "adductor_longus", "adductor_magnus", "gracilis", "sartorius",
        "rectus_femoris", "vastus_lateralis", "vastus_medialis", "vastus_intermedius",
    ),
}  # fmt: skip
GHOSTS = {"posterior": ("gluteus_maximus",), "lateral": ("gluteus_maximus", "gluteus_medius"), "anterior": ()}
CELL = 3.0  # mm: depth cells for the painting order


def hyphen(name: str) -> str:
    return name.replace("_", "-")


class Piece:
    """One structure on one side of one view: projected outline (clipped to the skin) and a depth map."""

    def __init__(self, name: str, kind: str, side: str, geom, cells: dict[int, float]) -> None:
        self.name, self.kind, self.side, self.geom, self.cells = name, kind, side, geom, cells
        self.visible = geom

    @property
    def id(self) -> str:
        return f"{self.kind}-{hyphen(self.name)}-{self.side}"


def depth_cells(body: Body, view: str, vertices: np.ndarray, mirror_x: bool) -> dict[int, float]:
    """Nearest depth per CELL × CELL square of the view (from the vertices: dense enough for an order)."""
    pts = vertices * np.array([-1.0, 1.0, 1.0]) if mirror_x else vertices
    uv = body.project(view, pts)
    d = body.depth(view, vertices if view == "lateral" else pts)
    keys = (np.floor(uv[:, 0] / CELL).astype(np.int64) << 20) + np.floor(uv[:, 1] / CELL).astype(np.int64)
    order = np.lexsort((d, keys))
    keys, d = keys[order], d[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return dict(zip(keys[first].tolist(), d[first].tolist(), strict=True))


def _mesh(body: Body, name: str, view: str) -> tuple[np.ndarray, np.ndarray]:
    """Vertices and faces to project: the left mesh of a pair; a midline mesh's left half in the lateral view."""
    mesh = name if name in MIDLINE else f"{name}_l"
    vertices, faces = body.vertices(mesh), body.faces(mesh)
    if name in MIDLINE and view == "lateral":
        faces = faces[vertices[faces][:, :, 0].mean(axis=1) <= 0]
        return vertices, faces
    if name in OPEN_MESHES:
        return vertices, faces
    return vertices, front_faces(vertices, faces, view)


def project_structures(body: Body, view: str, skin) -> list[Piece]:
    """Every bone and listed muscle of the view, clipped to the skin; right and left (posterior, anterior)."""
    pieces: list[Piece] = []
    for kind, names in (("bone", BONES), ("muscle", MUSCLES[view])):
        for name in names:
            vertices, faces = _mesh(body, name, view)
            if view == "lateral":
                geom = outline(body.project(view, vertices), faces)
                side = "midline" if name in MIDLINE else "right"
                pieces.append(
                    Piece(name, kind, side, intersection(geom, skin), depth_cells(body, view, vertices, False))
                )
                continue
            left = outline(body.project(view, vertices), faces)
            if name in MIDLINE:
                geom = symmetric_from_left(left, view, body.mid, body.height)
                cells = depth_cells(body, view, vertices, False)
                pieces.append(Piece(name, kind, "midline", intersection(geom, skin), cells))
                continue
            right = mirror(left, body.mid)
            pieces.append(
                Piece(name, kind, "right", intersection(right, skin), depth_cells(body, view, vertices, True))
            )
            pieces.append(Piece(name, kind, "left", intersection(left, skin), depth_cells(body, view, vertices, False)))
    return pieces


def in_front(a: Piece, b: Piece) -> tuple[int, int]:
    """(cells where a is nearer, cells where b is nearer) over their common depth cells."""
    common = a.cells.keys() & b.cells.keys()
    if not common:
        return 0, 0
    da = np.fromiter((a.cells[k] for k in common), float)
    db = np.fromiter((b.cells[k] for k in common), float)
    return int(np.count_nonzero(da < db - 0.5)), int(np.count_nonzero(db < da - 0.5))


def paint_order(pieces: list[Piece]) -> list[Piece]:
    """Back to front: repeatedly take the piece that is least in front of the others still left."""
    n = len(pieces)
    front = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if pieces[i].geom.is_empty or pieces[j].geom.is_empty or not pieces[i].geom.intersects(pieces[j].geom):
                continue
            a, b = in_front(pieces[i], pieces[j])
            front[i, j], front[j, i] = a, b
    left = list(range(n))
    out = []
    while left:
        score = {i: sum(front[i, j] - front[j, i] for j in left if j != i) for i in left}
        best = min(left, key=lambda i: (score[i], pieces[i].name, pieces[i].side))
        out.append(pieces[best])
        left.remove(best)
    return out


def layer(pieces: list[Piece], view: str) -> tuple[list[Piece], list[Piece]]:
    """Muscles and bones, each in painting order; bones get `drawn` (where no muscle is in front), `visible` (what
    shows of it with every layer on) and `alone` (what shows of it with the muscles hidden).

    The muscles' `visible` parts are set by the caller, once the hand-drawn structures are known."""
    muscles = paint_order([p for p in pieces if p.kind == "muscle" and not p.geom.is_empty])
    bones = paint_order([p for p in pieces if p.kind == "bone" and not p.geom.is_empty])
    for bone in bones:  # a bone hides behind the muscles nearer the viewer over most of their overlap
        cover = [m.geom for m in muscles if m.geom.intersects(bone.geom) and _nearer(m, bone)]
        bone.drawn = difference(bone.geom, union(*cover))
    for i, bone in enumerate(bones):
        later = [b.drawn for b in bones[i + 1 :] if b.drawn.intersects(bone.drawn)]
        bone.visible = difference(bone.drawn, union(*later))
        whole = [b.geom for b in bones[i + 1 :] if b.geom.intersects(bone.geom)]
        bone.alone = difference(bone.geom, union(*whole))
    return muscles, bones


def _nearer(a: Piece, b: Piece) -> bool:
    na, nb = in_front(a, b)
    return na > nb
