"""The core and the non-GUI commands must never load Qt widgets (they run on servers and in scripts)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE_MODULES = ["painmap.atlas", "painmap.patterns", "painmap.drawing", "painmap.compare", "painmap.report"]


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_qtwidgets(module):
    loaded = _modules_after(f"import {module}")
    assert module in loaded
    assert "PySide6.QtWidgets" not in loaded


@pytest.mark.parametrize("command", [["atlas"], ["patterns"], ["compare", "--help"]])
def test_cli_commands_do_not_import_qtwidgets_or_matplotlib(command):
    code = (
        "import sys, contextlib, io\n"
        "from painmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try: main({command!r})\n"
        "    except SystemExit: pass"
    )
    loaded = _modules_after(code)
    assert "PySide6.QtWidgets" not in loaded
    assert "matplotlib" not in loaded
