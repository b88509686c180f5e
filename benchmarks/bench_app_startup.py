"""Start-up: whole-process time from `python` to the first painted window, against a bare PySide6 window.

The baseline is a script that opens one QWidget painting the posterior body art with QSvgRenderer and ends
right after its first paint. The app runs as `python -m painmap`; PAINMAP_BENCHMARK_STARTUP=preview ends it
right after the first painted window (the start-up preview: the body art on the pelvis, before numpy, the
atlas and the panels load), =window after the main window's first paint (everything loaded, ready to draw).
All run offscreen, interleaved, in the same run. Target: first painted window <= 1.3x bare; the time to the
ready main window is reported next to it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import textwrap
import time

import pytest

ROUNDS = int(os.environ.get("PAINMAP_BENCH_ROUNDS", "9"))
TARGET_RATIO = 1.3

BARE = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QRectF, QTimer
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv)
    renderer = QSvgRenderer(sys.argv[1])

    class Bare(QWidget):
        painted = False

        def paintEvent(self, event):
            painter = QPainter(self)
            renderer.render(painter, QRectF(0, 0, self.width(), self.height()))
            painter.end()
            if not self.painted:
                self.painted = True
                QTimer.singleShot(0, lambda: os._exit(0))

    w = Bare()
    w.resize(1280, 900)
    w.show()
    sys.exit(app.exec())
    """
)


def _env(stage: str = "preview") -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PAINMAP_BENCHMARK_STARTUP=stage, PAINMAP_RECOVER="no")


def _timed(cmd: list[str], stage: str = "preview") -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=_env(stage), check=True, capture_output=True, timeout=60)
    return time.perf_counter() - start


def _bare_cmd() -> list[str]:
    from painmap.resources import resource_path

    return [sys.executable, "-c", BARE, str(resource_path("atlas", "posterior.svg"))]


def _app_cmd() -> list[str]:
    return [sys.executable, "-m", "painmap"]


def test_startup_bare_pyside_window_with_svg(benchmark):
    """The same-run baseline."""
    benchmark.pedantic(_timed, args=(_bare_cmd(),), rounds=ROUNDS, warmup_rounds=1)


def test_startup_app_to_first_paint(benchmark):
    """The app, interleaved with the baseline so both see the same machine state."""
    bare, app, ready = [], [], []
    _timed(_bare_cmd())
    _timed(_app_cmd(), "window")  # warm the file cache
    for _ in range(ROUNDS):
        bare.append(_timed(_bare_cmd()))
        app.append(_timed(_app_cmd(), "preview"))
        ready.append(_timed(_app_cmd(), "window"))
    ratio = statistics.median(app) / statistics.median(bare)
    benchmark.extra_info.update(
        bare_median_ms=round(1000 * statistics.median(bare), 1),
        app_first_paint_median_ms=round(1000 * statistics.median(app), 1),
        app_ready_median_ms=round(1000 * statistics.median(ready), 1),
        ratio=round(ratio, 3),
        ready_ratio=round(statistics.median(ready) / statistics.median(bare), 3),
    )
    benchmark.pedantic(_timed, args=(_app_cmd(),), rounds=3, warmup_rounds=0)
    print(f"\nstart-up: {benchmark.extra_info} (target ratio <= {TARGET_RATIO})")
    if ratio > TARGET_RATIO:
        pytest.fail(f"start-up is {ratio:.2f}x a bare window (target <= {TARGET_RATIO})")
