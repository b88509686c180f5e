"""Start-up with one window: the shell paints first, the engine loads after, nothing drawn meanwhile is lost."""

from __future__ import annotations

import numpy as np
from app_helpers import drag, start_window

from painmap.drawing import Drawing, Fill, Stroke, save_drawing
from painmap.raster import PainMasks

STROKE_MM = [(260.0, 800.0), (300.0, 830.0), (340.0, 850.0)]


def test_the_shell_is_shown_and_drawable_before_the_engine_exists(qtbot):
    window = start_window(qtbot, wait=False)
    canvas = window.canvas
    assert window.session is None and window.startup is not None
    assert canvas.view().id == "posterior" and canvas.zoom_percent() > 0
    assert window.docks.docks["ranking"].isVisible() and window.docks.docks["pattern"].isVisible()
    window.startup._timer.stop()  # hold start-up here: the engine is not there yet
    canvas.repaint()  # the landmark labels of the frame (none) are cached for this zoom
    assert not window.undo_action.isEnabled()
    drag(canvas, STROKE_MM)
    assert canvas.pending.gestures and window.session is None and window.undo_action.isEnabled()
    window.ensure_engine()
    assert window.startup is None and window.session is not None
    canvas.repaint()
    view = canvas.view()
    assert len(canvas.marks._landmark_boxes(view, canvas.mm_to_widget())) == len(view.landmarks) > 0


def test_strokes_drawn_before_the_engine_are_replayed_exactly_and_compared(qtbot, atlas, tmp_path):
    path = tmp_path / "given.painmap.json"
    given = Fill("posterior", "sacrum", 4, "aching")
    save_drawing(Drawing(marks=[given]), path)
    window = start_window(qtbot, path, wait=False)
    window.startup._timer.stop()
    window.toolbox.set_intensity(7)
    drag(window.canvas, STROKE_MM)
    window.toolbox.set_intensity(2)  # changed after the stroke: the stroke keeps the intensity it was drawn with
    window.ensure_engine()
    session = window.session
    marks = session.drawing.marks
    assert marks[0] == given and len(marks) == 2 and isinstance(marks[1], Stroke)
    assert marks[1].intensity == 7
    for got, drawn in ((marks[1].points[0], STROKE_MM[0]), (marks[1].points[-1], STROKE_MM[-1])):
        assert np.hypot(got[0] - drawn[0], got[1] - drawn[1]) < 1.0  # widget pixels are ~0.3 mm here
    assert session.modified and session.undo_stack.count() == 1
    expected = PainMasks.from_drawing(Drawing(marks=list(marks)), atlas, session.masks.px_per_mm)
    assert np.array_equal(session.masks.array("posterior"), expected.array("posterior"))
    assert window.live.ready and window.live.comparison is not None  # compared once the engine was there
    assert window.panels.ranking_panel.order()
    window.undo_action.trigger()
    assert session.drawing.marks == [given]


def test_undo_before_the_engine_has_loaded_undoes_the_mark_just_drawn(qtbot):
    window = start_window(qtbot, wait=False)
    window.startup._timer.stop()
    drag(window.canvas, STROKE_MM)
    drag(window.canvas, [(p[0] + 30, p[1]) for p in STROKE_MM])
    assert window.session is None and window.undo_action.isEnabled()
    window.undo_action.trigger()  # loads the engine, replays both strokes, undoes the second
    marks = window.session.drawing.marks
    assert len(marks) == 1 and abs(marks[0].points[0][0] - STROKE_MM[0][0]) < 1.0
    assert window.redo_action.isEnabled() and not window.session.undo_stack.isClean()


def test_the_recover_question_is_asked_over_the_shown_window(qtbot, atlas, dialogs, monkeypatch):
    from painmap.app import file_dialogs
    from painmap.app.files import AutosaveStore

    folder = AutosaveStore().folder
    folder.mkdir(parents=True, exist_ok=True)
    save_drawing(Drawing(marks=[Fill("posterior", "sacrum", 6, "aching")]), folder / "deadbeef0002.painmap.json")
    asked_over = []

    def ask(parent, text):
        asked_over.append((parent, parent.isVisible()))
        return True

    monkeypatch.setattr(file_dialogs, "ask_recover", ask)
    window = start_window(qtbot)
    assert asked_over == [(window, True)]
    assert window.session.drawing.marks == [Fill("posterior", "sacrum", 6, "aching")] and window.session.modified


def test_closing_before_the_engine_with_nothing_drawn_does_not_load_it(qtbot, dialogs):
    window = start_window(qtbot, wait=False)
    window.startup._timer.stop()
    window.close()
    assert window.session is None and dialogs.asked == []


def test_a_stroke_under_way_when_the_engine_arrives_is_kept_whole(qtbot):
    from app_helpers import to_widget
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = start_window(qtbot, wait=False)
    window.startup._timer.stop()
    canvas = window.canvas
    pts = [to_widget(canvas, p) for p in STROKE_MM]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
    QTest.mouseMove(canvas, pts[1])
    window.ensure_engine()  # the session arrives in the middle of the stroke
    QTest.mouseMove(canvas, pts[2])
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[2])
    (stroke,) = window.session.drawing.marks
    assert np.hypot(stroke.points[-1][0] - STROKE_MM[-1][0], stroke.points[-1][1] - STROKE_MM[-1][1]) < 1.0
    assert window.session.undo_stack.count() == 1 and not canvas.pending


def test_start_up_imports_skip_pysides_source_scan_and_the_hook_comes_back():
    import builtins
    import threading

    import pytest

    from painmap.app.plain_import import plain_import

    hook = builtins.__import__
    assert hook is builtins.__feature_import__  # PySide's hook is in place once Qt is loaded
    with plain_import() as plain:
        assert plain and builtins.__import__ is builtins.__orig_import__  # the import it wraps: lazy Qt types load
        import json  # noqa: F401 - an import works meanwhile

        seen: list[bool] = []

        def worker() -> None:  # a second block in another thread (the engine's worker) ends first
            with plain_import() as nested:
                seen.append(nested and builtins.__import__ is builtins.__orig_import__)

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert seen == [True] and builtins.__import__ is builtins.__orig_import__  # kept until the last block ends
    assert builtins.__import__ is hook
    with pytest.raises(ImportError), plain_import():
        import painmap_no_such_module  # noqa: F401 - a failing import puts the hook back too
    assert builtins.__import__ is hook


def test_without_pysides_hook_the_import_is_left_alone(monkeypatch):
    import builtins

    from painmap.app.plain_import import plain_import

    original = builtins.__import__

    def own_import(*args, **kwargs):
        return original(*args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", own_import)  # somebody else's hook, not PySide's
    with plain_import() as plain:
        assert not plain and builtins.__import__ is own_import
    monkeypatch.undo()
    wrapped = builtins.__orig_import__
    del builtins.__orig_import__  # a PySide without the attribute (no import may run until it is back)
    try:
        block = plain_import()
        plain = block.__enter__()
        swapped = builtins.__import__ is not original
        block.__exit__(None, None, None)
    finally:
        builtins.__orig_import__ = wrapped
    assert not plain and not swapped and builtins.__import__ is original


def test_the_late_steps_come_after_the_ranking_and_keep_the_menus_order(qtbot, atlas):
    from painmap.app.main_window import MainWindow

    window = start_window(qtbot, wait=False)
    steps = [step.__name__ for step in window.startup._steps]
    assert steps.index("_complete_extras") > steps.index("_load_engine")  # the ranking does not wait for them
    window.ensure_engine()
    assert window.frequency is not None and window.compare_earlier is not None
    built_at_once = MainWindow(atlas)  # every part in the constructor, in one go
    qtbot.addWidget(built_at_once)
    for menu in ("file_menu", "view_menu"):
        shown = [a.text() for a in getattr(window, menu).actions() if a.isVisible()]
        assert shown == [a.text() for a in getattr(built_at_once, menu).actions() if a.isVisible()]


def test_between_start_up_steps_the_session_never_waits_for_early_marks(qtbot):
    """Input is handled between steps: once the session exists, what was drawn before is in it, undoable."""
    window = start_window(qtbot, wait=False)
    startup, canvas = window.startup, window.canvas
    startup._timer.stop()
    drag(canvas, STROKE_MM)
    run, seen = startup._run, []

    def checked(step) -> bool:
        went_on = run(step)
        if window.session is not None:  # the state an event arriving now would meet
            seen.append((step.__name__, bool(canvas.pending.gestures), window.undo_action.isEnabled()))
        return went_on

    startup._run = checked
    with qtbot.waitSignal(startup.done, timeout=30000):
        startup._timer.start()
    assert seen and all(not pending and undo for _name, pending, undo in seen), seen
    assert len(window.session.drawing.marks) == 1


def test_a_broken_svg_of_a_view_not_shown_ends_start_up_with_one_line_after_the_ranking(qtbot, monkeypatch):
    """The atlas (its geometry) loads; Qt's SVG renderer refuses the art of the side view, which is not shown."""
    from painmap.app.body_art import BodyArt
    from painmap.errors import AtlasError

    load = BodyArt._load

    def refuse_side_view(path, *rest):
        if path.name == "lateral.svg":
            raise AtlasError(f"{path}: not a valid SVG file")
        return load(path, *rest)

    monkeypatch.setattr(BodyArt, "_load", staticmethod(refuse_side_view))
    window = start_window(qtbot, wait=False)
    steps = [step.__name__ for step in window.startup._steps]
    assert steps.index("_check_art") == steps.index("_load_engine") + 1
    startup, failures = window.startup, []
    startup.failed.connect(failures.append)
    startup._timer.start()
    qtbot.waitUntil(lambda: bool(failures), timeout=30000)
    assert len(failures) == 1 and failures[0].endswith("lateral.svg: not a valid SVG file")
    assert "\n" not in failures[0]
    assert window.live.comparison is not None  # ranked before the check
    assert window.startup is None or not window.startup._steps  # nothing after it ran


def test_the_late_steps_have_not_run_when_the_drawing_is_ranked(qtbot, monkeypatch):
    from painmap.app.startup import StartUp

    seen = []
    rank = StartUp._load_engine

    def ranked(self) -> None:
        rank(self)
        seen.append((self.window.live.comparison is not None, self.window.frequency, self.window.compare_earlier))

    monkeypatch.setattr(StartUp, "_load_engine", ranked)
    window = start_window(qtbot)
    assert seen == [(True, None, None)]  # the session attached without them
    assert window.frequency is not None and window.compare_earlier is not None  # then they came


def _menu_descriptions(window) -> dict[str, str]:
    """Menu title -> its description (status tip) for every menu of the window."""
    from PySide6.QtWidgets import QMenu

    return {m.title().replace("&", ""): m.menuAction().statusTip() for m in window.findChildren(QMenu)}


def test_the_menus_are_described_after_the_ranking_and_when_start_up_is_done(qtbot, monkeypatch):
    """The menus' descriptions (a late step) are not waited for by the ranking, and are all there at the end."""
    from painmap.app.startup import StartUp

    seen = []
    rank = StartUp._load_engine

    def ranked(self) -> None:
        rank(self)
        seen.append((self.window.live.comparison is not None, _menu_descriptions(self.window)))

    monkeypatch.setattr(StartUp, "_load_engine", ranked)
    window = start_window(qtbot)
    assert len(seen) == 1 and seen[0][0]
    assert not any(seen[0][1].values())  # not described yet when the drawing was ranked
    described = _menu_descriptions(window)
    assert {"File", "Edit", "View", "Help", "Open recent", "Panels", "Mode"} <= set(described)
    assert all(described.values()), described
    assert described["Help"] == "Keyboard shortcuts, where drawings are kept, about painmap"


def test_help_works_before_the_late_steps_and_early_use_finishes_start_up(qtbot):
    """Help's actions come with the window's menus (right after the first paint); their dialogs load when
    opened. A file action used before start-up ends runs the remaining steps (menus described too)."""
    window = start_window(qtbot, wait=False)
    startup = window.startup
    for step in window.completion_steps():  # what start-up runs before the engine
        step()
    assert window.session is None and not _menu_descriptions(window)["Help"]
    names = [a.text().replace("&", "") for a in window.help_menu.actions()]
    assert names == ["Keyboard shortcuts", "About painmap", "Where my drawings are kept"]
    keys = window.help_menu.actions()[0]
    assert keys.shortcut().toString() == "F1"
    keys.trigger()
    assert window.shortcuts_dialog.isVisible()
    window.shortcuts_dialog.close()
    assert window.files.session is not None  # an action needing the session: start-up finishes first
    assert window.startup is None and not startup._steps
    assert window.frequency is not None and all(_menu_descriptions(window).values())


BEFORE_PYSIDE_PROBE = """
import os, sys


class Spy:  # ends the process when `painmap` first imports PySide6, saying whether plain_import is loaded by then
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6":
            print("painmap.app.plain_import" in sys.modules, flush=True)
            os._exit(0)
        return None


sys.meta_path.insert(0, Spy())
from painmap.cli import main

main([])
"""


def test_plain_import_itself_is_loaded_before_pyside_so_its_source_is_not_scanned(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    run = [sys.executable, "-c", BEFORE_PYSIDE_PROBE]
    out = subprocess.run(run, capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.strip() == "True", out.stderr
