"""Blocks of wrapped text on a figure: headings, paragraphs and bullet lists that fit a box or shrink to fit."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

CHAR_WIDTH = 0.53  # mean glyph width of DejaVu Sans as a fraction of the font size
LINE_HEIGHT = 1.28  # line spacing as a multiple of the font size


@dataclass
class Section:
    """A heading with paragraphs and/or bullet items."""

    heading: str
    paragraphs: Sequence[str] = ()
    bullets: Sequence[str] = field(default_factory=tuple)


def _wrap(text: str, chars: int, indent: str = "", first: str = "") -> list[str]:
    return textwrap.wrap(text, width=max(10, chars), initial_indent=first, subsequent_indent=indent) or [""]


def layout_lines(sections: Sequence[Section], width_pt: float, size: float) -> list[tuple[str, str]]:
    """(kind, text) lines: kind is "heading", "text" or "gap"."""
    chars = int(width_pt / (size * CHAR_WIDTH))
    lines: list[tuple[str, str]] = []
    for section in sections:
        if not section.paragraphs and not section.bullets:
            continue
        if lines:
            lines.append(("gap", ""))
        lines.append(("heading", section.heading))
        for paragraph in section.paragraphs:
            lines += [("text", t) for t in _wrap(paragraph, chars)]
        for item in section.bullets:
            lines += [("text", t) for t in _wrap(item, chars, indent="   ", first="•  ")]
    return lines


def draw_sections(
    ax: Axes, sections: Sequence[Section], *, size: float = 8.0, min_size: float = 5.5, color: str = "#1f1f1f"
) -> float:
    """Write sections top-down into an empty Axes, shrinking the font until they fit; returns the size used."""
    figure = ax.figure
    bbox = ax.get_position()
    width_pt = bbox.width * figure.get_figwidth() * 72
    height_pt = bbox.height * figure.get_figheight() * 72
    ax.set_axis_off()
    while True:
        lines = layout_lines(sections, width_pt, size)
        needed = sum(size * (0.5 if kind == "gap" else LINE_HEIGHT) for kind, _ in lines)
        if needed <= height_pt or size <= min_size:
            break
        size = max(min_size, size - 0.25)
    y = height_pt
    for kind, text in lines:
        step = size * (0.5 if kind == "gap" else LINE_HEIGHT)
        if y - step < 0:
            ax.text(0, 0, "…", transform=ax.transAxes, fontsize=size, va="bottom", color=color)
            break
        y -= step
        if kind != "gap":
            ax.text(
                0, y / height_pt, text, transform=ax.transAxes, va="bottom", ha="left", color=color,
                fontsize=size + (0.6 if kind == "heading" else 0), fontweight="bold" if kind == "heading" else "normal",
            )  # fmt: skip
    return size
