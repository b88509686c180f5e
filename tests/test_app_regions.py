"""One answer to "which region is under the pointer": hover, highlight and fill agree, also on the seams."""

from __future__ import annotations

import math

import numpy as np
from app_helpers import make_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def _seam_points(view, step: int = 7, limit: int = 40):
    """Widget-independent mm points on region borders (polygon vertices) and just beside them."""
    points = []
    for region in view.regions:
        for x, y in region.polygon[::step]:
            for dx, dy in ((0, 0), (0.4, 0), (-0.4, 0), (0, 0.4), (0, -0.4)):
                points.append((float(x) + dx, float(y) + dy))
    rng = np.random.default_rng(9)
    return [points[i] for i in rng.choice(len(points), size=min(limit, len(points)), replace=False)]


def test_on_and_beside_region_borders_the_hovered_region_is_the_one_a_click_fills(qtbot, atlas):
    window = make_window(qtbot, atlas, size=(1000, 900))
    canvas, session = window.canvas, window.session
    canvas.zoom_fit()
    QTest.keyClick(canvas, Qt.Key.Key_G)  # fill tool: the hovered region is highlighted
    grid = session.masks.grid("posterior")
    checked = 0
    for point in _seam_points(session.view()):
        pos = canvas.mm_to_widget().map(*point)
        target = QPoint(round(pos[0]), round(pos[1]))
        QTest.mouseMove(canvas, target + QPoint(3, 3))
        QTest.mouseMove(canvas, target)
        hovered = canvas._hover_region
        named = window.region_label.text()
        before = len(session.drawing.marks)
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
        if hovered is None:  # outside the body: nothing named, nothing filled
            assert named == "" and len(session.drawing.marks) == before
            continue
        filled = session.drawing.marks[-1]
        assert filled.region == hovered.id, f"hover says {hovered.id}, the click filled {filled.region}"
        assert named == (hovered.label or hovered.id.replace("-", " "))
        mx, my = canvas.widget_to_mm(target)
        row, col = math.floor(my * grid.sy), math.floor(mx * grid.sx)
        assert session.masks.array("posterior")[row, col] == filled.intensity  # the pixel under the pointer
        session.undo_stack.undo()
        checked += 1
    assert checked >= 20
