"""File ▸ Export picture: a figure of what the chart shows (never a crop of the screen), PNG, SVG or PDF.

What is shown decides the figure (decision D59):
- the person has shaded something: the drawing slide (painmap.figures.drawing_slide), the views drawn on with
  the intensities, and the pattern shown on the chart (its side, its chosen trigger point) as outlines;
- nothing is shaded and a pattern is shown: that pattern's slide (painmap.figures.slide, as `painmap render
  --pattern ID --figure slide`), of the chosen trigger point if one is;
- nothing of either: the drawing slide of the view shown, an empty body chart.
Both are drawn on the window's chart (its body). The figure is written in a worker thread behind a busy dialog;
a failure (WriteError, a bad name) is one line in a dialog and leaves no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from painmap.app import file_dialogs
from painmap.app.background import RENDER_LOCK, run_with_progress
from painmap.app.file_dialogs import MAP_FILTERS, last_folder, remember_folder, with_extension
from painmap.app.i18n import tr
from painmap.errors import PainmapError

FOLDER_KEY = "export/picture_folder"
SUFFIX = ".painmap.json"


class Picture(NamedTuple):
    """What Export picture writes: `kind` ("drawing" | "pattern"), a name for people, and the job writing it."""

    kind: str
    name: str
    write: object  # (path) -> Path, run in the worker thread


def _shown_patterns(panels, atlas) -> tuple[list, str | None]:
    """The patterns the chart shows (each in the coordinates of its side) and the chosen trigger point."""
    stored = panels.pattern() if panels is not None else None
    layer = panels.pattern_layer if panels is not None else None
    if stored is None or not layer.visible:
        return [], None
    from painmap.pattern_sides import mirror_pattern

    sides = ("right", "left") if layer.side == "both" else (layer.side,)
    shown = [stored if side == stored.side else mirror_pattern(stored, atlas) for side in sides]
    return shown, layer.trigger_point


def picture_of(window) -> Picture:
    """The figure of what `window` shows now (the data copied: the worker reads it while the window goes on)."""
    session = window.ensure_engine()
    atlas = session.atlas
    patterns, trigger_point = _shown_patterns(window.panels, atlas)
    used = session.masks.views_used()
    if used or not patterns:
        from painmap.figures.drawing_slide import render_drawing_slide

        views = used or [session.view_id]
        intensities = {v: session.masks.intensity(v).copy() for v in views}
        title = session.path.name.removesuffix(SUFFIX).removesuffix(".json") if session.path else ""

        def write_drawing(path):
            return render_drawing_slide(
                atlas, intensities, path, title=title, patterns=patterns, trigger_point=trigger_point
            )

        name = tr("the drawing") if used else tr("the empty body chart")
        return Picture("drawing", name, write_drawing)
    from painmap.figures.slide import render_pattern_slide

    stored = window.panels.pattern()
    tp = trigger_point if trigger_point and any(t.id == trigger_point for t in stored.trigger_points) else None

    def write_pattern(path):
        return render_pattern_slide(stored, path, atlas=atlas, trigger_point=tp)

    return Picture("pattern", tr("the slide of {name}").format(name=stored.name), write_pattern)


def export_picture(window) -> bool:
    """Ask where (PNG, PDF or SVG), then write the picture of what is shown."""
    files = window.files
    current = window.ensure_engine().path
    name = current.name.removesuffix(SUFFIX).removesuffix(".json") if current else "pain-drawing"
    start = Path(last_folder(files.settings, FOLDER_KEY, current.parent if current else None)) / f"{name}.png"
    path, chosen = file_dialogs.ask_save_path(window, tr("Export a picture"), str(start), MAP_FILTERS)
    if not path:
        return False
    return export_picture_to(window, with_extension(path, chosen, MAP_FILTERS))


def export_picture_to(window, path: str | Path) -> bool:
    """Write the picture of what is shown to `path` (its extension picks PNG, PDF or SVG); False on failure."""
    path = Path(path)
    try:
        picture = picture_of(window)

        def job(_task):
            with RENDER_LOCK:
                return picture.write(path)

        written = run_with_progress(window, tr("Export a picture"), tr("Writing {name}…").format(name=path.name), job)
    except (PainmapError, OSError, ValueError) as err:
        window.files.error(tr("Could not export the picture"), str(err))
        return False
    remember_folder(window.files.settings, FOLDER_KEY, path)
    window.statusBar().showMessage(tr("Exported {what} to {path}").format(what=picture.name, path=written), 6000)
    return True
