"""Pages and output files: paper sizes, the format from the extension, fonts, atomic writes."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from painmap.atomic import WriteError, atomic_write
from painmap.errors import PainmapError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MM_PER_INCH = 25.4
PAPERS: dict[str, tuple[float, float]] = {  # portrait width, height in inches
    "a4": (210 / MM_PER_INCH, 297 / MM_PER_INCH),
    "letter": (8.5, 11.0),
}
FORMATS = ("png", "pdf", "svg")
PNG_DPI = 150

# Fonts embedded as TrueType (type 42) in PDF; SVG keeps real <text> (searchable, editable on slides).
RC = {
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "none",  # real <text> in SVG: labels stay editable and searchable
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.linewidth": 0.6,
    "hatch.linewidth": 0.8,
    "savefig.facecolor": "white",
    "pdf.compression": 6,
}


class ReportError(PainmapError):
    """A figure could not be written (bad extension, unwritable path, unknown paper)."""


def output_format(path: str | os.PathLike) -> str:
    """The output format (png, pdf or svg) from the file name's extension, or ReportError."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        shown = f"'.{suffix}'" if suffix else "no extension"
        raise ReportError(f"{os.fspath(path)}: cannot tell the output format ({shown}); use .png, .pdf or .svg")
    return suffix


def paper_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """Figure size in inches for a paper name ("a4", "letter")."""
    try:
        width, height = PAPERS[paper.lower()]
    except KeyError:
        raise ReportError(f"unknown paper {paper!r} (known: {', '.join(PAPERS)})") from None
    return (height, width) if landscape else (width, height)


@contextlib.contextmanager
def figure_style() -> Iterator[None]:
    """matplotlib settings shared by every figure (fonts embedded, white background)."""
    import matplotlib

    with matplotlib.rc_context(RC):
        yield


def new_figure(size: tuple[float, float]) -> Figure:
    """A Figure bound to the Agg canvas (saving as PDF/SVG switches backend per call, never global state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size)
    FigureCanvasAgg(figure)
    return figure


def check_writable(path: str | os.PathLike) -> Path:
    """The output path resolved, after checking its folder exists; ReportError otherwise."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"{os.fspath(path)}: cannot write: folder {os.fspath(folder)} does not exist")
    if target.is_dir():
        raise ReportError(f"{os.fspath(path)}: cannot write: it is a folder")
    return target


def save_figure(figure: Figure, path: str | os.PathLike, dpi: int = PNG_DPI, metadata: dict | None = None) -> Path:
    """Write the figure through `painmap.atomic` (a failure leaves no half file and the old one untouched)."""
    fmt = output_format(path)
    target = check_writable(path)
    meta = {"Creator": "painmap"}
    if metadata:
        meta.update(metadata)
    if fmt == "png":
        meta = {k: v for k, v in meta.items() if k in ("Title", "Author", "Description", "Software", "Creator")}
    elif fmt == "svg":
        meta = {k: v for k, v in meta.items() if k in ("Title", "Creator", "Description", "Date")}
    try:
        with atomic_write(target, "wb") as stream:
            figure.savefig(stream, format=fmt, dpi=dpi, metadata=meta)
    except WriteError as err:
        raise ReportError(str(err)) from None
    return target
