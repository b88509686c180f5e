"""Plain messages for a drawing that cannot be opened; the precise reason behind Details (issue 11)."""

from __future__ import annotations

import json

import pytest
from app_helpers import make_window

from painmap.app import file_messages as fm
from painmap.drawing import load_drawing
from painmap.drawing_model import FORMAT
from painmap.drawing_model import VERSION as CURRENT_VERSION
from painmap.errors import DrawingError


def _reason(path, atlas) -> DrawingError:
    with pytest.raises(DrawingError) as caught:
        load_drawing(path, atlas=atlas)
    return caught.value


GOOD_MARK = {"type": "fill", "view": "posterior", "region": "sacrum", "intensity": 5}


def _doc(mark: dict) -> bytes:
    """A drawing of the current version holding one (broken) mark."""
    return json.dumps({"format": FORMAT, "version": CURRENT_VERSION, "marks": [mark]}).encode()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01binary", fm.NOT_A_DRAWING),
        (b"", fm.NOT_A_DRAWING),
        (b"hello, this is a letter", fm.NOT_A_DRAWING),
        (b"[1, 2, 3]", fm.NOT_A_DRAWING),
        (b'{"name": "a shopping list"}', fm.NOT_A_DRAWING),
        (b'{"format": "other-app", "version": 1}', fm.NOT_A_DRAWING),
        ("\ufeff{}".encode(), fm.NOT_A_DRAWING),
        (json.dumps({"format": FORMAT, "version": CURRENT_VERSION + 1, "marks": []}).encode(), fm.NEWER),
        (_doc({**GOOD_MARK, "intensity": 99}), fm.DAMAGED),
        (_doc({**GOOD_MARK, "view": "moon"}), fm.DAMAGED),
        (_doc({**GOOD_MARK, "type": "blob"}), fm.DAMAGED),
    ],
)
def test_reasons_map_to_three_plain_messages(tmp_path, atlas, content, expected):
    path = tmp_path / "x.painmap.json"
    path.write_bytes(content)
    err = _reason(path, atlas)
    assert fm.plain_file_message(err) == expected


def test_an_unreadable_file_says_so():
    assert fm.plain_file_message(PermissionError(13, "Permission denied")) == fm.UNREADABLE


@pytest.mark.usefixtures("qapp")
def test_the_dialog_is_plain_and_the_details_are_precise(qtbot, atlas, tmp_path, dialogs):
    window = make_window(qtbot, atlas)
    bad = tmp_path / "bad.painmap.json"
    bad.write_bytes(b"\x00\x00binary")
    assert not window.files.open_path(bad, confirmed=True)
    assert dialogs.warnings[-1] == ("Could not open the drawing", fm.NOT_A_DRAWING)
    assert "NUL bytes" in dialogs.details[-1] and "bad.painmap.json" in dialogs.details[-1]
    assert window.statusBar().currentMessage() == f"bad.painmap.json: {fm.NOT_A_DRAWING}"
