"""End-to-end: the real app on a private Xvfb screen, driven by real X input (xdotool).

The window is placed at a known geometry; strokes are drawn around the middle of the body chart, which opens
on the lower back and pelvis. The tests do not assume where the canvas sits inside the window: they check that
the saved strokes are the drawn ones by the geometry of the points (one scale and offset maps screen pixels to
millimetres for every stroke).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.e2e

GEOMETRY = (0, 0, 1280, 900)
# three strokes in screen pixels, around the middle of the canvas (the pelvis)
STROKES = [
    [(330, 430), (360, 445), (390, 470), (410, 500)],
    [(470, 420), (500, 460), (520, 500), (530, 540)],
    [(300, 560), (350, 570), (400, 575)],
]


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"end-to-end tests need {', '.join(missing)} (apt-get install xvfb xdotool)")


@pytest.fixture
def xserver():
    """A private Xvfb display; yields its DISPLAY string."""
    _need("Xvfb", "xdotool")
    # -displayfd: the server picks a free display number itself and writes it (no race with other X servers
    # started at the same moment on a shared machine); -noreset: the server does not reset when its last client
    # goes (a killed app), which refused the next app's connection while the reset ran
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-noreset", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = proc.stdout.readline().strip()
    if not line.isdigit():
        proc.kill()
        pytest.skip("Xvfb did not start")
    display = f":{line}"
    env = dict(os.environ, DISPLAY=display)
    for _ in range(100):
        if subprocess.run(["xdotool", "getdisplaygeometry"], env=env, capture_output=True).returncode == 0:
            break
        time.sleep(0.05)
    else:
        proc.kill()
        pytest.skip("Xvfb did not start")
    yield display
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()


class App:
    """`python -m painmap` on the test display, with helpers to drive it."""

    def __init__(self, display: str, args: list[str], recover: bool | None = None) -> None:
        """Start painmap; `recover` answers the "Recover unsaved drawing?" dialog (None: expect none)."""
        self.env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        self.env.pop("QT_LOGGING_RULES", None)  # a failed start says why
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "painmap", *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.window = self._wait_for_window()
        if recover is not None:
            self.answer_recovery(recover)
        x, y, w, h = GEOMETRY
        self.xdo("windowmove", "--sync", self.window, str(x), str(y))
        self.xdo("windowsize", "--sync", self.window, str(w), str(h))
        if self.xdo("windowactivate", "--sync", self.window, check=False).returncode != 0:
            self.xdo("windowfocus", "--sync", self.window)  # no window manager: give focus directly
        time.sleep(0.8)  # first paint at the final size

    def xdo(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=20)
        if check and result.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
        return result

    def windows(self) -> list[str]:
        """The mapped top-level windows of the process."""
        return self.xdo("search", "--onlyvisible", "--pid", str(self.proc.pid), check=False).stdout.split()

    def _wait_for_window(self) -> str:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"painmap exited early ({self.proc.returncode}): {self.proc.stderr.read()}")
            found = self.xdo("search", "--onlyvisible", "--name", " painmap$", check=False).stdout.split()
            if found:
                return found[0]
            time.sleep(0.02)
        raise AssertionError("no painmap window appeared within 20 s")

    def answer_recovery(self, yes: bool) -> None:
        """Answer the real "Recover unsaved drawing?" message box with the keyboard."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            found = self.xdo("search", "--onlyvisible", "--name", "Recover unsaved", check=False).stdout.split()
            if found:
                time.sleep(0.3)  # mapped and painted
                self.xdo("windowfocus", "--sync", found[0], check=False)
                self.xdo("key", "Return" if yes else "Escape", check=False)
                time.sleep(0.3)
                if not self.xdo("search", "--onlyvisible", "--name", "Recover unsaved", check=False).stdout.split():
                    return
            time.sleep(0.05)
        raise AssertionError("the recovery question did not appear")

    def stroke(self, points) -> None:
        (x0, y0), rest = points[0], points[1:]
        args = ["mousemove", "--sync", str(x0), str(y0), "mousedown", "1"]
        for (xa, ya), (xb, yb) in zip([points[0], *rest[:-1]], rest, strict=True):
            for t in (0.25, 0.5, 0.75, 1.0):  # several motion events per segment, like a real hand
                args += ["mousemove", "--sync", str(round(xa + t * (xb - xa))), str(round(ya + t * (yb - ya)))]
        args += ["mouseup", "1"]
        self.xdo(*args)
        time.sleep(0.15)

    def key(self, keys: str) -> None:
        self.xdo("key", "--clearmodifiers", keys)
        time.sleep(0.3)

    def wait_exit(self, timeout: float = 15) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("painmap did not quit") from None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)


def _load_marks(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["marks"]


def _assert_same_strokes(marks: list[dict], drawn: list[list[tuple[int, int]]]) -> None:
    """The saved strokes are the drawn ones: their end points map by one common scale and offset."""
    assert [m["type"] for m in marks] == ["stroke"] * len(drawn)
    screen = np.array([p for stroke in drawn for p in (stroke[0], stroke[-1])], dtype=float)
    mm = np.array([p for m in marks for p in (m["points"][0], m["points"][-1])], dtype=float)
    # mm = screen * s + (ox, oy): least squares over every end point, then every point must fit
    a = np.zeros((2 * len(screen), 3))
    a[0::2, 0], a[0::2, 1] = screen[:, 0], 1
    a[1::2, 0], a[1::2, 2] = screen[:, 1], 1
    (s, ox, oy), *_ = np.linalg.lstsq(a, mm.reshape(-1), rcond=None)
    assert s > 0, f"saved end points {mm.tolist()} for drawn {screen.tolist()}"
    fitted = screen * s + [ox, oy]
    assert np.abs(fitted - mm).max() < 3 * s + 0.5  # within ~3 screen pixels


def _wait_for_autosave(n_marks: int, timeout: float = 20) -> None:
    """Wait until the app's autosave (under this test's XDG_DATA_HOME) holds `n_marks` marks."""
    folder = Path(os.environ["XDG_DATA_HOME"]) / "painmap" / "painmap" / "autosave"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in folder.glob("*.painmap.json"):
            try:
                if len(_load_marks(path)) == n_marks:
                    return
            except (OSError, ValueError, KeyError):
                pass  # being replaced
        time.sleep(0.1)
    raise AssertionError(f"no autosave with {n_marks} marks in {folder}")


def _compare_json(path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "painmap", "compare", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_draw_undo_save_quit_keeps_exactly_the_remaining_strokes(xserver, tmp_path):
    path = tmp_path / "e2e.painmap.json"
    app = App(xserver, [str(path)])
    try:
        for stroke in STROKES:
            app.stroke(stroke)
        app.key("ctrl+z")  # the third stroke goes
        app.key("ctrl+s")  # FILE did not exist: saved straight to it, no dialog
        deadline = time.monotonic() + 10
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        app.key("ctrl+q")
        assert app.wait_exit() == 0
    finally:
        app.kill()
    marks = _load_marks(path)
    _assert_same_strokes(marks, STROKES[:2])
    assert _compare_json(path)["extent_percent"] > 0


def test_after_kill_9_the_autosaved_strokes_are_recovered(xserver, tmp_path):
    first = App(xserver, [])
    try:
        first.stroke(STROKES[0])
        first.stroke(STROKES[1])
        _wait_for_autosave(2)  # within 2 s of a change (of the engine's arrival, if drawn before it)
        first.stroke(STROKES[2])  # not autosaved yet when the process dies
    finally:
        first.kill()
    path = tmp_path / "recovered.painmap.json"
    second = App(xserver, [str(path)], recover=True)
    try:
        second.key("ctrl+s")
        deadline = time.monotonic() + 10
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        second.key("ctrl+q")
        assert second.wait_exit() == 0
    finally:
        second.kill()
    _assert_same_strokes(_load_marks(path), STROKES[:2])


def test_the_only_top_level_window_takes_the_keys(xserver, tmp_path):
    """One window from the start: the first window mapped is the main window, no other is ever mapped, and it
    takes the keys: draw, Ctrl+Z, draw, Ctrl+S, Ctrl+Q leave exactly the second stroke in the file."""
    path = tmp_path / "keys.painmap.json"
    env = dict(os.environ, DISPLAY=xserver, QT_QPA_PLATFORM="xcb")
    proc = subprocess.Popen([sys.executable, "-m", "painmap", str(path)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip

    def xdo(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=20)

    def mapped() -> list[str]:
        return xdo("search", "--onlyvisible", "--pid", str(proc.pid)).stdout.split()

    try:
        seen: set[str] = set()
        deadline = time.monotonic() + 40  # a loaded machine
        while not seen and time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"painmap exited early ({proc.returncode}): {proc.stderr.read()}")
            seen.update(mapped())
            time.sleep(0.01)
        assert seen, "no window appeared"
        first = next(iter(seen))
        assert xdo("getwindowname", first).stdout.strip() == "keys.painmap.json — painmap"
        watch_until = time.monotonic() + 3.0  # start-up (the engine loads after the first paint) and after
        while time.monotonic() < watch_until:
            seen.update(mapped())
            time.sleep(0.02)
        assert seen == {first}, f"more than one top-level window was mapped: {seen}"
        xdo("windowfocus", "--sync", first)  # what a window manager does for a new window
        xdo("windowmove", "--sync", first, "0", "0")
        xdo("windowsize", "--sync", first, "1280", "900")
        time.sleep(0.8)
        for stroke in (STROKES[0], STROKES[1]):
            (x0, y0), rest = stroke[0], stroke[1:]
            args = ["mousemove", "--sync", str(x0), str(y0), "mousedown", "1"]
            for x, y in rest:
                args += ["mousemove", "--sync", str(x), str(y)]
            xdo(*args, "mouseup", "1")
            time.sleep(0.3)
            if stroke is STROKES[0]:
                xdo("key", "ctrl+z")  # the first stroke goes again
                time.sleep(0.3)
        xdo("key", "ctrl+s")
        while not path.exists() and time.monotonic() < deadline + 10:
            time.sleep(0.1)
        xdo("key", "ctrl+q")
        assert proc.wait(15) == 0
        assert mapped() == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert path.exists(), "Ctrl+S did not reach the main window"
    _assert_same_strokes(_load_marks(path), [STROKES[1]])
