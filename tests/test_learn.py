"""Learned patterns: frequency map -> zones, thresholds, mirroring, the loader and `compare --library`."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import assert_one_line_error as _one_line_error
from cli_helpers import run_cli as _run

from painmap.drawing import Drawing, Fill, save_drawing
from painmap.learn import LearnError, learn
from painmap.library import extend_library
from painmap.patterns import library_to_json, load_pattern, load_patterns, zone_mask


def _fills(folder: Path, regions_per_drawing) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, regions in enumerate(regions_per_drawing):
        marks = [Fill("posterior", r, 5, "aching") for r in regions]
        save_drawing(Drawing(marks=marks, meta={"subject": f"s{i}"}), folder / f"d{i:02d}.painmap.json")
    return folder


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return np.count_nonzero(a & b) / max(1, np.count_nonzero(a | b))


def _kind_mask(pattern, kind, atlas, view="posterior"):
    out = None
    for zone in pattern.zones_for(view=view, kind=kind):
        m = zone_mask(zone, atlas)
        out = m if out is None else out | m
    return out if out is not None else np.zeros(zone_mask(pattern.zones[0], atlas).shape, dtype=bool)


def test_a_cohort_shading_one_region_gives_that_region_as_essential(tmp_path, atlas):
    from painmap.raster import AtlasMasks

    src = _fills(tmp_path / "d", [["buttock-right"]] * 8)
    done = learn([src], "buttock-group", "Buttock group", tmp_path / "lib", atlas=atlas)
    region = AtlasMasks(atlas).region_mask("posterior", "buttock-right")
    essential = _kind_mask(done.pattern, "essential", atlas)
    assert _jaccard(essential, region) > 0.97
    assert done.pattern.kind == "learned" and not done.pattern.trigger_points and done.pattern.innervation == ""


def test_thresholds_choose_essential_and_spillover(tmp_path, atlas):
    from painmap.raster import AtlasMasks

    # buttock in all 10 drawings, the sacrum in 3 (30 %), the right upper thigh in 1 (10 %)
    cohort = [
        ["buttock-right"] + (["sacrum"] if i < 3 else []) + (["upper-thigh-right"] if i == 9 else []) for i in range(10)
    ]
    src = _fills(tmp_path / "d", cohort)
    masks = AtlasMasks(atlas)
    butt, sacrum, thigh = (masks.region_mask("posterior", r) for r in ("buttock-right", "sacrum", "upper-thigh-right"))

    default = learn([src], "g-default", "G", tmp_path / "lib", atlas=atlas).pattern
    ess, spill = _kind_mask(default, "essential", atlas), _kind_mask(default, "spillover", atlas)
    assert _jaccard(ess, butt) > 0.97  # 100 % >= 0.5; sacrum 30 % is not essential
    assert _jaccard(spill, butt | sacrum) > 0.97  # 30 % >= 0.2 is spillover; the thigh (10 %) is neither
    assert not (spill & thigh).any()

    low = learn([src], "g-low", "G", tmp_path / "lib", essential=0.3, spillover=0.1, atlas=atlas).pattern
    assert _jaccard(_kind_mask(low, "essential", atlas), butt | sacrum) > 0.97
    assert _jaccard(_kind_mask(low, "spillover", atlas), butt | sacrum | thigh) > 0.97

    with pytest.raises(LearnError, match="must not exceed"):
        learn([src], "g-bad", "G", tmp_path / "lib", essential=0.2, spillover=0.5, atlas=atlas)
    with pytest.raises(LearnError, match=r"\(0, 1\]"):
        learn([src], "g-bad", "G", tmp_path / "lib", essential=0.0, spillover=0.0, atlas=atlas)
    assert sorted(p.name for p in (tmp_path / "lib").iterdir()) == ["g-default", "g-low"]  # adds up, no debris


def test_nothing_shaded_often_enough_is_refused(tmp_path, atlas):
    src = _fills(tmp_path / "d", [["buttock-right"], ["sacrum"], ["upper-thigh-right"], ["lumbar-left"]])
    with pytest.raises(LearnError, match="lower --essential"):
        learn([src], "g", "G", tmp_path / "lib", atlas=atlas)
    assert not (tmp_path / "lib" / "g").exists()


def test_one_sided_left_drawings_are_mirrored_unless_asked_not_to(tmp_path, atlas):
    from painmap.raster import AtlasMasks

    src = _fills(tmp_path / "d", [["buttock-left"]] * 4 + [["buttock-right"]] * 2)
    masks = AtlasMasks(atlas)
    right, left = masks.region_mask("posterior", "buttock-right"), masks.region_mask("posterior", "buttock-left")
    mirrored = learn([src], "m", "M", tmp_path / "lib", atlas=atlas)
    assert mirrored.n_mirrored == 4
    assert _jaccard(_kind_mask(mirrored.pattern, "essential", atlas), right) > 0.97
    as_drawn = learn([src], "d", "D", tmp_path / "lib", mirror=False, atlas=atlas)
    assert as_drawn.n_mirrored == 0
    assert _jaccard(_kind_mask(as_drawn.pattern, "essential", atlas), left) > 0.97  # 4 of 6 on the left
    assert _jaccard(_kind_mask(as_drawn.pattern, "spillover", atlas), left | right) > 0.97


def test_round_trip_through_the_loader_and_compare_library(tmp_path, atlas):
    src = _fills(tmp_path / "d", [["buttock-right"]] * 5)
    lib = tmp_path / "lib"
    done = _run("learn", src, "--id", "buttock-group", "--name", "Buttock group", "-o", lib)
    assert done.returncode == 0, done.stderr
    again = load_pattern(lib / "buttock-group", atlas)
    learned = again.extra["learned"]
    assert learned["drawings"] == 5 and learned["essential"] == 0.5 and learned["spillover"] == 0.2
    assert len(learned["files"]) == 5 and learned["date"].endswith("Z")
    assert "5 pain drawings" in again.sources[0]
    js = library_to_json(load_patterns(atlas, lib))
    assert js["patterns"][0]["kind"] == "learned" and js["patterns"][0]["trigger_points"] == []

    drawing = src / "d00.painmap.json"
    out = _run("compare", drawing, "--library", lib, "--format", "json")
    assert out.returncode == 0, out.stderr
    best = json.loads(out.stdout)["results"][0]
    assert best["pattern"] == "buttock-group" and best["side"] == "right" and best["score"] > 0.95
    plain = json.loads(_run("compare", drawing, "--format", "json").stdout)
    assert "buttock-group" not in {r["pattern"] for r in plain["results"]}

    second = _run("learn", src, "--id", "second", "--name", "Second", "-o", lib, "--essential", "0.8")
    assert second.returncode == 0, second.stderr
    both = json.loads(_run("compare", drawing, "--library", lib, "--format", "json").stdout)
    assert {"buttock-group", "second"} <= {r["pattern"] for r in both["results"]}

    _one_line_error(_run("learn", src, "--id", "second", "--name", "Again", "-o", lib))  # an id already there
    _one_line_error(_run("learn", src, "--id", "gluteus-medius", "--name", "Stored", "-o", lib))
    _one_line_error(_run("learn", src, "--id", "Bad Id", "--name", "X", "-o", lib))
    _one_line_error(_run("compare", drawing, "--library", tmp_path / "nowhere"))
    sheet = _run("render", "--pattern", "buttock-group", "--library", lib, "-o", tmp_path / "sheet.png")
    assert sheet.returncode == 0, sheet.stderr


def test_a_broken_library_pattern_is_one_line_and_the_others_load(tmp_path, atlas, library):
    src = _fills(tmp_path / "d", [["buttock-right"]] * 3)
    lib = tmp_path / "lib"
    learn([src], "good", "Good", lib, atlas=atlas)
    learn([src], "broken", "Broken", lib, atlas=atlas)
    toml = lib / "broken" / "pattern.toml"
    toml.write_text(toml.read_text().replace('kind = "learned"', 'kind = "learnt"'))
    (lib / "piriformis").mkdir()  # a clash with a stored id
    merged = extend_library(library, atlas, [lib])
    assert "good" in merged and "broken" not in merged
    assert len(merged.problems) == len(library.problems) + 2
    out = _run("compare", src / "d00.painmap.json", "--library", lib)
    assert out.returncode == 0
    warnings = [line for line in out.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2 and any("broken" in w for w in warnings) and any("piriformis" in w for w in warnings)


def test_a_learned_pattern_with_trigger_points_is_refused(tmp_path, atlas):
    from painmap.errors import PatternError

    src = _fills(tmp_path / "d", [["buttock-right"]] * 3)
    learn([src], "g", "G", tmp_path / "lib", atlas=atlas)
    toml = tmp_path / "lib" / "g" / "pattern.toml"
    toml.write_text(toml.read_text() + '\n[trigger_points.trp1]\nlabel = "TrP1"\n')
    with pytest.raises(PatternError):
        load_pattern(tmp_path / "lib" / "g", atlas)
