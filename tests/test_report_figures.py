"""The figure building blocks on a small hand-made atlas: chart drawer, overlays, pages, the three figures."""

from __future__ import annotations

import shutil
import subprocess
from types import SimpleNamespace as NS

import numpy as np
import pytest

from painmap import style
from painmap.aggregate import Aggregate
from painmap.atlas import Atlas, Landmark, Outline, Region, View
from painmap.drawing import Drawing, Stroke
from painmap.errors import PainmapError
from painmap.figures import chart
from painmap.figures.page import ReportError, figure_style, new_figure, output_format, paper_size, save_figure
from painmap.patterns import Pattern, PatternLibrary, TriggerPoint, Zone

pdftotext = shutil.which("pdftotext")


def ellipse(cx, cy, rx, ry, n=48):
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return np.c_[cx + rx * np.cos(t), cy + ry * np.sin(t)]


def make_atlas() -> Atlas:
    body = np.array(
        [[170, 600], [470, 600], [500, 900], [470, 1300], [350, 1750], [290, 1750], [170, 1300], [140, 900]]
    )
    body = body.astype(float)
    halves = (
        Region("buttock-left", "buttock", "left", np.array([[140.0, 600], [320, 600], [320, 1750], [140, 1750]])),
        Region("buttock-right", "buttock", "right", np.array([[320.0, 600], [500, 600], [500, 1750], [320, 1750]])),
    )
    posterior = View(
        id="posterior", title="Back", width=640, height=1800, mirror="posterior", silhouette=(body,), regions=halves,
        landmarks=(Landmark("psis", "right", 364.6, 804.8, "right PSIS"), Landmark("psis", "left", 275.4, 804.8),
                   Landmark("heel", "midline", 320, 1760, "heel")),
        outlines=(Outline("silhouette", body, True), Outline("crease", np.array([[328.0, 935], [419, 935]]), False)),
        edge_labels=("L", "R"), focus=(150, 600, 490, 1000),
    )  # fmt: skip
    return Atlas(views={"posterior": posterior})


def make_pattern() -> Pattern:
    return Pattern(
        id="test-muscle", name="Testus medius", kind="muscle", side="right", innervation="test nerve, L4-S1",
        trigger_points=(TriggerPoint("trp1", "posterior", 374, 771, "TrP1", "near the crest"),),
        zones=(
            Zone("posterior", "essential", "trp1", ellipse(360, 790, 40, 30)),
            Zone("posterior", "spillover", "trp1", ellipse(380, 850, 70, 60)),
            Zone("posterior", "essential", "trp1", ellipse(340, 900, 15, 20), bilateral=True),
        ),
        sources=("Source One (1992).",), summary="A pattern for tests.", aggravating=("walking uphill",),
    )  # fmt: skip


@pytest.fixture(scope="module")
def fake_atlas():
    return make_atlas()


@pytest.fixture(scope="module")
def pattern():
    return make_pattern()


def _axes():
    figure = new_figure((4, 6))
    return figure, figure.add_subplot()


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


# ------------------------------------------------------------------------------------------------ chart


def test_draw_view_frames_the_view_y_down(fake_atlas):
    _, ax = _axes()
    view = fake_atlas.view("posterior")
    box = chart.draw_view(ax, view, box="focus")
    assert box == (150, 600, 490, 1000)
    assert ax.get_xlim() == (150, 490)
    assert ax.get_ylim() == (1000, 600)  # inverted: y grows downwards
    assert ax.get_aspect() == 1.0
    assert "L" in _texts(ax) and "R" in _texts(ax)
    assert ax.patches[0].get_facecolor()[:3] == pytest.approx(
        tuple(int(style.SKIN[i : i + 2], 16) / 255 for i in (1, 3, 5))
    )


def test_landmarks_inside_the_box_only_and_without_side_words(fake_atlas):
    _, ax = _axes()
    chart.draw_view(ax, fake_atlas.view("posterior"), box="focus")
    texts = _texts(ax)
    assert texts.count("PSIS") == 1  # "right PSIS" loses its side word
    assert "psis" in texts  # a landmark without a label shows its id
    assert "heel" not in texts  # outside the focus box


def test_full_box_and_margin_are_clipped_to_the_view(fake_atlas):
    view = fake_atlas.view("posterior")
    assert chart.view_box(view) == (0, 0, 640, 1800)
    assert chart.view_box(view, (10, 20, 630, 1790), margin=50) == (0, 0, 640, 1800)
    with pytest.raises(ValueError):
        chart.view_box(view, "nowhere")


def test_pattern_zones_follow_the_convention(fake_atlas, pattern):
    _, ax = _axes()
    view = fake_atlas.view("posterior")
    chart.draw_view(ax, view)
    before = len(ax.patches)
    drawn = chart.draw_pattern(ax, pattern, view)
    assert drawn == 4  # the bilateral zone appears on both sides
    zones = ax.patches[before:]
    hatched = [p for p in zones if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_hatch() == style.SPILLOVER_HATCH
    solid = [p for p in zones if p.get_fill()]
    assert len(solid) == 3
    xs = sorted(float(p.get_xy()[:, 0].mean()) for p in solid)
    assert xs[0] == pytest.approx(640 - 340, abs=1) and xs[1] == pytest.approx(340, abs=1)
    markers = [line for line in ax.lines if line.get_marker() == "x"]
    assert markers and all(m.get_xdata()[0] == 374 for m in markers)
    assert "TrP1" in _texts(ax)


def test_pattern_box_includes_mirrored_bilateral_zones(pattern):
    box = chart.pattern_box(pattern, "posterior", 640)
    assert box[0] == pytest.approx(640 - 355, abs=0.5)
    assert box[2] == pytest.approx(450, abs=0.5)
    assert chart.pattern_box(pattern, "lateral", 500) is None


def test_difference_is_drawn_as_hatched_vector_regions(fake_atlas):
    _, ax = _axes()
    view = fake_atlas.view("posterior")
    shape = (180, 64)  # 0.1 px per mm
    matched = np.zeros(shape, bool)
    matched[80:90, 30:40] = True
    missed = np.zeros(shape, bool)
    missed[90:95, 30:40] = True
    extra = np.zeros(shape, bool)
    chart.draw_difference(ax, matched, missed, extra, view)
    hatches = {h for c in ax.collections for h in (getattr(c, "hatches", None) or [c.get_hatch()]) if h}
    assert style.MISSED_HATCH in hatches
    assert style.EXTRA_HATCH not in hatches  # nothing extra: nothing drawn
    # The matched square lands at its millimetre place: pixels 30..40 at 10 mm each.
    paths = [p for c in ax.collections for p in c.get_paths() if len(p.vertices)]
    xs = np.concatenate([p.vertices[:, 0] for p in paths])
    assert xs.min() == pytest.approx(300, abs=10) and xs.max() == pytest.approx(400, abs=10)


def test_intensity_layer_is_placed_in_millimetres(fake_atlas):
    _, ax = _axes()
    view = fake_atlas.view("posterior")
    arr = np.zeros((360, 128), np.uint8)
    arr[10, 10] = 7
    arr[12, 14] = 2
    chart.draw_intensity(ax, arr, view)
    [image] = ax.images  # only the painted crop is drawn, at its place in mm (5 mm per pixel here)
    assert image.get_extent() == [50, 75, 65, 50]
    assert image.get_array()[0, 0] == 7 and image.get_array()[2, 4] == 2
    assert np.ma.is_masked(image.get_array()[0, 4])
    chart.draw_intensity(ax, np.zeros_like(arr), view)
    assert len(ax.images) == 1  # nothing painted: no image


# ------------------------------------------------------------------------------------------------ pages


@pytest.mark.parametrize("name", ["x.png", "x.PDF", "dir/x.svg"])
def test_output_format_from_extension(name):
    assert output_format(name) == name.rsplit(".", 1)[1].lower()


@pytest.mark.parametrize("name", ["x.jpg", "x", "x.pdf.tmp"])
def test_unknown_extension_is_one_line_error(name):
    with pytest.raises(ReportError) as err:
        output_format(name)
    assert isinstance(err.value, PainmapError) and "\n" not in str(err.value)


def test_paper_sizes():
    assert paper_size("a4") == pytest.approx((8.27, 11.69), abs=0.01)
    assert paper_size("letter", landscape=True) == (11.0, 8.5)
    with pytest.raises(ReportError):
        paper_size("a3")


def test_save_into_missing_folder_fails_cleanly(tmp_path):
    figure = new_figure((2, 2))
    with pytest.raises(ReportError, match="does not exist"):
        save_figure(figure, tmp_path / "nope" / "x.png")


def test_failed_save_leaves_no_file(tmp_path, monkeypatch):
    figure = new_figure((2, 2))
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")

    def boom(*args, **kwargs):
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(figure, "savefig", boom)
    with pytest.raises(RuntimeError):
        save_figure(figure, target)
    assert target.read_bytes() == b"old"  # the previous file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]  # no temp file left


def test_saved_file_gets_normal_permissions(tmp_path):
    import os

    umask = os.umask(0o022)
    os.umask(umask)
    written = save_figure(new_figure((1, 1)), tmp_path / "x.png")
    assert written.stat().st_mode & 0o777 == 0o666 & ~umask  # not the 0600 of a temporary file


# ------------------------------------------------------------------------------------------------ figures


def _pdf_text(path) -> str:
    return subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils missing")
def test_pattern_sheet_pdf(fake_atlas, pattern, tmp_path):
    from painmap.report import render_pattern_sheet

    out = render_pattern_sheet(pattern, tmp_path / "sheet.pdf", atlas=fake_atlas)
    assert out.read_bytes().startswith(b"%PDF")
    assert _pages(out) == 1
    text = _pdf_text(out)
    for expected in ("Testus medius", "test nerve", "Source One (1992)", "walking uphill", "TrP1", "essential zone"):
        assert expected in text


def test_pattern_sheet_png_and_svg(fake_atlas, pattern, tmp_path):
    from matplotlib.image import imread

    from painmap.report import render_pattern_sheet

    png = render_pattern_sheet(pattern, tmp_path / "sheet.png", atlas=fake_atlas)
    pixels = imread(png)
    assert pixels.shape[:2] == (1240, 1753)  # A4 landscape at 150 dpi
    assert pixels[..., :3].std() > 0.05  # not blank
    svg = render_pattern_sheet(pattern, tmp_path / "sheet.svg", atlas=fake_atlas)
    head = svg.read_text()[:400]
    assert "<svg" in head and 10_000 < svg.stat().st_size < 5_000_000


class FakeComparator:
    """Stands in for compare.Comparator: fixed results, the difference against a fixed square."""

    px_per_mm = 0.5

    def __init__(self, pattern):
        self.pattern = pattern

    def _result(self, side, score):
        zones = {"buttock": 0.5, "sacrum": 0.0}
        return NS(pattern=self.pattern.id, side=side, score=score, dice=0.5, jaccard=0.33, essential_coverage=0.7,
                  spillover_coverage=0.25, precision=0.6, outside_fraction=0.4, zones=zones)  # fmt: skip

    def compare(self, masks):
        return NS(extent_percent=3.25, extent_by_view={"posterior": 3.25},
                  results=[self._result("right", 0.42), self._result("left", 0.05)])  # fmt: skip

    def difference(self, masks, pattern_id, side, view):
        drawn = masks.mask(view)
        pat = np.zeros_like(drawn)
        pat[380:460, 170:210] = True
        return drawn & pat, pat & ~drawn, drawn & ~pat


@pytest.fixture
def drawing():
    return Drawing(
        marks=[Stroke("posterior", 15.0, 6, "aching", ((350.0, 780.0), (400.0, 800.0), (420.0, 860.0)))],
        meta={"note": "Worse after long walks"},
        created="2026-11-23T10:00:00Z",
    )


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils missing")
@pytest.mark.parametrize("paper, size", [("a4", "595.276 x 841.89"), ("letter", "612 x 792")])
def test_drawing_report_pdf(fake_atlas, pattern, drawing, tmp_path, paper, size):
    from painmap.report import render_drawing_report

    library = PatternLibrary(patterns={pattern.id: pattern})
    out = render_drawing_report(
        drawing, tmp_path / "r.pdf", paper, atlas=fake_atlas, library=library, comparator=FakeComparator(pattern)
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert _pages(out) == 2  # page 1 plain words, page 2 for clinicians
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert size in info
    text = " ".join(_pdf_text(out).split())
    for expected in ("Testus medius", "Not a diagnosis", "Worse after long walks", "23 November 2026", "3.2 %", "42"):
        assert expected in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded


def test_drawing_report_refuses_bad_extension_before_work(fake_atlas, pattern, drawing, tmp_path):
    from painmap.report import render_drawing_report

    with pytest.raises(ReportError, match="output format"):
        render_drawing_report(drawing, tmp_path / "r.docx", atlas=fake_atlas, library=None)
    assert list(tmp_path.iterdir()) == []


def test_frequency_map_png(fake_atlas, pattern, tmp_path):
    from matplotlib.image import imread

    from painmap.report import render_frequency_map

    counts = np.zeros((1800, 640), np.int32)
    counts[750:900, 330:420] = 3
    counts[800:850, 350:380] = 4
    agg = Aggregate(counts={"posterior": counts}, px_per_mm=1.0, n_drawings=4, n_by_view={"posterior": 4},
                    view_ids=("posterior",), n_skipped=1)  # fmt: skip
    out = render_frequency_map(agg, tmp_path / "f.png", atlas=fake_atlas)
    pixels = imread(out)
    assert 800 < pixels.shape[0] < 3000 and 800 < pixels.shape[1] < 4000
    # The most frequent spot is drawn with the top colour of the map (100 % of drawings).
    from matplotlib import colormaps

    top = np.array(colormaps[style.FREQUENCY_CMAP](1.0)[:3])
    assert (np.abs(pixels[..., :3] - top).max(axis=-1) < 0.02).sum() > 100


def test_figure_style_embeds_truetype():
    import matplotlib

    with figure_style():
        assert matplotlib.rcParams["pdf.fonttype"] == 42


def test_one_trigger_point_sheet(fake_atlas, tmp_path):
    from dataclasses import replace

    from painmap.errors import UnknownIdError
    from painmap.figures.sheet import only_trigger_point
    from painmap.report import render_pattern_sheet

    base = make_pattern()
    second = TriggerPoint("trp2", "posterior", 420, 900, "TrP2", "lower")
    pattern = replace(
        base,
        trigger_points=(*base.trigger_points, second),
        zones=(*base.zones, Zone("posterior", "spillover", "trp2", ellipse(420, 1000, 30, 40)),
               Zone("posterior", "essential", "", ellipse(300, 700, 10, 10))),
    )  # fmt: skip
    one = only_trigger_point(pattern, "trp2")
    assert [tp.id for tp in one.trigger_points] == ["trp2"]
    assert [z.trigger_point for z in one.zones] == ["trp2", ""]  # its own zones and those of every TrP
    with pytest.raises(UnknownIdError, match="trp9"):
        only_trigger_point(pattern, "trp9")
    if pdftotext:
        out = render_pattern_sheet(pattern, tmp_path / "trp2.pdf", atlas=fake_atlas, trigger_point="trp2")
        text = " ".join(_pdf_text(out).split())
        assert "Testus medius · TrP2" in text and "(drawn here)" in text
        assert "TrP1: near the crest" in text  # the other TrPs are still listed
