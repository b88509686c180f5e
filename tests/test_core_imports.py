"""The core and the non-GUI commands must never load Qt widgets (they run on servers and in scripts)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE_MODULES = [
    "painmap.atlas",
    "painmap.patterns",
    "painmap.drawing",
    "painmap.compare",
    "painmap.report",
    "painmap.warp",
    "painmap.chart_versions",
    "painmap.pattern_carry",
    "painmap.vocabulary",
    "painmap.outside",
    "painmap.summary",
    "painmap.change",
    "painmap.timeline",
]


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_qtwidgets(module):
    loaded = _modules_after(f"import {module}")
    assert module in loaded
    assert "PySide6.QtWidgets" not in loaded


DRAWING = (
    '{"format": "painmap-drawing", "version": 1, "meta": {}, "marks": ['
    '{"type": "stroke", "view": "posterior", "radius": 12, "intensity": 6, "quality": "aching",'
    ' "points": [[365, 800], [400, 760], [435, 730]]}]}'
)


@pytest.mark.parametrize("command", [["atlas"], ["patterns"], ["patterns", "gluteus-medius"], ["compare", "DRAWING"]])
def test_cli_commands_do_not_import_qtwidgets_or_matplotlib(command, tmp_path):
    drawing = tmp_path / "d.painmap.json"
    drawing.write_text(DRAWING, encoding="utf-8")
    command = [str(drawing) if word == "DRAWING" else word for word in command]
    code = (
        "import sys, contextlib, io\n"
        "from painmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({command!r})\n"
        "assert status == 0, status"
    )
    loaded = _modules_after(code)
    assert "PySide6.QtWidgets" not in loaded
    assert "matplotlib" not in loaded
