"""painmap's log file: unexpected errors and Qt's warnings, for when nobody sees stderr (started from a menu).

The log lives in the user's state folder: `$XDG_STATE_HOME/painmap/painmap.log` (`~/.local/state/painmap` when
unset) on Linux, `~/Library/Logs/painmap` on macOS, `%LOCALAPPDATA%\\painmap\\logs` on Windows. It is rotated at
1 MB, keeping three old files (`painmap.log.1` … `.3`). It records what went wrong and where in the code
(exception type, message, traceback): never a drawing's marks or notes, and never local variables.

A log is appended line by line, so it is the one file painmap writes without `painmap.atomic`: a crash may
cut its last line short, which is all a log can promise.

The app opens the log file after its window's first paint (`hold()` … `release()`): the file handler's import
(logging.handlers, with socket, pickle, queue) costs start-up ~8 ms. Records logged meanwhile (Qt's warnings)
are kept in memory and written first, in order, when the file opens, at exit at the latest; an error
(`log_exception`) opens the file at once.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
import traceback
from pathlib import Path

__all__ = [
    "BACKUPS",
    "LOGGER_NAME",
    "MAX_BYTES",
    "get_logger",
    "hold",
    "log_dir",
    "log_exception",
    "log_path",
    "one_line",
    "release",
]

LOGGER_NAME = "painmap"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """The folder of painmap's log files (not created here)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "painmap"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "painmap" / "logs"
    state = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state) if state and os.path.isabs(state) else Path.home() / ".local" / "state"
    return base / "painmap"


def log_path() -> Path:
    """The current log file; Help ▸ About and the error dialog name it."""
    return log_dir() / "painmap.log"


class _Held(logging.Handler):
    """The records logged before the log file opens (at most `HELD` of them; later ones are counted)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < HELD:
            self.records.append(record)
        else:
            self.dropped += 1


HELD = 1000
_held: _Held | None = None


def hold() -> None:
    """Keep what is logged in memory until `release()` (the app: until its first paint), then write it; nothing
    changes when the log file is open already."""
    global _held
    if _held is None and not any(getattr(h, "_painmap", False) for h in logging.getLogger(LOGGER_NAME).handlers):
        _held = _Held()
        atexit.register(release)  # an app that ends before its first paint still writes what it logged


def release() -> None:
    """Open the log file and write the records held since `hold()`, in order; nothing when none is held."""
    global _held
    held, _held = _held, None
    if held is None:
        return
    logger = logging.getLogger(LOGGER_NAME)
    logger.removeHandler(held)
    if not held.records:
        return  # nothing to write: the file opens with the first message, as without `hold`
    logger = get_logger()
    for record in held.records:
        logger.handle(record)
    if held.dropped:
        logger.warning("%d more messages were logged before the log file opened", held.dropped)


def get_logger() -> logging.Logger:
    """painmap's logger, writing to the rotating log file from the first message on (created on demand), or to
    memory while the log is held (`hold`).

    Where the folder cannot be made, messages go to stderr only: logging must never stop the app."""
    logger = logging.getLogger(LOGGER_NAME)
    if _held is not None:
        if _held not in logger.handlers:
            logger.addHandler(_held)
            logger.setLevel(logging.INFO)
            logger.propagate = False
        return logger
    target = str(log_path())
    if any(getattr(h, "baseFilename", None) == target for h in logger.handlers):
        return logger
    for handler in [h for h in logger.handlers if getattr(h, "_painmap", False)]:
        logger.removeHandler(handler)  # the log folder moved (another user's settings, or a test's)
        handler.close()
    from logging.handlers import RotatingFileHandler  # imported late: it costs start-up ~10 ms (socket, pickle)

    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler._painmap = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def one_line(error: BaseException) -> str:
    """`Type: message`, on one line and at most 300 characters: what the error dialog shows."""
    message = " ".join(str(error).split())
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return text if len(text) <= 300 else text[:299] + "…"


def log_exception(error: BaseException, where: str = "") -> Path:
    """Write an unexpected error with its traceback to the log, at once (after what was held); returns the log's
    path."""
    release()
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()
    get_logger().error("unexpected error%s: %s\n%s", f" in {where}" if where else "", one_line(error), trace)
    for handler in get_logger().handlers:
        handler.flush()
    return log_path()
