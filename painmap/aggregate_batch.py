"""A chunk of drawings rasterized and scored together: a few flat numpy passes for a hundred drawings.

The per-drawing path (`DrawingProcessor.process`) paints each drawing on full-view arrays and scores it on
its own; most of its time is the fixed cost of many small numpy calls. Here every stroke of every drawing of a
chunk is cut into row spans at once (`brush.capsule_spans`, the brush's own arithmetic, so the pixels are the
same), the spans of each drawing are merged into runs of flat pixel indices, and the runs are intersected with
a run-length copy of each view's score classes (`Comparator._score_table`, with one more label for pixels off
the body): a drawing's pixel count per class comes from a few thousand run pieces instead of its pixels. The
counts go through `Comparator.rank_counts`, the arithmetic `compare` uses (painmap.comparator_scores), so
every number is identical to the per-drawing path's. The frequency map of the chunk is summed from the same
runs (a difference array over the rows they touch).

Only drawings made of strokes take this path (all an aggregation reads of them is where pain is drawn; their
intensity is not used); a drawing with a fill, lasso or eraser mark goes through `DrawingProcessor.process`.
A current stroke-only file is read without building its marks (`load_for_batch`: `drawing_fast.fast_strokes`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from painmap.brush import as_points, capsule_spans, check_radius, flat_boxes, flat_segments
from painmap.drawing_model import Stroke

if TYPE_CHECKING:
    from painmap.aggregate_rows import DrawingRow
    from painmap.comparator import Comparator

__all__ = ["ChunkScorer", "StrokeDrawing", "ViewRuns", "load_for_batch"]


class RawStroke(NamedTuple):
    """A stroke as an aggregation reads it: its view, radius and points as decoded ([x, y] lists)."""

    view: str
    radius: float
    points: list


class StrokeDrawing(NamedTuple):
    """A stroke-only drawing as an aggregation reads it (what `ChunkScorer` and the CSV row use of a Drawing)."""

    meta: dict
    marks: list[RawStroke]


def load_for_batch(processor: Any, path: Path, data: bytes | None = None) -> Any:
    """`processor.load(path, data)`, or for a current stroke-only drawing of the processor's chart its
    StrokeDrawing (the same checks, the same numbers; its marks are not built). Every other file, and every fault,
    takes `load` (which gives its Drawing or its error)."""
    from painmap.cohort_chart import document_onto, drawing_bytes
    from painmap.drawing_decode import Context, decode
    from painmap.drawing_fast import fast_strokes
    from painmap.errors import PainmapError

    source = os.fspath(path)
    raw = drawing_bytes(source) if data is None else data
    if not isinstance(raw, bytes):
        return processor.load(path, data)
    try:
        doc = decode(raw, Context(source, None))
    except PainmapError:
        return processor.load(path, data)  # its own error
    found = fast_strokes(doc, processor.atlas)
    if found is None:
        return document_onto(doc, source, processor.atlas)  # what `load` makes of the decoded document
    meta, strokes = found
    return StrokeDrawing(meta, [RawStroke(*s) for s in strokes])


@dataclass(frozen=True, eq=False)
class ViewRuns:
    """One view's score classes as runs over its flat pixel index, with what a run piece adds to the counts."""

    starts: np.ndarray  # int64: flat index where each run begins (the first is 0), then the view's size
    labels: np.ndarray  # int64 per run: its score class, or `outside` for pixels off the body
    outside: int  # the label of pixels off the body (the number of classes)
    cols: int
    shape: tuple[int, int]
    code_hits: np.ndarray  # int32 (outside + 1, codes): 1 where a class adds to a code (class 0, off body: none)
    totals: np.ndarray  # int64 per code: the view's pixels at each level of each (pattern, side)
    silhouette_area: int
    body: np.ndarray  # bool (rows, cols): the view's silhouette (the pixels the frequency map counts)


def view_runs(comparator: Comparator, view_id: str) -> ViewRuns:
    """The ViewRuns of one view of a comparator (from its score table and silhouette)."""
    _, n_codes = comparator._codes()  # first: a new layout drops the tables
    table = comparator._score_table(view_id)
    vm = comparator.atlas_masks.view(view_id)
    outside = len(table.codes)
    label = np.where(vm.silhouette, table.classes, outside).astype(np.int64).ravel()
    starts = np.concatenate(([0], np.flatnonzero(label[1:] != label[:-1]) + 1))
    code_hits = np.zeros((outside + 1, n_codes), dtype=np.int32)
    for j in range(table.codes.shape[1]):
        code_hits[np.arange(1, outside), table.codes[1:, j]] = 1
    return ViewRuns(
        np.concatenate((starts, [label.size])).astype(np.int64),
        label[starts],
        outside,
        vm.grid.cols,
        vm.grid.shape,
        code_hits,
        table.totals.astype(np.int64),
        int(vm.silhouette_area),
        np.asarray(vm.silhouette, dtype=bool),
    )


def merged_runs(owner: np.ndarray, start: np.ndarray, end: np.ndarray, size: int):
    """The union of spans [start, end) of flat indices per owner, as disjoint runs (owner, start, end), sorted."""
    stride = size + 1  # owners never touch: one index of gap between them
    lo = owner * stride + start
    hi = owner * stride + end
    if len(owner) and (int(owner.max()) + 1) * stride < 2**31:  # (lo, hi) packed in one int64: sorted as is
        key = np.sort((lo << 31) | hi, kind="stable")  # timsort: the spans come in ascending runs (quicksort: 2.8x)
        lo, hi = key >> 31, key & (2**31 - 1)
    else:
        order = np.argsort(lo, kind="stable")
        lo, hi = lo[order], hi[order]
    hi = np.maximum.accumulate(hi)  # the order among equal starts changes no run (their ends' maximum counts)
    first = np.ones(len(lo), dtype=bool)
    first[1:] = lo[1:] > hi[:-1]
    heads = np.flatnonzero(first)
    run_lo, run_hi = lo[heads], hi[np.r_[heads[1:], len(lo)] - 1]
    run_owner = run_lo // stride
    return run_owner, run_lo - run_owner * stride, run_hi - run_owner * stride


def run_pieces(runs: ViewRuns, owner: np.ndarray, start: np.ndarray, end: np.ndarray):
    """Runs of pixels cut where the view's class changes: (owner, start, end, label) of every piece."""
    k0 = np.searchsorted(runs.starts, start, side="right") - 1
    k1 = np.searchsorted(runs.starts, end, side="left")
    n = k1 - k0
    total = int(n.sum())
    first = np.cumsum(n) - n
    k = np.repeat(k0 - first, n) + np.arange(total)
    p_start = np.maximum(np.repeat(start, n), runs.starts[k])
    p_end = np.minimum(np.repeat(end, n), runs.starts[k + 1])
    return np.repeat(owner, n), p_start, p_end, runs.labels[k]


class ChunkScorer:
    """Scores many stroke-only drawings at once with a comparator (see the module)."""

    def __init__(self, comparator: Comparator) -> None:
        self.comparator = comparator
        self.atlas = comparator.atlas
        self._runs: dict[str, ViewRuns] = {}

    def runs(self, view_id: str) -> ViewRuns:
        if view_id not in self._runs:
            self._runs[view_id] = view_runs(self.comparator, view_id)
        return self._runs[view_id]

    @staticmethod
    def accepts(drawing: Any) -> bool:
        """Whether a drawing takes this path: every mark is a stroke."""
        return type(drawing) is StrokeDrawing or all(type(m) is Stroke for m in drawing.marks)

    def score(self, drawings: list[Any], scores: bool = True) -> tuple[dict[str, np.ndarray], list[dict]]:
        """Per view the chunk's counts over the box its strokes touch ((row, col, int64 counts); views nobody painted
        left out), and per drawing
        {"area": {view: painted pixels}, "scores": (score (patterns, sides), best (patterns,)) or None}."""
        n = len(drawings)
        views = tuple(self.atlas.views)
        area = np.zeros((n, len(views)), dtype=np.int64)
        _, n_codes = self.comparator._codes()
        hit = np.zeros((n, n_codes), dtype=np.int64)
        counts: dict[str, np.ndarray] = {}
        marks = _by_view(drawings)
        for v_index, view_id in enumerate(views):
            found = self._view(*marks[view_id], view_id) if view_id in marks else None
            if found is None:
                continue
            runs = self.runs(view_id)
            owner, p_start, p_end, label = run_pieces(runs, *found)
            width = runs.outside + 1
            per_class = np.bincount(owner * width + label, weights=p_end - p_start, minlength=n * width)
            small = np.int32 if runs.starts[-1] < 2**31 else np.int64  # exact: at most the view's pixels
            per_class = per_class.reshape(n, width).astype(small)
            area[:, v_index] = per_class[:, : runs.outside].sum(axis=1)
            if scores:  # exact integer sums in numpy's own loop: no BLAS (its threads spun ~0.5 ms a drawing on it)
                hit += np.einsum("dc,ck->dk", per_class, runs.code_hits)
            if area[:, v_index].any():  # the map counts the runs' pixels on the body: from the runs, not the pieces
                counts[view_id] = _paint_counts(runs, found[1], found[2])
        out = [{"area": dict(zip(views, row.tolist(), strict=True)), "scores": None} for row in area]
        if scores:
            used = area > 0
            compared = np.where(used.any(axis=1, keepdims=True), used, True)  # nothing drawn: every view
            tot = np.zeros((n, n_codes), dtype=np.int64)
            for v_index, view_id in enumerate(views):
                tot += np.outer(compared[:, v_index], self.runs(view_id).totals)
            d_total = (area * compared).sum(axis=1)
            score, best = self.comparator.rank_counts(hit, tot, d_total)
            silhouette = np.array([self.runs(v).silhouette_area for v in views], dtype=np.int64)
            for d, item in enumerate(out):
                item["scores"] = (score[d], best[d])
                item["compared"] = tuple(v for v, on in zip(views, compared[d].tolist(), strict=True) if on)
                item["silhouette"] = int(silhouette[compared[d]].sum())
        return counts, out

    def _view(self, points: list, radii: list, owners: list, view_id: str):
        """The merged runs (owner, start, end) of one view's strokes (their points, radii and drawings), or None
        when they paint nothing."""
        grid = self.comparator.atlas_masks.grid(view_id)
        lengths = np.fromiter(map(len, points), np.int64, count=len(points))
        flat = np.fromiter(chain.from_iterable(chain.from_iterable(points)), np.float64, count=2 * int(lengths.sum()))
        flat = as_points(flat.reshape(-1, 2))  # checked as the brush checks each stroke's points
        r = np.array(radii, dtype=np.float64)
        if not (np.isfinite(r) & (r > 0)).all():  # the brush's own check says which radius it refuses
            r = np.array([check_radius(x) for x in radii], dtype=np.float64)
        x0, y0, x1, y1 = flat_boxes(grid, flat, lengths, r)
        keep = (x1 > x0) & (y1 > y0)  # a stroke off the grid paints nothing (as in PainMasks)
        if not keep.all():
            if not keep.any():
                return None
            flat, lengths, r = flat[np.repeat(keep, lengths)], lengths[keep], r[keep]
        stroke_owner = np.asarray(owners, dtype=np.int64)[keep]
        a, b, radius, seg_stroke = flat_segments(flat, lengths, r)
        rows, c0, c1, seg = capsule_spans(grid, a, b, radius)
        if not len(rows):
            return None
        base = rows * grid.cols
        runs = self.runs(view_id)
        return merged_runs(stroke_owner[seg_stroke[seg]], base + c0, base + c1, int(runs.starts[-1]))


def _by_view(drawings: list[Any]) -> dict[str, tuple[list, list, list]]:
    """Per view: the points, radii and drawing index of every stroke on it, in order."""
    out: dict[str, tuple[list, list, list]] = {}
    for d, drawing in enumerate(drawings):
        for mark in drawing.marks:
            found = out.get(mark.view)
            if found is None:
                found = out[mark.view] = ([], [], [])
            found[0].append(mark.points)
            found[1].append(mark.radius)
            found[2].append(d)
    return out


def _paint_counts(runs: ViewRuns, start: np.ndarray, end: np.ndarray) -> tuple[int, int, np.ndarray]:
    """How many of the runs cover each pixel of the body in the box they touch: (row, col) of its top-left pixel
    and the counts (int64; 0 off the body), the box only (the view's full grid is never allocated)."""
    cols = runs.cols
    r0 = int(start.min()) // cols
    r1 = (int(end.max()) - 1) // cols + 1
    offset, size = r0 * cols, (r1 - r0) * cols
    edges = np.bincount(start - offset, minlength=size + 1) - np.bincount(end - offset, minlength=size + 1)
    band = np.cumsum(edges[:size]).reshape(r1 - r0, cols)
    if ((end - 1) // cols != start // cols).any():  # a run across a row end: every column may be touched
        c0, c1 = 0, cols
    else:
        c0, c1 = int((start % cols).min()), int(((end - 1) % cols).max()) + 1
    box = band[:, c0:c1]
    box *= runs.body[r0:r1, c0:c1]
    return r0, c0, box


def batch_rows(scorer: ChunkScorer, drawings: list[tuple[Path, Any]], scores: bool) -> tuple[dict, list[DrawingRow]]:
    """The chunk counts and the CSV rows of stroke-only drawings ((path, Drawing) pairs), in order."""
    from painmap.aggregate_rows import DrawingRow
    from painmap.compare_results import SIDES

    counts, found = scorer.score([d for _, d in drawings], scores)
    comparator = scorer.comparator
    pattern_ids = list(comparator._patterns)
    order_key = {pid: pid for pid in pattern_ids}
    rows = []
    for (path, drawing), item in zip(drawings, found, strict=True):
        used = tuple(v for v, px in item["area"].items() if px)
        if item["scores"] is None:
            rows.append(DrawingRow(os.fspath(path), 0.0, {}, "", "", 0.0, {}, views_used=used, meta=drawing.meta))
            continue
        score, best = item["scores"]
        ranking = []
        for i, pid in enumerate(pattern_ids):
            k = int(best[i])
            ranking.append((pid, SIDES[k], float(score[i, k])))
        ranking.sort(key=lambda r: (-r[2], order_key[r[0]]))
        d_total = sum(item["area"][v] for v in item["compared"])
        top = ranking[0] if ranking else None
        has_best = top is not None and top[2] > 0
        rows.append(
            DrawingRow(
                path=os.fspath(path),
                extent_percent=_ratio(100.0 * d_total, item["silhouette"]),
                extent_by_view={
                    v: _ratio(100.0 * px, scorer.runs(v).silhouette_area) if px else 0.0
                    for v, px in item["area"].items()
                },
                best_pattern=top[0] if has_best else "",
                best_side=top[1] if has_best else "",
                best_score=float(top[2]) if has_best else 0.0,
                scores={pid: s for pid, _, s in ranking},
                views_used=used,
                sides={pid: side for pid, side, _ in ranking},
                meta=drawing.meta,
            )
        )
    return counts, rows


def _ratio(num: float, den: float) -> float:
    return float(num) / float(den) if den > 0 else 0.0
