"""Referral patterns (muscle trigger-point maps, the SI joint) on the atlas frame; loaded from resources/patterns.

The loader is filled in by the pattern work; the model classes below are the contract everyone codes against.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from painmap.errors import UnknownIdError

ZONE_KINDS = ("essential", "spillover")
PATTERN_KINDS = ("muscle", "joint")


@dataclass(frozen=True)
class TriggerPoint:
    id: str  # trp1, trp2, ...
    view: str
    x: float
    y: float
    label: str = ""  # "TrP1"
    note: str = ""  # where it is, in words


@dataclass(frozen=True, eq=False)
class Zone:
    view: str
    kind: str  # essential | spillover
    trigger_point: str  # id of the TrP that refers here ("" for a joint)
    polygon: np.ndarray  # (N, 2) mm on `view`, stored side
    bilateral: bool = False  # applies to both sides (listed once, stored side's coordinates)
    weight: float = 1.0  # graded zones: frequency in (0, 1] (e.g. Slipman's percentages)
    label: str = ""


@dataclass(frozen=True)
class Pattern:
    id: str
    name: str
    kind: str  # muscle | joint
    side: str  # the side the shapes are stored for: "right"
    innervation: str
    trigger_points: tuple[TriggerPoint, ...]
    zones: tuple[Zone, ...]
    sources: tuple[str, ...]
    summary: str = ""
    action: str = ""
    aggravating: tuple[str, ...] = ()
    perpetuating: tuple[str, ...] = ()
    examination: tuple[str, ...] = ()
    differentials: tuple[str, ...] = ()
    self_care: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class PatternProblem:
    """A pattern file that did not load: shown to the user, the rest of the library still loads."""

    path: str
    pattern: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.pattern}: {self.message}"


@dataclass(frozen=True)
class PatternLibrary:
    patterns: dict[str, Pattern]
    problems: tuple[PatternProblem, ...] = ()

    def get(self, pattern_id: str) -> Pattern:
        try:
            return self.patterns[pattern_id]
        except KeyError:
            known = ", ".join(sorted(self.patterns))
            raise UnknownIdError(f"unknown pattern {pattern_id!r} (known: {known})") from None
