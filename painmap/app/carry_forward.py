"""Saving a drawing carried forward from an older chart: say so once, and keep the original beside it if asked.

A drawing made on an older chart is carried onto the current one when it is loaded (painmap.chart_versions;
`drawing.migrated_from`). Saving it over the file it came from writes the current chart, so a save over a file of an
older chart asks: Save / Save and keep the original (the file as it is on disk, copied to
`NAME.chart<N>.painmap.json` beside it, never over an existing file) / Cancel. The file on disk decides, so a
recovered autosave of such a drawing is asked about too; a save to another name leaves the original untouched and
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


def older_chart_on_disk(target: Path, drawing) -> int | None:
    """The chart of the drawing file at `target` when it is an older chart of the drawing's body, else None."""
    if not target.is_file():
        return None
    from painmap.drawing import load_drawing
    from painmap.errors import PainmapError

    try:
        existing = load_drawing(target)  # without an atlas: the chart the file names, not carried
    except (PainmapError, OSError, ValueError):
        return None
    if existing.body == drawing.body and existing.chart < drawing.chart:
        return existing.chart
    return None


def confirm_carried_save(parent: QWidget | None, drawing, target: Path) -> Path | bool | None:
    """Before saving `drawing` to `target`: False to cancel; else the path the original was kept at, or None.

    Asks only when the file at `target` is a drawing of an older chart of the same body: the file a carried-forward
    drawing was loaded from (`drawing.migrated_from`), also after a crash and recovery. Once saved, the file is on
    the current chart and the next save asks nothing. A failed copy raises WriteError (one line), before anything
    is saved.
    """
    chart = older_chart_on_disk(target, drawing)
    if chart is None:
        return None
    answer = ask_carry_forward(parent, question_text())
    if answer == "cancel":
        return False
    if answer != "keep":
        return None
    keep = kept_path(target, chart)
    try:
        data = target.read_bytes()
    except OSError as err:
        raise WriteError(keep, f"cannot read the original {target.name}: {err.strerror or err}") from None
    write_bytes(keep, data)
    return keep
