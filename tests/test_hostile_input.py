"""Hostile input: thousands of generated malformed drawings and the named nasty cases.

Each must be refused with our own DrawingError whose message is one line naming the file, quickly and in bounded
memory, and the command line must answer with exit status 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_drawing_fakes import ATLAS, MUTATIONS, malformed_cases, random_document

from painmap.drawing import MAX_DEPTH, MAX_FILE_BYTES, MAX_POINTS_TOTAL, Drawing, load_drawing, parse_drawing
from painmap.errors import DrawingError

CASES_PER_KIND = 300  # 8 kinds -> 2,400 generated documents
SOURCE = "case.painmap.json"
REPO = Path(__file__).resolve().parents[1]


def refuse(data: bytes | str, atlas=ATLAS, source: str = SOURCE) -> DrawingError:
    """The DrawingError raised for `data`; fails the test if it is accepted or raises anything else."""
    with pytest.raises(DrawingError) as info:
        parse_drawing(data, source, atlas=atlas)
    err = info.value
    message = str(err)
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(source), message
    assert err.reason and len(message) < 400, message
    return err


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_generated_malformed_documents_are_refused(kind):
    cases = malformed_cases(kind, CASES_PER_KIND, seed=2026)
    assert len(cases) == CASES_PER_KIND
    for i, case in enumerate(cases):
        try:
            refuse(case.data)
        except BaseException:
            print(f"{kind} case {i}: {case.data[:300]!r}")
            raise


def test_generated_corpus_is_large_enough_and_the_base_documents_are_valid():
    total = sum(len(malformed_cases(kind, CASES_PER_KIND, seed=2026)) for kind in MUTATIONS)
    assert total >= 2000
    rng = random.Random(7)
    for _ in range(200):  # the mutations start from valid documents: the failures are the mutations' doing
        doc = random_document(rng)
        drawing = parse_drawing(json.dumps(doc), atlas=ATLAS)
        assert len(drawing.marks) == len(doc["marks"])


def test_pointer_names_the_exact_place():
    rng = random.Random(3)
    doc = random_document(rng)
    doc["marks"] = [{"type": "stroke", "view": "posterior", "radius": 5, "intensity": 3, "points": [[1, 2]] * 9}] * 4
    doc["marks"][3] = json.loads(json.dumps(doc["marks"][3]))
    doc["marks"][3]["points"][7][0] = "12"
    err = refuse(json.dumps(doc))
    assert err.pointer == "/marks/3/points/7/0"
    assert str(err) == f"{SOURCE} at /marks/3/points/7/0: a coordinate must be a number, not a string"


# --- hypothesis: arbitrary JSON and arbitrary bytes never escape as anything but DrawingError -----------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_arbitrary_json_is_a_drawing_or_a_drawing_error(value):
    text = json.dumps(value, allow_nan=True)
    try:
        drawing = parse_drawing(text, SOURCE, atlas=ATLAS)
    except DrawingError as err:
        assert "\n" not in str(err)
    else:
        assert isinstance(drawing, Drawing)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_are_refused_in_one_line(data):
    refuse(data)  # random bytes do not spell a drawing's required keys


# --- named cases -------------------------------------------------------------------------------------------------


def _valid_text() -> str:
    return json.dumps(random_document(random.Random(11)))


def _with_meta_number(literal: str) -> str:
    """A valid drawing whose meta holds the number literal `literal` (which may not be valid)."""
    doc = json.loads(_valid_text())
    doc["meta"] = {"x": 424242.5}
    return json.dumps(doc).replace("424242.5", literal)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.painmap.json"
    path.write_bytes(b"")
    with pytest.raises(DrawingError, match="is empty"):
        load_drawing(path)


@pytest.mark.parametrize("cut", [1, 10, 50, -1])
def test_truncated_json(cut):
    text = _valid_text()
    err = refuse(text[:cut])
    assert "invalid JSON" in err.reason


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_with_a_location(literal):
    doc = {"format": "painmap-drawing", "version": 1, "marks": [{"type": "erase", "view": "posterior"}]}
    text = json.dumps(doc).replace('"posterior"}', f'"posterior", "radius": 5, "points": [[1, {literal}]]}}')
    err = refuse(text)
    assert literal in err.reason and "line 1" in err.reason


def test_float_overflowing_to_infinity_is_refused():
    err = refuse(_with_meta_number("1e999"))
    assert err.pointer == "/meta"


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ('"3"', "/marks/0/intensity"),
        ("true", "/marks/0/intensity"),
        ("3.0", "/marks/0/intensity"),
        ('"sacrum", "view": 1', None),  # duplicate key
        ("3], [", None),  # broken syntax
    ],
)
def test_wrong_types(value, where):
    text = (
        '{"format": "painmap-drawing", "version": 1, "marks": [{"type": "fill", "view": "posterior", '
        f'"intensity": {value}, "region": "sacrum"}}]}}'
    )
    err = refuse(text)
    assert err.pointer == (where or "")


@pytest.mark.parametrize("marks", ["null", "{}", '"marks"', "1"])
def test_marks_of_the_wrong_type(marks):
    err = refuse(f'{{"format": "painmap-drawing", "version": 1, "marks": {marks}}}')
    assert err.pointer == "/marks"


@pytest.mark.parametrize(
    ("mark", "pointer"),
    [
        ({"type": "fill", "view": "back", "region": "sacrum", "intensity": 2}, "/marks/0/view"),
        ({"type": "fill", "view": "posterior", "region": "elbow-left", "intensity": 2}, "/marks/0/region"),
        ({"type": "fill", "view": "lateral", "region": "sacrum", "intensity": 2}, "/marks/0/region"),
        (
            {"type": "fill", "view": "posterior", "region": "sacrum", "intensity": 2, "quality": "itchy"},
            "/marks/0/quality",
        ),
        ({"type": "spray", "view": "posterior"}, "/marks/0/type"),
    ],
)
def test_unknown_ids(mark, pointer):
    err = refuse(json.dumps({"format": "painmap-drawing", "version": 1, "marks": [mark]}))
    assert err.pointer == pointer


def _peak_memory(func) -> tuple[int, float]:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        func()
    finally:
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak, elapsed


def test_millions_of_points_are_refused_before_parsing(tmp_path):
    # 3,000,000 points in one 18 MB file: under the size limit, over the point limit.
    n = 3_000_000
    body = b"[1,2]," * (n - 1) + b"[1,2]"
    data = b'{"format":"painmap-drawing","version":1,"marks":[{"type":"erase","view":"posterior","radius":5,"points":['
    data += body + b"]}]}"
    assert len(data) <= MAX_FILE_BYTES and n > MAX_POINTS_TOTAL
    path = tmp_path / "huge.painmap.json"
    path.write_bytes(data)
    del body, data

    def load():
        with pytest.raises(DrawingError, match="more points than a drawing may have"):
            load_drawing(path)

    peak, _ = _peak_memory(load)
    assert peak < 2 * path.stat().st_size  # the bytes and a bracket scan: no text, no parsed objects


def test_one_stroke_with_too_many_points_is_refused():
    points = [[1.0, 2.0]] * 10_001
    mark = {"type": "stroke", "view": "posterior", "radius": 5, "intensity": 3, "points": points}
    err = refuse(json.dumps({"format": "painmap-drawing", "version": 1, "marks": [mark]}))
    assert err.pointer == "/marks/0/points" and "10,001" in err.reason


def test_deep_nesting_is_refused_without_recursion_error():
    deep = "[" * 100_000 + "]" * 100_000
    text = '{"format": "painmap-drawing", "version": 1, "meta": {"a": ' + deep + '}, "marks": []}'

    def parse():
        err = refuse(text)
        assert f"deeper than {MAX_DEPTH}" in err.reason

    peak, _ = _peak_memory(parse)
    assert peak < 12 * len(text)  # a few bytes per bracket: no recursion, no parsed objects
    refuse("[" * 100_000)  # nesting at the top: not an object
    refuse('{"a":' * 100_000)  # unbalanced objects


def test_nesting_inside_strings_does_not_count():
    doc = json.loads(_valid_text())
    doc["meta"] = {"note": "[" * 10_000 + "{" * 100}
    assert parse_drawing(json.dumps(doc), atlas=ATLAS).meta["note"].startswith("[[[")


@pytest.mark.parametrize("seed", range(5))
def test_binary_data(seed):
    data = random.Random(seed).randbytes(4096)
    refuse(data)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(encoding):
    err = refuse(_valid_text().encode(encoding))
    assert "UTF-16" in err.reason or "NUL" in err.reason


def test_utf8_bom_is_refused_clearly():
    err = refuse(b"\xef\xbb\xbf" + _valid_text().encode())
    assert "byte-order mark" in err.reason


def test_a_directory(tmp_path):
    with pytest.raises(DrawingError, match="is a folder") as info:
        load_drawing(tmp_path)
    assert str(info.value).startswith(str(tmp_path))


def test_a_missing_path(tmp_path):
    with pytest.raises(DrawingError, match="no such file"):
        load_drawing(tmp_path / "nope.painmap.json")


def test_an_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.painmap.json"
    with open(path, "wb") as handle:  # sparse: 2 GB of nothing, instantly
        handle.truncate(2 * 1024**3)

    def load():
        with pytest.raises(DrawingError, match="larger than the 20 MB limit"):
            load_drawing(path)

    peak, elapsed = _peak_memory(load)
    assert peak < 1024 * 1024 and elapsed < 1.0


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused():
    with pytest.raises(DrawingError, match="not a regular file"):
        load_drawing("/dev/zero")


def test_oversized_text_in_memory():
    refuse(" " * (MAX_FILE_BYTES + 1))
    refuse(b" " * (MAX_FILE_BYTES + 1))


def test_a_path_with_a_newline_still_gives_one_line(tmp_path):
    with pytest.raises(DrawingError) as info:
        load_drawing(tmp_path / "two\nlines.painmap.json")
    assert "\n" not in str(info.value)


# --- the command line ----------------------------------------------------------------------------------------

_HAS_COMPARE = importlib.util.find_spec("painmap.commands.compare") is not None
_COMMANDS = [
    pytest.param(
        "compare",
        marks=pytest.mark.xfail(not _HAS_COMPARE, reason="painmap.commands.compare is not written yet", strict=False),
    ),
    "render",
]


@pytest.mark.parametrize("command", _COMMANDS)
@pytest.mark.parametrize("case", ["empty", "nan", "utf16", "directory", "missing", "deep", "unknown-view"])
def test_commands_refuse_bad_drawings_in_one_line(command, case, tmp_path):
    path = tmp_path / f"{case}.painmap.json"
    good = _valid_text()
    contents = {
        "empty": b"",
        "nan": _with_meta_number("NaN").encode(),
        "utf16": good.encode("utf-16"),
        "deep": b'{"meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "unknown-view": good.replace('"posterior"', '"front"').replace('"lateral"', '"front"').encode(),
    }
    if case == "directory":
        path.mkdir()
    elif case in contents:
        path.write_bytes(contents[case])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PAINMAP_DEBUG", None)
    args = [sys.executable, "-m", "painmap", command, str(path)]
    if command == "render":
        args += ["-o", str(tmp_path / "out.png")]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert lines[0].startswith("painmap: ") and str(path) in lines[0]
    assert not (tmp_path / "out.png").exists()
