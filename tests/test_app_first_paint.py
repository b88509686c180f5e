"""The main window's first paint does only what it shows (docs/performance.md, start-up): the art of the calm
layers, parsed without the layers it does not draw and rendered for the visible part only; what is moved after
it (the margin of the art, the menus' descriptions) is there once start-up has run, with the same pixels."""

from __future__ import annotations

import logging

import numpy as np
import pytest
from app_helpers import start_window
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QMenu, QWidget

from painmap.app import body_art
from painmap.app.art_cache import target_ratio
from painmap.app.body_art import CALM, FULL, Anatomy, BodyArt
from painmap.app.chart_frame import read_frames

pytestmark = pytest.mark.usefixtures("qapp")


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return arr[:, : image.width() * 4].copy()


def _rendered(art: BodyArt, view, anatomy: Anatomy) -> np.ndarray:
    image = QImage(420, 720, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(QTransform().scale(0.4, 0.4))
    art.render(painter, view, anatomy)
    painter.end()
    return _pixels(image)


@pytest.fixture
def parsed(monkeypatch):
    """The SVG bytes each QSvgRenderer of painmap.app.body_art was given."""
    seen: list[bytes] = []
    real = body_art.QSvgRenderer

    def renderer(data):
        seen.append(bytes(data))
        return real(data)

    monkeypatch.setattr(body_art, "QSvgRenderer", renderer)
    return seen


def test_calm_art_is_parsed_without_the_layers_it_does_not_draw_and_looks_the_same(parsed):
    frames = read_frames()
    view = frames["posterior"]
    art = BodyArt(frames)
    calm = _rendered(art, view, CALM)
    assert len(parsed) == 1 and b'id="layer-skin"' in parsed[0] and b'id="layer-bones-alone"' in parsed[0]
    for left_out in (b'"layer-muscles"', b'"layer-bones"', b'"layer-regions"', b'"layer-structures"', b"landmarks"):
        assert left_out not in parsed[0]
    assert art.layers("posterior") == ("skin", "muscles", "bones")  # the file's layers, parsed or not
    full = _rendered(art, view, FULL)  # the muscles shown, over the bones' visible parts: parsed now
    assert b'id="layer-muscles"' in parsed[-1] and b'id="layer-bones"' in parsed[-1]
    assert b"layer-structures" not in parsed[-1] and b"layer-bones-alone" not in parsed[-1]
    whole = BodyArt(frames)
    whole.check()  # every file parsed whole
    assert b"layer-structures" in parsed[-1]
    assert np.array_equal(calm, _rendered(whole, view, CALM))
    assert np.array_equal(full, _rendered(whole, view, FULL))
    assert np.abs(calm.astype(int) - full).sum() > 0  # the muscles do show


def test_svg_groups_that_do_not_nest_leave_the_file_whole():
    groups = body_art._layer_groups
    good = b'<svg><g id="layer-skin"><g/><g><path/></g></g><!-- </g> --><g id="layer-muscles"></g></svg>'
    assert set(groups(good)) == {"skin", "muscles"}
    assert body_art._without(good, [groups(good)["muscles"]]).count(b"layer-") == 1
    assert groups(b'<svg><g id="layer-skin"><g></g></svg>') == {}  # never closed: parsed whole
    assert groups(b'<svg><g id="layer-skin"></g></g></svg>') == {}
    assert groups(b"<svg broken") == {}


def test_chart_1_art_is_parsed_whole(parsed):
    from painmap.app.body_art import art_folder

    frames = read_frames()
    folder = art_folder(type("Chart1", (), {"body": "male", "chart": 1})())
    art = BodyArt(frames, folder)
    _rendered(art, frames["posterior"], CALM)
    assert parsed == [(folder / "posterior.svg").read_bytes()]


def test_the_first_paint_renders_the_visible_art_then_the_margin_comes_with_the_same_pixels(qtbot):
    window = start_window(qtbot, wait=False)  # held right after the first paint
    canvas = window.canvas
    dpr = canvas.devicePixelRatioF()
    rect = canvas.art_cache.latest[0]
    visible = QRect(0, 0, round(canvas.width() * dpr), round(canvas.height() * dpr))
    assert rect.width() <= visible.width() and rect.height() <= visible.height()  # no margin to wait for
    shown = _pixels(canvas.grab().toImage()).astype(int)
    window.ensure_engine()  # start-up runs; after the ranking the art is rendered again, with its margin
    canvas.landmarks_visible = False  # the atlas's landmarks come with the engine; the art is compared
    canvas.repaint()
    assert canvas.art_cache.latest[0].width() > rect.width()
    # nothing moved: the same art, up to the anti-aliasing of an entry placed on another whole pixel
    assert np.abs(shown - _pixels(canvas.grab().toImage())).max() <= 2


def test_menus_are_described_once_start_up_has_run(qtbot):
    window = start_window(qtbot)
    menus = window.menuBar().findChildren(QMenu)
    assert menus
    assert all(menu.menuAction().statusTip() for menu in menus)


def test_what_is_logged_while_the_log_is_held_is_written_in_order_when_it_opens(tmp_path, monkeypatch):
    from painmap import logging_setup

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    logger = logging.getLogger(logging_setup.LOGGER_NAME)
    for handler in list(logger.handlers):  # another test's log file
        logger.removeHandler(handler)
    monkeypatch.setattr(logging_setup, "_held", None)
    try:
        logging_setup.hold()
        logging_setup.get_logger().warning("Qt: early warning one")
        logging_setup.get_logger().warning("Qt: early warning two")
        assert not logging_setup.log_path().exists()  # nothing written before the first paint
        logging_setup.release()
        lines = logging_setup.log_path().read_text(encoding="utf-8").splitlines()
        assert [line.split(" painmap: ")[1] for line in lines] == ["Qt: early warning one", "Qt: early warning two"]
        logging_setup.hold()
        logging_setup.get_logger().warning("Qt: held again")
        logging_setup.log_exception(ValueError("an error is written at once"))
        text = logging_setup.log_path().read_text(encoding="utf-8")
        assert text.index("held again") < text.index("an error is written at once")
        assert logging_setup._held is None
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()


FIRST_PAINT_PROBE = """
import json, sys
from PySide6.QtCore import qWarning
from painmap.app import canvas as canvas_module, startup as startup_module
from painmap import logging_setup

paint = canvas_module.BodyCanvas.paintEvent
seen = {}


def first_paint(self, event):
    if not seen:
        qWarning("a warning before the first paint")
    paint(self, event)
    seen.setdefault("paint", sorted(m for m in sys.modules if m.split(".")[0] in ("logging", "painmap", "numpy")))
    # PySide builds a class (and its enums) on its first use: the classes built by the first paint
    modules = [sys.modules[f"PySide6.{name}"] for name in ("QtCore", "QtGui", "QtWidgets")]
    seen.setdefault("qt", sorted(k for module in modules for k in vars(module)))
    import re
    # the SVG's bytes read into memory and its layer-group patterns compiled (both only for a parse)
    compiled = any(isinstance(pattern, bytes) and b"layer-" in pattern for _type, pattern, _flags in re._cache)
    seen.setdefault("svg", [len(self.art._read), compiled])


canvas_module.BodyCanvas.paintEvent = first_paint
start = startup_module.StartUp.__init__


def hooked(self, *args, **kwargs):
    start(self, *args, **kwargs)

    def done():
        seen["log"] = logging_setup.log_path().read_text(encoding="utf-8")
        print(json.dumps(seen), flush=True)
        self.window.close()

    self.done.connect(done)


startup_module.StartUp.__init__ = hooked
from painmap.app.launch import launch

sys.exit(launch(None, []))
"""


def test_the_first_paint_loads_neither_the_log_file_nor_the_engine_and_the_log_gets_what_came_before(tmp_path):
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    starts = []
    # the second start renders again (the first one saved another window size); the third paints from the cache
    for _start in ("rendering the art", "rendering at the saved size", "the art from the disk cache"):
        run = [sys.executable, "-c", FIRST_PAINT_PROBE]
        out = subprocess.run(run, capture_output=True, text=True, env=env, timeout=60)
        assert out.returncode == 0, out.stderr
        starts.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert list((tmp_path / "cache" / "painmap").glob("art-*"))  # the second start painted from the disk cache
    for seen in starts:  # nothing named the Qt namespace: PySide builds its 93 enums on first use (enum_free)
        assert "Qt" not in seen["qt"] and "QGradient" not in seen["qt"]
    seen = starts[0]
    loaded = set(seen["paint"])
    assert "painmap.app.main_window" in loaded  # the probe saw the window's first paint
    for late in ("logging.handlers", "numpy", "painmap.vocabulary", "painmap.app.files", "painmap.atlas"):
        assert late not in loaded, late
    built = set(seen["qt"])
    assert "QPainter" in built and "QPdfWriter" not in built  # PySide builds its classes on first use
    assert "QKeySequence" not in built  # the shortcuts come after the paint (painmap.app.toolbar.held_shortcuts)
    assert "QPaintEngine" not in built  # the paint's pixel ratio is read from the redirected device (art_cache)
    assert not built & {"QPolygon", "QRegion", "QBitmap"}  # points mapped as (x, y), not by map(QPointF)'s overloads
    assert not built & {"QToolTip", "QTranslator"}  # the first tooltip builds its class; an English start, no catalogue
    # no event of a generic type crosses into Python before the paint: PySide would build every QEvent class to
    # name it (the canvas's tooltips and keys and the toolbars' font come after it, MainWindow._complete_shell)
    assert not built & {"QContextMenuEvent", "QFocusEvent", "QChildEvent", "QGraphicsSceneEvent", "QTimerEvent"}
    assert "WARNING painmap: Qt: a warning before the first paint" in seen["log"]
    # the first start parses the SVG; a start from the disk cache only hashes it (mapped) for the cache's key
    assert starts[0]["svg"] == [1, True] and starts[2]["svg"] == [0, False]


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_faint_bones_are_the_opaque_layer_laid_over_at_their_opacity(dpr):
    frames = read_frames()
    loaded = BodyArt(frames)._renderer("posterior", FULL)
    renderer, box = loaded.renderer, loaded.bounds["bones"]
    transform = QTransform().translate(-350.5, -800.25).scale(1.7, 1.7)

    def image(fill: QColor, draw) -> np.ndarray:
        picture = QImage(round(500 * dpr), round(400 * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        picture.setDevicePixelRatio(dpr)
        picture.fill(fill)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(transform)
        draw(painter)
        painter.end()
        return np.frombuffer(picture.constBits(), np.uint8).reshape(picture.height(), -1, 4).astype(float)

    opaque = image(QColor(0, 0, 0, 0), lambda p: renderer.render(p, "layer-bones", box))
    faint = image(QColor(255, 255, 255), lambda p: body_art._render_faint(p, renderer, "layer-bones", box, 0.4))
    alpha = opaque[..., 3:] / 255.0
    expected = 255.0 * (1 - 0.4 * alpha) + 0.4 * opaque
    assert alpha.max() == 1.0  # the bones are in the picture
    assert np.abs(faint[..., :3] - expected[..., :3]).max() <= 1.5


def test_the_shells_shortcuts_come_right_after_the_first_paint(qtbot):
    from PySide6.QtGui import QKeySequence

    window = start_window(qtbot, wait=False)  # held right after the first paint
    undo, zoom_in = window.undo_action, window.view_actions.zoom_in
    assert undo.shortcuts() == [] and zoom_in.toolTip() == "Show the body larger"
    window.ensure_engine()
    assert undo.shortcuts() == [QKeySequence("Ctrl+Z")]
    assert window.redo_action.shortcuts() == [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    assert window.redo_action.toolTip() == "Redo the mark just undone (Ctrl+Shift+Z or Ctrl+Y)"  # its own tip
    assert zoom_in.toolTip() == "Show the body larger (+)"
    standard = QKeySequence(QKeySequence.StandardKey.ZoomIn)
    assert zoom_in.shortcuts() == [QKeySequence("+"), QKeySequence("="), standard]
    assert window.tool_actions.tools["brush"].shortcuts() == [QKeySequence("B")]
    assert window.anatomy.actions  # View ▸ Anatomy's layers have theirs too
    assert all(action.shortcuts() for action in window.anatomy.actions.values())
    assert window.keyboard_brush_action.shortcuts()


class _Ratios(QWidget):
    """Records, at each paint, the pixel ratio `target_ratio` reads and the one the painter's engine paints at."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[float, float]] = []

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        engine = painter.paintEngine().paintDevice().devicePixelRatioF()
        self.seen.append((target_ratio(self, painter), engine))
        painter.end()


@pytest.mark.parametrize("dpr", [0.5, 1.0, 1.5, 2.0, 3.0])
def test_the_paints_pixel_ratio_is_the_one_its_engine_paints_at(qtbot, dpr):
    widget = _Ratios()
    qtbot.addWidget(widget)
    widget.resize(60, 40)
    image = QImage(round(60 * dpr), round(40 * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    widget.render(image)  # into a QImage of its own ratio
    painter = QPainter(image)
    painter.scale(1.5, 1.5)
    widget.render(painter, QPoint())  # through another painter, transformed
    painter.end()
    widget.grab()
    widget.show()
    qtbot.waitExposed(widget)
    widget.update()
    qtbot.waitUntil(lambda: len(widget.seen) >= 4)  # the window's backing store
    assert all(ours == engine for ours, engine in widget.seen)
    assert widget.seen[0][0] == dpr and widget.seen[1][0] == dpr
