"""The chart as the window shows it before the engine has loaded: each view's frame, read from its SVG's head.

A `ViewFrame` has what the canvas needs to paint a view's art and to zoom onto it (id, title, size in mm, the
focus box, the edge labels, the mirror view); no regions and no landmarks. It is read from the first few KB of
the view's SVG (`viewBox`, `painmap:focus`) with the names of `painmap.chart_views`, so no numpy and no XML
parser is loaded before the first paint. Once the atlas has loaded, its `View`s take the frames' place.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from painmap.chart_views import CURRENT_CHART, EDGE_LABELS, MIRRORS, TITLES, VIEW_FILES, chart_subfolder
from painmap.errors import AtlasError, PainmapError

HEAD_BYTES = 4096
_ROOT = re.compile(rb"<svg\b[^>]*>", re.S)
_VIEWBOX = re.compile(rb'\bviewBox="([-0-9., ]+)"')
_FOCUS = re.compile(rb'\bpainmap:focus="([-0-9., ]+)"')
VIEW_ORDER = ("posterior", "lateral", "lateral-left")  # the toolbar's order; other views follow


class ViewFrame(NamedTuple):
    """A view's frame (mm): enough to paint its art and zoom onto it; no regions, no landmarks yet."""

    id: str
    title: str
    width: float
    height: float
    mirror: str
    edge_labels: tuple[str, str]
    focus: tuple[float, float, float, float]
    landmarks: tuple = ()
    regions: tuple = ()


def _numbers(match: re.Match | None) -> tuple[float, ...]:
    if match is None:
        return ()
    try:
        return tuple(float(v) for v in match.group(1).replace(b",", b" ").split())
    except ValueError:
        return ()


def read_frame(path: Path, view_id: str) -> ViewFrame:
    """The frame of the view drawn in `path` (AtlasError, one line, if the file is missing or has no viewBox)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as err:
        raise AtlasError(f"{path}: the atlas file cannot be read ({err.strerror or err})") from None
    root = _ROOT.search(head)
    box = _numbers(_VIEWBOX.search(root.group(0))) if root else ()
    if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        raise AtlasError(f"{path}: no usable viewBox on the <svg> element")
    width, height = box[2], box[3]
    focus = _numbers(_FOCUS.search(root.group(0)))
    if len(focus) != 4 or not (focus[2] > focus[0] and focus[3] > focus[1]):
        focus = (0.0, 0.0, width, height)
    return ViewFrame(
        id=view_id,
        title=TITLES.get(view_id, view_id),
        width=width,
        height=height,
        mirror=MIRRORS.get(view_id, view_id),
        edge_labels=EDGE_LABELS.get(view_id, ("", "")),
        focus=focus,  # type: ignore[arg-type]
    )


def mirrored_frame(frame: ViewFrame, view_id: str) -> ViewFrame:
    """The frame of the mirror image of `frame` (x -> width - x), as the atlas derives lateral-left."""
    x0, y0, x1, y1 = frame.focus
    return ViewFrame(
        id=view_id,
        title=TITLES.get(view_id, view_id),
        width=frame.width,
        height=frame.height,
        mirror=frame.id,
        edge_labels=EDGE_LABELS.get(view_id, frame.edge_labels[::-1]),
        focus=(frame.width - x1, y0, frame.width - x0, y1),
    )


REQUIRED_VIEWS = ("posterior", "lateral")


def read_frames(folder: Path | None = None) -> dict[str, ViewFrame]:
    """Every view's frame, in toolbar order (AtlasError, one line, for a missing or broken file)."""
    if folder is None:
        from painmap.resources import resource_path

        try:
            folder = resource_path("atlas", *chart_subfolder("male", CURRENT_CHART["male"]))  # the default chart
        except PainmapError as err:
            raise AtlasError(str(err)) from None
    frames = {  # as the atlas loader: the back and side views always, the front view where the chart has one
        view_id: read_frame(Path(folder) / name, view_id)
        for view_id, name in VIEW_FILES.items()
        if view_id in REQUIRED_VIEWS or (Path(folder) / name).exists()
    }
    for view_id, mirror in MIRRORS.items():
        if view_id not in frames and mirror in frames:
            frames[view_id] = mirrored_frame(frames[mirror], view_id)
    order = {v: i for i, v in enumerate(VIEW_ORDER)}
    return dict(sorted(frames.items(), key=lambda item: order.get(item[0], len(order))))
