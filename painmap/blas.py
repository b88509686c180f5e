"""numpy's BLAS threads: one, unless the user's environment names a number (decision D74). The one place that
knows the variable: the command line sets it for its own process, the local pools for their workers."""

from __future__ import annotations

import os

__all__ = ["BLAS_THREADS", "blas_threads", "use_one_blas_thread"]

BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def blas_threads() -> str:
    """The number of OpenBLAS threads a painmap process uses: the user's, else "1"."""
    return os.environ.get(BLAS_THREADS, "1")


def use_one_blas_thread() -> None:
    """Set this process's variable to `blas_threads()` before numpy is first imported: OpenBLAS's pool, started
    when numpy is imported, spun ~60 ms of CPU on the other core while the app started (painmap's matrix work is
    small)."""
    os.environ.setdefault(BLAS_THREADS, blas_threads())
