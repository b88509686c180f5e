"""The spillover stipple as a Qt brush, shared by the pattern layer and the legend (no numpy: the legend is
built before the engine loads)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter

STIPPLE_PERIOD_PX = 6  # spillover dots, one per period, constant on screen


def stipple_brush(color: str, period: int = STIPPLE_PERIOD_PX) -> QBrush:
    """A brush of round dots on a transparent ground: the spillover stipple, readable without colour."""
    size = period * 2
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(color))
    r = period * 0.32
    for cx, cy in ((period * 0.5, period * 0.5), (period * 1.5, period * 1.5)):
        p.drawEllipse(QPointF(cx, cy), r, r)
    p.end()
    return QBrush(image)


HATCH_PERIOD_PX = 8  # essential-zone hatching in patient mode, constant on screen


def hatch_brush(color: str, period: int = HATCH_PERIOD_PX) -> QBrush:
    """A brush of thin diagonal lines on a transparent ground: the essential zone drawn so that the shading
    underneath stays visible between the lines (patient mode, "draw first")."""
    image = QImage(period, period, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setPen(QColor(color))
    for i in range(period):  # one pixel-wide diagonal that tiles seamlessly
        p.drawPoint(i, period - 1 - i)
    p.end()
    return QBrush(image)
