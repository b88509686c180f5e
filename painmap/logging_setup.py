"""painmap's log file: unexpected errors and Qt's warnings, for when nobody sees stderr (started from a menu).

The log lives in the user's state folder: `$XDG_STATE_HOME/painmap/painmap.log` (`~/.local/state/painmap` when
unset) on Linux, `~/Library/Logs/painmap` on macOS, `%LOCALAPPDATA%\\painmap\\logs` on Windows. It is rotated at
1 MB, keeping three old files (`painmap.log.1` … `.3`). It records what went wrong and where in the code
(exception type, message, traceback): never a drawing's marks or notes, and never local variables.

A log is appended line by line, so it is the one file painmap writes without `painmap.atomic`: a crash may
cut its last line short, which is all a log can promise.
"""

from __future__ import annotations

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
    "log_dir",
    "log_exception",
    "log_path",
    "one_line",
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


def get_logger() -> logging.Logger:
    """painmap's logger, writing to the rotating log file from the first message on (created on demand).

    Where the folder cannot be made, messages go to stderr only: logging must never stop the app."""
    logger = logging.getLogger(LOGGER_NAME)
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
    """Write an unexpected error with its traceback to the log; returns the log's path."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()
    get_logger().error("unexpected error%s: %s\n%s", f" in {where}" if where else "", one_line(error), trace)
    for handler in get_logger().handlers:
        handler.flush()
    return log_path()
