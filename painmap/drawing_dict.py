"""Drawing -> the JSON document of the file format (not validated): shared by the parser and the writer."""

from __future__ import annotations

import copy
import numbers
from typing import Any

from painmap.drawing_model import FORMAT, VERSION, Drawing, Erase, Fill, Lasso, Mark, Stroke
from painmap.errors import DrawingError

__all__ = ["drawing_to_dict", "mark_to_dict"]

_NUMBER_TYPES = {int, float}


def _show(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _plain(value: Any) -> Any:
    """numpy (or other) numbers as Python int/float, so marks built from arrays save; anything else unchanged."""
    if type(value) in _NUMBER_TYPES or isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def _plain_points(points) -> list:
    return [[_plain(x), _plain(y)] for x, y in points]


def mark_to_dict(mark: Mark) -> dict:
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
    if isinstance(mark, Lasso):
        return {
            "type": "lasso",
            "view": mark.view,
            "intensity": _plain(mark.intensity),
            "quality": mark.quality,
            "points": _plain_points(mark.points),
        }
    if isinstance(mark, Erase):
        return {"type": "erase", "view": mark.view, "radius": _plain(mark.radius), "points": _plain_points(mark.points)}
    raise DrawingError(f"not a mark: {_show(mark)}")


def drawing_to_dict(drawing: Drawing) -> dict:
    """The drawing as the JSON document of the file format (not validated; see `check_drawing`)."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "body": drawing.body, "chart": drawing.chart}
    if drawing.created:
        doc["created"] = drawing.created
    doc["meta"] = copy.deepcopy(drawing.meta)
    doc["marks"] = [mark_to_dict(mark) for mark in drawing.marks]
    return doc
