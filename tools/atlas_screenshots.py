"""Render the body chart to PNG for docs/img: each view whole and at 300 % on the pelvis, plus region maps.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tools/atlas_screenshots.py [--out docs/img]

The body art is the SVG rendered by QSvgRenderer (hidden layers stay hidden), exactly as the app shows it;
side markers and landmark labels are drawn on top from the loaded atlas, as in the app.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from painmap import style  # noqa: E402
from painmap.atlas import View, load_atlas  # noqa: E402
from painmap.geometry import centroid  # noqa: E402

FIT_HEIGHT_PX = 1000  # the whole view is drawn this tall
ZOOM = 3.0  # "300 %": three times the fit scale


def _marker(painter: QPainter, text: str, x: float, y: float, size: int) -> None:
    font = QFont("DejaVu Sans", size)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(style.SIDE_MARKER))
    painter.drawText(QRectF(x - 60, y - size, 120, size * 2.2), Qt.AlignmentFlag.AlignCenter, text)


def render(
    view: View,
    svg: Path,
    out: Path,
    box: tuple[float, float, float, float],
    scale: float,
    labels: bool = True,
    regions: bool = False,
) -> None:
    """Draw `box` (mm) of the view at `scale` px/mm into a PNG."""
    x0, y0, x1, y1 = box
    w, h = round((x1 - x0) * scale), round((y1 - y0) * scale)
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer = QSvgRenderer(str(svg))
    if view.id == "lateral-left":  # the derived view: the right side's art, mirrored
        painter.translate(w, 0)
        painter.scale(-1, 1)
        mx0 = view.width - x1
        renderer.setViewBox(QRectF(mx0, y0, x1 - x0, y1 - y0))
    else:
        renderer.setViewBox(QRectF(x0, y0, x1 - x0, y1 - y0))
    renderer.render(painter, QRectF(0, 0, w, h))
    painter.resetTransform()
    painter.translate(-x0 * scale, -y0 * scale)
    painter.scale(scale, scale)
    if regions:
        _draw_regions(painter, view, scale)
    if labels:
        _draw_landmarks(painter, view, scale, box)
    painter.resetTransform()
    left, right = view.edge_labels
    size = 18 if scale < 1 else 22
    _marker(painter, left, 40, 40, size)
    _marker(painter, right, w - 40, 40, size)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(out))
    print(f"wrote {out} ({w}×{h})")


def _draw_regions(painter: QPainter, view: View, scale: float) -> None:
    palette = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9"]
    zones = list(view.zones)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(10 / scale)))
    for region in view.regions:
        color = QColor(palette[zones.index(region.zone) % len(palette)])
        color.setAlphaF(0.75)
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in region.polygon]))
        path.closeSubpath()
        painter.fillPath(path, color)
        painter.setPen(QPen(QColor("#555555"), 0.9 / scale))
        painter.drawPath(path)
    painter.setFont(font)
    painter.setPen(QColor("#222222"))
    for region in view.regions:
        if region.side == "left" and view.id == "posterior":
            continue  # the right side is labelled; the left is its mirror
        cx, cy = centroid(region.polygon)
        text = region.zone
        tw = painter.fontMetrics().horizontalAdvance(text)
        painter.drawText(QPointF(cx - tw / 2, cy + font.pixelSize() / 3), text)


def _draw_landmarks(painter: QPainter, view: View, scale: float, box: tuple[float, float, float, float]) -> None:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round((11 if scale < 1 else 13) / scale)))
    painter.setFont(font)
    r = 3.2 / scale
    mid = view.width / 2
    placed: list[QRectF] = []
    for lm in view.landmarks:
        painter.setPen(QPen(QColor("white"), 1.0 / scale))
        painter.setBrush(QColor(style.LANDMARK))
        painter.drawEllipse(QPointF(lm.x, lm.y), r, r)
        text = lm.label or lm.id
        metrics = painter.fontMetrics()
        tw = metrics.horizontalAdvance(text)
        to_left = (view.id == "posterior" and lm.x < mid - 1) or (view.id != "posterior" and lm.x < mid - 60)
        tx = lm.x - 6 / scale - tw if to_left else lm.x + 6 / scale
        if tx < box[0] + 2 / scale or tx + tw > box[2] - 2 / scale:  # would be cut off: put it on the other side
            tx = lm.x + 6 / scale if to_left else lm.x - 6 / scale - tw
        tx = min(max(tx, box[0] + 2 / scale), box[2] - 2 / scale - tw)
        ty = lm.y + 4 / scale
        height = metrics.height()
        rect = QRectF(tx, ty - height * 0.8, tw, height)
        while any(rect.intersects(other) for other in placed):  # keep labels from overlapping
            rect.translate(0, height * 0.5)
        placed.append(rect)
        ty = rect.top() + height * 0.8
        painter.setPen(QColor(style.LANDMARK))
        painter.drawText(QPointF(tx, ty), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    atlas = load_atlas(ROOT / "resources" / "atlas")
    for view_id, svg in (("posterior", "posterior.svg"), ("lateral", "lateral.svg")):
        view = atlas.view(view_id)
        path = ROOT / "resources" / "atlas" / svg
        fit = FIT_HEIGHT_PX / view.height
        whole = (-40.0, 0.0, view.width + 40.0, view.height)  # a margin for labels outside the body
        render(view, path, args.out / f"atlas-{view_id}.png", whole, fit)
        render(view, path, args.out / f"atlas-{view_id}-pelvis-300.png", view.focus, fit * ZOOM)
        render(view, path, args.out / f"atlas-{view_id}-regions.png", whole, fit, labels=False, regions=True)
        pelvis_regions = args.out / f"atlas-{view_id}-regions-pelvis.png"
        render(view, path, pelvis_regions, view.focus, fit * ZOOM, labels=False, regions=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
