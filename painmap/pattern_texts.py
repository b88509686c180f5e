"""A pattern's texts in other languages: the `[texts.<lang>]` tables of pattern.toml, checked, and a pattern
given in one language, English wherever a translation is missing.

```toml
name = "Piriformis"                     # English: the reference text, always present
[texts.es]
name = "Piriforme"                      # any of LOCALIZED_TEXT and LOCALIZED_LISTS; a list has as many items
aggravating = ["…", "…"]                # as the English one
[texts.es.trigger_points.trp1]
label = "PG1 (lateral)"                 # label, note, hint of a trigger point
```
Sources stay as published. The format is documented in docs/patterns.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from painmap.pattern_model import Pattern

__all__ = ["LOCALIZED_LISTS", "LOCALIZED_TEXT", "TRIGGER_POINT_TEXT", "check_texts", "localized"]

LOCALIZED_TEXT = ("name", "summary", "action", "innervation")
LOCALIZED_LISTS = ("aggravating", "perpetuating", "examination", "differentials", "self_care", "notes")
TRIGGER_POINT_TEXT = ("label", "note", "hint")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def check_texts(meta: dict[str, Any], fail: Callable[[str], Exception]) -> dict[str, dict[str, Any]]:
    """The `texts` tables of a parsed pattern.toml, checked (raises `fail(message)` on the first problem).

    A misspelt key would silently show English, so every key must be a known one.
    """
    texts = meta.get("texts", {})
    if not isinstance(texts, dict) or not all(isinstance(t, dict) for t in texts.values()):
        raise fail("'texts' must be tables like [texts.es]")
    tps = meta.get("trigger_points", {})
    for code, table in texts.items():
        where = f"[texts.{code}]"
        if not _LANGUAGE.fullmatch(code):
            raise fail(f"{where}: {code!r} is not a language code (two or three lower-case letters, e.g. 'es')")
        for key, value in table.items():
            if key in LOCALIZED_TEXT:
                if not isinstance(value, str) or not value.strip():
                    raise fail(f"{where} {key} must be non-empty text")
            elif key in LOCALIZED_LISTS:
                english = meta.get(key, [])
                if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
                    raise fail(f"{where} {key} must be a list of non-empty texts")
                if len(value) != len(english):
                    raise fail(f"{where} {key} has {len(value)} items, the English one {len(english)}")
            elif key == "trigger_points":
                _check_trigger_points(value, tps, where, fail)
            else:
                known = ", ".join((*LOCALIZED_TEXT, *LOCALIZED_LISTS, "trigger_points"))
                raise fail(f"{where}: unknown field {key!r} (known: {known})")
    return texts


def _check_trigger_points(value: Any, tps: dict, where: str, fail: Callable[[str], Exception]) -> None:
    if not isinstance(value, dict) or not all(isinstance(t, dict) for t in value.values()):
        raise fail(f"{where} trigger_points must be tables like [texts.es.trigger_points.trp1]")
    for tp_id, table in value.items():
        if tp_id not in tps:
            raise fail(f"{where}: trigger point {tp_id!r} has no [trigger_points.{tp_id}] table")
        for key, text in table.items():
            if key not in TRIGGER_POINT_TEXT:
                raise fail(f"{where} trigger point {tp_id!r}: unknown field {key!r} (known: label, note, hint)")
            if not isinstance(text, str) or not text.strip():
                raise fail(f"{where} trigger point {tp_id!r}: {key} must be non-empty text")


def localized(pattern: Pattern, language: str | None = None) -> Pattern:
    """The pattern with its texts in `language` (default: painmap.i18n's current one); English for any text
    that has no translation (and for every text in English or a language the pattern does not have)."""
    if language is None:
        from painmap.i18n import language as current

        language = current()
    table = pattern.texts.get(language)
    if not table:
        return pattern
    changes: dict[str, Any] = {key: table[key] for key in LOCALIZED_TEXT if key in table}
    changes.update({key: tuple(table[key]) for key in LOCALIZED_LISTS if key in table})
    tp_texts = table.get("trigger_points", {})
    if tp_texts:
        changes["trigger_points"] = tuple(_tp(tp, tp_texts.get(tp.id, {})) for tp in pattern.trigger_points)
        if "all_trigger_points" in pattern.extra:
            shown = tuple(_tp(tp, tp_texts.get(tp.id, {})) for tp in pattern.extra["all_trigger_points"])
            changes["extra"] = {**pattern.extra, "all_trigger_points": shown}
    return replace(pattern, **changes)


def _tp(tp, texts: dict[str, str]):
    return replace(tp, **{k: v for k, v in texts.items() if k in TRIGGER_POINT_TEXT}) if texts else tp
