"""Learned patterns: a group's frequency map turned into a pattern in the library's own format.

`learn(paths, pattern_id, name, out_dir)` counts, for every pixel of the comparison grid, the share of the
drawings that shade it (one-sided left drawings brought onto the stored right side first), and writes
`out_dir/<id>/pattern.toml` and one `<view>.svg` per view: essential zones where at least `essential` of the
drawings shade, spillover zones where at least `spillover` do. The pattern is of kind "learned": no trigger
points and no innervation; its provenance (files, count, thresholds, date) is in its texts and its
`[learned]` table. The folder is written beside the target, validated by the pattern loader, then renamed
into place, so a library folder never holds a partial pattern. Format: docs/patterns.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from painmap import __version__
from painmap.chart_versions import chart_of
from painmap.contours import MIN_ZONE_MM2, mask_polygons
from painmap.errors import PainmapError, PatternError
from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks

if TYPE_CHECKING:
    from painmap.atlas import Atlas
    from painmap.cohort import Pixels
    from painmap.patterns import Pattern

__all__ = [
    "ESSENTIAL_SHARE",
    "SPILLOVER_SHARE",
    "FrequencyCounts",
    "LearnError",
    "Learned",
    "LearnedZone",
    "check_id",
    "check_thresholds",
    "frequency_counts",
    "learn",
    "learned_zones",
    "pattern_toml",
    "stored_views",
    "view_svg",
    "write_learned",
]

ESSENTIAL_SHARE = 0.5
SPILLOVER_SHARE = 0.2
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class LearnError(PainmapError):
    """A pattern could not be learned (bad id or thresholds, no drawing, nothing shaded often enough)."""


@dataclass
class FrequencyCounts:
    """Per stored view, how many drawings shade each pixel of the comparison grid."""

    counts: dict[str, np.ndarray]
    n_drawings: int
    n_mirrored: int
    px_per_mm: float
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LearnedZone:
    view: str
    kind: str  # essential | spillover
    polygon: np.ndarray  # (N, 2) mm


@dataclass
class Learned:
    """What `learn` wrote."""

    pattern: Pattern
    folder: Path
    n_drawings: int
    n_mirrored: int
    zones: list[LearnedZone]


def check_thresholds(essential: float, spillover: float) -> None:
    """0 < spillover <= essential <= 1, or LearnError."""
    for name, value in (("--essential", essential), ("--spillover", spillover)):
        if not 0.0 < value <= 1.0:  # also NaN
            raise LearnError(f"{name} must be a share in (0, 1], not {value!r}")
    if spillover > essential:
        raise LearnError(f"--spillover ({spillover:g}) must not exceed --essential ({essential:g})")


def stored_views(atlas: Atlas) -> list[str]:
    """Views a pattern may be stored on (not the derived mirror views such as lateral-left)."""
    return [v for v in atlas.views if not v.endswith("-left")]


def frequency_counts(drawings: Sequence[Pixels], atlas: Atlas, px_per_mm: float = DEFAULT_PX_PER_MM) -> FrequencyCounts:
    """Count the drawings' pixels on the stored views (shading of a derived mirror view is left out)."""
    from painmap.cohort import count_pixels

    masks = AtlasMasks(atlas, px_per_mm)
    shapes = {v: masks.grid(v).shape for v in stored_views(atlas)}
    kept = [type(d)(d.path, {v: i for v, i in d.views.items() if v in shapes}, d.mirrored) for d in drawings]
    counts = count_pixels(kept, shapes)
    return FrequencyCounts(
        counts, len(drawings), sum(d.mirrored for d in drawings), px_per_mm, [d.path for d in drawings]
    )


def learned_zones(freq: FrequencyCounts, atlas: Atlas, essential: float, spillover: float) -> list[LearnedZone]:
    """Essential and spillover outlines of the frequency map; LearnError when no essential zone results."""
    check_thresholds(essential, spillover)
    if freq.n_drawings == 0:
        raise LearnError("no drawings to learn from")
    masks = AtlasMasks(atlas, freq.px_per_mm)
    zones: list[LearnedZone] = []
    for view_id, counts in freq.counts.items():
        grid = masks.grid(view_id)
        for kind, share in (("essential", essential), ("spillover", spillover)):
            need = max(1, int(np.ceil(share * freq.n_drawings - 1e-9)))
            for polygon in mask_polygons(counts >= need, grid.sx, grid.sy):
                zones.append(LearnedZone(view_id, kind, polygon))
    if not any(z.kind == "essential" for z in zones):
        peak = max((int(c.max()) for c in freq.counts.values()), default=0) / freq.n_drawings
        raise LearnError(
            f"no area of at least {MIN_ZONE_MM2:g} mm² is shaded by {essential:.0%} of the {freq.n_drawings} drawings "
            f"(the most shaded point: {peak:.0%}); lower --essential"
        )
    return zones


# --- writing ----------------------------------------------------------------------------------------------------


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _toml_list(items: Sequence[str]) -> str:
    if not items:
        return "[]"
    return "[\n" + "".join(f"  {_toml_string(s)},\n" for s in items) + "]"


def pattern_toml(
    pattern_id: str,
    name: str,
    views: Sequence[str],
    freq: FrequencyCounts,
    essential: float,
    spillover: float,
    mirror: bool,
    date: str,
) -> str:
    """The pattern.toml text of a learned pattern, provenance included."""
    n = freq.n_drawings
    day = date[:10]
    summary = (
        f"Where at least {essential:.0%} of {n} drawings shade pain (essential) and at least {spillover:.0%} "
        f"(spillover); learned from drawings, not a textbook map."
    )
    side = (
        f"{freq.n_mirrored} one-sided left drawings were mirrored onto the right side before counting."
        if mirror
        else "Drawings were counted as drawn (no mirroring)."
    )
    notes = [
        f"Learned by painmap {__version__} on {day} from {n} drawings at {freq.px_per_mm:g} px/mm.",
        side,
        f"Zones are outlines of the frequency map; holes are filled and parts under {MIN_ZONE_MM2:g} mm² dropped.",
        "Shading on a mirrored side view (lateral-left) of two-sided drawings is not part of the pattern.",
    ]
    source = f"Learned from {n} pain drawings with painmap learn on {day} (files listed under [learned])."
    lines = [
        "# A learned pattern, written by painmap learn. Format: docs/patterns.md.",
        f"id = {_toml_string(pattern_id)}",
        f"name = {_toml_string(name)}",
        'kind = "learned"',
        'side = "right"',
        f"views = {json.dumps(list(views))}",
        f"summary = {_toml_string(summary)}",
        f"notes = {_toml_list(notes)}",
        f"sources = {_toml_list([source])}",
        "",
        "[learned]",
        f"drawings = {n}",
        f"mirrored = {freq.n_mirrored}",
        f"mirror = {'true' if mirror else 'false'}",
        f"essential = {essential!r}",
        f"spillover = {spillover!r}",
        f"px_per_mm = {freq.px_per_mm!r}",
        f"date = {_toml_string(date)}",
        f"painmap = {_toml_string(__version__)}",
        f"files = {_toml_list(freq.files)}",
    ]
    return "\n".join(lines) + "\n"


def view_svg(
    view_id: str,
    width: float,
    height: float,
    zones: Sequence[LearnedZone],
    essential: float,
    spillover: float,
    chart: tuple[str, int] = ("male", 1),
) -> str:
    """One view's SVG, drawn over `chart` (its `painmap:chart`, painmap.pattern_carry): spillover then essential."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'xmlns:painmap="urn:painmap:pattern:1" painmap:chart="{chart[0]}-{chart[1]}" '
        f'width="{width:g}mm" height="{height:g}mm" viewBox="0 0 {width:g} {height:g}">\n'
    )
    parts = [head]
    for kind, share, style in (
        ("spillover", spillover, "fill:#c8102e;fill-opacity:0.18;stroke:#c8102e;stroke-width:0.8;stroke-dasharray:3,2"),
        ("essential", essential, "fill:#c8102e;fill-opacity:0.55;stroke:#c8102e;stroke-width:0.8"),
    ):
        parts.append(f'  <g id="layer-{kind}">\n')
        for k, zone in enumerate((z for z in zones if z.kind == kind), start=1):
            d = "M " + " L ".join(f"{x:.2f},{y:.2f}" for x, y in zone.polygon) + " Z"
            label = f"shaded by at least {share:.0%} of the drawings"
            parts.append(
                f'    <path id="{view_id}-{kind}-{k}" painmap:kind="{kind}" painmap:label="{label}" '
                f'style="{style}"\n      d="{d}" />\n'
            )
        parts.append("  </g>\n")
    parts.append("</svg>\n")
    return "".join(parts)


def write_learned(
    out_dir: str | os.PathLike,
    pattern_id: str,
    name: str,
    zones: Sequence[LearnedZone],
    freq: FrequencyCounts,
    atlas: Atlas,
    essential: float,
    spillover: float,
    mirror: bool,
) -> Learned:
    """Write the pattern folder beside its target, validate it with the loader, then rename it into place."""
    from painmap.atomic import WriteError, write_text
    from painmap.patterns import load_pattern

    root = Path(out_dir)
    if root.exists() and not root.is_dir():
        raise WriteError(root, "it is a file, not a library folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(root, err.strerror or type(err).__name__) from None
    target = root / pattern_id
    if target.exists():
        raise LearnError(
            f"{target}: a pattern with this id is already in the library folder; remove it or use another --id"
        )
    date = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    views = [v for v in stored_views(atlas) if any(z.view == v for z in zones)]
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{pattern_id}.", suffix=".part", dir=root))
    except OSError as err:
        raise WriteError(root, err.strerror or type(err).__name__) from None
    try:
        folder = staging / pattern_id
        folder.mkdir()
        write_text(
            folder / "pattern.toml", pattern_toml(pattern_id, name, views, freq, essential, spillover, mirror, date)
        )
        for view_id in views:
            view = atlas.view(view_id)
            mine = [z for z in zones if z.view == view_id]
            write_text(
                folder / f"{view_id}.svg",
                view_svg(view_id, view.width, view.height, mine, essential, spillover, chart_of(atlas)),
            )
        try:
            pattern = load_pattern(folder, atlas)
        except PatternError as err:  # a bug of ours: never leave a pattern the loader refuses
            raise LearnError(f"the learned pattern does not validate: {err}") from None
        try:
            os.rename(folder, target)
        except OSError as err:
            raise WriteError(target, err.strerror or type(err).__name__) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Learned(pattern, target, freq.n_drawings, freq.n_mirrored, list(zones))


def check_id(pattern_id: str, atlas: Atlas) -> None:
    """A valid pattern id that is not one of the stored patterns'."""
    from painmap.patterns import load_patterns

    if not _ID.fullmatch(pattern_id):
        raise LearnError(f"--id {pattern_id!r} must be lower-case words joined by '-' (e.g. 'low-back-group')")
    if pattern_id in load_patterns(atlas):
        raise LearnError(f"--id {pattern_id!r} is a stored pattern's id; choose another")


def learn(
    paths: Sequence[str | os.PathLike],
    pattern_id: str,
    name: str,
    out_dir: str | os.PathLike,
    *,
    essential: float = ESSENTIAL_SHARE,
    spillover: float = SPILLOVER_SHARE,
    mirror: bool = True,
    atlas: Atlas | None = None,
    px_per_mm: float = DEFAULT_PX_PER_MM,
    executor=None,
) -> Learned:
    """Learn a pattern from drawing files (or folders and globs) and write it into the library folder `out_dir`.

    Every file must be readable (the first bad one raises its error): a pattern is learned from a whole group.
    """
    from painmap.cohort import expand_paths
    from painmap.cohort_chart import target_atlas
    from painmap.runner import read_pixels_all

    atlas = atlas if atlas is not None else target_atlas()  # the current male chart
    check_thresholds(essential, spillover)
    check_id(pattern_id, atlas)
    if not name.strip():
        raise LearnError("--name must not be empty")
    files = expand_paths(paths)
    drawings = read_pixels_all(files, px_per_mm, mirror, executor=executor, atlas=atlas)
    freq = frequency_counts(drawings, atlas, px_per_mm)
    zones = learned_zones(freq, atlas, essential, spillover)
    return write_learned(out_dir, pattern_id, name.strip(), zones, freq, atlas, essential, spillover, mirror)
