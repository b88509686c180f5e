"""The score arithmetic of the comparator, for one drawing or many at once with the same rounding.

`compare` (one drawing, every metric), `Comparator.scores` (one drawing, scores only) and the batched
aggregation (a chunk of drawings, painmap.aggregate_batch) all go through these functions: every sum is taken in
the same order whether an array holds one drawing or a hundred, so the numbers are identical bit for bit.
"""

from __future__ import annotations

import numpy as np

from painmap.compare_results import SIDES

__all__ = ["best_sides", "level_sum", "rank_all", "ratio", "side_scores"]


def level_sum(counts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Σ counts[..., l] · weights[l] over the levels l ≥ 1 (level 0 is "not in the pattern"), in level order."""
    acc = np.zeros(counts.shape[:-1], dtype=np.float64)
    for level in range(1, counts.shape[-1]):
        acc = acc + counts[..., level] * weights[level]
    return acc


def ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den elementwise, 0 where the denominator is not positive (no NaN anywhere)."""
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den > 0)


def side_scores(
    hit: np.ndarray, total: np.ndarray, weights: np.ndarray, d_total: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(score, |D ∩ P|, |P|) of one side of one pattern from pixel counts per level (int64, (..., levels)).

    score = Σ w·|D ∩ level| / (Σ w·|level| + |D \\ P|), the weighted Ružička similarity of docs/metrics.md.
    """
    dp = hit[..., 1:].sum(axis=-1)
    p = total[..., 1:].sum(axis=-1)
    score = ratio(level_sum(hit, weights), level_sum(total, weights) + (d_total - dp))
    return score, dp, p


def best_sides(score: np.ndarray, dice: np.ndarray, p_area: np.ndarray) -> np.ndarray:
    """Index into SIDES of the best side, arrays (..., len(SIDES)): the highest (score, dice, a single side,
    |P|), ties to the first side in SIDES order (see comparator._side_key)."""
    single = np.array([s != "both" for s in SIDES])
    keys = (score, dice, np.broadcast_to(single, score.shape), p_area)
    best = np.zeros(score.shape[:-1], dtype=np.int64)
    for k in range(1, len(SIDES)):
        greater = np.zeros(best.shape, dtype=bool)
        equal = np.ones(best.shape, dtype=bool)
        for key in keys:
            mine = key[..., k]
            theirs = np.take_along_axis(key, best[..., None], axis=-1)[..., 0]
            greater |= equal & (mine > theirs)
            equal &= mine == theirs
        best = np.where(greater, k, best)
    return best


def rank_all(
    columns: list[tuple[int, np.ndarray]], hit: np.ndarray, tot: np.ndarray, d_total: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Scores (n, patterns, sides) and best side indices (n, patterns) of n drawings: `columns` holds each
    pattern's first code and level weights (its sides' levels follow one another, in SIDES order), `hit` and `tot`
    the int64 counts per code (n, codes) of D ∩ P and P, `d_total` the painted pixels (n,)."""
    shape = (len(d_total), len(columns), len(SIDES))
    score, dice, p_area = np.zeros(shape), np.zeros(shape), np.zeros(shape, dtype=np.int64)
    for i, (offset, weights) in enumerate(columns):
        n_levels = len(weights)
        for k in range(len(SIDES)):
            part = slice(offset + k * n_levels, offset + (k + 1) * n_levels)
            score[:, i, k], dp, p_area[:, i, k] = side_scores(hit[:, part], tot[:, part], weights, d_total)
            dice[:, i, k] = ratio(2 * dp, d_total + p_area[:, i, k])
    return score, best_sides(score, dice, p_area)
