"""Short docks never lay a panel's parts over each other: the Matches table, its summary and the other panels'
wrapped texts each keep their own rows, whatever the pattern panel shows and however small the window is."""

from __future__ import annotations

import pytest
from app_helpers import start_window
from PySide6.QtWidgets import QLabel, QWidget

from painmap.app.panels.ranking_panel import ROWS_SHOWN
from painmap.app.panels.wrapped_label import WrappedLabel
from painmap.drawing import Drawing, Fill, Stroke
from painmap.drawing_save import save_drawing

pytestmark = pytest.mark.usefixtures("qapp")
LONG = "Main pain area covered: 38 % · your shading outside the pattern: 37 %\n1 stroke lies outside the chart."


@pytest.fixture
def drawing_file(tmp_path, atlas):
    """A buttock and sacrum drawing with one stroke off the body: the summary runs to four lines."""
    view = atlas.views["posterior"]
    off_body = ((view.width - 8.0, 8.0), (view.width - 20.0, 20.0))
    marks = [Fill("posterior", "sacrum", 5, "aching"), Stroke("posterior", 12.0, 5, "aching", off_body)]
    path = tmp_path / "buttock.painmap.json"
    save_drawing(Drawing(marks=marks), path, atlas)
    return path


def _parts(panel: QWidget) -> list[QWidget]:
    layout = panel.layout()
    items = (layout.itemAt(i).widget() for i in range(layout.count()))
    return [w for w in items if w is not None and w.isVisible()]


def _overlaps(window) -> list[str]:
    """Each visible panel's parts that cross each other or the panel's bottom edge."""
    found = []
    for key, dock in window.docks.docks.items():
        panel = dock.widget()
        if not dock.isVisible() or panel.layout() is None:
            continue
        parts = _parts(panel)
        for i, a in enumerate(parts):
            if a.geometry().bottom() >= panel.height():
                found.append(f"{key}: {a.objectName() or type(a).__name__} runs past the panel")
            for b in parts[i + 1 :]:
                if a.geometry().intersects(b.geometry()):
                    found.append(f"{key}: {type(a).__name__} over {type(b).__name__}")
        for label in panel.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width()):
                found.append(f"{key}: label {label.text()[:30]!r} cut")
    return found


def _settle(qtbot, window) -> None:
    qtbot.wait(50)
    window.layout().activate()
    qtbot.wait(50)


@pytest.mark.parametrize("height", [900, 800])
def test_matches_summary_stays_below_the_table_with_the_pattern_shown(qtbot, drawing_file, height):
    window = start_window(qtbot, drawing_file)
    window.resize(1280, height)
    pattern = window.docks.pattern_panel
    for box in (pattern.show_pattern, pattern.show_difference):
        box.setChecked(True)
        _settle(qtbot, window)
        assert _overlaps(window) == []
    ranking = window.docks.ranking_panel
    assert ranking.table.geometry().bottom() < ranking.summary.geometry().top()


def test_the_smallest_window_still_keeps_every_part_apart(qtbot, drawing_file):
    window = start_window(qtbot, drawing_file)
    window.docks.pattern_panel.show_pattern.setChecked(True)
    window.resize(window.minimumSizeHint())
    _settle(qtbot, window)
    assert _overlaps(window) == []


def test_the_table_keeps_rows_shown_one_line_rows_and_no_more_in_its_minimum(qtbot, drawing_file):
    window = start_window(qtbot, drawing_file)
    table = window.docks.ranking_panel.table
    assert table.rowCount() > ROWS_SHOWN
    line = min(table.rowHeight(i) for i in range(table.rowCount()))
    assert line < table.verticalHeader().defaultSectionSize()
    rows = ROWS_SHOWN * line
    header = table.horizontalHeader().sizeHint().height()
    assert table.minimumHeight() == header + rows + 2 * table.frameWidth()


def test_a_wrapped_label_asks_for_the_height_its_text_needs(qtbot):
    label, plain = WrappedLabel(), QLabel(LONG)  # the plain label measures: its minimum stays 0
    plain.setWordWrap(True)
    qtbot.addWidget(label)
    label.resize(120, 10)
    label.show()  # a hidden widget hears of its resizes only when shown
    label.setText(LONG)
    assert label.minimumHeight() == plain.heightForWidth(120) > label.fontMetrics().height() * 2
    label.resize(2000, label.height())
    assert label.minimumHeight() == plain.heightForWidth(2000) < plain.heightForWidth(120)
    label.resize(120, label.height())
    assert label.minimumHeight() == plain.heightForWidth(120)
    label.setText("")
    assert label.minimumHeight() == 0
