"""Write resources/layout/docks.state: the window's docks in their default places, as `PanelDocks.add()` puts them.

    python tools/dock_layout.py          # rewrite the file (after changing the docks or their places)
    python tools/dock_layout.py --check  # exit 1 when the file does not restore what `add()` makes now

The window restores this state before its first paint instead of calling `addDockWidget` (painmap.app.panels.docks,
painmap.app.enum_free). It is a QMainWindow state (`saveState()`) of a window that holds only the docks, taken
before it is ever shown: the areas, the order, the tabs, no sizes, so Qt sizes the docks from their size hints as it
does after `addDockWidget`; every dock hidden, so restoring it shows none (the window shows its mode's docks). Its
bytes also hold each dock's minimum height, which Qt does not read back and which follows the font: `--check`
compares what two states restore, not their bytes. The toolbar section (an empty one: that window has no toolbars)
is left out: the window appends its own, so its toolbars stay as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "resources" / "layout" / "docks.state"
NO_TOOLBARS = b"\xfc\x00\x00\x00\x00"  # QMainWindow's toolbar section with no line of toolbars


def _docks_window(state: bytes | None = None):
    """A window holding only the docks: placed with `add()` (hidden), or restored from `state`."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QApplication, QMainWindow

    from painmap.app.panels.docks import PanelDocks

    _app = QApplication.instance() or QApplication(["dock_layout", "-platform", "offscreen"])
    window = QMainWindow()
    docks = PanelDocks(window)
    if state is None:
        docks.add()
        for dock in docks.docks.values():
            dock.hide()  # restored hidden: the window shows its mode's docks (painmap.app.modes.show_mode_docks)
    elif not window.restoreState(QByteArray(state + NO_TOOLBARS)):
        raise ValueError("the state does not restore")
    return window


def dock_layout() -> bytes:
    """The state of the docks alone in their default places, without the toolbar section."""
    window = _docks_window()
    state = bytes(window.saveState().data())
    window.deleteLater()
    if not state.endswith(NO_TOOLBARS):
        raise RuntimeError("this Qt writes the toolbar section differently: check the state's format")
    return state[: -len(NO_TOOLBARS)]


def restores_the_same(state: bytes, other: bytes) -> bool:
    """Whether windows restored from `state` and from `other` are in the same state (saved here and now)."""
    windows = [_docks_window(state), _docks_window(other)]
    same = windows[0].saveState() == windows[1].saveState()
    for window in windows:
        window.deleteLater()
    return same


def main(argv: list[str]) -> int:
    state = dock_layout()
    if "--check" in argv:
        same = TARGET.is_file() and restores_the_same(TARGET.read_bytes(), state)
        print(f"{TARGET.relative_to(ROOT)}: {'up to date' if same else 'differs; run tools/dock_layout.py'}")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(state)
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(state)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
