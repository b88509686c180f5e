"""Edit ▸ Preferences: language, the body of new drawings, default brush size, default mode, landmark labels.

The dialog shows and edits a `Preferences` (painmap.app.preferences); OK stores them and applies what can be
applied at once (the brush size and the landmark labels of this window, its body while its drawing is new and
empty; the language of reports and figures); the window's own texts take the new language when painmap next
starts, and the default mode and body apply to the next window and the next new drawing. "Reset to defaults"
fills in the defaults (stored on OK).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from painmap.app import texts
from painmap.app.body_choice import BODY_NAMES
from painmap.app.i18n import install_language, tr
from painmap.app.preferences import (
    DEFAULTS,
    DIAMETER_RANGE,
    MODES,
    Preferences,
    read_preferences,
    write_preferences,
)
from painmap.i18n import LANGUAGES


class PreferencesDialog(QDialog):
    """The preferences of `settings`; `accepted` means they were stored (`stored` holds what was stored)."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.stored: Preferences | None = None
        self.setObjectName("preferences-dialog")
        self.setWindowTitle(tr("Preferences"))

        self.language = QComboBox()
        self.language.setObjectName("preferences-language")
        self.language.addItem(tr("Automatic (the system's language)"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each language in its own words
        self.language.setAccessibleName(tr("Language"))
        language_note = QLabel(
            tr("Reports and pictures use it at once; the window's own texts change the next time painmap starts.")
        )
        language_note.setWordWrap(True)
        language_note.setObjectName("preferences-language-note")

        self.body = QComboBox()
        self.body.setObjectName("preferences-body")
        for body, name in BODY_NAMES.items():
            self.body.addItem(tr(name), body)
        self.body.setAccessibleName(tr("Body of new drawings"))
        self.body.setToolTip(tr("The body chart a new drawing starts on; File ▸ New drawing can choose either"))

        self.brush = QDoubleSpinBox()
        self.brush.setObjectName("preferences-brush")
        self.brush.setRange(*DIAMETER_RANGE)
        self.brush.setDecimals(0)
        self.brush.setSingleStep(2.0)
        self.brush.setSuffix(tr(" mm"))
        self.brush.setAccessibleName(tr("Default brush size (diameter)"))
        self.brush.setToolTip(tr("The brush's diameter when a window opens"))

        self.mode = QComboBox()
        self.mode.setObjectName("preferences-mode")
        for mode in MODES:
            self.mode.addItem(tr(texts.MODE_NAMES[mode]), mode)
        self.mode.setAccessibleName(tr("Mode a window opens in"))

        self.labels = QCheckBox(tr("Show the names of the bony landmarks"))
        self.labels.setObjectName("preferences-labels")

        form = QFormLayout()
        form.addRow(tr("&Language:"), self.language)
        form.addRow("", language_note)
        form.addRow(tr("&Body of new drawings:"), self.body)
        form.addRow(tr("Default &brush size:"), self.brush)
        form.addRow(tr("&Mode a window opens in:"), self.mode)
        form.addRow(tr("Landmark labels:"), self.labels)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.reset_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_button.setText(tr("&Reset to defaults"))
        self.reset_button.setObjectName("preferences-reset")
        self.reset_button.clicked.connect(self.reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.show_preferences(read_preferences(settings))

    # -- values ------------------------------------------------------------------------------------------------
    def show_preferences(self, preferences: Preferences) -> None:
        """Put `preferences` into the controls."""
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.body.setCurrentIndex(max(0, self.body.findData(preferences.body)))
        self.brush.setValue(preferences.brush_diameter_mm)
        self.mode.setCurrentIndex(max(0, self.mode.findData(preferences.default_mode)))
        self.labels.setChecked(preferences.landmark_labels)

    def chosen(self) -> Preferences:
        """The preferences the controls show."""
        return Preferences(
            language=str(self.language.currentData() or ""),
            body=str(self.body.currentData()),
            brush_diameter_mm=float(self.brush.value()),
            default_mode=str(self.mode.currentData()),
            landmark_labels=self.labels.isChecked(),
        )

    def reset(self) -> None:
        """Show the defaults (stored when OK is pressed)."""
        self.show_preferences(DEFAULTS)

    def accept(self) -> None:
        before = read_preferences(self.settings)
        self.stored = write_preferences(self.settings, self.chosen())
        if self.stored.language != before.language:
            install_language(self.stored.language)  # the core's texts (reports, figures) follow at once
        super().accept()


def apply_to_window(window, preferences: Preferences) -> None:
    """What a window takes from the preferences now: the brush size, the landmark labels, and the body when the
    drawing shown is a new, empty one (nothing to lose: it is started again on the preferred body)."""
    window.toolbox.set_radius(preferences.brush_diameter_mm / 2.0)
    window.canvas.landmarks_visible = preferences.landmark_labels
    window.view_actions.landmarks.setChecked(preferences.landmark_labels)
    session = window.session
    untouched = session is not None and session.path is None and not session.modified and not session.drawing.marks
    if untouched and getattr(session.atlas, "body", "male") != preferences.body:
        window.body_choice.new_drawing(preferences.body)


def open_preferences(window) -> PreferencesDialog:
    """Edit ▸ Preferences: the dialog over `window` (window-modal, not blocking); OK applies it to the window."""
    dialog = PreferencesDialog(window.settings, window)
    dialog.accepted.connect(lambda: apply_to_window(window, dialog.stored))
    dialog.open()
    return dialog
