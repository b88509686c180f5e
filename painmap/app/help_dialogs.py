"""Help ▸ Keyboard shortcuts (a table built from the window's own actions) and Help ▸ About."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from painmap import __version__
from painmap.app.crash_dialog import about_log_html
from painmap.app.files import SUFFIX
from painmap.app.i18n import tr


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(action, shortcuts, what it does) for every action with a shortcut, from the actions themselves."""
    rows, seen = [], set()
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if not keys or action.text() in seen or not action.isVisible():  # e.g. a view this chart lacks
            continue
        seen.add(action.text())
        name = action.text().replace("&", "")
        rows.append((name, ", ".join(keys), action.statusTip() or action.toolTip()))
    return sorted(rows, key=lambda r: r[0].lower())


def shortcuts_dialog(window) -> QDialog:
    """The (non-modal) table of every shortcut, including pan and wheel zoom."""
    rows = shortcut_rows(window)
    rows.append((tr("Pan"), tr("Middle-drag, or Space + drag"), tr("Move the picture")))
    rows.append((tr("Zoom at the pointer"), tr("Mouse wheel"), tr("Zoom in or out where the pointer is")))
    rows.append((tr("Move the keyboard brush"), tr("Arrow keys (Shift: bigger steps)"), tr("Shows it, then moves it")))
    rows.append(
        (
            tr("Paint with the keyboard"),
            tr("Hold Space (with the arrows)"),
            tr("Applies the tool at the keyboard brush"),
        )
    )
    dialog = QDialog(window)
    dialog.setWindowTitle(tr("Keyboard shortcuts"))
    table = QTableWidget(len(rows), 3, dialog)
    table.setHorizontalHeaderLabels([tr("Action"), tr("Keys"), tr("What it does")])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(720, 560)
    return dialog


def where_kept_html(window) -> str:
    """Where drawings and the autosave are kept, and that nothing leaves the computer."""
    from PySide6.QtCore import QStandardPaths

    from painmap.app.texts import escape as escape_html

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    files = getattr(window, "files", None)
    autosave = str(files.store.folder) if files is not None else tr("(the app's data folder)")
    return (
        "<h3>"
        + escape_html(tr("Where your drawings are kept"))
        + "</h3><p>"
        + tr(
            "Drawings are saved where you choose, as <i>*{suffix}</i> files; the first Save offers your "
            "documents folder ({documents}). While you draw, an unsaved copy is kept every few seconds "
            "in {autosave}, so it can be recovered after a crash; it is removed when you save or "
            "discard the drawing."
        ).format(suffix=SUFFIX, documents=escape_html(documents), autosave=escape_html(autosave))
        + "</p><p>"
        + escape_html(tr("Everything stays on this computer: painmap sends nothing over the network."))
        + "</p>"
    )


def show_where_kept(window) -> QMessageBox:
    """Help ▸ Where my drawings are kept (non-blocking; returned so tests can read and close it)."""
    title = tr("Where my drawings are kept")
    box = QMessageBox(QMessageBox.Icon.Information, title, where_kept_html(window), parent=window)
    box.open()
    return box


def anatomy_credit_html() -> str:
    """The anatomy data and its licence, as CC BY 4.0 asks (tools/anatomy/data/PROVENANCE.md §10)."""
    return tr(
        "<h3>Anatomy data</h3>"
        "<p>The anatomical body charts (skin, bones and muscles, male and female) are made from:</p><ul>"
        "<li>Andreassen TE, Hume DR, Hamilton LD, Walker KE, Higinbotham SE, Shelburne KB. Three-dimensional "
        "lower extremity musculoskeletal geometry of the Visible Human Female and Male. <i>Scientific Data</i> "
        "(2022), https://doi.org/10.1038/s41597-022-01905-2; dataset https://doi.org/10.56902/COB.vh.2022.0 "
        "(University of Denver, Center for Orthopaedic Biomechanics), and Andreassen TE et al., An Automated "
        "Process for 2D and 3D Finite Element Overclosure and Gap Adjustment using Radial Basis Function "
        "Networks, arXiv 2022, https://doi.org/10.48550/arXiv.2209.06948;</li>"
        "<li>Browne K, Schlehlein H, Herr BW II, Quardokus E, Bueckle A, Börner K. 2022. <i>HuBMAP CCF 3D "
        "Reference Object Library</i> (the Human Reference Atlas: skin, pelvis, knee), "
        "https://humanatlas.io/3d-reference-library;</li>"
        "<li>both created from the Visible Human Project® data of the U.S. National Library of Medicine.</li></ul>"
        "<p>Licence: Creative Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). "
        "Modified by painmap: converted, registered, deformed, decimated and drawn as 2-D views; not endorsed by "
        "the licensors.</p>"
    )


def show_about(window) -> None:
    QMessageBox.about(
        window,
        tr("About painmap"),
        f"<b>painmap {__version__}</b><p>"
        + tr(
            "Shade where you feel pain and see which referral patterns of muscles "
            "(such as the gluteus medius) or the sacroiliac joint look alike."
        )
        + "</p><p>"
        + tr("painmap informs and teaches. It does not diagnose and does not recommend a treatment.")
        + "</p>"
        + where_kept_html(window)
        + anatomy_credit_html()
        + about_log_html(),  # where the error log is (painmap.app.crash_dialog)
    )
