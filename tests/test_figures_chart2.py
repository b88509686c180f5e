"""Figures on chart 2: anatomy drawn (skin tones, muscles, bones), L/R marks, credits, and the educator slide."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest
from shapely.geometry import Polygon
from shapely.ops import unary_union

from painmap.atlas import load_atlas
from painmap.figures import anatomy
from painmap.patterns import load_patterns

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _run(*args):
    from test_report_cli import _run as run

    return run(*args)


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize("body", ["male", "female"])
def test_sheet_on_chart2_credits_and_marks(tmp_path, body):
    out = tmp_path / "s.pdf"
    done = _run("render", "--pattern", "gluteus-medius", "--body", body, "--chart", "2", "-o", out)
    assert done.returncode == 0, done.stderr
    text = _pdf_text(out)
    assert anatomy.CREDIT in text
    for word in ("Back", "Right side", "Front", "L", "R"):
        assert re.search(rf"\b{re.escape(word)}\b", text), word


def test_chart1_sheet_has_no_anatomy_credit(tmp_path):
    out = tmp_path / "s.pdf"
    assert _run("render", "--pattern", "gluteus-medius", "--chart", "1", "-o", out).returncode == 0
    assert "Visible Human" not in _pdf_text(out)


def test_draw_view_fills_the_anatomy():
    """A chart-2 view is drawn as filled shapes: the skin's tone steps, the muscles and the bones."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.patches import PathPatch

    from painmap.figures import chart
    from painmap.figures.page import new_figure

    view = load_atlas(body="male", chart=2).view("posterior")
    ax = new_figure((4, 4)).add_subplot()
    chart.draw_view(ax, view, box="focus")
    colours = {matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches if isinstance(p, PathPatch)}
    assert set(anatomy.SKIN_TONES) <= colours
    assert {anatomy.MUSCLE_FILL, anatomy.BONE_FILL} <= colours


def _slide(tmp_path, suffix, *extra):
    out = tmp_path / f"slide.{suffix}"
    done = _run("render", "--pattern", "gluteus-medius", "--figure", "slide", *extra, "-o", out)
    assert done.returncode == 0, done.stderr
    return out


def test_slide_png_is_16_9_at_the_dpi_asked(tmp_path):
    from PIL import Image

    with Image.open(_slide(tmp_path, "png", "--dpi", "60")) as image:
        w, h = image.size
    assert abs(w / h - 16 / 9) < 0.01 and abs(w - 13.333 * 60) <= 2


def test_slide_text_is_text_in_pdf_and_svg(tmp_path):
    text = _pdf_text(_slide(tmp_path, "pdf"))
    for words in ("Gluteus medius", "essential zone", "spillover zone", "trigger point", "Back", "Right side"):
        assert words in text, words
    assert "Innervation" not in text  # diagram only: no fact text
    svg = _slide(tmp_path, "svg").read_text()
    texts = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "Gluteus medius" in texts and "TrP1" in texts


def test_slide_refuses_without_a_pattern(tmp_path):
    done = _run("render", tmp_path / "d.painmap.json", "--figure", "slide", "-o", tmp_path / "x.png")
    assert done.returncode == 2 and "--figure slide" in done.stderr


@pytest.mark.parametrize("body", ["male", "female"])
def test_slide_highlights_the_patterns_own_muscle(body):
    """A pixel inside the right gluteus medius (away from every zone) has the highlight's colour; its mirror
    on the left, the same muscle not highlighted, does not."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.colors import to_rgb

    from painmap.figures.page import figure_style
    from painmap.figures.slide import build_pattern_slide

    atlas = load_atlas(body=body, chart=2)
    pattern = load_patterns(atlas).get("gluteus-medius")
    view = atlas.view("posterior")
    muscle = unary_union(
        [Polygon(s.polygon).buffer(0) for s in view.structures if s.id == "muscle-gluteus-medius-right"]
    )
    zones = unary_union([Polygon(z.polygon).buffer(3) for z in pattern.zones if z.view == "posterior"])
    free = muscle.buffer(-2).difference(zones)
    assert not free.is_empty
    x, y = free.representative_point().coords[0]
    with figure_style():
        figure = build_pattern_slide(atlas, pattern)
        figure.set_dpi(100)
        figure.canvas.draw()
        pixels = np.asarray(figure.canvas.buffer_rgba())[..., :3] / 255.0
    ax = figure.axes[0]  # the back view comes first

    def colour(px, py):
        col, row = ax.transData.transform((px, py))
        return pixels[round(pixels.shape[0] - row), round(col)]

    hi, plain = np.array(to_rgb(anatomy.HIGHLIGHT_FILL)), np.array(to_rgb(anatomy.MUSCLE_FILL))
    right = colour(x, y)
    assert np.linalg.norm(right - hi) < np.linalg.norm(right - plain)
    x0, _, x1, _ = ax.get_xlim() + ax.get_ylim()
    mirror_x = view.width - x
    if min(x0, x1) <= mirror_x <= max(x0, x1):
        left = colour(mirror_x, y)
        assert np.linalg.norm(left - hi) > np.linalg.norm(right - hi) + 0.05
