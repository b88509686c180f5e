"""What changed between two pain drawings of one person: new, gone and persisting shading.

Both drawings are rasterized on the same chart at the same resolution. They are compared over the union of the
views either uses (a view only one of them marks still counts: all its shading is new or gone). Percentages are
of the body chart's area over those views, as pain extent is. The per-view masks are kept for an overlay.

A person's own repeat drawing of the same pain, minutes apart, overlaps only by a Jaccard index of about
0.6-0.75 (Leoni et al. 2013; Barbero et al. 2017): smaller changes than that say little.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from painmap import vocabulary
from painmap.errors import PainmapError
from painmap.i18n import decimal, tr

if TYPE_CHECKING:
    from painmap.raster import PainMasks

__all__ = [
    "JSON_DIGITS",
    "REPEAT_JACCARD",
    "Change",
    "ViewChange",
    "check_same_body",
    "compare_change",
    "format_change",
]

JSON_DIGITS = 4
REPEAT_JACCARD = (0.6, 0.75)  # a person's own redrawing of the same pain (Leoni 2013; Barbero 2017)


@dataclass(frozen=True)
class ViewChange:
    """Boolean masks of one view: shaded only now (new), only before (gone), in both (persisting)."""

    view: str
    new: np.ndarray
    gone: np.ndarray
    persisting: np.ndarray


@dataclass(frozen=True)
class Change:
    """The change from an earlier drawing to a later one; percentages are of the body chart over `views`."""

    views: tuple[str, ...]
    jaccard: float  # |before ∩ after| / |before ∪ after|; 1.0 for the same drawing (two empty ones included)
    extent_before: float
    extent_after: float
    new_percent: float
    gone_percent: float
    persisting_percent: float
    by_view: dict[str, ViewChange] = field(default_factory=dict, repr=False)

    @property
    def unchanged(self) -> bool:
        return self.new_percent == 0 and self.gone_percent == 0

    def to_json(self) -> dict[str, Any]:
        """The `"change"` object of `painmap compare --with EARLIER --format json`."""
        r = lambda x: round(float(x), JSON_DIGITS)  # noqa: E731
        return {
            "jaccard": r(self.jaccard),
            "extent_before": r(self.extent_before),
            "extent_after": r(self.extent_after),
            "new_percent": r(self.new_percent),
            "gone_percent": r(self.gone_percent),
            "persisting_percent": r(self.persisting_percent),
            "views": list(self.views),
        }


def check_same_body(after: Any, before: Any, after_source: str = "drawing", before_source: str = "earlier") -> None:
    """Refuse (one line) two drawings made on different bodies' charts."""
    body_after, body_before = getattr(after, "body", "male"), getattr(before, "body", "male")
    if body_after != body_before:
        raise PainmapError(
            f"{before_source}: drawn on the {body_before} body chart and {after_source} on the {body_after} one; "
            "drawings of different bodies cannot be compared"
        )


def compare_change(before: PainMasks, after: PainMasks) -> Change:
    """New, gone and persisting shading from `before` to `after` (masks of one atlas at one resolution)."""
    if before.atlas is not after.atlas or before.px_per_mm != after.px_per_mm:
        raise PainmapError("the two drawings must be rasterized on the same chart at the same resolution")
    used = set(before.views_used()) | set(after.views_used())
    views = tuple(v for v in after.atlas.views if v in used)
    counts = {"before": 0, "after": 0, "new": 0, "gone": 0, "both": 0}
    body = 0
    by_view: dict[str, ViewChange] = {}
    for view in views:
        b, a = before.mask(view), after.mask(view)
        change = ViewChange(view, a & ~b, b & ~a, a & b)
        by_view[view] = change
        counts["before"] += int(np.count_nonzero(b))
        counts["after"] += int(np.count_nonzero(a))
        counts["new"] += int(np.count_nonzero(change.new))
        counts["gone"] += int(np.count_nonzero(change.gone))
        counts["both"] += int(np.count_nonzero(change.persisting))
        body += after.atlas_masks.view(view).silhouette_area
    union = counts["new"] + counts["gone"] + counts["both"]
    jaccard = counts["both"] / union if union else 1.0

    def pct(n: int) -> float:
        return 100.0 * n / body if body else 0.0

    return Change(views, jaccard, pct(counts["before"]), pct(counts["after"]), pct(counts["new"]),
                  pct(counts["gone"]), pct(counts["both"]), by_view)  # fmt: skip


def format_change(change: Change, earlier: str, titles: dict[str, str] | None = None) -> str:
    """The change in words, with the repeat-drawing caveat (in painmap.i18n's language: English on the command
    line, the window's language in the app)."""
    titles = titles or {}
    lines = [tr("Since the earlier drawing ({earlier}):").format(earlier=earlier)]
    if not change.views:
        lines.append("  " + tr("Neither drawing shades anything: nothing changed."))
    elif change.unchanged:
        lines.append("  " + tr("The shading is exactly the same: nothing changed."))
    else:
        shown = ", ".join(titles.get(v, v) for v in change.views)
        overlap = tr("How much the two drawings overlap: {percent} (Jaccard {jaccard}), over {views}")
        lines.append("  " + overlap.format(percent=vocabulary.percent(change.jaccard),
                                           jaccard=decimal(change.jaccard, 2), views=shown))  # fmt: skip
        shaded = tr("Shaded before: {before} % of the body chart; now: {after} %")
        lines.append("  " + shaded.format(before=decimal(change.extent_before), after=decimal(change.extent_after)))
        parts = tr("New: {new} %; gone: {gone} %; in both: {both} % of the body chart")
        lines.append("  " + parts.format(new=decimal(change.new_percent), gone=decimal(change.gone_percent),
                                         both=decimal(change.persisting_percent)))  # fmt: skip
        if change.jaccard >= REPEAT_JACCARD[0]:
            lines.append("  " + tr("This is within what redrawing the same pain gives."))
    lines += textwrap.wrap(tr(vocabulary.REPEAT_OVERLAP), 100, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines) + "\n"
