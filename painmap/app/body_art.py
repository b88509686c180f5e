"""What the body canvas draws from the resources: the SVG art of each view.

`BodyArt` loads each view's SVG when it is first drawn and checks them all once the engine loads (a view
without its own SVG, `lateral-left`, is its mirror view's SVG flipped). Which region is under a point is
answered by painmap.app.regions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtSvg import QSvgRenderer

from painmap.errors import AtlasError
from painmap.resources import resource_path


class BodyArt:
    """The SVG art of every view (a mirrored view reuses its mirror's SVG).

    `views` is the atlas, or the window's `ViewFrame`s before the atlas has loaded. A view's SVG is loaded when
    it is first drawn (the first paint loads one file); `check()` loads them all and raises AtlasError (one
    line) for a missing or broken one.
    """

    def __init__(self, views, folder: Path | None = None) -> None:
        """`folder`: where the views' SVGs are (default: the atlas's own chart folder, else the first chart's)."""
        self._views = dict(getattr(views, "views", views))
        self.folder = folder if folder is not None else art_folder(views)
        self._renderers: dict[str, tuple[QSvgRenderer, bool]] = {}

    def shows(self, atlas) -> bool:
        """True if this art draws every view of `atlas` from that atlas's chart."""
        return set(atlas.views) <= set(self._views) and self.folder == art_folder(atlas)

    def check(self) -> None:
        """Load every view's art now (AtlasError for a missing or broken file)."""
        for view_id in self._views:
            self._renderer(view_id)

    def _renderer(self, view_id: str) -> tuple[QSvgRenderer, bool]:
        found = self._renderers.get(view_id)
        if found is None:
            view = self._views[view_id]
            own = self.folder / f"{view.id}.svg"
            if own.is_file():
                found = (self._load(own), False)
            else:
                mirror = self.folder / f"{view.mirror}.svg"
                if not mirror.is_file():
                    raise AtlasError(f"the body art of the {view.id} view is missing ({own})")
                found = (self._load(mirror), True)
            self._renderers[view_id] = found
        return found

    @staticmethod
    def _load(path: Path) -> QSvgRenderer:
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            raise AtlasError(f"{path}: not a valid SVG file")
        return renderer

    def render(self, painter: QPainter, view) -> None:
        """Draw `view`'s art; the painter is in the view's mm frame (nothing if its art cannot be loaded)."""
        try:
            renderer, mirrored = self._renderer(view.id)
        except (AtlasError, KeyError):
            return  # start-up reports it (check()) with one line; the canvas stays blank
        if mirrored:
            painter.save()
            painter.setTransform(QTransform(-1, 0, 0, 1, view.width, 0), combine=True)
        renderer.render(painter, QRectF(0, 0, view.width, view.height))
        if mirrored:
            painter.restore()


def art_folder(views) -> Path:
    """The folder of a loaded atlas's SVGs (its body and chart, painmap.atlas.chart_folder); the first chart's
    for the window's frames before the atlas has loaded."""
    base = resource_path("atlas")
    chart = getattr(views, "chart", None)
    if chart is None:
        return base
    from painmap.atlas import chart_folder

    return chart_folder(base, views.body, chart)
