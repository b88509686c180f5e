"""View ▸ Anatomy: Skin, Muscles and Bones of the anatomical chart, per mode, remembered; and the names written on
the chart in an educator's full screen.

Each mode keeps its own choice in QSettings (`anatomy/<mode>/<layer>`). Patient mode opens calm: skin, and the
bones faint as bony landmarks under it; educator and quiz modes show muscles and bones. The canvas draws what
`Anatomy` says (painmap.app.body_art); chart 1's art has no layers, so the actions are disabled on it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction

from painmap.app.body_art import LAYERS, Anatomy
from painmap.app.i18n import tr
from painmap.app.toolbar import make_action

DEFAULTS = {
    "patient": {"skin": True, "muscles": False, "bones": True},
    "educator": {"skin": True, "muscles": True, "bones": True},
    "quiz": {"skin": True, "muscles": True, "bones": True},
}
SHORTCUTS = {"skin": "Shift+K", "muscles": "Shift+M", "bones": "Shift+B"}


def _flag(value, default: bool) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return default if value is None else bool(value)


def saved_anatomy(store: QSettings, mode: str) -> Anatomy:
    """The layers `mode` shows: the person's last choice in that mode, or the mode's default."""
    defaults = DEFAULTS.get(mode, DEFAULTS["patient"])
    shown = {layer: _flag(store.value(f"anatomy/{mode}/{layer}"), defaults[layer]) for layer in LAYERS}
    return Anatomy(faint=mode == "patient", **shown)


class AnatomyActions(QObject):
    """The View ▸ Anatomy actions of one window; `changed(Anatomy)` after every change."""

    changed = Signal(object)

    def __init__(self, window, canvas, store: QSettings, mode: str) -> None:
        super().__init__(window)
        self.canvas = canvas
        self.store = store
        self.mode = mode
        self._fullscreen = False
        texts = {
            "skin": (tr("&Skin"), tr("Show the skin's shading (off: only the body's outline)")),
            "muscles": (tr("&Muscles"), tr("Show the hip and thigh muscles")),
            "bones": (tr("&Bones"), tr("Show the pelvis, the lumbar spine and the leg bones")),
        }
        self.menu = window.view_menu.addMenu(tr("&Anatomy"))
        self.actions: dict[str, QAction] = {}
        for layer in LAYERS:
            text, tip = texts[layer]
            action = make_action(window, text, [SHORTCUTS[layer]], tip, checkable=True)
            action.toggled.connect(lambda on, name=layer: self._toggled(name, on))
            self.menu.addAction(action)
            window.addAction(action)
            self.actions[layer] = action
        self.set_mode(mode)

    def follow(self, modes) -> None:
        """Follow the window's ModeController: its mode and its full screen (F11)."""
        modes.mode_changed.connect(self.set_mode)
        modes.fullscreen_action.toggled.connect(self.set_fullscreen)
        self.set_mode(modes.mode)

    def attach(self, session) -> None:
        """The atlas is known: the actions work where its art has anatomy layers."""
        session.view_changed.connect(lambda _v: self._enable())
        if hasattr(session, "atlas_changed"):  # another body's chart (painmap.app.body_choice)
            session.atlas_changed.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        has = set(self.canvas.art.layers(self.canvas.view_id()))
        for layer, action in self.actions.items():
            action.setEnabled(layer in has)

    def set_mode(self, mode: str) -> None:
        """Show `mode`'s layers (its remembered choice or its default)."""
        self.mode = mode
        anatomy = saved_anatomy(self.store, mode)
        for layer, action in self.actions.items():
            action.blockSignals(True)
            action.setChecked(getattr(anatomy, layer))
            action.blockSignals(False)
        self._apply(anatomy)
        self._names()

    def _toggled(self, layer: str, on: bool) -> None:
        self.store.setValue(f"anatomy/{self.mode}/{layer}", on)
        self._apply(self.anatomy()._replace(**{layer: on}))

    def anatomy(self) -> Anatomy:
        """What the actions say now."""
        shown = {layer: action.isChecked() for layer, action in self.actions.items()}
        return Anatomy(faint=self.mode == "patient", **shown)

    def _apply(self, anatomy: Anatomy) -> None:
        self.canvas.set_anatomy(anatomy)
        self.changed.emit(anatomy)

    def set_fullscreen(self, on: bool) -> None:
        self._fullscreen = bool(on)
        self._names()

    def _names(self) -> None:
        self.canvas.set_names_on_chart(self._fullscreen and self.mode == "educator")
