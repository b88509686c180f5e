"""Shared test set-up: Qt runs offscreen, settings and autosaves go to a temporary home."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Keep QSettings, autosaves and recent files of each test in its own folder, out of the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "runtime"))
    (home / "runtime").mkdir(mode=0o700)
    # QSettings reads its folder once per process: point it at this test's folder explicitly.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "config"))
    yield home


class Dialogs:
    """Answers the app's questions in widget tests (painmap.app.file_dialogs) and records what was asked.

    `unsaved` answers "Unsaved changes" ("save", "discard" or "cancel"; windows closed at a test's end with
    changes discard them), `recover` answers "Recover unsaved drawing?". `asked` and `warnings` list what was
    shown, in order.
    """

    def __init__(self) -> None:
        self.unsaved = "discard"
        self.recover = False
        self.asked: list[str] = []
        self.warnings: list[tuple[str, str]] = []
        self.details: list[str] = []  # the Details text of each warning ("" when it has none)

    def ask_unsaved(self, _parent) -> str:
        self.asked.append("unsaved")
        return self.unsaved

    def ask_recover(self, _parent, text: str) -> bool:
        self.asked.append(f"recover: {text}")
        return self.recover

    def warn(self, _parent, title: str, message: str, details: str = "") -> None:
        self.warnings.append((title, message))
        self.details.append(details)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    """The app's questions answered without a modal dialog (a modal dialog offscreen would wait forever)."""
    from painmap.app import file_dialogs

    answers = Dialogs()
    for name in ("ask_unsaved", "ask_recover", "warn"):
        monkeypatch.setattr(file_dialogs, name, getattr(answers, name))
    return answers


@pytest.fixture(scope="session")
def atlas():
    """The bundled atlas, loaded once."""
    from painmap.atlas import load_atlas

    return load_atlas()


@pytest.fixture(scope="session")
def library(atlas):
    """The bundled pattern library, loaded once."""
    from painmap.patterns import load_patterns

    return load_patterns(atlas)
