"""The command line on two bodies: a drawing is compared, reported and shown on its own body; `--body` carries it
onto the other body's chart (the landmark warp) and says so; `patterns --body` gives that chart's millimetres."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import assert_one_line_error

from painmap.atlas import load_atlas
from painmap.chart_versions import chart_of
from painmap.cli import main
from painmap.cohort_chart import load_onto
from painmap.comparator import comparator
from painmap.compare import to_json
from painmap.drawing import Drawing, Stroke, load_drawing, mirror_drawing, save_drawing
from painmap.geometry import contains
from painmap.raster import DEFAULT_PX_PER_MM, PainMasks

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "right-hip-ache.painmap.json"
CHART_ONE = ROOT / "tests" / "fixtures" / "right-hip-ache-chart1.painmap.json"
MALE = load_atlas(body="male")
FEMALE = load_atlas(body="female")


def run_cli(*args) -> subprocess.CompletedProcess:
    """`painmap ARGS...` in this process (as cli_helpers.run_cli), a usage error (argparse exits) included."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as stop:
            code = stop.code
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def landmark(atlas, key: str, side: str, view: str = "posterior") -> np.ndarray:
    (mark,) = [m for m in atlas.views[view].landmarks if m.id == key and m.side == side]
    return np.array([mark.x, mark.y])


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """The example drawing carried onto the female chart (f), its mirror (f-mirror), the male example (m) and a
    stroke over the female right PSIS (psis)."""
    folder = tmp_path_factory.mktemp("bodies")
    out = {"m": folder / "m.painmap.json", "f": folder / "f.painmap.json"}
    out["m"].write_bytes(EXAMPLE.read_bytes())
    female = load_onto(EXAMPLE, FEMALE)
    save_drawing(female, out["f"], FEMALE)
    out["f-mirror"] = folder / "f-mirror.painmap.json"
    save_drawing(mirror_drawing(female, FEMALE), out["f-mirror"], FEMALE)
    psis = tuple(landmark(FEMALE, "psis", "right"))
    out["psis"] = folder / "psis.painmap.json"
    save_drawing(Drawing(marks=[Stroke("posterior", 8.0, 5, "aching", (psis,))], body="female", chart=2),
                 out["psis"], FEMALE)  # fmt: skip
    return out


@pytest.fixture(scope="module")
def engine_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("engine-cache")


@pytest.fixture(autouse=True)
def _shared_engine_cache(engine_home, monkeypatch):
    """The commands' engine cache is built once for this module, not once per test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(engine_home))


def compare_json(*args) -> tuple[dict, str]:
    done = run_cli("compare", *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def expected(path: Path, atlas) -> dict:
    """`compare --format json` of the drawing on `atlas`, by an explicitly loaded comparator of that chart."""
    comp = comparator(atlas, None, DEFAULT_PX_PER_MM)
    drawing = load_onto(path, atlas)
    return to_json(comp.compare(PainMasks.from_drawing(drawing, atlas, comp.px_per_mm)))


def test_a_female_drawing_compares_on_the_female_chart(files):
    doc, err = compare_json(files["f"])
    assert (doc["body"], doc["chart"]) == chart_of(FEMALE)
    assert "carried_from" not in doc and err == ""
    assert doc["results"] == expected(files["f"], FEMALE)["results"]
    assert doc["results"][0]["score"] > 0.3  # the example's hip ache is found on the female chart too
    text = run_cli("compare", files["f"]).stdout
    assert "Compared on the female body's chart 2." in text
    assert "male" not in text.replace("female", "")


def test_a_female_drawing_and_its_mirror_rank_alike(files):
    right, _ = compare_json(files["f"])
    left, _ = compare_json(files["f-mirror"])
    flip = {"left": "right", "right": "left", "both": "both"}
    assert [(r["pattern"], flip[r["side"]]) for r in right["results"][:6]] == [
        (r["pattern"], r["side"]) for r in left["results"][:6]
    ]
    for a, b in zip(right["results"], left["results"], strict=True):
        assert abs(a["score"] - b["score"]) <= 0.01  # measured: equal (the chart's paired shapes are symmetric)
    assert right["extent_percent"] == pytest.approx(left["extent_percent"], abs=0.05)


def test_body_male_carries_a_female_drawing_onto_the_male_chart(files):
    doc, err = compare_json(files["psis"], "--body", "male")
    assert (doc["body"], doc["chart"]) == chart_of(MALE)
    assert doc["carried_from"] == {"body": "female", "chart": 2}
    assert err.count("\n") == 1 and "carried onto the male body's chart 2" in err
    assert doc["results"] == expected(files["psis"], MALE)["results"]
    (stroke,) = load_onto(files["psis"], MALE).marks
    assert np.hypot(*(np.array(stroke.points[0]) - landmark(MALE, "psis", "right"))) <= 5.0
    doc, _ = compare_json(files["f"], "--body", "male")
    assert doc["results"] == expected(files["f"], MALE)["results"]
    best, on_male = doc["results"][0], compare_json(files["m"])[0]["results"][0]
    assert best["pattern"] == on_male["pattern"]  # carried there and back, the example finds its own match
    assert best["score"] == pytest.approx(on_male["score"], abs=0.03)  # measured: 0.3346 against 0.3349


def test_a_first_chart_drawing_still_compares_on_the_current_male_chart_without_a_note():
    doc, err = compare_json(CHART_ONE)
    assert (doc["body"], doc["chart"]) == chart_of(MALE)
    assert doc["carried_from"] == {"body": "male", "chart": 1} and err == ""


def test_what_changed_between_two_bodies_needs_body(files):
    done = run_cli("compare", files["f"], "--with", files["m"])
    assert_one_line_error(done)
    assert "--body" in done.stderr and "female" in done.stderr
    doc, err = compare_json(files["f"], "--with", files["m"], "--body", "female")
    assert doc["body"] == "female" and "m.painmap.json" in err
    assert doc["change"]["jaccard"] > 0.8  # the same pain, carried from the male chart: mostly overlapping


def test_the_report_of_a_female_drawing_is_drawn_on_the_female_chart(files, tmp_path, monkeypatch):
    import painmap.figures.drawing_report as report

    drawn = []

    class Spy(report.ReportData):
        def __init__(self, drawing, atlas, *args, **kwargs):
            drawn.append((drawing, atlas))
            super().__init__(drawing, atlas, *args, **kwargs)

    monkeypatch.setattr(report, "ReportData", Spy)
    done = run_cli("render", files["f"], "-o", tmp_path / "r.pdf")
    assert done.returncode == 0, done.stderr
    assert "note" not in done.stderr and (tmp_path / "r.pdf").stat().st_size > 10_000
    ((drawing, atlas),) = drawn
    assert atlas is FEMALE and drawing == load_drawing(files["f"], FEMALE)


def test_render_body_carries_the_drawing(files, tmp_path, monkeypatch):
    import painmap.report

    drawn = {}

    def fake_report(drawing, path, paper="a4", *, atlas=None, library=None, source=None, **_):
        drawn.update(drawing=drawing, atlas=atlas, source=source)
        Path(path).write_bytes(b"")
        return Path(path)

    monkeypatch.setattr(painmap.report, "render_drawing_report", fake_report)
    done = run_cli("render", files["psis"], "-o", tmp_path / "r.pdf", "--body", "male")
    assert done.returncode == 0, done.stderr
    assert chart_of(drawn["atlas"]) == chart_of(MALE) and drawn["drawing"].body == "male"
    assert "carried onto the male body's chart 2" in done.stderr
    point = np.array(drawn["drawing"].marks[0].points[0])
    assert np.hypot(*(point - landmark(MALE, "psis", "right"))) <= 5.0
    done = run_cli("render", files["m"], "-o", tmp_path / "r.pdf")
    assert chart_of(drawn["atlas"]) == chart_of(MALE) and "note" not in done.stderr


@pytest.fixture
def timeline_drawn(monkeypatch):
    """What `timeline` draws (entries and chart), without drawing it."""
    import painmap.figures.timeline

    drawn = {}

    def fake_timeline(entries, path, atlas, paper="a4"):
        drawn.update(entries=entries, atlas=atlas)
        return Path(path)

    monkeypatch.setattr(painmap.figures.timeline, "render_timeline", fake_timeline)
    return drawn


def test_a_timeline_of_mixed_bodies_carries_onto_one_and_says_so(files, tmp_path, timeline_drawn):
    done = run_cli("timeline", files["m"], files["f"], "-o", tmp_path / "t.pdf")
    assert done.returncode == 0, done.stderr
    assert "skipped" not in done.stderr and "timeline of 2 drawings" in done.stderr
    (note,) = [line for line in done.stderr.splitlines() if "note" in line]
    assert "1 of 2 drawings are of the female body" in note and "male body's chart 2" in note
    assert chart_of(timeline_drawn["atlas"]) == chart_of(MALE)
    assert {e.body for e in timeline_drawn["entries"]} == {"male"}
    extents = [e.extent_percent for e in timeline_drawn["entries"]]
    assert extents[0] == pytest.approx(extents[1], rel=0.15)  # the same pain drawn on both bodies

    done = run_cli("timeline", files["m"], files["f"], "-o", tmp_path / "t.pdf", "--body", "female")
    assert chart_of(timeline_drawn["atlas"]) == chart_of(FEMALE) and "(--body)" in done.stderr
    done = run_cli("timeline", files["f"], files["f-mirror"], "-o", tmp_path / "t.pdf")
    assert chart_of(timeline_drawn["atlas"]) == chart_of(FEMALE) and "note" not in done.stderr


def test_patterns_body_female_gives_the_female_charts_millimetres():
    done = run_cli("patterns", "--body", "female", "--format", "json")
    assert done.returncode == 0, done.stderr
    female = json.loads(done.stdout)
    male = json.loads(run_cli("patterns", "--format", "json").stdout)
    assert (female["body"], female["chart"], male["body"]) == ("female", 2, "male")
    moved = 0
    for fp, mp in zip(female["patterns"], male["patterns"], strict=True):
        for tp, mtp in zip(fp["trigger_points"], mp["trigger_points"], strict=True):
            view = FEMALE.views[tp["view"]]
            inside = any(contains(poly, [(tp["x"], tp["y"])])[0] for poly in view.silhouette)
            assert inside, (fp["id"], tp["id"])
            moved += np.hypot(tp["x"] - mtp["x"], tp["y"] - mtp["y"]) > 1.0
        for zone in fp["zones"]:
            pts = np.array(zone["polygon"])
            width, height = FEMALE.views[zone["view"]].width, FEMALE.views[zone["view"]].height
            assert pts[:, 0].min() >= 0 and pts[:, 0].max() <= width and pts[:, 1].max() <= height
    assert moved >= 10  # the female chart's own millimetres, not the male ones
    text = run_cli("patterns", "gluteus-medius", "--body", "female").stdout
    assert "millimetres on the female body's chart 2" in text


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "{f}", "--body", "alien"),
        ("compare", "{f}", "--with", "{m}"),
        ("timeline", "{f}", "-o", "{out}.pdf", "--body", "x"),
        ("patterns", "--chart", "9"),
        ("patterns", "--body", "female", "--chart", "1"),
        ("render", "{f}", "-o", "{out}.pdf", "--chart", "1"),  # the drawing's (female) body has no chart 1
        ("render", "{f}", "-o", "{out}.pdf", "--body", "nobody"),
    ],
)
def test_every_bad_value_is_one_line(files, tmp_path, args):
    out = tmp_path / "out"
    done = run_cli(*(a.format(f=files["f"], m=files["m"], out=out) for a in args))
    assert_one_line_error(done)
    assert list(tmp_path.iterdir()) == []  # nothing written
