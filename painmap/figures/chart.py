"""The body chart on a matplotlib Axes, drawn as vectors from the atlas model, plus its overlays.

Overlays: a referral pattern in the Travell & Simons convention (essential solid red, spillover red stipple,
X at each trigger point), a drawing's intensity image (a raster layer placed in millimetres) and the
difference of a drawing against a pattern (matched / missed / extra, each with its own hatch so it reads
in grey-scale). The Axes uses the view's millimetre frame with y pointing down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TR_NOOP

from painmap import style
from painmap.geometry import nonzero_box
from painmap.i18n import tr
from painmap.vocabulary import landmark_word

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from painmap.atlas import View
    from painmap.patterns import Pattern

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in mm

# How each kind of outline is stroked: colour, line width (pt), line style, z-order.
OUTLINE_STYLE: dict[str, tuple[str, float, str, float]] = {
    "silhouette": (style.OUTLINE, 1.0, "-", 3.0),
    "bone": (style.BONE, 0.7, "-", 2.6),
    "muscle": (style.MUSCLE, 0.5, "-", 2.4),
    "crease": (style.CREASE, 0.6, "-", 2.5),
    "detail": (style.CREASE, 0.4, ":", 2.3),
}
TITLE_PAD = 17  # points between a chart and its title: room for the edge markers in between
Z_SKIN, Z_IMAGE, Z_ZONE, Z_DIFF, Z_LINES, Z_LANDMARK, Z_TRP, Z_TEXT = 1, 2, 2.2, 2.8, 3, 4, 5, 6


def view_box(view: View, box: Box | str | None = None, margin: float = 0.0) -> Box:
    """Limits of a view: "full" (None), "focus" (the view's lower back and pelvis) or an explicit box + margin."""
    if box is None or box == "full":
        x0, y0, x1, y1 = 0.0, 0.0, float(view.width), float(view.height)
    elif box == "focus":
        x0, y0, x1, y1 = view.focus if view.focus[2] > view.focus[0] else (0.0, 0.0, view.width, view.height)
    elif isinstance(box, str):
        raise ValueError(f"unknown box {box!r}")
    else:
        x0, y0, x1, y1 = box
    x0, y0 = max(0.0, x0 - margin), max(0.0, y0 - margin)
    x1, y1 = min(float(view.width), x1 + margin), min(float(view.height), y1 + margin)
    return (x0, y0, x1, y1)


def union_box(boxes: Iterable[Box]) -> Box | None:
    """The smallest box holding every box, or None for none."""
    boxes = list(boxes)
    if not boxes:
        return None
    arr = np.asarray(boxes, dtype=float)
    return (float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 2].max()), float(arr[:, 3].max()))


def points_box(points: np.ndarray) -> Box:
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    return (float(pts[:, 0].min()), float(pts[:, 1].min()), float(pts[:, 0].max()), float(pts[:, 1].max()))


def draw_view(
    ax: Axes,
    view: View,
    *,
    box: Box | str | None = None,
    landmarks: bool = True,
    landmark_labels: bool = True,
    label_sides: Sequence[str] | None = None,
    edge_labels: bool = True,
    title: str | None = None,
    label_size: float = 6.5,
    highlight: Sequence[str] = (),
) -> Box:
    """Draw one atlas view and return the limits used: chart 1's skin and outlines by kind, or chart 2's
    anatomy (skin tones, muscles muted, bones filled; `highlight`: muscle ids drawn to stand out)."""
    from matplotlib.patches import Polygon as PolygonPatch

    from painmap.figures.anatomy import draw_anatomy, is_anatomical

    x0, y0, x1, y1 = limits = view_box(view, box)
    anatomical = is_anatomical(view)
    if anatomical:
        draw_anatomy(ax, view, highlight=highlight)
    for poly in () if anatomical else view.silhouette:
        ax.add_patch(PolygonPatch(np.asarray(poly), closed=True, facecolor=style.SKIN, edgecolor="none", zorder=Z_SKIN))
    has_silhouette_line = anatomical
    for outline in () if anatomical else view.outlines:
        color, width, dash, z = OUTLINE_STYLE.get(outline.kind, OUTLINE_STYLE["detail"])
        pts = np.asarray(outline.points, dtype=float)
        if outline.closed and len(pts) > 2:
            pts = np.vstack([pts, pts[:1]])
        ax.plot(pts[:, 0], pts[:, 1], color=color, lw=width, ls=dash, zorder=z, solid_capstyle="round")
        has_silhouette_line |= outline.kind == "silhouette"
    if not has_silhouette_line:
        for poly in view.silhouette:
            pts = np.vstack([poly, poly[:1]])
            ax.plot(pts[:, 0], pts[:, 1], color=style.OUTLINE, lw=1.0, zorder=Z_LINES)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y1, y0)  # y down, as in the atlas frame
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if landmarks:  # after the limits: labels are placed in the final frame
        draw_landmarks(ax, view, limits, labels=landmark_labels, sides=label_sides, size=label_size)
    if edge_labels:
        draw_edge_labels(ax, view.edge_labels, side=side_letter(view))
    heading = tr(view.title) if title is None else title
    if heading:
        ax.set_title(heading, fontsize=9, fontweight="bold", pad=TITLE_PAD if edge_labels else 4)
    return limits


def side_letter(view: View) -> str:
    """ "R" or "L" for a side view (which side of the patient it shows), "" for a back or front view."""
    if "L" in view.edge_labels and "R" in view.edge_labels:
        return ""
    return "L" if view.id.endswith("-left") else "R"


def _text_width(text: str, size: float) -> float:
    """Width of bold `text` at `size` points, in points (the font's outlines, any backend)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    return TextPath((0, 0), text, size=size, prop=FontProperties(weight="bold")).get_extents().width


def _axes_width(ax: Axes) -> float:
    """The axes' width on the page, in points."""
    return ax.get_position().width * ax.figure.get_figwidth() * 72


def draw_edge_labels(ax: Axes, labels: Sequence[str], size: float = 10, side: str = "") -> None:
    """The viewer's left and right edge markers (patient's L / R, or Back / Front) just above the top corners;
    a side view also gets its side (`side`, "R" or "L") between them, or below the panel when a narrow panel
    (three views on a sheet, longer words in a translation) leaves no room between them. Markers wider than
    the panel are made smaller, down to 6 pt."""
    box = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": style.SIDE_MARKER, "lw": 0.8}
    texts = [tr(text) for text in labels]
    pad = 2 * 0.2 * size + 6  # each box's padding on both sides and the gap to the panel's edge (points)
    room = _axes_width(ax)
    need = sum(_text_width(t, size) + pad for t in texts)
    if need > room:
        size = max(6.0, size * room / need)
        need = sum(_text_width(t, size) + pad for t in texts)
    if side:
        letter = tr(side)
        above = need + _text_width(letter, size) + 2 * pad <= room
        ax.annotate(
            letter, (0.5, 1.0 if above else 0.0), xycoords="axes fraction", xytext=(0, 3 if above else -3),
            textcoords="offset points", ha="center", va="bottom" if above else "top", fontsize=size,
            fontweight="bold", color="white", zorder=Z_TEXT, annotation_clip=False,
            bbox={**box, "facecolor": style.SIDE_MARKER},
        )  # fmt: skip
    for x, text, align in ((0.0, texts[0], "left"), (1.0, texts[1], "right")):
        ax.annotate(
            text, (x, 1.0), xycoords="axes fraction", xytext=(2 if align == "left" else -2, 3),
            textcoords="offset points", ha=align, va="bottom", fontsize=size, fontweight="bold",
            color=style.SIDE_MARKER, bbox=box, zorder=Z_TEXT, annotation_clip=False,
        )  # fmt: skip


def draw_landmarks(
    ax: Axes, view: View, limits: Box, *, labels: bool = True, sides: Sequence[str] | None = None, size: float = 6.5
) -> None:
    """Landmark dots inside the limits, with short labels (only on `sides` when given, e.g. away from a pattern)."""
    x0, y0, x1, y1 = limits
    for lm in view.landmarks:
        if x0 <= lm.x <= x1 and y0 <= lm.y <= y1:
            ax.plot([lm.x], [lm.y], "o", ms=2.6, color=style.LANDMARK, mec="white", mew=0.4, zorder=Z_LANDMARK)
    if labels:
        draw_landmark_labels(ax, view, limits, sides=sides, size=size)


def draw_landmark_labels(
    ax: Axes,
    view: View,
    limits: Box,
    *,
    sides: Sequence[str] | None = None,
    size: float = 6.5,
    avoid: Sequence[tuple[float, float]] = (),
) -> list:
    """Labels of the landmarks inside the limits, placed so that no two texts overlap (leader lines when a
    label has to move away from its dot); they also keep off every landmark dot and the points in `avoid`
    (trigger points). Returns the texts placed."""
    from painmap.figures.labels import LabelPlacer

    x0, y0, x1, y1 = limits
    inside = [lm for lm in view.landmarks if x0 <= lm.x <= x1 and y0 <= lm.y <= y1]
    placer = LabelPlacer(ax)
    for lm in inside:
        placer.avoid_point(lm.x, lm.y, 2.0)
    for x, y in avoid:
        placer.avoid_point(x, y, 4.5)
    placed = []
    middle = (x0 + x1) / 2
    for lm in sorted(inside, key=lambda lm: (lm.y, lm.x)):
        if sides is not None and lm.side not in sides:
            continue
        first = (4.0, 0.0) if lm.x >= middle else (-4.0, 0.0)
        text = placer.place(lm.x, lm.y, landmark_word(landmark_text(lm)), size=size, color=style.LANDMARK, first=first,
                            zorder=Z_LANDMARK + 0.2)  # fmt: skip
        if text is not None:
            placed.append(text)
    return placed


def landmark_text(landmark) -> str:
    """A short label: the landmark's own label without the side words, else its id."""
    text = landmark.label or landmark.id.replace("-", " ")
    for word in ("left ", "right ", "Left ", "Right "):
        text = text.replace(word, "")
    return text


def pattern_box(pattern: Pattern, view_id: str, width: float | None = None) -> Box | None:
    """Bounds of a pattern's zones and trigger points on one view (bilateral zones mirrored too)."""
    boxes: list[Box] = []
    for zone in pattern.zones:
        if zone.view != view_id:
            continue
        boxes.append(points_box(zone.polygon))
        if zone.bilateral and width is not None and view_id in ("posterior", "anterior"):
            mirrored = np.asarray(zone.polygon, dtype=float).copy()
            mirrored[:, 0] = width - mirrored[:, 0]
            boxes.append(points_box(mirrored))
    boxes += [(tp.x, tp.y, tp.x, tp.y) for tp in pattern.trigger_points if tp.view == view_id]
    return union_box(boxes)


def zone_polygons(pattern: Pattern, view: View, kind: str | None = None) -> list[tuple[object, np.ndarray]]:
    """(zone, polygon) pairs of a pattern on a view; bilateral zones on a symmetric view appear mirrored too."""
    out = []
    for zone in pattern.zones:
        if zone.view != view.id or (kind and zone.kind != kind):
            continue
        poly = np.asarray(zone.polygon, dtype=float)
        out.append((zone, poly))
        if zone.bilateral and view.mirror == view.id:
            mirrored = poly.copy()
            mirrored[:, 0] = view.width - mirrored[:, 0]
            out.append((zone, mirrored))
    return out


def draw_pattern(
    ax: Axes,
    pattern: Pattern,
    view: View,
    *,
    trigger_points: bool = True,
    trigger_labels: bool = True,
    weights: bool = True,
    alpha: float = style.ESSENTIAL_ALPHA,
    outline_only: bool = False,
) -> int:
    """Draw a pattern's zones on a view (spillover under essential) and its trigger points; returns zones drawn."""
    from matplotlib.patches import Polygon as PolygonPatch

    drawn = 0
    graded: list[tuple[float, float, str]] = []
    for kind in ("spillover", "essential"):
        for zone, poly in zone_polygons(pattern, view, kind):
            drawn += 1
            if outline_only:
                ax.add_patch(
                    PolygonPatch(poly, closed=True, fill=False, edgecolor=style.ESSENTIAL, lw=1.2,
                                 ls="-" if kind == "essential" else "--", zorder=Z_LINES + 0.1)
                )  # fmt: skip
                continue
            if kind == "essential":
                ax.add_patch(
                    PolygonPatch(poly, closed=True, facecolor=style.ESSENTIAL, alpha=alpha, edgecolor="none",
                                 zorder=Z_ZONE + 0.1)
                )  # fmt: skip
                ax.add_patch(
                    PolygonPatch(poly, closed=True, fill=False, edgecolor=style.ESSENTIAL, lw=0.8,
                                 zorder=Z_ZONE + 0.15)
                )  # fmt: skip
            else:
                ax.add_patch(
                    PolygonPatch(poly, closed=True, fill=False, hatch=style.SPILLOVER_HATCH,
                                 edgecolor=style.SPILLOVER, lw=0.6, ls=(0, (3, 2)), zorder=Z_ZONE)
                )  # fmt: skip
            if weights and getattr(zone, "weight", 1.0) < 1.0:
                cx, cy = poly.mean(axis=0)
                graded.append((float(cx), float(cy), f"{zone.weight * 100:.0f} %"))
    if graded:  # the share of patients per graded zone, at its centre or as near as it fits
        from painmap.figures.labels import LabelPlacer

        placer = LabelPlacer(ax)
        for cx, cy, text in graded:
            placer.place(cx, cy, text, size=6.5, color=style.SIDE_MARKER, halo=2.2, zorder=Z_TEXT, first=(0.0, 0.0))
    if trigger_points:
        draw_trigger_points(ax, pattern, view, labels=trigger_labels)
    return drawn


def draw_trigger_points(ax: Axes, pattern: Pattern, view: View, *, labels: bool = True) -> None:
    """An X at each trigger point on this view, with its short label."""
    from painmap.figures.labels import LabelPlacer

    tps = [tp for tp in pattern.trigger_points if tp.view == view.id]
    for tp in tps:
        ax.plot([tp.x], [tp.y], marker="x", ms=7, mew=2.6, color="white", zorder=Z_TRP, ls="none")
        ax.plot([tp.x], [tp.y], marker="x", ms=6, mew=1.6, color=style.TRIGGER_POINT, zorder=Z_TRP + 0.1, ls="none")
    if labels and tps:
        placer = LabelPlacer(ax)
        for tp in tps:
            placer.avoid_point(tp.x, tp.y, 4.5)
        for tp in tps:
            short = tp.id.upper().replace("TRP", "TrP")
            for text in dict.fromkeys((tp.label or short, short)):  # the short id where the whole label has no room
                if placer.place(tp.x, tp.y, text, size=6.5, weight="bold",
                                color=style.TRIGGER_POINT, halo=2.4, zorder=Z_TEXT, first=(5.0, 4.0)):  # fmt: skip
                    break


def draw_intensity(ax: Axes, intensity: np.ndarray, view: View, *, alpha: float = 0.9) -> None:
    """A drawing's intensity array (0 = no pain, 1..10) of a view as an image layer in its millimetres."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    cmap = ListedColormap(list(style.INTENSITY_COLORS[1:]))
    norm = BoundaryNorm(np.arange(0.5, 11.5, 1.0), cmap.N)
    crop = painted_crop(intensity, view)
    if crop is None:
        return
    data, extent = crop
    ax.imshow(
        np.ma.masked_equal(data, 0), cmap=cmap, norm=norm, extent=extent, origin="upper", interpolation="nearest",
        alpha=alpha, zorder=Z_IMAGE, resample=False,
    )  # fmt: skip
    ax.set_aspect("equal", adjustable="box")


def painted_crop(array: np.ndarray, view: View) -> tuple[np.ndarray, Box] | None:
    """The non-zero part of a view's raster and its imshow extent in mm (only that part is drawn: fast, small)."""
    array = np.asarray(array)
    box = nonzero_box(array)
    if box is None:
        return None
    r0, r1, c0, c1 = box
    sx, sy = view.width / array.shape[1], view.height / array.shape[0]
    return array[r0:r1, c0:c1], (c0 * sx, c1 * sx, r1 * sy, r0 * sy)


def painted_box(array: np.ndarray, view: View) -> Box | None:
    """(x0, y0, x1, y1) in mm of a view raster's non-zero pixels; None when nothing is painted."""
    box = nonzero_box(array)
    if box is None:
        return None
    r0, r1, c0, c1 = box
    sx, sy = view.width / array.shape[1], view.height / array.shape[0]
    return (c0 * sx, r0 * sy, c1 * sx, r1 * sy)


def intensity_colorbar(figure, ax: Axes, *, cax=None, orientation: str = "vertical", **kwargs):
    """A colour bar of the 1..10 pain intensity scale."""
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import BoundaryNorm, ListedColormap

    cmap = ListedColormap(list(style.INTENSITY_COLORS[1:]))
    norm = BoundaryNorm(np.arange(0.5, 11.5, 1.0), cmap.N)
    bar = figure.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, cax=cax, orientation=orientation, **kwargs)
    bar.set_ticks(range(1, 11))
    bar.outline.set_linewidth(0.5)
    bar.ax.tick_params(labelsize=6.5, length=2)
    return bar


DIFFERENCE_STYLE = {  # name: (colour, hatch, label)
    "matched": (style.MATCHED, style.MATCHED_HATCH, QT_TR_NOOP("matched (in drawing and pattern)")),
    "missed": (style.MISSED, style.MISSED_HATCH, QT_TR_NOOP("missed (pattern only)")),
    "extra": (style.EXTRA, style.EXTRA_HATCH, QT_TR_NOOP("extra (drawing only)")),
}


def draw_mask_region(ax: Axes, mask: np.ndarray, view: View, color: str, hatch: str, alpha: float = 0.45):
    """One boolean mask of a view as vector filled contours (with a hatch), placed in millimetres."""
    import matplotlib

    mask = np.asarray(mask, dtype=bool)
    box = nonzero_box(mask)
    if box is None:
        return None
    r0, r1, c0, c1 = box
    sx, sy = view.width / mask.shape[1], view.height / mask.shape[0]
    # Only the painted crop, framed by one pixel of zeros so every contour closes; pixel centres in mm.
    padded = np.zeros((r1 - r0 + 2, c1 - c0 + 2), dtype=np.float32)
    padded[1:-1, 1:-1] = mask[r0:r1, c0:c1]
    xs = (np.arange(c0 - 1, c1 + 1) + 0.5) * sx
    ys = (np.arange(r0 - 1, r1 + 1) + 0.5) * sy
    with matplotlib.rc_context({"hatch.color": color, "hatch.linewidth": 0.9}):
        fill = ax.contourf(xs, ys, padded, levels=[0.5, 1.5], colors=[color], alpha=alpha, zorder=Z_DIFF)
        edge = ax.contourf(xs, ys, padded, levels=[0.5, 1.5], colors="none", hatches=[hatch or None], zorder=Z_DIFF)
        ax.contour(xs, ys, padded, levels=[0.5], colors=[color], linewidths=0.8, zorder=Z_DIFF + 0.05)
    return fill, edge


def draw_difference(
    ax: Axes, matched: np.ndarray, missed: np.ndarray, extra: np.ndarray, view: View, *, alpha: float = 0.45
) -> None:
    """The matched / missed / extra masks of a drawing against a pattern, colour plus hatch."""
    for name, mask in (("matched", matched), ("missed", missed), ("extra", extra)):
        color, hatch, _ = DIFFERENCE_STYLE[name]
        draw_mask_region(ax, mask, view, color, hatch, alpha=alpha)


def pattern_legend_handles(weights: bool = False, trigger_points: bool = True) -> list:
    """Legend entries of the Travell & Simons convention (the X only when there are trigger points)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=style.ESSENTIAL, alpha=style.ESSENTIAL_ALPHA, edgecolor=style.ESSENTIAL,
              label=tr("essential zone (solid)")),
        Patch(facecolor="white", hatch=style.SPILLOVER_HATCH, edgecolor=style.SPILLOVER, ls=(0, (3, 2)),
              label=tr("spillover zone (stippled)")),
        Line2D([], [], marker="o", ls="none", color=style.LANDMARK, mec="white", ms=3.5, label=tr("bony landmark")),
    ]  # fmt: skip
    if trigger_points:
        handles.insert(2, Line2D([], [], marker="x", ls="none", color=style.TRIGGER_POINT, mew=1.6, ms=6,
                                 label=tr("X = trigger point")))  # fmt: skip
    if weights:
        handles.append(Patch(facecolor="white", edgecolor="none", label=tr("% = share of patients with pain there")))
    return handles


def difference_legend_handles() -> list:
    """Legend entries of the difference overlay."""
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=color, alpha=0.6, hatch=hatch or None, edgecolor=color, label=tr(label))
        for color, hatch, label in DIFFERENCE_STYLE.values()
    ]
