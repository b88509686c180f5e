"""The window in Spanish: the app's catalogue is complete and current, no text of the window stays English, no
text is cut off, and the command line stays English whatever the locale (scripts parse it).

The catalogue tests read resources/translations/painmap_app_es.ts (tools/translations.py makes it). The walk
builds the main window in English and in Spanish, in every mode, and compares what each shows: a text shown
unchanged in both skipped translation (a string not wrapped in tr(), or one without a Spanish line), unless
it is in ALLOWED below.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from app_helpers import make_window
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QDockWidget,
    QLabel,
    QMenu,
    QTableWidget,
    QToolBar,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout

from painmap import i18n
from painmap.app import chart_words, texts
from painmap.app.i18n import install_language
from painmap.app.modes import MODES
from painmap.resources import example_path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
APP_TS = FOLDER / "painmap_app_es.ts"

# Texts that read the same in English and Spanish, on purpose: the program's name, a word Spanish shares, the
# lumbar vertebrae, the citations of the comparison note, and the trigger points' short labels (TrP1 … as in
# Travell & Simons, the pattern library's data).
ALLOWED = {"painmap", "Pelvis", "L1", "L2", "L3", "L4", "L5", texts.ABOUT_SOURCES}
ALLOWED_LABEL = re.compile(r"TrP\d+")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _tools():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[ET.Element]:
    """The catalogue's live messages: not the "vanished" ones kept for texts not (or no longer) in the sources."""
    gone = ("vanished", "obsolete")
    return [m for m in ET.parse(ts).getroot().iter("message") if m.find("translation").get("type") not in gone]


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


# -- (a) the catalogue -----------------------------------------------------------------------------------------------
def test_every_spanish_message_of_the_app_is_finished():
    problems = []
    for message in _messages(APP_TS):
        source = message.findtext("source")
        translation = message.find("translation")
        text = translation.text or ""
        if translation.get("type") or not text.strip():
            problems.append(f"not translated: {source!r}")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders differ: {source!r} -> {text!r}")
        if _mnemonics(source) != _mnemonics(text):
            problems.append(f"& shortcut marker differs: {source!r} -> {text!r}")
        if source != source.strip() and (source[0] == " ") != (text[0] == " "):
            problems.append(f"spacing differs: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_the_catalogue_has_every_text_of_the_sources(tmp_path):
    """lupdate of the sources as they are now finds no text the committed catalogue lacks (nor one it no longer
    needs): run `./dev translations` and translate the new lines."""
    fresh = tmp_path / "fresh.ts"
    _tools().lupdate("app", fresh, "es")
    extracted = {m.findtext("source") for m in _messages(fresh)}
    committed = {m.findtext("source") for m in _messages(APP_TS)}
    assert extracted - committed == set(), "new texts, not in painmap_app_es.ts"
    assert committed - extracted == set(), "texts no longer in the sources"


def test_the_compiled_catalogue_says_what_the_ts_says():
    """The committed .qm (shipped in the wheel and the bundle) is a compilation of the committed .ts."""
    translator = QTranslator()
    assert translator.load(str(APP_TS.with_suffix(".qm")))
    stale = [
        m.findtext("source")
        for m in _messages(APP_TS)
        if translator.translate("", m.findtext("source")) != m.findtext("translation")
    ]
    assert not stale, f"run ./dev translations: the .qm is older than the .ts for {stale[:5]}"


def test_every_word_of_the_bundled_charts_is_marked_for_translation():
    from painmap.atlas import load_atlas
    from painmap.structures import display_name

    marked = set(chart_words.REGIONS + chart_words.LANDMARKS + chart_words.VIEW_TITLES + chart_words.EDGE_LABELS)
    missing = set()
    for body, chart in (("male", 1), ("male", 2), ("female", 2)):
        for view in load_atlas(body=body, chart=chart).views.values():
            words = {view.title, *view.edge_labels}
            words |= {region.label for region in view.regions}
            words |= {landmark.label or landmark.key for landmark in view.landmarks}
            missing |= words - marked
            for structure in view.structures:  # hover names them, side apart
                name = display_name(structure)
                base = name.removesuffix(f" ({structure.side})")
                if base not in chart_words.STRUCTURES and not re.fullmatch(r"L[1-5]", base):
                    missing.add(base)
    assert not missing, f"add to painmap/app/chart_words.py and translate: {sorted(missing)}"


def test_hover_names_bones_and_muscles_in_spanish(qtbot, atlas, spanish):
    from painmap.app.canvas_marks import structure_names
    from painmap.atlas import load_atlas

    view = load_atlas(body="male").view("posterior")
    by_id = {s.id: s for s in view.structures}
    medius, maximus, sacrum = (
        by_id[k] for k in ("muscle-gluteus-medius-right", "muscle-gluteus-maximus-right", "bone-sacrum-midline")
    )
    assert structure_names([medius]) == "Glúteo medio (lado derecho)"
    assert structure_names([sacrum]) == "Sacro"
    assert structure_names([maximus, medius]) == "Glúteo mayor (lado derecho) sobre glúteo medio (lado derecho)"


# -- (b) the window --------------------------------------------------------------------------------------------------
@pytest.fixture
def spanish(qapp):
    """The window's language is Spanish for one test; English again afterwards."""
    install_language("es")
    yield
    install_language("en")


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text


def shown_texts(window) -> set[str]:
    """Every text of the window's chrome: titles, menus, actions (text, toolbar text, tips), labels, buttons,
    tooltips, combo-box choices and table headers. Left out: data shown as it is (pattern names, file paths)."""
    texts = {window.windowTitle()}
    for action in window.findChildren(QAction):
        if action.data() is not None and not isinstance(action.data(), str):
            continue
        texts |= {action.text(), action.iconText(), action.toolTip(), action.statusTip()}
    texts |= {menu.title() for menu in window.findChildren(QMenu)}
    texts |= {w.windowTitle() for kind in (QToolBar, QDockWidget) for w in window.findChildren(kind)}
    for widget in window.findChildren(QLabel):
        texts |= {widget.text(), widget.toolTip()}
    for widget in window.findChildren(QAbstractButton):
        texts |= {widget.text(), widget.toolTip()}
    for widget in window.findChildren(QComboBox):
        texts.add(widget.toolTip())
        if widget is not window.docks.pattern_panel.pattern_box:  # pattern names: the library's data
            texts |= {widget.itemText(i) for i in range(widget.count())}
    for table in window.findChildren(QTableWidget):
        texts.add(table.toolTip())
        for column in range(table.columnCount()):
            item = table.horizontalHeaderItem(column)
            texts.add(item.text() if item else "")
    for widget in (window.canvas, window.brush_bar.scale, window.docks.pattern_panel.legend):
        texts.add(widget.toolTip())
    texts |= set(window.docks.pattern_panel.legend.labels())
    lines = set()
    for text in texts:
        lines |= {line.strip() for line in _plain(text).splitlines()}
    return {line for line in lines if re.search(r"[A-Za-z]{2,}", re.sub(r"\d+(\.\d+)? mm\b", "", line))}


def _walk(qtbot, atlas) -> dict[str, set[str]]:
    window = make_window(qtbot, atlas, size=(1280, 900))
    qtbot.waitUntil(lambda: window.live.ready, timeout=30000)
    seen = {}
    for mode in MODES:
        window.modes.set_mode(mode)
        qtbot.wait(10)
        seen[mode] = shown_texts(window)
    window.close()
    return seen


def _core_catalogue_missing() -> bool:
    return not i18n.catalogue_path("core", "es").is_file()


def test_no_text_of_the_window_stays_english_in_spanish(qtbot, atlas, qapp):
    if _core_catalogue_missing():
        pytest.skip("the core's Spanish catalogue (painmap_core_es.qm) is missing: the core's texts stay English")
    english = _walk(qtbot, atlas)
    install_language("es")
    try:
        spanish = _walk(qtbot, atlas)
    finally:
        install_language("en")
    left = {
        mode: sorted(t for t in spanish[mode] & english[mode] if t not in ALLOWED and not ALLOWED_LABEL.fullmatch(t))
        for mode in MODES
    }
    assert left == {mode: [] for mode in MODES}


def test_the_window_s_own_texts_are_spanish(qtbot, atlas, spanish):
    """Every text of the app's catalogue that the window shows is shown in Spanish (this part needs only the app's
    catalogue; the test above covers the core's texts too)."""
    sources = {m.findtext("source") for m in _messages(APP_TS)} - ALLOWED
    window = make_window(qtbot, atlas, size=(1280, 900))
    qtbot.waitUntil(lambda: window.live.ready, timeout=30000)
    english_left = {}
    for mode in MODES:
        window.modes.set_mode(mode)
        english_left[mode] = sorted(shown_texts(window) & {s.strip() for s in sources})
    assert english_left == {mode: [] for mode in MODES}
    assert window.file_menu.title() == "&Archivo"
    assert window.windowTitle().startswith("sin título")


def test_spanish_menus_have_one_action_per_shortcut_letter(qtbot, atlas, spanish):
    """Alt + a letter opens one entry: within each Spanish menu no two entries share their & letter."""
    from painmap.app.main_window import MainWindow

    window = MainWindow(atlas)
    qtbot.addWidget(window)
    shared = {}
    for menu in [window.menuBar(), *window.findChildren(QMenu)]:
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            found = re.findall(r"&(\w)", action.text().replace("&&", ""))
            if found:
                letters.setdefault(found[0].lower(), []).append(action.text())
        shared |= {key: texts for key, texts in letters.items() if len(texts) > 1}
    assert shared == {}


def test_the_language_preference_is_installed_at_start(qtbot, monkeypatch):
    """`painmap` reads preferences/language before it builds the window: "es" gives a Spanish window."""
    from painmap.app import launch
    from painmap.app.main_window import MainWindow, app_settings

    app_settings().setValue("preferences/language", "es")
    try:
        launch._install_language()
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.file_menu.title() == "&Archivo"
        assert window.undo_action.toolTip() == "Deshacer la última marca (Ctrl+Z)"
        app_settings().setValue("preferences/language", "en")
        launch._install_language()
        assert MainWindow().file_menu.title() == "&File"
    finally:
        install_language("en")


# -- (c) nothing cut off -------------------------------------------------------------------------------------------
def _cut_off(window) -> list[str]:
    """Visible labels and buttons narrower (or, when wrapped, lower) than their text needs."""
    cut = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        if not _scrolls(widget) and widget.visibleRegion().boundingRect().height() + 1 < widget.height():
            cut.append(f"{_plain(widget.text())[:50]!r}: clipped by its panel")
        elif isinstance(widget, QLabel) and widget.wordWrap():
            need_h = widget.heightForWidth(widget.width())
            if need_h > widget.height() + 1:
                cut.append(f"{_plain(widget.text())[:50]!r}: {widget.height()} px high, needs {need_h}")
        elif widget.width() + 1 < widget.sizeHint().width():
            cut.append(f"{_plain(widget.text())[:50]!r}: {widget.width()} px wide, needs {widget.sizeHint().width()}")
    return cut + _cells_cut(window)


def _cells_cut(window) -> list[str]:
    """Table cells (the Matches list) whose text does not fit its cell, wrapped as the table wraps it."""
    cut = []
    for table in window.findChildren(QTableWidget):
        if not table.isVisible():
            continue
        for row in range(table.rowCount()):
            for col in range(table.columnCount()):
                item = table.item(row, col)
                if item is None or not item.text():
                    continue
                rect = table.visualItemRect(item).adjusted(3, 0, -3, 0)  # the item text margin of Qt's styles
                flags = int(Qt.TextFlag.TextWordWrap) if table.wordWrap() else 0
                need = table.fontMetrics().boundingRect(rect, flags, item.text())
                if need.width() > rect.width() + 1 or need.height() > rect.height() + 1:
                    cut.append(
                        f"{item.text()!r}: cell {rect.width()}x{rect.height()}, needs {need.width()}x{need.height()}"
                    )
    return cut


def _scrolls(widget) -> bool:
    """True inside a scroll area: a text out of its view is scrolled to, not cut off."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _landmark_names_cut(window) -> list[str]:
    """Landmark names drawn on the canvas that run past its edges."""
    canvas, marks = window.canvas, window.canvas.marks
    inside = canvas.rect().toRectF()
    boxes = marks._landmark_boxes(canvas.view(), canvas.mm_to_widget())
    return [text for _p, box, text in boxes if box.intersects(inside) and not inside.contains(box)]


def _hidden_toolbar_controls(window) -> list[str]:
    """Toolbar controls pushed into the overflow menu (hidden or outside their toolbar)."""
    hidden = []
    for bar in window.toolbars:
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is None or action.isSeparator() or not action.isVisible():  # (a view this chart lacks)
                continue
            if not (widget.isVisible() and bar.rect().contains(widget.geometry())):
                hidden.append(action.iconText() or action.text() or type(widget).__name__)
    return hidden


def _started(qtbot, file=None):
    """The window as `painmap [FILE]` starts it, at its default size (1280 x 900) and layout, once start-up is done."""
    from painmap.app.main_window import MainWindow
    from painmap.app.startup import StartUp

    window = MainWindow()
    qtbot.addWidget(window)
    startup = StartUp(window, None if file is None else str(file))
    with qtbot.waitSignal(startup.done, timeout=30000):
        window.show()
    assert window.width() == 1280  # (educator mode's docks make it 921 px high offscreen, in English too)
    return window


def _settled(qtbot, window) -> None:
    """Let the layout settle (a wrapped label gets its height one pass after its width, slower under load)."""
    with contextlib.suppress(WaitTimeout):  # still cut after 3 s: the assertion that follows names what
        qtbot.waitUntil(lambda: not _cut_off(window), timeout=3000)


@pytest.mark.parametrize("mode", MODES)
def test_no_text_is_cut_off_in_spanish(qtbot, spanish, mode):
    """Started in each mode (the mode of the last session), and switched to it from another."""
    from painmap.app.main_window import app_settings

    app_settings().setValue("preferences/default_mode", mode)
    window = _started(qtbot, example_path())  # a drawing: the Matches list is shown and ranked
    _settled(qtbot, window)
    assert _cut_off(window) == []
    assert _landmark_names_cut(window) == []
    other = MODES[(MODES.index(mode) + 1) % len(MODES)]
    window.modes.set_mode(other)
    window.modes.set_mode(mode)
    _settled(qtbot, window)
    assert _cut_off(window) == []


def test_every_toolbar_control_stays_in_sight_in_spanish_at_1280_px(qtbot, spanish):
    window = _started(qtbot)
    qtbot.wait(50)
    assert _hidden_toolbar_controls(window) == []


# -- (d) the command line --------------------------------------------------------------------------------------------
def _cli(env_lang: str, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=env_lang, LC_ALL=env_lang, LANGUAGE=env_lang.split(".")[0], HOME=str(home))
    env["XDG_CONFIG_HOME"] = str(home / "config")
    return subprocess.run(
        [sys.executable, "-m", "painmap", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_the_command_line_stays_english_in_a_spanish_locale(tmp_path):
    """LANG=es_ES.UTF-8 and a Spanish preference change nothing the commands print (scripts parse it)."""
    from painmap.resources import example_path

    config = tmp_path / "config" / "painmap"
    config.mkdir(parents=True)
    (config / "painmap.conf").write_text("[preferences]\nlanguage=es\n")
    example = str(example_path())
    for args in (("--help",), ("compare", example), ("compare", example, "--format", "json")):
        english = _cli("C.UTF-8", tmp_path, *args)
        spanish = _cli("es_ES.UTF-8", tmp_path, *args)
        assert english.returncode == spanish.returncode == 0, spanish.stderr
        assert spanish.stdout == english.stdout
    wrong = _cli("es_ES.UTF-8", tmp_path, "compare", str(tmp_path / "missing.painmap.json"))
    assert wrong.returncode == 2 and "painmap: " in wrong.stderr and "No se" not in wrong.stderr
