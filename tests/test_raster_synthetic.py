"""A small synthetic atlas and pattern library with hand-computable shapes (shared by the raster and compare tests).

posterior: 200 x 300 mm, body = the rectangle x 20-180, y 20-280 (midline x = 100), cut into
  back-left (20-90, 20-150), spine (90-110, 20-280, midline), back-right (110-180, 20-150),
  buttock-left (20-90, 150-280), buttock-right (110-180, 150-280).
lateral: 100 x 300 mm, the right side; body x 20-80, y 20-280: flank-right (y < 150), hip-right (y >= 150).
lateral-left: the mirror of lateral (x -> 100 - x, sides swapped).
"""

from __future__ import annotations

import numpy as np

from painmap.atlas import Atlas, Region, View
from painmap.geometry import mirror_x
from painmap.patterns import Pattern, PatternLibrary, TriggerPoint, Zone


def rect(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)


def _view(view_id, width, mirror, silhouette, regions) -> View:
    return View(
        id=view_id,
        title=view_id,
        width=width,
        height=300.0,
        mirror=mirror,
        silhouette=(silhouette,),
        regions=tuple(regions),
        landmarks=(),
        outlines=(),
        edge_labels=("L", "R"),
    )


def synthetic_atlas() -> Atlas:
    posterior = _view(
        "posterior",
        200.0,
        "posterior",
        rect(20, 20, 180, 280),
        [
            Region("back-left", "back", "left", rect(20, 20, 90, 150)),
            Region("spine", "spine", "midline", rect(90, 20, 110, 280)),
            Region("back-right", "back", "right", rect(110, 20, 180, 150)),
            Region("buttock-left", "buttock", "left", rect(20, 150, 90, 280)),
            Region("buttock-right", "buttock", "right", rect(110, 150, 180, 280)),
        ],
    )
    lateral_regions = [
        Region("flank-right", "flank", "right", rect(20, 20, 80, 150)),
        Region("hip-right", "hip", "right", rect(20, 150, 80, 280)),
    ]
    lateral = _view("lateral", 100.0, "lateral-left", rect(20, 20, 80, 280), lateral_regions)
    lateral_left = _view(
        "lateral-left",
        100.0,
        "lateral",
        mirror_x(rect(20, 20, 80, 280), 100.0),
        [Region(r.id.replace("-right", "-left"), r.zone, "left", mirror_x(r.polygon, 100.0)) for r in lateral_regions],
    )
    return Atlas({"posterior": posterior, "lateral": lateral, "lateral-left": lateral_left})


def pattern(pattern_id: str, zones: list[Zone], kind: str = "muscle") -> Pattern:
    return Pattern(
        id=pattern_id,
        name=pattern_id,
        kind=kind,
        side="right",
        innervation="",
        trigger_points=(TriggerPoint("trp1", "posterior", 130.0, 60.0),),
        zones=tuple(zones),
        sources=("synthetic",),
    )


def synthetic_library() -> PatternLibrary:
    """square: essential 120-160 x 40-80 (back-right), spillover 120-160 x 80-120.
    low: essential on the right buttock 120-170 x 170-260; spillover on the lateral hip 30-70 x 160-260.
    graded: essential 125-145 x 160-200, spillover weight 0.5 on 115-175 x 150-270.
    bilateral: essential on the spine 92-108 x 100-200 and a bilateral spillover 112-130 x 100-200.
    """
    square = pattern(
        "square",
        [
            Zone("posterior", "essential", "trp1", rect(120, 40, 160, 80)),
            Zone("posterior", "spillover", "trp1", rect(120, 80, 160, 120)),
        ],
    )
    low = pattern(
        "low",
        [
            Zone("posterior", "essential", "trp1", rect(120, 170, 170, 260)),
            Zone("lateral", "spillover", "trp1", rect(30, 160, 70, 260)),
        ],
    )
    graded = pattern(
        "graded",
        [
            Zone("posterior", "essential", "", rect(125, 160, 145, 200)),
            Zone("posterior", "spillover", "", rect(115, 150, 175, 270), weight=0.5),
        ],
        kind="joint",
    )
    bilateral = pattern(
        "bilateral",
        [
            Zone("posterior", "essential", "trp1", rect(92, 100, 108, 200)),
            Zone("posterior", "spillover", "trp1", rect(112, 100, 130, 200), bilateral=True),
        ],
    )
    return PatternLibrary({p.id: p for p in (square, low, graded, bilateral)})


def test_synthetic_atlas_is_consistent():
    atlas = synthetic_atlas()
    assert atlas.view("lateral-left").region("hip-left").side == "left"
    assert set(synthetic_library().patterns) == {"square", "low", "graded", "bilateral"}
