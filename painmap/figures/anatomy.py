"""An anatomical chart (chart 2) on a matplotlib Axes: the skin with its tone steps, muscles muted, bones.

Chart 2's views carry filled outlines of kind `shade` (the skin's inset tones), `muscle` and `bone`, in the
SVG's painting order; a structure in pieces repeats its id, and a piece inside another piece of the same id
is a hole. Colours are restrained (never the pattern red, D6): the zones drawn on top stay the loudest thing.
`highlight` names muscles to stand out (a slide's own muscle).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TR_NOOP

from painmap import style
from painmap.i18n import tr

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from painmap.atlas import View

__all__ = ["CREDIT", "SKIN_TONES", "add_credit", "draw_anatomy", "is_anatomical", "muscle_ids", "pattern_muscle"]

CREDIT = QT_TR_NOOP("Anatomy: Visible Human Project (NLM); HuBMAP HRA; Andreassen et al. 2022, CC BY 4.0")
SKIN_RIM = "#e8ddd2"  # the silhouette's own fill: the darkest tone, at the outline
SKIN_TONES = ("#ebe1d7", "#eee5dc", "#f0e8e0", "#f3ece5", "#f6f0ea")  # skin-shade-1 … 5, lighter inwards
MUSCLE_FILL, MUSCLE_EDGE, MUSCLE_ALPHA = "#c4a28f", "#7d6a5e", 0.55
BONE_FILL, BONE_EDGE = "#ece4d3", style.BONE
HIGHLIGHT_FILL, HIGHLIGHT_EDGE = "#9c6b4e", "#3d2a1f"  # the highlighted muscle: darker brown, not red
Z_ART = 1.0  # the art sits between the skin (1) and the zones (2.2)


def is_anatomical(view: View) -> bool:
    """True for a chart-2 view (skin tones, filled muscles and bones)."""
    return any(o.kind == "shade" for o in view.outlines)


def muscle_ids(view: View, name: str) -> list[str]:
    """The outline ids of a muscle (e.g. "gluteus-medius") on a view, both sides."""
    return sorted({o.id for o in view.outlines if o.kind == "muscle" and o.id.startswith(f"muscle-{name}-")})


def _signed_area(pts: np.ndarray) -> float:
    x, y = pts[:, 0], pts[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def _compound(pieces: list[np.ndarray]):
    """One matplotlib Path of a structure's pieces: outer pieces one way round, holes the other (non-zero)."""
    from matplotlib.path import Path

    verts, codes = [], []
    paths = [Path(p) for p in pieces]
    for i, pts in enumerate(pieces):
        depth = sum(1 for j, other in enumerate(paths) if j != i and other.contains_point(pts[0]))
        want_ccw = depth % 2 == 0
        if (_signed_area(pts) > 0) != want_ccw:
            pts = pts[::-1]
        verts.extend([*pts.tolist(), pts[0].tolist()])
        codes.extend([Path.MOVETO] + [Path.LINETO] * (len(pts) - 1) + [Path.CLOSEPOLY])
    return Path(np.asarray(verts), codes)


def _grouped(view: View, kinds: Iterable[str]):
    """(kind, id, pieces) in painting order, pieces of one id together (at the place of its first piece)."""
    order: list[tuple[str, str]] = []
    pieces: dict[tuple[str, str], list[np.ndarray]] = {}
    for outline in view.outlines:
        if outline.kind not in kinds or not outline.closed or len(outline.points) < 3:
            continue
        key = (outline.kind, outline.id)
        if key not in pieces:
            order.append(key)
            pieces[key] = []
        pieces[key].append(np.asarray(outline.points, dtype=float))
    return [(kind, oid, pieces[(kind, oid)]) for kind, oid in order]


def draw_anatomy(
    ax: Axes,
    view: View,
    *,
    highlight: Iterable[str] = (),
    layers: Iterable[str] = ("skin", "muscles", "bones"),
) -> None:
    """The skin (rim and tone steps), muscles and bones of an anatomical view; `highlight`: muscle ids."""
    from matplotlib.patches import PathPatch
    from matplotlib.patches import Polygon as PolygonPatch

    layers = set(layers)
    highlight = set(highlight)
    for poly in view.silhouette:
        ax.add_patch(PolygonPatch(np.asarray(poly), closed=True, facecolor=SKIN_RIM, edgecolor="none", zorder=Z_ART))
    kinds = {"shade"} if "skin" in layers else set()
    kinds |= {"muscle"} if "muscles" in layers or highlight else set()
    kinds |= {"bone"} if "bones" in layers else set()
    z = Z_ART
    for kind, oid, pieces in _grouped(view, kinds):
        z += 0.001  # keep the SVG's painting order inside the art band
        path = _compound(pieces)
        if kind == "shade":
            number = int(oid.rsplit("-", 1)[-1]) if oid.rsplit("-", 1)[-1].isdigit() else 1
            tone = SKIN_TONES[min(max(number, 1), len(SKIN_TONES)) - 1]
            ax.add_patch(PathPatch(path, facecolor=tone, edgecolor="none", zorder=z))
        elif kind == "muscle":
            if oid in highlight:
                ax.add_patch(PathPatch(path, facecolor=HIGHLIGHT_FILL, alpha=0.8, edgecolor="none", zorder=z + 0.5))
                ax.add_patch(PathPatch(path, fill=False, edgecolor=HIGHLIGHT_EDGE, lw=1.1, zorder=z + 0.5))
            elif "muscles" in layers:
                ax.add_patch(PathPatch(path, facecolor=MUSCLE_FILL, alpha=MUSCLE_ALPHA, edgecolor="none", zorder=z))
                ax.add_patch(PathPatch(path, fill=False, edgecolor=MUSCLE_EDGE, lw=0.3, alpha=0.8, zorder=z))
        else:
            ax.add_patch(PathPatch(path, facecolor=BONE_FILL, edgecolor=BONE_EDGE, lw=0.4, zorder=z))
    for poly in view.silhouette:
        pts = np.vstack([poly, poly[:1]])
        ax.plot(pts[:, 0], pts[:, 1], color=style.OUTLINE, lw=0.9, zorder=z + 0.6, solid_joinstyle="round")


PATTERN_MUSCLES = {"iliopsoas": ("iliacus", "psoas-major")}  # pattern ids whose muscle has other names


def pattern_muscle(view: View, pattern_id: str, side: str = "right") -> list[str]:
    """The outline ids of a muscle pattern's own muscle on a view, on `side` (the pattern's side)."""
    names = PATTERN_MUSCLES.get(pattern_id, (pattern_id,))
    return [oid for name in names for oid in muscle_ids(view, name) if oid.endswith(f"-{side}")]


def add_credit(figure, views: Iterable[View], x: float, y: float, **kwargs) -> bool:
    """The data credit (CC BY 4.0 asks for it) in figure coordinates when any of `views` is anatomical."""
    if not any(is_anatomical(v) for v in views):
        return False
    figure.text(x, y, tr(CREDIT), fontsize=kwargs.pop("fontsize", 6.5), color=kwargs.pop("color", "#555555"), **kwargs)
    return True
