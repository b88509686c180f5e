"""Render chart-2 SVGs to PNG for looking at them (docs/img/chart2-*.png).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tools/anatomy/render_chart.py [--out docs/img] [--layers ...]

Per body and view: the whole body at fit (`chart2-<body>-<view>.png`, all drawn layers), the pelvis (the view's
painmap:focus) at 300 % with every layer combination of skin / muscles / bones, and the regions with landmarks.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from painmap.atlas import EDGE_LABELS  # noqa: E402

FIT_HEIGHT_PX = 1000  # the whole view is drawn this tall (as tools/atlas_screenshots.py does for chart 1)
ZOOM = 3.0  # "300 %": three times the fit scale
CHARTS = ROOT / "resources" / "atlas" / "charts"
COMBINATIONS = {
    "all": ("skin", "muscles", "bones"),
    "skin": ("skin",),
    "skin-bones": ("skin", "bones-alone"),  # the app draws the bones whole when the muscles are hidden
    "skin-muscles": ("skin", "muscles"),
    "regions": ("skin", "regions", "landmarks"),
}


def with_layers(text: str, shown: tuple[str, ...]) -> str:
    """The SVG with only the named layers displayed."""

    def fix(match: re.Match) -> str:
        tag, name = match.group(0), match.group(1)
        tag = tag.replace(' style="display:none"', "")
        if name not in shown:
            tag = tag[:-1] + ' style="display:none">'
        return tag

    return re.sub(r'<g id="layer-[a-z-]+" inkscape:groupmode="layer" inkscape:label="([a-z-]+)"[^>]*>', fix, text)


def render(
    svg_text: str, out: Path, px_per_mm: float, rect: tuple[float, float, float, float] | None, edges=("", "")
) -> None:
    renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")))
    box = renderer.viewBoxF()
    x0, y0, x1, y1 = rect or (0.0, 0.0, box.width(), box.height())
    image = QImage(int((x1 - x0) * px_per_mm), int((y1 - y0) * px_per_mm), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(px_per_mm, px_per_mm)
    painter.translate(-x0, -y0)
    renderer.render(painter, QRectF(0, 0, box.width(), box.height()))
    painter.resetTransform()
    font = QFont("DejaVu Sans", 14)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1f1f1f"))
    margin = QRectF(10, 8, image.width() - 20, 30)
    painter.drawText(margin, Qt.AlignmentFlag.AlignLeft, edges[0])  # what the viewer's left and right edges are
    painter.drawText(margin, Qt.AlignmentFlag.AlignRight, edges[1])
    painter.end()
    image.save(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--bodies", nargs="*", default=["male", "female"])
    parser.add_argument("--views", nargs="*", default=["posterior", "lateral", "anterior"])
    parser.add_argument("--combinations", nargs="*", default=list(COMBINATIONS))
    args = parser.parse_args(argv)
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    for body in args.bodies:
        for view in args.views:
            text = (CHARTS / f"{body}-2" / f"{view}.svg").read_text(encoding="utf-8")
            focus = tuple(float(v) for v in re.search(r'painmap:focus="([^"]+)"', text).group(1).split())
            height = float(re.search(r'viewBox="0 0 [0-9.]+ ([0-9.]+)"', text).group(1))
            fit, edges = FIT_HEIGHT_PX / height, EDGE_LABELS[view]
            render(with_layers(text, COMBINATIONS["all"]), args.out / f"chart2-{body}-{view}.png", fit, None, edges)
            for name in args.combinations:
                out = args.out / f"chart2-{body}-{view}-pelvis-{name}.png"
                render(with_layers(text, COMBINATIONS[name]), out, fit * ZOOM, focus, edges)
            print(f"rendered {body} {view}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
