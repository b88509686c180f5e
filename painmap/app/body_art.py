"""What the body canvas draws from the resources: the SVG art of each view, layer by layer.

`BodyArt` loads each view's SVG from its chart's folder when it is first drawn and checks them all once the
engine loads (a view without its own SVG, `lateral-left`, is its mirror view's SVG flipped). Chart 2's SVGs
have Inkscape layers `skin`, `muscles` and `bones`, and `bones-alone` (the bones whole, drawn instead of `bones`
when the muscles are hidden; docs/atlas.md); `Anatomy` says which of them show, and
they are rendered from the SVG's own layer groups, so a hand edit in Inkscape is what the app shows. Chart 1
has one `art` layer, always drawn whole. Which region is under a point is answered by painmap.app.regions,
which structure by painmap.structures.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer

from painmap.chart_views import CURRENT_CHART, chart_subfolder
from painmap.errors import AtlasError
from painmap.resources import resource_path

LAYERS = ("skin", "muscles", "bones")  # what View ▸ Anatomy toggles
SVG_LAYERS = ("skin", "bones-alone", "muscles", "bones")  # painting order: `bones-alone` (whole) or `bones`
FAINT_BONES = 0.4  # patient mode: the bones as faint bony landmarks under the skin
BARE_SKIN = 0.3  # Skin off: the body's outline stays, faint, so the bones and muscles have their place
HIGHLIGHT_FILL, HIGHLIGHT_EDGE = QColor(156, 107, 78, 120), QColor("#3d2a1f")  # muted brown, never the red (D6)


class Anatomy(NamedTuple):
    """Which layers of an anatomical chart show; `faint` draws the bones faint (patient mode)."""

    skin: bool = True
    muscles: bool = False
    bones: bool = True
    faint: bool = True


CALM = Anatomy()  # patient mode: skin and faint bones
FULL = Anatomy(skin=True, muscles=True, bones=True, faint=False)  # educator mode: muscles and bones


class BodyArt:
    """The SVG art of every view (a mirrored view reuses its mirror's SVG).

    `views` is the atlas, or the window's `ViewFrame`s before the atlas has loaded; `folder` the chart's SVG
    folder (default: the atlas's chart, or the top atlas folder). A view's SVG is loaded when it is first drawn
    (the first paint loads one file); `check()` loads them all and raises AtlasError (one line) for a missing
    or broken one.
    """

    def __init__(self, views, folder: Path | None = None) -> None:
        """`folder`: where the views' SVGs are (default: the atlas's own chart folder, else the first chart's)."""
        self._views = dict(getattr(views, "views", views))
        self.folder = folder if folder is not None else art_folder(views)
        self._renderers: dict[str, tuple[QSvgRenderer, bool]] = {}

    @property
    def key(self) -> str:
        """Names the art drawn (its folder): the canvas caches rendered art under it."""
        return str(self.folder)

    def shows(self, atlas) -> bool:
        """True if this art draws every view of `atlas` from that atlas's chart."""
        return set(atlas.views) <= set(self._views) and self.folder == art_folder(atlas)

    def check(self) -> None:
        """Load every view's art now (AtlasError for a missing or broken file)."""
        for view_id in self._views:
            self._renderer(view_id)

    def layers(self, view_id: str) -> tuple[str, ...]:
        """The anatomy layers the view's SVG has (chart 2: skin, muscles, bones; chart 1: none)."""
        try:
            return tuple(self._renderer(view_id)[2])
        except (AtlasError, KeyError):
            return ()

    def _renderer(self, view_id: str) -> tuple[QSvgRenderer, bool, dict[str, QRectF]]:
        found = self._renderers.get(view_id)
        if found is None:
            view = self._views[view_id]
            own = self.folder / f"{view.id}.svg"
            if own.is_file():
                renderer, mirrored = self._load(own), False
            else:
                mirror = self.folder / f"{view.mirror}.svg"
                if not mirror.is_file():
                    raise AtlasError(f"the body art of the {view.id} view is missing ({own})")
                renderer, mirrored = self._load(mirror), True
            bounds = {
                name: renderer.boundsOnElement(f"layer-{name}")
                for name in SVG_LAYERS
                if renderer.elementExists(f"layer-{name}")
            }
            found = self._renderers[view_id] = (renderer, mirrored, bounds)
        return found

    @staticmethod
    def _load(path: Path) -> QSvgRenderer:
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            raise AtlasError(f"{path}: not a valid SVG file")
        return renderer

    def render(self, painter: QPainter, view, anatomy: Anatomy = CALM) -> None:
        """Draw `view`'s art, its anatomy layers as `anatomy` says; the painter is in the view's mm frame
        (nothing if its art cannot be loaded)."""
        try:
            renderer, mirrored, bounds = self._renderer(view.id)
        except (AtlasError, KeyError):
            return  # start-up reports it (check()) with one line; the canvas stays blank
        if mirrored:
            painter.save()
            painter.setTransform(QTransform(-1, 0, 0, 1, view.width, 0), combine=True)
        if not bounds:
            renderer.render(painter, QRectF(0, 0, view.width, view.height))
        else:
            self._render_layers(painter, renderer, bounds, anatomy)
        if mirrored:
            painter.restore()

    @staticmethod
    def _render_layers(painter: QPainter, renderer: QSvgRenderer, bounds: dict, anatomy: Anatomy) -> None:
        alone = anatomy.bones and not anatomy.muscles and "bones-alone" in bounds  # an older SVG has no such layer
        shown = {"skin": anatomy.skin, "bones-alone": alone, "muscles": anatomy.muscles}
        shown["bones"] = anatomy.bones and not alone
        for name, box in bounds.items():
            opacity = FAINT_BONES if name.startswith("bones") and anatomy.faint else 1.0
            element = f"layer-{name}"
            if name == "skin" and not anatomy.skin and renderer.elementExists("silhouette"):
                element, box, opacity = "silhouette", renderer.boundsOnElement("silhouette"), BARE_SKIN
            elif not shown[name]:
                continue
            painter.save()
            painter.setOpacity(painter.opacity() * opacity)
            renderer.render(painter, element, box)
            painter.restore()


def structure_path(structure) -> QPainterPath:
    """A structure's visible part as one path, its holes left open (odd-even fill)."""
    from painmap.polygons import polygon_path

    path = polygon_path(structure.polygon)
    for hole in structure.holes:
        path.addPath(polygon_path(hole))
    path.setFillRule(path.fillRule().OddEvenFill)
    return path


def paint_highlight(painter: QPainter, structures) -> None:
    """The pattern's own muscle: a muted tint and a dark outline over its visible part (mm frame)."""
    t = painter.worldTransform()
    px = 1.0 / max(1e-6, (t.m11() ** 2 + t.m12() ** 2) ** 0.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for structure in structures:
        painter.setPen(QPen(HIGHLIGHT_EDGE, 1.6 * px))
        painter.setBrush(HIGHLIGHT_FILL)
        painter.drawPath(structure_path(structure))
    painter.restore()


def art_folder(views) -> Path:
    """The folder of a loaded atlas's SVGs (its body and chart); for the window's frames, read before the
    atlas has loaded, the male body's current chart."""
    body = getattr(views, "body", None) or "male"
    chart = getattr(views, "chart", None) or CURRENT_CHART[body]
    return resource_path("atlas", *chart_subfolder(body, chart))
