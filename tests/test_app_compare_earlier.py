"""File ▸ Compare with an earlier drawing…: the overlay and the numbers equal painmap.change's."""

from __future__ import annotations

import numpy as np
import pytest
from app_helpers import inside_point, make_window

from painmap.app import compare_earlier
from painmap.change import compare_change, format_change
from painmap.drawing import Drawing, Lasso, Stroke, save_drawing
from painmap.raster import PainMasks

pytestmark = pytest.mark.usefixtures("qapp")


def _drawing(session, dx: float = 0.0) -> Drawing:
    x, y = inside_point(session, "posterior", "buttock-right")
    u, v = inside_point(session, "lateral", session.atlas.view("lateral").regions[0].id)
    return Drawing(
        [
            Stroke("posterior", 12.0, 6, "aching", ((x + dx, y), (x + dx + 30, y + 20))),
            Lasso("posterior", 4, "burning", ((x + dx - 40, y - 40), (x + dx, y - 45), (x + dx - 10, y - 5))),
            Stroke("lateral", 8.0, 3, "dull", ((u + dx, v),)),
        ]
    )


def _files(tmp_path, session, shift: float):
    now, earlier = tmp_path / "now.painmap.json", tmp_path / "earlier.painmap.json"
    save_drawing(_drawing(session), now, atlas=session.atlas)
    save_drawing(_drawing(session, shift), earlier, atlas=session.atlas)
    session.load(now)
    return earlier


def test_a_drawing_compared_with_itself_overlaps_fully_and_shows_nothing_new_or_gone(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    session = window.session
    path = _files(tmp_path, session, 0.0)
    tool = window.compare_earlier
    assert tool.action in window.file_menu.actions()
    assert tool.compare_with(path)
    assert tool.change.jaccard == 1.0 and tool.change.unchanged
    assert tool.overlay_shown and tool.panel.isVisible()
    for view_id in ("posterior", "lateral"):
        counts = tool.layer.counts(view_id)
        assert counts["new"] == 0 and counts["gone"] == 0 and counts["persisting"] == session.masks.area(view_id)
    said = tool.panel.plain_text()
    assert "nothing changed" in said
    assert "redrawing the same pain" in said and "0.6-0.75" in said  # the repeat-drawing caveat, in words
    tool.overlay_action.trigger()  # hide
    assert not tool.overlay_shown and not tool.panel.isVisible()


def test_a_shifted_copy_gives_the_numbers_of_painmap_change(qtbot, atlas, tmp_path):
    window = make_window(qtbot, atlas)
    session = window.session
    path = _files(tmp_path, session, 15.0)
    tool = window.compare_earlier
    assert tool.compare_with(path)
    from painmap.drawing import load_drawing

    before = PainMasks.from_drawing(load_drawing(path, atlas=atlas), atlas, session.px_per_mm)
    after = PainMasks.from_drawing(load_drawing(tmp_path / "now.painmap.json", atlas=atlas), atlas, session.px_per_mm)
    expected = compare_change(before, after)
    assert tool.change.to_json() == expected.to_json()
    assert 0.0 < tool.change.jaccard < 1.0
    for view_id, masks in expected.by_view.items():
        counts = tool.layer.counts(view_id)
        assert counts == {k: int(np.count_nonzero(getattr(masks, k))) for k in ("new", "gone", "persisting")}
        assert counts["new"] > 0 and counts["gone"] > 0
    titles = {v.id: v.title for v in atlas.views.values()}
    said = " ".join(tool.panel.plain_text().split())
    assert " ".join(format_change(expected, path.name, titles).split()) == said  # the command line's words
    # the overlay follows the drawing while it is edited, and when shown again after edits made while hidden
    session.clear_view()
    assert tool.change.extent_after < expected.extent_after
    tool.overlay_action.trigger()
    session.undo_stack.undo()
    assert tool.change.extent_after < expected.extent_after and not tool.overlay_shown
    tool.overlay_action.trigger()
    assert tool.overlay_shown and tool.change.to_json() == expected.to_json()


def test_a_bad_earlier_file_gets_the_error_dialog_and_changes_nothing(qtbot, atlas, tmp_path, dialogs):
    window = make_window(qtbot, atlas)
    bad = tmp_path / "bad.painmap.json"
    bad.write_text("{not json", "utf-8")
    tool = window.compare_earlier
    assert not tool.compare_with(bad)
    assert len(dialogs.warnings) == 1 and "bad.painmap.json" in dialogs.warnings[0][1]
    assert "\n" not in dialogs.warnings[0][1] and tool.change is None and not tool.overlay_shown


def test_a_drawing_of_another_body_is_refused_with_a_clear_message(qtbot, atlas, tmp_path, dialogs):
    window = make_window(qtbot, atlas)
    other = tmp_path / "female.painmap.json"
    other.write_text('{"format": "painmap-drawing", "version": 2, "body": "female", "marks": []}', "utf-8")
    assert not window.compare_earlier.compare_with(other)
    assert len(dialogs.warnings) == 1 and "female" in dialogs.warnings[0][1]


def test_the_menu_entry_asks_for_the_file(qtbot, atlas, tmp_path, monkeypatch):
    window = make_window(qtbot, atlas)
    path = _files(tmp_path, window.session, 5.0)
    asked = []
    monkeypatch.setattr(compare_earlier, "ask_earlier_path", lambda _parent, start: asked.append(start) or str(path))
    window.compare_earlier.action.trigger()
    assert asked == [str(tmp_path)] and window.compare_earlier.overlay_shown
