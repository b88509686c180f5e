"""Pointer move -> stroke segment painted -> its dirty rectangle repainted, on a 4K-sized canvas (offscreen).

One iteration is what a real pointer move costs: the canvas' mouseMoveEvent (mm conversion, the brush tool,
`PainMasks.segment`, the brush outline) and a synchronous `repaint` of the rectangle the segment dirtied
(body art from the cached pixmap, the drawing image, landmarks, side markers). The same-run baseline repaints
a rectangle of the same size on a bare 4K QWidget that only fills it. Target: median <= 1 ms; p99 reported.

`test_pointer_move_paint_4k_anatomy` does the same on chart 2 with every layer on: skin, muscles and bones (the
educator's view), the pattern shown with its own muscle highlighted, landmarks, and the bone or muscle under the
pointer named at every move.

Both wall-clock time and the thread's CPU time are recorded. On a shared machine (other jobs on both cores)
the wall clock includes waiting for a core, so the target is checked on the CPU time and the wall-clock
median and p99 are reported next to it; on an idle machine the two agree.
"""

from __future__ import annotations

import math
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent, QPointF, QRect, QSettings, Qt
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QWidget

SIZE = (3840, 2160)
TARGET_MS = 1.0
MOVES = 2000


class _Bare(QWidget):
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), Qt.GlobalColor.white)
        painter.end()


def _move_event(pos: QPointF) -> QMouseEvent:
    return QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        pos,
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def _path(canvas, n: int):
    """Pointer positions (widget px) of a looping stroke over the buttocks, ~6 px apart like a real hand."""
    centre = canvas.mm_to_widget().map(QPointF(400, 840))
    return [QPointF(centre.x() + 260 * math.cos(i / 40), centre.y() + 180 * math.sin(i / 29)) for i in range(n)]


@pytest.fixture
def atlas(tmp_path, monkeypatch):
    """The bundled atlas, with settings and autosaves kept out of the user's folders."""
    from painmap.atlas import load_atlas

    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "XDG_CONFIG_HOME"))
    return load_atlas()


@pytest.fixture
def canvas(qapp, atlas):
    from painmap.app.main_window import MainWindow

    window = MainWindow(atlas)
    canvas = window.canvas
    window.show()
    canvas.setFixedSize(*SIZE)
    qapp.processEvents()
    canvas.repaint()  # body art cached at this zoom
    yield canvas
    window.session.undo_stack.clear()
    window.close()


@pytest.fixture
def anatomy_canvas(qapp, atlas):
    """Chart 2 in educator mode: skin, muscles, bones, the pattern and its muscle highlighted, landmarks."""
    from painmap.app.body_art import FULL
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    window = MainWindow(load_atlas(body="male", chart=2))
    window.modes.set_mode("educator")
    canvas = window.canvas
    window.show()
    canvas.setFixedSize(*SIZE)
    qapp.processEvents()
    window.live.load()
    window.panels.show_chosen_pattern("gluteus-medius")
    window.panels.set_side_mode("right")
    canvas.landmarks_visible = True
    assert canvas.anatomy == FULL and canvas.highlighted()
    canvas.repaint()  # body art cached at this zoom
    yield canvas
    window.session.undo_stack.clear()
    window.close()


def _run_moves(benchmark, canvas, qapp) -> dict:
    session = canvas.session
    rects: list[QRect] = []
    session.painted.connect(lambda r: rects.append(canvas.widget_rect_of(r)))
    path = _path(canvas, MOVES + 1)
    session.begin_stroke(canvas.widget_to_mm(path[0]), 12.0, 6)
    qapp.processEvents()
    wall: list[float] = []
    cpu: list[float] = []
    it = iter(path[1:])

    def one_move():
        pos = next(it)
        t0, c0 = time.perf_counter(), time.thread_time()
        rects.clear()
        canvas.mouseMoveEvent(_move_event(pos))
        for rect in rects:
            canvas.repaint(rect)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)

    benchmark.pedantic(one_move, rounds=MOVES, iterations=1, warmup_rounds=0)
    session.end_stroke()
    stats = {f"wall_{k}": v for k, v in _percentiles(wall).items()}
    stats.update({f"cpu_{k}": v for k, v in _percentiles(cpu).items()})
    benchmark.extra_info.update(
        stats, canvas=f"{SIZE[0]}x{SIZE[1]}", zoom_px_per_mm=round(canvas.mm_to_widget().m11(), 2)
    )
    assert len(session.drawing.marks) == 1
    return stats


def test_pointer_move_paint_4k_anatomy(benchmark, anatomy_canvas, qapp):
    renders = anatomy_canvas.art_cache.renders
    named: list = []
    anatomy_canvas.structure_hovered.connect(lambda found: named.append(found))
    stats = _run_moves(benchmark, anatomy_canvas, qapp)
    print(f"\npointer move on {SIZE[0]}x{SIZE[1]}, chart 2, all layers: {stats}")
    assert anatomy_canvas.art_cache.renders == renders  # the SVG was never rendered again
    assert named  # the pointer crossed muscles and bones, and they were named
    assert stats["cpu_median_ms"] <= TARGET_MS


def _percentiles(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    return {
        "median_ms": round(1000 * statistics.median(s), 4),
        "p99_ms": round(1000 * s[int(0.99 * (len(s) - 1))], 4),
        "max_ms": round(1000 * s[-1], 4),
    }


def test_pointer_move_paint_4k(benchmark, canvas, qapp):
    stats = _run_moves(benchmark, canvas, qapp)
    print(f"\npointer move on {SIZE[0]}x{SIZE[1]}: {stats}")
    assert stats["cpu_median_ms"] <= TARGET_MS


def test_bare_widget_repaint_same_rect_4k(benchmark, qapp, atlas):
    """Baseline: a bare QWidget of the same size repainting a rectangle like one segment's."""
    widget = _Bare()
    widget.setFixedSize(*SIZE)
    widget.show()
    qapp.processEvents()
    rect = QRect(1800, 1000, 190, 150)  # about one segment of a 12 mm brush at this zoom
    wall: list[float] = []
    cpu: list[float] = []

    def one():
        t0, c0 = time.perf_counter(), time.thread_time()
        widget.repaint(rect)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)

    benchmark.pedantic(one, rounds=MOVES, iterations=1, warmup_rounds=10)
    stats = {f"wall_{k}": v for k, v in _percentiles(wall).items()}
    stats.update({f"cpu_{k}": v for k, v in _percentiles(cpu).items()})
    benchmark.extra_info.update(stats)
    print(f"\nbare repaint of {rect.width()}x{rect.height()} on {SIZE[0]}x{SIZE[1]}: {stats}")
    widget.close()
