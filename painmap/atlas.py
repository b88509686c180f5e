"""The body chart: views, regions, landmarks and drawn outlines, loaded from resources/atlas.

Frame (docs/architecture.md): millimetres of a reference adult (standing height 1,750 mm), y down.
The loader is filled in by the atlas work; the model classes below are the contract everyone codes against.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from painmap.errors import UnknownIdError

SIDES = ("left", "right", "midline")


@dataclass(frozen=True, eq=False)
class Region:
    """One cell of the partition of a view's silhouette."""

    id: str  # e.g. "buttock-right"
    zone: str  # e.g. "buttock"
    side: str  # left | right | midline
    polygon: np.ndarray  # (N, 2) mm, implicitly closed
    label: str = ""  # plain-language name, e.g. "right buttock"


@dataclass(frozen=True)
class Landmark:
    """A bony landmark: `id` names the kind (e.g. "psis"), `side` tells which one."""

    id: str
    side: str
    x: float
    y: float
    label: str = ""

    @property
    def key(self) -> str:
        """Unique within a view: "psis-left", or "coccyx" for midline landmarks."""
        return self.id if self.side == "midline" else f"{self.id}-{self.side}"


@dataclass(frozen=True, eq=False)
class Outline:
    """A drawn line of the chart that is not a region: body contour, bone, muscle border, skin crease."""

    kind: str  # silhouette | bone | muscle | crease | detail
    points: np.ndarray  # (N, 2) mm
    closed: bool
    id: str = ""


@dataclass(frozen=True, eq=False)
class View:
    """One view of the chart in its own millimetre frame."""

    id: str  # posterior | lateral | lateral-left (| anterior later)
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
    _regions_by_id: dict[str, Region] = field(default_factory=dict, repr=False, compare=False)

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


@dataclass(frozen=True)
class Atlas:
    """All views of the chart."""

    views: dict[str, View]

    def view(self, view_id: str) -> View:
        """The view with this id, or UnknownIdError."""
        try:
            return self.views[view_id]
        except KeyError:
            known = ", ".join(self.views)
            raise UnknownIdError(f"unknown view {view_id!r} (known: {known})") from None
