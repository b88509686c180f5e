"""The working drawing of one window: a thin QObject over a `DrawingDocument` that turns its results into signals.

The document (painmap.document) owns the Drawing, its PainMasks and the undo history; the session adds what
the widgets need: the current view, the file path, the `QUndoStack` whose commands wrap document steps (so the
Edit menu and shortcuts stay Qt's), and signals. `painted` carries every DirtyRect while strokes are painted and
on undo/redo. Nothing here draws.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from painmap.app.commands import StepCommand
from painmap.document import MIN_STEP_MM, POINT_DECIMALS, Change, DrawingDocument
from painmap.drawing import Drawing, load_drawing
from painmap.raster import DEFAULT_PX_PER_MM

__all__ = ["MIN_STEP_MM", "POINT_DECIMALS", "DrawingSession"]


class DrawingSession(QObject):
    """Holds `atlas`, `document` (with `drawing`, `masks`), `undo_stack`, `view_id`, `path`; `modified`."""

    painted = Signal(object)  # DirtyRect, while strokes are painted and on undo/redo
    marks_changed = Signal()  # after each finished stroke/fill/erase/undo/redo/clear/load
    view_changed = Signal(str)
    file_changed = Signal(object)  # Path | None
    masks_replaced = Signal()  # `masks` is a new object (new drawing, open, recover)
    modified_changed = Signal(bool)
    meta_changed = Signal()  # the drawing's meta (e.g. its note) was edited
    atlas_changed = Signal()  # `atlas` is another chart (a drawing of the other body), before masks_replaced

    def __init__(self, atlas, px_per_mm: float = DEFAULT_PX_PER_MM, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.px_per_mm = px_per_mm
        self.document = DrawingDocument(atlas, px_per_mm, _empty_drawing(atlas))
        self.undo_stack = QUndoStack(self)
        self.view_id = "posterior" if "posterior" in atlas.views else next(iter(atlas.views))
        self.path: Path | None = None
        self._dirty_without_undo = False  # a recovered drawing is unsaved although the stack is clean
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # -- state -------------------------------------------------------------------------------------------------
    @property
    def drawing(self) -> Drawing:
        return self.document.drawing

    @property
    def masks(self):
        return self.document.masks

    @property
    def modified(self) -> bool:
        return self._dirty_without_undo or not self.undo_stack.isClean()

    @property
    def stroking(self) -> bool:
        return self.document.stroking

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
            self.view_id = view_id
            self.view_changed.emit(view_id)

    def emit_painted(self, rect) -> None:
        """Tell the views that pixels inside `rect` changed."""
        if rect is not None and not rect.empty:
            self.painted.emit(rect)

    def apply_change(self, change: Change | None) -> None:
        """Turn a document Change into signals: show its view (undo/redo), then repaint its rectangles."""
        if change is None:
            return
        if change.step is not None:
            self.show_view(change.view)  # the user sees what the undo changed
        for rect in change.rects:
            self.emit_painted(rect)

    def _push(self, change: Change | None) -> None:
        self.apply_change(change)
        if change is not None and change.step is not None:
            self.undo_stack.push(StepCommand(self, change.step))

    def _on_index_changed(self, _index: int) -> None:
        self.marks_changed.emit()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self._dirty_without_undo or not clean)

    # -- edits -------------------------------------------------------------------------------------------------
    def begin_stroke(self, point, radius: float, intensity: int = 5, quality: str = "aching", erase: bool = False):
        """Start a brush (or eraser) stroke at `point` (mm, current view) and paint its first disc.

        A point the file format could not hold (not finite, far outside the view) starts nothing.
        """
        self.end_stroke()
        if not self.document.accepts_point(self.view_id, point):
            return
        self.apply_change(self.document.begin_stroke(self.view_id, point, radius, intensity, quality, erase))

    def begin_lasso(self, point, intensity: int = 5, quality: str = "aching") -> None:
        """Start a lasso outline at `point` (mm, current view); it is filled when `end_stroke` closes it."""
        self.end_stroke()
        if not self.document.accepts_point(self.view_id, point):
            return
        self.apply_change(self.document.begin_lasso(self.view_id, point, intensity, quality))

    def live_outline(self) -> tuple[tuple[float, float], ...]:
        """The points of the lasso being drawn on the current view (empty when none)."""
        live = self.document.live_outline
        return live[1] if live is not None and live[0] == self.view_id else ()

    def extend_stroke(self, point) -> None:
        """Continue the stroke to `point`: the segment from the last point is painted at once."""
        if self.document.stroking:
            self.apply_change(self.document.extend_stroke(point))

    def end_stroke(self) -> None:
        """Finish the stroke (or lasso) in progress: it becomes one mark and one undo step."""
        if self.document.stroking:
            self._push(self.document.end_stroke())

    def fill(self, region_id: str, intensity: int = 5, quality: str = "aching") -> None:
        """Fill one atlas region of the current view (one undo step)."""
        self.end_stroke()
        self._push(self.document.fill(self.view_id, region_id, intensity, quality))

    def clear_view(self) -> None:
        """Remove every mark of the current view (one undo step)."""
        self.end_stroke()
        self._push(self.document.clear_view(self.view_id))

    def set_note(self, text: str) -> None:
        """The drawing's note (`meta.note`; removed when blank); marks the drawing modified, not an undo step."""
        text = text.strip()
        if text == self.drawing.meta.get("note", ""):
            return
        meta = dict(self.drawing.meta)
        if text:
            meta["note"] = text
        else:
            meta.pop("note", None)
        self.drawing.meta = meta
        self._dirty_without_undo = True
        self.meta_changed.emit()
        self.modified_changed.emit(True)

    # -- documents ---------------------------------------------------------------------------------------------
    def _replace(self, drawing: Drawing, path: Path | None, dirty: bool, atlas=None) -> None:
        """`atlas`: another chart (the other body's) that the drawing is on; it replaces the session's."""
        atlas = self.atlas if atlas is None else atlas
        document = DrawingDocument(atlas, self.px_per_mm, drawing)  # may raise: nothing changed yet
        self.document = document
        if atlas is not self.atlas:
            self.atlas = atlas
            if self.view_id not in atlas.views:
                self.view_id = "posterior" if "posterior" in atlas.views else next(iter(atlas.views))
            self.atlas_changed.emit()  # before masks_replaced: the canvas, engine and panels follow the chart
        self.path = path
        self._dirty_without_undo = dirty
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.masks_replaced.emit()
        self.file_changed.emit(path)
        self.marks_changed.emit()
        self.modified_changed.emit(self.modified)

    def new_drawing(self, path: Path | str | None = None, atlas=None) -> None:
        """Start an empty drawing (saved to `path` on the first save, if given), on `atlas` if given (a body's
        current chart) or on the chart shown."""
        atlas = self.atlas if atlas is None else atlas
        self._replace(_empty_drawing(atlas), Path(path) if path else None, dirty=False, atlas=atlas)

    def load(self, path: Path | str, atlas=None) -> None:
        """Open a drawing file (on `atlas`, the chart of its body, when given); on DrawingError nothing changes."""
        path = Path(path)
        atlas = self.atlas if atlas is None else atlas
        drawing = load_drawing(path, atlas=atlas)
        self._replace(drawing, path, dirty=False, atlas=atlas)

    def recover(self, drawing: Drawing, path: Path | str | None, atlas=None) -> None:
        """Adopt a recovered drawing: shown as unsaved, saved to `path` (if any) on the next save."""
        self._replace(drawing, Path(path) if path else None, dirty=True, atlas=atlas)

    def save(self, path: Path | str | None = None) -> Path:
        """Save atomically to `path` (or the current path) and mark the drawing saved."""
        self.end_stroke()
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name to save to")
        self.document.save(target)
        self.drawing.migrated_from = None  # the file is on the current chart now
        changed = target != self.path
        self.path = target
        self._dirty_without_undo = False
        self.undo_stack.setClean()
        if changed:
            self.file_changed.emit(target)
        self.modified_changed.emit(self.modified)
        return target


def _empty_drawing(atlas) -> Drawing:
    """An empty drawing on `atlas`'s body and chart."""
    return Drawing(body=getattr(atlas, "body", "male"), chart=getattr(atlas, "chart", 1))
