"""Start-up: whole-process time from `python` to the first painted window, against a bare PySide6 window.

The baseline is a script that opens one QWidget painting the posterior body art with QSvgRenderer and quits
after its first paint. The app runs as `python -m painmap` with PAINMAP_BENCHMARK_STARTUP=1, which quits
after the canvas' first paint. Both run offscreen, interleaved, in the same run. Target: app <= 1.3x bare.
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
    import sys
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
                QTimer.singleShot(0, app.quit)

    w = Bare()
    w.resize(1280, 900)
    w.show()
    sys.exit(app.exec())
    """
)


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PAINMAP_BENCHMARK_STARTUP="1", PAINMAP_RECOVER="no")


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=_env(), check=True, capture_output=True, timeout=60)
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
    bare, app = [], []
    _timed(_bare_cmd())
    _timed(_app_cmd())  # warm the file cache
    for _ in range(ROUNDS):
        bare.append(_timed(_bare_cmd()))
        app.append(_timed(_app_cmd()))
    ratio = statistics.median(app) / statistics.median(bare)
    benchmark.extra_info.update(
        bare_median_ms=round(1000 * statistics.median(bare), 1),
        app_median_ms=round(1000 * statistics.median(app), 1),
        ratio=round(ratio, 3),
    )
    benchmark.pedantic(_timed, args=(_app_cmd(),), rounds=3, warmup_rounds=0)
    print(
        f"\nstart-up: bare {1000 * statistics.median(bare):.0f} ms, app {1000 * statistics.median(app):.0f} ms, "
        f"ratio {ratio:.2f} (target <= {TARGET_RATIO})"
    )
    if ratio > TARGET_RATIO:
        pytest.fail(f"start-up is {ratio:.2f}x a bare window (target <= {TARGET_RATIO})")
