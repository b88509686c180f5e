"""Command line: argument parsing and dispatch only; each command's work lives in `painmap.commands`.

Exit status: 0 success, 2 bad input (usage or data), 1 unexpected internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from painmap import __version__
from painmap.blas import use_one_blas_thread
from painmap.errors import PainmapError

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2

COMMANDS: dict[str, str] = {
    "atlas": "views, regions and landmarks of the body chart",
    "patterns": "the referral-pattern library, or one pattern in full",
    "compare": "compare a pain drawing with the pattern library",
    "render": "draw a drawing report or a pattern sheet to PNG, PDF or SVG",
    "aggregate": "frequency map of many drawings",
    "timeline": "one person's drawings over time, on one page",
    "learn": "learn a pattern from a group's drawings into a library folder",
    "evaluate": "leave-one-out classification of labelled drawings (path,label CSV)",
    "import": "make a drawing from CHOIR body-map keys (REDCap)",
    "export": "print the CHOIR body-map keys a drawing covers",
}
NEW_COMMANDS = ("learn", "evaluate")  # each registers its own options (painmap.commands.<name>.add_parser)
MODULES = {"import": "choir_io", "export": "choir_io"}  # commands whose module has another name

# Options that act on this installation instead of a drawing (painmap.commands.desktop).
INSTALL_OPTIONS = ("--example-path", "--install-desktop", "--uninstall-desktop")

DESCRIPTION = """\
painmap shows where a muscle sends its pain and how far a pain drawing matches it.
Run without a command to open the app. It informs and teaches; it does not diagnose."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message} (see --help)\n")
        raise SystemExit(EXIT_BAD_INPUT)


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library", action="append", metavar="DIR", help="add the patterns of a library folder (e.g. learned ones)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command-line grammar, as fixed in the design notes."""
    epilog = "commands:\n" + "\n".join(f"  {name:<11}{text}" for name, text in COMMANDS.items())
    epilog += "\n\nRun 'painmap COMMAND --help' for a command's options, or 'painmap [FILE]' to open the app."
    parser = _Parser(
        prog="painmap",
        description=DESCRIPTION,
        epilog=epilog,
        formatter_class=lambda prog: argparse.RawDescriptionHelpFormatter(prog, max_help_position=32),
    )
    parser.add_argument("--version", action="version", version=f"painmap {__version__}")
    install = parser.add_mutually_exclusive_group()
    install.add_argument("--example-path", action="store_true", help="print the path of the shipped example drawing")
    install.add_argument(
        "--install-desktop", action="store_true", help="add painmap to your desktop's menu; drawings open with it"
    )
    install.add_argument("--uninstall-desktop", action="store_true", help="remove what --install-desktop added")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", help="a command below", parser_class=_Parser)

    p = sub.add_parser("atlas", description=COMMANDS["atlas"])
    p.add_argument("--body", choices=("male", "female"), help="the body (default male)")
    p.add_argument("--chart", type=int, metavar="N", help="the chart number (default: the body's current chart)")
    _format_option(p)

    p = sub.add_parser("patterns", description=COMMANDS["patterns"])
    p.add_argument("id", nargs="?", metavar="ID", help="one pattern id, e.g. gluteus-medius")
    p.add_argument("--body", choices=("male", "female"), help="coordinates on this body's chart (default male)")
    p.add_argument("--chart", type=int, metavar="N", help="the chart number (default: the body's current chart)")
    _format_option(p)
    _library_option(p)

    p = sub.add_parser("compare", description=COMMANDS["compare"])
    p.add_argument("drawing", metavar="DRAWING", help="a .painmap.json drawing")
    p.add_argument("--pattern", metavar="ID", help="compare with this pattern only")
    p.add_argument("--with", dest="earlier", metavar="EARLIER", help="also say what changed since this drawing")
    p.add_argument(
        "--body",
        choices=("male", "female"),
        help="compare on this body's current chart, the drawing(s) carried onto it (default: the drawing's own body)",
    )
    _format_option(p)
    _library_option(p)

    p = sub.add_parser("render", description=COMMANDS["render"])
    p.add_argument("drawing", nargs="?", metavar="DRAWING", help="a .painmap.json drawing (report)")
    p.add_argument("--pattern", metavar="ID", help="a pattern sheet instead of a drawing report")
    p.add_argument("--trigger-point", metavar="TRP", help="with --pattern: only this trigger point (e.g. trp2)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.png, OUT.pdf or OUT.svg")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="page size (default a4)")
    p.add_argument(
        "--figure",
        choices=("sheet", "slide"),
        default="sheet",
        help="with --pattern: a printable sheet (default) or a 16:9 slide (diagram only, chart 2)",
    )
    p.add_argument("--body", choices=("male", "female"), help="the body chart to draw on (default: male)")
    p.add_argument("--chart", type=int, metavar="N", help="the chart number (default: the body's current one)")
    p.add_argument("--dpi", type=int, metavar="N", help="PNG resolution (default 150)")
    _lang_option(p)
    _library_option(p)

    p = sub.add_parser("aggregate", description=COMMANDS["aggregate"])
    p.add_argument("paths", nargs="+", metavar="PATH", help="drawing files, folders or globs")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.png",
        help="the frequency map (with --group-by: the difference map)",
    )
    p.add_argument("--csv", metavar="OUT.csv", help="one row per input file")
    p.add_argument("--pattern", metavar="ID", help="outline this pattern on the map")
    p.add_argument("--strict", action="store_true", help="stop at the first bad file")

    _library_option(p)
    from painmap.commands.aggregate import add_options

    add_options(p)

    p = sub.add_parser("timeline", description=COMMANDS["timeline"])
    p.add_argument("paths", nargs="+", metavar="PATH", help="one person's drawing files or folders")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.pdf, OUT.png or OUT.svg")
    p.add_argument(
        "--body",
        choices=("male", "female"),
        help="show every drawing on this body's current chart, carried onto it (default: the drawings' own body, "
        "or the first drawing's when they differ)",
    )
    _lang_option(p)
    for name in NEW_COMMANDS:
        importlib.import_module(f"painmap.commands.{name}").add_parser(sub, COMMANDS[name])
    importlib.import_module("painmap.commands.choir_io").add_parsers(sub, COMMANDS)
    return parser


def _lang_option(p: argparse.ArgumentParser) -> None:
    """`--lang CODE`: the language of the figure's texts (the command's own messages stay English)."""
    p.add_argument("--lang", metavar="CODE", help="language of the figure's texts: en (default) or es")


def app_arguments(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """`painmap [FILE] [Qt options]`: (FILE or None, the rest for Qt). `main` has sent anything that begins with an
    option to the full parser already, so the first argument is the file. Split by hand: an argparse parser here
    loads gettext and locale for its messages (~3 ms of the app's start, D84)."""
    return (argv[0], list(argv[1:])) if argv else (None, [])


def _run_app(argv: Sequence[str]) -> int:
    from painmap.app.gc_hold import hold
    from painmap.app.plain_import import plain_import  # before PySide, whose import hook would read its source
    from painmap.app.pyside_code_cache import support_code_cached

    hold()  # no cyclic collections while the app starts; StartUp releases them (painmap.app.gc_hold, D83)
    file, qt_args = app_arguments(argv)
    with support_code_cached():  # PySide's support modules without compiling them (painmap.app.pyside_code_cache)
        import PySide6.QtCore  # noqa: F401  (Qt is loaded only for the app; PySide's import hook is in place after it)

    with plain_import():  # the app's modules without PySide's source scan (painmap.app.plain_import)
        from painmap.app.crash_dialog import run_reporting_fatal
        from painmap.app.launch import launch

    return run_reporting_fatal(launch, file, qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `painmap` and `python -m painmap`."""
    use_one_blas_thread()  # before numpy is first imported, here or in a worker process started from here
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version", *INSTALL_OPTIONS)):
            if argv and argv[0].startswith("-"):
                build_parser().parse_args(argv)  # unknown option: one-line usage error
            return _run_app(argv)
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:  # one of INSTALL_OPTIONS
            return int(importlib.import_module("painmap.commands.desktop").run(args))
        for option in INSTALL_OPTIONS:
            if getattr(args, option[2:].replace("-", "_")):
                parser.error(f"{option} takes no command")
        module = importlib.import_module(f"painmap.commands.{MODULES.get(args.command, args.command)}")
        return int(module.run(args))
    except PainmapError as err:
        sys.stderr.write(f"painmap: {err}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("painmap: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a bug of ours: one line, the traceback only on request
        if os.environ.get("PAINMAP_DEBUG"):
            raise
        sys.stderr.write(f"painmap: internal error: {type(err).__name__}: {err} (set PAINMAP_DEBUG=1 for details)\n")
        return EXIT_INTERNAL
