"""Smooth shading edges: repaint cost of the finished drawing at 300 % zoom, smooth against the plain scaling.

Two repaints are timed on a 1280 x 900 window's canvas with a drawing of twelve strokes, each with smooth edges
(the app) and with the plain bilinear scaling it replaced (`SMOOTH_FROM` raised out of reach, same run): the
whole canvas (a pan or a zoom step) and the rectangle one finished stroke repaints. CPU time of the thread;
strokes being drawn are scaled nearest in both (bench_app_paint.py times those).
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QRect, QSettings

ROUNDS = 60


@pytest.fixture
def canvas(qapp, tmp_path, monkeypatch):
    from painmap.app.canvas_zoom import ViewZoom
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "XDG_CONFIG_HOME"))
    window = MainWindow(load_atlas())
    window.resize(1280, 900)
    window.show()
    qapp.processEvents()
    s = window.session
    for k in range(12):
        s.begin_stroke((330.0 + 12 * k, 760.0), 10.0, 3 + k % 7)
        for j in range(15):
            s.extend_stroke((330.0 + 12 * k + 3 * j, 760.0 + 4 * j))
        s.end_stroke()
    c = window.canvas
    c._set_zoom(ViewZoom(3 * c._life_size(), 400.0, 800.0))
    qapp.processEvents()
    yield c
    s.undo_stack.clear()
    window.close()


def _time(canvas, rect: QRect | None) -> dict[str, float]:
    canvas.repaint()
    cpu = []
    for _ in range(ROUNDS):
        c0 = time.thread_time()
        canvas.repaint() if rect is None else canvas.repaint(rect)
        cpu.append(time.thread_time() - c0)
    return {"cpu_median_ms": round(1000 * statistics.median(cpu), 3), "cpu_min_ms": round(1000 * min(cpu), 3)}


@pytest.mark.parametrize("edges", ["smooth", "plain"])
def test_repaint_at_300_percent(benchmark, canvas, monkeypatch, edges):
    from painmap.app import canvas_drawing

    if edges == "plain":
        monkeypatch.setattr(canvas_drawing, "SMOOTH_FROM", float("inf"))
    stroke = QRect(canvas.width() // 2 - 150, canvas.height() // 2 - 150, 300, 300)
    whole = _time(canvas, None)
    part = _time(canvas, stroke)
    benchmark.pedantic(canvas.repaint, rounds=ROUNDS, iterations=1, warmup_rounds=2)
    benchmark.extra_info.update({f"whole_{k}": v for k, v in whole.items()})
    benchmark.extra_info.update({f"stroke_rect_{k}": v for k, v in part.items()})
    print(f"\n{edges} edges at {canvas.zoom_percent():.0f} %: whole canvas {whole}, 300 x 300 px {part}")
