"""The language painmap speaks: one setting, one catalogue per part, English as the fallback.

Two catalogues of Qt's translation system live in `resources/translations/`: `painmap_app_<lang>.qm` (the
window's texts, marked in painmap.app with `tr`) and `painmap_core_<lang>.qm` (the shared vocabulary, the
pattern library's patient texts and the report, marked with `tr` from this module). Every text is in the
empty context: lupdate files free `tr("...")` and `QT_TR_NOOP("...")` calls there. The figures are made
without a Qt application, so this module reads the core catalogue with a plain QTranslator (QtCore only).

The command line stays English (scripts parse it) unless a command takes `--lang`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QLocale

from painmap.resources import resource_path

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "catalogue_path",
    "decimal",
    "language",
    "month_name",
    "set_language",
    "speaking",
    "system_language",
    "tr",
]

ENGLISH = "en"
# Language code -> the language's own name (shown in Preferences).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}

_state: dict[str, object] = {"language": ENGLISH, "translator": None}


def catalogue_path(part: str, code: str):
    """Path of the compiled catalogue of one part ("app" or "core") for one language."""
    return resource_path("translations", f"painmap_{part}_{code}.qm")


def system_language() -> str:
    """The system locale's language if painmap speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else ENGLISH


def language() -> str:
    """The language the core's texts are given in now."""
    return str(_state["language"])


def set_language(code: str | None) -> str:
    """Speak `code` ("" or None: the system's language); returns the language now in use.

    A language without a catalogue file falls back to English.
    """
    wanted = code or system_language()
    translator = None
    if wanted != ENGLISH and wanted in LANGUAGES:
        from PySide6.QtCore import QTranslator  # here: PySide builds the class on first use, English needs none

        translator = QTranslator()
        if not translator.load(str(catalogue_path("core", wanted))):
            translator, wanted = None, ENGLISH
    elif wanted not in LANGUAGES:
        wanted = ENGLISH
    _state["language"], _state["translator"] = wanted, translator
    return wanted


def tr(text: str) -> str:
    """`text` in the current language (the English text itself when there is no translation)."""
    translator = _state["translator"]
    if translator is None:
        return text
    translated = translator.translate("", text)  # type: ignore[attr-defined]
    return translated or text


@contextlib.contextmanager
def speaking(code: str | None) -> Iterator[str]:
    """Speak `code` inside the block (None: leave the language as it is), then the language spoken before."""
    if code is None:
        yield language()
        return
    before = language()
    try:
        yield set_language(code)
    finally:
        set_language(before)


def decimal(value: float, digits: int = 1) -> str:
    """`value` with `digits` decimals and the current language's decimal mark ('12.5' / '12,5')."""
    text = f"{value:.{digits}f}"
    return text.replace(".", QLocale(language()).decimalPoint()) if language() != ENGLISH else text


def month_name(month: int) -> str:
    """The name of a month (1-12) in the current language ('November', 'noviembre')."""
    return QLocale(language()).standaloneMonthName(month, QLocale.FormatType.LongFormat)
