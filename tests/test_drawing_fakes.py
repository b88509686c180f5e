"""Shared helpers for the drawing tests (no tests here): a small fake atlas and a generator of valid and
malformed drawing documents.

The fake atlas has the attributes the drawing module uses (`views`, `View.width/height/mirror/region()`), so the
file-format tests do not depend on the real body chart.
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from typing import Any

from painmap.drawing import MARK_TYPES, QUALITIES, RADIUS_RANGE
from painmap.errors import UnknownIdError


@dataclass(frozen=True)
class FakeRegion:
    id: str
    side: str


@dataclass(frozen=True)
class FakeView:
    id: str
    width: float
    height: float
    mirror: str
    region_ids: tuple[str, ...]
    _regions: dict = field(default_factory=dict, compare=False)

    def region(self, region_id: str) -> FakeRegion:
        if region_id not in self.region_ids:
            raise UnknownIdError(f"unknown region {region_id!r} on the {self.id} view")
        side = region_id.rsplit("-", 1)[-1] if region_id.endswith(("-left", "-right")) else "midline"
        return FakeRegion(region_id, side)


@dataclass(frozen=True)
class FakeAtlas:
    """Stands for chart 1 of the male body (its frames): version-1 documents are on it, no carry."""

    views: dict[str, FakeView]
    body: str = "male"
    chart: int = 1

    def view(self, view_id: str) -> FakeView:
        if view_id not in self.views:
            raise UnknownIdError(f"unknown view {view_id!r}")
        return self.views[view_id]


POSTERIOR_REGIONS = (
    "sacrum",
    "lumbar-left",
    "lumbar-right",
    "buttock-left",
    "buttock-right",
    "thigh-left",
    "thigh-right",
)


def fake_atlas() -> FakeAtlas:
    """Posterior 640 x 1800 and lateral / lateral-left 500 x 1800, a few regions each."""
    return FakeAtlas(
        {
            "posterior": FakeView("posterior", 640.0, 1800.0, "posterior", POSTERIOR_REGIONS),
            "lateral": FakeView("lateral", 500.0, 1800.0, "lateral-left", ("buttock-right", "thigh-right")),
            "lateral-left": FakeView("lateral-left", 500.0, 1800.0, "lateral", ("buttock-left", "thigh-left")),
        }
    )


ATLAS = fake_atlas()


# ---------------------------------------------------------------------------------------------------------------
# Valid documents


def random_point(rng: random.Random, view: str) -> list[float]:
    v = ATLAS.views[view]
    return [round(rng.uniform(0, v.width), rng.choice((0, 1, 2, 6))), round(rng.uniform(0, v.height), 3)]


def random_mark(rng: random.Random) -> dict:
    kind = rng.choice(MARK_TYPES)
    view = rng.choice(tuple(ATLAS.views))
    if kind == "fill":
        mark = {"type": "fill", "view": view, "region": rng.choice(ATLAS.views[view].region_ids)}
        mark["intensity"] = rng.randint(1, 10)
        if rng.random() < 0.8:
            mark["quality"] = rng.choice(QUALITIES)
        return mark
    points = [random_point(rng, view) for _ in range(rng.randint(1, 12))]
    radius = rng.choice((rng.uniform(*RADIUS_RANGE), rng.randint(1, 200)))
    if kind == "erase":
        return {"type": "erase", "view": view, "radius": radius, "points": points}
    mark = {"type": "stroke", "view": view, "radius": radius, "intensity": rng.randint(1, 10), "points": points}
    if rng.random() < 0.8:
        mark["quality"] = rng.choice(QUALITIES)
    return mark


def random_document(rng: random.Random, min_marks: int = 1) -> dict:
    """A valid document (against the fake atlas) with 1-6 marks."""
    doc: dict[str, Any] = {"format": "painmap-drawing", "version": 1}
    if rng.random() < 0.7:
        doc["created"] = "2026-11-23T10:00:00Z"
    if rng.random() < 0.6:
        doc["meta"] = {"note": rng.choice(("", "after a long walk", "ünïcödé ✓", '[{"]}')), "n": rng.randint(0, 9)}
    doc["marks"] = [random_mark(rng) for _ in range(rng.randint(min_marks, 6))]
    return doc


# ---------------------------------------------------------------------------------------------------------------
# Malformed documents: every mutation below makes a valid document invalid by construction.

WRONG_TYPE_VALUES: list[Any] = [None, True, False, 0, 3.5, "x", "", [], [1], {}, {"a": 1}]
_STRING_FIELDS = ("type", "view", "region", "quality")
_NUMBER_FIELDS = ("radius",)


@dataclass
class Case:
    """One malformed document: its bytes, the mutation kind, whether a JSON Schema validator must refuse it too."""

    kind: str
    data: bytes
    doc: Any = None  # the mutated JSON value when the mutation is structural
    schema_visible: bool = False


def _dump(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8")


def _pick_mark(rng: random.Random, doc: dict, kinds: tuple[str, ...] = MARK_TYPES) -> dict | None:
    marks = [m for m in doc["marks"] if m["type"] in kinds]
    return rng.choice(marks) if marks else None


def _wrong_for(field_name: str, rng: random.Random) -> Any:
    """A value of the wrong JSON type for a field."""
    if field_name in _STRING_FIELDS or field_name in ("format", "created"):
        pool = [v for v in WRONG_TYPE_VALUES if not isinstance(v, str)]
    elif field_name in _NUMBER_FIELDS or field_name == "coordinate":
        pool = [v for v in WRONG_TYPE_VALUES if isinstance(v, bool) or not isinstance(v, int | float)]
    elif field_name in ("intensity", "version"):
        pool = [v for v in WRONG_TYPE_VALUES if type(v) is not int] + [5.0, 6.5]
    elif field_name == "meta":
        pool = [v for v in WRONG_TYPE_VALUES if not isinstance(v, dict)]
    else:  # marks, points, point
        pool = [v for v in WRONG_TYPE_VALUES if not isinstance(v, list)]
    return rng.choice(pool)


def mutate_missing_key(rng: random.Random, doc: dict) -> Case:
    if rng.random() < 0.3:
        del doc[rng.choice(("format", "version", "marks"))]
    else:
        mark = rng.choice(doc["marks"])
        required = {
            "stroke": ("type", "view", "radius", "intensity", "points"),
            "fill": ("type", "view", "region", "intensity"),
            "erase": ("type", "view", "radius", "points"),
        }[mark["type"]]
        del mark[rng.choice(required)]
    return Case("missing-key", _dump(doc), doc, True)


def mutate_wrong_type(rng: random.Random, doc: dict) -> Case:
    """A wrong JSON type; intensity 5.0 is wrong for painmap but an integer for JSON Schema."""
    where = rng.choice(("top", "mark", "mark", "points", "point", "coordinate"))
    visible = True
    if where == "top":
        key = rng.choice(("format", "version", "created", "meta", "marks"))
        doc[key] = _wrong_for(key, rng)
        visible = not (key == "version" and doc[key] == 5.0)
    else:
        mark = rng.choice(doc["marks"])
        if where == "mark" or mark["type"] == "fill":
            key = rng.choice([k for k in mark if k != "points"])
            mark[key] = _wrong_for(key, rng)
            visible = not (key == "intensity" and mark[key] == 5.0)
        elif where == "points":
            mark["points"] = _wrong_for("points", rng)
        elif where == "point":
            i = rng.randrange(len(mark["points"]))
            mark["points"][i] = rng.choice([_wrong_for("point", rng), [1.0], [1.0, 2.0, 3.0], [[1.0, 2.0]]])
        else:
            point = rng.choice(mark["points"])
            point[rng.randrange(2)] = _wrong_for("coordinate", rng)
    return Case("wrong-type", _dump(doc), doc, visible)


def mutate_out_of_range(rng: random.Random, doc: dict) -> Case:
    """Numbers outside their range; coordinates beyond the view frame need the atlas to be seen."""
    visible = True
    choice = rng.choice(("intensity", "radius", "coordinate", "frame", "version", "points", "empty-points"))
    mark = _pick_mark(rng, doc, ("stroke",) if choice == "intensity" else ("stroke", "erase"))
    if mark is None or choice == "version":
        doc["version"] = rng.choice((0, -1, 3, 99, 10**30))
    elif choice == "intensity":
        mark["intensity"] = rng.choice((0, 11, -3, 100, 10**20))
    elif choice == "radius":
        mark["radius"] = rng.choice((0, 0.0, 0.49, 200.01, -1, 1e308, 10**30))
    elif choice == "coordinate":
        point = rng.choice(mark["points"])
        point[rng.randrange(2)] = rng.choice((1e6, -1e9, 1e308, -1e308, 10_000.5, 10**40))
    elif choice == "frame":  # inside the schema's +-10,000 mm but outside [-w, 2w] x [-h, 2h] of the view
        view = ATLAS.views[mark["view"]]
        point = rng.choice(mark["points"])
        axis = rng.randrange(2)
        size = view.width if axis == 0 else view.height
        point[axis] = rng.choice((-size - 0.5, 2 * size + 1, -size * 3))
        visible = abs(point[axis]) > 10_000
    elif choice == "points":
        mark["points"] = [[1.0, 1.0]] * 10_001
    else:
        mark["points"] = []
    return Case("out-of-range", _dump(doc), doc, visible)


def mutate_unknown_id(rng: random.Random, doc: dict) -> Case:
    """Unknown view, region, quality, mark type or format; a well-formed unknown region needs the atlas."""
    visible = True
    choice = rng.choice(("view", "region", "region-shape", "quality", "type", "format", "anterior"))
    mark = rng.choice(doc["marks"])
    if choice == "view":
        mark["view"] = rng.choice(("back", "Posterior", "front", "lateral-right", "", "posterior ", "x" * 300))
    elif choice == "anterior":  # a known view id that this atlas does not have
        mark["view"] = "anterior"
        visible = False
    elif choice in ("region", "region-shape"):
        doc["marks"].append({"type": "fill", "view": "posterior", "intensity": 3, "region": "sacrum"})
        fill = doc["marks"][-1]
        if choice == "region":
            fill["region"] = rng.choice(("elbow-left", "buttock-middle", "sacrum-left", "thigh"))
            visible = False
        else:
            fill["region"] = rng.choice(("Buttock-Right", "buttock_right", "", "-sacrum", "a" * 65, "sacrum\n"))
    elif choice == "quality":
        if mark["type"] == "erase":  # erase marks have no quality: the key itself is unknown
            mark["quality"] = "aching"
        else:
            mark["quality"] = rng.choice(("itchy", "Aching", "", "burning ", "ache"))
    elif choice == "type":
        mark["type"] = rng.choice(("spray", "Stroke", "", "line", "polygon"))
    else:
        doc["format"] = rng.choice(("painmap", "painmap-pattern", "", "PAINMAP-DRAWING"))
    return Case("unknown-id", _dump(doc), doc, visible)


def mutate_extra_key(rng: random.Random, doc: dict) -> Case:
    key = rng.choice(("colour", "Marks", "points", "id", "a/b", "~x", "", "ünï"))
    if rng.random() < 0.4 and key not in doc:
        doc[key] = rng.choice((1, "x", None, []))
    else:
        mark = rng.choice(doc["marks"])
        key = key if key not in mark else "extra"
        if mark["type"] == "erase" and rng.random() < 0.5:
            key = rng.choice(("intensity", "region"))
        elif mark["type"] == "fill" and rng.random() < 0.5:
            key = rng.choice(("radius", "points"))
        mark[key] = rng.choice((1, "x", None, []))
    return Case("extra-key", _dump(doc), doc, True)


def mutate_non_finite(rng: random.Random, doc: dict) -> Case:
    """NaN / Infinity literals, or a float literal too large for a double (parses as inf)."""
    value = rng.choice((float("nan"), float("inf"), float("-inf"), "1e400"))
    mark = _pick_mark(rng, doc, ("stroke", "erase"))
    target = doc.setdefault("meta", {}) if mark is None else rng.choice(mark["points"])
    if isinstance(target, dict):
        target["x"] = 123456.789 if value == "1e400" else value
        return Case("non-finite", _dump(doc).replace(b"123456.789", b"1e400"))
    axis = rng.randrange(2)
    if value == "1e400":
        target[axis] = 123456.789
        return Case("non-finite", _dump(doc).replace(b"123456.789", b"1e400"))
    if rng.random() < 0.3:
        mark["radius"] = value
    else:
        target[axis] = value
    return Case("non-finite", _dump(doc))


def mutate_nesting(rng: random.Random, doc: dict) -> Case:
    """Wrong nesting: extra or missing levels of arrays and objects."""
    choice = rng.choice(("points", "point", "marks", "doc", "mark", "meta-deep"))
    mark = _pick_mark(rng, doc, ("stroke", "erase"))
    if mark is None:
        choice = rng.choice(("marks", "doc", "mark"))
    if choice == "points":
        mark["points"] = [mark["points"]]
    elif choice == "point":
        mark["points"] = mark["points"][0]
    elif choice == "marks":
        doc["marks"] = rng.choice(([doc["marks"]], {"0": doc["marks"][0]}))
    elif choice == "doc":
        return Case("nesting", _dump([doc]), [doc], True)
    elif choice == "mark":
        i = rng.randrange(len(doc["marks"]))
        doc["marks"][i] = [doc["marks"][i]]
    else:  # deeper than the nesting limit, inside meta
        depth = rng.randint(21, 500)
        doc["meta"] = {"deep": json.loads("[" * depth + "]" * depth)}
        return Case("nesting", _dump(doc))
    return Case("nesting", _dump(doc), doc, True)


def mutate_text(rng: random.Random, doc: dict) -> Case:
    """Byte-level damage: truncation, invalid UTF-8, NUL, BOM, UTF-16, a duplicate key, a huge integer."""
    data = _dump(doc)
    choice = rng.choice(("truncate", "truncate", "utf8", "nul", "bom", "utf16", "duplicate", "bigint", "garbage"))
    if choice == "truncate":
        stripped = data.rstrip()
        return Case("text", stripped[: rng.randrange(len(stripped))])
    if choice == "utf8":
        i = rng.randrange(len(data))
        return Case("text", data[:i] + rng.choice((b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80")) + data[i:])
    if choice == "nul":
        i = rng.randrange(len(data))
        return Case("text", data[:i] + b"\x00" + data[i:])
    if choice == "bom":
        return Case("text", b"\xef\xbb\xbf" + data)
    if choice == "utf16":
        return Case("text", data.decode("utf-8").encode(rng.choice(("utf-16", "utf-16-le", "utf-16-be"))))
    if choice == "duplicate":
        return Case("text", data.replace(b'"version": 1', b'"version": 1, "version": 1', 1))
    if choice == "bigint":
        return Case("text", data.replace(b'"version": 1', b'"version": 1' + b"0" * rng.randint(4300, 6000), 1))
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return Case("text", junk + b"\xff")  # never valid UTF-8


MUTATIONS = {
    "missing-key": mutate_missing_key,
    "wrong-type": mutate_wrong_type,
    "out-of-range": mutate_out_of_range,
    "unknown-id": mutate_unknown_id,
    "extra-key": mutate_extra_key,
    "non-finite": mutate_non_finite,
    "nesting": mutate_nesting,
    "text": mutate_text,
}


def malformed_cases(kind: str, count: int, seed: int) -> list[Case]:
    """`count` malformed documents of one mutation kind, reproducible from `seed`."""
    rng = random.Random(f"{kind}-{seed}")
    return [MUTATIONS[kind](rng, copy.deepcopy(random_document(rng))) for _ in range(count)]
