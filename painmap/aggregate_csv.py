"""The CSV of `painmap aggregate --csv`: one row per input file, for pandas and R without options.

Columns (docs/reports.md): `path` (or `row` with `deidentify`), `status` (`ok` or the one-line reason a file was
skipped), `meta.<key>` for every meta key of the cohort (sorted), `extent_percent`, `extent_<view>_percent`,
`best_pattern`, `best_side`, `best_score`, `score_<pattern>` (0-1) and `side_<pattern>` (its best side), plus
opt-in columns (`choir_keys`). The meta keys are known only at the end, so rows are spooled to an unnamed temporary file
and the CSV is written from it in one atomic write (painmap.atomic) when the run completes: a failed or
cancelled run leaves no CSV, and memory does not grow with the number of rows.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from painmap.aggregate import DrawingRow

__all__ = [
    "DIGITS",
    "VIEW_COLUMN",
    "CsvSink",
    "column_name",
    "csv_header",
    "extent_column",
    "fixed_cells",
    "fixed_header",
    "meta_cell",
    "meta_column",
    "meta_columns",
]

VIEW_COLUMN = {"lateral": "lateral_right"}  # explicit names: `lateral` is the right side view
DIGITS = 6  # as in `painmap compare --format json`: a cell equals compare's number


def column_name(prefix: str, ident: str, suffix: str = "") -> str:
    """A column name that R and pandas take as is: `score_gluteus_medius`, `extent_lateral_left_percent`."""
    return f"{prefix}_{ident.replace('-', '_')}{suffix}"


def extent_column(view_id: str) -> str:
    return column_name("extent", VIEW_COLUMN.get(view_id, view_id), "_percent")


def meta_column(key: str) -> str:
    """`meta.<key>` with characters R would change replaced by `_` (R keeps letters, digits, `.` and `_`)."""
    return "meta." + (re.sub(r"[^A-Za-z0-9_.]", "_", key) or "_")


def meta_columns(keys: set[str]) -> list[tuple[str, str]]:
    """(column, key) for every meta key, sorted by column; names made unique when two keys map to one."""
    out, used = [], set()
    for key in sorted(keys, key=lambda k: (meta_column(k), k)):
        name, n = meta_column(key), 2
        while name in used:
            name, n = f"{meta_column(key)}_{n}", n + 1
        used.add(name)
        out.append((name, key))
    return out


def meta_cell(value: Any) -> str:
    """Text as it is, null as an empty cell, anything else as JSON (true, 12, [1, 2])."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def fixed_header(view_ids: Sequence[str], pattern_ids: Sequence[str]) -> list[str]:
    """The columns after `path`/`status`/meta (the same for every cohort on one chart and library)."""
    return [
        "extent_percent",
        *(extent_column(v) for v in view_ids),
        "best_pattern",
        "best_side",
        "best_score",
        *(column_name("score", p) for p in pattern_ids),
        *(column_name("side", p) for p in pattern_ids),
    ]


def csv_header(view_ids: Sequence[str], pattern_ids: Sequence[str], meta_keys: Sequence[str] = ()) -> list[str]:
    """The header of a CSV with paths and the given meta columns."""
    return ["path", "status", *meta_keys, *fixed_header(view_ids, pattern_ids)]


def fixed_cells(row: DrawingRow, view_ids: Sequence[str], pattern_ids: Sequence[str]) -> list[str]:
    """The row's cells after path/status/meta: '.' decimals, 6 digits, empty text for no best pattern."""
    f = f"{{:.{DIGITS}f}}".format
    return [
        f(row.extent_percent),
        *(f(row.extent_by_view.get(v, 0.0)) for v in view_ids),
        row.best_pattern,
        row.best_side,
        f(row.best_score),
        *(f(row.scores.get(p, 0.0)) for p in pattern_ids),
        *(row.sides.get(p, "") for p in pattern_ids),
    ]


class CsvSink:
    """Collects rows (and skipped files) in order; `commit` writes the CSV atomically, `abort` forgets it all."""

    def __init__(
        self,
        path: str | os.PathLike,
        view_ids: Sequence[str],
        pattern_ids: Sequence[str],
        *,
        deidentify: bool = False,
        extra: Sequence[str] = (),
    ) -> None:
        from painmap.atomic import WriteError

        self.target = Path(path)
        if self.target.is_dir():  # fail now, not after the run
            raise WriteError(path, "it is a folder")
        if not self.target.resolve().parent.is_dir():
            raise WriteError(path, f"folder {os.fspath(self.target.parent) or '.'} does not exist")
        self.view_ids, self.pattern_ids = tuple(view_ids), tuple(pattern_ids)
        self.deidentify = deidentify
        self.extra = tuple(extra)  # opt-in columns, filled from DrawingRow.extra
        self.n_fixed = len(fixed_header(self.view_ids, self.pattern_ids)) + len(self.extra)
        self.meta_keys: set[str] = set()
        try:
            self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115 - closed by commit/abort
        except OSError as err:
            raise WriteError(path, err.strerror or type(err).__name__) from None
        self.writer = csv.writer(self.spool, lineterminator="\n")

    def write(self, row: DrawingRow) -> None:
        cells = fixed_cells(row, self.view_ids, self.pattern_ids)
        cells += [row.extra.get(name, "") for name in self.extra]
        meta = {} if self.deidentify else row.meta
        self.meta_keys.update(meta)
        self.writer.writerow([row.path, "ok", json.dumps(meta, ensure_ascii=False) if meta else "", *cells])

    def skip(self, path: str, reason: str) -> None:
        """A row for a file that was not read: its reason in `status`, every other cell empty."""
        self.writer.writerow([path, reason or "skipped", "", *([""] * self.n_fixed)])

    def commit(self) -> None:
        from painmap.atomic import atomic_write

        columns = meta_columns(self.meta_keys)
        header = fixed_header(self.view_ids, self.pattern_ids) + list(self.extra)
        first = ["row", "status"] if self.deidentify else ["path", "status"]
        self.spool.seek(0)
        try:
            with atomic_write(self.target, "w", newline="") as stream:
                out = csv.writer(stream, lineterminator="\n")
                out.writerow([*first, *(name for name, _ in columns), *header])
                for n, (path, status, meta_text, *cells) in enumerate(csv.reader(self.spool), start=1):
                    meta = json.loads(meta_text) if meta_text else {}
                    meta_cells = [meta_cell(meta.get(key)) for _, key in columns]
                    out.writerow([str(n) if self.deidentify else path, status, *meta_cells, *cells])
        finally:
            self.spool.close()

    def abort(self) -> None:
        self.spool.close()
