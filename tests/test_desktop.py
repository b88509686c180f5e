"""Desktop integration: `painmap --install-desktop` / `--uninstall-desktop` into a temporary XDG data folder."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from painmap import desktop
from painmap.cli import main
from painmap.resources import resource_path

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A private XDG data folder and a PATH with none of the desktop tools."""
    data = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    return data


def _fake_tools(bin_dir: Path, log: Path, failing: str = "") -> None:
    for name in ("update-mime-database", "update-desktop-database", "xdg-mime", "gtk-update-icon-cache"):
        status = 1 if name == failing else 0
        script = bin_dir / name
        script.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\nexit {status}\n')
        script.chmod(0o755)


def _entry(home: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(home / "applications" / f"{desktop.APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_install_without_any_desktop_tool(home, capsys):
    assert main(["--install-desktop"]) == 0
    out = capsys.readouterr().out
    assert f"under {home}" in out and "ran:" not in out
    entry = _entry(home)
    assert entry["Type"] == "Application" and entry["Name"] == "painmap"
    assert entry["Exec"] == f"{desktop.exec_value(desktop.launch_command())} %f"
    assert Path(desktop.launch_command()[0]).is_absolute()
    assert entry["MimeType"] == "application/x-painmap-drawing;"
    assert entry["Icon"] == desktop.APP_ID
    for size in desktop.ICON_SIZES:
        for kind, name in (("apps", desktop.APP_ID), ("mimetypes", desktop.MIME_ICON)):
            assert _png_size(home / "icons" / "hicolor" / f"{size}x{size}" / kind / f"{name}.png") == (size, size)
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / f"{desktop.APP_ID}.svg").is_file()
    mime = ET.parse(home / "mime" / "packages" / f"{desktop.APP_ID}.xml").getroot()
    (mime_type,) = mime.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == desktop.MIME_TYPE
    assert mime_type.find(f"{MIME_NS}glob").get("pattern") == "*.painmap.json"


def test_install_runs_the_tools_that_are_there(home, tmp_path):
    log = tmp_path / "calls.log"
    _fake_tools(tmp_path / "bin", log)
    outcome = desktop.install()
    assert outcome.tools == ["update-mime-database", "update-desktop-database", "xdg-mime"]  # no index.theme
    calls = log.read_text().splitlines()
    assert calls == [
        f"update-mime-database {home / 'mime'}",
        f"update-desktop-database {home / 'applications'}",
        f"xdg-mime default {desktop.APP_ID}.desktop application/x-painmap-drawing",
    ]


def test_a_failing_tool_is_a_warning_not_an_error(home, tmp_path, capsys):
    _fake_tools(tmp_path / "bin", tmp_path / "calls.log", failing="update-desktop-database")
    assert main(["--install-desktop"]) == 0
    err = capsys.readouterr().err
    assert err.strip() == (
        "painmap: warning: these desktop tools failed (the files are in place): update-desktop-database"
    )
    assert (home / "applications" / f"{desktop.APP_ID}.desktop").is_file()


def test_uninstall_removes_exactly_what_install_wrote(home, capsys):
    (home / "applications").mkdir(parents=True)
    foreign = home / "applications" / "other.desktop"
    foreign.write_text("[Desktop Entry]\n")
    outcome = desktop.install()
    assert main(["--uninstall-desktop"]) == 0
    assert f"removed {len(outcome.files)} desktop files" in capsys.readouterr().out
    left = sorted(p for p in home.rglob("*") if p.is_file())
    assert left == [foreign]
    assert main(["--uninstall-desktop"]) == 0  # twice is fine
    assert "removed 0 desktop files" in capsys.readouterr().out


def test_unwritable_data_folder_is_one_line(home, capsys):
    home.parent.mkdir(exist_ok=True)
    home.write_text("a file where the folder should be")
    assert main(["--install-desktop"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("painmap: could not install the desktop entry:") and err.count("\n") == 1


def test_relative_xdg_data_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_exec_value_quotes_per_the_desktop_entry_spec():
    assert desktop.exec_value(["/usr/bin/painmap"]) == "/usr/bin/painmap"
    assert desktop.exec_value(["/opt/my apps/painmap"]) == '"/opt/my apps/painmap"'
    assert desktop.exec_value(["/a$b", "100%"]) == '"/a\\\\$b" 100%%'
    assert desktop.exec_value(["/usr/bin/python3", "-m", "painmap"]) == "/usr/bin/python3 -m painmap"


def test_launch_command_of_a_bundle_a_venv_and_a_bare_python(monkeypatch, tmp_path):
    exe = tmp_path / "bundle" / "painmap"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert desktop.launch_command() == [str(exe)]
    monkeypatch.setattr(sys, "frozen", False)
    python = tmp_path / "venv" / "bin" / "python"
    monkeypatch.setattr(sys, "executable", str(python))
    assert desktop.launch_command() == [str(python), "-m", "painmap"]
    python.parent.mkdir(parents=True)
    (python.parent / "painmap").write_text("#!/bin/sh\n")
    (python.parent / "painmap").chmod(0o755)
    assert desktop.launch_command() == [str(python.parent / "painmap")]


def test_real_mime_database_knows_drawings(home):
    tool = shutil.which("update-mime-database", path=os.defpath + ":/usr/bin")
    if tool is None:
        pytest.skip("shared-mime-info is not installed")
    os.environ["PATH"] = str(Path(tool).parent)
    outcome = desktop.install()
    assert "update-mime-database" in outcome.tools
    globs = (home / "mime" / "globs2").read_text()
    assert "application/x-painmap-drawing:*.painmap.json" in globs


def test_installed_desktop_entry_validates(home):
    tool = shutil.which("desktop-file-validate", path="/usr/bin:/usr/local/bin")
    if tool is None:
        pytest.skip("desktop-file-utils is not installed")
    desktop.install()
    entry = home / "applications" / f"{desktop.APP_ID}.desktop"
    done = subprocess.run([tool, str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_appstream_metainfo():
    path = resource_path("desktop", f"{desktop.APP_ID}.metainfo.xml")
    root = ET.parse(path).getroot()
    assert root.findtext("id") == desktop.APP_ID
    assert root.find("launchable").text == f"{desktop.APP_ID}.desktop"
    assert root.findtext("project_license") == "MIT AND CC-BY-4.0"
    assert root.find("provides/mediatype").text == desktop.MIME_TYPE
    tool = shutil.which("appstreamcli", path="/usr/bin:/usr/local/bin")
    if tool is None:
        pytest.skip("appstream is not installed: only the XML was checked")
    done = subprocess.run([tool, "validate", "--no-net", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_shipped_desktop_xml_parses():
    for path in resource_path("desktop").glob("*.xml"):
        ET.parse(path)


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_not_on_macos_or_windows(home, monkeypatch, capsys, platform):
    monkeypatch.setattr(sys, "platform", platform)
    assert main(["--install-desktop"]) == 2
    assert capsys.readouterr().err == (
        "painmap: the desktop entry is for Linux (freedesktop.org) desktops; see docs/install.md\n"
    )
    assert not home.exists()
