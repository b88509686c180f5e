"""Desktop integration for one user: a menu entry, icons and the drawing file type under the XDG data folder.

`install()` writes, under `$XDG_DATA_HOME` (or `~/.local/share`):
  applications/APP_ID.desktop              the menu entry; `Exec` is this installation's painmap, absolute
  icons/hicolor/NxN/apps/APP_ID.png        the app icon (and scalable/apps/APP_ID.svg)
  icons/hicolor/NxN/mimetypes/MIME_ICON.png  the same picture for drawing files
  mime/packages/APP_ID.xml                 `*.painmap.json` = application/x-painmap-drawing
then runs update-mime-database, update-desktop-database, gtk-update-icon-cache and `xdg-mime default` when
they are on the PATH (none is needed: painmap is the only application registered for its file type, so
double-clicking a drawing opens it once the MIME database is updated). `uninstall()` removes exactly those
files. No Qt here: the command line does this without a display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from painmap.appinfo import APP_ID, ICON_SIZES, MIME_ICON, MIME_TYPE
from painmap.atomic import write_bytes, write_text
from painmap.errors import PainmapError
from painmap.resources import resource_path

__all__ = ["APP_ID", "ICON_SIZES", "MIME_ICON", "MIME_TYPE", "Outcome", "install", "uninstall"]


@dataclass
class Outcome:
    """What `install` or `uninstall` did: files written or removed, and the helper tools it ran."""

    data_home: Path
    files: list[Path] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    failed_tools: list[str] = field(default_factory=list)


def data_home() -> Path:
    """`$XDG_DATA_HOME` when it is an absolute path (the XDG rule), else `~/.local/share`."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The absolute command that starts this installation of painmap (a bundle, a venv's script, or -m)."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its executable is painmap itself
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.executable).absolute().parent / "painmap"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(Path(sys.executable).absolute()), "-m", "painmap"]


def exec_value(command: list[str]) -> str:
    """`command` as a desktop-entry `Exec` value: arguments quoted per the spec, then escaped as a string."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    words = []
    for word in command:
        if set(word) & reserved or not word:
            word = '"' + "".join("\\" + c if c in '"`$\\' else c for c in word) + '"'
        words.append(word.replace("%", "%%"))
    return " ".join(words).replace("\\", "\\\\")


def planned_files(home: Path) -> dict[Path, Path | str]:
    """Every file `install` writes, mapped to its source resource (or its text for the desktop entry)."""
    icons = resource_path("icons")
    hicolor = home / "icons" / "hicolor"
    desktop = resource_path("desktop", "painmap.desktop.in").read_text(encoding="utf-8")
    files: dict[Path, Path | str] = {
        home / "applications" / f"{APP_ID}.desktop": desktop.replace("@EXEC@", exec_value(launch_command())),
        home / "mime" / "packages" / f"{APP_ID}.xml": resource_path("desktop", "painmap-mime.xml"),
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg": icons / "painmap.svg",
        hicolor / "scalable" / "mimetypes" / f"{MIME_ICON}.svg": icons / "painmap.svg",
    }
    for size in ICON_SIZES:
        png = icons / f"painmap-{size}.png"
        files[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png
        files[hicolor / f"{size}x{size}" / "mimetypes" / f"{MIME_ICON}.png"] = png
    return files


def _freedesktop_only() -> None:
    if sys.platform in ("darwin", "win32"):
        raise PainmapError("the desktop entry is for Linux (freedesktop.org) desktops; see docs/install.md")


def install() -> Outcome:
    """Write the desktop entry, icons and MIME type for this user, then refresh the desktop's caches."""
    _freedesktop_only()
    home = data_home()
    outcome = Outcome(home)
    try:
        files = planned_files(home)
        for target, source in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(source, str):
                write_text(target, source)
            else:
                write_bytes(target, source.read_bytes())
            outcome.files.append(target)
    except OSError as err:
        raise PainmapError(f"could not install the desktop entry: {err.strerror or err}: {err.filename}") from err
    _refresh(home, outcome, default=True)
    return outcome


def uninstall() -> Outcome:
    """Remove what `install` wrote (nothing else), then refresh the desktop's caches."""
    _freedesktop_only()
    home = data_home()
    outcome = Outcome(home)
    try:
        targets = list(planned_files(home))
    except OSError as err:
        raise PainmapError(f"painmap's desktop files are missing: {err.strerror or err}: {err.filename}") from err
    for target in targets:
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as err:
            raise PainmapError(f"could not remove {target}: {err.strerror or err}") from err
        outcome.files.append(target)
    _refresh(home, outcome, default=False)
    return outcome


def _refresh(home: Path, outcome: Outcome, default: bool) -> None:
    """Run the desktop's cache tools that are installed; a missing tool is skipped, a failing one noted."""
    hicolor = home / "icons" / "hicolor"
    commands: list[tuple[list[str], Path | None]] = [
        (["update-mime-database", str(home / "mime")], home / "mime"),
        (["update-desktop-database", str(home / "applications")], home / "applications"),
        # the icon cache tool refuses a theme folder without an index.theme
        (["gtk-update-icon-cache", "--quiet", "--force", str(hicolor)], hicolor / "index.theme"),
    ]
    if default:
        commands.append((["xdg-mime", "default", f"{APP_ID}.desktop", MIME_TYPE], None))
    for command, needs in commands:
        if shutil.which(command[0]) is None or (needs is not None and not needs.exists()):
            continue
        try:
            done = subprocess.run(command, capture_output=True, timeout=60, check=False)
        except (OSError, subprocess.TimeoutExpired):
            outcome.failed_tools.append(command[0])
            continue
        (outcome.tools if done.returncode == 0 else outcome.failed_tools).append(command[0])
