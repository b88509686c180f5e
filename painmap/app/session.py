"""The working drawing of one window: the Drawing (marks), its PainMasks, the undo stack, the view and the file.

Every tool goes through the session, and the session through PainMasks' one mark primitive: strokes are
painted live segment by segment (`painted` carries each DirtyRect), and on release they become one Stroke in
`drawing.marks` and one undo step. Widgets listen to the signals; nothing here draws.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from painmap.app import commands as undo
from painmap.app.commands import ClearCommand, MarkCommand
from painmap.drawing import Drawing, Erase, Fill, Stroke, load_drawing, save_drawing
from painmap.raster import DEFAULT_PX_PER_MM, PainMasks

# Points closer than this to the previous one (mm) are not stored: the drawing stays small, the look the same.
MIN_STEP_MM = 0.5
POINT_DECIMALS = 2


@dataclass
class _LiveStroke:
    """A stroke or erase in progress."""

    kind: str  # stroke | erase
    view: str
    radius: float
    intensity: int
    quality: str
    points: list[tuple[float, float]]
    before: object  # Patch of the whole view taken at the press
    bounds: object = None  # union of the painted DirtyRects
    started: float = field(default_factory=time.perf_counter)


def _point(p) -> tuple[float, float]:
    x, y = (float(p[0]), float(p[1]))
    if not (np.isfinite(x) and np.isfinite(y)):
        raise ValueError(f"not a finite point: {p!r}")
    return (round(x, POINT_DECIMALS), round(y, POINT_DECIMALS))


class DrawingSession(QObject):
    """Holds `atlas`, `drawing`, `masks`, `undo_stack`, `view_id`, `path`; `modified` tells unsaved changes."""

    painted = Signal(object)  # DirtyRect, while strokes are painted and on undo/redo
    marks_changed = Signal()  # after each finished stroke/fill/erase/undo/redo/clear/load
    view_changed = Signal(str)
    file_changed = Signal(object)  # Path | None
    masks_replaced = Signal()  # `masks` is a new object (new drawing, open, recover)
    modified_changed = Signal(bool)

    def __init__(self, atlas, px_per_mm: float = DEFAULT_PX_PER_MM, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.px_per_mm = px_per_mm
        self.drawing = Drawing()
        self.masks = PainMasks(atlas, px_per_mm)
        self.undo_stack = QUndoStack(self)
        self.view_id = "posterior" if "posterior" in atlas.views else next(iter(atlas.views))
        self.path: Path | None = None
        self._dirty_without_undo = False  # a recovered drawing is unsaved although the stack is clean
        self._live: _LiveStroke | None = None
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # -- state -------------------------------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._dirty_without_undo or not self.undo_stack.isClean()

    def view(self):
        """The current atlas View."""
        return self.atlas.view(self.view_id)

    def set_view(self, view_id: str) -> None:
        """Show another view (each view keeps its own drawing)."""
        self.atlas.view(view_id)  # UnknownIdError for a bad id
        if view_id == self.view_id:
            return
        self.end_stroke()
        self.view_id = view_id
        self.view_changed.emit(view_id)

    def show_view(self, view_id: str) -> None:
        """Switch to `view_id` unless it is shown (undo and redo show the view they change)."""
        if view_id != self.view_id and view_id in self.atlas.views:
            self.set_view(view_id)

    def emit_painted(self, rect) -> None:
        """Tell the views that pixels inside `rect` changed (used by the undo commands too)."""
        if rect is not None:
            self.painted.emit(rect)

    def _on_index_changed(self, _index: int) -> None:
        self.marks_changed.emit()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self._dirty_without_undo or not clean)

    # -- strokes -----------------------------------------------------------------------------------------------
    @property
    def stroking(self) -> bool:
        return self._live is not None

    def begin_stroke(self, point, radius: float, intensity: int = 5, quality: str = "aching", erase: bool = False):
        """Start a brush (or eraser) stroke at `point` (mm, current view) and paint its first disc."""
        self.end_stroke()
        view = self.view_id
        live = _LiveStroke(
            kind="erase" if erase else "stroke",
            view=view,
            radius=float(radius),
            intensity=int(intensity),
            quality=quality,
            points=[_point(point)],
            before=self.masks.take_patch(undo.full_rect(self.masks, view)),
        )
        self._live = live
        self._paint_segment(live, live.points[0], live.points[0])

    def extend_stroke(self, point) -> None:
        """Continue the stroke to `point`: the segment from the last point is painted at once."""
        live = self._live
        if live is None:
            return
        p = _point(point)
        last = live.points[-1]
        if (p[0] - last[0]) ** 2 + (p[1] - last[1]) ** 2 < MIN_STEP_MM**2:
            return
        live.points.append(p)
        self._paint_segment(live, last, p)

    def _paint_segment(self, live: _LiveStroke, p0, p1) -> None:
        if live.kind == "erase":
            rect = self.masks.erase_segment(live.view, p0, p1, live.radius)
        else:
            rect = self.masks.segment(live.view, p0, p1, live.radius, live.intensity)
        live.bounds = undo.union(live.bounds, rect)
        self.emit_painted(rect)

    def end_stroke(self) -> None:
        """Finish the stroke in progress: it becomes one mark and one undo step."""
        live, self._live = self._live, None
        if live is None:
            return
        points = tuple(live.points)
        if live.kind == "erase":
            mark = Erase(view=live.view, radius=live.radius, points=points)
        else:
            mark = Stroke(
                view=live.view, radius=live.radius, intensity=live.intensity, quality=live.quality, points=points
            )
        self._push(mark, live.before, live.bounds)

    def fill(self, region_id: str, intensity: int = 5, quality: str = "aching") -> None:
        """Fill one atlas region of the current view (one undo step)."""
        self.end_stroke()
        view = self.view_id
        self.view().region(region_id)  # UnknownIdError for a bad id
        before = self.masks.take_patch(undo.full_rect(self.masks, view))
        rect = self.masks.fill(view, region_id, int(intensity))
        self.emit_painted(rect)
        self._push(Fill(view=view, region=region_id, intensity=int(intensity), quality=quality), before, rect)

    def _push(self, mark, whole_view_before, bounds) -> None:
        self.drawing.marks.append(mark)
        before = undo.crop(whole_view_before, bounds)
        self.undo_stack.push(MarkCommand(self, mark, before))

    def clear_view(self) -> None:
        """Remove every mark of the current view (one undo step)."""
        self.end_stroke()
        view = self.view_id
        if not any(m.view == view for m in self.drawing.marks):
            return
        before = self.masks.take_patch(undo.full_rect(self.masks, view))
        blank = undo.blank(before)
        self.undo_stack.push(ClearCommand(self, view, before, blank))

    # -- documents ---------------------------------------------------------------------------------------------
    def _replace(self, drawing: Drawing, path: Path | None, dirty: bool) -> None:
        masks = PainMasks.from_drawing(drawing, self.atlas, self.px_per_mm)  # may raise: nothing changed yet
        self._live = None
        self.drawing = drawing
        self.masks = masks
        self.path = path
        self._dirty_without_undo = dirty
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.masks_replaced.emit()
        self.file_changed.emit(path)
        self.marks_changed.emit()
        self.modified_changed.emit(self.modified)

    def new_drawing(self, path: Path | str | None = None) -> None:
        """Start an empty drawing (saved to `path` on the first save, if given)."""
        self._replace(Drawing(), Path(path) if path else None, dirty=False)

    def load(self, path: Path | str) -> None:
        """Open a drawing file; on DrawingError nothing changes."""
        path = Path(path)
        drawing = load_drawing(path, atlas=self.atlas)
        self._replace(drawing, path, dirty=False)

    def recover(self, drawing: Drawing, path: Path | str | None) -> None:
        """Adopt a recovered drawing: shown as unsaved, saved to `path` (if any) on the next save."""
        self._replace(drawing, Path(path) if path else None, dirty=True)

    def save(self, path: Path | str | None = None) -> Path:
        """Save atomically to `path` (or the current path) and mark the drawing saved."""
        self.end_stroke()
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name to save to")
        save_drawing(self.drawing, target)
        changed = target != self.path
        self.path = target
        self._dirty_without_undo = False
        self.undo_stack.setClean()
        if changed:
            self.file_changed.emit(target)
        self.modified_changed.emit(self.modified)
        return target
