"""`painmap atlas [--body male|female] [--chart N] [--format text|json]`: the views, regions, landmarks and
anatomy of a body chart."""

from __future__ import annotations

import argparse
import json
import sys

from painmap.atlas import format_text, load_atlas, to_json


def run(args: argparse.Namespace) -> int:
    """Print the atlas as text (for people) or JSON (the DESIGN.md `atlas` shape); 0 on success."""
    atlas = load_atlas(body=getattr(args, "body", None), chart=getattr(args, "chart", None))
    if getattr(args, "format", "text") == "json":
        json.dump(to_json(atlas), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(atlas) + "\n")
    return 0
