"""`painmap timeline`: one person's drawings in date order, with extents, the best match, bad files skipped."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime

import pytest
from chart_helpers import from_chart_one

from painmap.cli import main
from painmap.compare import cached_comparator
from painmap.drawing import Drawing, Stroke, drawing_to_dict
from painmap.raster import PainMasks
from painmap.timeline import TIMELINE_PX_PER_MM, load_timeline

CREST, BUTTOCK, LOW = from_chart_one(  # placed on chart 1, carried onto the current chart
    Stroke("posterior", 14.0, 6, "aching", ((364.0, 800.0), (408.0, 754.0), (432.0, 742.0))),
    Stroke("posterior", 20.0, 4, "aching", ((405.0, 840.0), (440.0, 870.0))),
    Stroke("posterior", 18.0, 8, "dull", ((300.0, 760.0), (330.0, 790.0), (335.0, 830.0))),
)
# file name -> (created, marks): the names are not in date order
SERIES = {
    "b.painmap.json": ("2026-03-12T09:00:00Z", [CREST, BUTTOCK]),
    "a.painmap.json": ("2026-03-26T18:30:00Z", [CREST]),
    "c.painmap.json": ("2026-03-05T08:00:00Z", [CREST, BUTTOCK, LOW]),
}


def _write(path, created, marks):
    path.write_text(json.dumps(drawing_to_dict(Drawing(marks=list(marks), created=created))), encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    for name, (created, marks) in SERIES.items():
        _write(tmp_path / name, created, marks)
    (tmp_path / "broken.painmap.json").write_text("{", encoding="utf-8")
    return tmp_path


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_entries_are_in_date_order_with_their_extents(folder):
    skipped = []
    comp = cached_comparator(TIMELINE_PX_PER_MM)
    entries = load_timeline([folder], comp, on_skip=lambda p, r: skipped.append((p, r)))
    assert [e.path.name for e in entries] == ["c.painmap.json", "b.painmap.json", "a.painmap.json"]
    assert [e.when for e in entries] == sorted(e.when for e in entries)
    for entry in entries:
        created, marks = SERIES[entry.path.name]
        expected = comp.compare(PainMasks.from_drawing(Drawing(marks=list(marks)), comp.atlas, comp.px_per_mm))
        assert entry.extent_percent == pytest.approx(expected.extent_percent)
        assert entry.when == datetime.fromisoformat(created)
        assert entry.best_pattern == expected.best.pattern and not entry.from_file_time
    assert entries[0].extent_percent > entries[1].extent_percent > entries[2].extent_percent > 0
    assert entries[2].mean_intensity == pytest.approx(6.0)  # one stroke of intensity 6
    assert [p.endswith("broken.painmap.json") for p, _ in skipped] == [True]


def test_a_file_without_a_date_uses_its_modification_time(tmp_path):
    _write(tmp_path / "old.painmap.json", "2026-03-05T08:00:00Z", [CREST])
    undated = tmp_path / "undated.painmap.json"
    _write(undated, "", [CREST])
    stamp = datetime(2026, 2, 1, 12, 0, tzinfo=UTC).timestamp()
    os.utime(undated, (stamp, stamp))
    entries = load_timeline([tmp_path])
    assert [e.path.name for e in entries] == ["undated.painmap.json", "old.painmap.json"]
    assert entries[0].from_file_time and entries[0].when.timestamp() == stamp
    assert not entries[1].from_file_time


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_timeline_command_writes_the_page_and_names_bad_files(folder, tmp_path):
    out = tmp_path / "timeline.pdf"
    code, _, err = _run("timeline", folder, "-o", out)
    assert code == 0, err
    assert "warning: skipped" in err and "broken.painmap.json" in err and "3 drawings, 1 skipped" in err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    panels = text.split("for every date.", 1)[1]  # after the header, which names the first and last date
    dates = [panels.index(d) for d in ("2026-03-05", "2026-03-12", "2026-03-26")]
    assert dates == sorted(dates)  # panels titled with ISO dates, in date order
    assert "Pain over time" in text and "0.6-0.75" in text and "How alike" in text


def test_timeline_with_no_readable_drawing_is_refused(tmp_path):
    (tmp_path / "broken.painmap.json").write_text("{", encoding="utf-8")
    code, _, err = _run("timeline", tmp_path, "-o", tmp_path / "t.png")
    assert code == 2 and "no drawing could be read" in err.splitlines()[-1]
    assert not (tmp_path / "t.png").exists()
    code, _, err = _run("timeline", tmp_path, "-o", tmp_path / "t.docx")
    assert code == 2 and len(err.strip().splitlines()) == 1
