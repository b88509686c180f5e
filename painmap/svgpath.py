"""SVG geometry to polylines: path data, transforms and the basic shapes, flattened in user units (mm).

The body chart and the pattern zones are SVG files that people edit in Inkscape, so this reads what Inkscape
writes: path data with every command (M L H V C S Q T A Z, absolute and relative), `transform` attributes
(matrix, translate, scale, rotate, skewX, skewY) and <circle>, <ellipse>, <rect>, <polygon>, <polyline>,
<line>. Curves become polylines within `TOLERANCE` mm of the true curve. Anything else raises SvgPathError.

API: `parse_path(d)`, `parse_subpaths(d)`, `parse_transform(text)`, `element_polylines(elem, transform)`,
`element_subpaths(elem, transform)`, `iter_shapes(root)`.
"""

from painmap.svg_pathdata import (
    SVG_NS,
    TOLERANCE,
    Subpath,
    SvgPathError,
    apply_transform,
    parse_path,
    parse_subpaths,
    parse_transform,
)
from painmap.svg_shapes import Shape, element_polylines, element_subpaths, is_hidden, iter_shapes, local_name

__all__ = [
    "SVG_NS",
    "TOLERANCE",
    "Shape",
    "Subpath",
    "SvgPathError",
    "apply_transform",
    "element_polylines",
    "element_subpaths",
    "is_hidden",
    "iter_shapes",
    "local_name",
    "parse_path",
    "parse_subpaths",
    "parse_transform",
]
