"""The shipped JSON Schema and the validator in painmap.drawing agree.

A tiny checker below implements the subset of JSON Schema 2020-12 the schema uses (and fails on any keyword it
does not know, so the schema cannot silently outgrow it); generated valid and malformed documents must get the
same verdict from it and from painmap. Limits JSON Schema cannot express (finite numbers, total points, meta
bytes, nesting, references to the atlas) are covered by test_drawing.py and test_hostile_input.py.
"""

from __future__ import annotations

import json
import random
import re

import pytest
from test_drawing_fakes import MUTATIONS, malformed_cases, random_document

import painmap.drawing as d
import painmap.drawing_parse as drawing_parse
from painmap.errors import DrawingError

KNOWN_KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "default", "type", "const", "enum", "required",
    "properties", "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "minimum", "maximum",
    "maxLength", "pattern", "oneOf",
}  # fmt: skip


def _is_type(value, name: str) -> bool:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return {
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "number": number,
        "integer": number and float(value).is_integer(),  # JSON Schema: 5.0 is an integer (painmap says no)
        "boolean": isinstance(value, bool),
        "null": value is None,
    }[name]


def _same(a, b) -> bool:
    """JSON equality: booleans are not numbers."""
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def valid(schema: dict, value, root: dict) -> bool:
    """Whether `value` satisfies `schema` (the keywords in KNOWN_KEYWORDS only)."""
    unknown = set(schema) - KNOWN_KEYWORDS
    assert not unknown, f"the test checker does not implement {unknown}"
    if "$ref" in schema:
        prefix = "#/$defs/"
        assert schema["$ref"].startswith(prefix)
        if not valid(root["$defs"][schema["$ref"][len(prefix) :]], value, root):
            return False
    if "type" in schema and not _is_type(value, schema["type"]):
        return False
    if "const" in schema and not _same(value, schema["const"]):
        return False
    if "enum" in schema and not any(_same(value, option) for option in schema["enum"]):
        return False
    if "oneOf" in schema and sum(valid(sub, value, root) for sub in schema["oneOf"]) != 1:
        return False
    if isinstance(value, dict):
        if any(key not in value for key in schema.get("required", ())):
            return False
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                if not valid(properties[key], item, root):
                    return False
            elif schema.get("additionalProperties", True) is False:
                return False
    if isinstance(value, list):
        if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
            return False
        prefix_items = schema.get("prefixItems", [])
        for sub, item in zip(prefix_items, value, strict=False):
            if not valid(sub, item, root):
                return False
        if "items" in schema and not all(valid(schema["items"], item, root) for item in value[len(prefix_items) :]):
            return False
    if _is_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            return False
        if "maximum" in schema and value > schema["maximum"]:
            return False
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            return False
        # ECMA-262 '$' (no multiline flag) matches only at the very end, like Python's \Z.
        if "pattern" in schema and not re.search(re.sub(r"\$$", r"\\Z", schema["pattern"]), value):
            return False
    return True


@pytest.fixture(scope="module")
def schema() -> dict:
    return d.drawing_schema()


def painmap_accepts(document) -> bool:
    try:
        d.drawing_from_dict(document)
    except DrawingError:
        return False
    return True


def test_schema_is_draft_2020_12(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"]["const"] == d.FORMAT


def test_schema_constants_equal_the_validator_constants(schema):
    defs = schema["$defs"]
    assert tuple(defs["quality"]["enum"]) == d.QUALITIES
    assert defs["quality"]["default"] == d.DEFAULT_QUALITY
    assert tuple(defs["view"]["enum"]) == d.VIEWS
    assert (defs["intensity"]["minimum"], defs["intensity"]["maximum"]) == d.INTENSITY_RANGE
    assert (defs["radius"]["minimum"], defs["radius"]["maximum"]) == d.RADIUS_RANGE
    assert (defs["coordinate"]["minimum"], defs["coordinate"]["maximum"]) == (-d.COORD_LIMIT, d.COORD_LIMIT)
    assert defs["points"]["maxItems"] == d.MAX_POINTS_PER_MARK
    assert schema["properties"]["marks"]["maxItems"] == d.MAX_MARKS
    assert schema["properties"]["version"]["maximum"] == d.VERSION
    assert tuple(schema["properties"]["body"]["enum"]) == d.BODIES
    assert schema["properties"]["chart"]["minimum"] == 1
    assert schema["properties"]["created"]["maxLength"] == d.MAX_CREATED_LENGTH
    region = defs["fill"]["properties"]["region"]
    assert (region["pattern"], region["maxLength"]) == (d.REGION_ID_PATTERN, d.MAX_ID_LENGTH)
    marks = [defs[ref["$ref"].rsplit("/", 1)[1]] for ref in schema["properties"]["marks"]["items"]["oneOf"]]
    assert tuple(m["properties"]["type"]["const"] for m in marks) == d.MARK_TYPES
    for mark in marks:
        required, optional = drawing_parse._FIELDS[mark["properties"]["type"]["const"]]
        assert tuple(mark["required"]) == required
        assert set(mark["properties"]) == set(required) | set(optional)
    assert set(schema["properties"]) == set(drawing_parse._TOP_KEYS)


def test_valid_documents_pass_both(schema):
    rng = random.Random(1)
    documents = [json.loads(doc_text) for doc_text in (_example(),)] + [random_document(rng) for _ in range(300)]
    documents.append({"format": "painmap-drawing", "version": 1, "marks": []})
    for document in documents:
        assert valid(schema, document, schema), document
        assert painmap_accepts(document), document


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_malformed_documents_fail_both(schema, kind):
    checked = 0
    for case in malformed_cases(kind, 150, seed=99):
        if case.doc is None:
            continue  # byte-level damage: not a JSON document at all
        assert not painmap_accepts(case.doc) or not case.schema_visible
        if case.schema_visible:
            assert not valid(schema, case.doc, schema), case.doc
            checked += 1
    if kind not in ("non-finite", "text"):
        assert checked > 50


def test_version_1_and_version_2_documents_pass_both(schema):
    marks = json.loads(_example())["marks"]
    good = [
        {"format": "painmap-drawing", "version": 1, "marks": marks},
        {"format": "painmap-drawing", "version": 2, "body": "male", "chart": 1, "marks": marks},
        {"format": "painmap-drawing", "version": 2, "body": "male", "marks": marks},  # the body's current chart
    ]
    for document in good:
        assert valid(schema, document, schema), document
        assert painmap_accepts(document), document
    for top in ({"body": "alien"}, {"body": "male", "chart": 0}, {"body": "male", "chart": "1"}, {"version": 3}):
        document = {"format": "painmap-drawing", "version": 2, "marks": marks, **top}
        assert not valid(schema, document, schema), document
        assert not painmap_accepts(document), document


def test_checker_is_not_vacuous(schema):
    document = {"format": "painmap-drawing", "version": 1, "marks": [{"type": "fill", "view": "posterior"}]}
    assert not valid(schema, document, schema)
    document["marks"][0].update(region="sacrum", intensity=3)
    assert valid(schema, document, schema)
    document["marks"][0]["intensity"] = 5.0  # where JSON Schema and painmap differ (documented in docs/format.md)
    assert valid(schema, document, schema) and not painmap_accepts(document)


def _example() -> str:
    return json.dumps(
        {
            "format": "painmap-drawing",
            "version": 1,
            "created": "2026-11-23T10:00:00Z",
            "meta": {"note": "left after gardening"},
            "marks": [
                {"type": "stroke", "view": "posterior", "radius": 12.0, "intensity": 6, "quality": "aching",
                 "points": [[420.5, 760.0], [440.0, 790.25]]},
                {"type": "fill", "view": "posterior", "region": "sacrum", "intensity": 4, "quality": "dull"},
                {"type": "erase", "view": "posterior", "radius": 20.0, "points": [[430.0, 775.0]]},
            ],
        }
    )  # fmt: skip
