"""The one owner of the live engine: the pattern library and the comparator, loaded once, re-run after changes.

Every number the app shows comes from `painmap.compare.Comparator(...).compare(session.masks)`, the engine of
`painmap compare`. `LiveComparison` loads the library and the comparator (once, on `load()`; anything that
needs them earlier calls `load()` itself), compares after every finished stroke, fill, erase, undo, redo, clear
or load (`session.marks_changed`) and emits `updated(comparison)`. It also collects where the drawing changed
since the last comparison (`take_painted()`, mm of the current view), so the difference overlay repaints only
there. Panels, the report export and the frequency maps subscribe to it; nobody else loads the engine.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QRectF, Signal

from painmap.app.i18n import tr


class _NoLibrary:
    """Stands in for the PatternLibrary until load() (importing the loader would slow start-up)."""

    patterns: dict = {}  # noqa: RUF012 - never changed
    problems: tuple = ()


NO_LIBRARY = _NoLibrary()


class LiveComparison(QObject):
    """`library`, `comparator` (None if the library did not load), `problem` (why, or which patterns failed),
    `comparison` (the latest result or None); signals `loaded()` once and `updated(comparison)` after each run."""

    loaded = Signal()
    updated = Signal(object)  # the engine's Comparison, or None without a comparator

    def __init__(self, session, parent: QObject | None = None, wait_for_load: bool = False) -> None:
        """`wait_for_load`: changes before `load()` do not load the engine (start-up loads it once, last)."""
        super().__init__(parent)
        self.session = session
        self.library = NO_LIBRARY
        self.comparator = None
        self.problem = ""
        self.comparison = None
        self.ready = False
        self._preloaded = False
        self.last_ms = 0.0
        self._painted: QRectF | None = None
        self._wait_for_load = wait_for_load
        self.library_folders: tuple[str, ...] = ()  # added library folders (painmap.app.library_folders)
        self._engines: dict[int, tuple] = {}  # id(atlas) -> (atlas, library, comparator, problem): each chart once
        session.marks_changed.connect(self._on_marks_changed)
        session.painted.connect(self._on_painted)
        session.atlas_changed.connect(self._on_atlas_changed)

    def load(self) -> None:
        """Load the pattern library and the comparator (once), then compare."""
        if self.ready:
            return
        self.ready = True
        if not self._preloaded:
            self.library, self.comparator, self.problem = load_engine(self.session, self.library_folders)
        elif self.library_folders and self.comparator is not None:  # start-up's cached engine, plus the folders
            self.library, self.comparator, self.problem = extended_engine(self.comparator, self.library_folders)
        self.loaded.emit()
        self.refresh()

    def use(self, comparator) -> None:
        """Take a comparator already loaded for the session's atlas (start-up's engine cache); compare on
        `load()`."""
        if self.ready or comparator.atlas is not self.session.atlas:
            return
        self.library, self.comparator = comparator.library, comparator
        self.problem = problem_text(comparator.library)
        self._preloaded = True

    def set_library_folders(self, folders) -> None:
        """Use the stored patterns plus those of `folders`; a loaded engine reloads the library and compares."""
        folders = tuple(folders)
        if folders == self.library_folders:
            return
        self.library_folders = folders
        self._engines.clear()  # engines of other charts were loaded without these folders
        if not self.ready:
            return  # load() takes them
        self.library, self.comparator, self.problem = load_engine(self.session, folders)
        self.loaded.emit()
        self.refresh()

    def _on_atlas_changed(self) -> None:
        """The session is on another chart (the other body's): the engine of that chart, loaded once per chart;
        `loaded` is emitted again so the panels follow. The comparison after it comes with `marks_changed`."""
        if self.comparator is not None:
            old = self.comparator.atlas
            self._engines[id(old)] = (old, self.library, self.comparator, self.problem)
        self.comparison = None
        self._painted = None
        if not self.ready:
            self._preloaded = False  # load() loads the new chart's engine
            return
        hit = self._engines.get(id(self.session.atlas))
        if hit is not None and hit[0] is self.session.atlas:
            self.library, self.comparator, self.problem = hit[1:]
        else:
            self.library, self.comparator, self.problem = load_engine(self.session, self.library_folders)
        self.loaded.emit()

    def _on_marks_changed(self) -> None:
        if self.ready or not self._wait_for_load:
            self.refresh()

    def refresh(self) -> None:
        """Compare the session's masks now (loading the engine first if needed) and emit `updated`."""
        if not self.ready:
            self.load()  # loads, then comes back here once
            return
        t0 = time.perf_counter()
        if self.comparator is not None:
            self.comparison = self.comparator.compare(self.session.masks)
        self.updated.emit(self.comparison)
        self.last_ms = 1000 * (time.perf_counter() - t0)

    def result(self, pattern_id: str | None):
        """The latest result for one pattern, or None."""
        if self.comparison is None or pattern_id is None:
            return None
        for r in self.comparison.results:
            if (r.get("pattern") if isinstance(r, dict) else getattr(r, "pattern", None)) == pattern_id:
                return r
        return None

    def take_painted(self) -> QRectF | None:
        """Where the drawing of the current view changed since the last call (mm), and forget it."""
        painted, self._painted = self._painted, None
        return painted

    def _on_painted(self, rect) -> None:
        if rect.empty or rect.view != self.session.view_id:
            return
        x0, y0, x1, y1 = rect.to_mm()
        box = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._painted = box if self._painted is None else self._painted.united(box)


def load_engine(session, folders=()):
    """(library, comparator, problem text): the pattern library (plus the patterns of library `folders`) and the
    comparison engine, or why not."""
    from painmap.errors import PainmapError
    from painmap.patterns import PatternLibrary, load_patterns

    try:
        library = load_patterns(session.atlas)
    except PainmapError as err:
        return PatternLibrary({}), None, str(err)
    if folders:
        from painmap.library import extend_library

        library = extend_library(library, session.atlas, folders)
    from painmap.compare import Comparator

    return library, Comparator(session.atlas, library, session.masks.px_per_mm), problem_text(library)


def extended_engine(comparator, folders):
    """(library, comparator, problem text) of a loaded comparator's library plus library `folders`."""
    from painmap.compare import Comparator
    from painmap.library import extend_library

    library = extend_library(comparator.library, comparator.atlas, folders)
    return library, Comparator(comparator.atlas, library, comparator.px_per_mm), problem_text(library)


def problem_text(library) -> str:
    """One line naming the patterns that did not load, or ""."""
    if not library.problems:
        return ""
    names = ", ".join(p.pattern for p in library.problems)
    return tr("Not loaded ({count}): {names}.").format(count=len(library.problems), names=names)
