"""Measured text on a page: paragraphs set top-down in a column, wrapped by the renderer's own glyph widths,
so lines never run into each other or out of their column; boxes drawn around groups of lines.

A `Page` is one printed page inside a figure (a PDF page, or one of several pages stacked in one PNG/SVG);
positions are inches from the page's top-left corner.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LINE = 1.28  # line step in font sizes (the font box is 1.16 em tall: lines never touch)
ASCENT = 0.93  # DejaVu Sans ascent in font sizes: baseline below the line's top
_WIDTHS: dict[tuple, float] = {}  # measured word widths (measuring costs ~2 ms a call)
SAFETY = 0.97  # lines are wrapped this much short of the column: hinted raster text runs a little wider


@dataclass
class Page:
    """A page of `width` x `height` inches whose top lies `top` inches below the figure's top."""

    figure: Figure
    width: float
    height: float
    top: float = 0.0

    def fy(self, y: float) -> float:
        """Inches from the figure's bottom of a point `y` inches below this page's top."""
        return self.figure.get_figheight() - self.top - y

    def axes(self, x: float, y: float, w: float, h: float) -> Axes:
        """Axes with its top-left corner at (x, y) inches on the page, w x h inches."""
        fw, fh = self.figure.get_figwidth(), self.figure.get_figheight()
        return self.figure.add_axes((x / fw, (self.fy(y) - h) / fh, w / fw, h / fh))

    def text(self, x: float, y: float, text: str, **kwargs):
        """A text whose anchor is (x, y) inches on the page (kwargs as matplotlib's Figure.text)."""
        return self.figure.text(x, self.fy(y), text, transform=self.figure.dpi_scale_trans, **kwargs)


class Column:
    """Text set from the top of a column downwards; `y` is the next free line's top (inches on the page)."""

    def __init__(
        self, page: Page, x: float, y: float, width: float, color: str = "#1f1f1f", *, scale: float = 1.0,
        draw: bool = True,
    ) -> None:  # fmt: skip
        """`scale` multiplies every font size; with `draw=False` the column only measures (for fitting)."""
        self.page, self.x, self.y, self.width, self.color = page, x, y, width, color
        self.renderer = page.figure.canvas.get_renderer()
        self.scale, self.draw = scale, draw
        self._indent = 0.0

    def measure(self, text: str, size: float, weight: str = "normal", style: str = "normal") -> float:
        """Width of a line in inches: the sum of its words' measured widths and the spaces between them
        (each word is measured once; kerning across a space is nil)."""
        parts = text.split(" ")
        space = self._width(" x", size, weight, style) - self._width("x", size, weight, style)
        return sum(self._width(p, size, weight, style) for p in parts if p) + space * (len(parts) - 1)

    def _width(self, text: str, size: float, weight: str, style: str) -> float:
        key = (text, size, weight, style, self.page.figure.dpi)
        width = _WIDTHS.get(key)
        if width is None:
            from matplotlib.font_manager import FontProperties

            prop = FontProperties(size=size, weight=weight, style=style)
            w, _, _ = self.renderer.get_text_width_height_descent(text, prop, False)
            width = _WIDTHS[key] = w / self.page.figure.dpi
            if len(_WIDTHS) > 20_000:
                _WIDTHS.clear()
        return width

    def wrap(self, text: str, size: float, width: float, weight: str = "normal", style: str = "normal") -> list[str]:
        """Greedy word wrap by measured widths (a word longer than the line is cut)."""
        width *= SAFETY
        tokens: list[str] = []
        for word in text.split():  # a unit stays with its number: "43 %" never breaks
            if tokens and word.rstrip(".,;:)") in ("%", "mm", "cm"):
                tokens[-1] += " " + word
            else:
                tokens.append(word)
        lines: list[str] = []
        current = ""
        for word in tokens:
            trial = f"{current} {word}" if current else word
            if self.measure(trial, size, weight, style) <= width:
                current = trial
                continue
            if current:
                lines.append(current)
            while self.measure(word, size, weight, style) > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and self.measure(word[:cut], size, weight, style) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        if current:
            lines.append(current)
        return lines or [""]

    def line(self, text: str, size: float = 8.0, *, x: float = 0.0, **kwargs) -> None:
        """One line (not wrapped) at the current position; advances."""
        self._line(text, size * self.scale, x=x, **kwargs)

    def _line(self, text: str, size: float, *, x: float = 0.0, **kwargs) -> None:
        if self.draw:
            self.page.text(self.x + self._indent + x, self.y + ASCENT * size / 72, text, fontsize=size,
                           va="baseline", color=kwargs.pop("color", self.color), **kwargs)  # fmt: skip
        self.y += LINE * size / 72

    def paragraph(
        self,
        text: str,
        size: float = 8.0,
        *,
        weight: str = "normal",
        style: str = "normal",
        color: str | None = None,
        bullet: str = "",
        max_lines: int | None = None,
        after: float = 0.25,
    ) -> int:
        """A wrapped paragraph (optionally a bulleted item); returns its number of lines."""
        size *= self.scale
        hang = self.measure(bullet + " ", size) if bullet else 0.0
        width = self.width - self._indent - hang
        lines = self.wrap(text, size, width, weight, style)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            while lines[-1] and self.measure(lines[-1] + " …", size, weight, style) > width:
                lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
            lines[-1] += " …"
        for k, text_line in enumerate(lines):
            if bullet and k == 0 and self.draw:
                self.page.text(self.x + self._indent, self.y + ASCENT * size / 72, bullet, fontsize=size,
                               va="baseline", color=color or self.color)  # fmt: skip
            self._line(text_line, size, x=hang, fontweight=weight, fontstyle=style, color=color or self.color)
        self.y += after * size / 72
        return len(lines)

    def heading(self, text: str, size: float = 9.5, *, color: str | None = None, after: float = 0.15) -> None:
        self.paragraph(text, size, weight="bold", color=color, after=after)

    def space(self, inches: float) -> None:
        self.y += inches * self.scale

    @contextlib.contextmanager
    def boxed(self, facecolor: str, edgecolor: str, pad: float = 0.09, lw: float = 0.8) -> Iterator[Column]:
        """Lines written inside the block get a box around them (the text is inset by `pad`)."""
        from matplotlib.patches import Rectangle

        top = self.y
        self.y += pad
        self._indent += pad
        self.width -= pad
        try:
            yield self
        finally:
            self._indent -= pad
            self.width += pad
            self.y += pad * 0.6
            if self.draw:
                page = self.page
                rect = Rectangle(
                    (self.x + self._indent, page.fy(self.y)), self.width - self._indent, self.y - top,
                    transform=page.figure.dpi_scale_trans, facecolor=facecolor, edgecolor=edgecolor, lw=lw, zorder=-1,
                )  # fmt: skip
                page.figure.add_artist(rect)


def fit(write, column: Column, bottom: float, smallest: float = 0.7) -> float:
    """Run `write(column)` at the largest scale (1, 0.95, …, `smallest`) that ends above `bottom`; returns it."""
    scale, top = 1.0, column.y
    while scale > smallest:
        trial = Column(column.page, column.x, top, column.width, column.color, scale=scale, draw=False)
        write(trial)
        if trial.y <= bottom:
            break
        scale = round(scale - 0.05, 2)
    column.scale, column.y = scale, top
    write(column)
    return scale
