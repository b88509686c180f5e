"""Dirty-rectangle repaints show what a full repaint shows: chart 2 with every layer on (skin, muscles, bones,
the pattern with its own muscle highlighted, landmarks), a stroke drawn by pointer moves, each move repainting
only its rectangle. The picture on screen (the window's backing store) is compared with a fresh paint of the
whole canvas (`grab`), pixel for pixel."""

from __future__ import annotations

import math

import numpy as np
import pytest
from app_helpers import make_window
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent

from painmap.app.panels.controller import PanelsController
from painmap.atlas import load_atlas

pytestmark = pytest.mark.usefixtures("qapp")


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return arr[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].astype(int)


def _shown(window, canvas) -> np.ndarray:
    """The canvas's pixels as last painted into the window (what the screen shows)."""
    top = canvas.mapTo(window, QPoint(0, 0))
    return _rgb(window.screen().grabWindow(window.winId(), top.x(), top.y(), canvas.width(), canvas.height()).toImage())


def _move(canvas, pos: QPointF) -> None:
    canvas.mouseMoveEvent(
        QMouseEvent(
            QEvent.Type.MouseMove,
            pos,
            pos,
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def _drawing_edges(canvas) -> np.ndarray:
    """Widget pixels within one pixel of an edge of the drawing (where nearest scaling may round either way)."""
    session = canvas.session
    g = session.masks.grid(session.view_id)
    inv, _ok = canvas.mm_to_widget().inverted()
    h, w = canvas.height(), canvas.width()
    ys, xs = np.mgrid[0:h, 0:w]
    mx = (xs + 0.5) * inv.m11() + inv.dx()
    my = (ys + 0.5) * inv.m22() + inv.dy()
    cols = np.clip(np.floor(mx * g.sx).astype(int), 0, g.cols - 1)
    rows = np.clip(np.floor(my * g.sy).astype(int), 0, g.rows - 1)
    value = session.masks.array(session.view_id)[rows, cols].astype(int)
    edge = np.zeros((h, w), dtype=bool)
    for dy in (-2, -1, 0, 1, 2):
        for dx in (-2, -1, 0, 1, 2):
            edge |= np.roll(value, (dy, dx), axis=(0, 1)) != value
    return edge


def test_dirty_repaints_equal_a_full_repaint_with_every_layer(qtbot):
    window = make_window(qtbot, load_atlas(body="male", chart=2), size=(1300, 900))
    panels = window.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    window.modes.set_mode("educator")
    panels.show_chosen_pattern("gluteus-medius")
    panels.set_side_mode("right")
    canvas = window.canvas
    canvas.landmarks_visible = True
    assert canvas.highlighted() and canvas.anatomy.muscles and canvas.anatomy.bones
    canvas.repaint()
    session = canvas.session
    rects = []
    session.painted.connect(lambda r: rects.append(canvas.widget_rect_of(r)))
    centre = canvas.mm_to_widget().map(QPointF(400, 840))
    path = [QPointF(centre.x() + 160 * math.cos(i / 10), centre.y() + 120 * math.sin(i / 7)) for i in range(90)]
    session.begin_stroke(canvas.widget_to_mm(path[0]), 12.0, 6)
    qtbot.wait(1)
    repainted = 0
    for pos in path[1:]:
        rects.clear()
        _move(canvas, pos)
        for rect in rects:  # only the rectangle the move dirtied, as the benchmark does
            canvas.repaint(rect)
            repainted += rect.width() * rect.height()
    qtbot.wait(1)  # the brush outline's own updates
    assert 0 < repainted < 3 * canvas.width() * canvas.height()
    shown, full = _shown(window, canvas), _rgb(canvas.grab().toImage())
    assert shown.shape == full.shape
    differ = (shown != full).any(axis=2)
    # while a stroke is drawn its pixels are scaled nearest, patch by patch: only its edges may round the other way
    assert not (differ & ~_drawing_edges(canvas)).any()
    assert differ.mean() < 0.002
    session.end_stroke()  # the stroke's area is repainted smoothly, and then it is exactly a full paint
    qtbot.wait(1)
    shown, full = _shown(window, canvas), _rgb(canvas.grab().toImage())
    assert np.array_equal(shown, full)
    assert (full != _rgb(canvas.grab().toImage())).sum() == 0  # a full paint is repeatable
