"""The local pool's workers start numpy with one OpenBLAS thread unless the caller's environment names a number."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from painmap.runner import BLAS_THREADS, local_pool

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir() or (os.cpu_count() or 1) < 2, reason="Linux, 2+ cores"
)


def _threads_after_numpy(pool) -> int:
    """Threads of the pool's (one) worker once it has imported numpy."""
    assert pool.submit(exec, "import numpy").result() is None
    return len(pool.submit(os.listdir, "/proc/self/task").result())


def test_a_worker_has_no_blas_threads_when_the_caller_sets_none(monkeypatch):
    monkeypatch.delenv(BLAS_THREADS, raising=False)
    with local_pool(1) as pool:
        assert _threads_after_numpy(pool) == 1


def test_without_it_a_worker_would_start_them(monkeypatch):
    """The control: a plain pool of the same start-up starts OpenBLAS's threads (so the test above can fail)."""
    monkeypatch.delenv(BLAS_THREADS, raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert _threads_after_numpy(pool) > 1


def test_the_callers_number_is_kept(monkeypatch):
    monkeypatch.setenv(BLAS_THREADS, "2")
    with local_pool(1) as pool:
        assert _threads_after_numpy(pool) == 2
