"""Draw the fitted CHOIR regions over painmap's chart views, to look at the fit (docs/img/choir-fit-chart2.png).

    .venv/bin/python tools/choir_overlay.py -o docs/img/choir-fit-chart2.png [--map resources/choir/choir-map.json]
        [--chart male-2 --chart female-2] [--dpi 60] [--labels]

One panel per chart and view: painmap's regions in grey (outlined), each CHOIR region's fitted polygon in
red with its key. matplotlib only (a runtime dependency already).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from painmap.atlas import load_atlas  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--map", default=str(ROOT / "resources" / "choir" / "choir-map.json"))
    ap.add_argument("--chart", action="append", help="<body>-<chart>, e.g. male-2 (default: male-2, female-2)")
    ap.add_argument("--dpi", type=float, default=60)
    ap.add_argument("--labels", action="store_true", help="write each CHOIR key in its polygon")
    args = ap.parse_args(argv)
    fits = json.loads(Path(args.map).read_text(encoding="utf-8"))["fits"]
    panels = []
    for chart in args.chart or ["male-2", "female-2"]:
        for body, data in fits[chart].items():
            views = sorted({r["view"] for r in data["regions"].values()}, reverse=True)  # posterior, anterior
            panels += [(chart, body, view, data) for view in views]
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 9.0), squeeze=False)
    for ax, (chart, body, view, data) in zip(axes[0], panels, strict=True):
        chart_body, number = chart.rsplit("-", 1)
        atlas_view = load_atlas(body=chart_body, chart=int(number)).views[view]
        for region in atlas_view.regions:
            p = region.polygon
            ax.fill(p[:, 0], p[:, 1], fc="#dbe5ee", ec="#5a6f82", lw=0.6)
        for key, r in sorted(data["regions"].items()):
            if r["view"] != view:
                continue
            p = np.asarray(r["polygon"])
            ax.fill(p[:, 0], p[:, 1], fc=(0.85, 0.1, 0.1, 0.08), ec=(0.8, 0.0, 0.0), lw=0.7)
            if args.labels:
                c = p.mean(axis=0)
                ax.text(c[0], c[1], key, fontsize=5, ha="center", va="center", color="darkred")
        fit = data["fit"][view]
        rms = fit["rms_outline_distance_mm"]
        ax.set_title(f"{chart_body} chart {number}, {view}\nCHOIR {body} map; outline RMS {rms:.0f} mm", fontsize=9)
        ax.set_xlim(0, atlas_view.width)
        ax.set_ylim(atlas_view.height, 0)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    import io

    from painmap.atomic import write_bytes

    buf = io.BytesIO()
    fig.savefig(buf, dpi=args.dpi, format="png")
    write_bytes(Path(args.output), buf.getvalue())
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
