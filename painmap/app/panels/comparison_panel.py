"""Comparison panel: the chosen pattern's score, coverage, outside fraction and per-zone bars, live."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from painmap.app import texts
from painmap.app.i18n import tr
from painmap.app.panels.fields import metric
from painmap.app.panels.zone_bars import ValueBar, ZoneBars

METRICS = ("score", "essential_coverage", "spillover_coverage", "outside_fraction")


class ComparisonPanel(QWidget):
    """Numbers of one pattern's comparison with the drawing, as the engine gives them."""

    reveal_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold")
        self.hidden_note = QLabel(tr(texts.QUIZ_HIDDEN))
        self.hidden_note.setVisible(False)
        self.reveal = QPushButton(tr("Reveal"))
        self.reveal.setToolTip(tr("Show the pattern, the difference and the score (Ctrl+Return)"))
        self.reveal.setVisible(False)
        self.reveal.clicked.connect(self.reveal_clicked)

        grid = QGridLayout()
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.bars: dict[str, ValueBar] = {}
        for row, key in enumerate(METRICS):
            name = QLabel()
            value = QLabel("—")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100 %") + 6)
            bar = ValueBar()
            for w in (name, value, bar):
                w.setToolTip(tr(texts.METRIC_TIPS[key]))
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(value, row, 2)
            self.names[key], self.values[key], self.bars[key] = name, value, bar
        grid.setColumnStretch(1, 1)
        self.metrics = QWidget()
        self.metrics.setLayout(grid)

        self.zones_title = QLabel(tr("Coverage by body zone"))
        self.zones = ZoneBars()
        self.about = QLabel(texts.about_html())
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hidden_note)
        layout.addWidget(self.reveal)
        layout.addWidget(self.metrics)
        layout.addWidget(self.zones_title)
        layout.addWidget(self.zones)
        layout.addWidget(self.about)
        layout.addStretch(1)
        self._plain, self._quiz, self._revealed = False, False, False
        self._result = None
        self.set_plain(False)

    def set_plain(self, plain: bool) -> None:
        """Plain words for patients, technical names for educators; patients get no zone bars."""
        self._plain = plain
        for key, label in self.names.items():
            label.setText(tr(texts.METRIC_LABELS[key][0 if plain else 1]))
        self._update_visibility()

    def set_quiz(self, quiz: bool, revealed: bool) -> None:
        """In a quiz the numbers stay hidden until Reveal."""
        self._quiz, self._revealed = quiz, revealed
        self._update_visibility()

    def numbers_visible(self) -> bool:
        return not (self._quiz and not self._revealed)

    def _update_visibility(self) -> None:
        show = self.numbers_visible()
        self.reveal.setVisible(self._quiz)
        self.reveal.setEnabled(not show)
        self.hidden_note.setVisible(not show)
        self.metrics.setVisible(show)
        self.zones_title.setVisible(show and not self._plain)
        self.zones.setVisible(show and not self._plain)

    def set_result(self, name: str, result) -> None:
        """Show `result` (one entry of Comparison.results) for the pattern called `name`; None clears."""
        self._result = result
        if result is None:
            self.title.setText(name or tr(texts.NO_PATTERNS))
            for key in METRICS:
                self.values[key].setText("—")
                self.bars[key].set_value(0.0)
            self.zones.set_values({})
            return
        side = tr(texts.SIDE_NAMES.get(metric(result, "side", ""), ""))
        self.title.setText(tr("{pattern} — {side}").format(pattern=name, side=side) if side else name)
        for key in METRICS:
            value = float(metric(result, key))
            self.values[key].setText(texts.percent(value))
            self.bars[key].set_value(value)
        self.zones.set_values(dict(metric(result, "zones", {}) or {}))

    def shown(self) -> dict[str, str]:
        """The texts of the metric values as shown (for tests and screen readers)."""
        return {key: label.text() for key, label in self.values.items()}
