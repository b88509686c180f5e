"""Every toolbar control stays in sight: one row at 1280 px, more rows for a larger font (issue 11)."""

from __future__ import annotations

import pytest
from app_helpers import make_window
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QToolButton

pytestmark = pytest.mark.usefixtures("qapp")


def _hidden_controls(window) -> list[str]:
    """Toolbar actions whose widget is hidden or cut by its toolbar (moved into the overflow menu)."""
    hidden = []
    for bar in window.toolbars:
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is None or action.isSeparator() or not action.isVisible():  # e.g. a view this chart lacks
                continue
            inside = bar.rect().contains(widget.geometry())
            if not (widget.isVisible() and inside):
                hidden.append(action.text() or action.iconText() or type(widget).__name__)
    return hidden


@pytest.fixture
def larger_font():
    """The application font 1.5x larger (a system font size setting), restored after the test."""
    app = QApplication.instance()
    old = QFont(app.font())
    big = QFont(old)
    big.setPointSizeF(old.pointSizeF() * 1.5)
    app.setFont(big)
    yield big
    app.setFont(old)


def test_at_1280_px_every_control_fits_one_row(qtbot, atlas):
    window = make_window(qtbot, atlas, size=(1280, 900))
    qtbot.waitUntil(lambda: window.brush_bar.quality.isVisible())
    assert _hidden_controls(window) == []
    assert window.toolbar_rows.rows() == [window.toolbars]  # one row: the e2e tests' canvas stays in place
    assert window.brush_bar.quality.isVisible()  # "Feels"
    in_status = {b.defaultAction() for b in window.statusBar().findChildren(QToolButton) if b.isVisible()}
    assert {window.view_actions.landmarks, window.view_actions.zoom_focus, window.view_actions.zoom_fit} <= in_status


def test_a_larger_font_wraps_rows_instead_of_hiding_controls(qtbot, atlas, larger_font):
    window = make_window(qtbot, atlas, size=(1280, 900))
    assert window.font().pointSizeF() == pytest.approx(larger_font.pointSizeF())
    qtbot.waitUntil(lambda: not _hidden_controls(window))
    assert len(window.toolbar_rows.rows()) >= 2


def test_rows_follow_the_window_width(qtbot, atlas):
    window = make_window(qtbot, atlas, size=(1280, 900))
    window.resize(900, 900)
    qtbot.waitUntil(lambda: len(window.toolbar_rows.rows()) >= 2 and not _hidden_controls(window))
    window.resize(1280, 900)
    qtbot.waitUntil(lambda: window.toolbar_rows.rows() == [window.toolbars])


def test_shown_the_docks_and_the_canvas_are_laid_out_once_at_the_rows_of_the_window_width(qtbot):
    """The rows are set as the window is first placed, before its children are shown: each shown dock and the
    canvas get one size for the first paint. Set on the first resize (the rows of the default 640 px until then),
    they made Qt lay everything out again, after the children had been laid out under a taller toolbar area."""
    from PySide6.QtCore import QEvent, QObject

    from painmap.app.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 900)
    children = [window.canvas, *(dock for dock in window.docks.docks.values() if not dock.isHidden())]
    sizes: dict[int, list] = {id(child): [] for child in children}

    class Sizes(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Resize:
                sizes[id(watched)].append(event.size().toTuple())
            return False

    spy = Sizes()
    for child in children:
        child.installEventFilter(spy)
    window.show()
    qtbot.waitUntil(lambda: window.canvas.painted_once)
    assert window.toolbar_rows.rows() == [window.toolbars]
    assert [len(sizes[id(child)]) for child in children] == [1] * len(children)
    assert [sizes[id(child)][0] for child in children] == [child.size().toTuple() for child in children]
