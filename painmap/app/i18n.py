"""The window's language: `tr` for every text the app shows, and the translators installed at start.

Mark each user-visible string of painmap.app as `tr("...")` (a free call: lupdate files it in the empty
context) or, for a module-level constant, `QT_TR_NOOP("...")` and translate it where it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from painmap import i18n

__all__ = ["install_language", "tr", "tr_count"]

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
    used = i18n.set_language(code)
    if used != i18n.ENGLISH:
        for part in ("app", "core"):
            translator = QTranslator(app)
            if translator.load(str(i18n.catalogue_path(part, used))):
                app.installTranslator(translator)
                _installed.append(translator)
    return used
