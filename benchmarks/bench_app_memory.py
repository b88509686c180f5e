"""Memory of a drawing session: RSS after 1,000 strokes, and a 10,000-stroke soak that must not leak.

Each run is a fresh process (offscreen) with the whole main window, so RSS is the app's own. Strokes go
through the canvas' mouse handlers like real pointer events (press, 6 moves, release), each one an undo step.
Targets: RSS after 1,000 strokes <= 150 MiB; the soak ends without a crash, RSS grows < 30 MiB from the first
to the last stroke, and undoing everything gives exactly an empty drawing (no marks, all masks zero).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

RSS_TARGET_MIB = 150.0
GROWTH_TARGET_MIB = 30.0

SCRIPT = textwrap.dedent(
    """
    import json, math, sys
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    def rss_mib():
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    app = QApplication([])
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    window = MainWindow(load_atlas())
    window.resize(1280, 900)
    window.show()
    app.processEvents()
    canvas, session = window.canvas, window.session
    n = int(sys.argv[1])

    def event(kind, pos, button, buttons):
        return QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)

    centre = canvas.mm_to_widget().map(QPointF(400, 820))
    L, NB = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    rss_start = None
    for i in range(n):
        a = 2 * math.pi * ((i * 0.618) % 1.0)
        x0, y0 = centre.x() + 120 * math.cos(a), centre.y() + 90 * math.sin(a)
        canvas.mousePressEvent(event(QEvent.Type.MouseButtonPress, QPointF(x0, y0), L, L))
        for k in range(1, 7):
            p = QPointF(x0 + 9 * k * math.cos(a + k / 3), y0 + 9 * k * math.sin(a + k / 3))
            canvas.mouseMoveEvent(event(QEvent.Type.MouseMove, p, NB, L))
        canvas.mouseReleaseEvent(event(QEvent.Type.MouseButtonRelease, p, L, NB))
        if i % 50 == 0:
            app.processEvents()
        if i == 0:
            rss_start = rss_mib()
    app.processEvents()
    rss_end = rss_mib()
    marks = len(session.drawing.marks)
    steps = session.undo_stack.count()
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    empty = not session.drawing.marks and all(not session.masks.array(v).any() for v in session.atlas.views)
    print(json.dumps({"strokes": n, "marks": marks, "undo_steps": steps, "rss_start_mib": round(rss_start, 1),
                      "rss_end_mib": round(rss_end, 1), "empty_after_undo": bool(empty)}))
    """
)


def _run(n: int, tmp_path) -> dict:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(n)], env=env, capture_output=True, text=True, timeout=1200, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_rss_after_1000_strokes(benchmark, tmp_path):
    result = benchmark.pedantic(_run, args=(1000, tmp_path), rounds=1, iterations=1)
    benchmark.extra_info.update(result)
    print(f"\n1,000 strokes: {result}")
    assert result["marks"] == 1000 and result["empty_after_undo"]
    assert result["rss_end_mib"] <= RSS_TARGET_MIB


@pytest.mark.slow
def test_soak_10000_strokes(benchmark, tmp_path):
    result = benchmark.pedantic(_run, args=(10000, tmp_path), rounds=1, iterations=1)
    growth = result["rss_end_mib"] - result["rss_start_mib"]
    benchmark.extra_info.update(result, rss_growth_mib=round(growth, 1))
    print(f"\n10,000 strokes: {result}, growth {growth:.1f} MiB")
    assert result["marks"] == 10000 and result["undo_steps"] == 10000
    assert result["empty_after_undo"]
    assert growth < GROWTH_TARGET_MIB
