"""The app's live comparison: stroke finished -> ranked comparison shown, against same-run baselines.

Target (issue 5): <= 16 ms (one frame at 60 Hz) from the end of a stroke to the ranked list, the numbers and the
overlays repainted. Baselines in the same run: the engine alone (`Comparator.compare` on the same masks), and
for the zone bars, a matplotlib bar chart redrawn in place (the embedded-figure alternative, docs/decisions.md).
The pattern layer is also timed where it costs every brush event: one dirty-rectangle repaint of the canvas
with the layer shown, against the same repaint without it.

Run: .venv/bin/python -m pytest benchmarks/bench_app_compare.py --benchmark-columns=median,iqr,ops
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

FRAME_MS = 16.0
STROKES = 20


@pytest.fixture(scope="module")
def app():
    return QApplication.instance() or QApplication([])


@pytest.fixture(scope="module")
def window(app, tmp_path_factory):
    """A shown main window in educator mode (all panels, difference overlay on) with STROKES strokes."""
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    win = MainWindow(load_atlas())
    win.resize(1600, 1000)
    win.show()
    app.processEvents()
    panels = win.panels
    panels.modes.set_mode("educator", save=False)
    panels.set_show_difference(True)
    rng = np.random.default_rng(5)
    for _ in range(STROKES):
        _stroke(win.session, rng)
    app.processEvents()
    yield win
    win.session.undo_stack.setClean()
    win.close()


def _stroke(session, rng, end: bool = True) -> None:
    cx, cy = rng.normal(400, 35), rng.normal(820, 50)
    steps = rng.normal(0, 10, size=(10, 2)).cumsum(axis=0)
    session.begin_stroke((cx, cy), 12.0, 6)
    for dx, dy in steps:
        session.extend_stroke((cx + dx, cy + dy))
    if end:
        session.end_stroke()


def _setup(session, rng):
    """Keep STROKES finished strokes, and start the next one (not timed)."""

    def setup():
        if session.undo_stack.index() > STROKES:
            session.undo_stack.undo()
        _stroke(session, rng, end=False)

    return setup


def test_stroke_end_to_ranked_comparison_shown(benchmark, window, app):
    """end_stroke -> marks_changed -> engine -> list, numbers, bars, overlays -> every invalidated pixel painted."""
    panels = window.panels
    session = window.session

    def finish():
        session.end_stroke()
        app.processEvents()  # paints what the stroke and the comparison invalidated

    benchmark.pedantic(finish, setup=_setup(session, np.random.default_rng(7)), rounds=60, warmup_rounds=3)
    benchmark.extra_info["target_ms"] = FRAME_MS
    benchmark.extra_info["last_refresh_ms"] = round(panels.last_refresh_ms, 2)
    assert panels.ranking_panel.table.viewport().isVisible() and panels.comparison_panel.isVisible()
    assert panels.comparison is not None and panels.ranking_panel.order()


def test_baseline_stroke_end_without_panels(benchmark, window, app):
    """The same stroke end and repaint with the panels disconnected: the shell's own share."""
    panels = window.panels
    session = window.session
    session.marks_changed.disconnect(panels.refresh)

    def finish():
        session.end_stroke()
        app.processEvents()

    try:
        benchmark.pedantic(finish, setup=_setup(session, np.random.default_rng(7)), rounds=60, warmup_rounds=3)
    finally:
        session.marks_changed.connect(panels.refresh)
        panels.refresh()


def test_baseline_engine_compare_alone(benchmark, window):
    panels = window.panels
    result = benchmark(panels.comparator.compare, window.session.masks)
    assert [r.pattern for r in result.results] == panels.ranking_panel.order()


def test_zone_bars_qt_update_and_repaint(benchmark, app):
    from painmap.app.panels.zone_bars import ZoneBars

    bars = ZoneBars()
    bars.resize(340, 160)
    bars.show()
    app.processEvents()  # exposed, so repaint() really paints
    assert bars.isVisible()
    rng = np.random.default_rng(1)
    zones = ["lower-back", "sacrum", "buttock", "hip", "thigh-back", "thigh-side"]

    def redraw():
        bars.set_values(dict(zip(zones, rng.random(len(zones)), strict=True)))
        bars.repaint()

    benchmark(redraw)


def test_baseline_zone_bars_matplotlib_redraw(benchmark, app):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3.4, 1.6), dpi=100)
    canvas = FigureCanvasQTAgg(fig)
    ax = fig.add_subplot()
    zones = ["lower-back", "sacrum", "buttock", "hip", "thigh-back", "thigh-side"]
    rects = ax.barh(zones, [0.5] * len(zones))
    ax.set_xlim(0, 1)
    canvas.resize(340, 160)
    canvas.show()
    app.processEvents()
    rng = np.random.default_rng(1)

    def redraw():
        for rect, value in zip(rects, rng.random(len(zones)), strict=True):
            rect.set_width(value)
        canvas.draw()
        canvas.repaint()

    benchmark(redraw)


def _brush_rect(window) -> QRect:
    canvas = window.canvas
    from PySide6.QtCore import QPointF

    centre = canvas.mm_to_widget().map(QPointF(400.0, 820.0)).toPoint()
    return QRect(centre.x() - 20, centre.y() - 20, 40, 40)


def test_dirty_rect_repaint_with_pattern_layer(benchmark, window):
    panels = window.panels
    panels.set_show_pattern(True)
    panels.set_show_difference(False)
    assert panels.pattern_layer.visible
    rect = _brush_rect(window)
    benchmark(window.canvas.repaint, rect)


def test_baseline_dirty_rect_repaint_without_overlays(benchmark, window):
    panels = window.panels
    panels.set_show_pattern(False)
    panels.set_show_difference(False)
    rect = _brush_rect(window)
    try:
        benchmark(window.canvas.repaint, rect)
    finally:
        panels.set_show_pattern(True)
