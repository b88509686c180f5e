"""The command line starts numpy with one OpenBLAS thread unless the user chose a number (decision D74)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from painmap import cli

_THREADS_AFTER_NUMPY = (
    "import os, sys\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "if sys.argv[2] == 'cli':\n"
    "    from painmap.cli import use_one_blas_thread\n"
    "    use_one_blas_thread()\n"
    "import numpy\n"
    "print(len(os.listdir('/proc/self/task')))\n"
)


def test_main_sets_one_thread_when_unset(monkeypatch, capsys):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"


def test_the_users_choice_is_kept(monkeypatch, capsys):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "3"


def _threads(how: str) -> int:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    root = str(Path(cli.__file__).parents[1])
    out = subprocess.run(
        [sys.executable, "-c", _THREADS_AFTER_NUMPY, root, how], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir() or (os.cpu_count() or 1) < 2, reason="Linux, 2+ cores")
def test_numpy_then_starts_no_blas_pool():
    """The real effect: imported after `use_one_blas_thread`, numpy's process has no thread but its own; imported
    without it, OpenBLAS starts its pool (so this test would notice if the variable stopped working)."""
    assert _threads("cli") == 1
    assert _threads("plain") > 1
