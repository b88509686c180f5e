"""SVG elements -> flattened subpaths: <path> and the basic shapes (<circle>, <ellipse>, <rect>, <polygon>,
<polyline>, <line>), with their transforms, and the walk over a document's shapes (hidden ones flagged).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from painmap.svg_pathdata import (
    TOLERANCE,
    Subpath,
    SvgPathError,
    apply_transform,
    parse_subpaths,
    parse_transform,
)

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

if TYPE_CHECKING:  # only annotations: the SVG parser is imported where files are read
    from xml.etree import ElementTree as ET

__all__ = ["Shape", "element_polylines", "element_subpaths", "is_hidden", "iter_shapes", "local_name"]

_SHAPES = ("path", "circle", "ellipse", "rect", "polygon", "polyline", "line")
_SKIPPED = ("defs", "metadata", "title", "desc", "text", "style", "namedview", "script", "clipPath", "mask")


@dataclass(frozen=True, eq=False)
class Shape:
    """A shape element of a document with its flattened subpaths in document user units."""

    element: ET.Element
    subpaths: tuple[Subpath, ...]
    hidden: bool  # display:none on the element or an ancestor


# ----------------------------------------------------------------------------------------------- elements


def local_name(tag: str) -> str:
    """Tag without its namespace: "{http://www.w3.org/2000/svg}path" -> "path"."""
    return tag.rsplit("}", 1)[-1]


def _length(elem: ET.Element, name: str, default: float | None = None) -> float:
    raw = elem.get(name)
    if raw is None:
        if default is None:
            raise SvgPathError(f"<{local_name(elem.tag)}> needs a {name} attribute")
        return default
    text = raw.strip()
    if text.endswith("px"):
        text = text[:-2]
    try:
        value = float(text)
    except ValueError:
        raise SvgPathError(
            f"<{local_name(elem.tag)}> {name}={raw!r} is not a plain number (units unsupported)"
        ) from None
    if not math.isfinite(value):
        raise SvgPathError(f"<{local_name(elem.tag)}> {name}={raw!r} is not finite")
    return value


def _points_attr(elem: ET.Element) -> np.ndarray:
    values = [float(v) for v in _NUMBER.findall(elem.get("points", ""))]
    if len(values) % 2 or len(values) < 4:
        raise SvgPathError(f"<{local_name(elem.tag)}> points must hold an even number (≥ 4) of numbers")
    return np.array(values, dtype=float).reshape(-1, 2)


def _ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    return f"M{cx + rx},{cy} A{rx},{ry} 0 1 1 {cx - rx},{cy} A{rx},{ry} 0 1 1 {cx + rx},{cy} Z"


def element_subpaths(
    elem: ET.Element, transform: np.ndarray | None = None, tolerance: float = TOLERANCE
) -> list[Subpath]:
    """One shape element's own geometry (its `transform` attribute applied, then `transform`)."""
    name = local_name(elem.tag)
    text = elem.get("transform")
    if text and not text.isspace():
        own = parse_transform(text)
        matrix = own if transform is None else transform @ own
    else:
        matrix = transform
    if name == "path":
        return parse_subpaths(elem.get("d", ""), matrix, tolerance)
    if name in ("circle", "ellipse"):
        cx, cy = _length(elem, "cx", 0.0), _length(elem, "cy", 0.0)
        if name == "circle":
            rx = ry = _length(elem, "r")
        else:
            rx, ry = _length(elem, "rx"), _length(elem, "ry")
        if rx <= 0 or ry <= 0:
            return []
        return parse_subpaths(_ellipse_d(cx, cy, rx, ry), matrix, tolerance)
    if name == "rect":
        x, y = _length(elem, "x", 0.0), _length(elem, "y", 0.0)
        w, h = _length(elem, "width"), _length(elem, "height")
        if w <= 0 or h <= 0:
            return []
        rx_raw, ry_raw = elem.get("rx"), elem.get("ry")
        rx = _length(elem, "rx") if rx_raw is not None else None
        ry = _length(elem, "ry") if ry_raw is not None else None
        rx = rx if rx is not None else (ry or 0.0)
        ry = ry if ry is not None else rx
        rx, ry = min(rx, w / 2), min(ry, h / 2)
        if rx <= 0 or ry <= 0:
            d = f"M{x},{y} H{x + w} V{y + h} H{x} Z"
        else:
            d = (
                f"M{x + rx},{y} H{x + w - rx} A{rx},{ry} 0 0 1 {x + w},{y + ry} V{y + h - ry} "
                f"A{rx},{ry} 0 0 1 {x + w - rx},{y + h} H{x + rx} A{rx},{ry} 0 0 1 {x},{y + h - ry} "
                f"V{y + ry} A{rx},{ry} 0 0 1 {x + rx},{y} Z"
            )
        return parse_subpaths(d, matrix, tolerance)
    if name in ("polygon", "polyline"):
        pts = _points_attr(elem)
        closed = name == "polygon"
        if closed and len(pts) > 1 and np.allclose(pts[0], pts[-1]):
            pts = pts[:-1]
        return [Subpath(apply_transform(pts, matrix), closed)]
    if name == "line":
        pts = np.array(
            [[_length(elem, "x1", 0.0), _length(elem, "y1", 0.0)], [_length(elem, "x2", 0.0), _length(elem, "y2", 0.0)]]
        )
        return [Subpath(apply_transform(pts, matrix), False)]
    raise SvgPathError(f"unsupported SVG element <{name}>")


def element_polylines(
    elem: ET.Element, transform: np.ndarray | None = None, tolerance: float = TOLERANCE
) -> list[np.ndarray]:
    """One shape element's geometry as (N, 2) arrays."""
    return [sub.points for sub in element_subpaths(elem, transform, tolerance)]


def is_hidden(elem: ET.Element) -> bool:
    """True when the element itself says display:none (style or attribute)."""
    if elem.get("display", "").strip() == "none":
        return True
    style = elem.get("style", "")
    return bool(style) and re.search(r"(?:^|;)\s*display\s*:\s*none\s*(?:;|$)", style) is not None


def iter_shapes(
    root: ET.Element,
    transform: np.ndarray | None = None,
    tolerance: float = TOLERANCE,
    hidden: bool = False,
    nested: bool = False,
) -> Iterator[Shape]:
    """Every shape element under `root` (itself included), depth first, with accumulated transforms.

    <g> and <svg> groups are walked; <defs>, <metadata>, <text> and Inkscape's bookkeeping are skipped;
    <use>, <image> and other elements raise SvgPathError (the chart must be plain geometry).
    """
    name = local_name(root.tag)
    matrix = transform
    hidden = hidden or is_hidden(root)
    if name in _SHAPES:
        yield Shape(root, tuple(element_subpaths(root, matrix, tolerance)), hidden)
        return
    if name in _SKIPPED or not isinstance(root.tag, str):
        return
    if name not in ("g", "svg", "a", "switch"):
        raise SvgPathError(f"unsupported SVG element <{name}>")
    if name == "svg" and nested and any(root.get(a) for a in ("x", "y", "viewBox")):
        raise SvgPathError("a nested <svg> with its own position or viewBox is not supported")
    text = root.get("transform") if name != "svg" else None
    if text and not text.isspace():
        own = parse_transform(text)
        matrix = own if matrix is None else matrix @ own
    for child in root:
        if not isinstance(child.tag, str):  # comments, processing instructions
            continue
        yield from iter_shapes(child, matrix, tolerance, hidden, nested=True)
