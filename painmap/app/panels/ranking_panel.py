"""Ranked list of all patterns against the drawing: name, the side found, score; a row overlays its pattern."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from painmap.app import texts
from painmap.app.i18n import tr
from painmap.app.panels.wrapped_label import WrappedLabel

COLUMNS = (QT_TR_NOOP("Pattern"), QT_TR_NOOP("Side"), QT_TR_NOOP("Score"))
PLAIN_COLUMNS = (QT_TR_NOOP("Pattern"), QT_TR_NOOP("Side"), QT_TR_NOOP("How alike"))
ROWS_SHOWN = 6  # at least this many rows stay visible however the docks are arranged


class RankingPanel(QWidget):
    """A read-only table, best match first, in the engine's order. Choosing a row emits its pattern id."""

    pattern_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().setVisible(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # a long name (or a longer translation) wraps onto a second line of its row, never cut to "…"
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(tr("All patterns, most alike first. Choose a row to show that pattern on the chart."))
        self.table.itemSelectionChanged.connect(self._on_selection)
        self._fit_rows(ROWS_SHOWN * self.table.verticalHeader().defaultSectionSize())
        self.summary = WrappedLabel()
        self.summary.setToolTip(tr("How the chosen pattern compares with your drawing"))
        self.hint = QLabel()  # what to do while there is no drawing (the table is hidden then)
        self.hint.setObjectName("matches-hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setMinimumHeight(self.table.minimumHeight())  # the header's default rows: more than ROWS_SHOWN
        self.hint.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._ids: list[str] = []

    def _fit_rows(self, rows_height: int) -> None:
        """The table's minimum: its header and `rows_height`, ROWS_SHOWN rows of one line once there are rows (the rows
        fit their text; the header's default section size, taller than a line, would keep more rows in view)."""
        header_h = self.table.horizontalHeader().sizeHint().height()
        height = header_h + rows_height + 2 * self.table.frameWidth()
        if height != self.table.minimumHeight():
            self.table.setMinimumHeight(height)

    def set_plain(self, plain: bool) -> None:
        self.table.setHorizontalHeaderLabels([tr(c) for c in (PLAIN_COLUMNS if plain else COLUMNS)])

    def set_waiting(self, text: str) -> None:
        """No drawing yet: no ranking (every score would be 0 %), just `text` saying what to do."""
        old = self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            self._ids = []
        finally:
            self.table.blockSignals(old)
        self.hint.setText(text)
        self.table.setVisible(False)  # hidden first: both shown at once would ask the dock for twice the height
        self.hint.setVisible(True)

    def waiting(self) -> bool:
        """True while the list says what to do instead of ranking."""
        return not self.hint.isHidden()

    def set_rows(self, rows: list[tuple[str, str, str, float]], current: str | None) -> None:
        """[(pattern id, name, side, score)] best first; `current` stays selected."""
        self.hint.setVisible(False)
        self.table.setVisible(True)
        ids = [r[0] for r in rows]
        old = self.table.blockSignals(True)
        try:
            if ids != self._ids:
                self.table.setRowCount(len(rows))
            for i, (_pid, name, side, score) in enumerate(rows):
                for col, text in enumerate((name, tr(texts.SIDE_NAMES.get(side, side)), texts.percent(score))):
                    item = self.table.item(i, col)
                    if item is None:
                        item = QTableWidgetItem()
                        if col == 2:
                            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                        self.table.setItem(i, col, item)
                    if item.text() != text:
                        item.setText(text)
            self._ids = ids
            if rows:  # one line's row (a long name may wrap onto two)
                self._fit_rows(ROWS_SHOWN * min(self.table.rowHeight(i) for i in range(len(rows))))
            self._select(current)
        finally:
            self.table.blockSignals(old)

    def _select(self, pattern_id: str | None) -> None:
        if pattern_id in self._ids:
            row = self._ids.index(pattern_id)
            if self.table.currentRow() != row:
                self.table.selectRow(row)
        else:
            self.table.clearSelection()

    def select(self, pattern_id: str | None) -> None:
        """Select the row of `pattern_id` without emitting."""
        old = self.table.blockSignals(True)
        try:
            self._select(pattern_id)
        finally:
            self.table.blockSignals(old)

    def order(self) -> list[str]:
        """Pattern ids in the order shown."""
        return list(self._ids)

    def row_texts(self, row: int) -> tuple[str, str, str]:
        return tuple(self.table.item(row, c).text() for c in range(3))

    def _on_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        if 0 <= row < len(self._ids):
            self.pattern_chosen.emit(self._ids[row])
