"""Reading many drawings into painted-pixel sets on any `concurrent.futures.Executor` (learn, evaluate).

By default a small cohort is read in this process and a large one over a local process pool; any Executor
(e.g. a Dask client's) may be given instead. Results come back in input order. A bad file fails the whole read
with its one-line reason (errors travel as text: exception objects with custom fields do not pickle well).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from painmap.aggregate_run import BLAS_THREADS
from painmap.errors import PainmapError
from painmap.raster import DEFAULT_PX_PER_MM

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from painmap.atlas import Atlas
    from painmap.cohort import Pixels

__all__ = [
    "BLAS_THREADS",
    "CHUNK",
    "LOCAL_POOL_FROM",
    "ReadError",
    "local_pool",
    "read_pixels_all",
]

CHUNK = 100  # drawings per task
LOCAL_POOL_FROM = 400  # fewer drawings are read in this process: starting workers costs about a second


class ReadError(PainmapError):
    """A drawing of the cohort could not be read: `PATH: reason`."""


def _read_chunk(
    paths: Sequence[str], px_per_mm: float, mirror: bool, atlas: Atlas | None = None, chart: tuple | None = None
):
    """Pixels of each file, or stop at the first bad one: (pixels, None) or (pixels so far, (path, reason)).

    The drawings are put on `atlas`, or on the bundled chart `chart` = (body, number) (a worker loads it), or on
    the current male chart."""
    from painmap.cohort import read_pixels
    from painmap.cohort_chart import chart_atlas, target_atlas

    if atlas is None:
        atlas = chart_atlas(*chart) if chart is not None else target_atlas()
    out = []
    for path in paths:
        try:
            out.append(read_pixels(path, atlas, px_per_mm, mirror))
        except (PainmapError, OSError, ValueError) as err:
            text = str(err).strip().splitlines()
            return out, (path, text[0] if text else type(err).__name__)
    return out, None


def read_pixels_all(
    files: Sequence[str | os.PathLike],
    px_per_mm: float = DEFAULT_PX_PER_MM,
    mirror: bool = True,
    *,
    executor: Executor | None = None,
    atlas: Atlas | None = None,
    chunk: int = CHUNK,
) -> list[Pixels]:
    """Every file's Pixels in input order, read in chunks on `executor` (default: see the module docstring)."""
    from painmap.aggregate import reason_text
    from painmap.chart_versions import chart_of

    paths = [os.fspath(p) for p in files]
    parts = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    own_pool = None
    if executor is None and len(paths) >= LOCAL_POOL_FROM:
        own_pool = executor = local_pool()
    try:
        if executor is None:
            results = [_read_chunk(part, px_per_mm, mirror, atlas) for part in parts]
        else:
            chart = None if atlas is None else chart_of(atlas)
            futures = [executor.submit(_read_chunk, part, px_per_mm, mirror, None, chart) for part in parts]
            results = [f.result() for f in futures]
    except BrokenProcessPool:
        raise ReadError(
            "a worker process stopped unexpectedly (killed or out of memory); nothing was written"
        ) from None
    finally:
        if own_pool is not None:
            own_pool.shutdown(cancel_futures=True)
    out: list[Pixels] = []
    for pixels, bad in results:
        if bad is not None:
            path, reason = bad
            raise ReadError(f"{path}: {reason_text(path, reason)}")
        out += pixels
    return out


def local_pool(workers: int | None = None):
    """A process pool of one worker per CPU that never forks, each worker with one OpenBLAS thread unless this
    process's environment names a number (painmap.aggregate_run.process_pool)."""
    from painmap.aggregate_run import default_workers, process_pool

    return process_pool(workers or default_workers())
