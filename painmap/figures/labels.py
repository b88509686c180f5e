"""Labels on a chart that never overlap: each label tries positions around its point, nearest first, and takes
the first whose box is free of every label, dot and text already placed; labels placed away from their point
get a thin leader line.

Boxes are measured with the figure's renderer in display pixels after the Axes' aspect is applied; a text
box is at least `LINE_EM` font sizes tall, as tall as the font box a PDF text extractor reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

ASCENT, DESCENT = 0.93, 0.24  # DejaVu Sans font box above and below the baseline, in font sizes
PAD_PX = 1.0  # free space kept around each box
WIDTH_SLACK = 0.03  # each side, as a share of the width: hinted raster widths run up to ~4 % short of PDF ones
DISTANCES = (4.0, 9.0, 15.0, 22.0, 30.0, 40.0, 52.0)  # points from the anchor, nearest first
ANGLES = (0, 180, 25, -25, 155, -155, 60, -60, 120, -120, 90, -90)  # degrees, 0 = right of the point
LEADER_FROM = 8.0  # points: labels further away than this get a leader line


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, pad: float = PAD_PX) -> bool:
        return not (
            self.x1 + pad <= other.x0 or other.x1 + pad <= self.x0 or self.y1 + pad <= other.y0
            or other.y1 + pad <= self.y0
        )  # fmt: skip

    def inside(self, other: Box) -> bool:
        return self.x0 >= other.x0 and self.y0 >= other.y0 and self.x1 <= other.x1 and self.y1 <= other.y1


def _backing(halo: float) -> dict | None:
    """A pale box behind a label, so it reads over lines and shading. (A stroked halo would turn the text into
    outlines in PDF and SVG: matplotlib draws path effects as paths.)"""
    if not halo:
        return None
    return {"boxstyle": f"square,pad={0.06 * halo:.2f}", "facecolor": "white", "edgecolor": "none", "alpha": 0.78}


def text_box(text: Text, renderer) -> Box:
    """A placed text's box in display pixels as a PDF text extractor sees it: from the font's descent below the
    baseline to its ascent above (DejaVu Sans: 0.24 and 0.93 font sizes); an annotation's arrow is left out."""
    from matplotlib.text import Annotation
    from matplotlib.text import Text as PlainText

    if isinstance(text, Annotation):
        text.update_positions(renderer)
    bb = PlainText.get_window_extent(text, renderer)
    em = text.get_fontsize() * text.figure.dpi / 72
    slack = WIDTH_SLACK * bb.width
    return Box(bb.x0 - slack, bb.y0 - 0.05 * em, bb.x1 + slack, max(bb.y1, bb.y0 + (DESCENT + ASCENT + 0.05) * em))


class LabelPlacer:
    """Places labels on one Axes without overlaps (with each other, with dots, with the Axes' texts)."""

    def __init__(self, ax: Axes, *, keep_inside: bool = True) -> None:
        self.ax = ax
        self.figure = ax.figure
        self.renderer = self.figure.canvas.get_renderer()
        ax.apply_aspect()
        bb = ax.get_window_extent(self.renderer)
        self.bounds = Box(bb.x0, bb.y0, bb.x1, bb.y1) if keep_inside else None
        self.taken: list[Box] = [text_box(t, self.renderer) for t in ax.texts if t.get_visible() and t.get_text()]
        self.px_per_pt = self.figure.dpi / 72

    def avoid_point(self, x: float, y: float, radius_pt: float = 2.0) -> None:
        """Keep labels off a dot or marker drawn at data point (x, y)."""
        px, py = self.ax.transData.transform((x, y))
        r = radius_pt * self.px_per_pt
        self.taken.append(Box(px - r, py - r, px + r, py + r))

    def _size(self, text: str, size: float, weight: str) -> tuple[float, float, float]:
        """Width, layout height and layout descent in pixels, as matplotlib aligns the text (it uses at least
        the height and descent of "lp")."""
        from matplotlib.font_manager import FontProperties

        prop = FontProperties(size=size, weight=weight)
        w, h, d = self.renderer.get_text_width_height_descent(text, prop, False)
        _, lp_h, lp_d = self.renderer.get_text_width_height_descent("lp", prop, False)
        return w, max(h, lp_h), max(d, lp_d)

    def candidates(
        self, x: float, y: float, size: tuple[float, float, float], em: float, first: tuple[float, float] | None = None
    ):
        """(dx, dy, ha, va, box) positions around the point, nearest first (offsets in points); `size` is the
        text's width, layout height and descent, `em` its font size in pixels."""
        w, h, d = size
        px, py = self.ax.transData.transform((x, y))
        offsets = [first] if first is not None else []
        offsets += [
            (d * math.cos(math.radians(a)), d * math.sin(math.radians(a))) for d in DISTANCES for a in ANGLES
        ]  # fmt: skip
        for dx, dy in offsets:
            ha = "left" if dx > 0.5 else "right" if dx < -0.5 else "center"
            va = "bottom" if dy > 0.5 else "top" if dy < -0.5 else "center"
            ax_, ay = px + dx * self.px_per_pt, py + dy * self.px_per_pt
            x0 = ax_ if ha == "left" else ax_ - w if ha == "right" else ax_ - w / 2
            bottom = ay if va == "bottom" else ay - h if va == "top" else ay - h / 2  # of the layout box
            base = bottom + d
            y0, y1 = min(bottom, base - DESCENT * em), max(bottom + h, base + ASCENT * em)
            slack = WIDTH_SLACK * w
            yield dx, dy, ha, va, Box(x0 - slack, y0, x0 + w + slack, y1)

    def place(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 6.5,
        weight: str = "normal",
        color: str = "#1f1f1f",
        halo: float = 2.0,
        zorder: float = 6,
        first: tuple[float, float] | None = None,
    ) -> Text | None:
        """The label placed at the first free position (None when no position is free: it is left out)."""
        measured = self._size(text, size, weight)
        for dx, dy, ha, va, box in self.candidates(x, y, measured, size * self.px_per_pt, first):
            if self.bounds is not None and not box.inside(self.bounds):
                continue
            if any(box.overlaps(other) for other in self.taken):
                continue
            self.taken.append(box)
            leader = math.hypot(dx, dy) > LEADER_FROM
            arrow = {"arrowstyle": "-", "lw": 0.5, "color": color, "shrinkA": 0, "shrinkB": 2} if leader else None
            return self.ax.annotate(
                text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=size,
                fontweight=weight, color=color, zorder=zorder, annotation_clip=False, arrowprops=arrow,
                bbox=_backing(halo),
            )  # fmt: skip
        return None
