"""The background job of the frequency maps: `painmap.aggregate.aggregate` over a list of drawings, reporting
progress and skipped files to a `TaskThread` (used by File → Open folder as frequency map and by Export CSV)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TR_NOOP

from painmap.app.background import TaskThread
from painmap.app.i18n import tr_count

AGGREGATE_OPTIONS: dict[str, Any] = {}  # extra keyword arguments for aggregate() (tests set a small chunk)


def aggregate_job(
    paths: Sequence[str | os.PathLike], cancel: threading.Event, **options: Any
) -> Callable[[TaskThread], Any]:
    """A job for `run_with_progress` that aggregates `paths`, reporting progress and skipped files."""

    def job(task: TaskThread):
        from painmap.aggregate import aggregate

        skipped = 0

        def on_skip(_path: str, _reason: str) -> None:
            nonlocal skipped
            skipped += 1
            task.message.emit(
                tr_count(
                    skipped,
                    QT_TR_NOOP("Reading the drawings… ({n} file skipped)"),
                    QT_TR_NOOP("Reading the drawings… ({n} files skipped)"),
                )
            )

        return aggregate(
            paths, progress=task.progressed.emit, cancel=cancel, on_skip=on_skip, **{**AGGREGATE_OPTIONS, **options}
        )

    return job
