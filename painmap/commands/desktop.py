"""`painmap --example-path`: options that act on this installation rather than on a drawing."""

from __future__ import annotations

import argparse
import sys

from painmap.resources import example_path


def run(args: argparse.Namespace) -> int:
    """Carry out the one installation option given; 0 on success."""
    if args.example_path:
        sys.stdout.write(f"{example_path()}\n")
        return 0
    raise AssertionError("painmap.commands.desktop.run called without an installation option")
