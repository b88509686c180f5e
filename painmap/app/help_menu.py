"""Help ▸ Keyboard shortcuts, About painmap, Where my drawings are kept: the menu's actions, added with the
window's other menus right after the first paint (F1 works from then on). The dialogs' module
(painmap.app.help_dialogs, with its Qt dialog classes) loads when one is opened."""

from __future__ import annotations

from painmap.app.i18n import tr
from painmap.app.toolbar import make_action

__all__ = ["fill_help_menu"]


def fill_help_menu(window) -> None:
    """Help ▸ Keyboard shortcuts, About painmap, Where my drawings are kept."""
    menu = window.help_menu
    menu.addAction(
        make_action(
            window, tr("&Keyboard shortcuts"), ["F1"], tr("List every keyboard shortcut"), window.show_shortcuts
        )
    )
    menu.addAction(make_action(window, tr("&About painmap"), ["Ctrl+F1"], tr("What painmap is"), window.show_about))
    menu.addAction(
        make_action(
            window,
            tr("&Where my drawings are kept"),
            ["Ctrl+Shift+F1"],
            tr("Where drawings and the autosave are"),
            window.show_where,
        )
    )
