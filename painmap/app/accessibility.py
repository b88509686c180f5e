"""Names and descriptions for assistive technology where Qt has none of its own.

Buttons, actions and labelled fields are named by their text and described by their tooltip (the panels and
toolbars name their text-less controls themselves); what remains is named here: the canvas, the menus (a menu's
description is its status tip) and the toolbar toggles. The tabs QMainWindow makes when docks share a place are
named and described by Qt from the dock titles.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QMainWindow, QMenu

from painmap.app.i18n import tr

CANVAS_NAME = QT_TR_NOOP("Body chart")
CANVAS_DESCRIPTION = QT_TR_NOOP(
    "The body chart of the view shown: paint where it hurts. Without a mouse: the arrow keys move the keyboard "
    "brush, hold Space to paint, Ctrl+F fills a region by its name."
)


def menu_descriptions() -> dict[str, str]:
    """Menu title as shown, in the window's language (without '&') -> what it holds."""
    described = {  # the menus' own titles (their source texts in main_window, modes, docks)
        "&File": tr("New, open, save and export drawings"),
        "&Edit": tr("Undo, redo, clear, fill a region by name, the drawing's note"),
        "&View": tr("Views of the body, zoom, landmark labels and panels"),
        "&Tools": tr("Brush, eraser, fill, lasso, brush size and intensity, the keyboard brush"),
        "&Mode": tr("Patient, educator or quiz mode"),
        "&Help": tr("Keyboard shortcuts, where drawings are kept, about painmap"),
        "Open &recent": tr("Drawings opened lately"),
        "Pa&nels": tr("Show or hide each panel"),
    }
    return {tr(title).replace("&", ""): text for title, text in described.items()}


def describe_menus(window: QMainWindow) -> None:
    """Give every menu (and submenu) of the menu bar a status tip, which is its description."""
    known = menu_descriptions()
    for menu in window.menuBar().findChildren(QMenu) + window.findChildren(QMenu):
        action = menu.menuAction()
        if action.statusTip():
            continue
        title = menu.title().replace("&", "")
        text = known.get(title) or tr("The {menu} menu").format(menu=title)
        action.setStatusTip(text)
        action.setToolTip(text)


def describe_toolbars(window: QMainWindow) -> None:
    """The toolbars' show/hide toggles (the window's context menu) say what they do."""
    for bar in window.toolbars:
        toggle = bar.toggleViewAction()
        text = tr("Show or hide the {toolbar} toolbar").format(toolbar=bar.windowTitle())
        toggle.setStatusTip(text)
        toggle.setToolTip(text)
        bar.setAccessibleName(tr("{toolbar} toolbar").format(toolbar=bar.windowTitle()))


def install(window: QMainWindow) -> None:
    """Name what the window's shell shows (the canvas, toolbars); the panels name their own.

    The menus are described by a late start-up step, after the first ranking (`MainWindow._complete_names`):
    a status tip shows only when a menu is hovered."""
    window.canvas.setAccessibleName(tr(CANVAS_NAME))
    window.canvas.setAccessibleDescription(tr(CANVAS_DESCRIPTION))
    describe_toolbars(window)
