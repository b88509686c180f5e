"""What start-up does after the main window's first paint, in short steps on the event loop (decision D12).

The window paints with Qt only; then, one step per event-loop turn so that input is handled in between:
complete the window (files, menus, panels, modes), load the atlas (numpy, the SVG data), in one step attach
the session, recover an autosave or open the file from the command line (questions are asked over the shown
window) and put the marks drawn meanwhile into the session, load the live comparison (pattern library and
comparator), which ranks the drawing, then check the body art of every view (the shown one was drawn at the
first paint; a broken SVG of another view ends start-up with one line), render the first paint's art again with
its margin for the first pan, and run the window's late steps (what the first ranking does not need).
`finish()` runs the remaining steps at once, for an action that needs the engine earlier. A missing or broken
resource ends start-up with `failed(message)`.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from painmap.app import gc_hold
from painmap.app.plain_import import plain_import
from painmap.errors import PainmapError


class StartUp(QObject):
    """The start-up steps of one window; they begin at its canvas's first paint."""

    failed = Signal(str)  # one line: why the app cannot start
    done = Signal()

    def __init__(self, window, file: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.path = Path(file) if file else None
        self.atlas = self.comparator = None
        # the worker starts after the window is complete: started first it slowed those GUI steps (interpreter
        # hand-overs) to 36-108 ms pauses for no gain in the time to the ranking (measured)
        steps = (*window.completion_steps(), self._load_in_background, self._await_engine, self._take_over)
        # the art of the views not shown is checked after the first ranking, which does not need it (~15 ms)
        self._steps = deque([*steps, self._load_engine, self._check_art, self._widen_art, *window.late_steps()])
        self._worker = None  # the TaskThread loading the engine
        self._waiting = False  # the steps wait for the worker
        self._timer = QTimer(self)  # a child: never fires into a closed window
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)
        window.startup = self
        window.start_path = self.path
        window.update_title()  # the file's name from the first paint on
        window.canvas.first_painted.connect(self._timer.start)

    def finish(self) -> None:
        """Run every remaining step now."""
        self._timer.stop()
        self._waiting = False
        while self._steps:
            step = self._steps.popleft()
            if step == self._await_engine and self._worker is not None:
                self._worker.wait()
                if not self._take_worker():
                    return
            if not self._run(step):
                return

    def stop(self) -> None:
        """Give up the remaining steps (the window closes): wait for the worker, run nothing more."""
        self._timer.stop()
        self._steps.clear()
        if self._worker is not None:
            self._worker.wait()
            self._worker = None
        self.window.startup = None
        gc_hold.release()

    def _next(self) -> None:
        if not self._steps:
            return
        if self._steps[0] == self._await_engine and self._worker is not None:
            self._waiting = True  # `_on_worker_done` goes on
            return
        if self._run(self._steps.popleft()) and self._steps:
            self._timer.start()

    def _run(self, step) -> bool:
        try:
            with plain_import():  # the modules a step loads, without PySide's source scan
                step()
        except PainmapError as err:
            self._steps.clear()
            gc_hold.release()
            self.failed.emit(str(err))
            return False
        if not self._steps:
            self.window.startup = None
            self.done.emit()
        return True

    # -- the steps -----------------------------------------------------------------------------------------
    def _load_in_background(self) -> None:
        """Start loading the engine in a worker thread; the steps after `_await_engine` wait for it.

        numpy's import alone is ~120 ms of CPU that no step can split; in a thread the GUI thread gets the
        interpreter at every switch interval (5 ms) and keeps handling input and paints meanwhile.
        """
        from painmap.app.background import TaskThread

        body = self.window.preferences.body
        self._worker = TaskThread(lambda _task: load_engine_data(body), self)
        self._worker.finished.connect(self._on_worker_done)
        self._worker.start()

    def _await_engine(self) -> None:
        """A step that starts only once the worker has finished (see `_next`)."""

    def _on_worker_done(self) -> None:
        if self._worker is None:  # finish() took it already
            return
        if self._take_worker() and self._waiting:
            self._waiting = False
            self._timer.start()

    def _take_worker(self) -> bool:
        worker, self._worker = self._worker, None
        if isinstance(worker.error, PainmapError):
            self._steps.clear()
            gc_hold.release()
            self.failed.emit(str(worker.error))
            return False
        if worker.error is not None:
            raise worker.error
        self.atlas, self.comparator = worker.value
        return True

    def _widen_art(self) -> None:
        """The first paint's art again with its margin, for the first pan (not needed by the ranking: ~15 ms)."""
        self.window.canvas.widen_art()

    def _check_art(self) -> None:
        self.window.canvas.art.check()

    def _take_over(self) -> None:
        """The session takes over from the canvas's early marks, in one step: no input may come between the
        session's arrival and the replay of what was drawn before it, or a stroke drawn then would go into the
        session before the older ones (out of order) and Undo would be disabled for a moment while marks were
        there to undo (both seen in end-to-end runs under load)."""
        self._attach()
        self._open()
        self._replay()

    def _attach(self) -> None:
        self.window.attach(self.atlas, load_engine=False)
        if self.comparator is not None:
            self.window.live.use(self.comparator)

    def _open(self) -> None:
        files, path = self.window.files, self.path
        recovered = files.offer_recovery(path_hint=path)
        if path is not None and not recovered:
            if path.exists():
                files.open_path(path, confirmed=True)
            else:
                self.window.session.new_drawing(path)  # created on the first save
        self.window.start_path = None

    def _replay(self) -> None:
        self.window.canvas.replay_pending()

    def _load_engine(self) -> None:
        self.window.live.load()  # ranks the drawing
        gc_hold.release()  # what start-up made is frozen, the collector runs again


def load_engine_data(body: str = "male"):
    """(atlas, comparator or None): the comparator, its atlas, rasterized atlas and pattern library from the
    engine cache (`painmap.compare.cached_comparator`: one file after the first start); the atlas alone if the
    library does not load (the panels then say why). Runs in a worker thread: it touches no widget. numpy and
    the core (~145 modules, the cache's classes included) load without PySide's source scan.

    `body`: the window's body (the preferred one); another body than the default has its own cache file."""
    with plain_import():
        from painmap.compare import cached_comparator
        from painmap.raster import DEFAULT_PX_PER_MM

        try:
            comparator = cached_comparator(DEFAULT_PX_PER_MM, None if body == "male" else body)
            return comparator.atlas, comparator
        except PainmapError:
            from painmap.atlas import load_atlas

            return load_atlas(body=body), None  # an AtlasError here stops start-up
