"""painmap.app.enum_free: the values it names are Qt's, its properties set what the typed setters set, and its
painting gives the pixels of the QPainter calls it stands for."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QLabel, QSlider, QToolBar, QWidget

from painmap.app import enum_free

pytestmark = pytest.mark.usefixtures("qapp")


def test_the_named_values_are_qts():
    assert Qt.AlignmentFlag.AlignCenter.value == enum_free.ALIGN_CENTER
    assert (Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft).value == enum_free.ALIGN_TOP_LEFT
    assert Qt.ToolButtonStyle.ToolButtonTextOnly.value == enum_free.TOOL_BUTTON_TEXT_ONLY
    assert Qt.Orientation.Horizontal.value == enum_free.HORIZONTAL
    assert Qt.FocusPolicy.TabFocus.value == enum_free.TAB_FOCUS
    assert Qt.FocusPolicy.StrongFocus.value == enum_free.STRONG_FOCUS
    areas = Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    assert areas.value == enum_free.LEFT_RIGHT_DOCK_AREAS


def test_enum_properties_set_what_the_setters_set():
    label, bar, slider, dock, widget = QLabel(), QToolBar(), QSlider(), QDockWidget(), QWidget()
    enum_free.set_enum(label, "alignment", enum_free.ALIGN_TOP_LEFT)
    assert label.alignment() == Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
    enum_free.set_enum(bar, "toolButtonStyle", enum_free.TOOL_BUTTON_TEXT_ONLY)
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    assert slider.orientation() == Qt.Orientation.Vertical
    enum_free.set_enum(slider, "orientation", enum_free.HORIZONTAL)
    assert slider.orientation() == Qt.Orientation.Horizontal
    enum_free.set_enum(dock, "allowedAreas", enum_free.LEFT_RIGHT_DOCK_AREAS)
    assert dock.allowedAreas() == Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    enum_free.set_enum(widget, "focusPolicy", enum_free.STRONG_FOCUS)
    assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
    with pytest.raises(ValueError, match="toolButtonStyle"):
        enum_free.set_enum(widget, "toolButtonStyle", 1)  # a QWidget has none


def _image(dpr: float, draw, antialiased: bool) -> np.ndarray:
    """`draw(painter)` over a gradient, at `dpr` device pixels per pixel."""
    image = QImage(round(300 * dpr), round(120 * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 300, 120)
    gradient.setColorAt(0, QColor(10, 200, 30))
    gradient.setColorAt(1, QColor(200, 20, 240, 128))
    painter.fillRect(QRectF(0, 0, 300, 120), QBrush(gradient))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
    draw(painter)
    painter.end()
    return np.frombuffer(image.constBits(), np.uint8).copy()


FILL, INK = QColor("#7a3b9c"), QColor(20, 20, 20, 230)
BOXES = [QRectF(10.3, 10.7, 61.25, 30.4), QRectF(100, 50, 80.5, 33.3), QRectF(200.5, 5.5, 41, 22)]
RECTS = [QRect(1, 3, 12, 16), QRect(13, 1, 12, 20), QRect(50, 40, 37, 23)]


@pytest.mark.parametrize("dpr", [1.0, 1.5, 2.0])
def test_the_paths_paint_the_pixels_of_the_painter_calls(dpr):
    def rounded_old(p):
        for box in BOXES:
            p.setPen(QPen(QColor(255, 255, 255), 2))
            p.setBrush(FILL)
            p.drawRoundedRect(box, 6, 6)

    def rounded_new(p):
        for box in BOXES:
            enum_free.rounded_box(p, box, 6, FILL, enum_free.solid_pen(QColor(255, 255, 255), 2))

    def rects_old(p):
        for rect in RECTS:
            p.fillRect(rect, FILL)
            p.setPen(QPen(INK, 2))
            p.drawRect(rect.adjusted(0, -2, 0, 2))

    def rects_new(p):
        for rect in RECTS:
            enum_free.fill_rect(p, rect, FILL)
            enum_free.frame_rect(p, rect.adjusted(0, -2, 0, 2), enum_free.solid_pen(INK, 2))

    assert np.array_equal(_image(dpr, rounded_old, True), _image(dpr, rounded_new, True))
    assert np.array_equal(_image(dpr, rects_old, False), _image(dpr, rects_new, False))
    assert not np.array_equal(_image(dpr, lambda p: None, True), _image(dpr, rounded_new, True))  # they do paint


def test_solid_pen_and_brush_are_the_constructors():
    assert enum_free.solid_pen(INK, 2.5) == QPen(INK, 2.5)
    assert enum_free.solid_brush(INK) == QBrush(INK)


@pytest.mark.parametrize("dpr", [1.0, 1.5, 2.0])
def test_clear_makes_every_pixel_transparent(dpr):
    image = QImage(41, 23, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(200, 100, 50, 255))
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    painter.scale(3, 3)
    enum_free.clear(painter, image)
    assert painter.transform().m11() == 3  # the painter's state is kept
    painter.end()
    assert not np.frombuffer(image.constBits(), np.uint8).any()
