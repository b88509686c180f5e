"""Every control and action of the main window has an accessible name and description, in every mode (issue 11).

Checked through Qt's accessibility interface, which is what a screen reader reads.
"""

from __future__ import annotations

import pytest
from app_helpers import make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from painmap.app.panels.controller import PanelsController
from painmap.app.toolbar import IntensityScale

pytestmark = pytest.mark.usefixtures("qapp")
NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
CONTROLS = (QAbstractButton, QAbstractSlider, QComboBox, QLineEdit, QAbstractItemView, QTextEdit, IntensityScale)


def _is_control(widget: QWidget) -> bool:
    """Something a person operates: it takes the keyboard focus, or it is a button, field, list or slider."""
    if isinstance(widget, QScrollBar):  # part of its scroll area, which is checked
        return False
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(widget, CONTROLS)


def _unnamed(window) -> list[str]:
    """Visible controls (and dock tabs) whose accessible name or description is empty."""
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QTabBar):  # Qt describes the tabs, not the bar
            iface = QAccessible.queryAccessibleInterface(widget)
            tabs = [iface.child(k) for k in range(iface.childCount())]
            tabs = [t for t in tabs if t.role() == QAccessible.Role.PageTab][: widget.count()]  # (stale ones after)
            for tab in tabs:
                if not (tab.text(NAME) and tab.text(DESCRIPTION)):
                    missing.append(f"tab {tab.text(NAME)!r}")
            continue
        if not _is_control(widget):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name, description = iface.text(NAME).strip(), iface.text(DESCRIPTION).strip()
        if not name or not description:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} name={name!r} description={description!r}")
    return missing


def _undescribed_actions(window) -> list[str]:
    """Actions without a name, or whose description (status tip, else tooltip) only repeats the name."""
    missing = []
    for action in window.findChildren(QAction):
        if action.isSeparator() or _qt_own(action):
            continue
        name = action.text().replace("&", "").strip()
        description = (action.statusTip() or action.toolTip()).strip()
        if not name or not description or description == name:
            missing.append(f"{name!r}: {description!r}")
    return missing


def _qt_own(action: QAction) -> bool:
    """Actions Qt makes for itself: a toolbar's holder of a widget (the widget is checked), the menu bar's
    overflow menu."""
    parent = action.parent()
    if hasattr(parent, "widgetForAction"):
        widget = parent.widgetForAction(action)
        if widget is not None and not isinstance(widget, QAbstractButton):
            return True
    menu = action.menu()
    return menu is not None and not menu.title() and isinstance(menu.parent(), QMenuBar)


@pytest.mark.parametrize("mode", ["patient", "educator", "quiz"])
def test_every_control_and_action_is_named_and_described(qtbot, atlas, mode):
    window = make_window(qtbot, atlas, size=(1280, 900))
    panels = window.findChild(PanelsController)
    qtbot.waitUntil(lambda: panels.loaded)
    window.modes.set_mode(mode)
    qtbot.wait(10)
    checked = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window) and _is_control(w)]
    assert len(checked) > 20  # the walk reaches the toolbars, the panels and the canvas
    assert _unnamed(window) == []
    assert _undescribed_actions(window) == []
    canvas = QAccessible.queryAccessibleInterface(window.canvas)
    assert canvas.text(NAME) == "Body chart" and "arrow keys" in canvas.text(DESCRIPTION)


def test_the_region_search_dialog_is_named(qtbot, atlas):
    window = make_window(qtbot, atlas)
    dialog = window.fill_region_by_name()
    assert _unnamed(dialog) == []
    dialog.reject()


def test_the_intensity_scale_works_from_the_keyboard(qtbot, atlas):
    window = make_window(qtbot, atlas)
    scale = window.brush_bar.scale
    assert scale.focusPolicy() & Qt.FocusPolicy.TabFocus
    start = window.toolbox.settings.intensity
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert window.toolbox.settings.intensity == start + 1
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    assert window.toolbox.settings.intensity == start - 1
