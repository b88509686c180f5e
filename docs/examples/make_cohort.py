"""Write a synthetic cohort of pain drawings (for trying `painmap aggregate`, `learn`, `evaluate`); not real patients.

    .venv/bin/python docs/examples/make_cohort.py OUT_FOLDER [N]     (or plain `python` in an activated .venv)

Each drawing shades a few of the places gluteus medius and its look-alikes refer to (posterior iliac crest,
sacroiliac region, buttock, upper thigh, side of the hip), with random jitter, size, intensity and side.
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    import numpy as np

    from painmap.drawing import Drawing, Stroke, save_drawing
except ModuleNotFoundError as err:  # run with a Python that does not have painmap installed
    sys.exit(
        f"make_cohort.py: {err.name} is not installed for {sys.executable}; run it with the environment's Python: "
        ".venv/bin/python docs/examples/make_cohort.py FOLDER [COUNT] (or `source .venv/bin/activate` first)"
    )

MIDLINE = 320.0
# Paths on the patient's right (posterior mm; "lateral" on the right side view), with how often each is drawn.
PLACES = [
    ("posterior", 0.75, [(366, 800), (388, 772), (412, 752), (435, 742)]),  # along the posterior crest
    ("posterior", 0.55, [(345, 790), (350, 830), (342, 860)]),  # sacroiliac joint and sacrum
    ("posterior", 0.60, [(395, 800), (425, 835), (445, 875)]),  # mid and outer buttock
    ("posterior", 0.30, [(420, 930), (425, 1000), (428, 1060)]),  # back of the upper thigh
    ("posterior", 0.20, [(330, 740), (345, 760), (355, 790)]),  # low lumbar, beside the spine
    ("lateral", 0.30, [(215, 800), (240, 850), (250, 900)]),  # side of the hip
]


def make(rng: np.random.Generator, i: int) -> Drawing:
    right = rng.random() < 0.6
    marks = []
    for view, chance, path in PLACES:
        if rng.random() > chance:
            continue
        pts = np.asarray(path, dtype=float) + rng.normal(0, 9, size=(len(path), 2))
        if not right:
            pts[:, 0] = 2 * MIDLINE - pts[:, 0] if view == "posterior" else 500 - pts[:, 0]
            view = view if view == "posterior" else "lateral-left"
        radius = float(rng.uniform(10, 22))
        points = tuple((float(x), float(y)) for x, y in pts.round(1))
        marks.append(Stroke(view, round(radius, 1), int(rng.integers(3, 9)), "aching", points))
    side = "right" if right else "left"
    meta = {
        "note": f"synthetic drawing {i}, {side} side",
        "subject": f"S{i:04d}",
        "group": "A" if i % 2 else "B",
        "side": side,
    }
    return Drawing(marks=marks, meta=meta, created="2026-11-23T10:00:00Z")


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: make_cohort.py FOLDER [COUNT]   (writes COUNT synthetic drawings, default 300)", file=sys.stderr)
        return 2
    out = Path(argv[0])
    n = int(argv[1]) if len(argv) > 1 else 300
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    labels = ["path,label"]
    for i in range(n):
        drawing = make(rng, i)
        save_drawing(drawing, out / f"synthetic-{i:04d}.painmap.json")
        labels.append(f"synthetic-{i:04d}.painmap.json,{drawing.meta['side']}")
    (out / "labels.csv").write_text("\n".join(labels) + "\n", encoding="utf-8")  # for painmap evaluate
    print(f"wrote {n} drawings and labels.csv (path,label: the side drawn) to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
