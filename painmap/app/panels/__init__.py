"""Dock panels of the app: pattern overlay, live comparison, ranked list, info; installed by the main window.

Two steps, so the window paints before the engine loads: `build_docks(window)` makes the docks and the modes
with the window's shell; `install_panels(window, docks, live)` wires them to the session and the live
comparison once those exist.
"""

from __future__ import annotations


def build_docks(window):
    """(PanelDocks, ModeController) of `window`: the empty docks, View ▸ Panels, the saved layout and mode."""
    from painmap.app.modes import ModeController
    from painmap.app.panels.docks import PanelDocks

    docks = PanelDocks(window)
    state = window.settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    modes = ModeController(window, docks)
    docks.add_menu(window.view_menu)
    return docks, modes


def install_panels(window, docks, live) -> object:
    """The PanelsController of `window` on its session and `live` (a LiveComparison); `modes` is attached."""
    from painmap.app.panels.controller import PanelsController

    panels = PanelsController(window, docks, live)
    panels.modes = window.modes
    window.modes.attach(panels)
    return panels
