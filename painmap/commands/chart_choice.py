"""Which chart a command shows or reads a drawing on: the drawing's own body, or `--body`'s, the drawing carried.

A command that reads drawings reads each file once (`read_document`), looks at the body it names, picks the chart
(the drawing's own body's current chart unless `--body` says otherwise) and only then checks the drawing on that
chart: as `load_drawing` does when it is of that body (an older chart is carried forward), else carried onto it by
the landmark warp (painmap.cohort_chart), which the command says in one line on stderr.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from painmap.drawing_model import BODIES, Drawing

__all__ = ["carried_line", "chart_words", "onto", "own_body"]


def own_body(doc: Any) -> str:
    """The body a decoded drawing document names: "male" for a first-chart file (no "body"), or when it names
    one badly (the full check on that chart then reports the fault)."""
    body = doc.get("body", "male") if isinstance(doc, dict) else "male"
    return body if body in BODIES else "male"


def onto(doc: Any, source: str | os.PathLike, atlas: Any, *, note: bool = True) -> Drawing:
    """The decoded drawing checked on `atlas`'s chart as `load_drawing` checks it (an older chart of its body is
    carried forward); a drawing of the other body is carried onto it (painmap.cohort_chart) and, with `note`,
    one line on stderr says so."""
    from painmap.chart_versions import chart_of

    source = os.fspath(source)
    if own_body(doc) == chart_of(atlas)[0]:
        from painmap.drawing_parse import drawing_from_dict

        return drawing_from_dict(doc, source, atlas)
    from painmap.cohort_chart import document_onto

    drawing = document_onto(doc, source, atlas)
    if note and (line := carried_line(drawing, atlas)):
        sys.stderr.write(f"painmap: note: {source}: {line}\n")
    return drawing


def chart_words(atlas: Any) -> str:
    """An atlas's chart in words for a one-line message: "the female body's chart 2"."""
    from painmap.chart_versions import chart_of

    body, chart = chart_of(atlas)
    return f"the {body} body's chart {chart}"


def carried_line(drawing: Drawing, atlas: Any) -> str:
    """Words like "drawn on the female body's chart 2, carried onto the male body's chart 2 by the landmark warp"
    when the drawing came from the other body; "" when it is of `atlas`'s body."""
    from painmap.chart_versions import chart_of

    was = drawing.migrated_from
    if was is None or was[0] == chart_of(atlas)[0]:
        return ""
    return f"drawn on the {was[0]} body's chart {was[1]}, carried onto {chart_words(atlas)} by the landmark warp"
