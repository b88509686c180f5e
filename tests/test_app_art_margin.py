"""The first paint's art (visible part only, no margin) is kept when the session arrives; its margin is rendered
once after the first ranking (`StartUp._widen_art`), with the same pixels, so the first pan blits."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import start_window
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

pytestmark = pytest.mark.usefixtures("qapp")


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return arr[:, : image.width() * 4].astype(int)


def _run_until(startup, last) -> None:
    """Run the start-up steps in order up to and including `last` (as `StartUp.finish` runs them)."""
    while startup._steps:
        step = startup._steps.popleft()
        if step == startup._await_engine and startup._worker is not None:
            startup._worker.wait()
            assert startup._take_worker()
        assert startup._run(step)
        if step == last:
            return
    raise AssertionError(f"{last} is not a start-up step")


def test_the_session_keeps_the_first_paints_art_and_the_margin_comes_after_the_ranking(qtbot):
    window = start_window(qtbot, wait=False)  # held right after the first paint
    canvas, startup = window.canvas, window.startup
    dpr = canvas.devicePixelRatioF()
    visible = QRect(0, 0, round(canvas.width() * dpr), round(canvas.height() * dpr))
    first = canvas.art_cache.latest[0]
    assert first.width() <= visible.width() and canvas.art_cache.narrow
    renders = canvas.art_cache.renders

    _run_until(startup, startup._load_engine)  # the session has arrived and the drawing is ranked
    canvas.landmarks_visible = False  # the atlas's landmarks came with the session; the art is compared
    canvas.repaint()
    assert window.live.comparison is not None
    assert canvas.art_cache.renders == renders  # no SVG rendered between the first paint and the ranking
    shown = _pixels(canvas.grab().toImage())

    _run_until(startup, startup._widen_art)
    assert canvas.art_cache.renders == renders + 1 and not canvas.art_cache.narrow
    assert canvas.art_cache.latest[0].width() > first.width()  # now with its margin
    canvas.repaint()
    assert canvas.art_cache.renders == renders + 1  # painted from the wider entry
    # the same art, up to the anti-aliasing of an entry placed on another whole pixel
    assert np.abs(shown - _pixels(canvas.grab().toImage())).max() <= 2
    assert not canvas.widen_art()  # once only

    startup.finish()
    assert window.startup is None


def test_another_charts_art_is_rendered_anew_when_the_session_arrives(qtbot):
    from painmap.atlas import load_atlas

    window = start_window(qtbot)
    canvas = window.canvas
    renders = canvas.art_cache.renders
    canvas.attach(window.session.__class__(load_atlas(body="female")))  # another body: another chart's art
    canvas.repaint()
    assert canvas.art_cache.renders == renders + 1
