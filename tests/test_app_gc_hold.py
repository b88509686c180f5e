"""The garbage collector is off while the app starts and back on, with start-up's objects frozen, on every path
out of start-up: the drawing ranked, a failure, the window closed early, the window failing to build (D83)."""

from __future__ import annotations

import gc

import pytest
from app_helpers import start_window

from painmap.app import gc_hold


@pytest.fixture
def collector():
    """The collector as the test found it, afterwards: on, nothing frozen, not held."""
    yield
    gc_hold.release()
    gc.unfreeze()
    gc.enable()


def test_hold_turns_the_collector_off_and_release_freezes_and_turns_it_on_once(collector):
    assert gc.isenabled()
    gc_hold.hold()
    assert not gc.isenabled() and gc_hold.held()
    gc_hold.release()
    assert gc.isenabled() and not gc_hold.held() and gc.get_freeze_count() > 0
    gc.unfreeze()
    gc_hold.release()  # a second release does nothing
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_release_leaves_a_collector_it_did_not_turn_off_alone(collector):
    gc.disable()  # off for another reason: hold() did not do it
    gc_hold.hold()
    assert not gc_hold.held()
    gc_hold.release()
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_the_collector_stays_off_until_the_drawing_is_ranked(qtbot, monkeypatch, collector):
    from painmap.app.startup import StartUp

    seen = {}
    take_over, rank = StartUp._take_over, StartUp._load_engine

    def taking_over(self) -> None:
        seen["take over"] = gc.isenabled()
        take_over(self)

    def ranking(self) -> None:
        seen["rank"] = gc.isenabled()
        rank(self)
        seen["ranked"] = (gc.isenabled(), self.window.live.comparison is not None, gc.get_freeze_count() > 0)

    monkeypatch.setattr(StartUp, "_take_over", taking_over)
    monkeypatch.setattr(StartUp, "_load_engine", ranking)
    gc_hold.hold()
    start_window(qtbot)
    assert seen == {"take over": False, "rank": False, "ranked": (True, True, True)}


def _failed_start(qtbot):
    """(window, failure messages) of a start-up run with the collector held, until a step fails."""
    window = start_window(qtbot, wait=False)
    gc_hold.hold()
    failures = []
    window.startup.failed.connect(failures.append)
    window.startup._timer.start()
    qtbot.waitUntil(lambda: bool(failures), timeout=30000)
    return window, failures


def test_a_start_up_failure_turns_the_collector_back_on(qtbot, monkeypatch, collector):
    from painmap.app import startup as startup_module
    from painmap.errors import AtlasError

    def broken(_body="male"):
        raise AtlasError("atlas.json: not valid JSON")

    monkeypatch.setattr(startup_module, "load_engine_data", broken)
    _window, failures = _failed_start(qtbot)
    assert failures == ["atlas.json: not valid JSON"]
    assert gc.isenabled() and not gc_hold.held()


def test_a_step_that_fails_before_the_ranking_turns_the_collector_back_on(qtbot, monkeypatch, collector):
    from painmap.app.startup import StartUp
    from painmap.errors import AtlasError

    def refuse(_self):
        raise AtlasError("the chart's landmarks do not match its views")

    monkeypatch.setattr(StartUp, "_attach", refuse)
    window, _failures = _failed_start(qtbot)
    assert window.session is None  # failed before the session, and so before the ranking
    assert gc.isenabled() and not gc_hold.held()


def test_closing_the_window_during_start_up_turns_the_collector_back_on(qtbot, collector):
    window = start_window(qtbot, wait=False)
    gc_hold.hold()
    window.close()  # nothing drawn: start-up stops without loading the engine
    assert window.startup is None and window.session is None
    assert gc.isenabled() and not gc_hold.held()


def test_the_app_holds_the_collector_from_its_start(monkeypatch, collector):
    from painmap import cli
    from painmap.app import crash_dialog

    seen = []
    monkeypatch.setattr(crash_dialog, "run_reporting_fatal", lambda *_a: seen.append(gc.isenabled()) or 0)
    assert cli._run_app([]) == 0
    assert seen == [False] and gc_hold.held()


def test_a_window_that_fails_to_build_releases_the_collector(qtbot, monkeypatch, collector, capsys):
    from painmap.app import launch, main_window
    from painmap.errors import AtlasError

    def fails():
        raise AtlasError("posterior.svg: missing")

    monkeypatch.setattr(main_window, "MainWindow", fails)
    gc_hold.hold()
    assert launch.launch() == launch.EXIT_BAD_INPUT
    assert "posterior.svg: missing" in capsys.readouterr().err
    assert gc.isenabled() and not gc_hold.held()
