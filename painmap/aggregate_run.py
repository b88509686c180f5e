"""The work of `painmap.aggregate`: one drawing file -> its masks and CSV row, chunks of files on workers.

Chunks run in this process, on a local process pool (forkserver, never fork) or on any `concurrent.futures`
-style executor (`submit` and futures with `result()`; a Dask client is one). Each worker process builds its
`DrawingProcessor` once per settings and keeps it. Results are taken chunk by chunk in input order, with a
bounded number in flight, so every row is written exactly once whatever order the workers finish in.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap.blas import BLAS_THREADS, blas_threads
from painmap.errors import PainmapError

if TYPE_CHECKING:
    from painmap.aggregate_rows import DrawingRow, Processed, Processor

__all__ = [
    "BLAS_THREADS",
    "ChunkResult",
    "CountPatch",
    "DrawingProcessor",
    "Info",
    "Plan",
    "Skip",
    "WorkerLost",
    "chunk_results",
    "coverage_only",
    "default_workers",
    "describe",
    "file_bytes",
    "is_cancelled",
    "one_line",
    "process_pool",
    "run_chunk",
    "start_method",
    "worker_processor",
]

Skip = tuple[str, str]  # (path, one-line reason) of a file that could not be read
CountPatch = tuple[int, int, np.ndarray]  # (row, col) of the top-left pixel, counts of the painted box of a view
ChunkResult = tuple[dict[str, CountPatch], list["DrawingRow | Skip"]]


class DrawingProcessor:
    """Reads a drawing file, rasterizes it and compares it with the pattern library (compare's numbers)."""

    def __init__(
        self,
        px_per_mm: float | None = None,
        atlas=None,
        library=None,
        library_dirs: Sequence[str] = (),
        choir: str | None = None,
        regions: bool = False,
        body: str | None = None,
        cached: bool = False,
    ):
        """`cached`: take the bundled chart and library from the engine cache when they are what is asked for (a
        worker process starts in milliseconds; its atlas is then the cache's copy, not `load_atlas()`'s)."""
        from painmap.aggregate_rows import AGGREGATE_PX_PER_MM
        from painmap.compare import Comparator
        from painmap.library import library_for

        self.px_per_mm = AGGREGATE_PX_PER_MM if px_per_mm is None else px_per_mm
        from painmap.cohort_chart import target_atlas

        stored = None
        if cached and atlas is None and library is None:
            stored = stored_engine(self.px_per_mm, library_dirs, body)
        if stored is not None:  # the bundled chart and library: loaded from the engine cache, tables built
            self.comparator = stored
            self.atlas, self.library = stored.atlas, stored.library
        else:
            self.atlas = atlas if atlas is not None else target_atlas(body)  # every drawing is carried onto it
            self.library = library if library is not None else library_for(self.atlas, library_dirs)
            self.comparator = Comparator(self.atlas, self.library, self.px_per_mm)
        self.view_ids = tuple(self.atlas.views)
        self.pattern_ids = tuple(sorted(self.library.patterns))
        self.regions = regions  # fill DrawingRow.regions (region coverage, for --group-by)
        self.choir = None  # the CHOIR map (male or female) for the opt-in choir_keys column
        if choir is not None:
            from painmap.choir import choir_masks

            self.choir = choir_masks(self.atlas, choir, self.px_per_mm)
        self._shapes: dict[str, tuple[int, int]] = {}
        self._batch: Any = None

    @property
    def batch(self):
        """The ChunkScorer that rasterizes and scores stroke-only drawings a chunk at a time (painmap.aggregate_batch),
        or None when a row needs more than the scores (CHOIR keys, region coverage)."""
        if self.choir is not None or self.regions:
            return None
        if self._batch is None:
            from painmap.aggregate_batch import ChunkScorer

            self._batch = ChunkScorer(self.comparator)
        return self._batch

    def view_shape(self, view_id: str) -> tuple[int, int]:
        if view_id not in self._shapes:
            self._shapes[view_id] = self.comparator.atlas_masks.grid(view_id).shape
        return self._shapes[view_id]

    def process(self, path: Path, scores: bool = True, data: bytes | None = None) -> Processed:
        """Masks and row of one drawing; without `scores` the comparison is skipped (a map needs none).

        With `data` (the file's bytes, sent by the client) the file itself is not read."""
        return self.process_drawing(path, self.load(path, data), scores)

    def load(self, path: Path, data: bytes | None = None):
        """The drawing of a file (or of its bytes), carried onto this processor's chart; PainmapError if bad."""
        from painmap.cohort_chart import load_onto, parse_onto

        return load_onto(path, self.atlas) if data is None else parse_onto(data, str(path), self.atlas)

    def process_drawing(self, path: Path, drawing, scores: bool = True) -> Processed:
        """`process` of a drawing already read from `path`."""
        from painmap.aggregate_rows import DrawingRow, Processed, painted_patch
        from painmap.raster import PainMasks

        masks = PainMasks.from_drawing(coverage_only(drawing), self.atlas, self.px_per_mm)
        used = {v: patch for v in masks.views_used() if (patch := painted_patch(masks, v)) is not None}
        if not scores:
            row = DrawingRow(os.fspath(path), 0.0, {}, "", "", 0.0, {}, views_used=tuple(used), meta=drawing.meta)
            return Processed(masks=used, row=self._add_regions(row, masks))
        found = self.comparator.scores(masks)  # the scores of Comparator.compare, without its other metrics
        best = found.ranking[0] if found.ranking else None
        has_best = best is not None and best[2] > 0
        row = DrawingRow(
            path=os.fspath(path),
            extent_percent=float(found.extent_percent),
            extent_by_view={v: float(x) for v, x in found.extent_by_view.items()},
            best_pattern=best[0] if has_best else "",
            best_side=best[1] if has_best else "",
            best_score=float(best[2]) if has_best else 0.0,
            scores={pattern: float(score) for pattern, _, score in found.ranking},
            views_used=tuple(used),
            sides={pattern: side for pattern, side, _ in found.ranking},
            meta=drawing.meta,
        )
        if self.choir is not None:
            row.extra["choir_keys"] = ",".join(self.choir.covered(masks))
        return Processed(masks=used, row=self._add_regions(row, masks))

    def _add_regions(self, row: DrawingRow, masks) -> DrawingRow:
        """The row with its region coverage when it is wanted (--group-by)."""
        if self.regions:
            from painmap.groups import region_coverage

            row.regions = region_coverage(masks)
        return row


def stored_engine(px_per_mm: float, library_dirs: Sequence[str] = (), body: str | None = None):
    """The command line's cached comparator (painmap.engine_cache: the bundled atlas and library, masks and score
    tables loaded from one file) when a cohort is counted on the bundled default chart with the stored library
    only; else None."""
    from painmap.drawing_model import current_chart
    from painmap.engine_cache import cached_comparator

    if library_dirs or (body or "male") != "male":
        return None
    comp = cached_comparator(px_per_mm)
    chart = (str(getattr(comp.atlas, "body", "male")), int(getattr(comp.atlas, "chart", 1)))
    if chart != ("male", current_chart("male")):  # pragma: no cover - the default chart is the current male one
        return None
    return comp


def coverage_only(drawing):
    """The drawing with every stroke and fill at intensity 1: the same painted pixels, painted faster.

    An aggregation uses only where pain is drawn (its map, extent, scores, regions and CHOIR keys read
    `intensity != 0`), never how strong it is. A pixel is painted when the last mark covering it is a stroke
    or fill, whatever its intensity; with one intensity a run of strokes is painted as one union (raster).
    """
    from dataclasses import replace

    from painmap.drawing import Erase

    marks = [m if isinstance(m, Erase) or m.intensity == 1 else replace(m, intensity=1) for m in drawing.marks]
    return replace(drawing, marks=marks)


# --- one chunk ------------------------------------------------------------------------------------------------

_WORKER: tuple[tuple, Processor] | None = None  # (settings, processor) of this worker process


def worker_processor(settings: tuple) -> Processor:
    """This process's DrawingProcessor for (px_per_mm, library_dirs, choir, regions, body), built on first use and
    kept."""
    global _WORKER
    if _WORKER is None or _WORKER[0] != settings:
        px_per_mm, dirs, choir, regions, body = settings
        made = DrawingProcessor(px_per_mm, library_dirs=dirs, choir=choir, regions=regions, body=body, cached=True)
        _WORKER = (settings, made)
    return _WORKER[1]


def run_chunk(
    paths: Sequence[Path | str],
    processor: Processor | None,
    strict: bool,
    scores: bool,
    settings: tuple = (),
    group_by: str | None = None,
) -> ChunkResult:
    """Summed counts of the views used (cropped to their painted box, small to send back), and a row or a
    (path, reason) skip for every file, in order. With `group_by` (a meta key) counts are kept per group: their
    keys are (group, view) instead of the view."""
    proc = processor if processor is not None else worker_processor(settings)
    if group_by is None and getattr(proc, "batch", None) is not None:
        return _run_batched(paths, proc, strict, scores)
    counts: dict = {}
    entries: list[DrawingRow | Skip] = []
    for item in paths:
        path, data = item if isinstance(item, tuple) else (item, None)  # (path, bytes or a reason) when sent
        try:
            if isinstance(data, str):
                raise PainmapError(data)
            done = proc.process(Path(path), scores) if data is None else proc.process(Path(path), scores, data)
        except (PainmapError, OSError, ValueError) as err:  # a bad file: reported, the others go on
            entries.append((os.fspath(path), one_line(err)))
            if strict:
                break
            continue
        group = None if group_by is None else _group(done.row.meta, group_by)
        for view_id, (r0, c0, mask) in done.masks.items():
            key = view_id if group_by is None else (group, view_id)
            if key not in counts:
                counts[key] = np.zeros(proc.view_shape(view_id), dtype=np.uint16 if len(paths) < 65535 else np.int32)
            target = counts[key][r0 : r0 + mask.shape[0], c0 : c0 + mask.shape[1]]
            np.add(target, mask, out=target, casting="unsafe")
        entries.append(done.row)
    return {v: _crop(c) for v, c in counts.items()}, entries


def _run_batched(paths: Sequence, proc: DrawingProcessor, strict: bool, scores: bool) -> ChunkResult:
    """`run_chunk` with the stroke-only drawings rasterized and scored together (painmap.aggregate_batch); the
    same counts and rows."""
    from painmap.aggregate_batch import StrokeDrawing, batch_rows, load_for_batch

    scorer = proc.batch
    entries: list = []
    sent: dict[int, bytes] = {}  # the bytes of sent files, to read a StrokeDrawing's file again as a Drawing
    together: list[tuple[int, Path, Any]] = []
    alone: list[tuple[int, Path, Any]] = []
    for item in paths:
        path, data = item if isinstance(item, tuple) else (item, None)
        try:
            if isinstance(data, str):
                raise PainmapError(data)
            drawing = load_for_batch(proc, Path(path), data)
        except (PainmapError, OSError, ValueError) as err:
            entries.append((os.fspath(path), one_line(err)))
            if strict:
                break
            continue
        (together if scorer.accepts(drawing) else alone).append((len(entries), Path(path), drawing))
        if data is not None:
            sent[len(entries)] = data
        entries.append(None)
    dtype = np.uint16 if len(paths) < 65535 else np.int32
    counts: dict = {}
    if together:
        try:
            found, rows = batch_rows(scorer, [(p, d) for _, p, d in together], scores)
        except (PainmapError, ValueError):  # a stroke the brush refuses: each drawing on its own says which
            alone = sorted(alone + together, key=lambda t: t[0])
        else:
            for (k, _, _), row in zip(together, rows, strict=True):
                entries[k] = row
            if not alone:  # the batch's boxes are the chunk's counts
                return _crop_patches(found, dtype), _strict_prefix(entries, strict)
            for view_id, (r0, c0, box) in found.items():
                counts[view_id] = np.zeros(proc.view_shape(view_id), dtype=dtype)
                counts[view_id][r0 : r0 + box.shape[0], c0 : c0 + box.shape[1]] = box
    for k, path, drawing in alone:
        try:
            if type(drawing) is StrokeDrawing:  # a chunk the batch refused: this drawing on its own
                drawing = proc.load(path, sent.get(k))
            done = proc.process_drawing(path, drawing, scores)
        except (PainmapError, OSError, ValueError) as err:
            entries[k] = (os.fspath(path), one_line(err))
            continue
        for view_id, (r0, c0, mask) in done.masks.items():
            if view_id not in counts:
                counts[view_id] = np.zeros(proc.view_shape(view_id), dtype=dtype)
            target = counts[view_id][r0 : r0 + mask.shape[0], c0 : c0 + mask.shape[1]]
            np.add(target, mask, out=target, casting="unsafe")
        entries[k] = done.row
    return {v: _crop(c) for v, c in counts.items()}, _strict_prefix(entries, strict)


def _strict_prefix(entries: list, strict: bool) -> list:
    """The entries up to the first bad file when `strict` (it ends the chunk, and the run); else all."""
    bad = next((k for k, e in enumerate(entries) if isinstance(e, tuple)), None) if strict else None
    return entries if bad is None else entries[: bad + 1]


def _crop_patches(patches: dict[str, CountPatch], dtype) -> dict[str, CountPatch]:
    """`_crop` of counts given as boxes (row, col, counts) of their views: the same patches."""
    out = {}
    for view_id, (r0, c0, box) in patches.items():
        dr, dc, part = _crop(box.astype(dtype))
        out[view_id] = (r0 + dr, c0 + dc, part) if part.size else (0, 0, part)
    return out


def _group(meta: dict, key: str) -> str:
    from painmap.groups import group_of

    return group_of(meta, key)


def _crop(counts: np.ndarray) -> CountPatch:
    rows, cols = np.flatnonzero(counts.any(axis=1)), np.flatnonzero(counts.any(axis=0))
    if not len(rows):
        return 0, 0, counts[:0, :0]
    r0, r1, c0, c1 = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    return r0, c0, counts[r0:r1, c0:c1].copy()


def one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


# --- where chunks run -----------------------------------------------------------------------------------------


def default_workers() -> int:
    """Processes to use: the CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """How worker processes start: forkserver (or spawn), never fork.

    Forking is unsafe here even from a single-threaded caller: QtGui (used to rasterize) may run threads of its
    own, and a 2-process run of 3,000 drawings forked from the command line hung. Workers load what they need.
    """
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class WorkerLost(PainmapError):
    """A worker stopped in the middle of a run (killed, out of memory) and its work could not be redone."""


def is_cancelled(cancel: Any) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    return bool(cancel())


@dataclass
class Plan:
    """How to run the chunks of one aggregation."""

    local: Processor | None  # run in this process with this processor
    n_workers: int
    settings: tuple  # (px_per_mm, library_dirs, choir body or None, region coverage?) for worker processes
    strict: bool
    scores: bool
    executor: Any = None  # run on this executor instead of a local pool
    group_by: str | None = None  # a meta key: counts per group
    send_files: bool = False  # send the files' bytes to the workers (they need not see the client's files)


def chunk_results(chunks: list[list[Path]], plan: Plan, cancel: Any) -> Iterator[ChunkResult]:
    """Chunk results in input order: in this process, or on an executor with a bounded number in flight."""
    if plan.local is not None and plan.executor is None:
        for part in chunks:
            yield run_chunk(part, plan.local, plan.strict, plan.scores, (), plan.group_by)
            if is_cancelled(cancel):
                return
        return
    if plan.executor is not None:
        yield from _on_executor(
            plan.executor, chunks, plan, cancel, in_flight=2 * _slots(plan.executor, plan.n_workers)
        )
        return
    with process_pool(plan.n_workers) as pool:
        yield from _on_executor(pool, chunks, plan, cancel, in_flight=2 * plan.n_workers)


def process_pool(workers: int):
    """A local pool that never forks (`start_method`); each worker starts numpy with one OpenBLAS thread unless
    this process's environment names a number (D74): the workers take every core, BLAS's threads would only spin
    beside them. The initializer, the builtin `os.putenv`, is unpickled and run before a worker imports numpy."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(start_method())
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=os.putenv, initargs=(BLAS_THREADS, blas_threads())
    )


def file_bytes(path: str) -> bytes | str:
    """A drawing file's bytes to send to a worker, or the one-line reason it cannot be read (checked as
    `load_drawing` checks it: a regular file within the size limit)."""
    from painmap.cohort_chart import drawing_bytes

    return drawing_bytes(path)


def _slots(executor: Any, default: int) -> int:
    """Tasks the executor runs at once: a Dask cluster's total worker threads, else `default`."""
    try:
        workers = executor.scheduler_info()["workers"].values()
        return max(1, sum(int(w.get("nthreads", 1)) for w in workers))
    except Exception:  # not a Dask client (or no answer): the local number
        return max(1, default)


def _on_executor(executor: Any, chunks: list[list[Path]], plan: Plan, cancel: Any, in_flight: int):
    from concurrent.futures.process import BrokenProcessPool

    pending: list[Any] = []
    queue = iter(chunks)

    def submit(part: list[Path]) -> None:
        paths = [os.fspath(p) for p in part]  # plain strings travel to any worker
        if plan.send_files:
            paths = [(p, file_bytes(p)) for p in paths]
        pending.append(executor.submit(run_chunk, paths, None, plan.strict, plan.scores, plan.settings, plan.group_by))

    try:
        for part in queue:
            submit(part)
            if len(pending) >= max(2, in_flight):
                break
        while pending:
            try:
                result = pending.pop(0).result()
            except BrokenProcessPool:
                raise WorkerLost(
                    "a worker process stopped unexpectedly (killed or out of memory); nothing was written"
                ) from None
            except Exception as err:  # e.g. distributed.KilledWorker after its retries
                name = type(err).__name__
                if name in ("KilledWorker", "CommClosedError", "CancelledError"):
                    raise WorkerLost(
                        f"a cluster worker was lost and its work could not be redone ({name}); nothing was written"
                    ) from None
                raise
            if not is_cancelled(cancel):
                nxt = next(queue, None)
                if nxt is not None:
                    submit(nxt)
            yield result
    finally:
        for future in pending:
            future.cancel()


@dataclass
class Info:
    """View ids, shapes and pattern ids of an aggregation, known without a comparator in this process."""

    px_per_mm: float
    view_ids: tuple[str, ...]
    pattern_ids: tuple[str, ...]
    shapes: dict[str, tuple[int, int]]

    def view_shape(self, view_id: str) -> tuple[int, int]:
        return self.shapes[view_id]


def describe(px_per_mm: float, library_dirs: Sequence[str] = (), body: str | None = None) -> Info:
    """The Info of the target chart (of `body`) and library (plus `library_dirs`) at a resolution (the workers
    compare)."""
    from painmap.cohort_chart import target_atlas
    from painmap.library import library_for
    from painmap.raster import Grid

    stored = stored_engine(px_per_mm, library_dirs, body)  # also builds the cache file the workers will read
    atlas = stored.atlas if stored is not None else target_atlas(body)
    library = stored.library if stored is not None else library_for(atlas, library_dirs)
    shapes = {v: Grid(v, view.width, view.height, px_per_mm).shape for v, view in atlas.views.items()}
    return Info(px_per_mm, tuple(atlas.views), tuple(sorted(library.patterns)), shapes)
