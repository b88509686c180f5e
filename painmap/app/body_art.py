"""What the body canvas draws from the resources: the SVG art of each view, layer by layer.

`BodyArt` loads each view's SVG from its chart's folder when it is first drawn and checks them all once the
engine loads (a view without its own SVG, `lateral-left`, is its mirror view's SVG flipped). Chart 2's SVGs
have Inkscape layers `skin`, `muscles` and `bones`, and `bones-alone` (the bones whole, drawn instead of `bones`
when the muscles are hidden; docs/atlas.md); `Anatomy` says which of them show, and they are rendered from the
SVG's own layer groups, so a hand edit in Inkscape is what the app shows. Chart 1 has one `art` layer, always
drawn whole. To draw, a view's SVG is parsed without the layer groups it does not draw (the atlas's hidden data
layers, the muscles until they show, and whichever of `bones` and `bones-alone` is not drawn: a third of the
file for the calm first paint); `check()` parses every file whole. QtSvg is imported at the first parse: a
start that paints the art from the disk (painmap.app.art_disk) needs neither QtSvg nor a parse, and `source()`
names the file a picture is made from for that cache's key. Which region is under a point is answered by
painmap.app.regions, which structure by painmap.structures.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from painmap.app.enum_free import clear
from painmap.chart_views import CURRENT_CHART, chart_subfolder
from painmap.errors import AtlasError
from painmap.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

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
        self._renderers: dict[str, _Loaded] = {}
        self._read: dict[Path, bytes] = {}  # each file's bytes, read once

    @property
    def key(self) -> str:
        """Names the art drawn (its folder): the canvas caches rendered art under it."""
        return str(self.folder)

    def shows(self, atlas) -> bool:
        """True if this art draws every view of `atlas` from that atlas's chart."""
        return set(atlas.views) <= set(self._views) and self.folder == art_folder(atlas)

    def check(self) -> None:
        """Load every view's art now, each file whole (AtlasError for a missing or broken file)."""
        for view_id in self._views:
            self._renderer(view_id, whole=True)

    def layers(self, view_id: str) -> tuple[str, ...]:
        """The anatomy layers the view's SVG has (chart 2: skin, muscles, bones; chart 1: none); read from the
        file's layer groups when it is not parsed yet (no QtSvg)."""
        found = self._renderers.get(view_id)
        if found is not None:
            return found.layers
        try:
            path, _mirrored = self._file(view_id)
            groups = _layer_groups(self._bytes(path))
        except (AtlasError, KeyError):
            return ()
        return tuple(name for name in LAYERS if name in groups)

    def source(self, view_id: str) -> str:
        """What the view's art is drawn from, for a cache key: its SVG's path, whether it is mirrored, the file's
        size and the CRC-32 of its bytes (AtlasError or KeyError when it cannot be read). A file not read yet is
        hashed through a read-only mapping: a start that paints from the disk cache copies none of its ~1 MB."""
        path, mirrored = self._file(view_id)
        data = self._read.get(path)
        if data is None:
            try:
                with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                    size, crc = len(mapped), zlib.crc32(mapped)
            except (OSError, ValueError):  # an empty file cannot be mapped; an unreadable one says so in one line
                data = self._bytes(path)
        if data is not None:
            size, crc = len(data), zlib.crc32(data)
        return f"{path}\0{int(mirrored)}\0{size}\0{crc:08x}"

    def _file(self, view_id: str) -> tuple[Path, bool]:
        """(the SVG file of the view, whether it is its mirror view's)."""
        view = self._views[view_id]
        path = self.folder / f"{view.id}.svg"
        if path.is_file():
            return path, False
        mirror = self.folder / f"{view.mirror}.svg"
        if not mirror.is_file():
            raise AtlasError(f"the body art of the {view.id} view is missing ({path})")
        return mirror, True

    def _bytes(self, path: Path) -> bytes:
        """The file's bytes, read once: every parse and `source()` see the same bytes (~1 MB for chart 2)."""
        data = self._read.get(path)
        if data is None:
            try:
                data = self._read[path] = path.read_bytes()
            except OSError as err:
                raise AtlasError(f"{path}: cannot be read ({err.strerror or err})") from None
        return data

    def _renderer(self, view_id: str, anatomy: Anatomy = CALM, whole: bool = False) -> _Loaded:
        """The view's renderer, with at least the layers `anatomy` draws (`whole`: the whole file)."""
        found = self._renderers.get(view_id)
        if found is not None and (found.whole or not (whole or _drawn(anatomy, found.groups) & found.left_out)):
            return found
        path, mirrored = self._file(view_id)
        data = self._bytes(path)
        spans = _layer_groups(data)
        groups = frozenset(spans)
        layers = tuple(name for name in LAYERS if name in groups)
        drop: frozenset[str] = frozenset()  # a chart without anatomy layers (chart 1) is drawn whole
        if layers and not whole:
            drop = groups - _drawn(anatomy, groups)
        renderer = self._load(path, _without(data, [spans[n] for n in drop]) if drop else data)
        bounds = {
            name: renderer.boundsOnElement(f"layer-{name}")
            for name in SVG_LAYERS
            if name not in drop and renderer.elementExists(f"layer-{name}")
        }
        found = self._renderers[view_id] = _Loaded(renderer, mirrored, bounds, layers, drop, groups)
        return found

    @staticmethod
    def _load(path: Path, data: bytes) -> QSvgRenderer:
        renderer = _svg_renderer()(QByteArray(data))
        if not renderer.isValid():
            raise AtlasError(f"{path}: not a valid SVG file")
        return renderer

    def render(self, painter: QPainter, view, anatomy: Anatomy = CALM) -> None:
        """Draw `view`'s art, its anatomy layers as `anatomy` says; the painter is in the view's mm frame
        (nothing if its art cannot be loaded)."""
        try:
            loaded = self._renderer(view.id, anatomy)
            renderer, mirrored, bounds = loaded.renderer, loaded.mirrored, loaded.bounds
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
        shown = _drawn(anatomy, bounds)
        for name, box in bounds.items():
            opacity = FAINT_BONES if name.startswith("bones") and anatomy.faint else 1.0
            element = f"layer-{name}"
            if name == "skin" and not anatomy.skin and renderer.elementExists("silhouette"):
                element, box, opacity = "silhouette", renderer.boundsOnElement("silhouette"), BARE_SKIN
            elif name not in shown:
                continue
            if opacity < 1.0 and element.startswith("layer-"):
                _render_faint(painter, renderer, element, box, opacity)
                continue
            painter.save()
            painter.setOpacity(painter.opacity() * opacity)
            renderer.render(painter, element, box)
            painter.restore()


def _svg_renderer() -> type[QSvgRenderer]:
    """QSvgRenderer, QtSvg imported at the first parse (a test may put another in the module's globals)."""
    found = globals().get("QSvgRenderer")
    if found is None:
        from PySide6.QtSvg import QSvgRenderer as found

        globals()["QSvgRenderer"] = found
    return found


def __getattr__(name: str):
    if name == "QSvgRenderer":
        return _svg_renderer()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _drawn(anatomy: Anatomy, groups) -> frozenset[str]:
    """The SVG layers drawn for `anatomy`, of the `groups` a file has: the skin (or its silhouette), the muscles
    when shown, and the bones whole (`bones-alone`) when the muscles are hidden, else `bones` (an older SVG has
    no `bones-alone`)."""
    alone = anatomy.bones and not anatomy.muscles and "bones-alone" in groups
    drawn = {"skin"} | ({"muscles"} if anatomy.muscles else set())
    drawn |= {"bones-alone"} if alone else ({"bones"} if anatomy.bones else set())
    return frozenset(drawn)


def _render_faint(painter: QPainter, renderer: QSvgRenderer, element: str, box: QRectF, opacity: float) -> None:
    """A layer group drawn at `opacity` as one (where its paths overlap it is no darker): drawn opaque into a
    transparent image over the group's place, then laid over. QtSvg does the same for a group under a
    translucent painter, but first measures the group's outline with its strokes, which costs 4x the drawing."""
    t = painter.worldTransform()
    device = painter.device()
    dpr = device.devicePixelRatioF()
    to_device = t * QTransform.fromScale(dpr, dpr)
    margin = 16 + 2.0 * (to_device.m11() ** 2 + to_device.m12() ** 2) ** 0.5  # 2 mm covers the strokes' width
    place = to_device.mapRect(box).adjusted(-margin, -margin, margin, margin)
    place = place.intersected(QRectF(0, 0, device.width(), device.height())).toAlignedRect()  # device pixels
    if place.isEmpty():
        return
    image = QImage(place.width(), place.height(), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    at = QPointF(place.x() / dpr, place.y() / dpr)
    layer = QPainter(image)
    clear(layer, image)  # transparent (not QImage.fill: painmap.app.enum_free)
    layer.setRenderHints(painter.renderHints())
    layer.setTransform(t * QTransform.fromTranslate(-at.x(), -at.y()))
    renderer.render(layer, element, box)
    layer.end()
    painter.save()
    painter.resetTransform()
    painter.setOpacity(painter.opacity() * opacity)
    painter.drawImage(at, image)
    painter.restore()


class _Loaded(NamedTuple):
    """A view's parsed SVG: its renderer, whether it is its mirror's, the bounds of the layers it holds, the
    anatomy layers the file has, the layer groups left out of what was parsed and all the file's groups."""

    renderer: QSvgRenderer
    mirrored: bool
    bounds: dict[str, QRectF]
    layers: tuple[str, ...]
    left_out: frozenset[str]
    groups: frozenset[str]  # every layer group of the file

    @property
    def whole(self) -> bool:
        return not self.left_out


# compiled at the first parse (`re` keeps them): a start that paints from the disk cache parses no SVG
_GROUP = rb"<g\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>|</g\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>"
_LAYER_ID = rb"""\sid\s*=\s*["']layer-([\w-]+)["']"""


def _layer_groups(data: bytes) -> dict[str, tuple[int, int]]:
    """name -> (start, end) byte span of each top-level `<g id="layer-NAME">…</g>` of the SVG's root; {} when the
    file's groups do not nest properly (it is then parsed whole, and Qt says what is wrong with it)."""
    root = data.find(b"<svg")
    if root < 0:
        return {}
    found: dict[str, tuple[int, int]] = {}
    depth, start, name = 0, 0, None
    group, layer_id = re.compile(_GROUP, re.S), re.compile(_LAYER_ID)
    for match in group.finditer(data, root):
        text = match.group(0)
        if text.startswith(b"<!"):
            continue
        if text.startswith(b"</"):
            depth -= 1
            if depth < 0:
                return {}
            if depth == 0 and name is not None:
                found[name.decode("ascii", "replace")] = (start, match.end())
                name = None
        elif not match.group(1):
            if depth == 0:
                layer = layer_id.search(text)
                start, name = match.start(), layer.group(1) if layer else None
            depth += 1
    return found if depth == 0 else {}


def _without(data: bytes, spans) -> bytes:
    """`data` without the byte spans given."""
    parts, at = [], 0
    for start, end in sorted(spans):
        parts.append(data[at:start])
        at = end
    parts.append(data[at:])
    return b"".join(parts)


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
