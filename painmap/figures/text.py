"""Blocks of wrapped text on a figure: headings, paragraphs and bullet lists that flow through one or more
columns (empty Axes), shrinking the font until everything fits."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

CHAR_WIDTH = 0.52  # mean glyph width of DejaVu Sans as a fraction of the font size
LINE_HEIGHT = 1.27  # line spacing as a multiple of the font size
GAP = 0.55  # space between sections, in lines


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


def _step(kind: str, size: float) -> float:
    return size * (GAP if kind == "gap" else LINE_HEIGHT)


def _flow(lines: list[tuple[str, str]], heights: Sequence[float], size: float) -> list[list[tuple[str, str]]] | None:
    """Lines split over columns of the given heights (a heading never ends a column); None if they do not fit."""
    columns: list[list[tuple[str, str]]] = [[] for _ in heights]
    col, used = 0, 0.0
    i = 0
    while i < len(lines):
        kind, text = lines[i]
        need = _step(kind, size) + (_step("text", size) if kind == "heading" else 0.0)
        if used + need > heights[col]:
            col += 1
            used = 0.0
            if col == len(heights):
                return None
            if kind == "gap":
                i += 1
                continue
        columns[col].append((kind, text))
        used += _step(kind, size)
        i += 1
    return columns


def draw_sections(
    columns: Axes | Sequence[Axes],
    sections: Sequence[Section],
    *,
    size: float = 8.0,
    min_size: float = 5.5,
    color: str = "#1f1f1f",
) -> float:
    """Write sections top-down through empty Axes (columns), shrinking the font until they fit; returns the size."""
    axes = [columns] if not isinstance(columns, Sequence) else list(columns)
    figure = axes[0].figure
    boxes = [ax.get_position() for ax in axes]
    width_pt = min(b.width for b in boxes) * figure.get_figwidth() * 72
    heights = [b.height * figure.get_figheight() * 72 for b in boxes]
    for ax in axes:
        ax.set_axis_off()
    while True:
        lines = layout_lines(sections, width_pt, size)
        flowed = _flow(lines, heights, size)
        if flowed is not None or size <= min_size:
            break
        size = max(min_size, size - 0.25)
    if flowed is None:  # even the smallest size overflows: cut the last column short
        flowed = _flow(lines, [*heights[:-1], float("inf")], size) or [lines]
    for ax, part, height in zip(axes, flowed, heights, strict=False):
        y = height
        for kind, text in part:
            y -= _step(kind, size)
            if y < 0:
                ax.text(0, 0, "…", transform=ax.transAxes, fontsize=size, va="bottom", color=color)
                break
            if kind != "gap":
                heading = kind == "heading"
                ax.text(
                    0, y / height, text, transform=ax.transAxes, va="bottom", ha="left", color=color,
                    fontsize=size + (0.6 if heading else 0), fontweight="bold" if heading else "normal",
                )  # fmt: skip
    return size
