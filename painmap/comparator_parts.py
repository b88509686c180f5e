"""The comparator's records: a zone's pixels, a pattern's layer on one view, a view's score table.

Their own `__init__`s (painmap.records): they load in the engine worker on the way to a start's first ranking.
"""

from __future__ import annotations

import numpy as np

from painmap.grid import DirtyRect
from painmap.records import record

__all__ = ["Layer", "Piece", "ScoreTable"]


@record(frozen=True, eq=False)
class Piece:
    """One zone rasterized on one view: its box and mask, kind and weight."""

    rect: DirtyRect
    mask: np.ndarray
    essential: bool
    weight: float

    def __init__(self, rect: DirtyRect, mask: np.ndarray, essential: bool, weight: float) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "rect", rect)
        set_field(self, "mask", mask)
        set_field(self, "essential", essential)
        set_field(self, "weight", weight)

    def flipped(self, view: str, cols: int) -> Piece:
        r = self.rect
        rect = DirtyRect(view, cols - r.x1, r.y0, cols - r.x0, r.y1, r.sx, r.sy)
        return Piece(rect, self.mask[:, ::-1], self.essential, self.weight)


@record(frozen=True, eq=False)
class Layer:
    """A pattern's pixels on one view for all sides: flat indices of P_both and per-side codes.

    code = level * n_zones + zone; level 0 means "not in P on this side", levels 1.. are the pattern's
    (kind, weight) classes; zone indexes the comparator's atlas zone names.
    """

    view: str
    idx: np.ndarray  # sorted flat indices into the view's grid
    codes: dict[str, np.ndarray]  # side -> code per pixel of idx
    totals: dict[str, np.ndarray]  # side -> bincount of codes over all of P

    def __init__(self, view: str, idx: np.ndarray, codes: dict[str, np.ndarray], totals: dict[str, np.ndarray]) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "idx", idx)
        set_field(self, "codes", codes)
        set_field(self, "totals", totals)


@record(frozen=True, eq=False)
class ScoreTable:
    """Every pattern's levels on one view, for scores only (no zones).

    Columns are (pattern, side) in the comparator's pattern order and SIDES order; column j's levels are the codes
    offsets[j] + level. Pixels with the same level in every column form a class, so a drawing needs only its
    pixel count per class: class 0 is outside every pattern on every side.
    """

    classes: np.ndarray  # class per pixel of the view's grid
    codes: np.ndarray  # int64 (n_classes, n_columns): the code of each class in each column
    totals: np.ndarray  # int64 per code: pixels of the view at that level of that column (level 0 included)

    def __init__(self, classes: np.ndarray, codes: np.ndarray, totals: np.ndarray) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "classes", classes)
        set_field(self, "codes", codes)
        set_field(self, "totals", totals)
