"""The editing model: a `DrawingDocument` owns one Drawing, its PainMasks and the undo history (no Qt widgets).

Every edit goes through PainMasks' one mark primitive and returns a `Change`: the view and the dirty rectangle
to repaint, and the history step it made or undid. A stroke is painted live segment by segment
(`begin_stroke`, `extend_stroke`) and becomes one mark and one history step on `end_stroke`. A lasso
(`begin_lasso`, then the same `extend_stroke` / `end_stroke`) only collects its outline while it is drawn and
fills what the outline encloses on `end_stroke`: one mark, one step.

Undo atoms (napari's labels layer, `_paint_region_with_mask`): before each segment is painted, the old pixels of
the fixed 32 × 32 px tiles under its box that this atom has not saved yet are copied, so one drag is one step
holding only the pixels it may have changed, never a copy of the view; a press costs the same on any view size.
The tiles are zlib-packed when the step is pushed. Undo puts them back (exact); redo re-applies the marks,
which paints exactly what the live stroke did because a stroke is the union of its segments.

The document checks every input against the file limits while it builds the drawing, so what it holds always
loads back: `save` and `autosave` write it without validating again, through one `DrawingWriter`.
"""

from __future__ import annotations

import math
import os
import zlib
from dataclasses import field
from pathlib import Path

import numpy as np

from painmap.capsule import segment_box
from painmap.drawing_model import (
    MAX_MARKS,
    MAX_POINTS_PER_MARK,
    MAX_POINTS_TOTAL,
    MIN_LASSO_POINTS,
    QUALITIES,
    RADIUS_RANGE,
    Drawing,
    Erase,
    Fill,
    Lasso,
    Mark,
    Stroke,
    view_bounds,
)
from painmap.drawing_parse import load_drawing
from painmap.drawing_save import DrawingWriter, now_iso
from painmap.errors import PainmapError
from painmap.raster import DEFAULT_PX_PER_MM, MAX_INTENSITY, DirtyRect, PainMasks, Patch, lasso_rect
from painmap.records import record

__all__ = ["MIN_STEP_MM", "POINT_DECIMALS", "TILE", "Change", "DrawingDocument", "Step", "UndoAtom"]

# Points closer than this to the previous one (mm) are not stored: the drawing stays small, the look the same.
MIN_STEP_MM = 0.5
POINT_DECIMALS = 2
TILE = 32  # px: the unit an undo atom saves (a brush segment's box touches a few)

_TEXT = {"stroke": "Brush stroke", "erase": "Erase", "fill": "Fill region", "clear": "Clear view", "lasso": "Lasso"}


class UndoAtom:
    """The old pixels of one step: the tiles it may change, each saved once, before its first change."""

    __slots__ = ("_blob", "_keys", "_nonzero", "_tiles", "shape", "view")

    def __init__(self, view: str, shape: tuple[int, int]) -> None:
        self.view = view
        self.shape = shape
        self._tiles: dict[tuple[int, int], np.ndarray | None] | None = {}  # None: the tile had no pain
        self._keys: bytes | None = None  # once packed: uint16 (ty, tx) pairs ...
        self._nonzero = b""  # ... a uint8 flag per tile (1: its pixels are in the blob) ...
        self._blob = b""  # ... and the pixels of the flagged tiles, zlib-compressed

    def _bounds(self, ty: int, tx: int) -> tuple[int, int, int, int]:
        rows, cols = self.shape
        return ty * TILE, tx * TILE, min(rows, (ty + 1) * TILE), min(cols, (tx + 1) * TILE)

    def save(self, masks: PainMasks, rect: DirtyRect) -> None:
        """Save the tiles under `rect` not saved yet (call before painting inside `rect`)."""
        if rect.empty:
            return
        if self._keys is not None:
            raise PainmapError("an undo atom cannot grow after it was packed")
        arr = masks.painted_array(self.view)
        tiles = self._tiles
        for ty in range(rect.y0 // TILE, (rect.y1 - 1) // TILE + 1):
            for tx in range(rect.x0 // TILE, (rect.x1 - 1) // TILE + 1):
                if (ty, tx) in tiles:
                    continue
                if arr is None:
                    tiles[(ty, tx)] = None
                    continue
                y0, x0, y1, x1 = self._bounds(ty, tx)
                tile = arr[y0:y1, x0:x1]
                tiles[(ty, tx)] = tile.copy() if tile.any() else None

    def pack(self) -> None:
        """Compress the saved tiles (done once, when the step is pushed)."""
        if self._keys is not None:
            return
        tiles = self._tiles
        keys = sorted(tiles)
        self._keys = np.array(keys, dtype=np.uint16).tobytes()  # bytes, not arrays: thousands of atoms are kept
        self._nonzero = bytes(tiles[k] is not None for k in keys)
        data = [tiles[k].tobytes() for k in keys if tiles[k] is not None]
        self._blob = zlib.compress(b"".join(data), 6) if data else b""
        self._tiles = None

    @property
    def nbytes(self) -> int:
        """Bytes held once packed (keys and compressed pixels)."""
        if self._keys is None:
            return sum(t.nbytes for t in self._tiles.values() if t is not None) + 16 * len(self._tiles)
        return len(self._keys) + len(self._nonzero) + len(self._blob)

    def restore(self, masks: PainMasks) -> DirtyRect:
        """Put every saved tile back; the rectangle they cover."""
        self.pack()
        raw = zlib.decompress(self._blob) if self._blob else b""
        offset = 0
        rect = DirtyRect.none(self.view)
        grid = masks.grid(self.view)
        keys = np.frombuffer(self._keys, dtype=np.uint16).reshape(-1, 2).tolist()
        for (ty, tx), nonzero in zip(keys, self._nonzero, strict=True):
            y0, x0, y1, x1 = self._bounds(ty, tx)
            tile_rect = DirtyRect(self.view, x0, y0, x1, y1, grid.sx, grid.sy)
            if nonzero:
                size = (y1 - y0) * (x1 - x0)
                data = np.frombuffer(raw, dtype=np.uint8, count=size, offset=offset).reshape(y1 - y0, x1 - x0)
                offset += size
            else:
                data = np.zeros((y1 - y0, x1 - x0), dtype=np.uint8)
            if nonzero or masks.painted_array(self.view) is not None:
                masks.put_patch(Patch(tile_rect, data))
            rect = rect.union(tile_rect)
        return rect


@record(eq=False, slots=True)
class Step:
    """One history entry: the marks a stroke/erase/fill added, or the marks a clear removed, and the atom."""

    kind: str  # stroke | erase | fill | lasso | clear
    view: str
    marks: tuple[Mark, ...]
    atom: UndoAtom
    removed: list[tuple[int, Mark]] = field(default_factory=list)  # clear: (index, mark) in drawing order

    @property
    def text(self) -> str:
        return _TEXT[self.kind]


@record(frozen=True)
class Change:
    """What an edit did: the view it is about, the dirty rectangles to repaint, the step pushed/undone/redone."""

    view: str
    rects: tuple[DirtyRect, ...] = ()
    step: Step | None = None

    def __init__(self, view: str, rects: tuple[DirtyRect, ...] = (), step: Step | None = None) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "rects", rects)
        set_field(self, "step", step)

    @staticmethod
    def of(view: str, *rects: DirtyRect, step: Step | None = None) -> Change:
        """A change of `view`; empty rectangles are left out."""
        return Change(view, tuple(r for r in rects if not r.empty), step)


@record
class _Live:
    """A stroke, erase or lasso in progress."""

    kind: str  # stroke | erase | lasso
    view: str
    radius: float
    intensity: int
    quality: str
    points: list[tuple[float, float]]
    atom: UndoAtom
    done: list[Mark] = field(default_factory=list)  # parts already closed at MAX_POINTS_PER_MARK


class DrawingDocument:
    """One drawing being edited: `drawing`, `masks`, the undo history, and its writer.

    The history is linear: `undo()` undoes the newest done step, `redo()` re-does the newest undone one, and a
    new step drops the undone ones. Edits raise PainmapError (nothing changed) for input the file format would
    refuse: an unknown view or region, a radius, intensity or quality out of range, too many marks or points.
    """

    def __init__(self, atlas, px_per_mm: float = DEFAULT_PX_PER_MM, drawing: Drawing | None = None) -> None:
        self.atlas = atlas
        self.px_per_mm = float(px_per_mm)
        self.drawing = drawing if drawing is not None else Drawing()
        self.masks = PainMasks.from_drawing(self.drawing, atlas, px_per_mm)  # may raise: nothing built yet
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._live: _Live | None = None
        self._points = self.drawing.point_count()
        self._writer = DrawingWriter()

    @classmethod
    def load(cls, path: str | os.PathLike, atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> DrawingDocument:
        """The document of a drawing file (every check of `load_drawing`; DrawingError on bad input)."""
        return cls(atlas, px_per_mm, load_drawing(path, atlas=atlas))

    # -- history -----------------------------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def history(self) -> tuple[Step, ...]:
        """The done steps, oldest first."""
        return tuple(self._done)

    @property
    def stroking(self) -> bool:
        return self._live is not None

    def _push(self, step: Step, rect: DirtyRect) -> Change:
        step.atom.pack()
        self._done.append(step)
        self._undone.clear()
        return Change.of(step.view, rect, step=step)

    def undo(self) -> Change | None:
        """Undo the newest step (a stroke in progress is dropped first); None when there is nothing to undo."""
        dropped = self.cancel_stroke()
        if not self._done:
            return dropped
        step = self._done.pop()
        marks = self.drawing.marks
        if step.kind == "clear":
            for index, mark in step.removed:
                marks.insert(index, mark)
            step.removed = []
        else:
            n = len(step.marks)
            if len(marks) < n or any(a is not b for a, b in zip(marks[-n:], step.marks, strict=True)):
                raise PainmapError("the drawing changed outside its document: cannot undo")
            del marks[-n:]
        self._count_points()
        rect = step.atom.restore(self.masks)
        self._undone.append(step)
        return Change.of(step.view, *_rects(dropped), rect, step=step)

    def redo(self) -> Change | None:
        """Re-do the newest undone step; None when there is none."""
        dropped = self.cancel_stroke()
        if not self._undone:
            return dropped
        step = self._undone.pop()
        if step.kind == "clear":
            rect = self._clear(step)
        else:
            self.drawing.marks.extend(step.marks)
            rect = DirtyRect.none(step.view)
            for mark in step.marks:
                rect = rect.union(self.masks.apply(mark))
        self._count_points()
        self._done.append(step)
        return Change.of(step.view, *_rects(dropped), rect, step=step)

    def _count_points(self) -> None:
        self._points = self.drawing.point_count()

    # -- strokes -----------------------------------------------------------------------------------------------
    def _check_point(self, view: str, point) -> tuple[float, float]:
        x, y = (float(point[0]), float(point[1]))
        if not (math.isfinite(x) and math.isfinite(y)):
            raise PainmapError(f"not a finite point: {point!r}")
        x0, x1, y0, y1 = view_bounds(self.atlas, view)
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            raise PainmapError(f"point ({x:g}, {y:g}) mm is too far outside the {view} view")
        return (round(x, POINT_DECIMALS), round(y, POINT_DECIMALS))

    def accepts_point(self, view: str, point) -> bool:
        """True when `point` (mm) may start or continue a stroke on `view` (finite, within the file's range)."""
        try:
            self._check_point(view, point)
        except (PainmapError, TypeError, ValueError, IndexError):
            return False
        return True

    def _room(self, points: int = 0) -> None:
        if len(self.drawing.marks) >= MAX_MARKS:
            raise PainmapError(f"the drawing holds {MAX_MARKS:,} marks, the most a drawing may have")
        if self._points + points > MAX_POINTS_TOTAL:
            raise PainmapError(f"the drawing holds {MAX_POINTS_TOTAL:,} points, the most a drawing may have")

    def begin_stroke(
        self,
        view: str,
        point,
        radius: float,
        intensity: int = 5,
        quality: str = "aching",
        erase: bool = False,
    ) -> Change:
        """Start a brush (or eraser) stroke at `point` (mm of `view`) and paint its first disc."""
        self._no_stroke()
        self.atlas.view(view)  # UnknownIdError for a bad id
        lo, hi = RADIUS_RANGE
        radius = float(radius)
        if not lo <= radius <= hi:
            raise PainmapError(f"brush radius {radius:g} mm is outside {lo:g}-{hi:g} mm")
        if not erase:
            _check_mark_values(intensity, quality)
        p = self._check_point(view, point)
        self._room(1)
        live = _Live(
            kind="erase" if erase else "stroke",
            view=view,
            radius=radius,
            intensity=int(intensity),
            quality=quality,
            points=[p],
            atom=UndoAtom(view, self.masks.grid(view).shape),
        )
        self._live = live
        self._points += 1
        return self._paint(live, p, p)

    def begin_lasso(self, view: str, point, intensity: int = 5, quality: str = "aching") -> Change:
        """Start a lasso outline at `point` (mm of `view`); nothing is painted until `end_stroke` closes it."""
        self._no_stroke()
        self.atlas.view(view)  # UnknownIdError for a bad id
        _check_mark_values(intensity, quality)
        p = self._check_point(view, point)
        self._room(1)
        atom = UndoAtom(view, self.masks.grid(view).shape)
        self._live = _Live("lasso", view, 0.0, int(intensity), quality, [p], atom)
        self._points += 1
        return Change(view)

    @property
    def live_outline(self) -> tuple[str, tuple[tuple[float, float], ...]] | None:
        """(view, points) of the lasso being drawn, or None."""
        live = self._live
        return (live.view, tuple(live.points)) if live is not None and live.kind == "lasso" else None

    def extend_stroke(self, point) -> Change:
        """Continue the stroke to `point` and paint the segment from the last point (nothing if too close).

        A point beyond the file's coordinate range, or past the drawing's point budget, is skipped.
        """
        live = self._live
        if live is None:
            return Change("")
        try:
            p = self._check_point(live.view, point)
            self._room(1)
        except PainmapError:
            return Change(live.view)
        last = live.points[-1]
        if (p[0] - last[0]) ** 2 + (p[1] - last[1]) ** 2 < MIN_STEP_MM**2:
            return Change(live.view)
        if live.kind == "lasso":  # the outline grows (up to the file's limit); its box is repainted
            if len(live.points) >= MAX_POINTS_PER_MARK:
                return Change(live.view)
            live.points.append(p)
            self._points += 1
            return Change.of(live.view, lasso_rect(self.masks.grid(live.view), [last, p]))
        if len(live.points) >= MAX_POINTS_PER_MARK:  # the file's limit: go on in a new mark of the same step
            if len(self.drawing.marks) + len(live.done) + 2 > MAX_MARKS:
                return Change(live.view)
            live.done.append(self._mark(live))
            live.points = [last]
            self._points += 1
        live.points.append(p)
        self._points += 1
        return self._paint(live, last, p)

    def _paint(self, live: _Live, p0, p1) -> Change:
        grid = self.masks.grid(live.view)
        live.atom.save(self.masks, segment_box(grid, p0[0], p0[1], p1[0], p1[1], live.radius))  # = stroke_rect
        if live.kind == "erase":
            rect = self.masks.erase_segment(live.view, p0, p1, live.radius)
        else:
            rect = self.masks.segment(live.view, p0, p1, live.radius, live.intensity)
        return Change.of(live.view, rect)

    @staticmethod
    def _mark(live: _Live) -> Mark:
        points = tuple(live.points)
        if live.kind == "erase":
            return Erase(view=live.view, radius=live.radius, points=points)
        if live.kind == "lasso":
            return Lasso(view=live.view, intensity=live.intensity, quality=live.quality, points=points)
        return Stroke(view=live.view, radius=live.radius, intensity=live.intensity, quality=live.quality, points=points)

    def end_stroke(self) -> Change:
        """Finish the stroke in progress: it becomes one mark (more past MAX_POINTS_PER_MARK) and one step.

        A lasso is closed and filled here; one of fewer than 3 points is dropped (no mark, no step).
        """
        live = self._live
        if live is None:
            return Change("")
        if live.kind == "lasso":
            if len(live.points) < MIN_LASSO_POINTS:  # repaint where its outline was shown
                self.cancel_stroke()
                return Change.of(live.view, lasso_rect(self.masks.grid(live.view), live.points))
            self._live = None
            mark = self._mark(live)
            live.atom.save(self.masks, self.masks.bounds(mark))
            rect = self.masks.apply(mark)
            self.drawing.marks.append(mark)
            return self._push(Step("lasso", live.view, (mark,), live.atom), rect)
        self._live = None
        marks = (*live.done, self._mark(live))
        self.drawing.marks.extend(marks)
        step = Step(live.kind, live.view, marks, live.atom)
        return self._push(step, DirtyRect.none(live.view))

    def _no_stroke(self) -> None:
        """Refuse an edit while a stroke is in progress (the caller ends it first: it is a step of its own)."""
        if self._live is not None:
            raise PainmapError("a stroke is in progress: end it first")

    def cancel_stroke(self) -> Change | None:
        """Drop the stroke in progress (its pixels are put back); None when there was none."""
        live, self._live = self._live, None
        if live is None:
            return None
        self._points -= len(live.points) + sum(len(m.points) for m in live.done)
        return Change.of(live.view, live.atom.restore(self.masks))

    # -- fills and clearing ------------------------------------------------------------------------------------
    def fill(self, view: str, region: str, intensity: int = 5, quality: str = "aching") -> Change:
        """Fill one atlas region of `view` (one step)."""
        self._no_stroke()
        self.atlas.view(view).region(region)  # UnknownIdError for a bad id
        _check_mark_values(intensity, quality)
        self._room()
        atom = UndoAtom(view, self.masks.grid(view).shape)
        atom.save(self.masks, self.masks.atlas_masks.view(view).region_rect(region))
        rect = self.masks.fill(view, region, int(intensity))
        mark = Fill(view=view, region=region, intensity=int(intensity), quality=quality)
        self.drawing.marks.append(mark)
        return self._push(Step("fill", view, (mark,), atom), rect)

    def clear_view(self, view: str) -> Change | None:
        """Remove every mark of `view` (one step); None when the view has no mark."""
        self._no_stroke()
        self.atlas.view(view)
        if not any(m.view == view for m in self.drawing.marks):
            return None
        atom = UndoAtom(view, self.masks.grid(view).shape)
        atom.save(self.masks, self.masks.extent(view))
        step = Step("clear", view, (), atom)
        rect = self._clear(step)
        self._count_points()
        return self._push(step, rect)

    def _clear(self, step: Step) -> DirtyRect:
        marks = self.drawing.marks
        step.removed = [(i, m) for i, m in enumerate(marks) if m.view == step.view]
        marks[:] = [m for m in marks if m.view != step.view]
        rect = self.masks.extent(step.view)
        if not rect.empty:
            self.masks.put_patch(Patch(rect, np.zeros((rect.height, rect.width), dtype=np.uint8)))
        return rect

    # -- files -------------------------------------------------------------------------------------------------
    def save(self, path: str | os.PathLike) -> Path:
        """Write the drawing atomically to `path` (sets `created` when empty); WriteError on failure."""
        self._no_stroke()
        created = self.drawing.created or now_iso()
        written = self._writer.write(
            Drawing(self.drawing.marks, self.drawing.meta, created, body=self.drawing.body, chart=self.drawing.chart),
            path,
        )
        self.drawing.created = created
        return written

    def autosave(self, path: str | os.PathLike) -> Path:
        """Write the drawing as it is (a stroke in progress is not in it) to `path`, atomically."""
        return self._writer.write(self.drawing, path)


def _check_mark_values(intensity: int, quality: str) -> None:
    if isinstance(intensity, bool) or int(intensity) != intensity or not 1 <= intensity <= MAX_INTENSITY:
        raise PainmapError(f"intensity must be a whole number from 1 to {MAX_INTENSITY}, not {intensity!r}")
    if quality not in QUALITIES:
        raise PainmapError(f"unknown quality {quality!r} (known: {', '.join(QUALITIES)})")


def _rects(change: Change | None) -> tuple[DirtyRect, ...]:
    return change.rects if change is not None else ()
