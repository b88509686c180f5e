"""Run the command line in-process and check its refusals: shared by the command tests."""

from __future__ import annotations

import contextlib
import io
import subprocess

from painmap.cli import main


def run_cli(*args) -> subprocess.CompletedProcess:
    """`painmap ARGS...` in this process: exit code, stdout and stderr as a CompletedProcess."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def assert_one_line_error(done: subprocess.CompletedProcess) -> None:
    """Bad input: exit status 2 and one line on stderr, never a traceback."""
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
