"""The body per drawing (issue 10): new drawing on either body, opening a drawing of the other body, the body
shown, the preferred body at start; the canvas, the engine and the panels follow the chart."""

from __future__ import annotations

import json

import pytest
from app_helpers import inside_point, loaded_window, make_window, start_window

from painmap.app.body_choice import chart_art_folder
from painmap.app.main_window import app_settings
from painmap.app.preferences import DEFAULTS, write_preferences
from painmap.atlas import BODIES, CHARTS, chart_folder, load_atlas
from painmap.drawing import Drawing, Fill, save_drawing
from painmap.resources import resource_path

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def window(qtbot, atlas):
    return loaded_window(qtbot, atlas)


def _on_chart(window, body):
    """Everything that shows the chart is on `body`'s chart."""
    session = window.session
    assert session.atlas.body == body
    assert session.drawing.body == body
    assert window.canvas.art.shows(session.atlas)
    assert window.canvas.art.folder == chart_folder(resource_path("atlas"), body, session.atlas.chart)
    assert window.live.comparator.atlas is session.atlas
    assert window.panels.atlas is session.atlas
    assert window.panels.pattern_layer.atlas is session.atlas
    shown = {v for v, a in window.view_actions.views.items() if a.isVisible()}
    assert shown == set(session.atlas.views)
    assert window.body_choice.label.text() == {"male": "Male body", "female": "Female body"}[body]


def test_chart_art_folder_follows_the_atlas_rule():
    for body in BODIES:
        for chart in CHARTS[body]:
            assert chart_art_folder(body, chart) == chart_folder(resource_path("atlas"), body, chart)


def test_a_new_drawing_on_the_female_body_switches_the_chart_the_engine_and_the_panels(window, qtbot):
    _on_chart(window, "male")
    male_engine = window.live.comparator
    window.panels.show_chosen_pattern("piriformis")
    window.body_choice.actions["female"].trigger()
    _on_chart(window, "female")
    assert "anterior" in window.session.atlas.views  # the female chart has the front view (key 4)
    assert window.panels.pattern_id == "piriformis"  # the chosen pattern, now on the female chart
    assert window.panels.pattern_layer.pattern.id == "piriformis"
    session = window.session
    session.fill("buttock-right", 7, "aching")  # a region id shared by both charts
    qtbot.waitUntil(lambda: bool(window.live.comparison is not None and window.live.comparison.results))
    assert window.live.comparator.atlas is session.atlas
    assert window.canvas.grab().width() > 0  # paints the female art
    # back to the male body: the engine loaded for it before is reused
    window.body_choice.new_drawing("male")
    _on_chart(window, "male")
    assert window.live.comparator is male_engine


def test_unsaved_work_is_asked_about_before_switching(window, dialogs):
    window.session.fill("buttock-right", 5, "aching")
    dialogs.unsaved = "cancel"
    assert not window.body_choice.new_drawing("female")
    assert window.session.atlas.body == "male" and window.session.drawing.marks
    assert dialogs.asked == ["unsaved"]


def test_opening_a_female_drawing_shows_the_female_chart_and_saving_keeps_its_body(window, tmp_path):
    female = load_atlas(body="female")
    view = female.view("posterior")
    region = next(r.id for r in view.regions if r.id.startswith("buttock"))
    path = tmp_path / "hers.painmap.json"
    save_drawing(Drawing(marks=[Fill("posterior", region, 6, "aching")], body="female", chart=female.chart), path)
    assert window.files.open_path(path)
    _on_chart(window, "female")
    assert len(window.session.drawing.marks) == 1
    assert window.session.masks.views_used() == ["posterior"]
    window.session.fill("buttock-left" if region.endswith("right") else "buttock-right", 3, "aching")
    assert window.files.save()
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert (doc["body"], doc["chart"]) == ("female", female.chart)
    # a male drawing opened next goes back to the male chart
    male = tmp_path / "his.painmap.json"
    save_drawing(Drawing(marks=[Fill("posterior", "buttock-right", 4, "aching")]), male)
    assert window.files.open_path(male)
    _on_chart(window, "male")


def test_file_new_starts_on_the_preferred_body(window):
    write_preferences(app_settings(), DEFAULTS._replace(body="female"))
    window.files.actions["new"].trigger()
    _on_chart(window, "female")


def test_an_autosave_of_the_female_body_is_recovered_on_its_chart(qtbot, atlas, dialogs):
    from painmap.app.files import AutosaveStore
    from painmap.document import DrawingDocument

    female = load_atlas(body="female")
    crashed = AutosaveStore()
    doc = DrawingDocument(female, 2.0, Drawing(body="female", chart=female.chart))
    doc.fill("posterior", "buttock-right", 5, "aching")
    crashed.save(doc, None)
    crashed._lock.unlock()  # as if its process had died
    crashed._lock = None
    dialogs.recover = True
    window = make_window(qtbot, atlas)
    window.files.store.folder = crashed.folder
    assert window.files.offer_recovery()
    assert window.session.atlas.body == "female"
    assert len(window.session.drawing.marks) == 1
    assert window.session.modified


def test_a_window_opens_on_the_preferred_body_from_its_first_paint(qtbot):
    write_preferences(app_settings(), DEFAULTS._replace(body="female"))
    window = start_window(qtbot, wait=False)
    female = chart_art_folder("female", load_atlas(body="female").chart)
    assert window.canvas.art.folder == female  # the first paint shows the female chart
    assert "anterior" in window.canvas.frames
    assert window.view_actions.views["anterior"].isVisible()
    window.ensure_engine()
    _on_chart(window, "female")
    point = inside_point(window.session, "posterior", "buttock-right")
    window.session.begin_stroke(point, 8.0, 6)
    window.session.end_stroke()
    assert window.session.drawing.body == "female"


def test_each_body_has_its_own_engine_cache_file(monkeypatch, tmp_path):
    from painmap import engine_cache

    monkeypatch.delenv("PAINMAP_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    male = engine_cache.cached_comparator(1.0)
    female = engine_cache.cached_comparator(1.0, "female")
    assert female.atlas.body == "female" and male.atlas.body == "male"
    names = sorted(p.name.split("-")[1] for p in (tmp_path / "painmap").glob("engine-*.pickle"))
    assert len(names) == 2 and "female" in names  # neither pushed the other out
    again = engine_cache.cached_comparator(1.0, "female")
    assert again.atlas.body == "female" and set(again.library.patterns) == set(female.library.patterns)


def test_choosing_the_other_body_in_preferences_restarts_an_untouched_drawing_on_it(window, qtbot):
    dialog = window.edit_preferences()
    dialog.body.setCurrentIndex(dialog.body.findData("female"))
    dialog.accept()
    _on_chart(window, "female")
    window.session.fill("buttock-right", 5, "aching")  # now there is work: the body stays until a new drawing
    again = window.edit_preferences()
    again.body.setCurrentIndex(again.body.findData("male"))
    again.accept()
    assert window.session.atlas.body == "female" and window.session.drawing.marks


def test_the_body_of_a_file_is_read_from_its_top_level_only(tmp_path, monkeypatch):
    """Opening a file parses its marks once (the load), not once more to find its body."""
    from painmap import drawing_parse
    from painmap.app.body_choice import body_of_file

    monkeypatch.setattr(drawing_parse, "load_drawing", lambda *a, **k: pytest.fail("parsed to find the body"))
    cases = {
        "female.json": {"format": "painmap-drawing", "version": 2, "body": "female", "chart": 2, "marks": []},
        "v1.json": {"format": "painmap-drawing", "version": 1, "meta": {}, "marks": []},
        "other.json": {"format": "not-a-drawing", "body": "female"},
        "list.json": [1, 2],
        "odd.json": {"format": "painmap-drawing", "version": 2, "body": 3, "marks": []},
    }
    for name, doc in cases.items():
        (tmp_path / name).write_text(json.dumps(doc))
    (tmp_path / "broken.json").write_text('{"format": "painmap-drawing", "bo')
    found = {name: body_of_file(tmp_path / name) for name in [*cases, "broken.json", "missing.json"]}
    assert found == dict.fromkeys(found) | {"female.json": "female", "v1.json": "male"}
    assert body_of_file(tmp_path) is None  # a folder
