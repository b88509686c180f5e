"""Comparison results: what the comparator reports for one drawing, and its JSON shape (DESIGN.md `compare`)."""

from __future__ import annotations

from dataclasses import field

from painmap.errors import PainmapError
from painmap.grid import DEFAULT_PX_PER_MM
from painmap.records import FACTORY, record

__all__ = [
    "JSON_DIGITS",
    "OTHER_ZONE",
    "SIDES",
    "SPILLOVER_WEIGHT",
    "Comparison",
    "PatternResult",
    "Scores",
    "result_to_json",
    "to_json",
]

SIDES = ("right", "left", "both")  # ties between sides go to the first
SPILLOVER_WEIGHT = 0.5  # a spillover pixel counts half as much as an essential one in `score`
OTHER_ZONE = "other"  # silhouette pixels outside every atlas region (none in a well-made atlas)
JSON_DIGITS = 6


@record(frozen=True)
class PatternResult:
    """How one pattern, on its best side, compares with the drawing. All numbers are in [0, 1]."""

    pattern: str
    side: str  # right | left | both
    score: float
    dice: float
    jaccard: float
    essential_coverage: float
    spillover_coverage: float
    precision: float
    outside_fraction: float
    zones: dict[str, float]  # atlas zone -> |D ∩ P ∩ Z| / |P ∩ Z|, largest |P ∩ Z| first
    name: str = ""
    side_scores: dict[str, float] = field(default_factory=dict)  # score on every side tried
    essential_area_mm2: float = 0.0  # |E| on the views compared (0: no essential zone there)
    spillover_area_mm2: float = 0.0  # |S| on the views compared

    def __init__(
        self,
        pattern: str,
        side: str,
        score: float,
        dice: float,
        jaccard: float,
        essential_coverage: float,
        spillover_coverage: float,
        precision: float,
        outside_fraction: float,
        zones: dict[str, float],
        name: str = "",
        side_scores: dict[str, float] = FACTORY,
        essential_area_mm2: float = 0.0,
        spillover_area_mm2: float = 0.0,
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "pattern", pattern)
        set_field(self, "side", side)
        set_field(self, "score", score)
        set_field(self, "dice", dice)
        set_field(self, "jaccard", jaccard)
        set_field(self, "essential_coverage", essential_coverage)
        set_field(self, "spillover_coverage", spillover_coverage)
        set_field(self, "precision", precision)
        set_field(self, "outside_fraction", outside_fraction)
        set_field(self, "zones", zones)
        set_field(self, "name", name)
        set_field(self, "side_scores", {} if side_scores is FACTORY else side_scores)
        set_field(self, "essential_area_mm2", essential_area_mm2)
        set_field(self, "spillover_area_mm2", spillover_area_mm2)

    @property
    def pattern_area_mm2(self) -> float:
        """|P| on the views compared (0: the pattern has no zones there)."""
        return self.essential_area_mm2 + self.spillover_area_mm2


@record(frozen=True)
class Comparison:
    """The whole library against one drawing: results best first (ties by pattern id)."""

    extent_percent: float  # painted area / silhouette area over `views`, in %
    extent_by_view: dict[str, float]  # the same per view (every view of the atlas)
    results: tuple[PatternResult, ...]
    views: tuple[str, ...]  # the views compared over
    px_per_mm: float = DEFAULT_PX_PER_MM

    def __init__(
        self,
        extent_percent: float,
        extent_by_view: dict[str, float],
        results: tuple[PatternResult, ...],
        views: tuple[str, ...],
        px_per_mm: float = DEFAULT_PX_PER_MM,
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "extent_percent", extent_percent)
        set_field(self, "extent_by_view", extent_by_view)
        set_field(self, "results", results)
        set_field(self, "views", views)
        set_field(self, "px_per_mm", px_per_mm)

    @property
    def best(self) -> PatternResult | None:
        return self.results[0] if self.results else None

    def result(self, pattern_id: str) -> PatternResult:
        """The result of one pattern (PainmapError when it was not compared)."""
        for r in self.results:
            if r.pattern == pattern_id:
                return r
        raise PainmapError(f"pattern {pattern_id!r} is not in this comparison")


@record(frozen=True)
class Scores:
    """The library's scores against one drawing without the other metrics (`Comparator.scores`): the same
    scores, sides and order as `Comparator.compare`, at a fraction of the cost (the CSV of `painmap aggregate`)."""

    extent_percent: float
    extent_by_view: dict[str, float]
    ranking: tuple[tuple[str, str, float], ...]  # (pattern, best side, score), best first (ties by pattern id)
    views: tuple[str, ...]
    side_scores: dict[str, dict[str, float]] = field(default_factory=dict)  # pattern -> side -> score

    def __init__(
        self,
        extent_percent: float,
        extent_by_view: dict[str, float],
        ranking: tuple[tuple[str, str, float], ...],
        views: tuple[str, ...],
        side_scores: dict[str, dict[str, float]] = FACTORY,
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "extent_percent", extent_percent)
        set_field(self, "extent_by_view", extent_by_view)
        set_field(self, "ranking", ranking)
        set_field(self, "views", views)
        set_field(self, "side_scores", {} if side_scores is FACTORY else side_scores)


def result_to_json(result: PatternResult) -> dict:
    """One result in the DESIGN.md `compare` shape (plus the pattern's name and every side's score)."""
    r = JSON_DIGITS
    return {
        "pattern": result.pattern,
        "name": result.name,
        "side": result.side,
        "score": round(result.score, r),
        "dice": round(result.dice, r),
        "jaccard": round(result.jaccard, r),
        "essential_coverage": round(result.essential_coverage, r),
        "spillover_coverage": round(result.spillover_coverage, r),
        "precision": round(result.precision, r),
        "outside_fraction": round(result.outside_fraction, r),
        "zones": {z: round(c, r) for z, c in result.zones.items()},
        "side_scores": {s: round(c, r) for s, c in result.side_scores.items()},
        "essential_area_mm2": round(result.essential_area_mm2, 1),
        "spillover_area_mm2": round(result.spillover_area_mm2, 1),
    }


def to_json(comparison: Comparison) -> dict:
    """The `painmap compare --format json` document."""
    return {
        "extent_percent": round(comparison.extent_percent, JSON_DIGITS),
        "extent_by_view": {v: round(x, JSON_DIGITS) for v, x in comparison.extent_by_view.items()},
        "views": list(comparison.views),
        "px_per_mm": comparison.px_per_mm,
        "results": [result_to_json(r) for r in comparison.results],
    }
