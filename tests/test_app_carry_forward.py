"""Saving a drawing carried forward from an older chart (issue 10): said once, the original kept on request."""

from __future__ import annotations

import json

import pytest
from app_helpers import make_window

from painmap.app import carry_forward
from painmap.atlas import load_atlas
from painmap.drawing import Drawing, Stroke, save_drawing

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def chart2():
    """The male body's second chart: a chart-1 drawing opened on it is carried forward."""
    return load_atlas(body="male", chart=2)


@pytest.fixture
def answers(monkeypatch):
    asked: list[str] = []
    reply = {"value": "keep"}

    def ask(_parent, text):
        asked.append(text)
        return reply["value"]

    monkeypatch.setattr(carry_forward, "ask_carry_forward", ask)
    return asked, reply


def _chart1_file(tmp_path):
    path = tmp_path / "hip.painmap.json"
    stroke = Stroke("posterior", 8.0, 6, "aching", ((300.0, 420.0), (330.0, 440.0)))
    save_drawing(Drawing(marks=[stroke], body="male", chart=1), path)
    return path, path.read_bytes()


def _opened(qtbot, chart2, path):
    window = make_window(qtbot, chart2)
    assert window.files.open_path(path)
    assert window.session.drawing.migrated_from == ("male", 1)
    return window


def test_saving_a_carried_drawing_asks_once_and_keeps_the_original_beside_it(qtbot, chart2, tmp_path, answers):
    asked, _reply = answers
    path, original = _chart1_file(tmp_path)
    window = _opened(qtbot, chart2, path)
    assert window.files.save()
    assert asked == [carry_forward.question_text()]
    kept = tmp_path / "hip.chart1.painmap.json"
    assert kept.read_bytes() == original  # the file as it was, byte for byte
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["body"], saved["chart"]) == ("male", 2)
    assert "hip.chart1.painmap.json" in window.statusBar().currentMessage()
    window.session.begin_stroke((300.0, 400.0), 5.0)
    window.session.end_stroke()
    assert window.files.save()
    assert len(asked) == 1  # said once: the file is on the current chart now
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hip.chart1.painmap.json", "hip.painmap.json"]


def test_save_without_keeping_and_cancel(qtbot, chart2, tmp_path, answers):
    asked, reply = answers
    path, original = _chart1_file(tmp_path)
    window = _opened(qtbot, chart2, path)
    reply["value"] = "cancel"
    assert not window.files.save()
    assert path.read_bytes() == original  # nothing written
    assert window.session.drawing.migrated_from == ("male", 1)
    reply["value"] = "save"
    assert window.files.save()
    assert len(asked) == 2
    assert json.loads(path.read_text(encoding="utf-8"))["chart"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hip.painmap.json"]


def test_a_kept_original_never_overwrites_a_file(tmp_path):
    taken = tmp_path / "hip.chart1.painmap.json"
    taken.write_text("{}", encoding="utf-8")
    assert carry_forward.kept_path(tmp_path / "hip.painmap.json", 1).name == "hip.chart1 (2).painmap.json"
    assert carry_forward.kept_path(tmp_path / "old.json", 1).name == "old.chart1.painmap.json"


def test_save_as_another_name_leaves_the_original_and_asks_nothing(qtbot, chart2, tmp_path, answers, monkeypatch):
    asked, _reply = answers
    path, original = _chart1_file(tmp_path)
    window = _opened(qtbot, chart2, path)
    other = tmp_path / "hip-now.painmap.json"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(other), ""))
    assert window.files.save_as()
    assert not asked
    assert path.read_bytes() == original
    assert json.loads(other.read_text(encoding="utf-8"))["chart"] == 2


def test_a_drawing_of_the_current_chart_saves_without_a_question(qtbot, atlas, tmp_path, answers):
    asked, _reply = answers
    window = make_window(qtbot, atlas)
    window.session.begin_stroke((300.0, 400.0), 5.0)
    window.session.end_stroke()
    assert window.files._save_to(tmp_path / "new.painmap.json")
    assert window.files.save()
    assert not asked


def test_a_recovered_carried_drawing_is_asked_about_before_its_original_is_overwritten(
    qtbot, chart2, tmp_path, answers
):
    asked, _reply = answers
    path, original = _chart1_file(tmp_path)
    window = _opened(qtbot, chart2, path)
    carried = window.session.drawing
    window.session.recover(
        type(carried)(marks=list(carried.marks), body="male", chart=2), path
    )  # as an autosave reads back: on the current chart, no migrated_from
    assert window.session.drawing.migrated_from is None
    assert window.files.save()
    assert len(asked) == 1
    assert (tmp_path / "hip.chart1.painmap.json").read_bytes() == original
