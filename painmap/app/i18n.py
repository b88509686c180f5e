"""The window's language: `tr` for every text the app shows, and the translators installed at start.

Mark each user-visible string of painmap.app as `tr("...")` (a free call: lupdate files it in the empty
context) or, for a module-level constant, `QT_TR_NOOP("...")` and translate it where it is shown; placeholders
are `.format()` fields (`tr("Saved {path}").format(path=...)`), never f-strings inside tr. `./dev translations`
extracts them into resources/translations/painmap_app_<lang>.ts and compiles the `.qm` (tools/translations.py).

At start (painmap.app.launch) `install_language(saved_language(settings))` installs the app's catalogue, the
core's and Qt's own (the standard buttons: Cancel, Save, Discard …) before any window text is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from painmap import i18n

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

__all__ = ["LANGUAGE_KEY", "install_language", "saved_language", "tr", "tr_count"]

LANGUAGE_KEY = "preferences/language"  # "" = the system's language, else a code of painmap.i18n.LANGUAGES
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """`text` in the window's language."""
    return QCoreApplication.translate("", text)


def tr_count(n: int, one: str, many: str, **values) -> str:
    """`one` or `many` (both marked `QT_TR_NOOP`, with an `{n}` placeholder and any `values`) for the count `n`,
    translated and filled in.

    Two forms are enough for English and Spanish (1 and the rest); a language with more plural forms would
    move these to Qt's numerus messages (`%n`).
    """
    return tr(one if n == 1 else many).format(n=f"{n:,}", **values)


def install_language(code: str | None) -> str:
    """Install the app and core catalogues of `code` ("" or None: the system's); returns the language used."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    wanted = code or i18n.system_language()
    used = i18n.set_language(code)  # the core's language (English when its catalogue is missing)
    if wanted not in i18n.LANGUAGES or wanted == i18n.ENGLISH:
        return i18n.ENGLISH
    from PySide6.QtCore import QLibraryInfo  # here: an English start never builds it

    ours = [str(i18n.catalogue_path(part, wanted)) for part in ("app", "core")]
    qt_own = (f"qtbase_{wanted}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    loaded = [_install(app, name) for name in ours]  # each on its own: a missing one leaves only its texts English
    if not any(loaded):
        return used
    _install(app, *qt_own)  # Qt's standard buttons and dialogs
    return wanted


def _install(app, name: str, folder: str = "") -> bool:
    from PySide6.QtCore import QTranslator  # here: PySide builds the class on first use, English needs none

    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def saved_language(settings) -> str:
    """The language chosen in Preferences (`preferences/language` of the QSettings `settings`); "" = system."""
    value = settings.value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) else ""
