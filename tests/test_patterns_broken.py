"""Broken pattern files: each way of breaking one gives its documented one-line message and the rest still loads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap.cli import main
from painmap.patterns import default_root, load_patterns

VICTIM = "gluteus-medius"


@pytest.fixture(scope="module")
def atlas():
    """Chart 1: the pattern SVGs edited here are drawn on it (they load there as they are, no warp)."""
    from painmap.atlas import load_atlas

    return load_atlas(body="male", chart=1)


ZONE = re.compile(r'(<path id="trp2-essential"[^>]*?\n\s*d=")([^"]*)(")')


@pytest.fixture
def patterns_copy(tmp_path) -> Path:
    """A private copy of the bundled pattern folders (the atlas stays the bundled one)."""
    root = tmp_path / "patterns"
    shutil.copytree(default_root(), root)
    return root


def edit(path: Path, old: str | re.Pattern, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = old.sub(new, text, count=1) if isinstance(old, re.Pattern) else text.replace(old, new, 1)
    assert changed != text, f"fixture edit did not apply to {path.name}"
    path.write_text(changed, encoding="utf-8")


def toml(root: Path) -> Path:
    return root / VICTIM / "pattern.toml"


def svg(root: Path, view: str = "posterior") -> Path:
    return root / VICTIM / f"{view}.svg"


def set_zone_path(root: Path, d: str) -> None:
    edit(svg(root), ZONE, rf"\g<1>{d}\g<3>")


BREAKAGES = {
    "bad TOML": (
        lambda r: edit(toml(r), 'name = "Gluteus medius"', 'name = "Gluteus medius'),
        "pattern.toml",
        "bad TOML",
    ),
    "missing field": (
        lambda r: edit(toml(r), 'innervation = "Superior gluteal nerve (L4–S1)"\n', ""),
        "pattern.toml",
        "missing field 'innervation'",
    ),
    "empty text": (lambda r: edit(toml(r), 'name = "Gluteus medius"', 'name = " "'), "pattern.toml", "'name' must be"),
    "bad kind": (lambda r: edit(toml(r), 'kind = "muscle"', 'kind = "tendon"'), "pattern.toml", "kind 'tendon'"),
    "id differs from folder": (
        lambda r: edit(toml(r), 'id = "gluteus-medius"', 'id = "gluteus-minimus"'),
        "pattern.toml",
        "differs from the folder name",
    ),
    "trigger point label not text": (
        lambda r: edit(toml(r), 'label = "TrP2"', "label = 2"),
        "pattern.toml",
        "[trigger_points.trp2] label must be text",
    ),
    "missing sources": (lambda r: _empty_sources(r), "pattern.toml", "missing sources"),
    "unknown view": (
        lambda r: edit(toml(r), 'views = ["posterior", "lateral"]', 'views = ["posterior", "front"]'),
        "pattern.toml",
        "unknown view 'front'",
    ),
    "left view stored": (
        lambda r: edit(toml(r), 'views = ["posterior", "lateral"]', 'views = ["posterior", "lateral-left"]'),
        "pattern.toml",
        "unknown view 'lateral-left'",
    ),
    "missing SVG": (lambda r: svg(r, "lateral").unlink(), "lateral.svg", "missing SVG lateral.svg"),
    "unlisted SVG": (lambda r: shutil.copy(svg(r), r / VICTIM / "extra.svg"), "extra.svg", "not listed in 'views'"),
    "broken XML": (lambda r: edit(svg(r), "</svg>", ""), "posterior.svg", "bad SVG"),
    "wrong viewBox": (
        lambda r: edit(svg(r), 'viewBox="0 0 640 1800"', 'viewBox="0 0 64 180"'),
        "posterior.svg",
        "viewBox",
    ),
    "self-intersecting zone": (
        lambda r: set_zone_path(r, "M 420,800 L 460,850 L 460,800 L 420,850 Z"),
        "posterior.svg",
        "'trp2-essential' crosses itself",
    ),
    "zone outside the body": (
        lambda r: set_zone_path(r, "M 5,5 L 40,5 L 40,40 L 5,40 Z"),
        "posterior.svg",
        "'trp2-essential' reaches outside the body silhouette",
    ),
    "zone edge across the gap between the legs": (
        lambda r: set_zone_path(r, "M 300,1000 L 340,1000 L 340,1040 L 300,1040 Z"),
        "posterior.svg",
        "'trp2-essential' reaches outside the body silhouette",
    ),
    "open zone": (
        lambda r: set_zone_path(r, "M 420,800 L 460,800 L 460,850 L 420,850"),
        "posterior.svg",
        "'trp2-essential' is not closed",
    ),
    "two shapes in one zone": (
        lambda r: set_zone_path(r, "M 420,800 L 440,800 L 440,820 Z M 420,830 L 440,830 L 440,850 Z"),
        "posterior.svg",
        "'trp2-essential' has 2 shapes",
    ),
    "bad path data": (lambda r: set_zone_path(r, "M 420,800 L 440,oops Z"), "posterior.svg", "bad SVG geometry"),
    "zone not a path": (lambda r: _zone_as_rect(r), "posterior.svg", "convert it with Path > Object to Path"),
    "bad zone kind": (
        lambda r: edit(
            svg(r), 'id="trp2-essential" painmap:kind="essential"', 'id="trp2-essential" painmap:kind="core"'
        ),
        "posterior.svg",
        "kind 'core'",
    ),
    "unknown trigger point reference": (
        lambda r: edit(
            svg(r), 'painmap:trigger-point="trp2" painmap:label', 'painmap:trigger-point="trp9" painmap:label'
        ),
        "posterior.svg",
        "unknown trigger point 'trp9'",
    ),
    "trigger point outside the body": (
        lambda r: edit(svg(r), 'painmap:trigger-point="trp2" cx="419.0"', 'painmap:trigger-point="trp2" cx="5.0"'),
        "posterior.svg",
        "'trp2' at (5, ",
    ),
    "duplicate trigger point": (
        lambda r: edit(svg(r), 'painmap:trigger-point="trp2" cx=', 'painmap:trigger-point="trp1" cx='),
        "posterior.svg",
        "'trp1' is marked twice",
    ),
    "duplicate zone id": (
        lambda r: edit(svg(r), '<path id="trp2-essential"', '<path id="trp1-essential"'),
        "posterior.svg",
        "duplicate zone id 'trp1-essential'",
    ),
    "trigger point without text": (
        lambda r: edit(toml(r), "[trigger_points.trp3]", "[trigger_points.trp3x]"),
        "pattern.toml",
        "'trp3' is drawn but has no [trigger_points.trp3] table",
    ),
    "bad weight": (
        lambda r: edit(
            svg(r),
            'id="trp2-essential" painmap:kind="essential"',
            'id="trp2-essential" painmap:weight="1.5" painmap:kind="essential"',
        ),
        "posterior.svg",
        "weight '1.5'; it must be a number in (0, 1]",
    ),
    "zero weight": (
        lambda r: edit(
            svg(r),
            'id="trp2-essential" painmap:kind="essential"',
            'id="trp2-essential" painmap:weight="0" painmap:kind="essential"',
        ),
        "posterior.svg",
        "weight '0'",
    ),
    "bad bilateral flag": (
        lambda r: edit(svg(r), 'painmap:bilateral="true"', 'painmap:bilateral="both"'),
        "posterior.svg",
        "bilateral='both'",
    ),
}


def _empty_sources(root: Path) -> None:
    text = toml(root).read_text(encoding="utf-8")
    start = text.index("sources = [")
    end = text.index("]", start)
    toml(root).write_text(text[:start] + "sources = []" + text[end + 1 :], encoding="utf-8")


def _zone_as_rect(root: Path) -> None:
    text = svg(root).read_text(encoding="utf-8")
    start = text.index('<path id="trp2-essential"')
    end = text.index("/>", start) + 2
    rect = (
        '<rect id="trp2-essential" painmap:kind="essential" painmap:trigger-point="trp2"'
        ' x="420" y="800" width="30" height="30" />'
    )
    svg(root).write_text(text[:start] + rect + text[end:], encoding="utf-8")


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_each_breakage_is_reported_and_the_rest_loads(atlas, patterns_copy, name):
    breaker, filename, message = BREAKAGES[name]
    breaker(patterns_copy)
    library = load_patterns(atlas, patterns_copy)
    assert VICTIM not in library
    assert len(library) == len(list(default_root().iterdir())) - 1  # every other folder loaded
    (problem,) = library.problems
    assert problem.pattern == VICTIM
    assert Path(problem.path).name == filename
    assert message in problem.message
    line = str(problem)
    assert "\n" not in line and line.startswith(problem.path) and VICTIM in line


def test_intact_copy_loads_without_problems(atlas, patterns_copy):
    library = load_patterns(atlas, patterns_copy)
    assert not library.problems
    assert set(library.patterns) == set(load_patterns(atlas).patterns)


def test_inkscape_style_edits_still_load(atlas, patterns_copy):
    """Relative path commands, a group transform and an X-shaped path as the trigger point all work."""
    text = svg(patterns_copy).read_text(encoding="utf-8")
    text = text.replace(
        '<g id="layer-essential"', '<g transform="translate(-10,0)" id="layer-essential"'
    )  # the whole layer moved 10 mm to the left
    text = re.sub(
        r'<circle id="mark-trp2"[^>]*/>',
        '<path id="mark-trp2" painmap:trigger-point="trp2" d="m 415,759 8,8 m -8,0 8,-8" />',
        text,
    )
    svg(patterns_copy).write_text(text, encoding="utf-8")
    original = load_patterns(atlas).get(VICTIM)
    library = load_patterns(atlas, patterns_copy)
    assert not library.problems
    moved = library.get(VICTIM)
    a, b = (next(z for z in p.zones if z.id == "trp1-essential") for p in (original, moved))
    assert b.polygon[:, 0].mean() == pytest.approx(a.polygon[:, 0].mean() - 10, abs=0.01)
    assert moved.trigger_point("trp2").x == pytest.approx(419.0)
    assert moved.trigger_point("trp2").y == pytest.approx(763.0)


@pytest.fixture
def broken_resources(tmp_path, monkeypatch, patterns_copy):
    """PAINMAP_RESOURCES pointing at a copy whose gluteus-medius has a self-crossing zone."""
    set_zone_path(patterns_copy, "M 420,800 L 460,850 L 460,800 L 420,850 Z")
    atlas_dir = default_root().parent / "atlas"
    (tmp_path / "atlas").symlink_to(atlas_dir, target_is_directory=True)
    monkeypatch.setenv("PAINMAP_RESOURCES", str(tmp_path))
    return tmp_path


def test_cli_warns_on_stderr_and_lists_the_rest(broken_resources, capsys):
    assert main(["patterns"]) == 0
    out, err = capsys.readouterr()
    assert "gluteus-maximus" in out and VICTIM not in out
    (line,) = err.strip().splitlines()
    assert line.startswith("painmap: warning:") and "crosses itself" in line


def test_cli_asking_for_the_broken_pattern_is_exit_2_with_the_reason(broken_resources, capsys):
    assert main(["patterns", VICTIM]) == 2
    _, err = capsys.readouterr()
    last = err.strip().splitlines()[-1]
    assert last.startswith("painmap: ") and "did not load" in last and "crosses itself" in last
    assert "Traceback" not in err


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=3, max_size=14))
def test_fast_crossing_check_agrees_with_geometry(points):
    from painmap import geometry

    poly = np.array(points, dtype=float)
    assert geometry.crosses_itself(poly) == bool(geometry.self_intersections(poly))
    assert geometry.crosses_itself(poly, max_pairs=0) == bool(geometry.self_intersections(poly))  # the fallback path


def test_badly_named_folder_is_reported(atlas, patterns_copy):
    bad = patterns_copy / "Gluteus_Medius"
    shutil.copytree(patterns_copy / VICTIM, bad)
    edit(bad / "pattern.toml", 'id = "gluteus-medius"', 'id = "Gluteus_Medius"')
    library = load_patterns(atlas, patterns_copy)
    (problem,) = library.problems
    assert problem.pattern == "Gluteus_Medius" and "lower-case words joined by '-'" in problem.message
    assert VICTIM in library
