"""Write the example timeline drawings (one person, four dates) and the pictures in docs/img.

Run from the repository: `.venv/bin/python docs/examples/make_timeline.py`. The drawings are made up: an ache
over the right posterior pelvis that spreads into the buttock and then settles.
"""

from __future__ import annotations

import json
from pathlib import Path

from painmap.atlas import load_atlas
from painmap.change import compare_change
from painmap.drawing import Drawing, Stroke, drawing_to_dict, load_drawing
from painmap.figures.change import render_change
from painmap.figures.timeline import render_timeline
from painmap.raster import PainMasks
from painmap.timeline import load_timeline

HERE = Path(__file__).parent
IMG = HERE.parent / "img"
CREST = ((364.0, 800.0), (384.0, 774.0), (408.0, 754.0), (432.0, 742.0))
BUTTOCK = ((405.0, 790.0), (440.0, 800.0), (455.0, 840.0), (430.0, 860.0), (400.0, 835.0))
SI = ((340.0, 780.0), (348.0, 815.0), (345.0, 850.0))
SERIES = [
    ("2026-03-05T09:10:00Z", "Started after gardening.", [(CREST, 14, 7), (SI, 13, 6)]),
    ("2026-03-12T18:40:00Z", "Worse; now in the buttock too.", [(CREST, 16, 8), (SI, 13, 6), (BUTTOCK, 20, 6)]),
    ("2026-03-26T08:05:00Z", "Better after walking less.", [(CREST, 12, 5), (BUTTOCK, 14, 4)]),
    ("2026-04-09T19:30:00Z", "Only an ache along the crest.", [(CREST, 10, 3)]),
]


def main() -> None:
    folder = HERE / "timeline"
    folder.mkdir(exist_ok=True)
    for k, (created, note, strokes) in enumerate(SERIES, start=1):
        marks = [Stroke("posterior", float(r), i, "aching", pts) for pts, r, i in strokes]
        doc = drawing_to_dict(Drawing(marks=marks, meta={"note": note}, created=created))
        (folder / f"visit-{k}.painmap.json").write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    atlas = load_atlas()
    render_timeline(load_timeline([folder]), IMG / "timeline-example.png", atlas)
    before, after = folder / "visit-1.painmap.json", folder / "visit-3.painmap.json"
    masks = [PainMasks.from_drawing(load_drawing(p, atlas), atlas, 1.0) for p in (before, after)]
    render_change(compare_change(*masks), atlas, IMG / "change-example.png", str(before), str(after))


if __name__ == "__main__":
    main()
