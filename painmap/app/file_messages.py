"""Plain words for a drawing that cannot be opened; the precise reason goes behind the dialog's Details.

The command line keeps its precise one line (painmap.errors); a person opening a file in the app first reads
one of three sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from painmap.app.i18n import tr
from painmap.errors import DrawingError

NOT_A_DRAWING = QT_TR_NOOP("This file is not a painmap drawing.")
DAMAGED = QT_TR_NOOP("This file is damaged.")
NEWER = QT_TR_NOOP("This file is from a newer painmap version.")
UNREADABLE = QT_TR_NOOP("This file could not be read.")

# Reasons (painmap.drawing_decode, drawing_parse) that mean the bytes are not a drawing document at all.
_NOT_A_DRAWING = (
    "is not utf-8",
    "is not valid unicode",
    "is empty",
    "contains only white space",
    "starts with a byte-order mark",
    "is utf-16",
    "contains nul bytes",
    "must be a json object",
    "invalid json",
    "missing 'version'",
    "is larger than",
    "holds ",
    "nested deeper",
    "missing 'format'",
)


def plain_file_message(err: BaseException) -> str:
    """One of the plain sentences for an error raised while opening a drawing, in the window's language."""
    return tr(_plain_sentence(err))


def _plain_sentence(err: BaseException) -> str:
    if isinstance(err, DrawingError):
        reason = err.reason.lower()
        if "newer painmap" in reason:
            return NEWER
        top_level = err.pointer.count("/") <= 1  # about the document itself, not one of its marks
        if reason.startswith(_NOT_A_DRAWING) or "not a painmap drawing" in reason:
            return NOT_A_DRAWING
        if top_level and reason.startswith("unknown key"):  # some other program's JSON object
            return NOT_A_DRAWING
        return DAMAGED
    if isinstance(err, OSError):
        return UNREADABLE
    return DAMAGED
