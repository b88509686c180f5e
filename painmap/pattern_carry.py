"""Patterns on any chart: each view's SVG is authored once, on its authoring chart, and carried by the warp.

A pattern view SVG names the chart it is drawn over in its root's `painmap:chart` attribute ("male-2"); without
one it is drawn over chart 1 of the male body (`AUTHORED_ON`: the bundled back and side views, and every file
of painmap 0.1). The loader (painmap.patterns.load_pattern) reads and validates each view on its own authoring
chart, then moves its zone outlines and trigger points onto the chart asked for with the thin-plate-spline
warp that carries drawings (painmap.chart_versions.view_warp): the front views drawn on the male chart 2 reach
the female chart 2 this way, the back views drawn on chart 1 reach both. One source of truth per zone; a hand
edit of a pattern SVG reaches every chart at once. docs/decisions.md ("Patterns carried at load time").
"""

from __future__ import annotations

import inspect
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from painmap import chart_versions as cv

__all__ = [
    "AUTHORED_ON",
    "authored_on",
    "authoring_atlas",
    "carry_library",
    "carry_pattern",
    "carry_view",
    "svg_chart",
]

AUTHORED_ON = ("male", 1)  # the chart a pattern SVG without `painmap:chart` is drawn on
_CHART_ATTR = re.compile(rb'painmap:chart\s*=\s*"([a-z]+)-([0-9]+)"')
_HEAD_BYTES = 4096  # the attribute sits on the root element, in the file's head


def authored_on(atlas: Any) -> bool:
    """True when `atlas` is the chart the pattern SVGs are drawn on (they load as they are)."""
    return cv.chart_of(atlas) == AUTHORED_ON


def authoring_atlas(chart: tuple[str, int] = AUTHORED_ON) -> Any:
    """The atlas of an authoring chart (the multi-chart loader is asked for it by body and chart)."""
    from painmap import atlas as atlas_module

    params = inspect.signature(atlas_module.load_atlas).parameters
    if "body" in params and "chart" in params:
        body, number = chart
        return atlas_module.load_atlas(body=body, chart=number)
    return atlas_module.load_atlas()


def svg_chart(path: Path) -> tuple[str, int]:
    """(body, chart) a pattern view SVG is drawn over: its root's `painmap:chart`, else `AUTHORED_ON`."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD_BYTES)
    except OSError:
        return AUTHORED_ON  # the reader reports the file itself
    root = head.split(b"<svg", 1)[-1].split(b">", 1)[0]
    found = _CHART_ATTR.search(root)
    return (found.group(1).decode(), int(found.group(2))) if found else AUTHORED_ON


def carry_view(trigger_points, zones, source: Any, target: Any, view_id: str):
    """One view's trigger points and zones moved from the `source` atlas's chart onto the `target` atlas's."""
    src = cv.chart_record(*cv.chart_of(source)) or cv.atlas_record(source)  # a released record knows what is off
    warp = cv.view_warp(src, cv.atlas_record(target), view_id)
    if warp is None or warp.identity:
        return list(trigger_points), list(zones)
    moved = []
    for tp in trigger_points:
        ((x, y),) = warp(np.array([[tp.x, tp.y]]))
        moved.append(replace(tp, x=round(float(x), 2), y=round(float(y), 2)))
    return moved, [replace(zone, polygon=warp(zone.polygon)) for zone in zones]


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
