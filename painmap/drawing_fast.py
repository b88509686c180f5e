"""Pain drawings, the common case fast: a current-version document on its atlas's own chart, checked in a few
C-speed passes over all its marks at once.

`fast_document` applies every check `painmap.drawing_parse` applies to such a document (keys, types, ranges,
ids, limits, every point's type, finiteness and frame) and returns the same Drawing; for anything it does not
accept (an older version, another chart, no atlas, or any fault) it returns None and the full parser decides,
in its own order and with its own one-line message. It may only be stricter than the full parser, never looser
(tests/test_drawing_fast.py compares the two on generated valid and malformed documents).
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from itertools import chain
from typing import Any

from painmap.drawing_model import (
    BODIES,
    DEFAULT_QUALITY,
    FORMAT,
    INTENSITY_RANGE,
    MAX_CREATED_LENGTH,
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
    Drawing,
    Erase,
    Fill,
    Lasso,
    Mark,
    Stroke,
    view_bounds,
)

__all__ = ["fast_document", "fast_strokes"]

_TOP_KEYS = frozenset(("format", "version", "body", "chart", "created", "meta", "marks"))
_SPECS = {  # type -> (required keys, allowed keys), as drawing_parse._FIELDS
    "stroke": (frozenset(("type", "view", "radius", "intensity", "points")), ("quality",)),
    "fill": (frozenset(("type", "view", "region", "intensity")), ("quality",)),
    "erase": (frozenset(("type", "view", "radius", "points")), ()),
    "lasso": (frozenset(("type", "view", "intensity", "points")), ("quality",)),
}
_SPECS = {kind: (required, required | frozenset(optional)) for kind, (required, optional) in _SPECS.items()}
_QUALITIES = frozenset(QUALITIES)
_NUMBERS = frozenset((int, float))
_REGION_ID = re.compile(REGION_ID_PATTERN)
_FRAMES: dict[int, tuple[Any, tuple[str, int], dict[str, tuple[float, float, float, float]]]] = {}


def _frames(atlas: Any) -> tuple[tuple[str, int], dict[str, tuple[float, float, float, float]]]:
    """(body, chart) of the atlas and each view's frame bounds (cached per atlas object)."""
    hit = _FRAMES.get(id(atlas))
    if hit is None or hit[0] is not atlas:
        if len(_FRAMES) >= 8:
            _FRAMES.clear()
        key = (str(getattr(atlas, "body", "male")), int(getattr(atlas, "chart", 1)))  # chart_versions.chart_of
        hit = _FRAMES[id(atlas)] = (atlas, key, {v: view_bounds(atlas, v) for v in atlas.views})
    return hit[1], hit[2]


def _created(doc: dict) -> str | None:
    created = doc.get("created", "")
    if type(created) is not str:
        return None
    if created:
        if len(created) > MAX_CREATED_LENGTH:
            return None
        try:
            datetime.fromisoformat(created)
        except ValueError:
            return None
    return created


def _meta(doc: dict) -> dict | None:
    meta = doc.get("meta", {})
    if type(meta) is not dict:
        return None
    if not meta:
        return {}
    try:
        size = len(json.dumps(meta, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    except (ValueError, TypeError, RecursionError):  # UnicodeEncodeError is a ValueError
        return None
    return copy.deepcopy(meta) if size <= MAX_META_BYTES else None


def fast_document(doc: Any, atlas: Any) -> Drawing | None:
    """The Drawing the full parser makes of `doc` on `atlas` when it is a current-version drawing of the atlas's
    chart that passes every check; else None (see the module)."""
    checked = _checked(doc, atlas)
    if checked is None:
        return None
    created, meta, body, chart, fields = checked
    out: list[Mark] = []
    for kind, view, radius, intensity, quality, extra in _as_tuples(fields):
        if kind == "stroke":
            out.append(Stroke(view, radius, intensity, quality, extra))
        elif kind == "fill":
            out.append(Fill(view, extra, intensity, quality))
        elif kind == "erase":
            out.append(Erase(view, radius, extra))
        else:
            out.append(Lasso(view, intensity, quality, extra))
    return Drawing(marks=out, meta=meta, created=created, body=body, chart=chart)


def fast_strokes(doc: Any, atlas: Any) -> tuple[dict, list[tuple[str, float, list]]] | None:
    """(meta, [(view, radius, points)]) of a document `fast_document` accepts whose marks are all strokes, in
    order, each stroke's points as decoded (lists of [x, y]: the numbers of the Drawing's points, ints not yet
    made floats); else None. What an aggregation reads of a drawing, without building its marks."""
    checked = _checked(doc, atlas)
    if checked is None or any(row[0] != "stroke" for row in checked[4]):
        return None
    return checked[1], [(row[1], row[2], row[5]) for row in checked[4]]


def _checked(doc: Any, atlas: Any) -> tuple[str, dict, str, int, list[list]] | None:
    """(created, meta, body, chart, mark fields as `_mark_fields` gives them) when `doc` passes every check."""
    if atlas is None or type(doc) is not dict or not doc.keys() <= _TOP_KEYS or doc.get("format") != FORMAT:
        return None
    version, body, chart = doc.get("version"), doc.get("body", "male"), doc.get("chart")
    if type(version) is not int or version != VERSION or type(body) is not str or body not in BODIES:
        return None
    key, bounds = _frames(atlas)
    if type(chart) is not int or chart < 1 or (body, chart) != key:
        return None
    created, meta, marks = _created(doc), _meta(doc), doc.get("marks")
    if created is None or meta is None or type(marks) is not list or len(marks) > MAX_MARKS:
        return None
    fields = _mark_fields(marks, atlas, bounds)
    return None if fields is None else (created, meta, body, chart, fields)


def _as_tuples(fields: list[list]) -> list[tuple]:
    """The mark fields with every point list as a tuple of (x, y) float tuples, as the Drawing holds them."""
    for row in fields:
        if row[0] != "fill":
            points = row[5]
            row[5] = tuple(map(tuple, points)) if row[6] else tuple((float(x), float(y)) for x, y in points)
    return [tuple(row[:6]) for row in fields]


def _mark_fields(marks: list, atlas: Any, bounds: dict) -> list[list] | None:
    """[type, view, radius, intensity, quality, region or points, all coordinates floats?] of every mark, or
    None when one is not plainly valid."""
    r_lo, r_hi = RADIUS_RANGE
    i_lo, i_hi = INTENSITY_RANGE
    fields: list[list] = []
    by_view: dict[str, list[list]] = {}  # the point lists of each view's marks
    with_points: list[list] = []  # the fields of marks with points, in order
    total = 0
    for mark in marks:
        if type(mark) is not dict:
            return None
        kind = mark.get("type")
        spec = _SPECS.get(kind) if type(kind) is str else None
        if spec is None or not (spec[0] <= mark.keys() <= spec[1]):
            return None
        view = mark["view"]
        if type(view) is not str or view not in bounds:
            return None
        radius = intensity = quality = None
        if kind != "erase":
            intensity, quality = mark["intensity"], mark.get("quality", DEFAULT_QUALITY)
            if type(intensity) is not int or not i_lo <= intensity <= i_hi:
                return None
            if type(quality) is not str or quality not in _QUALITIES:
                return None
        if kind == "fill":
            region = mark["region"]
            if type(region) is not str or len(region) > MAX_ID_LENGTH or not _REGION_ID.fullmatch(region):
                return None
            try:
                atlas.views[view].region(region)
            except KeyError:
                return None
            fields.append([kind, view, None, intensity, quality, region, True])
            continue
        if kind != "lasso":
            radius = mark["radius"]
            if type(radius) not in _NUMBERS or not r_lo <= radius <= r_hi:
                return None
            radius = float(radius)
        points = mark["points"]
        if type(points) is not list:
            return None
        n = len(points)
        if n < (MIN_LASSO_POINTS if kind == "lasso" else 1) or n > MAX_POINTS_PER_MARK:
            return None
        total += n
        by_view.setdefault(view, []).append(points)
        row = [kind, view, radius, intensity, quality, points]
        fields.append(row)
        with_points.append(row)
    if total > MAX_POINTS_TOTAL:
        return None
    types = _point_types(by_view, bounds) if with_points else set()
    if types is None:
        return None
    for row in with_points:
        row.append(types == {float})
    return fields


def _point_types(by_view: dict[str, list[list]], bounds: dict) -> set[type] | None:
    """The types of the coordinates when every point is an [x, y] array of two finite numbers within its view's
    frame, else None."""
    types: set[type] = set()
    for view, lists in by_view.items():
        points = list(chain.from_iterable(lists))
        if set(map(type, points)) != {list} or set(map(len, points)) != {2}:
            return None
        flat = list(chain.from_iterable(points))
        kinds = set(map(type, flat))
        if not kinds <= _NUMBERS:
            return None
        try:
            total = sum(flat)
        except OverflowError:  # an integer too large for a float
            return None
        if total - total != 0:  # NaN or infinite
            return None
        x0, x1, y0, y1 = bounds[view]
        xs, ys = flat[0::2], flat[1::2]
        if not (x0 <= min(xs) and max(xs) <= x1 and y0 <= min(ys) and max(ys) <= y1):
            return None
        types |= kinds
    return types
