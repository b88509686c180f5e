"""The background job of the frequency maps: `painmap.aggregate.aggregate` over a list of drawings, reporting
progress and skipped files to a `TaskThread` (used by File → Open folder as frequency map and by Export CSV)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from painmap.app.background import TaskThread

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
            task.message.emit(f"Reading the drawings… ({skipped} file{'s' if skipped != 1 else ''} skipped)")

        return aggregate(
            paths, progress=task.progressed.emit, cancel=cancel, on_skip=on_skip, **{**AGGREGATE_OPTIONS, **options}
        )

    return job
