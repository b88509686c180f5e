"""The docks are placed from the shipped layout (resources/layout/docks.state) instead of `addDockWidget`, which
names the Qt namespace before the first paint (painmap.app.enum_free): the window looks and behaves as with
`addDockWidget`, for a new user and over a saved state, at the first paint and once start-up has run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from app_helpers import start_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTabBar, QToolBar

from painmap.app.main_window import app_settings
from painmap.app.panels import docks as docks_module
from painmap.app.panels.docks import PanelDocks

pytestmark = pytest.mark.usefixtures("qapp")
ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("dock_layout", ROOT / "tools" / "dock_layout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _layout(window) -> dict:
    """Where each dock and toolbar is (a hidden dock's geometry means nothing until it is shown) and the tabs."""
    docks = {}
    for key, dock in window.docks.docks.items():
        tabs = sorted(d.objectName() for d in window.tabifiedDockWidgets(dock))
        place = dock.geometry().getRect() if dock.isVisible() else None
        docks[key] = (window.dockWidgetArea(dock).name, dock.isVisible(), place, tabs)
    bars = {b.objectName(): (b.geometry().getRect(), window.toolBarBreak(b)) for b in window.findChildren(QToolBar)}
    tabs = [
        (bar.currentIndex(), [bar.tabText(i) for i in range(bar.count())])
        for bar in window.findChildren(QTabBar)
        if bar.isVisible()
    ]
    return {"docks": docks, "bars": bars, "tabs": tabs, "canvas": window.canvas.geometry().getRect()}


def _pixels(window) -> np.ndarray:
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1).copy()


def _with_add_dock_widget(monkeypatch) -> None:
    """`PanelDocks.place` as before the shipped layout: addDockWidget, then the saved state over it."""

    def place(self, saved=None) -> None:
        self.add()
        if saved is not None:
            self.window.restoreState(saved)

    monkeypatch.setattr(PanelDocks, "place", place)


def _settled(qtbot, window) -> dict:
    """The layout once the posted layout requests have run (it holds still for 100 ms)."""
    qtbot.wait(100)
    now = _layout(window)
    for _ in range(20):
        qtbot.wait(100)
        now, before = _layout(window), now
        if now == before:
            break
    return now


def test_the_shipped_layout_is_what_add_dock_widget_makes():
    tool = _tool()
    shipped = (ROOT / "resources" / "layout" / "docks.state").read_bytes()
    assert tool.restores_the_same(shipped, tool.dock_layout())
    assert not tool.restores_the_same(
        shipped.replace(b"d\x00o\x00c\x00k\x00-\x00i", b"d\x00o\x00c\x00k\x00-\x00x"), shipped
    )


@pytest.fixture
def font_size(request, qapp):
    """The application's font at `request.param` points for the test (0: as it is)."""
    font = qapp.font()
    before = font.pointSizeF()
    if request.param:
        font.setPointSizeF(request.param)
        qapp.setFont(font)
    yield request.param
    font.setPointSizeF(before)
    qapp.setFont(font)


@pytest.mark.parametrize("font_size", [0, 13.0], indirect=True, ids=["font", "13 pt"])
@pytest.mark.parametrize("saved", [False, True], ids=["new user", "saved state"])
@pytest.mark.parametrize(("mode", "then"), [("patient", "educator"), ("educator", "quiz"), ("quiz", "patient")])
def test_the_window_is_laid_out_as_with_add_dock_widget(qtbot, monkeypatch, saved, mode, then, font_size):
    settings = app_settings()
    settings.setValue("preferences/default_mode", mode)
    if saved:  # a returning user's state: About this pattern on the left, the right area wider
        first = start_window(qtbot, wait=False)
        docks = first.docks.docks
        first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks["info"])
        first.resizeDocks([docks["pattern"], docks["info"]], [430, 300], Qt.Orientation.Horizontal)
        _settled(qtbot, first)
        first.save_settings()
        first.hide()
    shipped = _run(qtbot, then)
    with monkeypatch.context() as patch:
        _with_add_dock_widget(patch)
        added = _run(qtbot, then)
    for moment, ours, theirs in zip(("first paint", "start-up done", then), shipped, added, strict=True):
        assert ours == theirs, moment
    assert (shipped[0]["docks"]["info"][0] == "LeftDockWidgetArea") is saved


def _run(qtbot, then: str) -> list:
    """The window's layout (and pixels) at its first paint, once start-up has run and in the mode `then`."""
    window = start_window(qtbot, wait=False)  # held at the first paint
    seen = [{**_layout(window), "pixels": _pixels(window).tobytes()}]
    window.ensure_engine()  # start-up runs: the panels, the modes, the ranking
    seen.append(_settled(qtbot, window))
    window.modes.set_mode(then)
    seen.append(_settled(qtbot, window))
    window.hide()
    return seen


def test_a_layout_that_does_not_restore_falls_back_to_add_dock_widget(qtbot, monkeypatch, tmp_path):
    broken = tmp_path / "docks.state"
    broken.write_bytes(b"not a window state")
    monkeypatch.setattr(docks_module, "resource_path", lambda *parts: broken)
    added = []
    real_add = PanelDocks.add
    monkeypatch.setattr(PanelDocks, "add", lambda self: added.append(self) or real_add(self))
    app_settings().setValue("preferences/default_mode", "educator")  # every dock shown
    window = start_window(qtbot, wait=False)
    assert len(added) == 1
    areas = {key: window.dockWidgetArea(dock).name for key, dock in window.docks.docks.items()}
    assert set(areas.values()) == {"RightDockWidgetArea"}
    assert [d.objectName() for d in window.tabifiedDockWidgets(window.docks.docks["comparison"])] == ["dock-info"]


def test_a_missing_layout_file_falls_back_to_add_dock_widget(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(docks_module, "resource_path", lambda *parts: tmp_path / "absent.state")
    added = []
    real_add = PanelDocks.add
    monkeypatch.setattr(PanelDocks, "add", lambda self: added.append(self) or real_add(self))
    window = start_window(qtbot, wait=False)
    assert len(added) == 1
    assert {window.dockWidgetArea(dock).name for dock in window.docks.docks.values()} == {"RightDockWidgetArea"}
