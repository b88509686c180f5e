"""Helpers shared by the app's widget tests: build a window, drag and click in millimetres."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest


def make_window(qtbot, atlas, size=(1200, 900)):
    """A shown MainWindow on the bundled atlas."""
    from painmap.app.main_window import MainWindow

    window = MainWindow(atlas)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts need an active window
    return window


def loaded_window(qtbot, atlas):
    """`make_window` once its panels have loaded the pattern library (the engine is ready)."""
    from painmap.app.panels.controller import PanelsController

    window = make_window(qtbot, atlas)
    panels = window.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    return window


def start_window(qtbot, file=None, wait: bool = True):
    """A MainWindow started as `painmap [FILE]` starts it: the shell is shown, the engine loads after its paint.

    With `wait`, returns once every start-up step has run (the drawing is ranked); without, start-up is held at
    the first paint (before any step) until the test calls `window.ensure_engine()`.
    """
    from painmap.app.main_window import MainWindow
    from painmap.app.startup import StartUp

    window = MainWindow()
    qtbot.addWidget(window)
    startup = StartUp(window, None if file is None else str(file))
    window.resize(1200, 900)
    if wait:
        with qtbot.waitSignal(startup.done, timeout=30000):
            window.show()
    else:
        window.canvas.first_painted.connect(startup._timer.stop)  # after StartUp's own start: held
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.canvas.painted_once)
    return window


def to_widget(canvas, point_mm) -> QPoint:
    return canvas.mm_to_widget().map(QPointF(*point_mm)).toPoint()


def drag(canvas, points_mm, steps: int = 8) -> None:
    """Left-drag through `points_mm` with `steps` pointer events per segment."""
    pts = [to_widget(canvas, p) for p in points_mm]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
    for a, b in itertools.pairwise(pts):
        for i in range(1, steps + 1):
            QTest.mouseMove(canvas, a + (b - a) * (i / steps))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])


def hover(canvas, point_mm) -> None:
    """Move the pointer (no button) to `point_mm`; first next to it, as Qt drops a move to the same place."""
    target = to_widget(canvas, point_mm)
    QTest.mouseMove(canvas, target + QPoint(7, 5))
    QTest.mouseMove(canvas, target)


def click(canvas, point_mm) -> None:
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to_widget(canvas, point_mm))


def inside_point(session, view_id: str, region_id: str) -> tuple[float, float]:
    """A point (mm) well inside a region: the region pixel farthest from its bounding-box edges."""
    vm = session.masks.atlas_masks.view(view_id)
    mask = vm.region_mask(region_id)
    ys, xs = np.nonzero(mask)
    # prefer a pixel whose 7x7 neighbourhood is all inside the region
    for i in np.argsort(np.abs(ys - np.median(ys)) + np.abs(xs - np.median(xs))):
        y, x = ys[i], xs[i]
        if mask[max(0, y - 3) : y + 4, max(0, x - 3) : x + 4].all():
            g = vm.grid
            return ((x + 0.5) / g.sx, (y + 0.5) / g.sy)
    raise AssertionError(f"no inner point in {region_id}")
