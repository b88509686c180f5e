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

from painmap.drawing_model import Drawing

__all__ = ["carried_line", "onto", "own_body"]


def own_body(doc: Any, source: str | os.PathLike) -> str:
    """The body a decoded drawing document names ("male" for a first-chart file, or when it names one badly: the
    full check reports that fault)."""
    from painmap.cohort_chart import document_body

    return document_body(doc, os.fspath(source))


def onto(doc: Any, source: str | os.PathLike, atlas: Any, *, note: bool = True) -> Drawing:
    """The decoded drawing checked on `atlas`'s chart, carried onto it when drawn on the other body (then, with
    `note`, one line on stderr says so)."""
    from painmap.cohort_chart import document_onto

    drawing = document_onto(doc, os.fspath(source), atlas)
    if note and (line := carried_line(drawing, atlas)):
        sys.stderr.write(f"painmap: note: {os.fspath(source)}: {line}\n")
    return drawing


def carried_line(drawing: Drawing, atlas: Any) -> str:
    """Words like "drawn on the female body's chart 2, carried onto the male body's chart 2 by the landmark warp"
    when the drawing came from the other body; "" when it is of `atlas`'s body."""
    from painmap.chart_versions import chart_of
    from painmap.cohort_chart import chart_words

    was = drawing.migrated_from
    if was is None or was[0] == chart_of(atlas)[0]:
        return ""
    return f"drawn on the {was[0]} body's chart {was[1]}, carried onto {chart_words(atlas)} by the landmark warp"
