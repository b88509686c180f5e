"""The system's font size and a high-contrast palette: nothing clipped, everything drawn in the palette (issue 11)."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import inside_point, make_window
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QComboBox, QLabel, QWidget

from painmap.app.panels.controller import PanelsController

pytestmark = pytest.mark.usefixtures("qapp")
R = QPalette.ColorRole
HIGH_CONTRAST = {
    R.Window: "#000000", R.WindowText: "#ffffff", R.Base: "#000000", R.AlternateBase: "#202020", R.Text: "#ffffff",
    R.Button: "#000000", R.ButtonText: "#ffffff", R.Highlight: "#ffff00", R.HighlightedText: "#000000",
    R.Link: "#00ffff", R.ToolTipBase: "#000000", R.ToolTipText: "#ffffff", R.PlaceholderText: "#c0c0c0",
}  # fmt: skip


@pytest.fixture
def app_font():
    """Set the application font to a factor of the system's, as a desktop's text-size setting does; restored."""
    app = QApplication.instance()
    old = QFont(app.font())

    def scale(factor: float) -> QFont:
        big = QFont(old)
        big.setPointSizeF(old.pointSizeF() * factor)
        app.setFont(big)
        return big

    yield scale
    app.setFont(old)


@pytest.fixture
def high_contrast():
    app = QApplication.instance()
    old = QPalette(app.palette())
    palette = QPalette(old)
    for role, colour in HIGH_CONTRAST.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    yield palette
    app.setPalette(old)


def _in_scroll_area(widget: QWidget, window) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _clipped(window) -> list[str]:
    """Visible labels, buttons and boxes outside scroll areas that are smaller than their text needs."""
    cut = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QLabel | QAbstractButton | QComboBox) or _in_scroll_area(w, window):
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            need_w, need_h = 0, w.heightForWidth(w.width())
        else:
            hint = w.minimumSizeHint() if isinstance(w, QComboBox) else w.sizeHint()
            need_w, need_h = hint.width(), hint.height()
        if w.width() < need_w or w.height() < need_h:
            text = w.currentText() if isinstance(w, QComboBox) else w.text()
            cut.append(f"{type(w).__name__} {text[:40]!r} {w.width()}x{w.height()} < {need_w}x{need_h}")
    return cut


@pytest.mark.parametrize("mode", ["patient", "educator"])
def test_a_larger_system_font_clips_nothing(qtbot, atlas, app_font, mode):
    big = app_font(1.25)  # "large text" on most desktops
    window = make_window(qtbot, atlas, size=(1280, 900))
    panels = window.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    window.modes.set_mode(mode)
    assert window.brush_bar.size_label.font().pointSizeF() == pytest.approx(big.pointSizeF())  # followed
    qtbot.waitUntil(lambda: _clipped(window) == [], timeout=3000)
    if mode == "patient":  # the mode it opens in; switching modes can still grow the window (see the decision)
        assert window.height() == 900


def test_a_high_contrast_palette_is_followed_and_the_shading_stands_out(qtbot, atlas, high_contrast):
    window = make_window(qtbot, atlas, size=(1280, 900))
    panels = window.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    s = window.session
    point = inside_point(s, s.view_id, "buttock-right")
    s.fill("buttock-right", 7)
    canvas = window.canvas
    canvas.zoom_fit()  # the whole body, with the view's empty corners
    canvas.setFocus()
    qtbot.wait(20)
    plain = canvas.grab().toImage()
    QTest.keyClick(canvas, Qt.Key.Key_Right)  # the keyboard cursor
    qtbot.wait(20)
    shot = canvas.grab().toImage()
    corner = QColor(shot.pixel(canvas.mm_to_widget().map(QPointF(3.0, 3.0)).toPoint()))  # beside the body
    at = canvas.mm_to_widget().map(QPointF(*point)).toPoint()
    shading = QColor(shot.pixel(at))
    assert corner.lightness() < 40  # the canvas around the body follows the palette
    assert shading.lightness() > 60 and abs(shading.lightness() - corner.lightness()) > 40  # the shading stands out
    ink = QColor(HIGH_CONTRAST[R.Text]).rgb()
    pixels = np.frombuffer(shot.constBits(), np.uint32).reshape(shot.height(), -1)[:, : shot.width()]
    before = np.frombuffer(plain.constBits(), np.uint32).reshape(plain.height(), -1)[:, : plain.width()]
    assert ((pixels == ink) & (before != ink)).sum() > 20  # the keyboard cursor is drawn in the palette's text colour
    for dock in window.docks.docks.values():  # the panels are drawn in the palette, not in fixed colours
        if not dock.isVisible():
            continue
        image = dock.widget().grab().toImage().convertToFormat(shot.format())
        px = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), -1)[:, : image.width()]
        values, counts = np.unique(px, return_counts=True)
        background = QColor(int(values[counts.argmax()]))
        assert background.lightness() < 40, dock.windowTitle()
        text = [QColor(int(v)).lightness() for v in values[counts > 20]]
        assert max(text) > 200, dock.windowTitle()  # light text on the dark panel
