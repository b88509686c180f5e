"""Carry the pattern library from its authoring chart (chart 1 of the male body) onto another chart, to look at.

painmap itself carries the patterns when it loads them for another chart (painmap.pattern_carry; the SVGs
under resources/patterns/ stay the one source of truth). This tool does the same carry and writes the result
as pattern SVGs over the target chart, one folder per pattern, so a person can open them in Inkscape over the
new chart and check them; it also prints how well each pattern fits the new body (trigger points inside the
silhouette, zone area outside it) and the warp's distortion per view.

    python tools/carry_patterns.py --body male --chart 2 --atlas DIR -o /tmp/carried   # an atlas folder
    python tools/carry_patterns.py --body female --chart 2 -o /tmp/carried             # the bundled loader
    python tools/carry_patterns.py ... --check      # exit 1 if a trigger point lands outside the body

Edit the authoring SVGs (or tools/build_patterns.py), never the carried ones: they are regenerated.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from painmap import atlas as atlas_module
from painmap import chart_versions as cv
from painmap import geometry
from painmap.atomic import write_text
from painmap.pattern_carry import AUTHORED_ON, authoring_atlas, carry_library
from painmap.patterns import load_patterns
from painmap.warp import distortion

RED = "#c8102e"


def _path(poly: np.ndarray) -> str:
    head, *rest = poly
    return f"M {head[0]:.2f},{head[1]:.2f} " + " ".join(f"L {x:.2f},{y:.2f}" for x, y in rest) + " Z"


def pattern_svg(pattern, view, href: str, chart: tuple[str, int] = AUTHORED_ON) -> str:
    """One view of a carried pattern as a pattern SVG drawn over `chart` (its `painmap:chart`)."""
    w, h = view.width, view.height
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
        f' xmlns:painmap="urn:painmap:pattern:1" painmap:chart="{chart[0]}-{chart[1]}"'
        f' width="{w:g}mm" height="{h:g}mm" viewBox="0 0 {w:g} {h:g}">',
        f"  <!-- carried from {AUTHORED_ON[0]} chart {AUTHORED_ON[1]} by tools/carry_patterns.py: do not edit -->",
        '  <g id="layer-chart" inkscape:groupmode="layer" inkscape:label="Body chart (locked)">',
        f'    <image id="chart" xlink:href="{href}" x="0" y="0" width="{w:g}" height="{h:g}" opacity="0.7" />',
        "  </g>",
    ]
    for kind, opacity in (("spillover", 0.18), ("essential", 0.55)):
        out.append(f'  <g id="layer-{kind}" inkscape:groupmode="layer" inkscape:label="{kind.title()} zones">')
        for z in pattern.zones_for(view=view.id, kind=kind):
            attrs = [f'id="{z.id}"', f'painmap:kind="{z.kind}"']
            if z.trigger_point:
                attrs.append(f'painmap:trigger-point="{z.trigger_point}"')
            if z.bilateral:
                attrs.append('painmap:bilateral="true"')
            if z.weight != 1.0:
                attrs.append(f'painmap:weight="{z.weight:g}"')
            if z.label:
                attrs.append(f'painmap:label="{z.label}"')
            style = f"fill:{RED};fill-opacity:{opacity};stroke:{RED};stroke-width:0.8"
            out.append(f'    <path {" ".join(attrs)} style="{style}" d="{_path(z.polygon)}" />')
        out.append("  </g>")
    out.append('  <g id="layer-trigger-points" inkscape:groupmode="layer" inkscape:label="Trigger points">')
    for tp in pattern.trigger_points:
        if tp.view == view.id:
            out.append(
                f'    <circle id="mark-{tp.id}" painmap:trigger-point="{tp.id}" cx="{tp.x:.2f}" cy="{tp.y:.2f}" r="3"'
                ' style="fill:#111111;stroke:#ffffff;stroke-width:0.8" />'
            )
    out += ["  </g>", "</svg>", ""]
    return "\n".join(out)


def _inside(view, points: np.ndarray) -> np.ndarray:
    hit = np.zeros(len(points), dtype=bool)
    for outline in view.silhouette:
        hit ^= geometry.contains(outline, points)
    return hit


def carry_to(atlas, body: str, chart: int, out: Path | None) -> tuple[list[str], list[str]]:
    """Carry the library onto `atlas` (chart `chart` of `body`); write SVGs under `out`. (report lines, problems)."""
    src = cv.chart_record(*AUTHORED_ON)
    dst = cv.record_from_atlas(atlas, body, chart)
    source = authoring_atlas()
    library = carry_library(load_patterns(source), src, dst)
    lines, problems = [], []
    for view_id in dst.views:
        warp = cv.view_warp(src, dst, view_id)
        if warp is None or view_id not in source.views:
            continue
        view = source.views[view_id]  # distortion over the body the marks come from, every 10 mm
        x0, y0 = np.vstack(view.silhouette).min(axis=0)
        x1, y1 = np.vstack(view.silhouette).max(axis=0)
        xs, ys = np.meshgrid(np.arange(x0, x1, 10.0), np.arange(y0, y1, 10.0))
        grid = np.column_stack([xs.ravel(), ys.ravel()])
        d = distortion(warp, grid[_inside(view, grid)])
        lines.append(
            f"warp {view_id}: det J {d.min_det:.3f}-{d.max_det:.3f}, stretch {d.min_stretch:.3f}-{d.max_stretch:.3f}"
            + (" FOLDS" if d.folds else "")
        )
    for pattern in library:
        for tp in pattern.trigger_points:
            if tp.view in atlas.views and not _inside(atlas.views[tp.view], np.array([[tp.x, tp.y]]))[0]:
                problems.append(f"{pattern.id} {tp.id}: lands outside the body on the {tp.view} view")
        for zone in pattern.zones:
            if zone.view not in atlas.views:
                continue
            edge = zone.polygon
            share = 1.0 - float(_inside(atlas.views[zone.view], edge).mean())
            if share > 0:
                lines.append(f"{pattern.id} {zone.id}: {100 * share:.0f} % of its outline lies outside the body")
        if out is not None:
            for view_id in dict.fromkeys([*(z.view for z in pattern.zones), *(t.view for t in pattern.trigger_points)]):
                view = atlas.views[view_id]
                (out / pattern.id).mkdir(parents=True, exist_ok=True)
                write_text(
                    out / pattern.id / f"{view_id}.svg", pattern_svg(pattern, view, f"{view_id}.svg", (body, chart))
                )
    return lines, problems


def load(body: str, chart: int, folder: str | None):
    if folder:
        return atlas_module.load_atlas(Path(folder))
    params = inspect.signature(atlas_module.load_atlas).parameters
    if "body" in params and "chart" in params:
        return atlas_module.load_atlas(body=body, chart=chart)
    raise SystemExit("this painmap loads one chart only: give the target chart's folder with --atlas")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--body", required=True, choices=cv.BODIES)
    parser.add_argument("--chart", required=True, type=int)
    parser.add_argument("--atlas", metavar="DIR", help="the target chart's atlas folder")
    parser.add_argument("-o", "--output", metavar="DIR", help="write the carried pattern SVGs here")
    parser.add_argument("--check", action="store_true", help="exit 1 if a trigger point lands outside the body")
    args = parser.parse_args(argv)
    atlas = load(args.body, args.chart, args.atlas)
    lines, problems = carry_to(atlas, args.body, args.chart, Path(args.output) if args.output else None)
    for line in [*lines, *problems]:
        print(line)
    if args.output:
        print(f"wrote the carried patterns under {args.output}")
    return 1 if problems and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
