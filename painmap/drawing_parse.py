"""Pain drawings, the way in: bytes or JSON -> Drawing, with every check (size, encoding, nesting, syntax,
structure, limits, references), cheapest first.

Every refusal is a `DrawingError` naming the file, the JSON pointer and the reason in one line; nothing is
half-loaded.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import stat
from collections.abc import Callable
from datetime import datetime
from itertools import chain
from typing import Any

from painmap.drawing_model import (
    DEFAULT_QUALITY,
    FORMAT,
    INTENSITY_RANGE,
    MARK_TYPES,
    MAX_CREATED_LENGTH,
    MAX_FILE_BYTES,
    MAX_ID_LENGTH,
    MAX_MARKS,
    MAX_META_BYTES,
    MAX_POINTS_PER_MARK,
    MAX_POINTS_TOTAL,
    MIN_LASSO_POINTS,
    QUALITIES,
    RADIUS_RANGE,
    REGION_ID_PATTERN,
    VERSION,
    VIEWS,
    Drawing,
    Erase,
    Fill,
    Lasso,
    Mark,
    Stroke,
    view_bounds,
)
from painmap.errors import DrawingError

__all__ = [
    "MIGRATIONS",
    "drawing_from_dict",
    "load_drawing",
    "migrate",
    "parse_drawing",
    "read_document",
    "validate_document",
]

from painmap.drawing_decode import Context as _Context
from painmap.drawing_decode import decode as _decode
from painmap.drawing_decode import json_key as _key
from painmap.drawing_decode import json_kind as _kind
from painmap.drawing_decode import show as _show

# ---------------------------------------------------------------------------------------------------------------
# Versions


def _v1_to_v2(doc: dict) -> dict:
    """Version 2 adds "body" and "chart": a version-1 file was made on the first chart of the male body."""
    if "body" not in doc and "chart" not in doc:
        doc["body"], doc["chart"] = "male", 1
    return doc


# MIGRATIONS[n] upgrades a version-n document (a dict) to version n + 1. A step gets a shallow copy: it may set
# top-level keys, and replaces (never mutates in place) any nested value it changes, so the caller's document
# stays as it was without copying every point of it (a deep copy was 18 % of aggregating a drawing).
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


def migrate(
    doc: dict,
    source: str = "<memory>",
    *,
    migrations: dict[int, Callable[[dict], dict]] | None = None,
    current: int = VERSION,
) -> dict:
    """The document upgraded to the current version, step by step; a newer or unknown version is refused.

    The caller's document is not modified (each step gets a shallow copy; see MIGRATIONS)."""
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
        doc = step(dict(doc))
        version += 1
        doc["version"] = version
    return doc


# ---------------------------------------------------------------------------------------------------------------
# JSON value -> Drawing (structure, limits, references)

_TOP_KEYS = ("format", "version", "body", "chart", "created", "meta", "marks")
_FIELDS = {
    "stroke": (("type", "view", "radius", "intensity", "points"), ("quality",)),
    "fill": (("type", "view", "region", "intensity"), ("quality",)),
    "erase": (("type", "view", "radius", "points"), ()),
    "lasso": (("type", "view", "intensity", "points"), ("quality",)),
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
            self.bounds[view_id] = view_bounds(atlas, view_id)


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
    least = MIN_LASSO_POINTS if mark["type"] == "lasso" else 1
    if n < least:
        what = "one point" if least == 1 else f"{least} points (a closed outline)"
        raise ctx.fail(f"a {mark['type']} mark needs at least {what}", ptr)
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
    if kind == "lasso":
        intensity, quality = _intensity(mark, ptr, ctx), _quality(mark, ptr, ctx)
        return Lasso(view, intensity, quality, _points(mark, ptr, frames.bounds[view], budget, ctx))
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
    body, chart = _chart_versions().document_chart(doc, ctx.atlas, ctx.fail)
    created = _created(doc, ctx)
    meta = _meta(doc, ctx)
    if "marks" not in doc:
        raise ctx.fail("missing 'marks' (an array, possibly empty)")
    marks = doc["marks"]
    if not isinstance(marks, list):
        raise ctx.fail(f"'marks' must be an array, not {_kind(marks)}", "/marks")
    if len(marks) > MAX_MARKS:
        raise ctx.fail(f"{len(marks):,} marks (at most {MAX_MARKS:,})", "/marks")
    frames = _Frames(_chart_versions().frames_for(ctx.atlas, body, chart, ctx.fail))
    budget = MAX_POINTS_TOTAL
    out: list[Mark] = []
    for i, item in enumerate(marks):
        mark = _mark(item, i, frames, budget, ctx)
        if not isinstance(mark, Fill):
            budget -= len(mark.points)
        out.append(mark)
    drawing = Drawing(marks=out, meta=meta, created=created, body=body, chart=chart)
    return _carry_forward(drawing, ctx)


# ---------------------------------------------------------------------------------------------------------------
# Chart versions (painmap.chart_versions): a drawing made on an older chart is carried onto the atlas's chart


def _chart_versions():
    from painmap import chart_versions  # imported late: it imports the drawing modules

    return chart_versions


def _carry_forward(drawing: Drawing, ctx: _Context) -> Drawing:
    """The drawing on `ctx.atlas`'s chart (warped by landmarks if it was made on another one), checked again."""
    from painmap.drawing_dict import drawing_to_dict

    carried = _chart_versions().carry_to_atlas(drawing, ctx.atlas)
    if carried is not drawing:
        _document(drawing_to_dict(carried), ctx)  # what a load returns is valid on the chart it is now on
    return carried


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
    return _document(read_document(source), _Context(source, atlas))


def read_document(path: str | os.PathLike) -> Any:
    """The JSON value in the drawing file at `path`, read and decoded as `load_drawing` reads it (same checks and
    messages), before any check of its content (e.g. to see which body it names first)."""
    source = os.fspath(path)
    ctx = _Context(source, None)
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
    return _decode(data, ctx)


def validate_document(doc: dict, source: str = "<memory>", atlas: Any = None) -> Drawing:
    """The checks of a load on an in-memory document (what `save_drawing` runs before writing)."""
    return _document(doc, _Context(source, atlas))
