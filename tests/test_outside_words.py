"""Marks outside the body are named by kind: strokes, outlines (lassos), or marks when both (issue 11)."""

from __future__ import annotations

import json

import pytest

from painmap import vocabulary
from painmap.atlas import load_atlas
from painmap.drawing import Drawing, Lasso, Stroke, save_drawing
from painmap.outside import outside_marks
from tests.cli_helpers import run_cli

ATLAS = load_atlas()
INSIDE = Stroke("posterior", 14.0, 6, "aching", ((364.0, 800.0), (408.0, 754.0)))
STROKE_OUT = Stroke("posterior", 3.0, 5, "aching", ((6.0, 6.0), (10.0, 9.0)))
LASSO_OUT = Lasso("posterior", 5, "aching", ((4.0, 4.0), (20.0, 4.0), (20.0, 20.0), (4.0, 20.0)))


@pytest.mark.parametrize(
    ("strokes", "outlines", "text"),
    [
        (0, 0, ""),
        (1, 0, "1 stroke lies outside the body chart and is not counted."),
        (9, 0, "9 strokes lie outside the body chart and are not counted."),
        (0, 1, "1 outline lies outside the body chart and is not counted."),
        (0, 3, "3 outlines lie outside the body chart and are not counted."),
        (1, 1, "2 marks (1 stroke and 1 outline) lie outside the body chart and are not counted."),
        (1, 2, "3 marks (1 stroke and 2 outlines) lie outside the body chart and are not counted."),
        (2, 1, "3 marks (2 strokes and 1 outline) lie outside the body chart and are not counted."),
        (4, 3, "7 marks (4 strokes and 3 outlines) lie outside the body chart and are not counted."),
    ],
)
def test_the_sentence_names_what_lies_outside(strokes, outlines, text):
    assert vocabulary.outside_text(strokes, outlines) == text


def test_outside_marks_counts_lassos_as_outlines():
    found = outside_marks(Drawing(marks=[INSIDE, STROKE_OUT, LASSO_OUT, LASSO_OUT]), ATLAS)
    assert found.indices == (1, 2, 3) and (found.strokes, found.outlines) == (1, 2)
    assert found.text() == vocabulary.outside_text(1, 2)
    assert found.to_json() == {"count": 3, "indices": [1, 2, 3], "by_view": {"posterior": 3}}  # the key is kept
    assert outside_marks(Drawing(marks=[LASSO_OUT]), ATLAS).text().startswith("1 outline lies")


def test_compare_text_and_json_say_marks(tmp_path):
    path = tmp_path / "mixed.painmap.json"
    save_drawing(Drawing(marks=[INSIDE, STROKE_OUT, LASSO_OUT]), path)
    text = run_cli("compare", path)
    assert text.returncode == 0, text.stderr
    assert vocabulary.outside_text(1, 1) in text.stdout
    assert "strokes lie" not in text.stdout
    doc = json.loads(run_cli("compare", path, "--format", "json").stdout)
    assert doc["marks_outside"] == {"count": 2, "indices": [1, 2], "by_view": {"posterior": 2}}


def test_the_app_notice_counts_lassos(atlas):
    from painmap.app.outside_notice import OutsideNotice

    notice = OutsideNotice(atlas, 1.0)
    assert notice.counts([INSIDE, STROKE_OUT, LASSO_OUT]) == (1, 1)
    assert notice.text([INSIDE, LASSO_OUT]) == vocabulary.outside_text(0, 1)
    assert notice.count([INSIDE]) == 0
