"""Edit ▸ Preferences (issue 13): stored in QSettings, kept across reopening, reset, applied to a new window."""

from __future__ import annotations

import pytest
from app_helpers import make_window
from PySide6.QtCore import QSettings

from painmap.app import preferences as prefs
from painmap.app.main_window import app_settings
from painmap.app.preferences import DEFAULTS, KEYS, Preferences, read_preferences
from painmap.app.preferences_dialog import PreferencesDialog
from painmap.errors import PainmapError

pytestmark = pytest.mark.usefixtures("qapp")

CHANGED = Preferences(
    language="es", body="female", brush_diameter_mm=40.0, default_mode="educator", landmark_labels=False
)


def _choose(dialog: PreferencesDialog, chosen: Preferences) -> None:
    """Change every control as a person would (by the combo boxes' items, the spin box, the check box)."""
    dialog.language.setCurrentIndex(dialog.language.findData(chosen.language))
    dialog.body.setCurrentIndex(dialog.body.findData(chosen.body))
    dialog.brush.setValue(chosen.brush_diameter_mm)
    dialog.mode.setCurrentIndex(dialog.mode.findData(chosen.default_mode))
    dialog.labels.setChecked(chosen.landmark_labels)


def test_each_preference_is_stored_under_its_key_and_kept_when_reopened(qtbot, monkeypatch):
    languages = []
    monkeypatch.setattr("painmap.app.preferences_dialog.install_language", languages.append)
    settings = app_settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == DEFAULTS  # nothing stored yet: the defaults are shown
    _choose(dialog, CHANGED)
    dialog.accept()
    assert languages == ["es"]  # applying the language installs it
    fresh = QSettings("painmap", "painmap")  # what another window (or the next start) reads
    assert fresh.value("preferences/language") == "es"
    assert fresh.value("preferences/body") == "female"
    assert float(fresh.value("preferences/brush_diameter_mm")) == 40.0
    assert fresh.value("preferences/default_mode") == "educator"
    assert read_preferences(fresh) == CHANGED
    again = PreferencesDialog(fresh)
    qtbot.addWidget(again)
    assert again.chosen() == CHANGED


def test_cancel_stores_nothing(qtbot):
    dialog = PreferencesDialog(app_settings())
    qtbot.addWidget(dialog)
    _choose(dialog, CHANGED)
    dialog.reject()
    assert read_preferences(app_settings()) == DEFAULTS
    assert not any(app_settings().contains(key) for key in KEYS.values())


def test_reset_to_defaults_restores_every_default(qtbot, monkeypatch):
    monkeypatch.setattr("painmap.app.preferences_dialog.install_language", lambda code: code)
    prefs.write_preferences(app_settings(), CHANGED)
    dialog = PreferencesDialog(app_settings())
    qtbot.addWidget(dialog)
    assert dialog.chosen() == CHANGED
    dialog.reset_button.click()
    assert dialog.chosen() == DEFAULTS
    dialog.accept()
    assert read_preferences(app_settings()) == DEFAULTS


def test_unusable_stored_values_read_as_their_defaults():
    settings = app_settings()
    for key, value in zip(KEYS.values(), ("klingon", "alien", "wide", "admin", "perhaps"), strict=True):
        settings.setValue(key, value)
    assert read_preferences(settings) == DEFAULTS
    settings.setValue(KEYS["brush_diameter_mm"], "1e9")
    settings.setValue(KEYS["landmark_labels"], "false")  # as an INI file stores a bool
    read = read_preferences(settings)
    assert read.brush_diameter_mm == prefs.DIAMETER_RANGE[1]
    assert read.landmark_labels is False


def test_stored_preferences_are_applied_to_a_new_window(qtbot, atlas):
    prefs.write_preferences(app_settings(), CHANGED._replace(body="male", default_mode="quiz"))
    window = make_window(qtbot, atlas)
    assert window.toolbox.settings.radius == 20.0
    assert "40" in window.brush_bar.size_label.text()
    assert not window.canvas.landmarks_visible
    assert not window.view_actions.landmarks.isChecked()
    assert window.modes.mode == "quiz"
    window.modes.set_mode("patient")  # the mode in use is not the default: the next window opens in quiz
    window.close()
    again = make_window(qtbot, atlas)
    assert again.modes.mode == "quiz"


def test_ok_applies_brush_and_labels_to_the_window_at_once(qtbot, atlas):
    window = make_window(qtbot, atlas)
    dialog = window.edit_preferences()
    assert dialog.isVisible() and dialog.parent() is window  # asked over the main window
    dialog.brush.setValue(10.0)
    dialog.labels.setChecked(False)
    dialog.accept()
    assert window.toolbox.settings.radius == 5.0
    assert not window.canvas.landmarks_visible
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"


def test_the_preferred_language_is_installed_before_the_window_is_built(monkeypatch):
    from painmap.app import launch, main_window

    order = []
    monkeypatch.setattr(launch, "missing_display", lambda: "")
    monkeypatch.setattr("painmap.app.i18n.install_language", lambda code: order.append(("language", code)) or "en")

    class Refused:
        def __init__(self, *args, **kwargs):
            order.append(("window", None))
            raise PainmapError("stop here")

    monkeypatch.setattr(main_window, "MainWindow", Refused)
    monkeypatch.setattr(launch, "_fail", lambda app, message, parent=None: 2)
    prefs.write_preferences(app_settings(), DEFAULTS._replace(language="es"))
    assert launch.launch(None, []) == 2
    assert order == [("language", "es"), ("window", None)]


def test_without_a_preference_the_mode_remembered_by_0_1_is_used():
    from painmap.app.modes import saved_mode

    settings = app_settings()
    settings.setValue("app/mode", "educator")
    assert saved_mode(settings) == "educator"
    prefs.write_preferences(settings, DEFAULTS)
    assert saved_mode(settings) == "patient"


def test_about_names_the_anatomy_data_and_its_licence(qtbot, atlas, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, atlas)
    texts = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: texts.append(text))
    window.show_about()
    (text,) = texts
    for credit in ("Andreassen", "10.1038/s41597-022-01905-2", "HuBMAP", "Visible Human Project", "CC BY 4.0"):
        assert credit in text
