"""The app's identity: window icon at the desktop sizes, and the desktop-file id of the menu entry."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from painmap.app.identity import app_icon, set_identity
from painmap.appinfo import APP_ID, ICON_SIZES, WINDOW_ICON_SIZES


def test_the_window_icon_has_the_desktop_sizes_up_to_128_px(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(WINDOW_ICON_SIZES) == set(ICON_SIZES) - {256}
    assert icon.pixmap(QSize(16, 16)).size() == QSize(16, 16)


def test_set_identity(qapp):
    set_identity(qapp)
    assert QApplication.desktopFileName() == APP_ID
    assert QApplication.applicationDisplayName() == "painmap"
    assert not QApplication.windowIcon().isNull()


def test_missing_icons_give_an_empty_icon(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("PAINMAP_RESOURCES", str(tmp_path / "nowhere"))
    assert app_icon().isNull()
