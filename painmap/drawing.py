"""Pain drawings: marks, the drawing document, load/save/validate (schema and limits).

A drawing file (`*.painmap.json`, UTF-8 JSON, docs/format.md) is an ordered list of marks in millimetres of a
named view. The model is in `drawing_model`, the way in (`parse_drawing`, `load_drawing`, `drawing_from_dict`:
the same checks, cheapest first; every refusal one `DrawingError` line) in `drawing_parse`, the way out
(`save_drawing`, `DrawingWriter`, atomic) in `drawing_save`; this module re-exports them and mirrors drawings.
"""

from __future__ import annotations

import copy
from typing import Any

from painmap.drawing_model import (
    BODIES,
    COORD_LIMIT,
    DEFAULT_QUALITY,
    FORMAT,
    INTENSITY_RANGE,
    MARK_TYPES,
    MAX_CREATED_LENGTH,
    MAX_DEPTH,
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
    SCHEMA_RESOURCE,
    VERSION,
    VIEWS,
    Drawing,
    Erase,
    Fill,
    Lasso,
    Mark,
    Point,
    Stroke,
)
from painmap.drawing_parse import MIGRATIONS, drawing_from_dict, load_drawing, migrate, parse_drawing
from painmap.drawing_save import (
    DrawingWriter,
    check_drawing,
    drawing_schema,
    drawing_to_dict,
    dumps_drawing,
    now_iso,
    save_drawing,
)
from painmap.errors import DrawingError

__all__ = [
    "BODIES",
    "COORD_LIMIT",
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
    "MIGRATIONS",
    "MIN_LASSO_POINTS",
    "QUALITIES",
    "RADIUS_RANGE",
    "REGION_ID_PATTERN",
    "SCHEMA_RESOURCE",
    "VERSION",
    "VIEWS",
    "Drawing",
    "DrawingError",
    "DrawingWriter",
    "Erase",
    "Fill",
    "Lasso",
    "Mark",
    "Point",
    "Stroke",
    "check_drawing",
    "drawing_from_dict",
    "drawing_schema",
    "drawing_to_dict",
    "dumps_drawing",
    "load_drawing",
    "migrate",
    "mirror_drawing",
    "now_iso",
    "parse_drawing",
    "save_drawing",
]


def _show(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
        elif isinstance(mark, Lasso):
            marks.append(Lasso(target, mark.intensity, mark.quality, points))
        else:
            marks.append(Erase(target, mark.radius, points))
    return Drawing(
        marks=marks, meta=copy.deepcopy(drawing.meta), created=drawing.created, body=drawing.body, chart=drawing.chart
    )
