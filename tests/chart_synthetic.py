"""A synthetic "chart 2": today's chart moved by a known smooth, left-right symmetric deformation.

A new chart differs from the old one by a change of scale and position plus a gentle nonlinear bend; this
module builds such a chart from the bundled one (every polygon and landmark moved by `deform`), so the warp
and the migration can be tested against a transformation whose true answer is known.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from painmap.atlas import Atlas, Landmark, Outline, Region, View, mirror_view

WIDTHS = {"posterior": 700.0, "lateral": 520.0}  # the new frames are wider, as the anatomical ones will be
HEIGHT = 1800.0


@dataclass(frozen=True)
class ChartAtlas(Atlas):
    """An atlas that says which chart it is (as the multi-chart loader's atlases do)."""

    body: str = "male"
    chart: int = 2


def deform(view_id: str, points, old_width: float, strength: float = 1.0) -> np.ndarray:
    """The known deformation of one stored view (posterior: symmetric about the midline)."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    x, y = pts[:, 0], pts[:, 1]
    if view_id == "posterior":
        dx = x - old_width / 2
        sx = 1.06 + strength * 0.04 * np.sin(y / 310.0)
        nx = WIDTHS["posterior"] / 2 + dx * sx
        ny = 0.97 * y + 35.0 + strength * 9.0 * np.cos(dx / 140.0) + strength * 6.0 * np.sin(y / 260.0)
    else:
        nx = 1.03 * x + 12.0 + strength * 7.0 * np.sin(y / 280.0)
        ny = 0.98 * y + 25.0 + strength * 8.0 * np.cos(x / 170.0)
    return np.column_stack([nx, ny])


def _move_view(view: View, strength: float) -> View:
    w = view.width

    def f(points):
        return deform(view.id, points, w, strength)

    landmarks = []
    for lm in view.landmarks:
        ((nx, ny),) = f([[lm.x, lm.y]])
        landmarks.append(Landmark(lm.id, lm.side, float(nx), float(ny), lm.label))
    if view.id == "posterior":  # midline landmarks stay exactly on the new midline
        landmarks = [replace(lm, x=WIDTHS["posterior"] / 2) if lm.side == "midline" else lm for lm in landmarks]
    x0, y0, x1, y1 = view.focus
    (fx0, fy0), (fx1, fy1) = f([[x0, y0], [x1, y1]])
    return View(
        id=view.id,
        title=view.title,
        width=WIDTHS[view.id],
        height=HEIGHT,
        mirror=view.mirror,
        silhouette=tuple(f(p) for p in view.silhouette),
        regions=tuple(Region(r.id, r.zone, r.side, f(r.polygon), r.label) for r in view.regions),
        landmarks=tuple(landmarks),
        outlines=tuple(Outline(o.kind, f(o.points), o.closed, o.id) for o in view.outlines),
        edge_labels=view.edge_labels,
        focus=(float(fx0), float(fy0), float(fx1), float(fy1)),
    )


def chart_one() -> Atlas:
    """Chart 1 of the male body, the chart the synthetic one is made from (and the patterns are drawn on)."""
    from painmap.pattern_carry import authoring_atlas

    return authoring_atlas()


def synthetic_chart(atlas: Atlas, chart: int = 2, strength: float = 1.0) -> ChartAtlas:
    """Chart `chart` of the male body: `atlas` deformed (lateral-left derived as the mirror of lateral)."""
    posterior = _move_view(atlas.views["posterior"], strength)
    lateral = _move_view(atlas.views["lateral"], strength)
    left = mirror_view(lateral, "lateral-left")
    return ChartAtlas({v.id: v for v in (posterior, lateral, left)}, body="male", chart=chart)
