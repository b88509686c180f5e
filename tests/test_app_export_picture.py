"""File ▸ Export picture (issue 10): a figure of what is shown (drawing slide or pattern slide), never a screen crop."""

from __future__ import annotations

import threading

import pytest
from app_helpers import loaded_window
from PySide6.QtGui import QImage

import painmap.figures.drawing_slide as drawing_slide
from painmap.app import export_picture, file_dialogs

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def window(qtbot, atlas):
    return loaded_window(qtbot, atlas)


def _show_pattern(window, pattern_id="gluteus-medius", trigger_point=None):
    window.panels.show_chosen_pattern(pattern_id)
    window.panels.set_show_pattern(True)
    if trigger_point:
        window.panels.set_trigger_point(trigger_point)
    assert window.panels.pattern_layer.visible


def test_a_shaded_drawing_is_exported_as_its_slide_with_the_pattern_shown_in_a_worker(window, tmp_path, monkeypatch):
    threads = []
    real = drawing_slide.render_drawing_slide

    def spy(*args, **kwargs):
        threads.append((threading.current_thread(), kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(drawing_slide, "render_drawing_slide", spy)
    window.session.fill("buttock-right", 6, "aching")
    _show_pattern(window)
    asked = []
    out = tmp_path / "hip"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a: asked.append(a) or (str(out), "PNG pictures (*.png)"))
    window.files.actions["export_png"].trigger()  # File ▸ Export picture…
    assert asked
    image = QImage(str(tmp_path / "hip.png"))
    assert not image.isNull()
    assert abs(image.width() / image.height() - 16 / 9) < 0.01  # the slide's page, not the canvas's shape
    assert (image.width(), image.height()) != (window.canvas.width(), window.canvas.height())
    ((thread, kwargs),) = threads
    assert thread is not threading.main_thread()
    assert [p.id for p in kwargs["patterns"]] == ["gluteus-medius"]
    assert "the drawing" in window.statusBar().currentMessage()


def test_the_drawing_slide_holds_the_drawing_pixels(window, tmp_path):
    """The intensity colours are on the picture: a shaded drawing differs from the empty chart's picture."""
    empty = tmp_path / "empty.png"
    assert export_picture.export_picture_to(window, empty)
    assert "empty body chart" in window.statusBar().currentMessage()
    window.session.fill("buttock-right", 9, "aching")
    shaded = tmp_path / "shaded.png"
    assert export_picture.export_picture_to(window, shaded)
    a, b = QImage(str(empty)), QImage(str(shaded))

    def blue(image):  # the drawing's colours are blues; the colour bar (right of the chart) is left out
        step = 4
        return sum(
            1
            for y in range(0, image.height(), step)
            for x in range(0, int(image.width() * 0.6), step)
            if image.pixelColor(x, y).blue() - image.pixelColor(x, y).red() > 80
        )

    assert blue(b) > blue(a) + 2000  # about 5,000 samples of the shaded buttock


def test_nothing_shaded_with_a_pattern_shown_exports_the_pattern_slide_as_svg_text(window, tmp_path):
    _show_pattern(window, trigger_point="trp1")
    picture = export_picture.picture_of(window)
    assert picture.kind == "pattern"
    out = tmp_path / "slide.svg"
    assert export_picture.export_picture_to(window, out)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Gluteus medius" in text  # text kept as text (the slide's title)
    assert "slide of Gluteus medius" in window.statusBar().currentMessage()


def test_pdf_by_its_extension(window, tmp_path):
    window.session.fill("buttock-right", 6, "aching")
    out = tmp_path / "drawing.pdf"
    assert export_picture.export_picture_to(window, out)
    assert out.read_bytes().startswith(b"%PDF")


def test_a_failed_write_is_one_line_in_a_dialog_and_leaves_no_file(window, tmp_path, dialogs):
    missing = tmp_path / "no-such-folder" / "x.png"
    assert not export_picture.export_picture_to(window, missing)
    assert not missing.parent.exists()
    title, message = dialogs.warnings[-1]
    assert title == "Could not export the picture"
    assert "\n" not in message and "Traceback" not in message
    wrong = tmp_path / "x.txt"
    assert not export_picture.export_picture_to(window, wrong)
    assert ".png, .pdf or .svg" in dialogs.warnings[-1][1]
    assert list(tmp_path.iterdir()) == []


def test_the_picture_is_drawn_on_the_drawings_body_with_the_data_credit(window, tmp_path):
    window.body_choice.new_drawing("female")
    window.session.fill("buttock-right", 6, "aching")
    out = tmp_path / "hers.svg"
    assert export_picture.export_picture_to(window, out)
    text = out.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text  # the anatomical chart's credit, as CC BY asks
