"""What start-up does after the main window's first paint, in short steps on the event loop (decision D12).

The window paints with Qt only; then, one step per event-loop turn so that input is handled in between:
complete the window (files, menus, panels, modes), load the atlas (numpy, the SVG data), check the body art,
attach the session, recover an autosave or open the file from the command line (questions are asked over
the shown window), put the marks drawn meanwhile into the session, and load the live comparison (pattern
library and comparator), which ranks the drawing. `finish()` runs the remaining steps at once, for an action
that needs the engine earlier. A missing or broken resource ends start-up with `failed(message)`.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

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
        steps = (window.complete, self._load_atlas, self._check_art, self._attach, self._open, self._replay)
        self._steps = deque([*steps, self._load_engine])
        self._timer = QTimer(self)  # a child: never fires into a closed window
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)
        window.startup = self
        window.start_path = self.path
        window.update_title()  # the file's name from the first paint on
        window.canvas.first_painted.connect(self._timer.start)

    @property
    def running(self) -> bool:
        return bool(self._steps)

    def finish(self) -> None:
        """Run every remaining step now."""
        self._timer.stop()
        while self._steps:
            if not self._run(self._steps.popleft()):
                return

    def _next(self) -> None:
        if self._steps and self._run(self._steps.popleft()) and self._steps:
            self._timer.start()

    def _run(self, step) -> bool:
        try:
            step()
        except PainmapError as err:
            self._steps.clear()
            self.failed.emit(str(err))
            return False
        if not self._steps:
            self.window.startup = None
            self.done.emit()
        return True

    # -- the steps -----------------------------------------------------------------------------------------
    def _load_atlas(self) -> None:
        """The atlas, with the comparator, its pattern library and the rasterized atlas from the engine cache
        (`painmap.compare.cached_comparator`: one file after the first start); the atlas alone if the library
        does not load (the panels then say why)."""
        from painmap.compare import cached_comparator
        from painmap.raster import DEFAULT_PX_PER_MM

        try:
            self.comparator = cached_comparator(DEFAULT_PX_PER_MM)
            self.atlas = self.comparator.atlas
        except PainmapError:
            from painmap.atlas import load_atlas

            self.comparator = None
            self.atlas = load_atlas()  # an AtlasError here stops start-up

    def _check_art(self) -> None:
        self.window.canvas.art.check()

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
        self.window.live.load()
