"""Exceptions of our own: every refusal of bad input is one of these, with a one-line message."""

from __future__ import annotations

__all__ = ["AtlasError", "DrawingError", "PainmapError", "PatternError", "ResourceError", "UnknownIdError"]


class PainmapError(Exception):
    """Base class: bad input or data that the user can fix. `str(err)` is one readable line."""


class ResourceError(PainmapError):
    """A bundled resource (atlas, pattern, schema) is missing or broken."""


class AtlasError(ResourceError):
    """The body-chart atlas could not be loaded or is invalid."""


class PatternError(ResourceError):
    """A pattern file is invalid; `path` and `pattern` say where."""

    def __init__(self, message: str, path: str | None = None, pattern: str | None = None) -> None:
        self.path = path
        self.pattern = pattern
        where = ": ".join(p for p in (path, pattern) if p)
        super().__init__(f"{where}: {message}" if where else message)


class UnknownIdError(PainmapError, KeyError):
    """An id (view, region, pattern, landmark) that does not exist."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class DrawingError(PainmapError):
    """A drawing file or document is refused: `path`, JSON `pointer` and `reason` say where and why."""

    def __init__(self, reason: str, path: str | None = None, pointer: str = "") -> None:
        self.reason = reason
        self.path = path
        self.pointer = pointer
        parts = [path or "<drawing>"]
        if pointer:
            parts.append(f"at {pointer}")
        super().__init__(f"{' '.join(parts)}: {reason}")
