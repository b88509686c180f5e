"""Group comparison of `aggregate --group-by META_KEY --groups-csv OUT.csv`: region by region, like CHOIR studies.

A drawing **shades** an atlas region when it covers at least `region_share` (default 5 %) of the region's pixels
on some view. For every region the table gives, per group, how many drawings shade it and their share, the
difference between the groups, and a test of "the share is the same in every group": Fisher's exact test for two
groups when an expected count is under 5, else Pearson's chi-square (no continuity correction), with the
Benjamini–Hochberg false-discovery-rate correction over all regions (q values). scipy.stats does the tests
(`painmap[stats]`). The difference map of two groups is drawn by painmap.figures.group_map.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from painmap.errors import PainmapError

if TYPE_CHECKING:
    from painmap.raster import PainMasks

__all__ = [
    "ALPHA",
    "MISSING",
    "REGION_SHARE",
    "GroupCounter",
    "GroupError",
    "GroupTable",
    "fdr",
    "group_of",
    "region_coverage",
    "region_test",
    "write_groups_csv",
]

REGION_SHARE = 0.05
MISSING = ""  # drawings without the meta key are left out of the comparison (and counted)
ALPHA = 0.05


class GroupError(PainmapError):
    """A group comparison that cannot be made (one group only, scipy missing, a bad share)."""


def region_coverage(masks: PainMasks) -> dict[str, float]:
    """For every region the drawing touches: the largest share of its pixels covered on any view."""
    out: dict[str, float] = {}
    for view_id in masks.views_used():
        vm = masks.atlas_masks.view(view_id)
        rows, cols = masks.extent(view_id).slices
        painted = vm.labels[rows, cols][masks.intensity(view_id)[rows, cols] != 0]
        hits = np.bincount(painted.astype(np.int64), minlength=len(vm.region_ids) + 1)
        for k in np.flatnonzero(hits[1:]) + 1:
            region = vm.region_ids[k - 1]
            share = float(hits[k]) / _region_pixels(vm)[k]
            out[region] = max(out.get(region, 0.0), share)
    return out


_PIXELS: dict[int, tuple[object, np.ndarray]] = {}


def _region_pixels(vm) -> np.ndarray:
    """Pixels per label of a view's masks (computed once per ViewMasks)."""
    hit = _PIXELS.get(id(vm))
    if hit is None or hit[0] is not vm:
        counts = np.maximum(1, np.bincount(vm.labels.ravel().astype(np.int64), minlength=len(vm.region_ids) + 1))
        hit = _PIXELS[id(vm)] = (vm, counts)
    return hit[1]


def group_of(meta: dict, key: str) -> str:
    """The drawing's group: its meta value as text ("" when it has none)."""
    value = meta.get(key)
    if value is None:
        return MISSING
    return value if isinstance(value, str) else str(value)


@dataclass
class GroupTable:
    """Per region and group: drawings shading it; the tests and their FDR-corrected q values."""

    key: str
    groups: list[str]  # sorted
    n: dict[str, int]  # drawings per group
    regions: list[str]
    shaded: np.ndarray  # (n_regions, n_groups) counts
    tests: list[str] = field(default_factory=list)
    p: np.ndarray = field(default_factory=lambda: np.zeros(0))
    q: np.ndarray = field(default_factory=lambda: np.zeros(0))
    n_missing: int = 0

    def share(self) -> np.ndarray:
        totals = np.array([self.n[g] for g in self.groups], dtype=float)
        return self.shaded / totals[None, :]


class GroupCounter:
    """Collects, per group, how many drawings shade each region (fed row by row during the aggregation)."""

    def __init__(self, key: str, region_share: float = REGION_SHARE) -> None:
        if not 0.0 < region_share <= 1.0:
            raise GroupError(f"--region-share must be in (0, 1], not {region_share!r}")
        self.key, self.region_share = key, region_share
        self.n: dict[str, int] = {}
        self.shaded: dict[str, dict[str, int]] = {}
        self.n_missing = 0

    def add(self, meta: dict, coverage: dict[str, float]) -> None:
        group = group_of(meta, self.key)
        if group == MISSING:
            self.n_missing += 1
            return
        self.n[group] = self.n.get(group, 0) + 1
        counts = self.shaded.setdefault(group, {})
        for region, share in coverage.items():
            if share >= self.region_share:
                counts[region] = counts.get(region, 0) + 1

    def table(self, region_ids: Sequence[str]) -> GroupTable:
        """The counts as a table over every atlas region, with the tests."""
        groups = sorted(self.n)
        if len(groups) < 2:
            found = f"only {groups[0]!r}" if groups else "none"
            raise GroupError(f"--group-by {self.key}: needs at least two groups of drawings (found {found})")
        shaded = np.array([[self.shaded.get(g, {}).get(r, 0) for g in groups] for r in region_ids], dtype=np.int64)
        table = GroupTable(self.key, groups, dict(self.n), list(region_ids), shaded, n_missing=self.n_missing)
        table.tests, table.p = zip(*(region_test(row, [self.n[g] for g in groups]) for row in shaded), strict=True)
        table.tests, table.p = list(table.tests), np.array(table.p, dtype=float)
        table.q = fdr(table.p)
        return table


def _stats():
    try:
        import scipy.stats
    except ImportError:
        raise GroupError("--group-by needs scipy for its tests: pip install 'painmap[stats]'") from None
    return scipy.stats


def region_test(shaded: np.ndarray, totals: Sequence[int]) -> tuple[str, float]:
    """(test name, p value) for "the share of drawings shading this region is the same in every group"."""
    stats = _stats()
    shaded = np.asarray(shaded, dtype=np.int64)
    not_shaded = np.asarray(totals, dtype=np.int64) - shaded
    if shaded.sum() == 0 or not_shaded.sum() == 0:
        return "none", 1.0  # every drawing (or none) shades it: nothing differs
    table = np.vstack([shaded, not_shaded])
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    if table.shape[1] == 2 and expected.min() < 5:
        return "fisher", float(stats.fisher_exact(table).pvalue)
    return "chi-square", float(stats.chi2_contingency(table, correction=False).pvalue)


def fdr(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg q values."""
    if len(p) == 0:
        return p
    return np.asarray(_stats().false_discovery_control(np.asarray(p, dtype=float), method="bh"), dtype=float)


def _name(group: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", group) or "_"


def write_groups_csv(table: GroupTable, path) -> None:
    """The per-region table (one row per atlas region), atomically; pandas and R read it without options."""
    from painmap.atomic import atomic_write

    names = [_name(g) for g in table.groups]
    header = ["region"]
    for g in names:
        header += [f"n_{g}", f"shaded_{g}", f"share_{g}"]
    two = len(names) == 2
    header += [f"difference_{names[0]}_minus_{names[1]}" if two else "max_difference", "test", "p_value", "q_value"]
    share = table.share()
    with atomic_write(path, "w", newline="") as stream:
        out = csv.writer(stream, lineterminator="\n")
        out.writerow(header)
        for k, region in enumerate(table.regions):
            cells = [region]
            for j, g in enumerate(table.groups):
                cells += [str(table.n[g]), str(int(table.shaded[k, j])), f"{share[k, j]:.6f}"]
            diff = share[k, 0] - share[k, 1] if two else share[k].max() - share[k].min()
            cells += [f"{diff:.6f}", table.tests[k], f"{table.p[k]:.6g}", f"{table.q[k]:.6g}"]
            out.writerow(cells)
