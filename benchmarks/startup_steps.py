"""Where a start-up's time goes: a timestamp at each start-up step, the first paints and the engine worker.

    python benchmarks/startup_steps.py ready FILE      # one start as `painmap FILE`, until FILE is ranked
    STEPS_WRAP="painmap.comparator:Comparator.compare,painmap.app.files:FileController.open_path" python ...

Prints one line per moment (ms since the probe started, and since the line before). Like startup_probe.py it
patches the app from outside when its modules are imported; run it byte-compiled (PYTHONDONTWRITEBYTECODE unset,
after `python -m compileall painmap`), with a warm engine cache (run it twice), or it measures the compiler.
"""

from __future__ import annotations

import os
import sys
import time

T0 = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import startup_probe as probe  # noqa: E402

_log: list[tuple[float, str]] = []


def mark(what: str) -> None:
    _log.append(((time.perf_counter() - T0) * 1000, what))


def _print_and_exit(code: int, _exit=os._exit) -> None:
    mark("exit")
    prev = 0.0
    for t, what in _log:
        sys.stdout.write(f"{t:7.1f} (+{t - prev:5.1f}) {what}\n")
        prev = t
    sys.stdout.flush()
    _exit(code)


def _timed(owner, name: str, label: str) -> None:
    fn = getattr(owner, name)

    def wrapped(*args, **kwargs):
        mark("start " + label)
        try:
            return fn(*args, **kwargs)
        finally:
            mark("end   " + label)

    setattr(owner, name, wrapped)


def _patch_startup(module) -> None:
    run = module.StartUp._run

    def _run(self, step):
        name = getattr(step, "__name__", repr(step))
        mark("start " + name)
        try:
            return run(self, step)
        finally:
            mark("end   " + name)

    module.StartUp._run = _run
    _timed(module, "load_engine_data", "worker: load_engine_data")
    probe._ranked(module)


def _patch_canvas(module) -> None:
    _timed(module.BodyCanvas, "paintEvent", "canvas paintEvent")


def _wrap(spec: str) -> None:
    """ "module:Class.method" or "module:function", timed when the module is imported."""
    module_name, _, attr = spec.partition(":")

    def patch(module) -> None:
        owner, name = module, attr
        if "." in attr:
            cls, name = attr.split(".", 1)
            owner = getattr(module, cls)
        _timed(owner, name, attr)

    probe._on_import(module_name, patch)


def main() -> int:
    stage, args = sys.argv[1], sys.argv[2:]
    if stage != "ready":
        raise SystemExit("usage: startup_steps.py ready FILE")
    os._exit = _print_and_exit
    probe._on_import("painmap.app.startup", _patch_startup)
    probe._on_import("painmap.app.canvas", _patch_canvas)
    probe._on_import("painmap.app.crash_dialog", lambda m: mark("QtWidgets and the crash dialog imported"))
    probe._on_import("painmap.app.main_window", lambda m: mark("main_window imported"))
    probe._on_import("numpy", lambda m: mark("numpy imported"))
    for spec in filter(None, os.environ.get("STEPS_WRAP", "").split(",")):
        _wrap(spec)
    from painmap.cli import main as painmap_main

    mark("painmap.cli imported")
    return painmap_main(args)


if __name__ == "__main__":
    sys.exit(main())
