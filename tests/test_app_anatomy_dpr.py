"""The anatomical art is crisp at device pixel ratios 1, 1.5 and 2: drawn at the device's resolution, never
upscaled (compared with the SVG rendered directly at that resolution and with a 1× rendering scaled up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette

pytestmark = pytest.mark.usefixtures("qapp")

# Runs in a fresh interpreter (QT_SCALE_FACTOR is read once per process); prints one JSON line.
PROBE = r"""
import json, sys, tempfile
sys.path.insert(0, {tests!r})
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
app = QApplication([])
from painmap.app.main_window import MainWindow
from painmap.atlas import load_atlas
from test_app_anatomy_dpr import compare_with_references
w = MainWindow(load_atlas(body="female", chart=2)); w.resize(1000, 800); w.show(); app.processEvents()
w.canvas.landmarks_visible = False
shot = w.canvas.grab().toImage()
print(json.dumps(compare_with_references(w.canvas, shot, w.canvas.devicePixelRatioF())))
"""


def _array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return a[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].astype(int)


def _draw(canvas, scale: float, dx: float, dy: float, size: tuple[int, int]) -> QImage:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(canvas.palette().color(QPalette.ColorRole.Base))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate(dx, dy)
    p.scale(scale, scale)
    canvas.art.render(p, canvas.view(), canvas.anatomy)
    p.end()
    return image


def compare_with_references(canvas, shot: QImage, dpr: float) -> dict:
    """Mean colour difference of the canvas picture `shot` (device pixels) to the art rendered directly at `dpr`
    and to the art rendered at 1× and scaled up; and the sharpest edges (99.9th percentile of the horizontal
    gradient) of each. Below the side markers, with nothing but the art shown."""
    z, origin = canvas._view_zoom(), canvas.mm_to_widget().map(QPointF(0, 0))
    size = (shot.width(), shot.height())
    direct = _draw(canvas, z.scale * dpr, origin.x() * dpr, origin.y() * dpr, size)
    low = _draw(canvas, z.scale, origin.x(), origin.y(), (canvas.width(), canvas.height()))
    up = low.scaled(*size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    band = slice(int(70 * dpr), size[1])
    s, d, u = (_array(i)[band] for i in (shot, direct, up))

    def edge(a):
        return float(np.percentile(np.abs(np.diff(a.sum(axis=2), axis=1)), 99.9))

    return {
        "size": list(size),
        "direct": float(np.abs(s - d).mean()),
        "upscaled": float(np.abs(s - u).mean()),
        "edge": edge(s),
        "edge_upscaled": edge(u),
    }


@pytest.mark.parametrize("factor", ["1.5"])  # 2 (and 1.5, 1) also rendered into images below
def test_the_art_is_drawn_at_the_screens_pixel_ratio(factor):
    tests = os.path.dirname(__file__)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=factor)
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(tests=tests)], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["direct"] < 0.5  # the same pixels as the SVG rendered at the device's resolution
    assert found["upscaled"] > 1.5 * found["direct"]  # and not a 1× picture scaled up
    assert found["edge"] > 1.4 * found["edge_upscaled"]  # edges one device pixel wide, not blurred


@pytest.mark.parametrize("dpr", [1.0, 1.5, 2.0])
def test_rendering_the_canvas_into_an_image_uses_the_images_pixel_ratio(qtbot, dpr):
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    window = MainWindow(load_atlas(body="female", chart=2))
    qtbot.addWidget(window)
    window.resize(1000, 800)
    window.show()
    qtbot.waitExposed(window)
    canvas = window.canvas
    canvas.landmarks_visible = False
    image = QImage(round(canvas.width() * dpr), round(canvas.height() * dpr), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(dpr)
    canvas.render(image)
    found = compare_with_references(canvas, image, dpr)

    assert found["direct"] < 0.5
    if dpr > 1:
        assert found["upscaled"] > 1.5 * found["direct"] and found["edge"] > 1.4 * found["edge_upscaled"]
