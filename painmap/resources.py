"""Where the bundled data lives: `resources/` beside the package (a checkout) or inside it (a wheel)."""

from __future__ import annotations

import os
from pathlib import Path

from painmap.errors import ResourceError

__all__ = ["cache_folder", "resource_path", "resources_dir"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The resources folder; `PAINMAP_RESOURCES` overrides it (tests use this for broken copies)."""
    override = os.environ.get("PAINMAP_RESOURCES")
    candidates = [Path(override)] if override else [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"painmap's resources folder is missing (looked in {', '.join(map(str, candidates))})")


EXAMPLE_DRAWING = "right-hip-ache.painmap.json"


def example_path(name: str = EXAMPLE_DRAWING) -> Path:
    """The shipped example drawing: inside the resources of a wheel, or docs/examples of a checkout."""
    candidates = [resources_dir() / "examples" / name, _PACKAGE_DIR.parent / "docs" / "examples" / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ResourceError(f"painmap's example drawing is missing (looked in {', '.join(map(str, candidates))})")


def resource_path(*parts: str) -> Path:
    """Path of one bundled resource, e.g. `resource_path("atlas", "posterior.svg")`."""
    return resources_dir().joinpath(*parts)


def cache_folder() -> Path:
    """The user's cache folder for painmap: `$XDG_CACHE_HOME/painmap` (or ~/.cache/painmap)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "painmap"
