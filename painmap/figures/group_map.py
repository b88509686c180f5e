"""Difference map of two groups (`aggregate --group-by KEY -o MAP`): per point, % of group A minus % of group B."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from painmap import __version__
from painmap.figures import chart
from painmap.figures.frequency import frequency_box, frequency_views
from painmap.figures.page import figure_style, new_figure, output_format, save_figure

if TYPE_CHECKING:
    from painmap.aggregate import Aggregate
    from painmap.atlas import Atlas


def group_difference(aggregate: Aggregate, first: str, second: str, view_id: str) -> np.ndarray:
    """% of `first`'s drawings minus % of `second`'s covering each pixel of a view (float32, -100..100)."""
    n = aggregate.groups.n
    shape = aggregate.counts[view_id].shape
    out = np.zeros(shape, dtype=np.float32)
    for group, sign in ((first, 1.0), (second, -1.0)):
        counts = aggregate.group_counts.get(group, {}).get(view_id)
        if counts is not None and n.get(group):
            out += np.float32(sign * 100.0 / n[group]) * counts.astype(np.float32)
    return out


def render_group_difference(
    aggregate: Aggregate, path: str | os.PathLike, first: str, second: str, *, atlas: Atlas | None = None
) -> Path:
    """Write the difference map (PNG, PDF or SVG by extension) atomically; a diverging scale centred on 0."""
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    output_format(path)
    if atlas is None:
        from painmap.atlas import load_atlas

        atlas = load_atlas()
    views = frequency_views(aggregate)
    diffs = {v: group_difference(aggregate, first, second, v) for v in views}
    top = max(1.0, max(float(np.abs(d).max()) for d in diffs.values()))
    norm, cmap = Normalize(-top, top), colormaps["RdBu_r"]
    with figure_style():
        boxes = [frequency_box(aggregate, atlas.view(v)) for v in views]
        scale = 5.0 / max(b[3] - b[1] for b in boxes)
        widths = [(b[2] - b[0]) * scale for b in boxes]
        fig_w = max(6.0, 0.3 + sum(widths) + 0.3 * (len(views) - 1) + 1.3)
        figure = new_figure((fig_w, 6.65))
        x = 0.3
        for view_id, box, w in zip(views, boxes, widths, strict=True):
            view = atlas.view(view_id)
            h = (box[3] - box[1]) * scale
            ax = figure.add_axes((x / fig_w, (0.45 + 5.0 - h) / 6.65, w / fig_w, h / 6.65))
            x += w + 0.3
            chart.draw_view(ax, view, box=box, landmarks=False, edge_labels=True, title="")
            crop = chart.painted_crop(aggregate.counts[view_id], view)
            if crop is not None:
                r0, r1, c0, c1 = chart.nonzero_box(aggregate.counts[view_id])
                shown = np.ma.masked_where(aggregate.counts[view_id][r0:r1, c0:c1] == 0, diffs[view_id][r0:r1, c0:c1])
                ax.imshow(
                    shown,
                    cmap=cmap,
                    norm=norm,
                    extent=crop[1],
                    origin="upper",
                    interpolation="nearest",
                    zorder=chart.Z_IMAGE,
                    resample=False,
                )
            ax.set_xlim(box[0], box[2])
            ax.set_ylim(box[3], box[1])
            ax.set_title(view.title, fontsize=8.5, pad=chart.TITLE_PAD)
        cax = figure.add_axes(((x - 0.3 + 0.25) / fig_w, 0.45 / 6.65, 0.16 / fig_w, 5.0 / 6.65))
        bar = figure.colorbar(ScalarMappable(norm=norm, cmap=cmap), cax=cax)
        bar.set_label(f"% of {first} minus % of {second} (red: more often in {first})", fontsize=8)
        bar.ax.tick_params(labelsize=7)
        n = aggregate.groups.n
        head = f"Difference map · {aggregate.groups.key} = {first} ({n[first]}) vs {second} ({n[second]})"
        figure.text(0.3 / fig_w, 1 - 0.4 / 6.65, head, fontsize=12, fontweight="bold", va="baseline")
        figure.text(
            0.3 / fig_w,
            0.15 / 6.65,
            "Shows where the groups drew pain differently, not why.",
            fontsize=6.5,
            color="#555555",
        )
        figure.text(1 - 0.2 / fig_w, 0.15 / 6.65, f"painmap {__version__}", fontsize=6.5, color="#777777", ha="right")
        return save_figure(figure, path, dpi=150, metadata={"Title": "Group difference map"})
