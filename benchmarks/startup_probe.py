"""Ends a start-up at the moment a benchmark measures, through hooks patched in from outside the product.

    python benchmarks/startup_probe.py bare          # a bare QMainWindow with a QLabel: exit at its first paint
    python benchmarks/startup_probe.py window [FILE] # `painmap [FILE]`: exit at the main window's first paint
    python benchmarks/startup_probe.py ready FILE    # `painmap FILE`: exit when FILE is ranked
    python benchmarks/startup_probe.py done FILE     # `painmap FILE`: exit when start-up is done (late steps too)

The app runs exactly as `painmap` runs it (painmap.cli.main); the probe only wraps `BodyCanvas.paintEvent`,
`StartUp._load_engine` (the step that ranks FILE) or `StartUp.__init__` (its `done`) to end the process right
after the measured moment (`os._exit`, after the paint has been flushed), so the whole-process time from outside
is the time to that moment. Under X11 a paint comes after the window is mapped and exposed.
The probe imports nothing of painmap itself: it wraps the class when the app imports its module (`_on_import`),
so every module is imported where and how the app imports it (an import made by the probe, before the app's,
would pay PySide's source scan that the app's start-up skips, painmap.app.plain_import).
"""

from __future__ import annotations

import os
import sys


def _exit_soon() -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: os._exit(0))  # after the paint event has finished and been flushed


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class Label(QLabel):
        painted = False

        def paintEvent(self, event) -> None:
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                _exit_soon()

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(Label("painmap"))
    window.resize(1280, 900)
    window.show()
    return app.exec()


def _on_import(name: str, patch) -> None:
    """Runs `patch(module)` right after the module `name` is first executed, wherever it is imported from.
    A plain finder and loader (no importlib.abc, which imports importlib.resources: a cost the app would pay only
    under the probe); the spec comes from the finders after it, as it would without the probe."""

    class OnImport:
        loader = None

        def find_spec(self, fullname, path, target=None):
            if fullname != name or self.loader is not None:
                return None
            sys.meta_path.remove(self)
            spec = next(s for f in sys.meta_path if (s := f.find_spec(fullname, path, target)) is not None)
            self.loader, spec.loader = spec.loader, self
            return spec

        def create_module(self, spec):
            return self.loader.create_module(spec)

        def exec_module(self, module) -> None:
            self.loader.exec_module(module)
            patch(module)

    sys.meta_path.insert(0, OnImport())


def _first_paint(canvas) -> None:
    paint = canvas.BodyCanvas.paintEvent

    def first_paint(self, event) -> None:
        paint(self, event)
        _exit_soon()

    canvas.BodyCanvas.paintEvent = first_paint


def _ranked(startup) -> None:
    rank = startup.StartUp._load_engine

    def ranked(self) -> None:  # the step that ranks FILE (the ranked list is filled by its signal)
        rank(self)
        if self.window.live.comparison is not None:
            _exit_soon()

    startup.StartUp._load_engine = ranked


def _done(startup) -> None:  # every start-up step has run, the late ones (after the first ranking) too
    start = startup.StartUp.__init__

    def hooked(self, *a, **k) -> None:
        start(self, *a, **k)
        self.done.connect(lambda: _exit_soon() if self.window.live.comparison is not None else None)

    startup.StartUp.__init__ = hooked


def app(stage: str, args: list[str]) -> int:
    if stage == "window":
        _on_import("painmap.app.canvas", _first_paint)
    else:
        _on_import("painmap.app.startup", _ranked if stage == "ready" else _done)
    from painmap.cli import main

    return main(args)


if __name__ == "__main__":
    stage = sys.argv[1] if len(sys.argv) > 1 else "window"
    sys.exit(bare() if stage == "bare" else app(stage, sys.argv[2:]))
