"""What a patient should know now, above any scrolling: not a diagnosis, and when to get medical help now.

Both texts come from painmap.vocabulary (the same words as the report and the command line).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from painmap import vocabulary
from painmap.app import texts
from painmap.app.i18n import tr
from painmap.app.panels.height_fit import HeightFit


def short_notice() -> str:
    """The notice's second sentence, "It does not say what causes the pain." (the whole notice is the tooltip)."""
    sentences = tr(vocabulary.NOTICE).split(". ")
    return sentences[1].rstrip(".") + "."


class CareBox(HeightFit, QFrame):
    """Two short, calm lines; "Which signs?" opens the full red-flag list. Never cut by a short dock (HeightFit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("care-box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        flags = vocabulary.RED_FLAGS
        self.notice = QLabel(f"<b>{texts.escape(tr(vocabulary.NOTICE_TITLE))}.</b> {texts.escape(short_notice())}")
        self.notice.setObjectName("notice")
        self.notice.setToolTip(tr(vocabulary.NOTICE))
        self.red_flags = QLabel(
            "<b>{title}:</b> <a href='signs'>{link}</a>".format(
                title=texts.escape(tr(flags.title)), link=texts.escape(tr("which signs?"))
            )
        )
        self.red_flags.setObjectName("red-flags")
        self.red_flags.setToolTip("\n".join(vocabulary.red_flag_lines()[1:-1]))
        self.red_flags.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.red_flags.linkActivated.connect(lambda _link: self.show_signs())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for label in (self.notice, self.red_flags):
            label.setWordWrap(True)
            layout.addWidget(label)

    def signs_text(self) -> str:
        return "\n".join(vocabulary.red_flag_lines())

    def show_signs(self):
        """The full list of signs in a message box (returned, so tests can close it)."""
        from PySide6.QtWidgets import QMessageBox  # here: its class (and enums) load when it opens

        box = QMessageBox(QMessageBox.Icon.Information, tr(vocabulary.RED_FLAGS.title), self.signs_text(), parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
