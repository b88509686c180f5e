"""Test marks written in chart-1 millimetres, carried onto the male body's current chart.

Many tests place a stroke "over the right iliac crest" by coordinates read off the first chart (640 x 1800 mm
back view). `from_chart_one` moves such marks onto whatever chart is now the default with the same landmark
warp that carries old drawings (painmap.chart_versions), so the test keeps meaning what it says.
"""

from __future__ import annotations

from painmap import chart_versions as cv
from painmap.drawing_model import Drawing, Mark, current_chart


def from_chart_one(*marks: Mark, body: str = "male") -> list[Mark]:
    """The marks (chart-1 mm) as they land on `body`'s current chart."""
    src, dst = cv.chart_record("male", 1), cv.chart_record(body, current_chart(body))
    return cv.carry_marks(Drawing(marks=list(marks), body="male", chart=1), src, dst).marks


def point_from_chart_one(view: str, x: float, y: float, body: str = "male") -> tuple[float, float]:
    """One chart-1 point of `view` on `body`'s current chart."""
    from painmap.drawing_model import Stroke

    (mark,) = from_chart_one(Stroke(view, 1.0, 1, "aching", ((x, y),)), body=body)
    return mark.points[0]
