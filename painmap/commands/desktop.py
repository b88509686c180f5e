"""`painmap --example-path | --install-desktop | --uninstall-desktop`: options that act on this installation."""

from __future__ import annotations

import argparse
import sys

from painmap.resources import example_path


def run(args: argparse.Namespace) -> int:
    """Carry out the one installation option given; 0 on success."""
    if args.example_path:
        sys.stdout.write(f"{example_path()}\n")
        return 0
    from painmap import desktop

    outcome = desktop.install() if args.install_desktop else desktop.uninstall()
    verb = "installed" if args.install_desktop else "removed"
    sys.stdout.write(f"painmap: {verb} {len(outcome.files)} desktop files under {outcome.data_home}\n")
    for path in outcome.files:
        sys.stdout.write(f"  {path.relative_to(outcome.data_home)}\n")
    if outcome.tools:
        sys.stdout.write(f"ran: {', '.join(outcome.tools)}\n")
    if outcome.failed_tools:
        sys.stderr.write(
            f"painmap: warning: these desktop tools failed (the files are in place): "
            f"{', '.join(outcome.failed_tools)}\n"
        )
    if args.install_desktop:
        sys.stdout.write(f"Exec: {' '.join(desktop.launch_command())}\n")
    return 0
