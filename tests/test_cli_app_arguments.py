"""`painmap [FILE] [Qt options]`: the app's arguments are split by hand as the parser it replaced split them."""

from __future__ import annotations

import argparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from painmap import cli

WORDS = st.one_of(
    st.sampled_from(["-", "-x", "--x=1", "-1", "a b", "-a b", "x.painmap.json", "-style", "fusion", "", "="]),
    st.text(max_size=8),
)


def _argparse_split(argv: list[str]) -> tuple[str | None, list[str]]:
    """The split `_run_app` used to make: an argparse parser with one optional FILE, parse_known_args."""
    parser = argparse.ArgumentParser(prog="painmap", add_help=False)
    parser.add_argument("file", nargs="?", metavar="FILE")
    args, rest = parser.parse_known_args(argv)
    return args.file, rest


@given(st.lists(WORDS.filter(lambda w: w != "--"), max_size=6).filter(lambda a: not a or not a[0].startswith("-")))
def test_the_split_is_argparses_for_what_main_sends_to_the_app(argv):
    assert cli.app_arguments(argv) == _argparse_split(argv)


def test_no_arguments_open_no_file_and_give_qt_nothing():
    assert cli.app_arguments([]) == (None, [])


def test_everything_after_the_file_goes_to_qt_unchanged():
    assert cli.app_arguments(["pain.painmap.json", "-style", "fusion", "--", "x"]) == (
        "pain.painmap.json",
        ["-style", "fusion", "--", "x"],
    )


def test_the_app_gets_the_file_and_qts_options(monkeypatch):
    from painmap.app import crash_dialog

    seen = []
    monkeypatch.setattr(crash_dialog, "run_reporting_fatal", lambda _launch, *args: seen.append(args) or 0)
    monkeypatch.setattr("painmap.app.gc_hold.hold", lambda: None)
    assert cli.main(["pain.painmap.json", "-style", "fusion"]) == 0
    assert seen == [("pain.painmap.json", ["-style", "fusion"])]


def test_an_option_first_is_still_a_one_line_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["-style", "fusion"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("painmap: error:") and err.count("\n") == 1
