"""The body chart's model: views, regions, landmarks, structures and outlines in millimetres (no file reading)."""

from __future__ import annotations

from dataclasses import field

import numpy as np

from painmap import geometry
from painmap.chart_views import EDGE_LABELS, MIRRORS, TITLES, VIEW_FILES
from painmap.drawing_model import BODIES, CURRENT_CHART
from painmap.errors import UnknownIdError
from painmap.records import FACTORY, record

__all__ = [
    "BODIES",
    "CHARTS",
    "DEFAULT_CHART",
    "EDGE_LABELS",
    "MIRRORS",
    "SIDES",
    "TITLES",
    "VIEW_FILES",
    "Atlas",
    "Landmark",
    "Outline",
    "Region",
    "Structure",
    "View",
    "mirror_region_id",
    "region_id",
]

SIDES = ("left", "right", "midline")
CHARTS = {"male": (1, 2), "female": (2,)}  # the charts each body has; chart 1 is the hand-drawn one
# The chart each body shows by default is the one its drawings are made on (drawing_model.CURRENT_CHART).
DEFAULT_CHART = CURRENT_CHART


@record(frozen=True, eq=False)
class Region:
    """One cell of the partition of a view's silhouette."""

    id: str  # e.g. "buttock-right"
    zone: str  # e.g. "buttock"
    side: str  # left | right | midline
    polygon: np.ndarray  # (N, 2) mm, implicitly closed
    label: str = ""  # plain-language name, e.g. "right buttock"

    def __init__(self, id: str, zone: str, side: str, polygon: np.ndarray, label: str = "") -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "id", id)
        set_field(self, "zone", zone)
        set_field(self, "side", side)
        set_field(self, "polygon", polygon)
        set_field(self, "label", label)


@record(frozen=True)
class Landmark:
    """A bony landmark: `id` names the kind (e.g. "psis"), `side` tells which one."""

    id: str
    side: str
    x: float
    y: float
    label: str = ""

    def __init__(self, id: str, side: str, x: float, y: float, label: str = "") -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "id", id)
        set_field(self, "side", side)
        set_field(self, "x", x)
        set_field(self, "y", y)
        set_field(self, "label", label)

    @property
    def key(self) -> str:
        """Unique within a view: "psis-left", or "coccyx" for midline landmarks."""
        return self.id if self.side == "midline" else f"{self.id}-{self.side}"


@record(frozen=True, eq=False)
class Outline:
    """A drawn line of the chart that is not a region: body contour, bone, muscle border, skin crease."""

    kind: str  # silhouette | contour (an inner body contour, e.g. the folded arm) | bone | muscle | crease | detail
    points: np.ndarray  # (N, 2) mm
    closed: bool
    id: str = ""

    def __init__(self, kind: str, points: np.ndarray, closed: bool, id: str = "") -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "kind", kind)
        set_field(self, "points", points)
        set_field(self, "closed", closed)
        set_field(self, "id", id)


@record(frozen=True, eq=False)
class Structure:
    """One connected visible part of a drawn bone or muscle (chart 2): what the finished picture shows of it."""

    id: str  # e.g. "muscle-gluteus-medius-right", "bone-sacrum-midline"; a structure in pieces repeats its id
    kind: str  # bone | muscle
    side: str  # left | right | midline
    polygon: np.ndarray  # (N, 2) mm, the part's outer boundary
    holes: tuple[np.ndarray, ...] = ()  # what lies inside the outer boundary but is not this structure
    label: str = ""  # e.g. "gluteus medius (right)"

    def __init__(
        self,
        id: str,
        kind: str,
        side: str,
        polygon: np.ndarray,
        holes: tuple[np.ndarray, ...] = (),
        label: str = "",
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "id", id)
        set_field(self, "kind", kind)
        set_field(self, "side", side)
        set_field(self, "polygon", polygon)
        set_field(self, "holes", holes)
        set_field(self, "label", label)


@record(frozen=True, eq=False)
class View:
    """One view of the chart in its own millimetre frame."""

    id: str  # posterior | lateral | lateral-left | anterior (chart 2)
    title: str  # e.g. "Back", "Right side"
    width: float
    height: float
    mirror: str  # id of the view holding this view's mirror image (posterior -> posterior)
    silhouette: tuple[np.ndarray, ...]  # outer body outline polygon(s)
    regions: tuple[Region, ...]
    landmarks: tuple[Landmark, ...]
    outlines: tuple[Outline, ...]
    edge_labels: tuple[str, str]  # what the viewer's left and right edges are: ("L", "R") or ("Back", "Front")
    focus: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1: lower back and pelvis
    structures: tuple[Structure, ...] = ()  # chart 2: the visible bones and muscles
    bones_alone: tuple[Structure, ...] = ()  # chart 2: the visible bones when the muscles are hidden
    _regions_by_id: dict[str, Region] = field(default_factory=dict, repr=False, compare=False)

    def __init__(
        self,
        id: str,
        title: str,
        width: float,
        height: float,
        mirror: str,
        silhouette: tuple[np.ndarray, ...],
        regions: tuple[Region, ...],
        landmarks: tuple[Landmark, ...],
        outlines: tuple[Outline, ...],
        edge_labels: tuple[str, str],
        focus: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
        structures: tuple[Structure, ...] = (),
        bones_alone: tuple[Structure, ...] = (),
        _regions_by_id: dict[str, Region] = FACTORY,
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "id", id)
        set_field(self, "title", title)
        set_field(self, "width", width)
        set_field(self, "height", height)
        set_field(self, "mirror", mirror)
        set_field(self, "silhouette", silhouette)
        set_field(self, "regions", regions)
        set_field(self, "landmarks", landmarks)
        set_field(self, "outlines", outlines)
        set_field(self, "edge_labels", edge_labels)
        set_field(self, "focus", focus)
        set_field(self, "structures", structures)
        set_field(self, "bones_alone", bones_alone)
        set_field(self, "_regions_by_id", {} if _regions_by_id is FACTORY else _regions_by_id)

    def region(self, region_id: str) -> Region:
        """The region with this id, or UnknownIdError."""
        if not self._regions_by_id:
            object.__setattr__(self, "_regions_by_id", {r.id: r for r in self.regions})
        try:
            return self._regions_by_id[region_id]
        except KeyError:
            raise UnknownIdError(f"unknown region {region_id!r} on the {self.id} view") from None

    def landmark(self, key: str) -> Landmark:
        """The landmark with this key ("psis-left", "coccyx"), or UnknownIdError."""
        for landmark in self.landmarks:
            if landmark.key == key:
                return landmark
        raise UnknownIdError(f"unknown landmark {key!r} on the {self.id} view")

    def mirror_x(self, x):
        """x of the mirror image in the mirror view's frame."""
        return self.width - x

    @property
    def zones(self) -> tuple[str, ...]:
        """The zones of this view's regions, in chart order, each once."""
        return tuple(dict.fromkeys(r.zone for r in self.regions))

    def regions_in_zone(self, zone: str) -> tuple[Region, ...]:
        """The regions of one zone (one per side, or one midline region)."""
        return tuple(r for r in self.regions if r.zone == zone)

    def region_at(self, x: float, y: float) -> Region | None:
        """The region holding the point (x, y) in mm, or None outside the body."""
        for r in self.regions:
            x0, y0 = r.polygon.min(axis=0)
            x1, y1 = r.polygon.max(axis=0)
            if x0 <= x <= x1 and y0 <= y <= y1 and geometry.contains(r.polygon, [(x, y)])[0]:
                return r
        return None


@record(frozen=True)
class Atlas:
    """All views of one chart of one body."""

    views: dict[str, View]
    body: str = "male"
    # the loader always says which chart; an atlas built without one (a test's synthetic chart) is the male
    # body's current chart, as a Drawing built without one is
    chart: int = field(default_factory=lambda: CURRENT_CHART["male"])

    def __init__(self, views: dict[str, View], body: str = "male", chart: int = FACTORY) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "views", views)
        set_field(self, "body", body)
        set_field(self, "chart", CURRENT_CHART["male"] if chart is FACTORY else chart)

    def view(self, view_id: str) -> View:
        """The view with this id, or UnknownIdError."""
        try:
            return self.views[view_id]
        except KeyError:
            known = ", ".join(self.views)
            raise UnknownIdError(f"unknown view {view_id!r} (known: {known})") from None


def region_id(zone: str, side: str) -> str:
    """The id convention: "buttock-right", or the bare zone for midline regions ("sacrum")."""
    return zone if side == "midline" else f"{zone}-{side}"


def mirror_region_id(region: str) -> str:
    """The id of the region's mirror image: "-left" and "-right" swap; midline ids stay as they are."""
    for side, other in (("-left", "-right"), ("-right", "-left")):
        if region.endswith(side):
            return region[: -len(side)] + other
    return region
