"""Write a released chart's landmarks file (resources/atlas/charts/<body>-<chart>.landmarks.json) and its
leg anchors file (<body>-<chart>.anchors.json, painmap.chart_anchors).

Run it once for every chart that is released, from that chart's atlas, and commit the files: they are what let
painmap carry drawings (and patterns) made on that chart onto any later one (painmap.chart_versions).
`--anchors-only` writes (or checks) just the anchors file: a released chart's landmarks file never changes.

    python tools/chart_landmarks.py --body male --chart 1                  # from the bundled atlas
    python tools/chart_landmarks.py --body male --chart 2 --atlas DIR      # from an atlas folder
    python tools/chart_landmarks.py --body male --chart 1 --check          # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from painmap import atlas as atlas_module
from painmap.atomic import write_text
from painmap.chart_versions import anchors_to_json, record_from_atlas, record_path, record_to_json

# Landmarks known to be drawn off on a released chart: kept in the file, not paired by the warp.
NOT_FOR_WARP = {
    # chart 1 draws the SI-joint point ~5 mm inside the sacrum's outline (review of December 2026); the
    # anatomical charts put it on the sacrum-ilium boundary, so pairing the two would bend the PSIS area.
    ("male", 1): ("sacroiliac-joint-right",),
}


def load(body: str, chart: int, folder: str | None):
    """The atlas of that chart: from a folder, or the bundled loader (which may take body and chart)."""
    if folder:
        return atlas_module.load_atlas(Path(folder))
    params = inspect.signature(atlas_module.load_atlas).parameters
    if "body" in params and "chart" in params:
        return atlas_module.load_atlas(body=body, chart=chart)
    return atlas_module.load_atlas()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--body", required=True, choices=("male", "female"))
    parser.add_argument("--chart", required=True, type=int)
    parser.add_argument("--atlas", metavar="DIR", help="the atlas folder of that chart (default: the bundled one)")
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    parser.add_argument("--anchors-only", action="store_true", help="only the leg anchors file")
    parser.add_argument("-o", "--output", help="folder to write to (default: the bundled charts folder)")
    args = parser.parse_args(argv)
    atlas = load(args.body, args.chart, args.atlas)
    record = record_from_atlas(atlas, args.body, args.chart, NOT_FOR_WARP.get((args.body, args.chart), ()))
    source = f"{args.atlas or 'resources/atlas'} (chart {args.chart} of the {args.body} body)"
    docs = {"anchors": anchors_to_json(record, source)}
    if not args.anchors_only:
        docs["landmarks"] = record_to_json(record, source)
    status = 0
    for kind, doc in docs.items():
        text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
        target = record_path(args.body, args.chart, kind)
        if args.output:
            target = Path(args.output) / target.name
        if args.check:
            old = json.loads(target.read_text(encoding="utf-8")) if target.is_file() else None
            if old is None or {**old, "source": ""} != {**json.loads(text), "source": ""}:
                print(f"{target} is missing or differs from the atlas", file=sys.stderr)
                status = 1
            else:
                print(f"{target} is up to date")
            continue
        write_text(target, text)
        print(f"wrote {target}")
    return status


if __name__ == "__main__":
    sys.exit(main())
