"""Which drawn bone or muscle is under a point, and which structures are a pattern's own muscle (chart 2).

One answer for the app's hover and anything else that asks: `StructureIndex(view).at(x, y, kinds)` tests the
view's `Structure` polygons (the visible part of every bone and muscle as chart 2 draws it, holes excluded),
topmost first in the SVG's painting order; `StructureIndex(view, bones_alone=True)` tests the bones as they are
drawn with the muscles hidden (whole, `View.bones_alone`). `pattern_structure_ids` maps a muscle pattern's id to the
`muscle-<name>-<side>` structures of its own muscle (iliopsoas is two muscles, iliacus and psoas major).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

__all__ = ["PATTERN_MUSCLES", "StructureIndex", "display_name", "pattern_structure_ids", "structure_index"]

PATTERN_MUSCLES = {"iliopsoas": ("iliacus", "psoas-major")}  # pattern ids whose muscle has other names
_SIDES = {"right": ("right",), "left": ("left",), "both": ("right", "left")}


def display_name(structure) -> str:
    """How a person reads it: "Gluteus medius (right)", "Sacrum" (the label with a capital, or the id)."""
    text = structure.label or structure.id.split("-", 1)[-1].rsplit("-", 1)[0].replace("-", " ")
    return text[:1].upper() + text[1:]


class StructureIndex:
    """The structures of one view as edge lists in horizontal bands, for many point look-ups (one per pointer
    move): a look-up is one even-odd crossing count over the few hundred edges of the point's band (~10 µs)."""

    BAND_MM = 4.0

    def __init__(self, view, bones_alone: bool = False) -> None:
        self.view = view
        alone = getattr(view, "bones_alone", ())
        self.structures = tuple(alone) if bones_alone and alone else tuple(view.structures)
        edges = []
        for i, s in enumerate(self.structures):
            for ring in (s.polygon, *s.holes):  # holes by even-odd: a point in a hole crosses its ring too
                a = np.asarray(ring, dtype=float).reshape(-1, 2)
                b = np.roll(a, -1, axis=0)
                edges.append(np.column_stack([a, b, np.full(len(a), i, dtype=float)]))
        e = np.vstack(edges) if edges else np.zeros((0, 5))
        e = e[e[:, 1] != e[:, 3]]  # horizontal edges never cross a horizontal ray
        self._n = len(self.structures)
        self._bands: dict[int, tuple[np.ndarray, ...]] = {}
        if len(e):
            slope = (e[:, 2] - e[:, 0]) / (e[:, 3] - e[:, 1])  # x per mm of y along each edge
            lo = np.floor(np.minimum(e[:, 1], e[:, 3]) / self.BAND_MM).astype(int)
            hi = np.floor(np.maximum(e[:, 1], e[:, 3]) / self.BAND_MM).astype(int)
            for band in range(int(lo.min()), int(hi.max()) + 1):
                rows = (lo <= band) & (band <= hi)
                if rows.any():
                    x0, y0, y1, owner = e[rows, 0], e[rows, 1], e[rows, 3], e[rows, 4].astype(np.intp)
                    self._bands[band] = (x0.copy(), y0.copy(), y1.copy(), slope[rows], owner)

    def at(self, x: float, y: float, kinds: Iterable[str] = ("muscle", "bone")) -> list:
        """The structures of `kinds` whose visible part holds (x, y) mm, topmost first (a translucent muscle
        drawn over another lets both be seen, so both are named); [] outside every one."""
        if not (math.isfinite(x) and math.isfinite(y)):
            return []
        band = self._bands.get(math.floor(y / self.BAND_MM))
        if band is None:
            return []
        x0, y0, y1, slope, owner = band
        crossed = ((y0 > y) != (y1 > y)) & (x0 + (y - y0) * slope > x)
        inside = np.flatnonzero(np.bincount(owner[crossed], minlength=self._n) & 1)
        wanted = set(kinds)
        out = []
        for i in inside[::-1]:  # the SVG's painting order, last drawn on top
            s = self.structures[i]
            if s.kind in wanted and all(found.id != s.id for found in out):
                out.append(s)
        return out


_indexes: dict[tuple[int, bool], tuple[object, StructureIndex]] = {}


def structure_index(view, bones_alone: bool = False) -> StructureIndex:
    """The (cached) index of `view` (`bones_alone`: of its bones as drawn with the muscles hidden); views are
    immutable, so one index per view object."""
    key = (id(view), bones_alone)
    found = _indexes.get(key)
    if found is None or found[0] is not view:
        found = _indexes[key] = (view, StructureIndex(view, bones_alone))
    return found[1]


def pattern_structure_ids(view, pattern_id: str, side: str = "right") -> tuple[str, ...]:
    """The ids of the `muscle-<name>-<side>` structures of a muscle pattern's own muscle on `view`.

    `side` is "right", "left" or "both"; a joint pattern, or a view that does not show the muscle, gives ().
    """
    names = PATTERN_MUSCLES.get(pattern_id, (pattern_id,))
    wanted = {f"muscle-{name}-{s}" for name in names for s in _SIDES.get(side, ())}
    return tuple(dict.fromkeys(s.id for s in view.structures if s.kind == "muscle" and s.id in wanted))
