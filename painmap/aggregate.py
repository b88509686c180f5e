"""Streaming frequency maps of many drawings: per view, how many drawings cover each point, plus one CSV row each.

Memory stays flat: each drawing is read, rasterized, compared and added to integer count arrays (one per view),
then dropped. Files are spread over processes (or any executor, e.g. a Dask cluster) in chunks when that pays;
rows come back in input order. The work of one drawing and of one chunk is in `painmap.aggregate_run`, the CSV
in `painmap.aggregate_csv`.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from painmap.aggregate_csv import CsvSink, column_name, csv_header
from painmap.aggregate_rows import (
    AGGREGATE_PX_PER_MM,
    DrawingRow,
    Processed,
    Processor,
    crop_painted,
)
from painmap.aggregate_run import (
    DrawingProcessor,
    Plan,
    chunk_results,
    default_workers,
    describe,
    is_cancelled,
    start_method,
)
from painmap.errors import PainmapError

__all__ = [
    "AGGREGATE_PX_PER_MM",
    "Aggregate",
    "AggregateError",
    "DrawingProcessor",
    "DrawingRow",
    "Processed",
    "aggregate",
    "column_name",
    "crop_painted",
    "csv_header",
    "default_workers",
    "iter_drawing_paths",
    "reason_text",
]

DRAWING_SUFFIX = ".painmap.json"
MAX_SKIPPED_KEPT = 200  # reasons kept in memory; the count is always exact
CHUNK = 100  # drawings per task sent to a worker process
ProgressCallback = Callable[[int, int], None]  # (done, total)
_start_method = start_method  # the name the app and its tests know


class AggregateError(PainmapError):
    """No drawings to aggregate, or (with strict) a drawing that could not be read."""


@dataclass
class Aggregate:
    """The frequency map of a cohort of drawings and what happened while reading it."""

    counts: dict[str, np.ndarray]  # view id -> int32 array: drawings whose pain covers each pixel
    px_per_mm: float
    n_drawings: int = 0  # drawings read and added
    n_by_view: dict[str, int] = field(default_factory=dict)  # drawings that mark each view
    n_skipped: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason), the first MAX_SKIPPED_KEPT
    pattern_ids: tuple[str, ...] = ()
    view_ids: tuple[str, ...] = ()
    cancelled: bool = False
    rows: list[DrawingRow] | None = None  # only when asked for (keep_rows=True)
    groups: Any = None  # painmap.groups.GroupCounter (only with group_by)
    group_counts: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)  # group -> view -> counts

    def percent(self, view_id: str) -> np.ndarray:
        """Percentage (0-100, float32) of all aggregated drawings that cover each pixel of a view."""
        counts = self.counts[view_id]
        if self.n_drawings == 0:
            return np.zeros(counts.shape, dtype=np.float32)
        return counts.astype(np.float32) * np.float32(100.0 / self.n_drawings)

    def views_used(self) -> list[str]:
        """Views that at least one drawing marks, in atlas order."""
        return [v for v in self.view_ids if self.n_by_view.get(v, 0) > 0]

    def max_percent(self) -> float:
        """The largest percentage of drawings covering any one point (0 for no drawings)."""
        peak = max((int(c.max()) for c in self.counts.values() if c.size), default=0)
        return 100.0 * peak / self.n_drawings if self.n_drawings else 0.0


# ---------------------------------------------------------------------------------------------------------------
# Inputs


def iter_drawing_paths(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str | None]]:
    """Expand files, folders (recursively *.painmap.json) and globs, in a stable order.

    Yields (path, None) for each drawing, or (path, reason) for an argument that names nothing usable.
    """
    seen: set[Path] = set()
    for raw in paths:
        text = os.fspath(raw)
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.rglob(f"*{DRAWING_SUFFIX}") if p.is_file())
        elif path.exists():
            found = [path]
        elif glob.has_magic(text):
            found = sorted(Path(p) for p in glob.glob(text, recursive=True))
            expanded: list[Path] = []
            for p in found:
                if p.is_dir():
                    expanded += sorted(q for q in p.rglob(f"*{DRAWING_SUFFIX}") if q.is_file())
                else:
                    expanded.append(p)
            found = expanded
            if not found:
                yield path, "no file matches this pattern"
                continue
        else:
            yield path, "no such file or folder"
            continue
        for p in found:
            if p not in seen:
                seen.add(p)
                yield p, None


def no_drawings_error(paths: Iterable[str | os.PathLike], missing: Sequence[tuple[str, str]] = ()) -> AggregateError:
    """The one-line error for arguments that hold no drawing; it says when folders hold other *.json files."""
    if missing:
        return AggregateError(f"no drawings to aggregate ({missing[0][0]}: {missing[0][1]})")
    for raw in paths:
        folder = Path(os.fspath(raw))
        if folder.is_dir() and next((p for p in folder.rglob("*.json") if p.is_file()), None) is not None:
            return AggregateError(
                f"no drawings to aggregate: {os.fspath(raw)} holds *.json files, but only *{DRAWING_SUFFIX} "
                "files are read (rename them, e.g. a.json -> a.painmap.json)"
            )
    return AggregateError("no drawings to aggregate")


def reason_text(path: str, reason: str) -> str:
    """A skip reason without a leading repetition of the path (the engine's messages start with it), for
    messages that name the file already."""
    for prefix in (path, Path(path).name):
        if reason.startswith(prefix + ":"):
            return reason[len(prefix) + 1 :].lstrip()
        if reason.startswith(prefix + " "):  # "PATH at /marks/0/view: …"
            return reason[len(prefix) + 1 :]
    return reason


# ---------------------------------------------------------------------------------------------------------------
# The API


def aggregate(
    paths: Iterable[str | os.PathLike],
    *,
    csv_path: str | os.PathLike | None = None,
    px_per_mm: float = AGGREGATE_PX_PER_MM,
    workers: int | None = None,
    strict: bool = False,
    progress: ProgressCallback | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    cancel: Any = None,
    keep_rows: bool = False,
    processor: Processor | None = None,
    chunk: int = CHUNK,
    library_dirs: Sequence[str | os.PathLike] = (),
    deidentify: bool = False,
    choir: str | None = None,
    group_by: str | None = None,
    region_share: float | None = None,
    executor: Any = None,
    send_files: bool = False,
    body: str | None = None,
) -> Aggregate:
    """Aggregate drawing files into per-view count arrays (and a CSV, one row per input file, in input order).

    `paths` are files, folders (recursively *.painmap.json) or globs. A bad file is skipped, reported through
    `on_skip(path, reason)` and gets a CSV row with its reason as `status`; with `strict` the first one raises
    AggregateError. `progress(done, total)` is called as files complete; `cancel` (a threading.Event or a callable
    returning True) stops early and returns what was aggregated so far with `cancelled` set (no CSV is written
    then). Drawings are compared with the patterns (stored, plus `library_dirs`) only when their rows are wanted
    (`csv_path` or `keep_rows`). `workers` > 1 spreads chunks over processes (default: one per CPU when there are
    enough files); `executor` (e.g. a Dask client) runs them there instead; a given `processor` runs in this
    process only. `deidentify` leaves meta and paths out of the CSV (rows numbered); `choir` ("male" or "female")
    adds the opt-in `choir_keys` column (the CHOIR regions each drawing covers, painmap.choir). `group_by` (a meta
    key) also counts per group of drawings: `group_counts` per pixel and `groups`, regions per group
    (painmap.groups; a region counts at `region_share` of its area, default 5 %). `send_files` sends each file's
    bytes to the executor's workers, for workers that do not share the client's file system. Every drawing is
    carried onto the current chart of `body` (default male) first, whatever body and chart it was drawn on
    (painmap.cohort_chart).
    """
    paths = list(paths)
    todo: list[Path] = []
    missing: list[tuple[str, str]] = []
    for path, reason in iter_drawing_paths(paths):
        if reason:
            if strict:
                raise AggregateError(f"{os.fspath(path)}: {reason_text(os.fspath(path), reason)}")
            missing.append((os.fspath(path), reason))
        else:
            todo.append(path)
    if not todo:
        raise no_drawings_error(paths, missing)

    n_workers = default_workers() if workers is None else max(1, workers)
    if processor is not None or (executor is None and len(todo) < 2 * chunk):
        n_workers = 1
    dirs = tuple(os.fspath(d) for d in library_dirs)
    local = processor
    if local is None and n_workers == 1 and executor is None:
        local = DrawingProcessor(px_per_mm, library_dirs=dirs, choir=choir, regions=group_by is not None, body=body)
    info = local if local is not None else describe(px_per_mm, dirs, body)
    scores = csv_path is not None or keep_rows
    settings = (px_per_mm, dirs, choir, group_by is not None, body)
    plan = Plan(local, n_workers, settings, strict, scores, executor if processor is None else None, group_by)
    plan.send_files = send_files and plan.executor is not None

    result = Aggregate(
        counts={v: np.zeros(info.view_shape(v), dtype=np.int32) for v in info.view_ids},
        px_per_mm=info.px_per_mm,
        pattern_ids=tuple(info.pattern_ids),
        view_ids=tuple(info.view_ids),
        rows=[] if keep_rows else None,
    )
    if group_by is not None:
        from painmap.groups import REGION_SHARE, GroupCounter

        result.groups = GroupCounter(group_by, REGION_SHARE if region_share is None else region_share)
    sink = None
    if csv_path is not None:
        extra = ("choir_keys",) if choir is not None else ()
        sink = CsvSink(csv_path, info.view_ids, info.pattern_ids, deidentify=deidentify, extra=extra)
    try:
        for path, reason in missing:
            _skip(result, path, reason, on_skip, sink)
        _run(result, todo, chunk, plan, sink, progress, on_skip, cancel)
    except BaseException:
        if sink:
            sink.abort()
        raise
    if sink:
        if result.cancelled:
            sink.abort()
        else:
            sink.commit()
    return result


def _run(result: Aggregate, todo: list[Path], chunk: int, plan: Plan, sink: CsvSink | None, progress, on_skip,
         cancel) -> None:  # fmt: skip
    """Add every chunk's counts and rows (and skips) to `result` and the CSV, in input order."""
    total = len(todo)
    done = 0
    chunks = [todo[i : i + chunk] for i in range(0, total, chunk)]
    for counts, entries in chunk_results(chunks, plan, cancel):
        for key, (r0, c0, arr) in counts.items():
            group, view_id = key if isinstance(key, tuple) else (None, key)
            box = (slice(r0, r0 + arr.shape[0]), slice(c0, c0 + arr.shape[1]))
            result.counts[view_id][box] += arr
            if group is not None:
                per_view = result.group_counts.setdefault(group, {})
                if view_id not in per_view:
                    per_view[view_id] = np.zeros(result.counts[view_id].shape, dtype=np.int32)
                per_view[view_id][box] += arr
        for entry in entries:
            if isinstance(entry, tuple):  # (path, reason): a file that could not be read
                path, reason = entry
                if plan.strict:
                    raise AggregateError(f"{path}: {reason_text(path, reason)}")
                _skip(result, path, reason, on_skip, sink)
                continue
            result.n_drawings += 1
            if result.groups is not None:
                result.groups.add(entry.meta, entry.regions)
            for view_id in entry.views_used:
                result.n_by_view[view_id] = result.n_by_view.get(view_id, 0) + 1
            if sink:
                sink.write(entry)
            if result.rows is not None:
                result.rows.append(entry)
        done += len(entries)
        if progress:
            progress(done, total)
        if is_cancelled(cancel):
            result.cancelled = True
            break


def _skip(result: Aggregate, path: str, reason: str, on_skip, sink: CsvSink | None) -> None:
    result.n_skipped += 1
    if len(result.skipped) < MAX_SKIPPED_KEPT:
        result.skipped.append((path, reason))
    if on_skip:
        on_skip(path, reason)
    if sink:
        sink.skip(path, reason_text(path, reason))
