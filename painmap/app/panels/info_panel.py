"""Info panel: what the chosen pattern is, what aggravates it, what an examiner checks, self-care, sources."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from painmap.app import texts
from painmap.app.i18n import tr
from painmap.app.panels.care_box import CareBox


class InfoPanel(QWidget):
    """Read-only text built from the pattern's own data, followed by the note about the comparison."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setToolTip(tr("About the chosen pattern; facts and sources come from the pattern library"))
        self.browser.setAccessibleName(tr("About the chosen pattern"))
        self.care = CareBox()  # patient mode: the notice and when to get help now, above the scrolling text
        self.care.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.care)
        layout.addWidget(self.browser, 1)
        self.pattern_id: str | None = None
        self.set_pattern(None)

    def set_plain(self, plain: bool) -> None:
        """Patient mode shows the care box (the notice and the red flags) above the pattern's page."""
        self.care.setVisible(plain)

    def set_pattern(self, pattern) -> None:
        """Show `pattern` (a painmap.patterns.Pattern), or only the comparison note for None."""
        if pattern is not None and pattern.id == self.pattern_id:
            return
        self.pattern_id = pattern.id if pattern is not None else None
        body = texts.pattern_html(pattern) if pattern is not None else f"<p>{texts.escape(tr(texts.NO_PATTERNS))}</p>"
        # laid out beside its scroll bar at once: a page taller than the panel was laid out at the full width,
        # then again when its scroll bar appeared (~3 ms a page); a page that fits loses the bar again, as before
        browser = self.browser
        browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        browser.setHtml(body + texts.about_html())
        browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def text(self) -> str:
        return self.browser.toPlainText()
