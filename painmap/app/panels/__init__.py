"""Dock panels of the app: pattern overlay, live comparison, ranked list, info; installed by the main window."""

from __future__ import annotations


def install_panels(window) -> object:
    """Add the pattern, matches, comparison and info panels and the modes to `window` (a MainWindow).

    Returns the PanelsController; its `modes` attribute is the ModeController.
    """
    from painmap.app.modes import ModeController
    from painmap.app.panels.controller import PanelsController

    panels = PanelsController(window)
    panels.modes = ModeController(window, panels)
    return panels
