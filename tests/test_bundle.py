"""Smoke test of the standalone bundle in dist/painmap/ (built by `./dev bundle`; CI builds it before the suite).

Skipped when no bundle has been built: building takes over a minute, too long for every test run. A bundle
older than the checkout may fail here: rebuild it with `./dev bundle`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from install_helpers import run_app_until_window, xvfb

import painmap

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "painmap"
EXE = BUNDLE / "painmap"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXE.is_file(), reason="no bundle in dist/painmap (build it with ./dev bundle)"),
]


@pytest.fixture
def work(tmp_path) -> tuple[Path, dict[str, str]]:
    """A folder away from the checkout and an environment without painmap's or Python's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAINMAP_", "PYTHON"))}
    return tmp_path, env


def _bundle(work, *args: str) -> subprocess.CompletedProcess:
    cwd, env = work
    return subprocess.run([str(EXE), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_bundle_leaves_out_unused_qt_and_webengine():
    names = {p.name for p in BUNDLE.rglob("*")}
    assert not [p for p in BUNDLE.rglob("*") if p.is_symlink() and not p.exists()]  # no link to a dropped file
    assert not [n for n in names if "WebEngine" in n or "Qt6Quick" in n or "Qt6Qml" in n or "Qt6Network" in n]
    modules = {p.name.split(".")[0] for p in (BUNDLE / "_internal" / "PySide6").glob("Qt*.so")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtSvg"}
    backends = {p.stem for p in (BUNDLE / "_internal" / "matplotlib" / "backends").glob("backend_*")}
    assert not {b for b in backends if "qt" in b or "tk" in b or "gtk" in b or "wx" in b}


def test_bundle_version_and_compare(work):
    done = _bundle(work, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"painmap {painmap.__version__}"
    example = _bundle(work, "--example-path").stdout.strip()
    assert Path(example).is_relative_to(BUNDLE), example
    done = _bundle(work, "compare", example, "--format", "json")
    assert done.returncode == 0, done.stderr
    here = subprocess.run(
        [
            sys.executable,
            "-m",
            "painmap",
            "compare",
            str(ROOT / "docs/examples/right-hip-ache.painmap.json"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    assert done.stdout == here.stdout, "the bundle's compare differs from the checkout's: rebuild it (./dev bundle)"


def test_bundle_renders_a_pdf(work):
    done = _bundle(work, "render", "--pattern", "gluteus-medius", "-o", "sheet.pdf")
    assert done.returncode == 0, done.stderr
    assert (work[0] / "sheet.pdf").read_bytes()[:5] == b"%PDF-"


def test_bundle_desktop_entry_starts_the_bundle(work):
    cwd, env = work
    env = dict(env, XDG_DATA_HOME=str(cwd / "share"))
    done = subprocess.run([str(EXE), "--install-desktop"], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    entry = (cwd / "share" / "applications" / "io.github.painmap.painmap.desktop").read_text()
    assert f"\nExec={EXE} %f\n" in entry


@pytest.mark.e2e
def test_bundled_app_starts_on_xvfb(work):
    cwd, env = work
    with xvfb() as display:
        name, props, stderr = run_app_until_window([str(EXE)], display, env, cwd)
    assert name.endswith("— painmap")
    assert "_NET_WM_ICON(CARDINAL) =" in props
    assert "Traceback" not in stderr


@pytest.mark.e2e
def test_bundled_app_speaks_spanish_in_a_spanish_locale(work):
    """The bundle carries the compiled catalogues (resources/translations) and Qt's own: a Spanish window."""
    cwd, env = work
    assert (BUNDLE / "_internal" / "painmap" / "resources" / "translations" / "painmap_app_es.qm").is_file()
    assert (BUNDLE / "_internal" / "PySide6" / "Qt" / "translations" / "qtbase_es.qm").is_file()
    env = dict(env, LANG="es_ES.UTF-8", LANGUAGE="es")
    with xvfb() as display:
        name, _props, stderr = run_app_until_window([str(EXE)], display, env, cwd)
    assert name == "sin título — painmap", stderr
