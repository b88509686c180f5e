"""Update and compile painmap's translation catalogues (`./dev translations`).

Two catalogues per language live in resources/translations/ (painmap.i18n):
- `painmap_app_<lang>.ts`: the window's texts, every `tr("...")` / `QT_TR_NOOP("...")` of painmap/app except
  app/texts.py;
- `painmap_core_<lang>.ts`: the core's texts, painmap/*.py, painmap/figures, painmap/commands and app/texts.py.

`update` runs pyside6-lupdate on those sources (new texts come in unfinished; a text no longer in the sources
stays as a "vanished" entry, not compiled, and gets its translation back if the text returns, e.g. when a branch
that wrapped it is merged; `update --prune` drops them) and then `release`; `release` runs pyside6-lrelease,
one `.qm` beside each `.ts`. The `.qm` files are committed, so a clean clone builds a wheel or a bundle with its
translations; tests/test_app_language.py fails when a `.qm` no longer says what its `.ts` says, or when the
sources hold a text the `.ts` lacks.

    python tools/translations.py update [--prune] [LANG ...]
    python tools/translations.py release
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
PARTS = ("app", "core")


def sources(part: str, root: Path = ROOT) -> list[Path]:
    """The Python files whose texts go into `part`'s catalogue, sorted."""
    package = root / "painmap"
    texts = package / "app" / "texts.py"
    if part == "app":
        return sorted(p for p in (package / "app").rglob("*.py") if p != texts)
    if part == "core":
        files = [*package.glob("*.py"), texts]
        for folder in ("figures", "commands"):
            files += (package / folder).rglob("*.py")
        return sorted(files)
    raise ValueError(f"unknown catalogue {part!r} (known: {', '.join(PARTS)})")


def tool(name: str) -> str:
    """The path of a Qt tool of PySide6 (`pyside6-lupdate`, `pyside6-lrelease`) beside this Python."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"translations: {name} is missing (it comes with PySide6-Essentials)")
    return found


def catalogue(part: str, lang: str) -> Path:
    return FOLDER / f"painmap_{part}_{lang}.ts"


def languages() -> list[str]:
    """Every language with a catalogue, or Spanish when there is none yet."""
    found = sorted({p.stem.rsplit("_", 1)[1] for p in FOLDER.glob("painmap_*_*.ts")})
    return found or ["es"]


def lupdate(part: str, target: Path, lang: str, keep_obsolete: bool = True) -> None:
    """Extract `part`'s texts into `target` (created, or merged with its translations)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    args = [tool("pyside6-lupdate"), *map(str, sources(part)), "-ts", str(target)]
    args += ["-source-language", "en", "-target-language", lang, "-locations", "none", "-silent"]
    if not keep_obsolete:
        args.append("-no-obsolete")
    subprocess.run(args, check=True)


def lrelease(ts: Path, qm: Path | None = None) -> Path:
    """Compile `ts` to `qm` (default: beside it); returns the `.qm` path."""
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def update(langs: list[str], prune: bool = False) -> None:
    for lang in langs:
        for part in PARTS:
            lupdate(part, catalogue(part, lang), lang, keep_obsolete=not prune)
    release()


def release() -> None:
    for ts in sorted(FOLDER.glob("painmap_*_*.ts")):
        lrelease(ts)


def main(argv: list[str]) -> int:
    command, *rest = argv or ["update"]
    if command == "update":
        prune = "--prune" in rest
        langs = [arg for arg in rest if arg != "--prune"]
        update(langs or languages(), prune)
    elif command == "release":
        release()
    else:
        print(__doc__.split("\n\n")[-1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
