"""Dock panels of the app: pattern overlay, live comparison, ranked list, info; installed by the main window."""

from __future__ import annotations


def install_panels(window) -> object:
    """Add the pattern and comparison panels to `window` (a MainWindow); returns the controller or None."""
    return None
