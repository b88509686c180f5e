"""Undo steps: one QUndoCommand per finished mark, and one for clearing a view.

Undo restores the pixels the mark changed from a saved patch (`PainMasks.put_patch`), so it is exact; redo
re-applies the mark (`PainMasks.apply`), which paints exactly what the live stroke painted because a stroke is
the union of its segments. Patches are kept zlib-compressed: a long session holds thousands of them.
"""

from __future__ import annotations

import pickle
import zlib
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QUndoCommand

from painmap.raster import DirtyRect, Patch

if TYPE_CHECKING:
    from painmap.app.session import DrawingSession

_TEXT = {"stroke": "Brush stroke", "erase": "Erase", "fill": "Fill region"}


# -- patch helpers: what undo needs beyond raster's DirtyRect and Patch --------------------------------------
def full_rect(masks, view_id: str) -> DirtyRect:
    """The DirtyRect covering a whole view's pixel grid."""
    g = masks.grid(view_id)
    return DirtyRect(view_id, 0, 0, g.cols, g.rows, g.sx, g.sy)


def union(a: DirtyRect | None, b: DirtyRect) -> DirtyRect:
    """Smallest rect holding both (empty rects do not count)."""
    return b if a is None else a.union(b)


def crop(patch: Patch, rect: DirtyRect | None) -> Patch:
    """The part of a whole-view patch inside `rect` (an empty patch when nothing was painted)."""
    r = patch.rect
    if rect is None or rect.empty:
        return Patch(DirtyRect.none(r.view), np.zeros((0, 0), dtype=np.uint8))
    data = patch.data[rect.y0 - r.y0 : rect.y1 - r.y0, rect.x0 - r.x0 : rect.x1 - r.x0].copy()
    return Patch(rect, data)


def blank(patch: Patch) -> Patch:
    """A patch of the same place with no pain."""
    return Patch(patch.rect, np.zeros_like(patch.data))


class PackedPatch:
    """A `raster.Patch` stored compressed (patches of untouched skin compress to almost nothing)."""

    __slots__ = ("_blob",)

    def __init__(self, patch) -> None:
        self._blob = zlib.compress(pickle.dumps(patch, protocol=pickle.HIGHEST_PROTOCOL), 1)

    def unpack(self):
        """The original patch."""
        return pickle.loads(zlib.decompress(self._blob))

    @property
    def nbytes(self) -> int:
        return len(self._blob)


class MarkCommand(QUndoCommand):
    """One finished mark (stroke, erase or fill), already painted when it is pushed."""

    def __init__(self, session: DrawingSession, mark, before) -> None:
        super().__init__(_TEXT.get(mark.type, "Mark"))
        self._session = session
        self.mark = mark
        self._before = PackedPatch(before)
        self._applied = True  # the live stroke already painted it: the first redo() does nothing

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        session = self._session
        session.show_view(self.mark.view)
        session.drawing.marks.append(self.mark)
        session.emit_painted(session.masks.apply(self.mark))

    def undo(self) -> None:
        session = self._session
        session.show_view(self.mark.view)  # the user sees what the undo changed
        marks = session.drawing.marks
        if marks and marks[-1] is self.mark:
            marks.pop()
        else:  # never expected: keep the list consistent anyway
            marks.remove(self.mark)
        session.emit_painted(session.masks.put_patch(self._before.unpack()))


class ClearCommand(QUndoCommand):
    """Remove every mark of one view and blank its pain mask."""

    def __init__(self, session: DrawingSession, view_id: str, before, blank) -> None:
        super().__init__("Clear view")
        self._session = session
        self.view_id = view_id
        self._before = PackedPatch(before)
        self._blank = PackedPatch(blank)
        self._removed: list[tuple[int, object]] = []

    def redo(self) -> None:
        session = self._session
        session.show_view(self.view_id)
        marks = session.drawing.marks
        self._removed = [(i, m) for i, m in enumerate(marks) if m.view == self.view_id]
        marks[:] = [m for m in marks if m.view != self.view_id]
        session.emit_painted(session.masks.put_patch(self._blank.unpack()))

    def undo(self) -> None:
        session = self._session
        session.show_view(self.view_id)
        marks = session.drawing.marks
        for index, mark in self._removed:
            marks.insert(index, mark)
        self._removed = []
        session.emit_painted(session.masks.put_patch(self._before.unpack()))
