"""Pain drawings, bytes -> JSON value: size, encoding, nesting and syntax checks, and the error context.

Every refusal is a `DrawingError` naming the source, the JSON pointer and the reason in one line.
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np

from painmap.drawing_model import MAX_DEPTH, MAX_FILE_BYTES, MAX_MARKS, MAX_META_BYTES, MAX_POINTS_TOTAL
from painmap.errors import DrawingError

__all__ = ["Context", "decode", "json_key", "json_kind", "one_line", "show"]

# ---------------------------------------------------------------------------------------------------------------
# Messages


def show(value: Any, limit: int = 40) -> str:
    """A short, single-line rendering of a user-supplied value for an error message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def json_kind(value: Any) -> str:
    """The JSON type of a value, with an article, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def json_key(key: str) -> str:
    """One JSON-pointer reference token (RFC 6901 escaping)."""
    return key.replace("~", "~0").replace("/", "~1")


def one_line(text: str) -> str:
    """`text` with line breaks and other unprintable characters escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class Context:
    """Where the document came from and what to check it against."""

    __slots__ = ("atlas", "source")

    def __init__(self, source: str, atlas: Any) -> None:
        self.source = one_line(source)
        self.atlas = atlas

    def fail(self, reason: str, pointer: str = "") -> DrawingError:
        return DrawingError(one_line(reason), self.source, one_line(pointer))


# ---------------------------------------------------------------------------------------------------------------
# Bytes -> JSON value (size, encoding, nesting, syntax)

_QUOTED = re.compile(rb'"[^"]*"')
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_LEADING_SPACE = re.compile(rb"[ \t\r\n]*")
_ONE_KIND = bytes.maketrans(b"{}", b"[]")
# Arrays and objects a drawing within the limits can hold: points, marks, the marks array, and meta (whose
# strings may also contain bracket characters, counted here because strings are not yet told apart).
_MAX_ARRAYS = MAX_POINTS_TOTAL + MAX_MARKS + 1 + 2 * MAX_META_BYTES
_MAX_OBJECTS = MAX_MARKS + 1 + 2 * MAX_META_BYTES


def _check_nesting(data: bytes, ctx: Context) -> None:
    """Refuse more arrays/objects than a drawing within the limits holds, and deep nesting, before parsing.

    Works on the bytes at C speed: escaped quotes and backslashes are dropped, then everything but brackets
    and quotes, then the (now simple) strings; the depth is the number of passes that remove innermost pairs
    (a cumulative sum over what is left when it is too deep or unbalanced, for the message).
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    step = 1 << 20  # translate in slices: it allocates its full input size before shrinking
    structure = b"".join(data[i : i + step].translate(None, _NOT_STRUCTURE) for i in range(0, len(data), step))
    arrays = structure.count(b"[")
    if arrays > _MAX_ARRAYS:
        raise ctx.fail(f"holds {arrays:,} arrays: more points than a drawing may have ({MAX_POINTS_TOTAL:,})")
    objects = structure.count(b"{")
    if objects > _MAX_OBJECTS:
        raise ctx.fail(f"holds {objects:,} objects: more marks than a drawing may have ({MAX_MARKS:,})")
    brackets = structure.replace(b'""', b"")  # strings without brackets in them: each quote beside its pair ...
    if b'"' in brackets:
        brackets = _QUOTED.sub(b"", structure)  # ... else strings told apart by the regex
    del structure
    if not brackets or _depth_at_most(brackets, MAX_DEPTH):
        return
    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = ((codes == ord("[")) | (codes == ord("{"))).view(np.int8)  # 1 opens, 0 closes: 2 * step - 1
    steps = steps * np.int8(2)
    steps -= 1
    if int(np.cumsum(steps, dtype=np.int32).max()) > MAX_DEPTH:
        raise ctx.fail(f"nested deeper than {MAX_DEPTH} levels (a drawing needs 5)")


def _depth_at_most(brackets: bytes, limit: int) -> bool:
    """Whether the brackets (one kind as for the depth count: `{` as `[`) close in order and nest at most `limit`
    deep: each pass removes every innermost pair, one level (a balanced sequence of depth d is empty after exactly
    d passes; an unbalanced one never is)."""
    brackets = brackets.translate(_ONE_KIND)
    for _ in range(limit):
        brackets = brackets.replace(b"[]", b"")
        if not brackets:
            return True
    return False


def _reject_constant(name: str) -> float:
    raise DrawingError(f"{name} is not allowed: every number must be finite")


_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _where_constant(text: str) -> str:
    """ " (line L, column C)" of the first NaN/Infinity outside strings, for the error message."""
    for match in _CONSTANT.finditer(text):
        if match.group(1):
            line = text.count("\n", 0, match.start(1)) + 1
            column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 1
            return f" (line {line}, column {column})"
    return ""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DrawingError(f"duplicate key {show(key)} in an object")
            seen.add(key)
    return result


def _check_utf8(data: bytes, ctx: Context, partial: bool = False) -> str:
    """The text of UTF-8 `data`; `partial` tolerates a character cut at the end of a prefix."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if partial and err.reason == "unexpected end of data":
            return ""
        raise ctx.fail(f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})") from None


def decode(data: bytes | bytearray | memoryview | str, ctx: Context) -> Any:
    """JSON value of a drawing's bytes or text, after the size, encoding and nesting checks."""
    if isinstance(data, str):
        if len(data) > MAX_FILE_BYTES:
            raise ctx.fail(f"is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as err:
            raise ctx.fail(f"is not valid Unicode text (unpaired surrogate at character {err.start})") from None
    elif isinstance(data, bytearray | memoryview):
        data = bytes(data)
    elif not isinstance(data, bytes):
        raise TypeError(f"a drawing is bytes or text, not {type(data).__name__}")
    if len(data) > MAX_FILE_BYTES:
        raise ctx.fail(f"is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit ({len(data):,} bytes)")
    start = _LEADING_SPACE.match(data).end()
    if start == len(data):
        raise ctx.fail("is empty" if not data else "contains only white space")
    if data.startswith(b"\xef\xbb\xbf"):
        raise ctx.fail("starts with a byte-order mark: save it as UTF-8 without BOM")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ctx.fail("is UTF-16 text: a drawing must be UTF-8")
    if b"\x00" in data:
        raise ctx.fail("contains NUL bytes (binary data or UTF-16), not UTF-8 JSON text")
    first = data[start : start + 1]
    if first != b"{":
        _check_utf8(data[:1024], ctx, partial=True)
        what = "an array" if first == b"[" else f"something starting with {show(first.decode('latin-1'))}"
        raise ctx.fail(f"must be a JSON object, not {what}")
    _check_nesting(data, ctx)
    text = _check_utf8(data, ctx)
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except DrawingError as err:
        raise ctx.fail(err.reason + _where_constant(text)) from None
    except json.JSONDecodeError as err:
        raise ctx.fail(f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    except ValueError as err:  # an integer with more digits than Python converts
        reason = "a number has too many digits" if "digits" in str(err) else one_line(str(err))[:100]
        raise ctx.fail(f"invalid JSON: {reason}") from None
    except RecursionError:  # belt and braces: the nesting scan should have caught it
        raise ctx.fail(f"nested deeper than {MAX_DEPTH} levels") from None
