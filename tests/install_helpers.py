"""Helpers of the installation tests: a private Xvfb screen and a wait for painmap's main window."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def need(*tools: str) -> None:
    """Skip the test when a system tool is not installed."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb xdotool x11-utils)")


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb display; yields its DISPLAY string."""
    need("Xvfb", "xdotool", "xprop")
    number = next(
        n
        for n in range(250, 350)
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists()
    )
    display = f":{number}"
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = dict(os.environ, DISPLAY=display)
    try:
        for _ in range(100):
            if subprocess.run(["xdotool", "getdisplaygeometry"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        else:
            pytest.skip("Xvfb did not start")
        yield display
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


def run_app_until_window(command: list[str], display: str, env: dict[str, str], cwd: Path) -> tuple[str, str, str]:
    """Start the app, wait for its main window ("<file> — painmap"), quit it with Ctrl+Q.

    Returns the window's name, its X properties (WM_CLASS, desktop-file id, whether it has an icon) and stderr.
    """
    env = dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("PAINMAP_BENCHMARK_STARTUP", None)
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def xdo(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=20)

    try:
        deadline = time.monotonic() + 30
        window = ""
        while time.monotonic() < deadline and not window:
            if proc.poll() is not None:
                raise AssertionError(f"painmap exited early ({proc.returncode}): {proc.stderr.read()}")
            found = xdo("search", "--onlyvisible", "--name", " — painmap$").stdout.split()
            window = found[0] if found else ""
            time.sleep(0.1)
        assert window, "no painmap main window appeared within 30 s"
        name = xdo("getwindowname", window).stdout.strip()
        props = subprocess.run(
            ["xprop", "-id", window, "WM_CLASS", "_KDE_NET_WM_DESKTOP_FILE", "_NET_WM_ICON"],
            env=env,
            capture_output=True,
            text=True,
            timeout=20,
        ).stdout
        props = "\n".join(line for line in props.splitlines() if "=" in line)  # not the icon's pixels
        if xdo("windowactivate", "--sync", window).returncode != 0:
            xdo("windowfocus", "--sync", window)  # no window manager: give focus directly
        time.sleep(0.3)
        xdo("key", "--window", window, "ctrl+q")
        _, stderr = proc.communicate(timeout=20)
        assert proc.returncode == 0, f"painmap exited with {proc.returncode}: {stderr}"
        return name, props, stderr
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
