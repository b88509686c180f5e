"""Helpers of the installation tests and benchmarks: a wheel built from a clean copy of the tree and installed
into a fresh venv, a private Xvfb screen, and a wait for painmap's main window."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


class NotACheckout(Exception):
    """The packaging test builds from the git tree; there is none here."""


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=300, **kwargs)


def clean_copy(dest: Path) -> Path:
    """The tracked files as they are now (git stash create: staged and unstaged edits, nothing untracked)."""
    if _run("git", "-C", str(ROOT), "rev-parse", "--git-dir").returncode != 0:
        raise NotACheckout("not a git checkout: the packaging test builds from the git tree")
    tree = _run("git", "-C", str(ROOT), "stash", "create").stdout.strip() or "HEAD"
    archive = dest.parent / "src.tar"
    done = _run("git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), tree)
    assert done.returncode == 0, done.stderr
    dest.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    return dest


def build_and_install(tmp: Path) -> dict:
    """sdist + wheel from a clean copy (the wheel from the sdist), the wheel installed in a fresh venv in `tmp`.

    The venv has no pip and no dependencies of its own: a .pth file lends it this venv's site-packages, and this
    venv's pip installs the wheel (byte-compiled) with --no-deps, offline. The copy is deleted afterwards.
    Returns the paths: wheel, sdist, venv, site (its site-packages), work (a folder to run in) and env.
    """
    src = clean_copy(tmp / "src")
    dist = tmp / "dist"
    built = _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(src))
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (wheel,) = dist.glob("painmap-*.whl")
    (sdist,) = dist.glob("painmap-*.tar.gz")
    venv = tmp / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = Path(_run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip())
    (site / "_painmap_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = _run(
        sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)
    )
    assert pip.returncode == 0, pip.stderr
    shutil.rmtree(src)  # no checkout beside the installation
    work = tmp / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAINMAP_", "PYTHON"))}
    return {"wheel": wheel, "sdist": sdist, "venv": venv, "site": site, "work": work, "env": env}


def need(*tools: str) -> None:
    """Skip the test when a system tool is not installed."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb xdotool x11-utils)")


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb display, numbered by Xvfb itself (-displayfd: no race for a free number); yields DISPLAY."""
    need("Xvfb", "xdotool", "xprop")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-noreset", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 20)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
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
    env.pop("QT_LOGGING_RULES", None)  # if the platform plugin fails, its own message says why
    # a home of its own: an autosave or setting left in the user's folders would ask questions first
    home = Path(tempfile.mkdtemp(prefix="painmap-home-"))
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[key] = str(home / key.lower())
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
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine may drop the first key: focus again and repeat it
            xdo("windowfocus", "--sync", window)
            xdo("key", "ctrl+q")
            _, stderr = proc.communicate(timeout=30)
        assert proc.returncode == 0, f"painmap exited with {proc.returncode}: {stderr}"
        return name, props, stderr
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(home, ignore_errors=True)
