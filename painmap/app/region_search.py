"""Edit ▸ Fill a region… (Ctrl+F): fill a body region by typing its name, without pointing at it.

The list holds the regions of the view shown, filtered as the person types (every typed word must appear in
the name); Up / Down choose, Enter fills the chosen region with the brush's intensity and quality — the same
session call as a click with the fill tool, so it is one mark and one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from painmap.app.i18n import tr


def region_name(region) -> str:
    """The name people read (the atlas label, else the id in words)."""
    return region.label or region.id.replace("-", " ")


def matching(regions, text: str) -> list:
    """The regions whose name holds every word of `text` (case-insensitive), in name order."""
    words = text.casefold().split()
    found = [r for r in regions if all(w in region_name(r).casefold() for w in words)]
    return sorted(found, key=lambda r: region_name(r).casefold())


class RegionSearch(QDialog):
    """Type, choose, Enter: the chosen region of the current view is filled (`filled` holds its id)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.filled: str | None = None
        self.setWindowTitle(tr("Fill a region"))
        self.setAccessibleName(tr("Fill a region"))
        self.setAccessibleDescription(tr("Type part of a body region's name, choose it and press Enter to fill it"))
        session = window.ensure_engine()
        self.regions = list(session.view().regions)
        prompt = QLabel(tr("Type part of the region's name, then press Enter to fill it:"))
        prompt.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("for example: buttock"))
        self.query.setAccessibleName(tr("Region name"))
        self.query.setAccessibleDescription(tr("Part of a region's name; the list below shows the regions that match"))
        self.query.setClearButtonEnabled(True)
        prompt.setBuddy(self.query)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Matching regions"))
        self.list.setAccessibleDescription(
            tr("Regions of the view shown whose name matches; Enter fills the chosen one")
        )
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(tr("Close without filling"))
        self.fill_button = buttons.addButton(tr("&Fill"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.fill_button.setAccessibleDescription(tr("Fill the chosen region with the brush's intensity"))
        self.fill_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (prompt, self.query, self.list, self.status, buttons):
            layout.addWidget(widget)
        self.query.textChanged.connect(self._filter)
        self.query.installEventFilter(self)
        self._filter("")
        self.query.setFocus()

    def _filter(self, text: str) -> None:
        self.list.clear()
        for region in matching(self.regions, text):
            item = QListWidgetItem(region_name(region))
            item.setData(Qt.ItemDataRole.UserRole, region.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.fill_button.setEnabled(self.list.count() > 0)
        self.status.setText("" if self.list.count() else tr("No region of this view has that name."))

    def eventFilter(self, watched, event) -> bool:
        """Up / Down in the text field choose in the list; Enter fills."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.list.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def accept(self) -> None:
        region_id = self.chosen()
        if region_id is None or self.filled is not None:
            return  # nothing matches: stay open, the status line says so (and one Enter fills once)
        s = self.window.toolbox.settings
        self.window.session.fill(region_id, s.intensity, s.quality)  # what a click with the fill tool does
        self.filled = region_id
        super().accept()


def open_region_search(window) -> RegionSearch:
    """Show Edit ▸ Fill a region… (returned, so tests can type into it)."""
    dialog = RegionSearch(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
