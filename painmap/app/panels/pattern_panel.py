"""Pattern panel: which referral pattern to overlay, on which side, which trigger point, how opaque; legend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from painmap.app import texts
from painmap.app.i18n import tr
from painmap.app.panels.legend import Legend


class PatternPanel(QWidget):
    """Controls of the pattern overlay. Emits what the user chose; `set_*` update it without emitting."""

    pattern_chosen = Signal(str)
    side_chosen = Signal(str)  # auto | right | left | both
    trigger_point_chosen = Signal(object)  # trigger point id or None for all
    opacity_changed = Signal(float)
    pattern_shown = Signal(bool)
    difference_shown = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = QLabel()  # quiz: the pattern to draw from memory
        self.task.setWordWrap(True)
        self.task.setVisible(False)
        self.task.setStyleSheet("font-weight: bold")

        self.pattern_box = QComboBox()
        self.pattern_box.setToolTip(tr("The referral pattern to show over the body chart (PgUp / PgDn)"))
        self.pattern_box.currentIndexChanged.connect(self._on_pattern)

        self.side_box = QComboBox()
        for key, label in texts.SIDE_CHOICES:
            self.side_box.addItem(tr(label), key)
        self.side_box.setToolTip(tr("Show the pattern on the side your drawing matches best, on one side, or both"))
        self.side_box.currentIndexChanged.connect(lambda _i: self.side_chosen.emit(self.side_box.currentData()))

        self.trp_box = QComboBox()
        self.trp_box.setToolTip(tr("Show the zones of all trigger points or of one (← / → in educator mode)"))
        self.trp_box.currentIndexChanged.connect(lambda _i: self.trigger_point_chosen.emit(self.trp_box.currentData()))
        self.prev_button = QToolButton(text="◀")
        self.next_button = QToolButton(text="▶")
        self.prev_button.setToolTip(tr("Previous trigger point (←)"))
        self.next_button.setToolTip(tr("Next trigger point (→)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        trp_row = QHBoxLayout()
        trp_row.setContentsMargins(0, 0, 0, 0)
        trp_row.addWidget(self.trp_box, 1)
        trp_row.addWidget(self.prev_button)
        trp_row.addWidget(self.next_button)
        self.trp_row = QWidget()
        self.trp_row.setLayout(trp_row)
        self.trp_note = QLabel()  # where the chosen trigger point is, in words
        self.trp_note.setWordWrap(True)
        self.trp_note.setStyleSheet("font-style: italic")
        self.trp_note.setMinimumHeight(2 * self.trp_note.fontMetrics().lineSpacing() + 4)  # word wrap gives no hint
        self._notes: dict[str, str] = {}
        self._plain = False

        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(10, 100)
        self.opacity.setValue(65)
        self.opacity.setToolTip(tr("How strongly the pattern covers the chart and your drawing"))
        self.opacity.valueChanged.connect(lambda v: self.opacity_changed.emit(v / 100.0))

        self.show_pattern = QCheckBox(tr("Show pattern"))
        self.show_pattern.setChecked(True)
        self.show_pattern.setToolTip(tr("Show or hide the pattern over the chart (Ctrl+Shift+P)"))
        self.show_pattern.toggled.connect(self.pattern_shown)
        self.show_difference = QCheckBox(tr("Show difference"))
        self.show_difference.setToolTip(tr("Colour matched, missed and extra areas of your drawing (Ctrl+Shift+D)"))
        self.show_difference.toggled.connect(self.difference_shown)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Pattern"), self.pattern_box)
        form.addRow(tr("Side"), self.side_box)
        form.addRow(tr("Trigger point"), self.trp_row)
        form.addRow(self.trp_note)
        form.addRow(tr("Opacity"), self.opacity)
        self.form = form
        checks = QHBoxLayout()
        checks.addWidget(self.show_pattern)
        checks.addWidget(self.show_difference)
        checks.addStretch(1)

        self.legend = Legend()
        layout = QVBoxLayout(self)
        layout.addWidget(self.task)
        layout.addLayout(form)
        layout.addLayout(checks)
        layout.addWidget(self.legend)
        layout.addStretch(1)

    # -- user input ----------------------------------------------------------------------------------------
    def _on_pattern(self, index: int) -> None:
        if index >= 0:
            self.pattern_chosen.emit(self.pattern_box.itemData(index))

    def step(self, step: int) -> None:
        """Choose the next / previous entry of the trigger-point list (all, TrP1, TrP2, ..., cyclic)."""
        n = self.trp_box.count()
        if n > 1:
            self.trp_box.setCurrentIndex((self.trp_box.currentIndex() + step) % n)

    # -- updates from the controller (no signals) ----------------------------------------------------------
    def set_patterns(self, items: list[tuple[str, str]]) -> None:
        """[(id, name)] in display order."""
        with _Quiet(self.pattern_box):
            self.pattern_box.clear()
            for pid, name in items:
                self.pattern_box.addItem(name, pid)

    def set_pattern(self, pattern_id: str | None) -> None:
        with _Quiet(self.pattern_box):
            self.pattern_box.setCurrentIndex(self.pattern_box.findData(pattern_id) if pattern_id else -1)

    def set_trigger_points(self, items: list[tuple[str, str]], current: str | None, notes: dict | None = None) -> None:
        """[(id, label)] of the chosen pattern; an tr("All") entry comes first. `notes`: {id: where it is}."""
        self._notes = dict(notes or {})
        with _Quiet(self.trp_box):
            self.trp_box.clear()
            self.trp_box.addItem(tr("All") if items else "—", None)
            for tid, label in items:
                self.trp_box.addItem(label, tid)
        enabled = bool(items)
        for w in (self.trp_box, self.prev_button, self.next_button):
            w.setEnabled(enabled)
        self.set_trigger_point(current)

    def set_trigger_point(self, current: str | None) -> None:
        with _Quiet(self.trp_box):
            self.trp_box.setCurrentIndex(max(0, self.trp_box.findData(current)) if current else 0)
        note = self._notes.get(current, "") if current else ""
        self.trp_note.setText(note)
        self.form.setRowVisible(self.trp_note, bool(note) and not self._plain)

    def set_side(self, side: str) -> None:
        with _Quiet(self.side_box):
            self.side_box.setCurrentIndex(max(0, self.side_box.findData(side)))

    def set_checks(self, pattern: bool, difference: bool) -> None:
        for box, value in ((self.show_pattern, pattern), (self.show_difference, difference)):
            with _Quiet(box):
                box.setChecked(value)
        self.legend.set_show_difference(difference)
        self._legend_shown()

    def _legend_shown(self) -> None:
        """Patients see the pattern's legend (and its red) only once a pattern is shown."""
        self.legend.setVisible(not self._plain or self.show_pattern.isChecked() or self.show_difference.isChecked())

    def set_mode(self, mode: str, task: str = "") -> None:
        """Patient: fewer choices, plain words. Quiz: the pattern's name shown as the task."""
        plain = mode == "patient"
        self._plain = plain
        self.legend.set_plain(plain)
        self.form.setRowVisible(self.trp_row, not plain)
        self.form.setRowVisible(self.trp_note, bool(self.trp_note.text()) and not plain)
        self.task.setText(task)
        self.task.setVisible(bool(task))
        self.show_difference.setVisible(mode != "patient")
        self.show_pattern.setText(tr(texts.SHOW_PATTERN[0 if plain else 1]))
        self.legend.set_hatched(plain)
        if plain:  # draw first: no pattern until asked for (the controller agrees once the engine has loaded)
            with _Quiet(self.show_pattern):
                self.show_pattern.setChecked(False)
        self._legend_shown()


class _Quiet:
    """Context manager that blocks a widget's signals."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def __enter__(self) -> None:
        self._old = self.widget.blockSignals(True)

    def __exit__(self, *exc) -> None:
        self.widget.blockSignals(self._old)
