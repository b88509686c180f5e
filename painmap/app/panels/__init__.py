"""Dock panels of the app: pattern overlay, live comparison, ranked list, info; installed by the main window.

Three steps, so the window paints before the engine loads: the shell makes empty docks (`PanelDocks`);
`complete_docks` fills them and adds the modes right after the first paint; `install_panels(window, docks,
live)` wires them to the session and the live comparison once those exist.
"""

from __future__ import annotations


def complete_docks(window, docks, guide_bar):
    """Fill `docks` (a PanelDocks of the shell) with the panels; the ModeController and View ▸ Panels."""
    from painmap.app.modes import ModeController

    docks.fill()
    modes = ModeController(window, docks, guide_bar)
    docks.add_menu(window.view_menu)
    return modes


def install_panels(window, docks, live) -> object:
    """The PanelsController of `window` on its session and `live` (a LiveComparison); `modes` is attached."""
    from painmap.app.panels.controller import PanelsController

    panels = PanelsController(window, docks, live)
    panels.modes = window.modes
    window.modes.attach(panels)
    return panels
