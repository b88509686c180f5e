"""`--lang CODE` of the commands that draw figures: the figure's texts in that language, the messages English."""

from __future__ import annotations

import contextlib
import sys
from argparse import Namespace
from collections.abc import Iterator

from painmap.errors import PainmapError


def language_code(args: Namespace, command: str) -> str:
    """`args.lang` checked (default English); an unknown code is bad input (PainmapError)."""
    from painmap import i18n

    code = getattr(args, "lang", None) or i18n.ENGLISH
    if code not in i18n.LANGUAGES:
        known = ", ".join(sorted(i18n.LANGUAGES))
        raise PainmapError(f"{command}: --lang must be one of {known} (got {code!r})")
    return code


@contextlib.contextmanager
def figure_language(args: Namespace, command: str) -> Iterator[str]:
    """Speak `args.lang` (default English) while the figure is drawn, then the language spoken before.

    A known language whose catalogue is missing warns and draws in English.
    """
    from painmap import i18n

    code = language_code(args, command)
    with i18n.speaking(code) as used:
        if used != code:
            sys.stderr.write(f"painmap: warning: no {code} translation installed; the figure is in English\n")
        yield used
