"""Pain drawings, the model: marks, the drawing, the vocabulary (qualities, views) and the file limits.

The limits (docs/format.md) are checked by `drawing_parse` on the way in and by `document` while a drawing is
built, so what the app makes always loads back.
"""

from __future__ import annotations

from dataclasses import field

from painmap.chart_views import CURRENT_CHART
from painmap.mark_vocabulary import DEFAULT_QUALITY, INTENSITY_RANGE, QUALITIES
from painmap.records import FACTORY, record

__all__ = [
    "BODIES",
    "COORD_LIMIT",
    "CURRENT_CHART",
    "DEFAULT_QUALITY",
    "FORMAT",
    "INTENSITY_RANGE",
    "MARK_TYPES",
    "MAX_CREATED_LENGTH",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_ID_LENGTH",
    "MAX_MARKS",
    "MAX_META_BYTES",
    "MAX_POINTS_PER_MARK",
    "MAX_POINTS_TOTAL",
    "MIN_LASSO_POINTS",
    "QUALITIES",
    "RADIUS_RANGE",
    "REGION_ID_PATTERN",
    "SCHEMA_RESOURCE",
    "VERSION",
    "VIEWS",
    "Drawing",
    "Erase",
    "Fill",
    "Lasso",
    "Mark",
    "Point",
    "Stroke",
    "current_chart",
    "view_bounds",
]


FORMAT = "painmap-drawing"
VERSION = 2  # the version this code writes; older versions are upgraded by `migrate`
BODIES = ("male", "female")  # the "body" a drawing names (from version 2; docs/format.md)
# CURRENT_CHART (painmap.chart_views, numpy-free for the app's first paint): the chart each body's drawings are
# made on now; raise it there when a new chart becomes the default (and commit its landmarks files first).
VIEWS = ("posterior", "lateral", "lateral-left", "anterior")  # accepted without an atlas
MARK_TYPES = ("stroke", "fill", "erase", "lasso")

# Limits (docs/format.md). All are checked before the expensive step they protect.
MAX_FILE_BYTES = 20 * 1024 * 1024  # file / text size, checked with stat before reading
MAX_DEPTH = 20  # bracket nesting, scanned before json.loads (a drawing needs 5)
MAX_MARKS = 50_000
MAX_POINTS_PER_MARK = 10_000
MIN_LASSO_POINTS = 3  # a lasso's outline is closed implicitly
MAX_POINTS_TOTAL = 1_000_000
MAX_META_BYTES = 64 * 1024  # meta serialized as UTF-8 JSON
MAX_ID_LENGTH = 64  # region ids
MAX_CREATED_LENGTH = 64
RADIUS_RANGE = (0.5, 200.0)  # mm
COORD_LIMIT = 10_000.0  # |x|, |y| in mm without an atlas; with one, [-width, 2 width] x [-height, 2 height]
REGION_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SCHEMA_RESOURCE = ("schema", "drawing.schema.json")

Point = tuple[float, float]


@record(frozen=True)
class Stroke:
    """Brush stroke: discs of `radius` mm swept along the polyline `points` (mm, in `view`'s frame)."""

    view: str
    radius: float
    intensity: int
    quality: str
    points: tuple[Point, ...]
    type: str = field(default="stroke", init=False)

    def __init__(self, view: str, radius: float, intensity: int, quality: str, points: tuple[Point, ...]) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "radius", radius)
        set_field(self, "intensity", intensity)
        set_field(self, "quality", quality)
        set_field(self, "points", points)


@record(frozen=True)
class Fill:
    """Fill of one atlas region, exactly its mask."""

    view: str
    region: str
    intensity: int
    quality: str
    type: str = field(default="fill", init=False)

    def __init__(self, view: str, region: str, intensity: int, quality: str) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "region", region)
        set_field(self, "intensity", intensity)
        set_field(self, "quality", quality)


@record(frozen=True)
class Erase:
    """Eraser stroke: removes pain (and its intensity) under the swept discs."""

    view: str
    radius: float
    points: tuple[Point, ...]
    type: str = field(default="erase", init=False)

    def __init__(self, view: str, radius: float, points: tuple[Point, ...]) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "radius", radius)
        set_field(self, "points", points)


@record(frozen=True)
class Lasso:
    """A closed outline (`points`, mm, closed implicitly) filled with `intensity`: what a person circles.

    Self-crossing outlines are filled by the non-zero winding rule (a loop drawn twice stays filled).
    """

    view: str
    intensity: int
    quality: str
    points: tuple[Point, ...]
    type: str = field(default="lasso", init=False)

    def __init__(self, view: str, intensity: int, quality: str, points: tuple[Point, ...]) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "intensity", intensity)
        set_field(self, "quality", quality)
        set_field(self, "points", points)


Mark = Stroke | Fill | Erase | Lasso


@record
class Drawing:
    """An ordered list of marks plus free metadata; marks apply in order."""

    marks: list[Mark] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    created: str = ""  # ISO 8601 UTC, set on first save when empty
    body: str = "male"  # the body chart the marks are on (male | female)
    chart: int = field(default_factory=lambda: _current_chart("male"))  # its chart version
    # (body, chart) this drawing was made on when loading carried it onto another chart; not saved
    migrated_from: tuple[str, int] | None = field(default=None, compare=False)

    def __init__(
        self,
        marks: list[Mark] = FACTORY,
        meta: dict = FACTORY,
        created: str = "",
        body: str = "male",
        chart: int = FACTORY,
        migrated_from: tuple[str, int] | None = None,
    ) -> None:
        self.marks = [] if marks is FACTORY else marks
        self.meta = {} if meta is FACTORY else meta
        self.created = created
        self.body = body
        self.chart = _current_chart("male") if chart is FACTORY else chart
        self.migrated_from = migrated_from

    def views_used(self) -> list[str]:
        """View ids the marks use, in first-use order."""
        return list(dict.fromkeys(mark.view for mark in self.marks))

    def point_count(self) -> int:
        """Number of stroke, erase and lasso points."""
        return sum(len(mark.points) for mark in self.marks if not isinstance(mark, Fill))


def view_bounds(atlas, view_id: str) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) a mark of the view may use: [-w, 2w] x [-h, 2h], or ±COORD_LIMIT without an atlas."""
    if atlas is None:
        return (-COORD_LIMIT, COORD_LIMIT, -COORD_LIMIT, COORD_LIMIT)
    view = atlas.views[view_id]
    w, h = float(view.width), float(view.height)
    return (-w, 2 * w, -h, 2 * h)


def current_chart(body: str = "male") -> int | None:
    """The chart `body`'s new drawings are made on, or None when this painmap has no chart for it."""
    return CURRENT_CHART.get(body)


def _current_chart(body: str) -> int:
    return current_chart(body) or 1
