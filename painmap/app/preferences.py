"""The user's preferences (Edit ▸ Preferences): what a new window starts with, kept in QSettings. No widgets.

Keys (`preferences/...`): `language` ("" = the system's, "en", "es"), `body` ("male" | "female": the body of
new drawings), `brush_diameter_mm` (float), `default_mode` ("patient" | "educator" | "quiz") and
`landmark_labels` (bool). A value that is missing or not one of these reads as its default, so a hand-edited
or foreign settings file never stops the app. The language is installed before the window's texts are built
(painmap.app.launch); the others are applied when a window is built (decision D57).

This module is read before the window's first paint: it imports QtCore only (no numpy, no dataclasses).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QSettings

__all__ = [
    "BODIES",
    "DEFAULTS",
    "DIAMETER_RANGE",
    "KEYS",
    "MODES",
    "Preferences",
    "install_preferred_language",
    "read_preferences",
    "reset_preferences",
    "write_preferences",
]

BODIES = ("male", "female")  # painmap.drawing_model.BODIES (not imported here: it loads dataclasses)
MODES = ("patient", "educator", "quiz")  # painmap.app.modes.MODES
DIAMETER_RANGE = (4.0, 120.0)  # mm: twice painmap.app.tools.RADIUS_RANGE
PREFIX = "preferences/"


class Preferences(NamedTuple):
    """One set of preferences; `Preferences()` is the defaults."""

    language: str = ""  # "" follows the system's language
    body: str = "male"
    brush_diameter_mm: float = 24.0  # twice painmap.app.tools.DEFAULT_RADIUS
    default_mode: str = "patient"
    landmark_labels: bool = True


DEFAULTS = Preferences()
KEYS = {name: PREFIX + name for name in Preferences._fields}


def _language(value) -> str:
    from painmap.i18n import LANGUAGES

    text = str(value or "")
    return text if text in LANGUAGES else ""


def _choice(options: tuple[str, ...], default: str):
    return lambda value: str(value) if str(value) in options else default


def _diameter(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return DEFAULTS.brush_diameter_mm
    if number != number:  # NaN
        return DEFAULTS.brush_diameter_mm
    return max(DIAMETER_RANGE[0], min(DIAMETER_RANGE[1], number))


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()  # an INI file gives "true" / "false"
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    return DEFAULTS.landmark_labels


_READERS = {
    "language": _language,
    "body": _choice(BODIES, DEFAULTS.body),
    "brush_diameter_mm": _diameter,
    "default_mode": _choice(MODES, DEFAULTS.default_mode),
    "landmark_labels": _flag,
}


def read_preferences(settings: QSettings) -> Preferences:
    """The stored preferences; each missing or unusable value is its default."""
    values = {}
    for name, default in DEFAULTS._asdict().items():
        stored = settings.value(KEYS[name], None)
        values[name] = default if stored is None else _READERS[name](stored)
    return Preferences(**values)


def write_preferences(settings: QSettings, preferences: Preferences) -> Preferences:
    """Store `preferences` (cleaned as a read would clean them); returns what was stored."""
    clean = Preferences(**{name: _READERS[name](value) for name, value in preferences._asdict().items()})
    for name, value in clean._asdict().items():
        settings.setValue(KEYS[name], value)
    settings.sync()
    return clean


def reset_preferences(settings: QSettings) -> Preferences:
    """Forget every stored preference: the defaults apply again."""
    for key in KEYS.values():
        settings.remove(key)
    settings.sync()
    return DEFAULTS


def install_preferred_language(settings: QSettings) -> str:
    """Install the preferred language's catalogues (before any window text is built); the language used."""
    from painmap.app.i18n import install_language

    return install_language(read_preferences(settings).language)
