"""File ▸ Compare with an earlier drawing…: what changed since then, as a canvas overlay and in words.

The earlier file is loaded onto the session's chart (`load_drawing(path, atlas=…)` carries an older chart's
marks onto it); a drawing of another body is refused. The change itself is `painmap.change.compare_change` on
the session's masks, the same call and resolution as `painmap compare DRAWING --with EARLIER`, and the words
are its `format_change` (with the repeat-drawing caveat). The overlay shows persisting shading solid green,
gone shading orange diagonal lines, new shading purple cross-hatch (painmap.style's matched / missed / extra,
Okabe-Ito), so the three read apart in grey-scale. It follows the drawing while it is edited and is hidden by
its action (View menu) or the panel's button. Widgets only: no numbers are computed here.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from painmap import style
from painmap.app.i18n import tr
from painmap.app.toolbar import make_action
from painmap.errors import PainmapError

__all__ = ["ChangeLayer", "ChangePanel", "CompareEarlier", "ask_earlier_path"]

LEGEND = (
    ("new", style.EXTRA, QT_TR_NOOP("New since the earlier drawing (purple cross-hatch)")),
    ("gone", style.MISSED, QT_TR_NOOP("Gone since the earlier drawing (orange diagonal lines)")),
    ("persisting", style.MATCHED, QT_TR_NOOP("In both drawings (solid green)")),
)


def ask_earlier_path(parent: QWidget | None, start: str) -> str:
    """The earlier drawing the user chose, or "" when cancelled (tests replace this)."""
    from painmap.app.files import FILTER

    path, _ = QFileDialog.getOpenFileName(parent, tr("Compare with an earlier drawing"), start, tr(FILTER))
    return path


class ChangeLayer:
    """New / gone / persisting masks of every view compared, drawn over the drawing (one DifferenceLayer each)."""

    def __init__(self, z: int = 70) -> None:  # over the pattern layer (60): the change is what is asked for
        self.z = z
        self.visible = True
        self.by_view: dict = {}  # view id -> DifferenceLayer

    def set_change(self, change, atlas) -> None:
        """Show a `painmap.change.Change` (its per-view masks) on `atlas`'s views."""
        from painmap.app.layers import DifferenceLayer  # numpy: loaded with the engine

        self.by_view = {}
        for view_id, masks in change.by_view.items():
            view = atlas.view(view_id)
            layer = DifferenceLayer(self.z)
            layer.set_masks(view_id, masks.persisting, masks.gone, masks.new, (view.width, view.height))
            self.by_view[view_id] = layer

    def counts(self, view_id: str) -> dict[str, int]:
        """Pixels shown on `view_id`: {"new", "gone", "persisting"}."""
        layer = self.by_view.get(view_id)
        c = layer.counts if layer is not None else {"matched": 0, "missed": 0, "extra": 0}
        return {"new": c["extra"], "gone": c["missed"], "persisting": c["matched"]}

    def paint(self, painter: QPainter, view) -> None:
        layer = self.by_view.get(view.id)
        if self.visible and layer is not None:
            layer.paint(painter, view)


class _Swatch(QWidget):
    """A small legend square in the overlay's look (colour and hatch)."""

    def __init__(self, kind: str, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.color = kind, QColor(color)
        self.setFixedSize(22, 16)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if self.kind == "persisting":
            p.fillRect(self.rect(), self.color)
        else:
            pattern = Qt.BrushStyle.BDiagPattern if self.kind == "gone" else Qt.BrushStyle.DiagCrossPattern
            light = QColor(self.color)
            light.setAlpha(60)
            p.fillRect(self.rect(), light)
            p.fillRect(self.rect(), QBrush(self.color, pattern))
        p.setPen(QColor("#444444"))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()


class ChangePanel(QDialog):
    """The change in words (the command line's text) with the legend and a button that hides the overlay."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare-earlier-panel")
        self.setWindowTitle(tr("Compared with an earlier drawing"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setObjectName("compare-earlier-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(420)
        layout.addWidget(self.text)
        for kind, color, label in LEGEND:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(_Swatch(kind, color))
            line.addWidget(QLabel(tr(label)), 1)
            layout.addWidget(row)
        buttons = QDialogButtonBox()
        self.hide_button = buttons.addButton(tr("Hide the overlay"), QDialogButtonBox.ButtonRole.RejectRole)
        self.hide_button.setToolTip(tr("Take the new / gone / persisting overlay off the chart"))
        layout.addWidget(buttons)

    def show_text(self, text: str) -> None:
        """`format_change`'s text: one paragraph per sentence line, the caveat (wrapped there) as one."""
        from painmap.vocabulary import REPEAT_OVERLAP

        cut = text.find(REPEAT_OVERLAP.split()[0] + " " + REPEAT_OVERLAP.split()[1])
        lines = [line.strip() for line in (text[:cut] if cut >= 0 else text).splitlines() if line.strip()]
        paragraphs = [f"<b>{html.escape(lines[0])}</b>", *map(html.escape, lines[1:])] if lines else []
        if cut >= 0:
            paragraphs.append(f"<i>{html.escape(REPEAT_OVERLAP)}</i>")
        self.text.setText("".join(f"<p>{p}</p>" for p in paragraphs))

    def plain_text(self) -> str:
        """What the panel says, as plain text."""
        doc = QTextDocument()
        doc.setHtml(self.text.text())
        return doc.toPlainText()


class CompareEarlier(QObject):
    """The action, the overlay layer and the panel of one window's comparison with an earlier drawing."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.earlier = None  # the earlier Drawing, on the session's chart
        self.earlier_path: Path | None = None
        self.change = None  # the painmap.change.Change shown
        self._before = None  # the earlier drawing's PainMasks
        self._stale = False  # edits were made while the overlay was hidden
        self.layer = ChangeLayer()
        self.panel: ChangePanel | None = None
        self._session = None
        self.action = make_action(
            self,
            tr("Compare with an &earlier drawing…"),
            ["Ctrl+Alt+C"],
            tr("Show what is new, gone and the same since an earlier drawing of this person"),
            self.choose,
        )
        self.overlay_action = make_action(
            self,
            tr("Comparison overlay"),
            ["Ctrl+Alt+H"],
            tr("Show or hide the overlay of the comparison with an earlier drawing"),
            checkable=True,
        )
        self.overlay_action.setEnabled(False)
        self.overlay_action.toggled.connect(self.set_overlay_visible)
        window.file_menu.addAction(self.action)
        window.view_menu.addAction(self.overlay_action)

    # -- choosing and comparing --------------------------------------------------------------------------------
    def choose(self) -> None:
        """Ask for the earlier drawing, then compare."""
        session = self.window.ensure_engine()
        start = str(session.path.parent) if session.path is not None else ""
        path = ask_earlier_path(self.window, start or str(Path.home()))
        if path:
            self.compare_with(path)

    def compare_with(self, path: str | Path) -> bool:
        """Compare the drawing shown with the earlier file `path`; a bad file or another body gets the app's
        error dialog and changes nothing. True when the comparison is shown."""
        from painmap.change import check_same_body
        from painmap.drawing import load_drawing

        session = self.window.ensure_engine()
        path = Path(path)
        try:
            earlier = load_drawing(path, atlas=session.atlas)
            check_same_body(session.drawing, earlier, "this drawing", path.name)
        except (PainmapError, OSError) as err:
            self.window.files.error(tr("Could not compare the drawings"), str(err))
            return False
        self.earlier, self.earlier_path, self._before, self.change = earlier, path, None, None
        if session is not self._session:
            session.marks_changed.connect(self.refresh)
            session.masks_replaced.connect(self.clear)
            self._session = session
        self.refresh()
        self.overlay_action.setEnabled(True)
        self.overlay_action.setChecked(True)
        self.set_overlay_visible(True)
        return True

    def refresh(self) -> None:
        """Recompute the change against the drawing as it is now (after each edit)."""
        if self.earlier is None or self._session is None:
            return
        if self.change is not None and not self.overlay_action.isChecked():
            self._stale = True  # hidden: recomputed when shown again
            return
        self._stale = False
        from painmap.change import compare_change, format_change
        from painmap.raster import PainMasks

        session = self._session
        if self._before is None:  # the earlier drawing does not change: rasterized once
            self._before = PainMasks.from_drawing(self.earlier, session.atlas, session.px_per_mm)
        self.change = compare_change(self._before, session.masks)
        self.layer.set_change(self.change, session.atlas)
        titles = {v.id: v.title for v in session.atlas.views.values()}
        if self.panel is None:
            self.panel = ChangePanel(self.window)
            self.panel.hide_button.clicked.connect(lambda: self.overlay_action.setChecked(False))
        self.panel.show_text(format_change(self.change, self.earlier_path.name, titles))
        self.window.canvas.update_layers()

    def clear(self) -> None:
        """Forget the comparison (another drawing was opened or a new one started)."""
        self.earlier = self.earlier_path = self.change = self._before = None
        self.layer.by_view = {}
        self.overlay_action.setChecked(False)
        self.overlay_action.setEnabled(False)
        self.window.canvas.remove_layer(self.layer)

    # -- showing -----------------------------------------------------------------------------------------------
    def set_overlay_visible(self, visible: bool) -> None:
        canvas = self.window.canvas
        if visible and self.change is not None:
            if self._stale:
                self.refresh()
            canvas.add_layer(self.layer)
            if self.panel is not None and not self.panel.isVisible():
                self.panel.adjustSize()  # beside the chart's right edge, not over the drawing
                corner = canvas.mapToGlobal(canvas.rect().topRight())
                self.panel.move(corner.x() - self.panel.width() - 12, corner.y() + 12)
                self.panel.show()
        else:
            canvas.remove_layer(self.layer)
            if self.panel is not None:
                self.panel.hide()

    @property
    def overlay_shown(self) -> bool:
        return self.layer in self.window.canvas.layers()
