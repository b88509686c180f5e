"""Honest leave-one-out classification of labelled drawings (Pain2D's method, Wester 2020).

For each drawing, every label's template is the frequency map of the OTHER drawings of that label (a drawing
never takes part in its own template); the drawing gets the label whose template is most similar by the
weighted-Jaccard (Ružička) similarity Σ min(d, t) / Σ max(d, t), d the drawing's 0/1 mask and t the template's
share of drawings per pixel. With d binary that is A / (n |D| + T − A), where A is the sum of the label's
counts over the drawing's pixels, T the sum of all its counts and n its number of drawings: per-label count
sums minus the held-out drawing give every leave-one-out template without building it (docs/metrics.md).

`against_library=True` classifies by the stored patterns instead (labels are pattern ids; the score of
`painmap compare` ranks them), with nothing learned.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap.errors import PainmapError
from painmap.raster import DEFAULT_PX_PER_MM

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.cohort import Pixels
    from painmap.patterns import PatternLibrary

__all__ = [
    "JSON_DIGITS",
    "MAX_LABELS_FILE_BYTES",
    "SIMILARITY",
    "EvaluateError",
    "Evaluation",
    "evaluate",
    "loo_scores",
    "read_labels",
    "roc_auc",
    "roc_curve",
    "to_json",
]

MAX_LABELS_FILE_BYTES = 50 * 1024 * 1024
SIMILARITY = "ruzicka"  # the weighted Jaccard of Pain2D
JSON_DIGITS = 6


class EvaluateError(PainmapError):
    """A labels file that cannot be evaluated."""


@dataclass
class Evaluation:
    """Leave-one-out (or library) classification of labelled drawings."""

    labels: list[str]  # sorted
    paths: list[str]
    truth: list[str]
    predicted: list[str]
    scores: np.ndarray  # (n_drawings, n_labels): each drawing's similarity to each label's template
    method: str  # "leave-one-out" | "library"
    similarity: str

    @property
    def accuracy(self) -> float:
        n = len(self.truth)
        return sum(t == p for t, p in zip(self.truth, self.predicted, strict=True)) / n if n else 0.0

    def confusion(self) -> np.ndarray:
        """Counts: row = true label, column = predicted label (both in `labels` order)."""
        index = {label: k for k, label in enumerate(self.labels)}
        out = np.zeros((len(self.labels), len(self.labels)), dtype=np.int64)
        for t, p in zip(self.truth, self.predicted, strict=True):
            out[index[t], index[p]] += 1
        return out

    def sensitivity(self) -> dict[str, float]:
        """Per label: drawings of the label classified as it / drawings of the label."""
        c = self.confusion()
        return {label: _ratio(c[k, k], c[k].sum()) for k, label in enumerate(self.labels)}

    def specificity(self) -> dict[str, float]:
        """Per label: drawings of other labels not classified as it / drawings of other labels."""
        c = self.confusion()
        total = c.sum()
        out = {}
        for k, label in enumerate(self.labels):
            negatives = total - c[k].sum()
            false_pos = c[:, k].sum() - c[k, k]
            out[label] = _ratio(negatives - false_pos, negatives)
        return out

    def auc(self) -> dict[str, float]:
        """One-vs-rest ROC AUC per label, ranking the drawings by their similarity to that label's template."""
        truth = np.array(self.truth)
        return {label: roc_auc(self.scores[:, k], truth == label) for k, label in enumerate(self.labels)}

    def roc(self, label: str) -> tuple[np.ndarray, np.ndarray]:
        """(false-positive rate, true-positive rate) of one label's one-vs-rest ROC curve."""
        k = self.labels.index(label)
        return roc_curve(self.scores[:, k], np.array(self.truth) == label)


def _ratio(num: float, den: float) -> float:
    return float(num) / float(den) if den > 0 else 0.0


def roc_auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Area under the ROC curve (Mann–Whitney U with tied scores counted half); NaN without both classes."""
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=np.float64)
    sorted_scores = scores[order]
    _, first, counts = np.unique(sorted_scores, return_index=True, return_counts=True)
    average = first + (counts + 1) / 2.0  # 1-based average rank of each run of ties
    ranks[order] = np.repeat(average, counts)
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def roc_curve(scores: np.ndarray, positive: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ROC points from the highest threshold down, (0, 0) first and (1, 1) last; ties form one step."""
    order = np.argsort(-scores, kind="mergesort")
    s, p = scores[order], positive[order]
    last = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]  # the end of each run of equal scores
    tp, fp = np.cumsum(p)[last], np.cumsum(~p)[last]
    n_pos, n_neg = max(1, int(p.sum())), max(1, int((~p).sum()))
    return np.r_[0.0, fp / n_neg], np.r_[0.0, tp / n_pos]


# --- the labels file ------------------------------------------------------------------------------------------


def read_labels(path: str | os.PathLike) -> list[tuple[Path, str]]:
    """(drawing path, label) rows of a CSV with columns `path,label`; relative paths are relative to the CSV."""
    source = Path(path)
    try:
        if source.stat().st_size > MAX_LABELS_FILE_BYTES:
            raise EvaluateError(f"{source}: larger than {MAX_LABELS_FILE_BYTES // 2**20} MB")
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else type(err).__name__
        raise EvaluateError(f"{source}: cannot read: {reason}") from None
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as err:
        raise EvaluateError(f"{source}: not a CSV file: {err}") from None
    if not rows:
        raise EvaluateError(f"{source}: empty; expected the columns path,label")
    header = [h.strip().lower() for h in rows[0]]
    if "path" not in header or "label" not in header:
        raise EvaluateError(f"{source}: the first line must name the columns path and label (found {rows[0]!r})")
    ip, il = header.index("path"), header.index("label")
    out = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(ip, il) or not row[ip].strip() or not row[il].strip():
            raise EvaluateError(f"{source}: line {line}: needs a path and a label")
        p = Path(row[ip].strip())
        out.append((p if p.is_absolute() else source.parent / p, row[il].strip()))
    if not out:
        raise EvaluateError(f"{source}: no labelled drawings")
    return out


# --- leave-one-out ---------------------------------------------------------------------------------------------


def loo_scores(
    drawings: Sequence[Pixels], truth: Sequence[str], labels: Sequence[str], holdout: bool = True
) -> np.ndarray:
    """(n_drawings, n_labels) Ružička similarity of each drawing to each label's template.

    With `holdout` (the honest default) a drawing's own mask is taken out of its label's template; without it
    the template includes the drawing (resubstitution, optimistic: only for showing the difference).
    """
    index = {label: k for k, label in enumerate(labels)}
    y = np.array([index[t] for t in truth], dtype=np.int64)
    views = sorted({v for d in drawings for v in d.views})
    offset, start = {}, 0
    for v in views:  # one flat pixel space over every view used
        offset[v] = start
        start += 1 + max(int(d.views[v].max()) for d in drawings if v in d.views and len(d.views[v]))
    flat = [
        np.concatenate([d.views[v].astype(np.int64) + offset[v] for v in d.views]) if d.views else np.zeros(0, np.int64)
        for d in drawings
    ]
    sizes = np.array([len(f) for f in flat], dtype=np.float64)
    k_labels = len(labels)
    sums = np.zeros((k_labels, start), dtype=np.int32)
    for f, label in zip(flat, y, strict=True):
        sums[label, f] += 1
    totals = sums.sum(axis=1, dtype=np.int64).astype(np.float64)  # T per label
    n_label = np.bincount(y, minlength=k_labels).astype(np.float64)
    hits = np.zeros((len(drawings), k_labels), dtype=np.float64)  # A: counts summed over the drawing's pixels
    for i, f in enumerate(flat):
        if len(f):
            hits[i] = sums[:, f].sum(axis=1, dtype=np.int64)
    a, t, n = hits.copy(), np.tile(totals, (len(drawings), 1)), np.tile(n_label, (len(drawings), 1))
    if holdout:
        rows = np.arange(len(drawings))
        a[rows, y] -= sizes
        t[rows, y] -= sizes
        n[rows, y] -= 1
    den = n * sizes[:, None] + t - a
    with np.errstate(divide="ignore", invalid="ignore"):
        sim = np.where((n > 0) & (den > 0), a / den, 0.0)
    return sim


def _predict(scores: np.ndarray, labels: Sequence[str]) -> list[str]:
    """The best-scoring label per drawing (ties to the first label in sorted order)."""
    return [labels[int(k)] for k in np.argmax(scores, axis=1)]


def evaluate(
    labels_csv: str | os.PathLike,
    *,
    against_library: bool = False,
    library: PatternLibrary | None = None,
    mirror: bool = True,
    px_per_mm: float = DEFAULT_PX_PER_MM,
    atlas: Atlas | None = None,
    executor: Any = None,
) -> Evaluation:
    """Classify the labelled drawings leave-one-out (or by the library's patterns) and keep every score."""
    from painmap.cohort_chart import target_atlas

    rows = read_labels(labels_csv)
    atlas = atlas if atlas is not None else target_atlas()  # the current male chart
    paths = [p for p, _ in rows]
    truth = [label for _, label in rows]
    labels = sorted(set(truth))
    if against_library:
        return _library_evaluation(paths, truth, labels, atlas, library)
    if len(labels) < 2:
        raise EvaluateError(f"{labels_csv}: needs at least two labels to classify (found {labels[0]!r} only)")
    from painmap.runner import read_pixels_all

    drawings = read_pixels_all(paths, px_per_mm, mirror, executor=executor, atlas=atlas)
    scores = loo_scores(drawings, truth, labels)
    return Evaluation(
        labels, [os.fspath(p) for p in paths], truth, _predict(scores, labels), scores, "leave-one-out", SIMILARITY
    )


def _library_evaluation(paths, truth, labels, atlas, library) -> Evaluation:
    """Labels are pattern ids: each drawing's score against each of those patterns (`compare`'s score)."""
    from painmap.cohort_chart import load_onto
    from painmap.compare import Comparator
    from painmap.patterns import load_patterns
    from painmap.raster import PainMasks

    library = library if library is not None else load_patterns(atlas)
    unknown = [label for label in labels if label not in library]
    if unknown:
        raise EvaluateError(
            f"with --against-library every label must be a pattern id; unknown: {', '.join(unknown[:5])}"
            f" (known: {', '.join(sorted(library.patterns))})"
        )
    comp = Comparator(atlas, library, DEFAULT_PX_PER_MM)  # the numbers of painmap compare
    scores = np.zeros((len(paths), len(labels)))
    for i, path in enumerate(paths):
        masks = PainMasks.from_drawing(load_onto(path, atlas), atlas, comp.px_per_mm)
        found = {pid: score for pid, _, score in comp.scores(masks, labels).ranking}
        scores[i] = [found[label] for label in labels]
    return Evaluation(
        labels, [os.fspath(p) for p in paths], truth, _predict(scores, labels), scores, "library", "score"
    )


# --- output ----------------------------------------------------------------------------------------------------


def to_json(ev: Evaluation) -> dict:
    """The `painmap evaluate --format json` document (keys accuracy, auc, confusion, ...)."""
    r = JSON_DIGITS

    def num(x: float) -> float | None:
        return None if np.isnan(x) else round(float(x), r)

    confusion = ev.confusion()
    return {
        "method": ev.method,
        "similarity": ev.similarity,
        "n_drawings": len(ev.truth),
        "labels": list(ev.labels),
        "accuracy": num(ev.accuracy),
        "chance": num(max(ev.truth.count(label) for label in ev.labels) / len(ev.truth)) if ev.truth else None,
        "auc": {label: num(x) for label, x in ev.auc().items()},
        "sensitivity": {label: num(x) for label, x in ev.sensitivity().items()},
        "specificity": {label: num(x) for label, x in ev.specificity().items()},
        "confusion": {
            "labels": list(ev.labels),
            "rows": "true label",
            "columns": "predicted label",
            "counts": confusion.tolist(),
        },
        "predictions": [
            {"path": p, "label": t, "predicted": q} for p, t, q in zip(ev.paths, ev.truth, ev.predicted, strict=True)
        ],
    }
