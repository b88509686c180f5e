"""CHOIR exchange: import -> export gives the keys back, sides are right, bad keys are one line, data is the tool's."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import assert_one_line_error as _one_line_error
from cli_helpers import run_cli as _run

from painmap.choir import ChoirError, choir_masks, export_choir, import_choir, load_choir
from painmap.drawing import Drawing, Fill
from painmap.raster import PainMasks

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("body", ["male", "female"])
def test_import_then_export_gives_the_keys_back(tmp_path, atlas, body):
    from painmap.atlas import load_atlas
    from painmap.choir import ChoirMasks

    mapped = ChoirMasks(load_atlas(body=body), body).crops  # the keys inside this body's current chart
    keys = [k for k in ["b05", "b12", "b19", "b22", "b24", "b29", "b31", "b36"] if k in mapped]
    assert len(keys) >= 6
    out = tmp_path / "c.painmap.json"
    done = _run("import", "--choir", ",".join(reversed(keys)), "-o", out, "--body", body)
    assert done.returncode == 0, done.stderr
    exported = _run("export", "--choir", out, "--body", body)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == ",".join(keys)


def test_imported_strokes_paint_exactly_the_mapped_area(atlas):
    drawing = import_choir("b23,b18", atlas=atlas)
    masks = PainMasks.from_drawing(drawing, atlas)
    expected = np.zeros(masks.grid("posterior").shape, dtype=bool)
    for key in ("b23", "b18"):
        rect, mask = choir_masks(atlas).crops[key]
        expected[rect.slices] |= mask
    np.testing.assert_array_equal(masks.mask("posterior"), expected)


def test_a_fill_of_the_right_buttock_exports_the_right_buttock_key(atlas):
    right = export_choir(Drawing(marks=[Fill("posterior", "buttock-right", 5, "aching")]), atlas=atlas)
    assert "b24" in right and "b23" not in right
    left = export_choir(Drawing(marks=[Fill("posterior", "buttock-left", 5, "aching")]), atlas=atlas)
    assert "b23" in left and "b24" not in left
    assert load_choir().regions["b24"].title == "Buttocks (back-right)"


def test_share_is_a_threshold(atlas):
    half = Drawing(marks=[Fill("posterior", "buttock-right", 5, "aching")])
    assert export_choir(half, share=0.5, atlas=atlas) != export_choir(half, share=0.01, atlas=atlas)
    with pytest.raises(ChoirError):
        export_choir(half, share=0.0, atlas=atlas)


def test_bad_keys_are_one_line(tmp_path, atlas):
    from painmap.choir import ChoirMasks

    out = tmp_path / "x.painmap.json"
    mapped = ChoirMasks(atlas).crops
    outside = [k for k in (f"b{i:02d}" for i in range(1, 39)) if k not in mapped][:1]  # e.g. a hand, if any
    for keys in ("b24,nope", "b99", *outside, ""):
        _one_line_error(_run("import", "--choir", keys, "-o", out))
    assert not out.exists()
    _one_line_error(_run("import", "--choir", "b24", "-o", tmp_path / "x.json"))
    _one_line_error(_run("export", "--choir", tmp_path / "missing.painmap.json"))


def test_aggregate_choir_column_equals_export(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    for i, keys in enumerate(("b24", "b23,b18", "b31,b32,b29")):
        assert _run("import", "--choir", keys, "-o", folder / f"c{i}.painmap.json").returncode == 0
    table = tmp_path / "rows.csv"
    done = _run("aggregate", folder, "-o", tmp_path / "map.png", "--csv", table, "--choir")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    for row in rows:
        assert row["choir_keys"] == ",".join(export_choir(row["path"]))
    assert [r["choir_keys"] for r in rows] == ["b24", "b18,b23", "b29,b31,b32"]


@pytest.mark.parametrize(("chart", "body"), [(("male", 1), "male"), (("male", 2), "male"), (("female", 2), "female")])
def test_stored_map_is_what_the_fit_tool_makes(chart, body):
    from painmap.atlas import load_atlas
    from painmap.raster import AtlasMasks

    spec = importlib.util.spec_from_file_location("choir_fit", ROOT / "tools" / "choir_fit.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    atlas = load_atlas(body=chart[0], chart=chart[1])
    fresh = tool.map_one(body, atlas, AtlasMasks(atlas, 1.0))
    doc = json.loads((ROOT / "resources" / "choir" / "choir-map.json").read_text())
    stored = doc["fits"][f"{chart[0]}-{chart[1]}"][body]
    assert set(doc["fits"]) == {f"{b}-{c}" for b, c in tool.FITS}
    assert fresh["fit"] == stored["fit"]
    assert {k: r["polygon"] for k, r in fresh["regions"].items()} == {
        k: r["polygon"] for k, r in stored["regions"].items()
    }


# --- front keys (chart 2) ----------------------------------------------------------------------------------------

FRONT = ["f05", "f08", "f17", "f20", "f21", "f26", "f30", "f31"]


@pytest.mark.parametrize("body", ["male", "female"])
def test_front_keys_round_trip_on_chart_2(tmp_path, body):
    keys = ["b24", "b29", *FRONT]
    out = tmp_path / "front.painmap.json"
    done = _run("import", "--choir", ",".join(keys), "-o", out, "--body", body, "--chart", 2)
    assert done.returncode == 0, done.stderr
    saved = json.loads(out.read_text())
    assert (saved["body"], saved["chart"]) == (body, 2)
    assert {m["view"] for m in saved["marks"]} == {"posterior", "anterior"}
    exported = _run("export", "--choir", out)  # read on its own chart, with that chart's fit
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == ",".join(sorted(keys))


@pytest.mark.parametrize("body", ["male", "female"])
def test_a_fill_of_the_right_groin_and_front_thigh_exports_right_keys(body):
    from painmap.atlas import load_atlas

    atlas = load_atlas(body=body, chart=2)
    view = atlas.views["anterior"]
    groin = next(r for r in view.regions if r.id == "groin-right")
    assert groin.polygon[:, 0].mean() < view.width / 2  # the patient's right is on the viewer's left
    for region, right, left in (("groin-right", "f21", "f22"), ("front-thigh-right", "f26", "f27")):
        keys = export_choir(Drawing(marks=[Fill("anterior", region, 5, "aching")], body=body, chart=2), share=0.3)
        assert right in keys and left not in keys, (region, keys)
        assert not any(k in keys for k in ("f22", "f23", "f27", "f30"))
    mirrored = export_choir(Drawing(marks=[Fill("anterior", "front-thigh-left", 5, "aching")], body=body, chart=2))
    assert "f27" in mirrored and "f26" not in mirrored


def test_front_keys_on_the_male_chart_1_are_one_line(tmp_path):
    _one_line_error(_run("import", "--choir", "f20", "-o", tmp_path / "x.painmap.json", "--chart", 1))
    _one_line_error(_run("import", "--choir", "b24", "-o", tmp_path / "x.painmap.json", "--body", "female",
                         "--chart", 1))  # fmt: skip
    assert not (tmp_path / "x.painmap.json").exists()
