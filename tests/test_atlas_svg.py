"""The atlas SVGs as files: Inkscape layers, hidden data layers, and what QSvgRenderer (the app) draws."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from painmap import style
from painmap.raster import Grid, polygon_mask
from painmap.resources import resource_path

INKSCAPE = "http://www.inkscape.org/namespaces/inkscape"
PAINMAP = "urn:painmap:atlas:1"
FILES = {"posterior": ("posterior.svg", 640, 1800), "lateral": ("lateral.svg", 500, 1800)}  # chart 1's files


@pytest.fixture(scope="module")
def atlas():
    """Chart 1, whose files these are (chart 2's layers are checked in test_chart_build)."""
    from painmap.atlas import load_atlas

    return load_atlas(body="male", chart=1)


@pytest.mark.parametrize("view_id", list(FILES))
def test_plain_svg_with_inkscape_layers(view_id):
    name, width, height = FILES[view_id]
    root = ET.parse(resource_path("atlas", name)).getroot()
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert root.get("width") == f"{width}mm" and root.get("height") == f"{height}mm"
    assert root.get(f"{{{PAINMAP}}}view") == view_id
    layers = {g.get(f"{{{INKSCAPE}}}label"): g for g in root if g.get(f"{{{INKSCAPE}}}groupmode") == "layer"}
    assert set(layers) == {"art", "regions", "landmarks"}
    assert "display:none" in layers["regions"].get("style", "")
    assert "display:none" in layers["landmarks"].get("style", "")
    assert "display:none" not in layers["art"].get("style", "")
    art = list(layers["art"])
    assert art[0].get("id") == "silhouette"  # drawn first, under every line
    for elem in art:
        assert elem.get(f"{{{PAINMAP}}}kind"), elem.get("id")
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def _render(view_id: str, scale: float = 0.5) -> np.ndarray:
    name, width, height = FILES[view_id]
    renderer = QSvgRenderer(str(resource_path("atlas", name)))
    assert renderer.isValid()
    w, h = int(width * scale), int(height * scale)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, w, h))
    painter.end()
    ptr = image.constBits()
    return np.frombuffer(ptr, dtype=np.uint8).reshape(h, image.bytesPerLine() // 4, 4)[:, :w, :3].copy()


def _rgb(hex_colour: str) -> np.ndarray:
    c = QColor(hex_colour)
    return np.array([c.blue(), c.green(), c.red()])  # RGB32 is BGRA in memory on little-endian machines


@pytest.mark.parametrize("view_id", list(FILES))
def test_renderer_draws_the_body_and_hides_the_data_layers(view_id, atlas):
    scale = 0.5
    pixels = _render(view_id, scale).astype(int)
    view = atlas.view(view_id)
    skin = _rgb(style.SKIN)
    # landmarks are blue dots in their hidden layer: the rendered chart shows skin or art lines there, never blue
    landmark_blue = _rgb(style.LANDMARK)
    for lm in view.landmarks:
        px = pixels[int(lm.y * scale), int(lm.x * scale)]
        assert np.abs(px - landmark_blue).sum() > 120, lm.key
    # region fills (translucent blue) stay hidden: the body is mostly plain skin
    grid = Grid(view.id, view.width, view.height, scale)
    assert grid.shape == pixels.shape[:2]
    inside = np.zeros(grid.shape, dtype=bool)
    for poly in view.silhouette:
        inside |= polygon_mask(grid, poly)
    skin_like = np.abs(pixels - skin).sum(axis=2) < 12
    assert np.count_nonzero(skin_like & inside) > 0.85 * np.count_nonzero(inside)
    # outside the body the page stays white
    white = (pixels == 255).all(axis=2)
    assert np.count_nonzero(white & ~inside) > 0.97 * np.count_nonzero(~inside)
