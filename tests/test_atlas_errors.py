"""A missing or broken atlas file is refused with one line naming the file and the reason; `painmap atlas` output."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from painmap.atlas import load_atlas
from painmap.errors import AtlasError
from painmap.resources import resource_path


@pytest.fixture
def atlas_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "resources" / "atlas"
    shutil.copytree(resource_path("atlas"), folder)
    return folder


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _refused(folder: Path, *fragments: str) -> str:
    with pytest.raises(AtlasError) as info:
        load_atlas(folder, chart=1)  # the edits below are made to chart 1's files (the loader is one for all)
    message = str(info.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_a_good_copy_loads(atlas_copy):
    atlas = load_atlas(atlas_copy, chart=1)
    assert set(atlas.views) == {"posterior", "lateral", "lateral-left"}


def test_missing_file(atlas_copy):
    (atlas_copy / "lateral.svg").unlink()
    _refused(atlas_copy, "lateral.svg", "missing")


def test_truncated_xml(atlas_copy):
    path = atlas_copy / "posterior.svg"
    path.write_bytes(path.read_bytes()[:5000])
    _refused(atlas_copy, "posterior.svg", "not valid")


def test_not_svg(atlas_copy):
    (atlas_copy / "posterior.svg").write_text("<html><body/></html>", encoding="utf-8")
    _refused(atlas_copy, "posterior.svg", "<html>")


def test_missing_layer(atlas_copy):
    _edit(atlas_copy / "lateral.svg", 'inkscape:label="landmarks"', 'inkscape:label="notes"')
    _refused(atlas_copy, "lateral.svg", "landmarks")


def test_bad_path_data(atlas_copy):
    path = atlas_copy / "posterior.svg"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(id="sacrum" [^>]*d=")M', r"\1Q", text, count=1)
    path.write_text(text, encoding="utf-8")
    _refused(atlas_copy, "posterior.svg", "move-to")


def test_region_id_must_match_zone_and_side(atlas_copy):
    _edit(atlas_copy / "posterior.svg", 'id="buttock-right"', 'id="buttocks-right"')
    _refused(atlas_copy, "posterior.svg", "buttocks-right", "buttock-right")


def test_removed_region_leaves_a_gap(atlas_copy):
    path = atlas_copy / "posterior.svg"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'<path id="upper-thigh-left"[^>]*/>', "", text, count=1)
    path.write_text(text, encoding="utf-8")
    _refused(atlas_copy, "posterior.svg", "gap or overlap")


def test_duplicate_ids_are_refused(atlas_copy):
    _edit(atlas_copy / "posterior.svg", 'id="art-coccyx"', 'id="sacrum"')
    _refused(atlas_copy, "posterior.svg", "'sacrum'", "twice")


def test_missing_required_zone(atlas_copy):
    path = atlas_copy / "lateral.svg"
    text = path.read_text(encoding="utf-8")
    text = text.replace('painmap:zone="knee"', 'painmap:zone="knees"').replace('id="knee-right"', 'id="knees-right"')
    path.write_text(text, encoding="utf-8")
    _refused(atlas_copy, "lateral.svg", "knee")


def test_missing_landmark(atlas_copy):
    _edit(atlas_copy / "posterior.svg", 'painmap:landmark="coccyx"', 'painmap:landmark="tailbone"')
    _refused(atlas_copy, "posterior.svg", "coccyx")


def test_unsupported_element(atlas_copy):
    _edit(atlas_copy / "posterior.svg", '<path id="coccyx"', '<use href="#sacrum"/><path id="coccyx"')
    _refused(atlas_copy, "posterior.svg", "<use>")


def test_unknown_outline_kind(atlas_copy):
    _edit(atlas_copy / "lateral.svg", 'painmap:kind="bone"', 'painmap:kind="bones"')
    _refused(atlas_copy, "lateral.svg", "bones")


def test_edits_inkscape_makes_still_load(atlas_copy):
    """A layer moved with a transform, a region turned into a polygon element, relative path data."""
    path = atlas_copy / "posterior.svg"
    text = path.read_text(encoding="utf-8")
    text = text.replace('inkscape:label="landmarks"', 'inkscape:label="landmarks" transform="translate(0,0)"')
    found = re.search(r'<path id="coccyx" class="region"([^>]*) d="M([^"]*) Z"/>', text)
    assert found
    points = found.group(2).replace(" L", " ")
    polygon = f'<polygon id="coccyx" class="region"{found.group(1)} points="{points}"/>'
    text = text.replace(found.group(0), polygon)
    path.write_text(text, encoding="utf-8")
    atlas = load_atlas(atlas_copy, chart=1)
    assert atlas.view("posterior").region("coccyx").side == "midline"


# ----------------------------------------------------------------------------------------------- command line


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "painmap", *args], capture_output=True, text=True, env=full_env)


def test_atlas_json_has_the_design_keys():
    done = _cli("atlas", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["units"] == "mm"
    ids = [v["id"] for v in data["views"]]
    assert ids == ["posterior", "lateral", "lateral-left", "anterior"]  # the default chart (2) has a front view
    for view in data["views"]:
        assert {"id", "width", "height", "regions", "landmarks"} <= set(view)
        for region in view["regions"]:
            assert {"id", "zone", "side", "polygon"} <= set(region)
            assert region["side"] in ("left", "right", "midline")
            assert len(region["polygon"]) >= 3 and all(len(p) == 2 for p in region["polygon"])
        for landmark in view["landmarks"]:
            assert {"id", "side", "x", "y"} <= set(landmark)
    posterior, view = data["views"][0], load_atlas().view("posterior")
    assert (posterior["width"], posterior["height"]) == (view.width, view.height)
    assert (data["body"], data["chart"]) == ("male", 2)
    assert "buttock-right" in {r["id"] for r in posterior["regions"]}


def test_atlas_text_is_readable():
    done = _cli("atlas")
    assert done.returncode == 0, done.stderr
    for words in ("posterior", "Right side", "right buttock", "PSIS", "L4", "lateral-left"):
        assert words in done.stdout


def test_broken_atlas_on_the_command_line_is_one_line_and_exit_2(atlas_copy):
    (atlas_copy / "charts" / "male-2" / "posterior.svg").write_text("<svg", encoding="utf-8")  # the default chart
    done = _cli("atlas", env={"PAINMAP_RESOURCES": str(atlas_copy.parent)})
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "posterior.svg" in done.stderr and "Traceback" not in done.stderr


def test_regions_saved_as_relative_path_data_load_the_same(atlas_copy):
    """Inkscape rewrites path data as relative commands; the regions must come out the same."""
    path = atlas_copy / "lateral.svg"
    text = path.read_text(encoding="utf-8")

    def relative(found: re.Match) -> str:
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", found.group(2))]
        pts = list(zip(numbers[::2], numbers[1::2], strict=True))
        parts = [f"m {pts[0][0]:g},{pts[0][1]:g}"]
        parts += [f"{x1 - x0:.6f},{y1 - y0:.6f}" for (x0, y0), (x1, y1) in itertools.pairwise(pts)]
        return f'{found.group(1)}d="{" ".join(parts)} z"'

    rewritten, count = re.subn(r'(class="region"[^>]*)d="(M[^"]*) Z"', relative, text)
    assert count == len(load_atlas(chart=1).view("lateral").regions)
    path.write_text(rewritten, encoding="utf-8")
    before, after = load_atlas(chart=1), load_atlas(atlas_copy, chart=1)
    for region in before.view("lateral").regions:
        other = after.view("lateral").region(region.id)
        assert other.polygon.shape == region.polygon.shape
        assert abs(other.polygon - region.polygon).max() < 1e-4
