"""Referral patterns, the model: trigger points, zones, patterns, the library, and their vocabulary."""

from __future__ import annotations

from dataclasses import field

import numpy as np

from painmap.errors import UnknownIdError
from painmap.records import FACTORY, record

__all__ = [
    "PATTERN_KINDS",
    "ZONE_KINDS",
    "Pattern",
    "PatternLibrary",
    "PatternProblem",
    "TriggerPoint",
    "Zone",
]

ZONE_KINDS = ("essential", "spillover")
PATTERN_KINDS = ("muscle", "joint", "learned")  # learned: made by painmap.learn from drawings


@record(frozen=True)
class TriggerPoint:
    """A trigger point of a pattern: a point (mm) on one view, with its label and notes."""

    id: str  # trp1, trp2, ...
    view: str
    x: float
    y: float
    label: str = ""  # "TrP1"
    note: str = ""  # where it is, in words
    hint: str = ""  # where to look when no chart view shows its muscle there, e.g. "best seen from the front"

    def __init__(self, id: str, view: str, x: float, y: float, label: str = "", note: str = "", hint: str = "") -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "id", id)
        set_field(self, "view", view)
        set_field(self, "x", x)
        set_field(self, "y", y)
        set_field(self, "label", label)
        set_field(self, "note", note)
        set_field(self, "hint", hint)


@record(frozen=True, eq=False)
class Zone:
    """A zone of referred pain: a polygon (mm) on one view, essential or spillover, with its weight."""

    view: str
    kind: str  # essential | spillover
    trigger_point: str  # id of the TrP that refers here ("" for a joint, or for all TrPs of the pattern)
    polygon: np.ndarray  # (N, 2) mm on `view`, stored side
    bilateral: bool = False  # applies to both sides (listed once, stored side's coordinates)
    weight: float = 1.0  # graded zones: frequency in (0, 1] (e.g. Slipman's percentages)
    label: str = ""
    id: str = ""  # the SVG element's id, e.g. "trp1-essential" (unique within the pattern)

    def __init__(
        self,
        view: str,
        kind: str,
        trigger_point: str,
        polygon: np.ndarray,
        bilateral: bool = False,
        weight: float = 1.0,
        label: str = "",
        id: str = "",
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "view", view)
        set_field(self, "kind", kind)
        set_field(self, "trigger_point", trigger_point)
        set_field(self, "polygon", polygon)
        set_field(self, "bilateral", bilateral)
        set_field(self, "weight", weight)
        set_field(self, "label", label)
        set_field(self, "id", id)


@record(frozen=True)
class Pattern:
    """A referral pattern: its trigger points and zones on the stored side, with its texts and sources."""

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
    # Translations: language -> {text key: text, "trigger_points": {id: {label, note, hint}}} (pattern_texts.py).
    texts: dict = field(default_factory=dict, compare=False)

    def __init__(
        self,
        id: str,
        name: str,
        kind: str,
        side: str,
        innervation: str,
        trigger_points: tuple[TriggerPoint, ...],
        zones: tuple[Zone, ...],
        sources: tuple[str, ...],
        summary: str = "",
        action: str = "",
        aggravating: tuple[str, ...] = (),
        perpetuating: tuple[str, ...] = (),
        examination: tuple[str, ...] = (),
        differentials: tuple[str, ...] = (),
        self_care: tuple[str, ...] = (),
        notes: tuple[str, ...] = (),
        extra: dict = FACTORY,
        texts: dict = FACTORY,
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "id", id)
        set_field(self, "name", name)
        set_field(self, "kind", kind)
        set_field(self, "side", side)
        set_field(self, "innervation", innervation)
        set_field(self, "trigger_points", trigger_points)
        set_field(self, "zones", zones)
        set_field(self, "sources", sources)
        set_field(self, "summary", summary)
        set_field(self, "action", action)
        set_field(self, "aggravating", aggravating)
        set_field(self, "perpetuating", perpetuating)
        set_field(self, "examination", examination)
        set_field(self, "differentials", differentials)
        set_field(self, "self_care", self_care)
        set_field(self, "notes", notes)
        set_field(self, "extra", {} if extra is FACTORY else extra)
        set_field(self, "texts", {} if texts is FACTORY else texts)

    @property
    def views(self) -> tuple[str, ...]:
        """Views the pattern draws on, in first-use order (zones, then trigger points)."""
        seen: dict[str, None] = {}
        for item in (*self.zones, *self.trigger_points):
            seen.setdefault(item.view, None)
        return tuple(seen)

    @property
    def bilateral(self) -> bool:
        """True when any zone applies to both sides."""
        return any(z.bilateral for z in self.zones)

    def trigger_point(self, tp_id: str) -> TriggerPoint:
        """The trigger point with this id, or UnknownIdError."""
        for tp in self.trigger_points:
            if tp.id == tp_id:
                return tp
        raise UnknownIdError(f"pattern {self.id!r} has no trigger point {tp_id!r}")

    def zones_for(self, view: str | None = None, trigger_point: str | None = None, kind: str | None = None):
        """Zones filtered by view, trigger point (zones with no TrP belong to every TrP) and kind."""
        return tuple(
            z
            for z in self.zones
            if (view is None or z.view == view)
            and (trigger_point is None or z.trigger_point in ("", trigger_point))
            and (kind is None or z.kind == kind)
        )


@record(frozen=True)
class PatternProblem:
    """A pattern file that did not load: shown to the user, the rest of the library still loads."""

    path: str
    pattern: str
    message: str

    def __init__(self, path: str, pattern: str, message: str) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "path", path)
        set_field(self, "pattern", pattern)
        set_field(self, "message", message)

    def __str__(self) -> str:
        return f"{self.path}: {self.pattern}: {self.message}"


@record(frozen=True)
class PatternLibrary:
    """The patterns by id, and the pattern files that did not load."""

    patterns: dict[str, Pattern]
    problems: tuple[PatternProblem, ...] = ()

    def __init__(self, patterns: dict[str, Pattern], problems: tuple[PatternProblem, ...] = ()) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "patterns", patterns)
        set_field(self, "problems", problems)

    def get(self, pattern_id: str) -> Pattern:
        try:
            return self.patterns[pattern_id]
        except KeyError:
            known = ", ".join(sorted(self.patterns))
            raise UnknownIdError(f"unknown pattern {pattern_id!r} (known: {known})") from None

    def __iter__(self):
        return iter(self.patterns.values())

    def __len__(self) -> int:
        return len(self.patterns)

    def __contains__(self, pattern_id: object) -> bool:
        return pattern_id in self.patterns
