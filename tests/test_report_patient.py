"""The drawing report in plain words: searchable text, no overlapping words, local time, red flags, glossary;
and the pattern sheets' words never overlap either."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import time
from datetime import UTC
from zoneinfo import ZoneInfo

import pytest
from pdf_words import overlaps, words

from painmap import vocabulary
from painmap.cli import main
from painmap.summary import local_time_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

NOTE = "Aching over the back of the right pelvis, worse after sitting; started after gardening."
OUTSIDE_STROKE = {"type": "stroke", "view": "posterior", "radius": 3.0, "intensity": 5, "quality": "aching",
                  "points": [[6.0, 6.0], [20.0, 8.0]]}  # fmt: skip
MARKS = [
    {"type": "stroke", "view": "posterior", "radius": 14.0, "intensity": 7, "quality": "aching",
     "points": [[364.0, 800.0], [384.0, 774.0], [408.0, 754.0], [432.0, 742.0]]},
    {"type": "stroke", "view": "posterior", "radius": 20.0, "intensity": 4, "quality": "burning",
     "points": [[405.0, 790.0], [440.0, 800.0], [455.0, 840.0]]},
    OUTSIDE_STROKE,
]  # fmt: skip


def _run(*args) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    assert code == 0, err.getvalue()
    return code


@pytest.fixture
def berlin(monkeypatch):
    """The computer's time zone is Berlin's for the test (the report shows local time)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="module")
def drawing_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "me.painmap.json"
    doc = {"format": "painmap-drawing", "version": 1, "created": "2026-11-23T10:00:00Z", "meta": {"note": NOTE},
           "marks": MARKS}  # fmt: skip
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_local_time_with_its_zone():
    assert (
        local_time_text("2026-11-23T10:00:00Z", ZoneInfo("Europe/Berlin")) == "23 November 2026, 11:00 CET (UTC+01:00)"
    )
    assert local_time_text("2026-07-01T10:00:00Z", ZoneInfo("America/New_York")).endswith("06:00 EDT (UTC-04:00)")
    assert local_time_text("2026-11-23T10:00:00Z", UTC) == "23 November 2026, 10:00 UTC+00:00"
    assert local_time_text("") == "date not recorded"


def test_report_pdf_holds_the_plain_words_and_no_word_overlaps(drawing_file, tmp_path, berlin):
    out = tmp_path / "report.pdf"
    _run("render", drawing_file, "-o", out)
    found = words(out)
    page1 = " ".join(w.text for w in found if w.page == 1)
    for expected in (NOTE, "How alike", "Main pain area covered", vocabulary.NOTICE_TITLE, vocabulary.RED_FLAGS.title,
                     "between the legs", "history of cancer", "Words on the chart", "sitting bone", "PSIS",
                     "SI joint", "Iliac crest summit", "23 November 2026, 11:00 CET (UTC+01:00)",
                     "1 stroke lies outside the body chart and is not counted.", "Felt as: aching (1 mark), burning",
                     "1 (mild) to 10 (worst)"):  # fmt: skip
        assert expected in page1, expected
    assert "UTC+00:00" not in page1
    page2 = " ".join(w.text for w in found if w.page == 2)
    for expected in (vocabulary.FOR_CLINICIANS, "Essential coverage", "Dice coefficient", "Jaccard index",
                     vocabulary.METRIC_DEFINITIONS["dice"]):  # fmt: skip
        assert expected in page2, expected
    assert overlaps(found) == []


def test_report_svg_has_real_text_for_chart_labels(drawing_file, tmp_path):
    out = tmp_path / "report.svg"
    _run("render", drawing_file, "-o", out)
    texts = set(re.findall(r"<text[^>]*>([^<]*)</text>", out.read_text(encoding="utf-8")))
    texts |= set(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", out.read_text(encoding="utf-8")))
    for label in ("PSIS", "SI joint", "Iliac crest summit", "L4", "Greater trochanter", "How alike"):
        assert any(label in t for t in texts), label


@pytest.mark.parametrize("pattern", ["gluteus-medius", "gluteus-minimus", "sacroiliac-joint"])
def test_pattern_sheets_have_no_overlapping_words(pattern, tmp_path):
    out = tmp_path / f"{pattern}.pdf"
    _run("render", "--pattern", pattern, "-o", out)
    found = words(out)
    assert len(found) > 100
    assert overlaps(found) == []


def test_long_note_still_fits_without_overlaps(tmp_path):
    path = tmp_path / "long.painmap.json"
    note = " ".join(["The pain moves from the low back into the buttock and sometimes the outer thigh."] * 12)
    marks = [{**m, "view": "lateral"} if k == 1 else m for k, m in enumerate(MARKS[:2])]
    doc = {"format": "painmap-drawing", "version": 1, "created": "2026-11-23T10:00:00Z", "meta": {"note": note},
           "marks": marks}  # fmt: skip
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "long.pdf"
    _run("render", path, "-o", out)
    found = words(out)
    assert overlaps(found) == []
    assert all(w.y1 < 842 - 20 for w in found)  # nothing runs off the page
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "…" in text  # the note is cut with an ellipsis, not dropped
