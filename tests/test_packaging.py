"""The wheel and the sdist: built from a clean copy of the committed tree, installed into a fresh venv with no
checkout beside it, and used: `painmap --version`, `painmap compare` on the shipped example, the app on Xvfb.

The fresh venv has no pip and no dependencies of its own: a .pth file lends it the project venv's
site-packages (numpy, PySide6, matplotlib), and the project venv's pip installs the wheel into it with
`--no-deps`, so the test needs no network and takes seconds. Lines of a .pth in a lent folder are not
processed, so the project's own editable install does not leak in (the test checks where painmap comes from).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from install_helpers import NotACheckout, build_and_install, run_app_until_window, xvfb

import painmap

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """Build sdist + wheel (the wheel from the sdist), install the wheel in a fresh venv; paths of each."""
    try:
        return build_and_install(tmp_path_factory.mktemp("packaging"))
    except NotACheckout as err:
        pytest.skip(str(err))


def _painmap(installed: dict, *args: str) -> subprocess.CompletedProcess:
    return _run(str(installed["venv"] / "bin" / "painmap"), *args, cwd=installed["work"], env=installed["env"])


def test_sdist_and_wheel_carry_resources_and_licences(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    assert "painmap/resources/atlas/posterior.svg" in names
    assert "painmap/resources/schema/drawing.schema.json" in names
    assert "painmap/resources/examples/right-hip-ache.painmap.json" in names
    assert "painmap/resources/translations/painmap_app_es.qm" in names  # compiled, committed (tools/translations.py)
    assert any(n.endswith("dist-info/licenses/LICENSE") for n in names)
    assert any(n.endswith("dist-info/licenses/LICENSES/CC-BY-4.0.txt") for n in names)
    meta = zipfile.ZipFile(installed["wheel"]).read(f"painmap-{painmap.__version__}.dist-info/METADATA").decode()
    assert "License-Expression: MIT AND CC-BY-4.0" in meta
    assert "Description-Content-Type: text/markdown" in meta and "Not a diagnosis" in meta
    with tarfile.open(installed["sdist"]) as tar:
        sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {
        "resources/atlas/posterior.svg",
        "docs/examples/right-hip-ache.painmap.json",
        "LICENSES/CC-BY-4.0.txt",
    } <= sdist


def test_installed_painmap_comes_from_the_venv(installed):
    where = _run(
        str(installed["venv"] / "bin" / "python"),
        "-c",
        "import painmap, painmap.resources as r; print(painmap.__file__); print(r.resources_dir())",
        cwd=installed["work"],
        env=installed["env"],
    )
    module, resources = where.stdout.split()
    assert Path(module).is_relative_to(installed["site"]), module
    assert Path(resources) == installed["site"] / "painmap" / "resources"


def test_the_installed_app_speaks_spanish(installed):
    """The wheel's compiled catalogue is found and read by the installed painmap (no checkout beside it)."""
    code = (
        "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
        "from painmap.app.i18n import install_language, tr; print(install_language('es'), tr('&File'))"
    )
    done = _run(str(installed["venv"] / "bin" / "python"), "-c", code, cwd=installed["work"], env=installed["env"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["es", "&Archivo"]


def test_version(installed):
    done = _painmap(installed, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"painmap {painmap.__version__}"


def test_install_desktop_points_at_the_installed_painmap(installed, tmp_path):
    env = dict(installed["env"], XDG_DATA_HOME=str(tmp_path / "share"))
    done = _run(str(installed["venv"] / "bin" / "painmap"), "--install-desktop", cwd=installed["work"], env=env)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "share" / "applications" / "io.github.painmap.painmap.desktop").read_text()
    assert f"\nExec={installed['venv'] / 'bin' / 'painmap'} %f\n" in entry


def test_compare_on_the_shipped_example(installed):
    example = _painmap(installed, "--example-path")
    assert example.returncode == 0, example.stderr
    path = Path(example.stdout.strip())
    assert path.is_relative_to(installed["site"]) and path.is_file()
    done = _painmap(installed, "compare", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    # the same numbers as the checkout gives on its copy of the example
    here = _run(
        sys.executable,
        "-m",
        "painmap",
        "compare",
        str(ROOT / "docs/examples/right-hip-ache.painmap.json"),
        "--format",
        "json",
    )
    assert done.stdout == here.stdout
    assert '"pattern": "gluteus-medius"' in done.stdout.split('"results"')[1][:200]


@pytest.mark.e2e
def test_app_starts_from_the_wheel(installed):
    with xvfb() as display:
        name, props, stderr = run_app_until_window(
            [str(installed["venv"] / "bin" / "painmap")], display, installed["env"], installed["work"]
        )
    assert name.endswith("— painmap")
    # what task switchers read: the window class of the menu entry, its desktop-file id, and an icon
    assert 'WM_CLASS(STRING) = "painmap", "painmap"' in props
    assert '_KDE_NET_WM_DESKTOP_FILE(UTF8_STRING) = "io.github.painmap.painmap"' in props
    assert "_NET_WM_ICON(CARDINAL) =" in props
    assert "Traceback" not in stderr
