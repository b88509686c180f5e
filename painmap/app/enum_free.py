"""What the window sets and paints before its first paint, in calls that leave the Qt namespace unbuilt.

PySide builds all 93 enums of `PySide6.QtCore.Qt` (~2,900 members, ~16 ms) the first time anything names it:
`Qt.…`, or a call whose overloads PySide must tell apart by a Qt enum: `QPainter.setPen` and `setBrush` with
any argument, `fillRect` (QGradient's 180 presets too), `QPen(color)`, `QBrush(color)`, `QImage.fill`,
`addDockWidget` (decision D80). The window's shell uses the forms below instead; after the first paint the
namespace is built on the way to the ranking, where it costs the same.

- A widget's enum property is set through its Q_PROPERTY from the enum's value (`set_enum`, the values named
  here and checked against Qt's in tests/test_app_enum_free.py).
- A solid brush is a default pen's brush in the colour; paths are filled and stroked with `fillPath` and
  `strokePath`, which take the brush or pen as their only overload (the same pixels as drawRect or
  drawRoundedRect with that pen and brush).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRect, QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

# Qt enum values by their names (tests/test_app_enum_free.py compares each with Qt's)
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter, for QPainter.drawText's int flags
ALIGN_TOP_LEFT = 0x0021  # Qt.AlignmentFlag.AlignTop | AlignLeft
TOOL_BUTTON_TEXT_ONLY = 1  # Qt.ToolButtonStyle.ToolButtonTextOnly
HORIZONTAL = 1  # Qt.Orientation.Horizontal
TAB_FOCUS = 0x1  # Qt.FocusPolicy.TabFocus
STRONG_FOCUS = 0xB  # Qt.FocusPolicy.StrongFocus
LEFT_RIGHT_DOCK_AREAS = 0x3  # Qt.DockWidgetArea.LeftDockWidgetArea | RightDockWidgetArea


def set_enum(widget: QObject, prop: str, value: int) -> None:
    """`widget`'s enum (or flags) Q_PROPERTY `prop` set to `value`, as its typed setter would set it."""
    if not widget.setProperty(prop, value):
        raise ValueError(f"{type(widget).__name__} has no writable enum property {prop!r}")


def solid_pen(color: QColor, width: float = 1.0) -> QPen:
    """`QPen(color, width)`: a solid line of `color`, square cap, bevel join."""
    pen = QPen()
    pen.setColor(color)
    pen.setWidthF(width)
    return pen


def solid_brush(color: QColor) -> QBrush:
    """`QBrush(color)`: a solid pattern of `color`."""
    return solid_pen(color).brush()


def fill_rect(painter: QPainter, rect: QRect | QRectF, color: QColor) -> None:
    """`painter.fillRect(rect, color)`, the same pixels."""
    path = QPainterPath()
    path.addRect(QRectF(rect))
    painter.fillPath(path, solid_brush(color))


def clear(painter: QPainter, image: QImage) -> None:
    """`image.fill(transparent)`, through `painter` begun on it: every pixel 0 (painter's state kept)."""
    painter.save()
    painter.resetTransform()
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    fill_rect(painter, QRectF(QPointF(0, 0), image.deviceIndependentSize()), QColor(0, 0, 0, 0))
    painter.restore()


def rounded_box(painter: QPainter, rect: QRectF, radius: float, fill: QColor, outline: QPen) -> None:
    """`drawRoundedRect(rect, radius, radius)` with `outline` as the pen and `fill` as the brush, the same pixels."""
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.fillPath(path, solid_brush(fill))
    painter.strokePath(path, outline)


def frame_rect(painter: QPainter, rect: QRect, outline: QPen) -> None:
    """`drawRect(rect)` with `outline` as the pen and no brush, the same pixels (without antialiasing)."""
    path = QPainterPath()
    path.addRect(QRectF(rect))
    painter.strokePath(path, outline)
