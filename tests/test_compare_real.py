"""The engine on the bundled atlas and pattern library, and the `painmap compare` command."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from chart_helpers import from_chart_one, point_from_chart_one

from painmap.cli import main
from painmap.compare import SIDES, Comparator, compare_drawing, iter_folder, rank, to_json
from painmap.drawing import Drawing, Erase, Fill, Stroke, mirror_drawing, save_drawing
from painmap.raster import AtlasMasks, PainMasks

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "right-hip-ache.painmap.json"
# the right posterior iliac crest, from the PSIS up and out to the crest's summit (docs/architecture.md): read
# off chart 1, carried onto the current chart
(_CREST,) = from_chart_one(
    Stroke(
        "posterior", 15.0, 6, "aching", ((364.6, 804.8), (380.0, 770.0), (400.0, 750.0), (420.0, 735.0), (435.5, 725.0))
    )
)
RIGHT_CREST = _CREST.points
METRICS = ("score", "dice", "jaccard", "essential_coverage", "spillover_coverage", "precision", "outside_fraction")


@pytest.fixture(scope="module")
def comparator(atlas, library):
    return Comparator(atlas, library)


def crest_drawing() -> Drawing:
    return Drawing(marks=[Stroke("posterior", 15.0, 6, "aching", RIGHT_CREST)])


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_library_loaded_without_problems(library):
    assert len(library) >= 5 and "gluteus-medius" in library


def test_right_iliac_crest_ranks_gluteus_medius_near_the_top(atlas, comparator):
    comparison = comparator.compare(PainMasks.from_drawing(crest_drawing(), atlas))
    ranked = [r.pattern for r in comparison.results]
    assert "gluteus-medius" in ranked[:3]
    medius = comparison.result("gluteus-medius")
    assert medius.side == "right" and medius.precision > 0.5
    assert medius.zones.get("iliac-crest", 0) > 0.3


def test_mirrored_drawings_score_the_same_on_the_real_chart(atlas, comparator):
    rng = np.random.default_rng(5)
    marks = [Stroke("posterior", 15.0, 6, "aching", RIGHT_CREST)]
    for view, centre in (("posterior", (400, 860)), ("lateral", (250, 880)), ("posterior", (330, 800))):
        pts = np.asarray(point_from_chart_one(view, *centre)) + rng.normal(0, 12, (6, 2)).cumsum(axis=0)
        marks.append(Stroke(view, float(rng.uniform(8, 20)), 5, "aching", tuple(map(tuple, pts.tolist()))))
    marks.append(Fill("posterior", "buttock-right", 3, "dull"))
    drawing = Drawing(marks=marks)
    a = comparator.compare(PainMasks.from_drawing(drawing, atlas))
    b = comparator.compare(PainMasks.from_drawing(mirror_drawing(drawing, atlas), atlas))
    swap = {"right": "left", "left": "right", "both": "both"}
    assert a.extent_percent == b.extent_percent
    for ra in a.results:
        rb = b.result(ra.pattern)
        assert [getattr(ra, m) for m in METRICS] == [getattr(rb, m) for m in METRICS]
        assert rb.side == swap[ra.side] and ra.zones == rb.zones


def test_atlas_masks_of_the_real_chart(atlas):
    am = AtlasMasks(atlas)
    post = am.view("posterior")
    assert np.array_equal(post.labels != 0, post.silhouette)
    assert np.array_equal(post.silhouette, post.silhouette[:, ::-1])
    assert np.array_equal(post.region_mask("buttock-left"), post.region_mask("buttock-right")[:, ::-1])
    lat, latl = am.view("lateral"), am.view("lateral-left")
    assert np.array_equal(latl.region_mask("hip-left"), lat.region_mask("hip-right")[:, ::-1])
    pm = PainMasks(atlas)
    pm.fill("posterior", "sacrum", 4)
    assert np.array_equal(pm.mask("posterior"), post.region_mask("sacrum"))


def test_resolution_independence_on_the_real_library(atlas, library):
    from painmap.drawing import load_drawing

    drawing = load_drawing(EXAMPLE, atlas)
    one, two = Comparator(atlas, library, 1.0), Comparator(atlas, library, 2.0)
    m1, m2 = PainMasks.from_drawing(drawing, atlas, 1.0), PainMasks.from_drawing(drawing, atlas, 2.0)
    assert one.compare(m1).extent_percent == pytest.approx(two.compare(m2).extent_percent, rel=0.01)
    for pid in library.patterns:
        for side in SIDES:
            r1, r2 = one.compare_side(m1, pid, side), two.compare_side(m2, pid, side)
            for m in METRICS:
                assert getattr(r1, m) == pytest.approx(getattr(r2, m), abs=0.01), (pid, side, m)


def test_empty_drawing_on_the_real_library(atlas, comparator):
    comparison = comparator.compare(PainMasks(atlas))
    assert comparison.extent_percent == 0.0
    assert all(r.score == 0.0 and r.outside_fraction == 0.0 for r in comparison.results)


def test_cli_json_equals_the_api(tmp_path, atlas):
    path = tmp_path / "crest.painmap.json"
    save_drawing(crest_drawing(), path, atlas)
    code, out, err = run_cli("compare", str(path), "--format", "json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc.pop("marks_outside") == {"count": 0, "indices": [], "by_view": {}}  # keys compare adds
    assert (doc.pop("body"), doc.pop("chart")) == ("male", atlas.chart) and "carried_from" not in doc
    assert doc == to_json(compare_drawing(path))
    assert [r["pattern"] for r in json.loads(out)["results"]] == [p for p, _, _ in rank(path)]


def test_cli_text_and_pattern_option(tmp_path, atlas):
    path = tmp_path / "crest.painmap.json"
    save_drawing(crest_drawing(), path, atlas)
    code, out, _ = run_cli("compare", str(path))
    assert code == 0
    assert "Gluteus medius" in out and "not a diagnosis" in out and "Most alike" in out
    code, out, _ = run_cli("compare", str(path), "--pattern", "gluteus-medius", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and [r["pattern"] for r in doc["results"]] == ["gluteus-medius"]


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "{missing}"),
        ("compare", "{bad}"),
        ("compare", "{good}", "--pattern", "no-such-muscle"),
        ("compare", "{good}", "--format", "xml"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, atlas, args):
    good = tmp_path / "good.painmap.json"
    save_drawing(crest_drawing(), good, atlas)
    bad = tmp_path / "bad.painmap.json"
    bad.write_text('{"format": "painmap-drawing", "version": 1, "marks": [{"type": "stroke"}]}')
    names = {"missing": tmp_path / "nope.painmap.json", "bad": bad, "good": good}
    argv = [a.format(**names) for a in args]
    proc = subprocess.run([sys.executable, "-m", "painmap", *argv], capture_output=True, text=True)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_compare_command_loads_neither_matplotlib_nor_widgets():
    code = (
        "import sys, contextlib, io\n"
        "from painmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['compare', {str(EXAMPLE)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith(('matplotlib', 'PySide6.QtWidgets'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_compare_with_the_engine_cache_loads_no_pattern_reader(tmp_path):
    """The cached library is used as it is: the SVG and TOML pattern loader is not imported."""
    import os

    code = (
        "import sys, contextlib, io\n"
        "from painmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['compare', {str(EXAMPLE)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m in ('painmap.patterns', 'painmap.pattern_svg', 'painmap.svgpath')))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-c", code]
    runs = [subprocess.run(command, capture_output=True, text=True, check=True, env=env) for _ in "ab"]
    assert runs[0].stdout.strip() != "[]"  # the first run builds the cache from the pattern files
    assert runs[1].stdout.strip() == "[]"


def test_iter_folder_yields_results_and_errors(tmp_path, atlas):
    save_drawing(crest_drawing(), tmp_path / "a.painmap.json", atlas)
    (tmp_path / "b.painmap.json").write_text("{not json")
    items = list(iter_folder(tmp_path))
    assert [p.name for p, _ in items] == ["a.painmap.json", "b.painmap.json"]
    assert items[0][1].best is not None
    assert isinstance(items[1][1], Exception) and "b.painmap.json" in str(items[1][1])


# --- the engine cache of the command line -----------------------------------------------------------------------


def test_engine_cache_is_written_then_used(monkeypatch, tmp_path):
    import painmap.compare as compare

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = compare.cached_comparator()
    files = list((tmp_path / "painmap").glob("engine-*.pickle"))
    assert len(files) == 1

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the cache should have been used")

    monkeypatch.setattr("painmap.engine_cache.comparator", no_rebuild)
    second = compare.cached_comparator()
    assert second.atlas is not first.atlas  # restored from the file
    drawing = crest_drawing()
    a = first.compare(PainMasks.from_drawing(drawing, first.atlas))
    b = second.compare(PainMasks.from_drawing(drawing, second.atlas))
    assert to_json(a) == to_json(b)


def test_engine_cache_rebuilds_a_broken_file_and_can_be_turned_off(monkeypatch, tmp_path):
    import painmap.compare as compare

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = tmp_path / "painmap" / f"engine-{compare.engine_cache_key()}.pickle"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    comp = compare.cached_comparator()
    assert comp.compare(PainMasks(comp.atlas)).results
    assert path.stat().st_size > 1000
    path.unlink()
    monkeypatch.setenv("PAINMAP_NO_CACHE", "1")
    compare.cached_comparator()
    assert not path.exists()


def test_engine_cache_key_follows_the_resource_files(monkeypatch, tmp_path):
    import os
    import shutil

    from painmap.compare import engine_cache_key
    from painmap.resources import resources_dir

    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    monkeypatch.setenv("PAINMAP_RESOURCES", str(copy))
    key = engine_cache_key()
    assert engine_cache_key() == key and engine_cache_key(2.0) != key
    svg = next((copy / "patterns").rglob("*.svg"))
    st = svg.stat()
    os.utime(svg, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert engine_cache_key() != key


def generated_drawings(atlas, count: int = 40, seed: int = 11) -> list[Drawing]:
    """Seeded drawings over the whole chart: strokes on every view, some erasures and region fills, one empty."""
    rng = np.random.default_rng(seed)
    views = list(atlas.views)
    drawings = [Drawing(marks=[])]
    for _ in range(count):
        marks = []
        for _ in range(int(rng.integers(1, 25))):
            weights = np.array([0.6, 0.25, 0.15, 0.15][: len(views)])
            view = atlas.view(str(rng.choice(views, p=weights / weights.sum())))
            kind = rng.random()
            if kind < 0.08:
                region = view.regions[int(rng.integers(len(view.regions)))]
                marks.append(Fill(view.id, region.id, int(rng.integers(1, 11)), "aching"))
                continue
            centre = rng.uniform([0.2 * view.width, 0.3 * view.height], [0.8 * view.width, 0.7 * view.height])
            steps = rng.normal(0, 12, (int(rng.integers(1, 12)), 2)).cumsum(axis=0)
            pts = np.clip(centre + steps, 0, [view.width, view.height])
            pts = tuple(map(tuple, np.round(pts, 1).tolist()))
            radius = float(round(rng.uniform(4, 25), 1))
            if kind < 0.15:
                marks.append(Erase(view.id, radius, pts))
            else:
                marks.append(Stroke(view.id, radius, int(rng.integers(1, 11)), "aching", pts))
        drawings.append(Drawing(marks=marks))
    return drawings


@pytest.mark.parametrize("px_per_mm", [0.5, 1.0])
def test_scores_only_equal_compare_on_the_real_library(atlas, library, px_per_mm):
    """The aggregate CSV's path (`Comparator.scores`) gives exactly the scores, sides and order of `compare`."""
    comp = Comparator(atlas, library, px_per_mm)
    nonzero = 0
    for drawing in generated_drawings(atlas):
        masks = PainMasks.from_drawing(drawing, atlas, px_per_mm)
        full, fast = comp.compare(masks), comp.scores(masks)
        assert list(fast.ranking) == [(r.pattern, r.side, r.score) for r in full.results]
        assert fast.side_scores == {r.pattern: r.side_scores for r in full.results}
        assert (fast.extent_percent, fast.extent_by_view, fast.views) == (
            full.extent_percent,
            full.extent_by_view,
            full.views,
        )
        nonzero += full.best.score > 0
    assert nonzero >= 30  # most drawings touch some pattern: the equality is not only of zeros


def test_aggregate_rows_equal_the_full_comparison(atlas, library, tmp_path):
    """Each CSV row of `painmap aggregate` holds the numbers `compare` gives at the aggregation's resolution."""
    from painmap.aggregate import AGGREGATE_PX_PER_MM, DrawingProcessor

    processor = DrawingProcessor(AGGREGATE_PX_PER_MM, atlas, library)
    comp = Comparator(atlas, library, AGGREGATE_PX_PER_MM)
    for k, drawing in enumerate(generated_drawings(atlas, count=15, seed=3)):
        path = tmp_path / f"d{k}.painmap.json"
        save_drawing(drawing, path)
        row = processor.process(path).row
        full = comp.compare(PainMasks.from_drawing(drawing, atlas, AGGREGATE_PX_PER_MM))
        assert row.scores == {r.pattern: r.score for r in full.results}
        assert (row.extent_percent, row.extent_by_view) == (full.extent_percent, full.extent_by_view)
        best = full.best if full.best.score > 0 else None
        assert (row.best_pattern, row.best_side, row.best_score) == (
            (best.pattern, best.side, best.score) if best else ("", "", 0.0)
        )


def test_scores_of_a_comparator_from_the_engine_cache_equal_compare(monkeypatch, tmp_path, atlas):
    import painmap.compare as compare

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compare.cached_comparator()
    restored = compare.cached_comparator()  # from the file: its pattern data replaced after construction
    for drawing in generated_drawings(atlas, count=8, seed=5):
        masks = PainMasks.from_drawing(drawing, restored.atlas)
        full = restored.compare(masks)
        assert list(restored.scores(masks).ranking) == [(r.pattern, r.side, r.score) for r in full.results]
