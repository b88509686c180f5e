"""Patterns on any chart: the library is authored once, on its authoring chart, and carried by the landmark warp.

The pattern SVGs under resources/patterns/ are drawn over chart 1 of the male body (`AUTHORED_ON`). For an
atlas of another chart or body, `carried_library` loads and validates them on the authoring chart, then moves
every zone outline and trigger point with the same thin-plate-spline warp that carries drawings
(painmap.chart_versions.view_warp). One source of truth per zone; a hand edit of a pattern SVG reaches every
chart at once. Cached per atlas. docs/decisions.md ("Patterns carried at load time") records why.
"""

from __future__ import annotations

import inspect
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from painmap import chart_versions as cv

__all__ = [
    "AUTHORED_ON",
    "authored_on",
    "authoring_atlas",
    "carried_library",
    "carry_library",
    "carry_pattern",
    "clear_cache",
]

AUTHORED_ON = ("male", 1)  # the chart the bundled pattern SVGs are drawn on
_CACHE: dict[tuple[int, str], tuple[Any, Any]] = {}


def authored_on(atlas: Any) -> bool:
    """True when `atlas` is the chart the pattern SVGs are drawn on (they load as they are)."""
    return cv.chart_of(atlas) == AUTHORED_ON


def authoring_atlas() -> Any:
    """The atlas of the authoring chart (the multi-chart loader is asked for it by body and chart)."""
    from painmap import atlas as atlas_module

    params = inspect.signature(atlas_module.load_atlas).parameters
    if "body" in params and "chart" in params:
        body, chart = AUTHORED_ON
        return atlas_module.load_atlas(body=body, chart=chart)
    return atlas_module.load_atlas()


def carry_pattern(pattern, src: cv.ChartRecord, dst: cv.ChartRecord):
    """One pattern moved from chart `src` to chart `dst`: zone outlines and trigger points warped per view."""
    trigger_points = []
    for tp in pattern.trigger_points:
        warp = cv.view_warp(src, dst, tp.view)
        if warp is None:
            trigger_points.append(tp)
            continue
        ((x, y),) = warp(np.array([[tp.x, tp.y]]))
        trigger_points.append(replace(tp, x=round(float(x), 2), y=round(float(y), 2)))
    zones = []
    for zone in pattern.zones:
        warp = cv.view_warp(src, dst, zone.view)
        zones.append(zone if warp is None else replace(zone, polygon=warp(zone.polygon)))
    return replace(pattern, trigger_points=tuple(trigger_points), zones=tuple(zones))


def carry_library(library, src: cv.ChartRecord, dst: cv.ChartRecord):
    """Every pattern of `library` carried from chart `src` to chart `dst` (its load problems are kept)."""
    patterns = {pid: carry_pattern(p, src, dst) for pid, p in library.patterns.items()}
    return replace(library, patterns=patterns)


def carried_library(atlas: Any, folder: Path, load) -> Any:
    """The pattern library of `folder` on `atlas`'s chart: loaded on the authoring chart by `load`, then warped."""
    key = (id(atlas), str(folder.resolve()))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is atlas:
        return hit[1]
    source = authoring_atlas()
    src = cv.chart_record(*AUTHORED_ON) or cv.atlas_record(source)  # the released record knows what is off
    library = carry_library(load(source, folder), src, cv.atlas_record(atlas))
    _CACHE[key] = (atlas, library)
    return library


def clear_cache() -> None:
    """Forget carried libraries."""
    _CACHE.clear()
