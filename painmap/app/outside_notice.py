"""How many strokes and lassos of the drawing lie outside the body chart (painmap.outside), kept up to date cheaply.

Each stroke or lasso is tested once (by identity; marks are immutable) on one scratch raster, so a long drawing costs
one test per new mark, not one per mark per update.
"""

from __future__ import annotations

from painmap import vocabulary
from painmap.drawing import Lasso, Stroke
from painmap.outside import points_on_body, stroke_touches_body
from painmap.raster import PainMasks


class OutsideNotice:
    """`text()` is the plain sentence for the drawing's strokes and lassos outside the body ('' when none)."""

    def __init__(self, atlas, px_per_mm: float) -> None:
        self.atlas = atlas
        self.px_per_mm = px_per_mm
        self._scratch: PainMasks | None = None
        self._known: dict[int, tuple[Stroke | Lasso, bool]] = {}  # id(mark) -> (mark, outside)

    def count(self, marks) -> int:
        """How many strokes and lassos lie outside the body."""
        return sum(self.counts(marks))

    def counts(self, marks) -> tuple[int, int]:
        """(strokes, lassos) outside the body."""
        known, strokes, outlines = {}, 0, 0
        new = [m for m in marks if isinstance(m, Stroke | Lasso) and self._known.get(id(m), (None,))[0] is not m]
        if new and self._scratch is None:
            self._scratch = PainMasks(self.atlas, self.px_per_mm)
        on_body = dict(zip(map(id, new), points_on_body(self._scratch, new), strict=True)) if new else {}
        for mark in marks:
            if not isinstance(mark, Stroke | Lasso):
                continue
            hit = self._known.get(id(mark))
            if hit is None or hit[0] is not mark:
                hit = (mark, not (on_body.get(id(mark)) or stroke_touches_body(self._scratch, mark)))
            known[id(mark)] = hit
            if isinstance(mark, Lasso):
                outlines += hit[1]
            else:
                strokes += hit[1]
        self._known = known
        return strokes, outlines

    def text(self, marks) -> str:
        return vocabulary.outside_text(*self.counts(marks))
