"""Pain drawings: marks, the drawing document, load/save/validate (schema and limits).

The mark classes below are the contract; loading, validation and saving are filled in by the drawing work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Pain qualities a mark may carry (documented in docs/format.md).
QUALITIES = (
    "aching",
    "burning",
    "stabbing",
    "tingling",
    "numbness",
    "throbbing",
    "cramping",
    "shooting",
    "dull",
    "sharp",
)
DEFAULT_QUALITY = "aching"
INTENSITY_RANGE = (1, 10)

Point = tuple[float, float]


@dataclass(frozen=True)
class Stroke:
    """Brush stroke: discs of `radius` mm swept along the polyline `points` (mm, in `view`'s frame)."""

    view: str
    radius: float
    intensity: int
    quality: str
    points: tuple[Point, ...]
    type: str = field(default="stroke", init=False)


@dataclass(frozen=True)
class Fill:
    """Fill of one atlas region, exactly its mask."""

    view: str
    region: str
    intensity: int
    quality: str
    type: str = field(default="fill", init=False)


@dataclass(frozen=True)
class Erase:
    """Eraser stroke: removes pain (and its intensity) under the swept discs."""

    view: str
    radius: float
    points: tuple[Point, ...]
    type: str = field(default="erase", init=False)


Mark = Stroke | Fill | Erase


@dataclass
class Drawing:
    """An ordered list of marks plus free metadata; marks apply in order."""

    marks: list[Mark] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    created: str = ""  # ISO 8601 UTC, set on first save when empty
