"""`painmap atlas [--format text|json]`: the views, regions and landmarks of the body chart."""

from __future__ import annotations

import argparse
import json
import sys

from painmap.atlas import format_text, load_atlas, to_json


def run(args: argparse.Namespace) -> int:
    """Print the atlas as text (for people) or JSON (the DESIGN.md `atlas` shape); 0 on success."""
    atlas = load_atlas()
    if getattr(args, "format", "text") == "json":
        json.dump(to_json(atlas), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(atlas) + "\n")
    return 0
