"""Blocks of wrapped text on a figure: headings, paragraphs and bullet lists that flow through columns
(empty Axes, possibly of different sizes), shrinking the font until everything fits."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

CHAR_WIDTH = 0.52  # mean glyph width of DejaVu Sans as a fraction of the font size
HEADING_WIDTH = 0.68  # the same for the bold, slightly larger headings
LINE_HEIGHT = 1.27  # line spacing as a multiple of the font size
GAP = 0.55  # space between sections, in lines
BULLET, INDENT = "•  ", "   "


@dataclass
class Section:
    """A heading with paragraphs and/or bullet items."""

    heading: str
    paragraphs: Sequence[str] = ()
    bullets: Sequence[str] = field(default_factory=tuple)


Line = tuple[str, str]  # (kind, text): kind is "heading", "text" or "gap"


def _items(sections: Sequence[Section]) -> list[tuple[str, str]]:
    """The sections as a flat list of (kind, text) items: gap, heading, paragraph, bullet."""
    items: list[tuple[str, str]] = []
    for section in sections:
        if not section.paragraphs and not section.bullets:
            continue
        if items:
            items.append(("gap", ""))
        items.append(("heading", section.heading))
        items += [("paragraph", p) for p in section.paragraphs]
        items += [("bullet", b) for b in section.bullets]
    return items


def _wrap(kind: str, text: str, chars: int, continued: bool = False) -> list[str]:
    if kind == "bullet":
        first = INDENT if continued else BULLET
        return textwrap.wrap(text, width=max(10, chars), initial_indent=first, subsequent_indent=INDENT) or [""]
    return textwrap.wrap(text, width=max(10, chars)) or [""]


def _step(kind: str, size: float) -> float:
    return size * (GAP if kind == "gap" else LINE_HEIGHT)


def flow(sections: Sequence[Section], columns: Sequence[tuple[float, float]], size: float) -> list[list[Line]] | None:
    """Lines per column for columns of (width, height) in points; None when the text does not fit.

    Each item is wrapped for the column it lands in; an item that does not fit is continued in the next
    column; a heading never ends a column and a gap never starts one.
    """
    out: list[list[Line]] = [[] for _ in columns]
    col, used = 0, 0.0
    line_h = _step("text", size)
    pending = list(_items(sections))
    continued = False
    while pending:
        kind, text = pending[0]
        if col == len(columns):
            return None
        width, height = columns[col]
        room = height - used
        if kind == "gap":
            if out[col] and room >= _step("gap", size):
                out[col].append(("gap", ""))
                used += _step("gap", size)
            pending.pop(0)
            continue
        if kind == "heading":
            heads = textwrap.wrap(text, width=max(10, int(width / (size * HEADING_WIDTH)))) or [""]
            if room < (len(heads) + 1) * line_h:
                col, used = col + 1, 0.0
                continue
            out[col] += [("heading", t) for t in heads]
            used += len(heads) * line_h
            pending.pop(0)
            continue
        lines = _wrap(kind, text, int(width / (size * CHAR_WIDTH)), continued)
        fit = int(room // line_h)
        if fit >= len(lines):
            out[col] += [("text", t) for t in lines]
            used += len(lines) * line_h
            pending.pop(0)
            continued = False
            continue
        if fit > 0:
            out[col] += [("text", t) for t in lines[:fit]]
            rest = " ".join(t.strip().removeprefix("•").strip() for t in lines[fit:])
            pending[0] = (kind, rest)
            continued = True
        col, used = col + 1, 0.0
    return out


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
    fw, fh = figure.get_figwidth() * 72, figure.get_figheight() * 72
    sizes = [(ax.get_position().width * fw, ax.get_position().height * fh) for ax in axes]
    for ax in axes:
        ax.set_axis_off()
    while True:
        laid = flow(sections, sizes, size)
        if laid is not None or size <= min_size:
            break
        size = max(min_size, size - 0.25)
    if laid is None:  # even the smallest size overflows: let the last column run long, then cut it
        laid = flow(sections, [*sizes[:-1], (sizes[-1][0], float("inf"))], size) or [[]]
    for ax, part, (_, height) in zip(axes, laid, sizes, strict=False):
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
