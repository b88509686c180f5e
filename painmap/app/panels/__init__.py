"""Dock panels of the app: pattern overlay, live comparison, ranked list, info; installed by the main window."""

from __future__ import annotations


def install_panels(window) -> object:
    """Add the pattern, matches, comparison and info panels and the modes to `window` (a MainWindow).

    Returns the PanelsController; its `modes` attribute is the ModeController. The window's saved layout is
    applied again once the docks exist, then the remembered mode decides which docks show.
    """
    from painmap.app.modes import ModeController, settings_of
    from painmap.app.panels.controller import PanelsController

    panels = PanelsController(window)
    state = settings_of(window).value("window/state")
    if state is not None:
        window.restoreState(state)
    panels.modes = ModeController(window, panels)
    return panels
