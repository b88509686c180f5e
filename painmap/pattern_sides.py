"""A pattern on the other side of the body: its shapes mirrored (x -> width - x) into the mirror views.

Kept apart from the loader (painmap.patterns, with its SVG and TOML readers) so that showing a loaded pattern
on either side imports nothing more than the geometry.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from painmap import geometry
from painmap.errors import UnknownIdError

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.pattern_model import Pattern

__all__ = ["mirror_pattern", "on_side"]


def mirror_pattern(pattern: Pattern, atlas: Atlas) -> Pattern:
    """The pattern on the other side: x -> width - x in each view, views swapped with their mirrors."""

    def view_of(view_id: str):
        view = atlas.view(view_id)
        return view.mirror, view.width

    trigger_points = []
    for tp in pattern.trigger_points:
        target, width = view_of(tp.view)
        trigger_points.append(replace(tp, view=target, x=round(width - tp.x, 2)))
    zones = []
    for zone in pattern.zones:
        target, width = view_of(zone.view)
        zones.append(replace(zone, view=target, polygon=geometry.mirror_x(zone.polygon, width)))
    return replace(
        pattern,
        side="left" if pattern.side == "right" else "right",
        trigger_points=tuple(trigger_points),
        zones=tuple(zones),
    )


def on_side(pattern: Pattern, side: str, atlas: Atlas) -> Pattern:
    """The pattern with its shapes on `side` ("left" or "right")."""
    if side not in ("left", "right"):
        raise UnknownIdError(f"unknown side {side!r} (use left or right)")
    return pattern if pattern.side == side else mirror_pattern(pattern, atlas)
