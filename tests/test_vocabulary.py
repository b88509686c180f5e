"""The shared plain vocabulary and `painmap compare`'s text and JSON on the bundled atlas and library."""

from __future__ import annotations

import contextlib
import io
import json

from painmap import vocabulary as words
from painmap.cli import main

EXAMPLE = "docs/examples/right-hip-ache.painmap.json"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_app_words_are_defined_once():
    assert words.LEGEND["essential"][0] == "Main pain area"
    assert words.LEGEND["spillover"][0] == "Sometimes also here"
    assert words.how_alike(0.28) == "How alike 28 %"
    assert set(words.METRIC_DEFINITIONS) == set(words.METRIC_LABELS)  # every metric has a one-line definition
    assert all("\n" not in d and len(d) < 110 for d in words.METRIC_DEFINITIONS.values())


def test_glossary_covers_the_chart_labels():
    labels = ["Iliac crest summit", "PSIS", "SI joint", "Greater trochanter", "Ischial tuberosity", "L4", "Coccyx"]
    terms = dict(words.glossary_terms(labels))
    for term in ("PSIS", "SI joint", "Iliac crest", "Iliac crest summit", "Ischial tuberosity", "Greater trochanter",
                 "Coccyx", "L1-L5"):  # fmt: skip
        assert terms.get(term)
    assert "ASIS" not in terms  # only the terms the chart uses
    assert {"Sacrum", "ASIS"} <= dict(words.glossary_terms()).keys()


def test_red_flags_name_the_signs_calmly_with_sources():
    text = " ".join(words.red_flag_lines()).lower()
    for sign in ("between the legs", "urine", "bowel", "both legs", "weakness", "cancer", "weight loss", "fever",
                 "fall or injury", "night"):  # fmt: skip
        assert sign in text
    assert "finucane" in text and "nice ng59" in text and "greenhalgh" in text
    assert "!" not in text


def test_outside_text():
    assert words.outside_text(0) == ""
    assert words.outside_text(1) == "1 stroke lies outside the body chart and is not counted."
    assert words.outside_text(9).startswith("9 strokes lie outside the body chart")


def test_compare_text_is_plain_with_a_part_for_clinicians():
    code, out, _ = _run("compare", EXAMPLE)
    assert code == 0
    plain, clinicians = out.split(f"{words.FOR_CLINICIANS}:")
    assert "How alike 33 %" in plain and "main pain area covered" in plain
    assert "Not a diagnosis" in plain and words.RED_FLAGS.title in plain
    for technical in ("SCORE", "ESSENTIAL", "SPILLOVER", "Dice"):
        assert technical not in plain
    assert "ESSENTIAL" in clinicians and "0.33" in clinicians and "|D ∩ E| / |E|" in clinicians


def test_compare_json_keys_are_unchanged():
    code, out, _ = _run("compare", EXAMPLE, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert {"extent_percent", "extent_by_view", "views", "results", "marks_outside"} <= doc.keys()
    assert {"pattern", "side", "score", "dice", "jaccard", "essential_coverage", "spillover_coverage",
            "precision", "outside_fraction", "zones"} <= doc["results"][0].keys()  # fmt: skip
    assert doc["marks_outside"]["count"] == 0
