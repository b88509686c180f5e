"""The fields of the engine's comparison results as the panels read them (light: the controller needs it before
any panel module loads)."""

from __future__ import annotations


def metric(result, name: str, default=0.0):
    """A field of a comparison result, whether it is an object or a dict."""
    if isinstance(result, dict):
        return result.get(name, default)
    return getattr(result, name, default)
