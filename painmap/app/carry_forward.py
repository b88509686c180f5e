"""Saving a drawing carried forward from an older chart: say so once, and keep the original beside it if asked.

A drawing made on an older chart is carried onto the current one when it is loaded (painmap.chart_versions;
`drawing.migrated_from`). Saving it over the file it came from writes the current chart, so the first such
save asks: Save / Save and keep the original (the file as it is on disk, copied to `NAME.chart<N>.painmap.json`
beside it, never over an existing file) / Cancel. A save to another name leaves the original untouched and
asks nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from painmap.app.i18n import tr
from painmap.atomic import WriteError, write_bytes

SUFFIX = ".painmap.json"  # painmap.app.files.SUFFIX (files imports this module)


def ask_carry_forward(parent: QWidget | None, text: str) -> str:
    """ "save", "keep" (save and keep the original) or "cancel"."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Saving on the current chart"), text, parent=parent)
    save = box.addButton(tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(tr("Save and &keep the original"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "keep" if clicked is keep else "cancel"


def kept_path(path: Path, chart: int) -> Path:
    """Where the original of `path` (made on chart `chart`) is kept: `NAME.chart<N>.painmap.json` beside it,
    numbered when that name is taken."""
    stem = path.name.removesuffix(SUFFIX).removesuffix(".json")
    candidate = path.with_name(f"{stem}.chart{chart}{SUFFIX}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}.chart{chart} ({n}){SUFFIX}")
        n += 1
    return candidate


def question_text() -> str:
    return tr(
        "This drawing was made on an older chart; saving writes it on the current chart. Keep the original beside it?"
    )


def confirm_carried_save(parent: QWidget | None, drawing, target: Path, source: Path | None) -> Path | bool | None:
    """Before saving `drawing` to `target`: False to cancel; else the path the original was kept at, or None.

    Asks only when the drawing was carried forward and `target` is the file it was loaded from (`source`).
    A failed copy raises WriteError (one line), before anything is saved.
    """
    carried = getattr(drawing, "migrated_from", None)
    if carried is None or source is None or not source.is_file() or not _same(target, source):
        return None
    answer = ask_carry_forward(parent, question_text())
    if answer == "cancel":
        return False
    if answer != "keep":
        return None
    keep = kept_path(source, int(carried[1]))
    try:
        data = source.read_bytes()
    except OSError as err:
        raise WriteError(keep, f"cannot read the original {source.name}: {err.strerror or err}") from None
    write_bytes(keep, data)
    return keep


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
