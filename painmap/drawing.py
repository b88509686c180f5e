"""Pain drawings: marks, the drawing document, load/save/validate (schema and limits).

A drawing file (`*.painmap.json`, UTF-8 JSON, docs/format.md) is an ordered list of marks in millimetres of a
named view. Every way in (`parse_drawing`, `load_drawing`, `drawing_from_dict`) runs the same checks, cheapest
first: size, encoding, nesting, JSON syntax, structure, limits, then references against an atlas when one is
given. Every refusal is a `DrawingError` naming the file, the JSON pointer and the reason in one line; nothing
is half-loaded. `save_drawing` validates first and replaces the file atomically.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import numbers
import os
import re
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from painmap.drawing_model import DEFAULT_QUALITY, INTENSITY_RANGE, QUALITIES
from painmap.errors import DrawingError, ResourceError

FORMAT = "painmap-drawing"
VERSION = 1  # the version this code writes; older versions are upgraded by `migrate`
VIEWS = ("posterior", "lateral", "lateral-left", "anterior")  # accepted without an atlas
MARK_TYPES = ("stroke", "fill", "erase")

# Limits (docs/format.md). All are checked before the expensive step they protect.
MAX_FILE_BYTES = 20 * 1024 * 1024  # file / text size, checked with stat before reading
MAX_DEPTH = 20  # bracket nesting, scanned before json.loads (a drawing needs 5)
MAX_MARKS = 50_000
MAX_POINTS_PER_MARK = 10_000
MAX_POINTS_TOTAL = 1_000_000
MAX_META_BYTES = 64 * 1024  # meta serialized as UTF-8 JSON
MAX_ID_LENGTH = 64  # region ids
MAX_CREATED_LENGTH = 64
RADIUS_RANGE = (0.5, 200.0)  # mm
COORD_LIMIT = 10_000.0  # |x|, |y| in mm without an atlas; with one, [-width, 2 width] x [-height, 2 height]
REGION_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SCHEMA_RESOURCE = ("schema", "drawing.schema.json")

Point = tuple[float, float]


@dataclass(frozen=True)
class Stroke:
    """Brush stroke: discs of `radius` mm swept along the polyline `points` (mm, in `view`'s frame)."""

    view: str
    radius: float
    intensity: int
    quality: str
    points: tuple[Point, ...]
    type: str = field(default="stroke", init=False)


@dataclass(frozen=True)
class Fill:
    """Fill of one atlas region, exactly its mask."""

    view: str
    region: str
    intensity: int
    quality: str
    type: str = field(default="fill", init=False)


@dataclass(frozen=True)
class Erase:
    """Eraser stroke: removes pain (and its intensity) under the swept discs."""

    view: str
    radius: float
    points: tuple[Point, ...]
    type: str = field(default="erase", init=False)


Mark = Stroke | Fill | Erase


@dataclass
class Drawing:
    """An ordered list of marks plus free metadata; marks apply in order."""

    marks: list[Mark] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    created: str = ""  # ISO 8601 UTC, set on first save when empty

    def views_used(self) -> list[str]:
        """View ids the marks use, in first-use order."""
        return list(dict.fromkeys(mark.view for mark in self.marks))

    def point_count(self) -> int:
        """Number of stroke and erase points."""
        return sum(len(mark.points) for mark in self.marks if not isinstance(mark, Fill))


# ---------------------------------------------------------------------------------------------------------------
# Messages


def _show(value: Any, limit: int = 40) -> str:
    """A short, single-line rendering of a user-supplied value for an error message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _kind(value: Any) -> str:
    """The JSON type of a value, with an article, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _key(key: str) -> str:
    """One JSON-pointer reference token (RFC 6901 escaping)."""
    return key.replace("~", "~0").replace("/", "~1")


def _one_line(text: str) -> str:
    """`text` with line breaks and other unprintable characters escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class _Context:
    """Where the document came from and what to check it against."""

    __slots__ = ("atlas", "source")

    def __init__(self, source: str, atlas: Any) -> None:
        self.source = _one_line(source)
        self.atlas = atlas

    def fail(self, reason: str, pointer: str = "") -> DrawingError:
        return DrawingError(_one_line(reason), self.source, _one_line(pointer))


# ---------------------------------------------------------------------------------------------------------------
# Bytes -> JSON value (size, encoding, nesting, syntax)

_QUOTED = re.compile(rb'"[^"]*"')
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_LEADING_SPACE = re.compile(rb"[ \t\r\n]*")
# Arrays and objects a drawing within the limits can hold: points, marks, the marks array, and meta (whose
# strings may also contain bracket characters, counted here because strings are not yet told apart).
_MAX_ARRAYS = MAX_POINTS_TOTAL + MAX_MARKS + 1 + 2 * MAX_META_BYTES
_MAX_OBJECTS = MAX_MARKS + 1 + 2 * MAX_META_BYTES


def _check_nesting(data: bytes, ctx: _Context) -> None:
    """Refuse more arrays/objects than a drawing within the limits holds, and deep nesting, before parsing.

    Works on the bytes at C speed: escaped quotes and backslashes are dropped, then everything but brackets
    and quotes, then the (now simple) strings; the depth is a cumulative sum over what is left.
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    step = 1 << 20  # translate in slices: it allocates its full input size before shrinking
    structure = b"".join(data[i : i + step].translate(None, _NOT_STRUCTURE) for i in range(0, len(data), step))
    arrays = structure.count(b"[")
    if arrays > _MAX_ARRAYS:
        raise ctx.fail(f"holds {arrays:,} arrays: more points than a drawing may have ({MAX_POINTS_TOTAL:,})")
    objects = structure.count(b"{")
    if objects > _MAX_OBJECTS:
        raise ctx.fail(f"holds {objects:,} objects: more marks than a drawing may have ({MAX_MARKS:,})")
    brackets = _QUOTED.sub(b"", structure)
    del structure
    if not brackets:
        return
    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = ((codes == ord("[")) | (codes == ord("{"))).view(np.int8)  # 1 opens, 0 closes: 2 * step - 1
    steps = steps * np.int8(2)
    steps -= 1
    if int(np.cumsum(steps, dtype=np.int32).max()) > MAX_DEPTH:
        raise ctx.fail(f"nested deeper than {MAX_DEPTH} levels (a drawing needs 5)")


def _reject_constant(name: str) -> float:
    raise DrawingError(f"{name} is not allowed: every number must be finite")


_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _where_constant(text: str) -> str:
    """ " (line L, column C)" of the first NaN/Infinity outside strings, for the error message."""
    for match in _CONSTANT.finditer(text):
        if match.group(1):
            line = text.count("\n", 0, match.start(1)) + 1
            column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 1
            return f" (line {line}, column {column})"
    return ""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DrawingError(f"duplicate key {_show(key)} in an object")
            seen.add(key)
    return result


def _check_utf8(data: bytes, ctx: _Context, partial: bool = False) -> str:
    """The text of UTF-8 `data`; `partial` tolerates a character cut at the end of a prefix."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if partial and err.reason == "unexpected end of data":
            return ""
        raise ctx.fail(f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})") from None


def _decode(data: bytes | bytearray | memoryview | str, ctx: _Context) -> Any:
    """JSON value of a drawing's bytes or text, after the size, encoding and nesting checks."""
    if isinstance(data, str):
        if len(data) > MAX_FILE_BYTES:
            raise ctx.fail(f"is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as err:
            raise ctx.fail(f"is not valid Unicode text (unpaired surrogate at character {err.start})") from None
    elif isinstance(data, bytearray | memoryview):
        data = bytes(data)
    elif not isinstance(data, bytes):
        raise TypeError(f"a drawing is bytes or text, not {type(data).__name__}")
    if len(data) > MAX_FILE_BYTES:
        raise ctx.fail(f"is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit ({len(data):,} bytes)")
    start = _LEADING_SPACE.match(data).end()
    if start == len(data):
        raise ctx.fail("is empty" if not data else "contains only white space")
    if data.startswith(b"\xef\xbb\xbf"):
        raise ctx.fail("starts with a byte-order mark: save it as UTF-8 without BOM")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ctx.fail("is UTF-16 text: a drawing must be UTF-8")
    if b"\x00" in data:
        raise ctx.fail("contains NUL bytes (binary data or UTF-16), not UTF-8 JSON text")
    first = data[start : start + 1]
    if first != b"{":
        _check_utf8(data[:1024], ctx, partial=True)
        what = "an array" if first == b"[" else f"something starting with {_show(first.decode('latin-1'))}"
        raise ctx.fail(f"must be a JSON object, not {what}")
    _check_nesting(data, ctx)
    text = _check_utf8(data, ctx)
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except DrawingError as err:
        raise ctx.fail(err.reason + _where_constant(text)) from None
    except json.JSONDecodeError as err:
        raise ctx.fail(f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    except ValueError as err:  # an integer with more digits than Python converts
        reason = "a number has too many digits" if "digits" in str(err) else _one_line(str(err))[:100]
        raise ctx.fail(f"invalid JSON: {reason}") from None
    except RecursionError:  # belt and braces: the nesting scan should have caught it
        raise ctx.fail(f"nested deeper than {MAX_DEPTH} levels") from None


# ---------------------------------------------------------------------------------------------------------------
# Versions

# MIGRATIONS[n] upgrades a version-n document (a dict) to version n + 1. Version 1 is the first and current one.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


def migrate(
    doc: dict,
    source: str = "<memory>",
    *,
    migrations: dict[int, Callable[[dict], dict]] | None = None,
    current: int = VERSION,
) -> dict:
    """The document upgraded to the current version, step by step; a newer or unknown version is refused."""
    ctx = _Context(source, None)
    table = MIGRATIONS if migrations is None else migrations
    if "version" not in doc:
        raise ctx.fail(f"missing 'version' (this painmap reads up to version {current})")
    version = doc["version"]
    if type(version) is not int:
        raise ctx.fail(f"'version' must be an integer, not {_kind(version)}", "/version")
    if version > current:
        raise ctx.fail(
            f"version {version} is from a newer painmap (this one reads up to version {current}): update painmap",
            "/version",
        )
    if version < 1:
        raise ctx.fail(f"unknown version {version} (versions start at 1)", "/version")
    while version < current:
        step = table.get(version)
        if step is None:
            raise ctx.fail(f"no upgrade from version {version} to {version + 1}", "/version")
        doc = step(copy.deepcopy(doc))
        version += 1
        doc["version"] = version
    return doc


# ---------------------------------------------------------------------------------------------------------------
# JSON value -> Drawing (structure, limits, references)

_TOP_KEYS = ("format", "version", "created", "meta", "marks")
_FIELDS = {
    "stroke": (("type", "view", "radius", "intensity", "points"), ("quality",)),
    "fill": (("type", "view", "region", "intensity"), ("quality",)),
    "erase": (("type", "view", "radius", "points"), ()),
}
_REGION_ID = re.compile(REGION_ID_PATTERN)
_NUMBER_TYPES = {int, float}
_FLOAT_ONLY = {float}


class _Frames:
    """Known views and, with an atlas, their frames and regions."""

    def __init__(self, atlas: Any) -> None:
        self.atlas = atlas
        self.views = tuple(atlas.views) if atlas is not None else VIEWS
        self.bounds: dict[str, tuple[float, float, float, float]] = {}
        for view_id in self.views:
            if atlas is None:
                self.bounds[view_id] = (-COORD_LIMIT, COORD_LIMIT, -COORD_LIMIT, COORD_LIMIT)
            else:
                view = atlas.views[view_id]
                w, h = float(view.width), float(view.height)
                self.bounds[view_id] = (-w, 2 * w, -h, 2 * h)


def _number(value: Any) -> bool:
    return type(value) in _NUMBER_TYPES


def _view(mark: dict, ptr: str, frames: _Frames, ctx: _Context) -> str:
    view = mark["view"]
    if not isinstance(view, str):
        raise ctx.fail(f"'view' must be a string, not {_kind(view)}", ptr + "/view")
    if view not in frames.bounds:
        where = "the body chart has" if frames.atlas is not None else "known"
        raise ctx.fail(f"unknown view {_show(view)} ({where}: {', '.join(frames.views)})", ptr + "/view")
    return view


def _radius(mark: dict, ptr: str, ctx: _Context) -> float:
    radius = mark["radius"]
    lo, hi = RADIUS_RANGE
    if not _number(radius):
        raise ctx.fail(f"'radius' must be a number of millimetres, not {_kind(radius)}", ptr + "/radius")
    if not lo <= radius <= hi:
        raise ctx.fail(f"radius {_show(radius)} is outside {lo:g}-{hi:g} mm", ptr + "/radius")
    return float(radius)


def _intensity(mark: dict, ptr: str, ctx: _Context) -> int:
    value = mark["intensity"]
    lo, hi = INTENSITY_RANGE
    if type(value) is not int:
        raise ctx.fail(f"'intensity' must be a whole number {lo}-{hi}, not {_show(value)}", ptr + "/intensity")
    if not lo <= value <= hi:
        raise ctx.fail(f"intensity {value} is outside {lo}-{hi}", ptr + "/intensity")
    return value


def _quality(mark: dict, ptr: str, ctx: _Context) -> str:
    value = mark.get("quality", DEFAULT_QUALITY)
    if not isinstance(value, str) or value not in QUALITIES:
        raise ctx.fail(f"unknown quality {_show(value)} (known: {', '.join(QUALITIES)})", ptr + "/quality")
    return value


def _region(mark: dict, view: str, ptr: str, frames: _Frames, ctx: _Context) -> str:
    region = mark["region"]
    if not isinstance(region, str):
        raise ctx.fail(f"'region' must be a string, not {_kind(region)}", ptr + "/region")
    if len(region) > MAX_ID_LENGTH or not _REGION_ID.fullmatch(region):
        raise ctx.fail(f"{_show(region)} is not a region id (like 'buttock-right')", ptr + "/region")
    if frames.atlas is not None:
        try:
            frames.atlas.views[view].region(region)
        except KeyError:
            raise ctx.fail(f"unknown region {_show(region)} on the {view} view", ptr + "/region") from None
    return region


def _point_error(points: list, ptr: str, bounds: tuple[float, float, float, float], ctx: _Context) -> DrawingError:
    """The precise error for the first bad point (the slow path, run only when the fast checks fail)."""
    x0, x1, y0, y1 = bounds
    for i, point in enumerate(points):
        here = f"{ptr}/{i}"
        if not isinstance(point, list) or len(point) != 2:
            return ctx.fail(f"a point must be an array [x, y] of two numbers, not {_show(point)}", here)
        for axis, value, lo, hi in ((0, point[0], x0, x1), (1, point[1], y0, y1)):
            if not _number(value):
                return ctx.fail(f"a coordinate must be a number, not {_kind(value)}", f"{here}/{axis}")
            if isinstance(value, float) and not math.isfinite(value):
                return ctx.fail("a coordinate is not finite (NaN, Infinity or too large)", f"{here}/{axis}")
            if not lo <= value <= hi:
                name = "xy"[axis]
                return ctx.fail(f"{name} = {_show(value)} mm is outside the view ({lo:g} to {hi:g})", f"{here}/{axis}")
    return ctx.fail("a point is invalid", ptr)


def _points(mark: dict, ptr: str, bounds: tuple[float, float, float, float], budget: int, ctx: _Context) -> tuple:
    """The validated points as a tuple of (x, y) float tuples; C-speed checks first, details on failure."""
    points = mark["points"]
    ptr += "/points"
    if not isinstance(points, list):
        raise ctx.fail(f"'points' must be an array of [x, y] points, not {_kind(points)}", ptr)
    n = len(points)
    if n == 0:
        raise ctx.fail(f"a {mark['type']} mark needs at least one point", ptr)
    if n > MAX_POINTS_PER_MARK:
        raise ctx.fail(f"{n:,} points in one mark (at most {MAX_POINTS_PER_MARK:,})", ptr)
    if n > budget:
        raise ctx.fail(f"more than {MAX_POINTS_TOTAL:,} points in the drawing", ptr)
    if set(map(type, points)) != {list} or set(map(len, points)) != {2}:
        raise _point_error(points, ptr, bounds, ctx)
    flat = list(chain.from_iterable(points))
    types = set(map(type, flat))
    if not types <= _NUMBER_TYPES:
        raise _point_error(points, ptr, bounds, ctx)
    try:
        total = sum(flat)
        finite = total - total == 0  # false for NaN and infinities
    except OverflowError:  # an integer too large for a float
        finite = False
    xs, ys = flat[0::2], flat[1::2]
    x0, x1, y0, y1 = bounds
    if not (finite and x0 <= min(xs) and max(xs) <= x1 and y0 <= min(ys) and max(ys) <= y1):
        raise _point_error(points, ptr, bounds, ctx)
    if types == _FLOAT_ONLY:
        return tuple(map(tuple, points))
    return tuple((float(x), float(y)) for x, y in points)


def _mark(mark: Any, i: int, frames: _Frames, budget: int, ctx: _Context) -> Mark:
    ptr = f"/marks/{i}"
    if not isinstance(mark, dict):
        raise ctx.fail(f"a mark must be an object, not {_kind(mark)}", ptr)
    if "type" not in mark:
        raise ctx.fail(f"missing 'type' (one of: {', '.join(MARK_TYPES)})", ptr)
    kind = mark["type"]
    if not isinstance(kind, str) or kind not in _FIELDS:
        raise ctx.fail(f"unknown mark type {_show(kind)} (known: {', '.join(MARK_TYPES)})", ptr + "/type")
    required, optional = _FIELDS[kind]
    for key in mark:
        if key not in required and key not in optional:
            raise ctx.fail(f"unknown key {_show(key)} in a {kind} mark", f"{ptr}/{_key(key)}")
    for key in required:
        if key not in mark:
            raise ctx.fail(f"missing {key!r} in a {kind} mark", ptr)
    view = _view(mark, ptr, frames, ctx)
    if kind == "fill":
        region = _region(mark, view, ptr, frames, ctx)
        return Fill(view, region, _intensity(mark, ptr, ctx), _quality(mark, ptr, ctx))
    radius = _radius(mark, ptr, ctx)
    if kind == "stroke":
        intensity, quality = _intensity(mark, ptr, ctx), _quality(mark, ptr, ctx)
        return Stroke(view, radius, intensity, quality, _points(mark, ptr, frames.bounds[view], budget, ctx))
    return Erase(view, radius, _points(mark, ptr, frames.bounds[view], budget, ctx))


def _created(doc: dict, ctx: _Context) -> str:
    created = doc.get("created", "")
    if not isinstance(created, str):
        raise ctx.fail(f"'created' must be an ISO 8601 date-time string, not {_kind(created)}", "/created")
    if created:
        try:
            if len(created) > MAX_CREATED_LENGTH:
                raise ValueError
            datetime.fromisoformat(created)
        except ValueError:
            raise ctx.fail(f"'created' is not an ISO 8601 date-time: {_show(created)}", "/created") from None
    return created


def _meta(doc: dict, ctx: _Context) -> dict:
    meta = doc.get("meta", {})
    if not isinstance(meta, dict):
        raise ctx.fail(f"'meta' must be an object, not {_kind(meta)}", "/meta")
    try:
        size = len(json.dumps(meta, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    except UnicodeEncodeError:
        raise ctx.fail("'meta' holds text that is not valid Unicode (an unpaired surrogate)", "/meta") from None
    except (ValueError, TypeError, RecursionError):
        raise ctx.fail("'meta' must hold only JSON values with finite numbers", "/meta") from None
    if size > MAX_META_BYTES:
        raise ctx.fail(f"'meta' is {size:,} bytes (at most {MAX_META_BYTES:,})", "/meta")
    return copy.deepcopy(meta)


def _document(doc: Any, ctx: _Context) -> Drawing:
    if not isinstance(doc, dict):
        raise ctx.fail(f"the document must be a JSON object, not {_kind(doc)}")
    for key in doc:
        if key not in _TOP_KEYS:
            raise ctx.fail(f"unknown key {_show(key)} (keys: {', '.join(_TOP_KEYS)})", f"/{_key(key)}")
    if "format" not in doc:
        raise ctx.fail(f'missing \'format\' (a drawing has "format": "{FORMAT}")')
    if doc["format"] != FORMAT:
        raise ctx.fail(f"'format' is {_show(doc['format'])}, not {FORMAT!r}: not a painmap drawing", "/format")
    doc = migrate(doc, ctx.source)
    created = _created(doc, ctx)
    meta = _meta(doc, ctx)
    if "marks" not in doc:
        raise ctx.fail("missing 'marks' (an array, possibly empty)")
    marks = doc["marks"]
    if not isinstance(marks, list):
        raise ctx.fail(f"'marks' must be an array, not {_kind(marks)}", "/marks")
    if len(marks) > MAX_MARKS:
        raise ctx.fail(f"{len(marks):,} marks (at most {MAX_MARKS:,})", "/marks")
    frames = _Frames(ctx.atlas)
    budget = MAX_POINTS_TOTAL
    out: list[Mark] = []
    for i, item in enumerate(marks):
        mark = _mark(item, i, frames, budget, ctx)
        if not isinstance(mark, Fill):
            budget -= len(mark.points)
        out.append(mark)
    return Drawing(marks=out, meta=meta, created=created)


def drawing_from_dict(doc: Any, source: str = "<memory>", atlas: Any = None) -> Drawing:
    """A Drawing from an already-parsed JSON document, with every check of `parse_drawing` after the syntax."""
    return _document(doc, _Context(source, atlas))


def parse_drawing(data: bytes | str, source: str = "<memory>", atlas: Any = None) -> Drawing:
    """A Drawing from the bytes or text of a drawing file; `source` names it in errors.

    With `atlas`, views, regions and point ranges are checked against it; without, only the view ids.
    """
    ctx = _Context(source, atlas)
    return _document(_decode(data, ctx), ctx)


def load_drawing(path: str | os.PathLike, atlas: Any = None) -> Drawing:
    """The drawing in the file at `path`; its size is checked before anything is read."""
    source = os.fspath(path)
    ctx = _Context(source, atlas)
    try:
        info = os.stat(source)
        if stat.S_ISDIR(info.st_mode):
            raise ctx.fail("is a folder, not a drawing file")
        if not stat.S_ISREG(info.st_mode):
            raise ctx.fail("is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            mb = MAX_FILE_BYTES // (1024 * 1024)
            raise ctx.fail(f"is larger than the {mb} MB limit ({info.st_size:,} bytes)")
        with open(source, "rb") as handle:
            data = handle.read(min(info.st_size, MAX_FILE_BYTES) + 1)
    except FileNotFoundError:
        raise ctx.fail("no such file") from None
    except PermissionError:
        raise ctx.fail("permission denied") from None
    except OSError as err:
        raise ctx.fail(f"cannot read: {err.strerror or type(err).__name__}") from None
    return _document(_decode(data, ctx), ctx)


# ---------------------------------------------------------------------------------------------------------------
# Drawing -> JSON, saving


def _plain(value: Any) -> Any:
    """numpy (or other) numbers as Python int/float, so marks built from arrays save; anything else unchanged."""
    if type(value) in _NUMBER_TYPES or isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def _plain_points(points) -> list:
    return [[_plain(x), _plain(y)] for x, y in points]


def _mark_to_dict(mark: Mark) -> dict:
    if isinstance(mark, Stroke):
        return {
            "type": "stroke",
            "view": mark.view,
            "radius": _plain(mark.radius),
            "intensity": _plain(mark.intensity),
            "quality": mark.quality,
            "points": _plain_points(mark.points),
        }
    if isinstance(mark, Fill):
        return {
            "type": "fill",
            "view": mark.view,
            "region": mark.region,
            "intensity": _plain(mark.intensity),
            "quality": mark.quality,
        }
    if isinstance(mark, Erase):
        return {"type": "erase", "view": mark.view, "radius": _plain(mark.radius), "points": _plain_points(mark.points)}
    raise DrawingError(f"not a mark: {_show(mark)}")


def drawing_to_dict(drawing: Drawing) -> dict:
    """The drawing as the JSON document of the file format (not validated; see `check_drawing`)."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if drawing.created:
        doc["created"] = drawing.created
    doc["meta"] = copy.deepcopy(drawing.meta)
    doc["marks"] = [_mark_to_dict(mark) for mark in drawing.marks]
    return doc


def check_drawing(drawing: Drawing, atlas: Any = None, source: str = "<memory>") -> None:
    """Raise DrawingError if the in-memory drawing would not load back (limits, ids, ranges)."""
    _document(drawing_to_dict(drawing), _Context(source, atlas))


def dumps_drawing(drawing: Drawing) -> str:
    """The file text: one mark per line, floats written exactly (a load gives back equal marks)."""
    return _dumps_document(drawing_to_dict(drawing))


def _dumps_document(doc: dict) -> str:
    doc = dict(doc)
    marks = doc.pop("marks")
    head = json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=2)[:-2]  # drop the closing "\n}"
    if not marks:
        return head + ',\n  "marks": []\n}\n'
    lines = ",\n".join("    " + json.dumps(m, ensure_ascii=False, allow_nan=False) for m in marks)
    return f'{head},\n  "marks": [\n{lines}\n  ]\n}}\n'


def drawing_schema() -> dict:
    """The JSON Schema (draft 2020-12) of the file format, as shipped in resources/schema."""
    from painmap.resources import resource_path

    path = resource_path(*SCHEMA_RESOURCE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ResourceError(f"{path}: cannot read the drawing schema ({type(err).__name__})") from None


def now_iso() -> str:
    """The current UTC time as written in `created`."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def save_drawing(drawing: Drawing, path: str | os.PathLike, atlas: Any = None) -> None:
    """Write the drawing atomically: temporary file in the same folder, flush, fsync, rename.

    The drawing is validated first (an invalid one raises DrawingError and nothing is written); on any failure
    the original file is left untouched and the temporary file is removed. Sets `created` when empty.
    """
    source = os.fspath(path)
    target = Path(os.path.realpath(source))  # through a symbolic link: replace the file, keep the link
    created = drawing.created or now_iso()
    candidate = Drawing(marks=drawing.marks, meta=drawing.meta, created=created)
    doc = drawing_to_dict(candidate)
    _document(doc, _Context(source, atlas))  # exactly the checks of a load: what is saved loads back
    data = _dumps_document(doc).encode("utf-8")
    if target.is_dir():
        raise DrawingError("is a folder, not a drawing file", _one_line(source))
    folder = target.parent
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as err:
        raise DrawingError(f"could not save: {err.strerror or type(err).__name__}", _one_line(source)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _fsync_folder(folder)
    drawing.created = created


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------------------------
# Mirror


def mirror_drawing(drawing: Drawing, atlas: Any) -> Drawing:
    """The drawing's mirror image: the patient's left and right swapped.

    Posterior (and anterior) x -> width - x in the same view; lateral <-> lateral-left with x -> width - x;
    region ids swap their -left / -right suffix. Intensities, qualities, order and meta are kept.
    """
    from painmap.atlas import mirror_region_id  # the chart loader is not needed to read a drawing

    marks: list[Mark] = []
    for i, mark in enumerate(drawing.marks):
        if mark.view not in atlas.views:
            raise DrawingError(f"unknown view {_show(mark.view)}", None, f"/marks/{i}/view")
        view = atlas.views[mark.view]
        target = view.mirror
        if isinstance(mark, Fill):
            marks.append(Fill(target, mirror_region_id(mark.region), mark.intensity, mark.quality))
            continue
        width = float(view.width)
        points = tuple((width - x, y) for x, y in mark.points)
        if isinstance(mark, Stroke):
            marks.append(Stroke(target, mark.radius, mark.intensity, mark.quality, points))
        else:
            marks.append(Erase(target, mark.radius, points))
    return Drawing(marks=marks, meta=copy.deepcopy(drawing.meta), created=drawing.created)
