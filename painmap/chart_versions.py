"""Chart versions: which chart each body uses now, the landmarks of every released chart, and carrying
drawings from one chart onto another by the landmark warp (painmap.warp).

A drawing records the chart it was made on (`"body"`, `"chart"`; docs/format.md). The landmarks of every chart
that has been released are kept as data in `resources/atlas/charts/<body>-<chart>.landmarks.json` (written by
`tools/chart_landmarks.py` from that chart's atlas), with each view's frame and region ids, so a file made on
an old chart can be checked and carried forward even after its SVGs are gone.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np

from painmap.chart_anchors import is_anchor, leg_anchors
from painmap.drawing_model import (
    BODIES,
    CURRENT_CHART,
    RADIUS_RANGE,
    Drawing,
    Erase,
    Fill,
    Lasso,
    Stroke,
    current_chart,
)
from painmap.errors import ResourceError
from painmap.warp import MirroredWarp, Warp, landmark_warp

__all__ = [
    "ANCHORS_FORMAT",
    "CHARTS_FOLDER",
    "CURRENT_CHART",
    "DERIVED",
    "LENGTH_DECIMALS",
    "RECORD_FORMAT",
    "SYMMETRIC_VIEWS",
    "ChartRecord",
    "ChartView",
    "anchors_to_json",
    "atlas_record",
    "carry_marks",
    "carry_to_atlas",
    "chart_of",
    "chart_record",
    "current_chart",
    "derived_landmarks",
    "document_chart",
    "frames_for",
    "known_charts",
    "record_from_atlas",
    "record_from_json",
    "record_path",
    "record_to_json",
    "view_warp",
]

RECORD_FORMAT = "painmap-chart-landmarks"
ANCHORS_FORMAT = "painmap-chart-anchors"  # <body>-<chart>.anchors.json: the derived leg anchors (chart_anchors)
CHARTS_FOLDER = ("atlas", "charts")
DERIVED = ("vertex", "floor")  # landmarks computed from the silhouette, present on every chart
SYMMETRIC_VIEWS = ("posterior", "anterior")  # midline at x = width / 2
LENGTH_DECIMALS = 3  # carried coordinates are rounded to 0.001 mm


def chart_of(atlas: Any) -> tuple[str, int]:
    """(body, chart) of a loaded atlas; an atlas that does not say is the first chart of the male body."""
    return str(getattr(atlas, "body", "male")), int(getattr(atlas, "chart", 1))


@dataclass(frozen=True, eq=False)
class ChartView:
    """One view of a released chart: its frame, landmarks ({key: (x, y)} mm) and region ids."""

    id: str
    width: float
    height: float
    mirror: str
    landmarks: dict[str, tuple[float, float]]
    regions: frozenset[str] = field(default_factory=frozenset)
    not_for_warp: frozenset[str] = field(default_factory=frozenset)  # landmarks known to be off on this chart

    def warp_landmarks(self) -> dict[str, tuple[float, float]]:
        """The landmarks the warp pairs: all but those marked off on this chart."""
        return {k: p for k, p in self.landmarks.items() if k not in self.not_for_warp}

    def region(self, region_id: str) -> str:
        """The id if the view has that region (KeyError otherwise; the drawing parser's check)."""
        if region_id not in self.regions:
            raise KeyError(region_id)
        return region_id


@dataclass(frozen=True, eq=False)
class ChartRecord:
    """A released chart as data: body, chart number and its views (mirror views included)."""

    body: str
    chart: int
    views: dict[str, ChartView]

    @property
    def key(self) -> tuple[str, int]:
        return self.body, self.chart


def _mirror_key(key: str) -> str:
    for a, b in (("-left", "-right"), ("-right", "-left")):
        if key.endswith(a):
            return key[: -len(a)] + b
    return key


def _mirror_view(view: ChartView, view_id: str) -> ChartView:
    w = view.width
    return ChartView(
        view_id,
        w,
        view.height,
        view.id,
        {_mirror_key(k): (w - x, y) for k, (x, y) in view.landmarks.items()},
        frozenset(_mirror_key(r) for r in view.regions),
        frozenset(_mirror_key(k) for k in view.not_for_warp),
    )


def derived_landmarks(view: Any) -> dict[str, tuple[float, float]]:
    """`vertex` (top of the head) and `floor` (under the feet) of an atlas view, from its silhouette.

    On the posterior and anterior views both sit on the midline; on a side view the vertex is the topmost
    outline point and the floor lies under the lateral malleolus (or the lowest outline point).
    """
    pts = np.vstack(view.silhouette)
    top = pts[np.argmin(pts[:, 1])]
    bottom = pts[np.argmax(pts[:, 1])]
    base = view.id.removesuffix("-left")
    if base in SYMMETRIC_VIEWS:
        mid = view.width / 2
        return {"vertex": (mid, float(top[1])), "floor": (mid, float(bottom[1]))}
    ankle = [lm for lm in view.landmarks if lm.id == "lateral-malleolus"]
    floor_x = ankle[0].x if ankle else float(bottom[0])
    return {"vertex": (float(top[0]), float(top[1])), "floor": (float(floor_x), float(bottom[1]))}


def record_from_atlas(
    atlas: Any, body: str | None = None, chart: int | None = None, not_for_warp: tuple[str, ...] = ()
) -> ChartRecord:
    """The ChartRecord of a loaded atlas (every view, with the derived landmarks).

    `not_for_warp`: landmark keys (stored side, e.g. "sacroiliac-joint-right") known to be drawn off on this
    chart; the warp does not pair them (their mirror keys are left out on the mirror view too).
    """
    own_body, own_chart = chart_of(atlas)
    skip = set(not_for_warp) | {_mirror_key(k) for k in not_for_warp}
    anchors = leg_anchors(atlas)
    for stored, marks in list(anchors.items()):
        for view in atlas.views.values():
            if view.id != stored and view.mirror == stored:
                anchors[view.id] = {_mirror_key(k): (view.width - x, y) for k, (x, y) in marks.items()}
    views = {}
    for view in atlas.views.values():
        marks = {lm.key: (float(lm.x), float(lm.y)) for lm in view.landmarks}
        marks.update(derived_landmarks(view))
        marks.update(anchors.get(view.id, {}))
        views[view.id] = ChartView(
            view.id,
            float(view.width),
            float(view.height),
            view.mirror,
            marks,
            frozenset(r.id for r in view.regions),
            frozenset(k for k in marks if k in skip),
        )
    return ChartRecord(body or own_body, chart or own_chart, views)


def record_to_json(record: ChartRecord, source: str = "") -> dict:
    """The landmarks file's document: stored views only (a mirror view is derived when read), no leg anchors."""
    stored = [v for v in record.views.values() if not v.id.endswith("-left")]
    return {
        "format": RECORD_FORMAT,
        "body": record.body,
        "chart": record.chart,
        "source": source,
        "units": "mm",
        "views": [
            {
                "id": v.id,
                "width": v.width,
                "height": v.height,
                "mirror": v.mirror,
                "landmarks": [
                    {
                        "key": k,
                        "x": round(x, LENGTH_DECIMALS),
                        "y": round(y, LENGTH_DECIMALS),
                        "derived": k in DERIVED,
                        "warp": k not in v.not_for_warp,
                    }
                    for k, (x, y) in v.landmarks.items()
                    if not is_anchor(k)
                ],
                "regions": sorted(v.regions),
            }
            for v in stored
        ],
    }


def anchors_to_json(record: ChartRecord, source: str = "") -> dict:
    """The anchors file's document: the derived leg anchors of the stored views (painmap.chart_anchors)."""
    views = []
    for v in record.views.values():
        marks = [(k, p) for k, p in v.landmarks.items() if is_anchor(k)]
        if marks and not v.id.endswith("-left"):
            views.append(
                {
                    "id": v.id,
                    "anchors": [
                        {"key": k, "x": round(x, LENGTH_DECIMALS), "y": round(y, LENGTH_DECIMALS)}
                        for k, (x, y) in marks
                    ],
                }
            )
    return {"format": ANCHORS_FORMAT, "body": record.body, "chart": record.chart, "source": source, "views": views}


def _with_anchors(doc: dict, anchors: dict) -> dict:
    """The landmarks document with an anchors document's points added to its views as derived landmarks."""
    if anchors.get("format") != ANCHORS_FORMAT or (anchors.get("body"), anchors.get("chart")) != (
        doc.get("body"),
        doc.get("chart"),
    ):
        raise ValueError("the anchors file is not of this chart")
    doc = {**doc, "views": [{**v, "landmarks": list(v["landmarks"])} for v in doc["views"]]}  # the caller's
    by_id = {v["id"]: v for v in doc["views"]}  # document is left as it was (only the landmark lists change)
    for v in anchors["views"]:
        by_id[v["id"]]["landmarks"] += [{**a, "derived": True, "warp": True} for a in v["anchors"]]
    return doc


def record_from_json(doc: dict, source: str = "<memory>", anchors: dict | None = None) -> ChartRecord:
    """A ChartRecord from a landmarks file's document (and its anchors file's); ResourceError when malformed."""
    try:
        if doc["format"] != RECORD_FORMAT:
            raise ValueError(f"format is {doc['format']!r}, not {RECORD_FORMAT!r}")
        if anchors is not None:
            doc = _with_anchors(doc, anchors)
        views: dict[str, ChartView] = {}
        for v in doc["views"]:
            marks = {str(m["key"]): (float(m["x"]), float(m["y"])) for m in v["landmarks"]}
            skip = frozenset(str(m["key"]) for m in v["landmarks"] if m.get("warp", True) is False)
            views[v["id"]] = ChartView(
                v["id"], float(v["width"]), float(v["height"]), v["mirror"], marks, frozenset(v["regions"]), skip
            )
        for view in list(views.values()):
            if view.mirror != view.id and view.mirror not in views:
                views[view.mirror] = _mirror_view(view, view.mirror)
        return ChartRecord(str(doc["body"]), int(doc["chart"]), views)
    except (KeyError, TypeError, ValueError) as err:
        raise ResourceError(f"{source}: not a chart landmarks file ({type(err).__name__}: {err})") from None


def record_path(body: str, chart: int, kind: str = "landmarks"):
    """Where the landmarks (`kind` "landmarks") or leg anchors ("anchors") of chart `chart` of `body` are kept."""
    from painmap.resources import resource_path

    return resource_path(*CHARTS_FOLDER, f"{body}-{chart}.{kind}.json")


@lru_cache(maxsize=16)
def chart_record(body: str, chart: int) -> ChartRecord | None:
    """The released chart's record, or None when this painmap has no landmarks for it."""
    path = record_path(body, chart)
    if not path.is_file():
        return None
    extra = record_path(body, chart, "anchors")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        anchors = json.loads(extra.read_text(encoding="utf-8")) if extra.is_file() else None
    except (OSError, ValueError) as err:
        raise ResourceError(f"{path}: cannot read the chart landmarks ({type(err).__name__})") from None
    record = record_from_json(doc, str(path), anchors)
    if record.key != (body, chart):
        raise ResourceError(f"{path}: holds {record.body} chart {record.chart}, not {body} chart {chart}")
    return record


def known_charts(body: str) -> tuple[int, ...]:
    """The chart numbers of `body` whose landmarks this painmap keeps, in order."""
    from painmap.resources import resource_path

    folder = resource_path(*CHARTS_FOLDER)
    found = []
    for path in folder.glob(f"{body}-*.landmarks.json"):
        number = path.name[len(body) + 1 : -len(".landmarks.json")]
        if number.isdigit():
            found.append(int(number))
    return tuple(sorted(found))


_WARPS: dict[tuple[int, int, str], tuple[ChartRecord, ChartRecord, Warp | MirroredWarp | None]] = {}


def view_warp(src: ChartRecord, dst: ChartRecord, view_id: str) -> Warp | MirroredWarp | None:
    """The warp of one view from chart `src` to chart `dst` (cached), or None if either chart lacks the view.

    A mirror view (lateral-left) is warped as the mirror of its stored view, so left and right agree exactly.
    """
    key = (id(src), id(dst), view_id)
    hit = _WARPS.get(key)
    if hit is not None and hit[0] is src and hit[1] is dst:
        return hit[2]
    warp: Warp | MirroredWarp | None = None
    if view_id in src.views and view_id in dst.views:
        a, b = src.views[view_id], dst.views[view_id]
        if view_id.endswith("-left") and a.mirror in src.views and a.mirror in dst.views:
            stored = view_warp(src, dst, a.mirror)
            warp = MirroredWarp(stored, a.width, b.width) if stored is not None else None
        else:
            pairs = sorted(set(a.warp_landmarks()) & set(b.warp_landmarks()))
            warp = landmark_warp(
                {k: a.landmarks[k] for k in pairs},
                {k: b.landmarks[k] for k in pairs},
                (a.width, a.height),
                fit_keys={k for k in pairs if not is_anchor(k)},  # the far field follows the bones
            )
    _WARPS[key] = (src, dst, warp)
    return warp


def carry_marks(drawing: Drawing, src: ChartRecord, dst: ChartRecord) -> Drawing:
    """The drawing's marks carried from chart `src` onto chart `dst` by the landmark warp of each view.

    Stroke, erase and lasso points are warped (all points of a view in one vectorized call), the radius scaled by the
    warp's mean local scale at the mark's first, middle and last points (kept within the format's radius
    range); points stay within the target view's accepted frame. Fills keep their region ids. A mark on a
    view one of the charts lacks (e.g. anterior on the first chart) is left as it is. The result records
    `dst` as its chart and `migrated_from = (src.body, src.chart)` (the first chart, after several carries).
    """
    lo, hi = RADIUS_RANGE
    marks = list(drawing.marks)
    by_view: dict[str, list[int]] = {}
    for i, mark in enumerate(marks):
        if not isinstance(mark, Fill):
            by_view.setdefault(mark.view, []).append(i)
    for view_id, indices in by_view.items():
        warp = view_warp(src, dst, view_id)
        if warp is None or warp.identity:
            continue
        view = dst.views[view_id]
        counts = [len(marks[i].points) for i in indices]
        flat = chain.from_iterable(chain.from_iterable(marks[i].points for i in indices))
        pts = np.fromiter(flat, dtype=float, count=2 * sum(counts)).reshape(-1, 2)
        moved = warp(pts)
        np.clip(moved[:, 0], -view.width, 2 * view.width, out=moved[:, 0])
        np.clip(moved[:, 1], -view.height, 2 * view.height, out=moved[:, 1])
        moved = np.round(moved, LENGTH_DECIMALS)
        pairs = list(zip(moved[:, 0].tolist(), moved[:, 1].tolist(), strict=True))  # (x, y) tuples at C speed
        ends = np.cumsum(counts)
        starts = ends - counts
        samples = np.stack([starts, (starts + ends - 1) // 2, ends - 1], axis=1)  # first, middle, last
        scale = warp.local_scale(pts[samples.ravel()]).reshape(-1, 3).mean(axis=1)
        for k, i in enumerate(indices):
            mark = marks[i]
            points = tuple(pairs[starts[k] : ends[k]])
            if isinstance(mark, Lasso):  # an outline: its points move, it has no radius
                marks[i] = Lasso(mark.view, mark.intensity, mark.quality, points)
                continue
            radius = round(min(hi, max(lo, mark.radius * float(scale[k]))), LENGTH_DECIMALS)
            if isinstance(mark, Stroke):
                marks[i] = Stroke(mark.view, radius, mark.intensity, mark.quality, points)
            else:
                marks[i] = Erase(mark.view, radius, points)
    carried = Drawing(
        marks=marks, meta=copy.deepcopy(drawing.meta), created=drawing.created, body=dst.body, chart=dst.chart
    )
    carried.migrated_from = drawing.migrated_from or (src.body, src.chart)
    return carried


_ATLAS_RECORDS: dict[int, tuple[Any, ChartRecord]] = {}


def atlas_record(atlas: Any) -> ChartRecord:
    """The ChartRecord of a loaded atlas (cached per atlas object)."""
    hit = _ATLAS_RECORDS.get(id(atlas))
    if hit is not None and hit[0] is atlas:
        return hit[1]
    record = record_from_atlas(atlas)
    _ATLAS_RECORDS[id(atlas)] = (atlas, record)
    return record


# ----------------------------------------------------------------------------------------------- loading files


def document_chart(doc: dict, atlas: Any, fail) -> tuple[str, int]:
    """(body, chart) of a (version 2) drawing document; `fail(reason, pointer)` makes the refusal.

    No "chart": the body's current chart. A body this painmap has no chart for, or a chart it does not know
    (newer than its own), is refused with a message to update painmap.
    """
    body = doc.get("body", "male")
    if not isinstance(body, str) or body not in BODIES:
        raise fail(f"unknown body {body!r} (known: {', '.join(BODIES)})", "/body")
    if "chart" not in doc:
        chart = current_chart(body)
        if chart is None:
            raise fail(f"made on the {body} body chart, which this painmap does not have: update painmap", "/body")
        return body, chart
    chart = doc["chart"]
    if type(chart) is not int or chart < 1:
        raise fail(f"'chart' must be a whole number from 1, not {chart!r}", "/chart")
    if atlas is not None and chart_of(atlas) == (body, chart):
        return body, chart
    if chart_record(body, chart) is None and current_chart(body) != chart:
        known = ", ".join(map(str, known_charts(body))) or "none"
        raise fail(
            f"made on chart {chart} of the {body} body, which this painmap does not know (it knows: {known}): "
            "update painmap",
            "/chart",
        )
    return body, chart


def frames_for(atlas: Any, body: str, chart: int, fail) -> Any:
    """What to check a drawing's marks against: the atlas when it is the drawing's chart, else that chart's record.

    A drawing of another body than the atlas's is refused: it is compared on its own body.
    """
    if atlas is None:
        return None
    own_body, own_chart = chart_of(atlas)
    if own_chart == chart and own_body == body:
        return atlas
    if own_body != body:
        raise fail(f"drawn on the {body} body chart; it opens with the {body} body, not the {own_body} one", "/body")
    record = chart_record(body, chart)
    if record is None:  # the current chart without a released record: only the atlas has it
        raise fail(f"chart {chart} of the {body} body is not available here (the chart shown is {own_chart})", "/chart")
    return record


def carry_to_atlas(drawing: Drawing, atlas: Any) -> Drawing:
    """The drawing carried onto `atlas`'s chart when it was made on another chart of that body; else itself."""
    if atlas is None or chart_of(atlas) == (drawing.body, drawing.chart):
        return drawing
    src = chart_record(drawing.body, drawing.chart)
    return carry_marks(drawing, src, atlas_record(atlas))
