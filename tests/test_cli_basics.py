"""The command line's frame: version, help, usage errors."""

import subprocess
import sys

from painmap import __version__


def _run(*args):
    return subprocess.run([sys.executable, "-m", "painmap", *args], capture_output=True, text=True)


def test_version():
    done = _run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"painmap {__version__}"


def test_help_lists_every_command():
    done = _run("--help")
    assert done.returncode == 0
    for command in ("atlas", "patterns", "compare", "render", "aggregate"):
        assert command in done.stdout


def test_unknown_option_is_a_one_line_usage_error():
    done = _run("--no-such-option")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_bad_format_value_is_refused():
    done = _run("atlas", "--format", "xml")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_app_without_a_screen_says_so_in_one_line():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "painmap"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no screen" in done.stderr
    assert "Traceback" not in done.stderr
