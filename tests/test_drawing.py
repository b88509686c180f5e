"""The drawing document and file format: parsing, limits, references, round trips, atomic save, mirror, migration."""

from __future__ import annotations

import json
import os
import random
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_drawing_fakes import ATLAS, random_document

from painmap.atomic import WriteError
from painmap.drawing import (
    COORD_LIMIT,
    DEFAULT_QUALITY,
    MAX_MARKS,
    MAX_META_BYTES,
    MAX_POINTS_PER_MARK,
    MAX_POINTS_TOTAL,
    QUALITIES,
    RADIUS_RANGE,
    VERSION,
    Drawing,
    Erase,
    Fill,
    Stroke,
    check_drawing,
    drawing_from_dict,
    drawing_to_dict,
    dumps_drawing,
    load_drawing,
    migrate,
    mirror_drawing,
    parse_drawing,
    save_drawing,
)
from painmap.errors import DrawingError, PainmapError

EXAMPLE = """{
  "format": "painmap-drawing",
  "version": 1,
  "created": "2026-11-23T10:00:00Z",
  "meta": {"note": "free text", "author": "me"},
  "marks": [
    {"type": "stroke", "view": "posterior", "radius": 12.0, "intensity": 6,
     "quality": "aching", "points": [[420.5, 760], [440, 790.25]]},
    {"type": "fill",   "view": "posterior", "region": "sacrum", "intensity": 4, "quality": "aching"},
    {"type": "erase",  "view": "posterior", "radius": 20.0, "points": [[430, 775]]}
  ]
}"""


def doc(*marks: dict, **top) -> dict:
    return {"format": "painmap-drawing", "version": 1, "marks": list(marks), **top}


def stroke(**over) -> dict:
    mark = {"type": "stroke", "view": "posterior", "radius": 10, "intensity": 5, "points": [[300, 800], [310, 820]]}
    return {**mark, **over}


def refused(document, atlas=None) -> DrawingError:
    with pytest.raises(DrawingError) as info:
        parse_drawing(json.dumps(document), "d.painmap.json", atlas=atlas)
    assert "\n" not in str(info.value)
    return info.value


# --- parsing ---------------------------------------------------------------------------------------------------


def test_the_design_example_parses_into_the_mark_classes():
    drawing = parse_drawing(EXAMPLE, atlas=ATLAS)
    assert drawing.created == "2026-11-23T10:00:00Z"
    assert drawing.meta == {"note": "free text", "author": "me"}
    first, fill, erase = drawing.marks
    assert first == Stroke("posterior", 12.0, 6, "aching", ((420.5, 760.0), (440.0, 790.25)))
    assert all(type(c) is float for p in first.points for c in p)  # integers in the file become floats
    assert fill == Fill("posterior", "sacrum", 4, "aching")
    assert erase == Erase("posterior", 20.0, ((430.0, 775.0),))
    assert drawing.views_used() == ["posterior"]
    assert drawing.point_count() == 3


def test_quality_is_optional_and_defaults():
    drawing = drawing_from_dict(doc(stroke()))
    assert drawing.marks[0].quality == DEFAULT_QUALITY


def test_created_and_meta_are_optional():
    drawing = drawing_from_dict(doc())
    assert drawing == Drawing(chart=1)  # a version-1 document is on the first chart


@pytest.mark.parametrize("created", ["yesterday", "2026-13-01T00:00:00Z", "2026-11-23T10:00:00Z" + " " * 60])
def test_created_must_be_iso_8601(created):
    assert refused(doc(created=created)).pointer == "/created"


def test_every_quality_is_accepted():
    drawing = drawing_from_dict(doc(*(stroke(quality=q) for q in QUALITIES)))
    assert [m.quality for m in drawing.marks] == list(QUALITIES)


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("radius", [RADIUS_RANGE[0], RADIUS_RANGE[1], 3], [RADIUS_RANGE[0] - 0.01, RADIUS_RANGE[1] + 0.01, True, "5"]),
        ("intensity", [1, 10], [0, 11, 5.0, True, None]),
    ],
)
def test_number_ranges_are_inclusive(field, good, bad):
    for value in good:
        assert getattr(drawing_from_dict(doc(stroke(**{field: value}))).marks[0], field) == value
    for value in bad:
        assert refused(doc(stroke(**{field: value}))).pointer == f"/marks/0/{field}"


def test_points_per_mark_limit():
    at_limit = [[1.0, 2.0]] * MAX_POINTS_PER_MARK
    assert len(drawing_from_dict(doc(stroke(points=at_limit))).marks[0].points) == MAX_POINTS_PER_MARK
    err = refused(doc(stroke(points=[*at_limit, [1.0, 2.0]])))
    assert err.pointer == "/marks/0/points"


def test_total_points_limit_counts_strokes_and_erasures():
    points = [[1.0, 2.0]] * MAX_POINTS_PER_MARK
    erase = {"type": "erase", "view": "lateral", "radius": 5, "points": points}
    n = MAX_POINTS_TOTAL // MAX_POINTS_PER_MARK
    marks = [stroke(points=points) if i % 2 else erase for i in range(n)]
    assert drawing_from_dict(doc(*marks)).point_count() == MAX_POINTS_TOTAL
    with pytest.raises(DrawingError) as info:
        drawing_from_dict(doc(*marks, stroke(points=[[1.0, 2.0]])))
    assert info.value.pointer == f"/marks/{n}/points"
    assert f"{MAX_POINTS_TOTAL:,}" in info.value.reason


def test_marks_limit():
    fill = {"type": "fill", "view": "posterior", "region": "sacrum", "intensity": 3}
    assert len(drawing_from_dict(doc(*[fill] * MAX_MARKS)).marks) == MAX_MARKS
    with pytest.raises(DrawingError, match="at most 50,000") as info:
        drawing_from_dict(doc(*[fill] * (MAX_MARKS + 1)))
    assert info.value.pointer == "/marks"


def test_meta_size_limit():
    assert drawing_from_dict(doc(meta={"note": "x" * (MAX_META_BYTES - 20)})).meta
    assert refused(doc(meta={"note": "x" * MAX_META_BYTES})).pointer == "/meta"
    assert refused(doc(meta={"note": "é" * (MAX_META_BYTES // 2)})).pointer == "/meta"  # counted in UTF-8 bytes


def test_coordinates_without_an_atlas_are_bounded():
    assert drawing_from_dict(doc(stroke(points=[[-COORD_LIMIT, COORD_LIMIT]])))
    assert refused(doc(stroke(points=[[0, COORD_LIMIT + 1]]))).pointer == "/marks/0/points/0/1"
    assert refused(doc(stroke(points=[[1e300, 0]]))).pointer == "/marks/0/points/0/0"


def test_huge_integers_are_refused_without_overflow():
    assert refused(doc(stroke(points=[[1, 2], [10**400, 3]]))).pointer == "/marks/0/points/1/0"
    assert refused(doc(stroke(radius=10**400))).pointer == "/marks/0/radius"


def test_views_without_an_atlas():
    for view in ("posterior", "lateral", "lateral-left", "anterior"):
        assert drawing_from_dict(doc(stroke(view=view))).marks[0].view == view
    assert refused(doc(stroke(view="front"))).pointer == "/marks/0/view"


def test_region_ids_are_checked_for_shape_without_an_atlas():
    fill = {"type": "fill", "view": "posterior", "region": "elbow-left", "intensity": 3}
    assert drawing_from_dict(doc(fill)).marks[0].region == "elbow-left"  # unknown, but only the atlas knows
    for bad in ("Elbow-Left", "elbow_left", "sacrum\n", "", "-x", "x" * 65):
        assert refused(doc({**fill, "region": bad})).pointer == "/marks/0/region"


def test_references_are_checked_against_the_atlas():
    fill = {"type": "fill", "view": "posterior", "region": "buttock-left", "intensity": 3}
    assert parse_drawing(json.dumps(doc(fill)), atlas=ATLAS).marks[0].region == "buttock-left"
    assert refused(doc({**fill, "region": "elbow-left"}), ATLAS).reason.startswith("unknown region 'elbow-left'")
    assert refused(doc({**fill, "view": "lateral"}), ATLAS).pointer == "/marks/0/region"  # not on that view
    err = refused(doc(stroke(view="anterior")), ATLAS)  # a format view the atlas does not have (yet)
    assert err.pointer == "/marks/0/view" and "posterior, lateral, lateral-left" in err.reason


def test_points_must_lie_within_a_margin_of_the_view_frame():
    w, h = 640.0, 1800.0
    ok = stroke(points=[[-w, -h], [2 * w, 2 * h], [320, 900]])
    assert len(parse_drawing(json.dumps(doc(ok)), atlas=ATLAS).marks[0].points) == 3
    assert refused(doc(stroke(points=[[0, 0], [2 * w + 0.5, 0]])), ATLAS).pointer == "/marks/0/points/1/0"
    assert refused(doc(stroke(points=[[0, -h - 1]])), ATLAS).pointer == "/marks/0/points/0/1"
    lateral = stroke(view="lateral", points=[[2 * 500 + 1, 10]])  # inside the posterior frame, not the lateral
    assert refused(doc(lateral), ATLAS).pointer == "/marks/0/points/0/0"


@pytest.mark.parametrize(
    ("mark", "pointer", "words"),
    [
        ({"type": "erase", "view": "posterior", "radius": 5, "points": [[1, 2]], "intensity": 3}, "/marks/0/intensity",
         "unknown key"),
        ({"type": "fill", "view": "posterior", "intensity": 3}, "/marks/0", "missing 'region'"),
        ({"view": "posterior"}, "/marks/0", "missing 'type'"),
        ({"type": "stroke", "view": "posterior", "radius": 5, "intensity": 3, "points": []}, "/marks/0/points",
         "at least one point"),
        ({"type": "stroke", "view": "posterior", "radius": 5, "intensity": 3, "points": [[1, 2, 3]]},
         "/marks/0/points/0", "two numbers"),
    ],
)  # fmt: skip
def test_structural_errors_name_the_place(mark, pointer, words):
    err = refused(doc(mark))
    assert err.pointer == pointer and words in err.reason


def test_unknown_top_level_key_pointer_is_escaped():
    err = refused(doc(**{"a/b~c": 1}))
    assert err.pointer == "/a~1b~0c"
    assert (
        str(err)
        == "d.painmap.json at /a~1b~0c: unknown key 'a/b~c' (keys: format, version, body, chart, created, meta, marks)"
    )


def test_not_a_painmap_drawing():
    assert refused({"format": "painmap-pattern", "version": 1, "marks": []}).pointer == "/format"
    assert "missing 'format'" in refused({"version": 1, "marks": []}).reason
    assert "missing 'marks'" in refused({"format": "painmap-drawing", "version": 1}).reason


def test_drawing_error_is_a_painmap_error_with_fields():
    err = refused(doc(stroke(intensity=0)))
    assert isinstance(err, PainmapError)
    assert (err.path, err.pointer) == ("d.painmap.json", "/marks/0/intensity")
    assert str(err) == "d.painmap.json at /marks/0/intensity: intensity 0 is outside 1-10"


def test_parse_never_returns_a_partial_drawing():
    marks = [stroke()] * 5 + [stroke(view="nowhere")]
    with pytest.raises(DrawingError):
        drawing_from_dict(doc(*marks))


def test_the_input_document_is_not_modified():
    document = doc(stroke(radius=3), meta={"a": [1, 2]})
    before = json.dumps(document)
    drawing = drawing_from_dict(document)
    drawing.meta["a"].append(3)
    assert json.dumps(document) == before


# --- load / save ---------------------------------------------------------------------------------------------------


def test_load_reads_a_file(tmp_path):
    path = tmp_path / "a.painmap.json"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert load_drawing(path) == parse_drawing(EXAMPLE)
    assert load_drawing(str(path), atlas=ATLAS) == parse_drawing(EXAMPLE)


def test_load_names_the_file_in_errors(tmp_path):
    path = tmp_path / "bad.painmap.json"
    path.write_text(json.dumps(doc(stroke(view="nowhere"))), encoding="utf-8")
    with pytest.raises(DrawingError) as info:
        load_drawing(path)
    assert str(info.value).startswith(f"{path} at /marks/0/view: unknown view 'nowhere'")


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "locked.painmap.json"
    path.write_text(EXAMPLE)
    path.chmod(0)
    with pytest.raises(DrawingError, match="permission denied"):
        load_drawing(path)


def test_save_then_load_gives_the_same_drawing(tmp_path):
    drawing = parse_drawing(EXAMPLE)
    path = tmp_path / "a.painmap.json"
    save_drawing(drawing, path)
    assert load_drawing(path, atlas=ATLAS) == drawing
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert sum(line.startswith('    {"type": ') for line in lines) == 3  # one line per mark


def test_save_sets_created_once(tmp_path):
    drawing = Drawing(marks=[Fill("posterior", "sacrum", 3, "dull")])
    path = tmp_path / "a.painmap.json"
    save_drawing(drawing, path)
    created = drawing.created
    assert created.endswith("Z") and load_drawing(path).created == created
    save_drawing(drawing, path)
    assert drawing.created == created


def test_save_writes_utf8_without_escapes(tmp_path):
    drawing = Drawing(meta={"note": "Schmerz ✓ 痛み"})
    path = tmp_path / "u.painmap.json"
    save_drawing(drawing, path)
    assert "痛み" in path.read_bytes().decode("utf-8")
    assert load_drawing(path).meta == drawing.meta


def test_save_refuses_an_invalid_drawing_and_writes_nothing(tmp_path):
    path = tmp_path / "a.painmap.json"
    bad = Drawing(marks=[Stroke("posterior", 10.0, 0, "aching", ((1.0, 2.0),))])
    with pytest.raises(DrawingError, match="intensity 0") as info:
        save_drawing(bad, path)
    assert info.value.pointer == "/marks/0/intensity"
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(DrawingError, match="unknown region"):
        save_drawing(Drawing(marks=[Fill("posterior", "elbow-left", 3, "dull")]), path, atlas=ATLAS)
    with pytest.raises(DrawingError):
        check_drawing(Drawing(meta={"x": float("nan")}))


def test_save_keeps_the_file_mode(tmp_path):
    path = tmp_path / "a.painmap.json"
    path.write_text("old")
    path.chmod(0o640)
    save_drawing(Drawing(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    fresh = tmp_path / "b.painmap.json"
    save_drawing(Drawing(), fresh)
    assert stat.S_IMODE(fresh.stat().st_mode) & 0o600 == 0o600


def test_save_through_a_symbolic_link_keeps_the_link(tmp_path):
    real = tmp_path / "real" / "a.painmap.json"
    real.parent.mkdir()
    save_drawing(Drawing(), real)
    link = tmp_path / "link.painmap.json"
    link.symlink_to(real)
    save_drawing(Drawing(meta={"note": "via link"}), link)
    assert link.is_symlink() and load_drawing(real).meta == {"note": "via link"}
    assert sorted(p.name for p in real.parent.iterdir()) == ["a.painmap.json"]


def test_save_to_a_folder_or_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(WriteError, match="it is a folder"):
        save_drawing(Drawing(), tmp_path)
    with pytest.raises(WriteError, match="does not exist"):
        save_drawing(Drawing(), tmp_path / "missing" / "a.painmap.json")


@pytest.mark.parametrize("stage", ["write", "fsync", "chmod", "replace", "interrupt"])
def test_a_failed_save_leaves_the_original_untouched(tmp_path, monkeypatch, stage):
    path = tmp_path / "a.painmap.json"
    save_drawing(parse_drawing(EXAMPLE), path)
    original = path.read_bytes()

    def boom(*args, **kwargs):
        if stage == "interrupt":
            raise KeyboardInterrupt
        raise OSError(28, "No space left on device")

    if stage == "write":
        real_fdopen = os.fdopen

        class Failing:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])  # half written, then the disk is full
                self.handle.flush()
                boom()

        monkeypatch.setattr(os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    else:
        name = {"fsync": "fsync", "chmod": "chmod", "replace": "replace", "interrupt": "replace"}[stage]
        monkeypatch.setattr(os, name, boom)

    changed = Drawing(marks=[Fill("posterior", "sacrum", 9, "burning")], meta={"note": "new"})
    expected = KeyboardInterrupt if stage == "interrupt" else WriteError
    with pytest.raises(expected) as info:
        save_drawing(changed, path)
    if stage != "interrupt":
        assert "No space left on device" in str(info.value) and str(info.value).startswith(str(path))
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.painmap.json"]  # no temporary file left


def test_save_replaces_by_rename_so_readers_never_see_half_a_file(tmp_path, monkeypatch):
    path = tmp_path / "a.painmap.json"
    save_drawing(parse_drawing(EXAMPLE), path)
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        with open(src, encoding="utf-8") as handle:
            seen.append((os.path.dirname(src), json.load(handle)["meta"]))
        assert json.loads(path.read_text())["meta"] == {"note": "free text", "author": "me"}  # still the old one
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    save_drawing(Drawing(meta={"note": "new"}), path)
    assert seen == [(str(tmp_path), {"note": "new"})]  # the temporary file was in the same folder, complete
    assert load_drawing(path).meta == {"note": "new"}


# --- round trips (hypothesis) -----------------------------------------------------------------------------------

radii = st.floats(min_value=RADIUS_RANGE[0], max_value=RADIUS_RANGE[1])
intensities = st.integers(1, 10)
qualities = st.sampled_from(QUALITIES)


def _points(view_id: str):
    """Points anywhere in the accepted margin of the fake atlas's view frame."""
    w, h = ATLAS.views[view_id].width, ATLAS.views[view_id].height
    xs = st.floats(min_value=-w, max_value=2 * w, allow_nan=False)
    ys = st.floats(min_value=-h, max_value=2 * h, allow_nan=False)
    return st.lists(st.tuples(xs, ys), min_size=1, max_size=30).map(tuple)


def _marks_on(view_id: str):
    return st.one_of(
        st.builds(Stroke, st.just(view_id), radii, intensities, qualities, _points(view_id)),
        st.builds(Fill, st.just(view_id), st.sampled_from(ATLAS.views[view_id].region_ids), intensities, qualities),
        st.builds(Erase, st.just(view_id), radii, _points(view_id)),
    )


marks = st.sampled_from(tuple(ATLAS.views)).flatmap(_marks_on)
meta_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)  # fmt: skip
drawings = st.builds(
    Drawing,
    marks=st.lists(marks, max_size=8),
    meta=st.dictionaries(st.text(max_size=10), meta_values, max_size=5),
    created=st.sampled_from(("", "2026-11-23T10:00:00Z", "2026-11-25T16:00:00.123456+01:00")),
    chart=st.just(ATLAS.chart),  # on the fake atlas's chart: these tests are about the format, not a carry
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawing=drawings)
def test_save_load_round_trip_is_exact(tmp_path, drawing):
    path = tmp_path / "rt.painmap.json"
    created = drawing.created
    save_drawing(drawing, path)
    loaded = load_drawing(path, atlas=ATLAS)
    assert loaded == drawing
    assert created in ("", loaded.created)
    assert dumps_drawing(loaded) == path.read_text(encoding="utf-8")  # a second save writes the same bytes


@settings(max_examples=200, deadline=None)
@given(drawing=drawings)
def test_dict_round_trip_is_exact(drawing):
    document = drawing_to_dict(drawing)
    assert drawing_from_dict(json.loads(json.dumps(document)), atlas=ATLAS) == drawing
    assert parse_drawing(dumps_drawing(drawing), atlas=ATLAS) == drawing


def test_generated_documents_survive_load_and_save(tmp_path):
    rng = random.Random(5)
    for i in range(100):
        document = random_document(rng)
        drawing = parse_drawing(json.dumps(document), atlas=ATLAS)
        path = tmp_path / f"{i}.painmap.json"
        save_drawing(drawing, path)
        assert load_drawing(path, atlas=ATLAS) == drawing


# --- mirror ------------------------------------------------------------------------------------------------------


def test_mirror_swaps_sides_and_views():
    drawing = Drawing(
        marks=[
            Stroke("posterior", 10.0, 5, "aching", ((420.0, 760.0), (400.5, 800.0))),
            Fill("posterior", "buttock-right", 4, "dull"),
            Fill("posterior", "sacrum", 2, "dull"),
            Erase("lateral", 8.0, ((250.0, 872.0),)),
            Fill("lateral-left", "thigh-left", 7, "burning"),
        ],
        meta={"note": "x"},
        created="2026-11-23T10:00:00Z",
        chart=ATLAS.chart,
    )
    mirrored = mirror_drawing(drawing, ATLAS)
    assert mirrored.marks == [
        Stroke("posterior", 10.0, 5, "aching", ((220.0, 760.0), (239.5, 800.0))),
        Fill("posterior", "buttock-left", 4, "dull"),
        Fill("posterior", "sacrum", 2, "dull"),
        Erase("lateral-left", 8.0, ((250.0, 872.0),)),
        Fill("lateral", "thigh-right", 7, "burning"),
    ]
    assert (mirrored.meta, mirrored.created) == (drawing.meta, drawing.created)
    check_drawing(mirrored, ATLAS)  # the mirror image references real regions


@settings(max_examples=200, deadline=None)
@given(drawing=drawings)
def test_mirror_twice_is_the_identity(drawing):
    once = mirror_drawing(drawing, ATLAS)
    check_drawing(once, ATLAS)  # the mirror image is a valid drawing on the same chart
    assert [m.view for m in once.marks] == [ATLAS.views[m.view].mirror for m in drawing.marks]
    twice = mirror_drawing(once, ATLAS)
    assert len(twice.marks) == len(drawing.marks)
    for back, mark in zip(twice.marks, drawing.marks, strict=True):
        assert type(back) is type(mark) and back.view == mark.view
        if isinstance(mark, Fill):
            assert back == mark
        else:  # w - (w - x) is x up to one rounding of the subtraction
            flat = [c for point in mark.points for c in point]
            assert [c for point in back.points for c in point] == pytest.approx(flat, abs=1e-9)


def test_mirror_of_an_unknown_view_is_refused():
    with pytest.raises(DrawingError, match="unknown view 'anterior'"):
        mirror_drawing(Drawing(marks=[Fill("anterior", "chest-left", 3, "dull")]), ATLAS)


# --- migration ---------------------------------------------------------------------------------------------------


def test_current_version_is_unchanged_by_migrate():
    document = doc(stroke(), version=VERSION, body="male", chart=1)
    assert migrate(document) is document


@pytest.mark.parametrize(("version", "words"), [(VERSION + 1, "newer painmap"), (0, "unknown version"),
                                                (-3, "unknown version"), ("1", "integer"), (True, "integer"),
                                                (1.0, "integer"), (None, "integer")])  # fmt: skip
def test_unknown_versions_are_refused(version, words):
    err = refused(doc(version=version))
    assert err.pointer == "/version" and words in err.reason


def test_missing_version_is_refused():
    with pytest.raises(DrawingError, match="missing 'version'"):
        drawing_from_dict({"format": "painmap-drawing", "marks": []})


def test_migration_path_applies_each_step_in_order():
    calls = []

    def one_to_two(d):
        calls.append(("1->2", d["version"]))
        d["marks"] = [{"view": m["side"]} for m in d["marks"]]
        return d

    def two_to_three(d):
        calls.append(("2->3", d["version"]))
        d["meta"] = {"upgraded": True}
        return d

    old = {"format": "painmap-drawing", "version": 1, "marks": [{"side": "posterior"}]}
    new = migrate(old, migrations={1: one_to_two, 2: two_to_three}, current=3)
    assert calls == [("1->2", 1), ("2->3", 2)]
    assert new == {
        "format": "painmap-drawing",
        "version": 3,
        "marks": [{"view": "posterior"}],
        "meta": {"upgraded": True},
    }
    assert old["marks"] == [{"side": "posterior"}]  # the caller's document is not modified
    with pytest.raises(DrawingError, match="no upgrade from version 2 to 3"):
        migrate(old, migrations={1: one_to_two}, current=3)


def test_mirror_with_the_bundled_atlas_maps_every_region_onto_a_region(atlas):
    fills = [Fill(view_id, region.id, 3, "dull") for view_id, view in atlas.views.items() for region in view.regions]
    strokes = [Stroke(view_id, 5.0, 2, "sharp", ((0.0, 0.0), (view.width, view.height))) for view_id, view in
               atlas.views.items()]  # fmt: skip
    drawing = Drawing(marks=fills + strokes)
    check_drawing(drawing, atlas)  # every bundled region id is a valid id in the file format
    mirrored = mirror_drawing(drawing, atlas)
    check_drawing(mirrored, atlas)
    for mark, image in zip(drawing.marks, mirrored.marks, strict=True):
        assert image.view == atlas.views[mark.view].mirror
        if isinstance(mark, Fill):
            assert atlas.view(image.view).region(image.region).side == {"left": "right", "right": "left"}.get(
                atlas.view(mark.view).region(mark.region).side, "midline"
            )
    assert mirror_drawing(mirrored, atlas) == drawing  # exact for these coordinates


def test_marks_built_from_numpy_numbers_save_and_load_as_plain_numbers(tmp_path):
    """Researchers build marks from arrays: numpy scalars are written as JSON numbers."""
    import numpy as np

    drawing = Drawing(
        [
            Stroke(
                "posterior", np.float32(10.0), np.int64(5), "aching", ((np.float64(300.5), np.float32(800)), (310, 820))
            )
        ]
    )
    path = tmp_path / "np.painmap.json"
    save_drawing(drawing, path)
    (mark,) = load_drawing(path).marks
    assert mark.radius == 10.0 and mark.intensity == 5
    assert mark.points == ((300.5, 800.0), (310, 820))
    assert all(type(v) in (int, float) for point in mark.points for v in point)
