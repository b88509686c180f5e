"""Pattern and difference layers paint what they claim: pixels of a rendered image, synthetic patterns."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from painmap import style
from painmap.app.layers import DifferenceLayer, PatternLayer
from painmap.patterns import Pattern, TriggerPoint, Zone

W, H = 640, 1800
BG = QColor("#ffffff")


class _View:
    def __init__(self, view_id: str = "posterior") -> None:
        self.id, self.width, self.height = view_id, W, H


def _rect(x0, y0, x1, y1) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)


def _pattern(bilateral: bool = False) -> Pattern:
    return Pattern(
        id="demo",
        name="Demo muscle",
        kind="muscle",
        side="right",
        innervation="",
        trigger_points=(
            TriggerPoint("trp1", "posterior", 400.0, 740.0, "TrP1"),
            TriggerPoint("trp2", "posterior", 460.0, 900.0, "TrP2"),
        ),
        zones=(
            Zone("posterior", "essential", "trp1", _rect(380, 700, 440, 780), bilateral=bilateral),
            Zone("posterior", "spillover", "trp1", _rect(380, 800, 440, 860)),
            Zone("posterior", "essential", "trp2", _rect(450, 880, 500, 960)),
            Zone("lateral", "essential", "trp2", _rect(100, 100, 200, 200)),
        ),
        sources=("test",),
    )


def _mirror(p: Pattern) -> Pattern:
    zones = tuple(replace(z, polygon=np.c_[W - z.polygon[:, 0], z.polygon[:, 1]]) for z in p.zones)
    tps = tuple(replace(t, x=W - t.x) for t in p.trigger_points)
    return replace(p, side="left", zones=zones, trigger_points=tps)


def _render(layer, view=None) -> QImage:
    img = QImage(W, H, QImage.Format.Format_ARGB32)
    img.fill(BG)
    p = QPainter(img)
    layer.paint(p, view or _View())
    p.end()
    return img


def _pixel(img: QImage, x: float, y: float) -> QColor:
    return img.pixelColor(int(x), int(y))


def _is_reddish(c: QColor) -> bool:
    return c.red() > 150 and c.red() > c.green() + 60 and c.red() > c.blue() + 50


def _changed_fraction(img: QImage, x0, y0, x1, y1) -> float:
    changed = sum(_pixel(img, x, y) != BG for x in range(x0, x1) for y in range(y0, y1))
    return changed / ((x1 - x0) * (y1 - y0))


@pytest.fixture
def layer(qapp):
    lay = PatternLayer(atlas=None)
    p = _pattern()
    lay.set_pattern(p, _mirror(p))
    lay.opacity = 1.0
    return lay


def test_essential_is_solid_red_and_outside_untouched(layer):
    img = _render(layer)
    assert _is_reddish(_pixel(img, 420, 760))
    assert _pixel(img, 300, 1200) == BG
    assert _changed_fraction(img, 395, 715, 425, 765) == 1.0  # solid: every pixel


def test_spillover_is_stippled_not_solid(layer):
    img = _render(layer)
    frac = _changed_fraction(img, 390, 815, 430, 850)
    assert 0.1 < frac < 0.7  # dots with gaps between them: readable without colour


def test_side_left_draws_the_mirror_only(layer):
    layer.set_side("left")
    img = _render(layer)
    assert _pixel(img, 420, 760) == BG
    assert _is_reddish(_pixel(img, W - 420, 760))
    layer.set_side("both")
    img = _render(layer)
    assert _is_reddish(_pixel(img, 420, 760)) and _is_reddish(_pixel(img, W - 420, 760))


def test_bilateral_zone_shows_on_both_sides(qapp):
    lay = PatternLayer(atlas=None)
    p = _pattern(bilateral=True)
    lay.set_pattern(p, _mirror(p))
    lay.set_side("right")
    img = _render(lay)
    assert _is_reddish(_pixel(img, 420, 760)) and _is_reddish(_pixel(img, W - 420, 760))
    assert _pixel(img, W - 470, 920) == BG  # the non-bilateral zone stays on its side


def test_one_trigger_point_at_a_time(layer):
    layer.trigger_point = "trp2"
    img = _render(layer)
    assert _pixel(img, 420, 760) == BG
    assert _is_reddish(_pixel(img, 480, 940))
    assert [m[2] for m in layer.markers("posterior")] == ["TrP2"]


def test_trigger_point_stepping_cycles(layer):
    seen = [layer.step_trigger_point(+1) for _ in range(3)]
    assert seen == ["trp1", "trp2", None]
    assert layer.step_trigger_point(-1) == "trp2"


def test_only_zones_of_the_painted_view(layer):
    img = _render(layer, _View("lateral"))
    assert _is_reddish(_pixel(img, 150, 150))
    assert _pixel(img, 420, 760) == BG


def test_trigger_point_marker_is_dark(layer):
    img = _render(layer)
    c = _pixel(img, 400, 740)
    assert max(c.red(), c.green(), c.blue()) < 80


def test_opacity_and_visibility(layer):
    full = _pixel(_render(layer), 420, 760)
    layer.opacity = 0.3
    faint = _pixel(_render(layer), 420, 760)
    assert faint.green() > full.green() + 50  # closer to the white ground
    layer.visible = False
    assert _changed_fraction(_render(layer), 380, 700, 440, 780) == 0.0


def test_difference_layer_colours_and_hatches(qapp):
    px = 1.0  # mask pixels per mm (the default resolution), so the rendered image maps 1:1
    shape = (int(H * px), int(W * px))
    matched, missed, extra = (np.zeros(shape, bool) for _ in range(3))
    matched[200:400, 200:400] = True
    missed[600:800, 200:400] = True
    extra[1000:1200, 200:400] = True
    lay = DifferenceLayer()
    lay.opacity = 1.0
    lay.set_masks("posterior", matched, missed, extra, (W, H))
    img = _render(lay)
    c = _pixel(img, 300, 300)
    assert c.green() > c.red() + 60 and c.green() > c.blue()  # bluish green over the white ground
    assert _changed_fraction(img, 200, 100, 400, 190) == 0.0

    # missed and extra are hatched: light and full-colour pixels alternate, extra denser (cross-hatch)
    def strong(x0, y0, color):
        ref = QColor(color)
        pts = [(x, y) for x in range(x0, x0 + 90) for y in range(y0, y0 + 90)]
        return sum(
            abs(_pixel(img, x, y).red() - ref.red()) < 25 and abs(_pixel(img, x, y).green() - ref.green()) < 25
            for x, y in pts
        ) / len(pts)

    missed_strong, extra_strong = strong(205, 605, style.MISSED), strong(205, 1005, style.EXTRA)
    assert 0.15 < missed_strong < 0.6
    assert 0.3 < extra_strong < 0.9 and extra_strong > missed_strong
    assert lay.counts == {"matched": 200 * 200, "missed": 200 * 200, "extra": 200 * 200}
    assert _changed_fraction(_render(lay, _View("lateral")), 200, 200, 400, 400) == 0.0
