"""One chart for a mixed cohort: every drawing, of either body and any chart, carried onto one target chart.

A cohort is counted, learned and evaluated on one chart (the current male chart unless `--body` says
otherwise). A drawing of the target's body on the target chart or on an older released one is read as
`load_drawing(path, atlas)` reads it (which carries it forward, painmap.chart_versions). A drawing of the
other body, or of a chart of the target's body that has an atlas here but no released landmark record, is
read on its own chart and carried by the landmark warp between the two charts (each view's bony landmarks
paired by key, `chart_versions.carry_marks`), then checked again on the target chart. A drawing with marks on
a view the target chart lacks is refused with one line (its pain could not be counted there).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from painmap.drawing_model import Drawing, current_chart
from painmap.errors import DrawingError, PainmapError

__all__ = [
    "carry_between",
    "chart_atlas",
    "document_onto",
    "drawing_bytes",
    "load_onto",
    "load_own",
    "parse_onto",
    "target_atlas",
]


@lru_cache(maxsize=8)
def chart_atlas(body: str, chart: int) -> Any:
    """The bundled atlas of one chart (cached), or None when this painmap has no atlas for it."""
    from painmap.atlas import load_atlas

    try:
        return load_atlas(body=body, chart=chart)
    except PainmapError:
        return None


def target_atlas(body: str | None = None) -> Any:
    """The chart a cohort is put on: the current chart of `body` (default male)."""
    from painmap.atlas import load_atlas

    body = body or "male"
    return load_atlas(body=body, chart=current_chart(body))


def carry_between(drawing: Drawing, source: Any, target: Any, where: str = "<memory>") -> Drawing:
    """The drawing (on atlas `source`'s chart) carried onto atlas `target`'s chart by the landmark warp, checked
    on the target; itself when both are the same chart."""
    from painmap.chart_versions import atlas_record, carry_marks, chart_of
    from painmap.drawing_dict import drawing_to_dict
    from painmap.drawing_parse import drawing_from_dict

    if chart_of(source) == chart_of(target):
        return drawing
    missing = sorted({m.view for m in drawing.marks} - set(target.views))
    if missing:
        body, chart = chart_of(target)
        raise DrawingError(
            f"has marks on the {', '.join(missing)} view, which the {body} chart {chart} lacks", where, "/marks"
        )
    carried = carry_marks(drawing, atlas_record(source), atlas_record(target))
    checked = drawing_from_dict(drawing_to_dict(carried), where, target)
    checked.migrated_from = carried.migrated_from
    return checked


def _own_chart(doc: Any, source: str) -> tuple[str, int]:
    """(body, chart) a document says it was drawn on, or ("", 0) when it does not say it well (the full check
    of the load then reports the fault, in its usual order)."""
    from painmap.drawing_parse import migrate

    try:
        doc = migrate(doc, source) if isinstance(doc, dict) else None
    except DrawingError:
        return "", 0
    if doc is None:
        return "", 0
    body = doc.get("body", "male")
    chart = doc.get("chart", current_chart(body) if isinstance(body, str) else None)
    if not isinstance(body, str) or type(chart) is not int:
        return "", 0
    return body, chart


def parse_onto(data: bytes | str, source: str, target: Any) -> Drawing:
    """A drawing file's bytes, read on its own chart and carried onto `target`'s chart (see the module)."""
    from painmap.drawing_decode import Context, decode

    return document_onto(decode(data, Context(source, None)), source, target)


def document_onto(doc: Any, source: str, target: Any) -> Drawing:
    """A decoded drawing document, read on its own chart and carried onto `target`'s chart (`parse_onto` after
    the decoding). A document of the target's body, made on its chart or a released older one, is read as
    `load_drawing(path, target)` reads it (no other atlas is loaded)."""
    from painmap.chart_versions import chart_of, chart_record
    from painmap.drawing_decode import Context
    from painmap.drawing_parse import drawing_from_dict

    ctx = Context(source, None)
    body, chart = _own_chart(doc, source)
    target_body, target_chart = chart_of(target)
    if body == target_body and (chart == target_chart or chart_record(body, chart) is not None):
        return drawing_from_dict(doc, source, target)  # the target's chart, or a released older one: the loader
    own = chart_atlas(body, chart) if body else None
    if own is None:  # no atlas of its chart here: the loader carries it by its record, or says what is wrong
        return drawing_from_dict(doc, source, target)
    return carry_between(drawing_from_dict(doc, source, own), own, target, ctx.source)


def load_onto(path: str | os.PathLike, target: Any) -> Drawing:
    """`parse_onto` of the file at `path` (checked as `load_drawing` checks a file before reading it)."""
    source = os.fspath(path)
    return parse_onto(_read(source), source, target)


def load_own(path: str | os.PathLike, atlas: Any = None) -> tuple[Drawing, Any]:
    """(drawing, atlas) of the file at `path`, read on its own chart (the atlas of that chart), or carried onto
    `atlas` when one is given."""
    from painmap.drawing_decode import Context, decode
    from painmap.drawing_parse import drawing_from_dict

    if atlas is not None:
        return load_onto(path, atlas), atlas
    source = os.fspath(path)
    data = _read(source)
    ctx = Context(source, None)
    doc = decode(data, ctx)
    body, chart = _own_chart(doc, source)
    own = (chart_atlas(body, chart) if body else None) or target_atlas(body if body in ("male", "female") else None)
    return drawing_from_dict(doc, source, own), own


def drawing_bytes(path: str) -> bytes | str:
    """A drawing file's bytes, or the one-line reason it cannot be read (`PATH: reason`), checked as
    `load_drawing` checks it: a regular file within the size limit."""
    import stat

    from painmap.drawing import MAX_FILE_BYTES

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return f"{path}: is not a regular file"
        if info.st_size > MAX_FILE_BYTES:
            return f"{path}: is larger than the {MAX_FILE_BYTES // 2**20} MB limit ({info.st_size:,} bytes)"
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        return f"{path}: cannot read: {err.strerror or type(err).__name__}"


def _read(source: str) -> bytes:
    data = drawing_bytes(source)
    if isinstance(data, str):
        reason = data[len(source) + 2 :] if data.startswith(source + ": ") else data
        raise DrawingError(reason, source, "")
    return data
