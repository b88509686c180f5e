"""The body a drawing is on: File ▸ New drawing on ▸ Male body / Female body, opening a drawing of either body,
and the body shown in the status bar.

A drawing records its body (`drawing.body`, format version 2). The window shows one chart at a time: the
current chart of the drawing's body (`painmap.atlas.load_atlas(body=...)`). A new drawing of the other body,
opening or recovering a drawing of it, switches the session to that chart (`DrawingSession.atlas_changed`):
the canvas takes that chart's art, the live comparison that chart's engine (loaded once per chart), the
panels its patterns. File ▸ New (Ctrl+N) starts on the preferred body (Edit ▸ Preferences), and a window opens
on it (`start_chart`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu

from painmap.app.i18n import tr
from painmap.app.preferences import BODIES, DEFAULTS
from painmap.resources import resource_path

BODY_NAMES = {"male": QT_TR_NOOP("Male body"), "female": QT_TR_NOOP("Female body")}  # tr() where shown
SHORTCUTS = {"male": "Ctrl+Alt+M", "female": "Ctrl+Alt+F"}


def chart_art_folder(body: str, chart: int) -> Path:
    """The SVG folder of a chart, without loading the atlas loader (numpy): painmap.atlas.chart_folder's rule."""
    base = resource_path("atlas")
    return base if chart == 1 else base / "charts" / f"{body}-{chart}"


def start_chart(body: str):
    """(frames, art) of `body`'s current chart for a window's first paint, or None for the default body (the
    window reads its own frames). A non-default body costs the drawing model's import (~20 ms, dataclasses)."""
    if body == DEFAULTS.body or body not in BODIES:
        return None
    from painmap.app.body_art import BodyArt
    from painmap.app.chart_frame import read_frames
    from painmap.drawing_model import CURRENT_CHART

    chart = CURRENT_CHART.get(body)
    if chart is None:
        return None
    folder = chart_art_folder(body, chart)
    frames = read_frames(folder)
    return frames, BodyArt(frames, folder)


def body_of_file(path: str | Path) -> str | None:
    """The body a drawing file names ("male" when it names none, as a version-1 file), or None when it cannot be
    read as a drawing's JSON: only the top level is looked at (the marks are parsed, validated and carried once,
    by the load that follows, which also says why a bad file is refused)."""
    import json
    import os
    import stat

    from painmap.drawing_model import FORMAT, MAX_FILE_BYTES

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        doc = json.loads(Path(path).read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        return None
    body = doc.get("body", "male")
    return body if isinstance(body, str) else None


class BodyChoice(QObject):
    """The window's body actions (`actions[body]`, in `menu`) and the status bar's `label`."""

    def __init__(self, window) -> None:
        super().__init__(window)
        from painmap.app.toolbar import make_action

        self.window = window
        self.session = None
        self.menu = QMenu(tr("New &drawing on"), window)  # the window places it (after File ▸ New)
        self.menu.setToolTipsVisible(True)
        self.actions = {}
        for body in BODIES:
            action = make_action(
                self,
                tr(BODY_NAMES[body]),
                [SHORTCUTS[body]],
                tr("Start a new, empty drawing on the {body}").format(body=tr(BODY_NAMES[body]).lower()),
                lambda _=False, b=body: self.new_drawing(b),
            )
            self.menu.addAction(action)
            self.actions[body] = action
        self.label = QLabel("")
        self.label.setObjectName("body-label")
        self.label.setToolTip(tr("The body chart this drawing is on"))
        window.statusBar().addPermanentWidget(self.label)

    def attach(self, session) -> None:
        """Follow `session` (its chart's body in the status bar)."""
        self.session = session
        session.atlas_changed.connect(self._show_body)
        self._show_body()

    @property
    def body(self) -> str:
        return str(getattr(self.session.atlas, "body", "male")) if self.session is not None else ""

    def _show_body(self) -> None:
        self.label.setText(tr(BODY_NAMES.get(self.body, self.body)))
        self.window.view_actions.show_views(self.session.atlas.views)  # e.g. the front view of chart 2
        self.window.view_actions.sync(self.session.view_id)

    # -- charts ------------------------------------------------------------------------------------------------
    def atlas_for(self, body: str):
        """The current chart of `body`: the session's atlas when it is that body's, else loaded (busy cursor)."""
        session = self.window.ensure_engine()
        if getattr(session.atlas, "body", "male") == body:
            return session.atlas
        from painmap.atlas import load_atlas

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return load_atlas(body=body)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def atlas_for_file(self, path: str | Path):
        """The chart to open the drawing at `path` on: the other body's when the file names it, else None."""
        body = body_of_file(path)
        if body is None or body not in BODIES or body == self.body:
            return None
        return self.atlas_for(body)

    # -- actions -----------------------------------------------------------------------------------------------
    def new_drawing(self, body: str) -> bool:
        """File ▸ New drawing on ▸ `body`: an empty drawing on that body's current chart (unsaved work asked)."""
        files = self.window.files
        if not files.confirm_discard():
            return False
        files.session.new_drawing(atlas=self.atlas_for(body))
        files.store.discard()
        return True
