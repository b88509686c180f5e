"""`painmap --example-path` and the resource look-up of the shipped example drawing."""

from __future__ import annotations

import pytest

from painmap import resources
from painmap.cli import main
from painmap.errors import ResourceError


def test_example_path_prints_the_shipped_drawing(capsys):
    assert main(["--example-path"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.endswith("right-hip-ache.painmap.json")
    assert main(["compare", out]) == 0
    assert "Gluteus medius" in capsys.readouterr().out


def test_example_inside_the_resources_wins(tmp_path, monkeypatch):
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "right-hip-ache.painmap.json").write_text("{}")
    monkeypatch.setenv("PAINMAP_RESOURCES", str(tmp_path))
    assert resources.example_path() == tmp_path / "examples" / "right-hip-ache.painmap.json"


def test_missing_example_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PAINMAP_RESOURCES", str(tmp_path))
    with pytest.raises(ResourceError):
        resources.example_path("nothing.painmap.json")
    assert main(["--example-path"]) == 0  # the checkout's docs/examples is the fallback
    capsys.readouterr()


def test_example_path_takes_no_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--example-path", "atlas"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip() == "painmap: error: --example-path takes no command (see --help)"
