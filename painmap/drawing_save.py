"""Pain drawings, the way out: Drawing -> the file format, and the one drawing writer (on painmap.atomic).

`DrawingWriter` keeps each mark's JSON line between writes, so saving a long drawing again costs little more
than its new marks; the document's save and its autosave both use it. `save_drawing` (the API for any
Drawing) validates first, then writes through the same writer.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from painmap.atomic import atomic_write
from painmap.drawing_dict import drawing_to_dict, mark_to_dict
from painmap.drawing_model import FORMAT, SCHEMA_RESOURCE, VERSION, Drawing, Mark
from painmap.errors import ResourceError

__all__ = [
    "DrawingWriter",
    "check_drawing",
    "drawing_schema",
    "drawing_to_dict",
    "dumps_drawing",
    "mark_line",
    "now_iso",
    "save_drawing",
]


def check_drawing(drawing: Drawing, atlas: Any = None, source: str = "<memory>") -> None:
    """Raise DrawingError if the in-memory drawing would not load back (limits, ids, ranges)."""
    from painmap.drawing_parse import validate_document

    validate_document(drawing_to_dict(drawing), source, atlas)


def mark_line(mark: Mark) -> str:
    """One mark as the JSON text of its line in the file."""
    return json.dumps(mark_to_dict(mark), ensure_ascii=False, allow_nan=False)


def _head(drawing: Drawing) -> str:
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "body": drawing.body, "chart": drawing.chart}
    if drawing.created:
        doc["created"] = drawing.created
    doc["meta"] = drawing.meta
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=2)[:-2]  # drop the closing "\n}"


def _dumps(head: str, lines: list[str]) -> str:
    if not lines:
        return head + ',\n  "marks": []\n}\n'
    body = ",\n".join("    " + line for line in lines)
    return f'{head},\n  "marks": [\n{body}\n  ]\n}}\n'


def dumps_drawing(drawing: Drawing) -> str:
    """The file text: one mark per line, floats written exactly (a load gives back equal marks)."""
    return _dumps(_head(drawing), [mark_line(m) for m in drawing.marks])


class DrawingWriter:
    """Writes drawings in the file format through `atomic_write`, keeping each mark's line between writes.

    The marks are frozen, so a mark's line is looked up by identity; a write costs the JSON of the marks new
    since the last one plus the file itself. It does not validate: give it drawings built valid (the
    document's) or validate first (`save_drawing`).
    """

    def __init__(self) -> None:
        self._lines: dict[int, tuple[Mark, str]] = {}

    def text(self, drawing: Drawing) -> str:
        """The file text of `drawing` (the cache keeps the lines of exactly its marks)."""
        old = self._lines
        lines: dict[int, tuple[Mark, str]] = {}
        out = []
        for mark in drawing.marks:
            cached = old.get(id(mark))
            line = cached[1] if cached is not None and cached[0] is mark else mark_line(mark)
            lines[id(mark)] = (mark, line)
            out.append(line)
        self._lines = lines
        return _dumps(_head(drawing), out)

    def write(self, drawing: Drawing, path: str | os.PathLike) -> Path:
        """Write `drawing` to `path` atomically (WriteError on failure, the old file untouched)."""
        data = self.text(drawing).encode("utf-8")
        with atomic_write(path, "wb") as stream:
            stream.write(data)
        return Path(os.path.realpath(os.fspath(path)))


def drawing_schema() -> dict:
    """The JSON Schema (draft 2020-12) of the file format, as shipped in resources/schema."""
    from painmap.resources import resource_path

    path = resource_path(*SCHEMA_RESOURCE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ResourceError(f"{path}: cannot read the drawing schema ({type(err).__name__})") from None


def now_iso() -> str:
    """The current UTC time as written in `created`."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def save_drawing(drawing: Drawing, path: str | os.PathLike, atlas: Any = None) -> None:
    """Validate the drawing, then write it atomically (`painmap.atomic`); sets `created` when empty.

    An invalid drawing raises DrawingError and nothing is written; a failed write raises WriteError (one line)
    and leaves the original file untouched, with no temporary file behind.
    """
    from painmap.drawing_parse import validate_document

    created = drawing.created or now_iso()
    candidate = Drawing(marks=drawing.marks, meta=drawing.meta, created=created, body=drawing.body, chart=drawing.chart)
    validate_document(drawing_to_dict(candidate), os.fspath(path), atlas)  # what is saved loads back
    DrawingWriter().write(candidate, path)
    drawing.created = created
