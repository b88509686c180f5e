"""Screenshots of the app's anatomy (chart 2) for docs/img: the real window, offscreen.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tools/app_anatomy_shots.py [--out docs/img] [--body male]

Writes app-anatomy-educator.png (educator mode, the pattern's own muscle highlighted, the structure under the
pointer named in the status bar), app-anatomy-patient-front.png (patient mode opens calm: skin and faint bones,
the front view with the patient's right on the viewer's left), app-anatomy-layers-300.png (every layer
combination at 300 % on the pelvis) and app-anatomy-fullscreen-names.png (educator full screen: the pattern's
and its trigger points' names on the chart). PNGs are reduced to 256 colours to stay small.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COMBOS = (("skin",), ("skin", "bones"), ("skin", "muscles"), ("muscles", "bones"), ("skin", "muscles", "bones"))


def _save(image: QImage, path: Path) -> None:
    """A 256-colour PNG (Pillow, from the test extra) or a plain one."""
    try:
        from PIL import Image
    except ImportError:
        image.save(str(path))
        return
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    picture = Image.frombuffer("RGB", (image.width(), image.height()), data, "raw", "RGB", image.bytesPerLine(), 1)
    picture.quantize(256, dither=Image.Dither.NONE).save(path, optimize=True)


def _window(body: str, mode: str, size=(1280, 860)):
    from painmap.app.main_window import MainWindow
    from painmap.atlas import load_atlas

    window = MainWindow(load_atlas(body=body, chart=2))
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    window.modes.set_mode(mode)
    window.live.load()
    return window


def _layers(window, shown) -> None:
    for layer, action in window.anatomy.actions.items():
        action.setChecked(layer in shown)


def _zoom_300(canvas) -> None:
    """300 % of the whole-body fit (as tools/atlas_screenshots.py), centred on the pelvis."""
    from painmap.app.canvas_zoom import ViewZoom

    canvas.zoom_fit()
    x0, y0, x1, y1 = canvas.view().focus
    canvas._set_zoom(ViewZoom(3.0 * canvas._view_zoom().scale, (x0 + x1) / 2, (y0 + y1) / 2 + 20))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--body", default="male", choices=("male", "female"))
    args = parser.parse_args(argv)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance() or QApplication([])
    from painmap.structures import structure_index

    out = args.out
    win = _window(args.body, "educator")
    win.panels.show_chosen_pattern("gluteus-medius")
    win.panels.set_side_mode("right")
    canvas = win.canvas
    index = structure_index(canvas.view())
    lm = canvas.view().landmark("psis-right")
    point = next(
        (QPointF(lm.x + dx, lm.y + 30) for dx in range(20, 120, 4) if index.at(lm.x + dx, lm.y + 30)),
        QPointF(lm.x, lm.y),
    )
    QTest.mouseMove(canvas, canvas.mm_to_widget().map(point).toPoint())
    app.processEvents()
    _save(win.grab().toImage(), out / "app-anatomy-educator.png")

    win.modes.fullscreen_action.setChecked(True)
    win.modes.fullscreen_action.setChecked(False)  # offscreen there is no real full screen: the names stay on
    win.canvas.set_names_on_chart(True)
    canvas.landmarks_visible = False
    canvas._move_pointer(None)  # no brush outline
    _save(canvas.grab().toImage(), out / "app-anatomy-fullscreen-names.png")
    canvas.set_names_on_chart(False)

    win.panels.set_show_pattern(False)
    _zoom_300(canvas)
    tiles = []
    for shown in COMBOS:
        _layers(win, shown)
        image = canvas.grab().toImage()
        w, h = 400, 330
        tiles.append((image.copy(QRect((image.width() - w) // 2, (image.height() - h) // 2, w, h)), " + ".join(shown)))
    win.panels.set_show_pattern(True)
    win.panels.pattern_layer.opacity = 0.0  # the zones out of the way: the highlighted muscle alone
    image = canvas.grab().toImage()
    tiles.append(
        (image.copy(QRect((image.width() - 400) // 2, (image.height() - 330) // 2, 400, 330)), "all + own muscle")
    )
    montage = QImage(3 * 400 + 4, 2 * 330 + 4, QImage.Format.Format_RGB32)
    montage.fill(QColor("white"))
    painter = QPainter(montage)
    painter.setFont(QFont("DejaVu Sans", 11, QFont.Weight.Bold))
    for i, (tile, label) in enumerate(tiles):
        x, y = (i % 3) * 402, (i // 3) * 332
        painter.drawImage(x, y, tile)
        painter.fillRect(x, y + 300, 400, 30, QColor(255, 255, 255, 220))
        painter.drawText(QRect(x, y + 300, 400, 30), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    _save(montage, out / "app-anatomy-layers-300.png")
    win.close()

    patient = _window(args.body, "patient")
    patient.canvas.set_view("anterior")
    app.processEvents()
    _save(patient.grab().toImage(), out / "app-anatomy-patient-front.png")
    patient.close()
    for name in ("educator", "fullscreen-names", "layers-300", "patient-front"):
        print(out / f"app-anatomy-{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
