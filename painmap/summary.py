"""What a drawing says in a few plain facts: its date in local time, how intense the shaded pain is, which pain
qualities were drawn, which strokes fall outside the body. Shared by the report and (later) the app.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TR_NOOP

from painmap.drawing import Fill, Lasso, Stroke
from painmap.i18n import decimal, month_name, tr

if TYPE_CHECKING:
    from painmap.drawing import Drawing
    from painmap.raster import PainMasks

__all__ = [
    "IntensitySummary",
    "intensity_summary",
    "local_time_text",
    "parse_created",
    "qualities",
    "qualities_text",
]


def parse_created(created: str) -> datetime | None:
    """The `created` timestamp as an aware datetime (naive ones are taken as UTC); None when missing or bad."""
    if not created:
        return None
    try:
        when = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


def local_time_text(created: str, tz=None) -> str:
    """'23 November 2026, 11:00 CET (UTC+01:00)': the time in the computer's zone (or `tz`), with the zone
    (the date in the current language)."""
    when = parse_created(created)
    if when is None:
        return created or tr(QT_TR_NOOP("date not recorded"))
    local = when.astimezone(tz)
    offset = local.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    name = local.tzname() or ""
    zone = f"{name} ({offset})" if name and not name.startswith(("UTC", "+", "-")) else offset
    date = tr(QT_TR_NOOP("{day} {month} {year}")).format(day=local.day, month=month_name(local.month), year=local.year)
    return f"{date}, {local.strftime('%H:%M')} {zone}"


@dataclass(frozen=True)
class IntensitySummary:
    """Intensities of the shaded pixels (what counts), weighted by area."""

    low: int
    high: int
    mean: float
    most: int  # the intensity covering the largest area

    def text(self) -> str:
        """'Intensity 3 to 7 of 10 (mostly 5; average 4.6)', in the current language."""
        if self.low == self.high:
            return tr(QT_TR_NOOP("Intensity {low} of 10 everywhere shaded")).format(low=self.low)
        return tr(QT_TR_NOOP("Intensity {low} to {high} of 10 (mostly {most}; average {mean})")).format(
            low=self.low, high=self.high, most=self.most, mean=decimal(self.mean)
        )


def intensity_summary(masks: PainMasks) -> IntensitySummary | None:
    """The area-weighted intensity of the painted pixels over every view; None for an empty drawing."""
    counts = np.zeros(11, dtype=np.int64)
    for view in masks.views_used():
        counts += np.bincount(np.asarray(masks.intensity(view)).ravel(), minlength=11)[:11]
    counts[0] = 0
    total = int(counts.sum())
    if total == 0:
        return None
    levels = np.nonzero(counts)[0]
    mean = float((np.arange(11) * counts).sum() / total)
    return IntensitySummary(int(levels[0]), int(levels[-1]), mean, int(np.argmax(counts)))


def qualities(drawing: Drawing, skip: set[int] | frozenset[int] = frozenset()) -> list[tuple[str, int]]:
    """(quality, number of marks) of the strokes, fills and lassos, most used first; marks in `skip` are left out."""
    used = Counter(
        mark.quality
        for k, mark in enumerate(drawing.marks)
        if isinstance(mark, Stroke | Fill | Lasso) and k not in skip
    )
    return sorted(used.items(), key=lambda item: (-item[1], item[0]))


def qualities_text(items: list[tuple[str, int]]) -> str:
    """'Felt as: aching (4 marks), dull (1 mark)', in the current language."""
    from painmap.vocabulary import quality_word

    if not items:
        return ""
    one, many = tr(QT_TR_NOOP("{quality} (1 mark)")), tr(QT_TR_NOOP("{quality} ({count} marks)"))
    parts = [(one if n == 1 else many).format(quality=quality_word(q), count=n) for q, n in items]
    return tr(QT_TR_NOOP("Felt as: {qualities}")).format(qualities=", ".join(parts))
