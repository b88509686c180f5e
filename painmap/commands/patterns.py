"""`painmap patterns [ID] [--body male|female] [--chart N] [--format text|json]`: the referral-pattern library, or
one pattern in full, with its trigger points and zones in millimetres of that chart (default: the male body's
current chart, as `atlas`); patterns are authored once and carried onto each chart by the landmark warp."""

from __future__ import annotations

import json
import sys
import textwrap
from argparse import Namespace

from painmap.errors import UnknownIdError
from painmap.patterns import Pattern, PatternLibrary, library_to_json, load_patterns, zone_regions

WIDTH = 100


def run(args: Namespace) -> int:
    """Print the library (or one pattern); load problems go to stderr as one-line warnings."""
    from painmap.atlas import load_atlas

    atlas = load_atlas(body=getattr(args, "body", None), chart=getattr(args, "chart", None))
    library = load_patterns(atlas)
    if getattr(args, "library", None):  # --library DIR: learned patterns, validated like the stored ones
        from painmap.library import extend_library, missing_library_folders

        missing_library_folders(args.library)
        library = extend_library(library, atlas, args.library)
    for problem in library.problems:
        sys.stderr.write(f"painmap: warning: pattern not loaded: {problem}\n")
    pattern_id = getattr(args, "id", None)
    if pattern_id:
        pattern = _get(library, pattern_id)
        if args.format == "json":
            data = _on_chart(library_to_json(PatternLibrary({pattern.id: pattern}, library.problems)), atlas)
            sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(describe(pattern, atlas))
        return 0
    if args.format == "json":
        sys.stdout.write(json.dumps(_on_chart(library_to_json(library), atlas), indent=1, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(table(library))
    return 0


def _on_chart(data: dict, atlas) -> dict:
    """The JSON document with the chart its coordinates are on ("body", "chart") first."""
    from painmap.chart_versions import chart_of

    body, chart = chart_of(atlas)
    return {"body": body, "chart": chart, **data}


def _get(library: PatternLibrary, pattern_id: str) -> Pattern:
    """The pattern, or UnknownIdError that says why when its folder failed to load."""
    for problem in library.problems:
        if problem.pattern == pattern_id and pattern_id not in library:
            raise UnknownIdError(f"pattern {pattern_id!r} did not load: {problem.message}")
    return library.get(pattern_id)


def table(library: PatternLibrary) -> str:
    """The library as a table, one pattern per line."""
    rows = [("ID", "NAME", "KIND", "TrPs", "ZONES (E/S)", "VIEWS")]
    for p in library:
        essential = sum(z.kind == "essential" for z in p.zones)
        zones = f"{essential}/{len(p.zones) - essential}"
        rows.append((p.id, p.name, p.kind, str(len(p.trigger_points)), zones, ", ".join(p.views)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1] for r in rows]
    lines.append("")
    lines.append(
        f"{len(library)} patterns, stored for the patient's right side and mirrored for the left. "
        "'painmap patterns ID' shows one in full."
    )
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )


def _bullets(items: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for item in items:
        out += textwrap.wrap(" ".join(item.split()), WIDTH, initial_indent="  - ", subsequent_indent="    ")
    return out


def describe(pattern: Pattern, atlas) -> str:
    """One pattern in full: facts, trigger points, zones with the atlas regions they touch, sources."""
    lines = [f"{pattern.name} ({pattern.id}) - {pattern.kind}", ""]
    if pattern.innervation:  # a learned pattern has none
        lines += [f"Innervation: {pattern.innervation}"]
    if pattern.action:
        lines += ["Action:", *_wrap(pattern.action)]
    lines += ["Where the pain goes:", *_wrap(pattern.summary)]
    sections = (
        ("Aggravated by", pattern.aggravating),
        ("Started or kept going by", pattern.perpetuating),
        ("Examination", pattern.examination),
        ("Look-alikes to consider", pattern.differentials),
        ("Widely agreed self-care (information, not a prescription)", pattern.self_care),
        ("Notes", pattern.notes),
    )
    for title, items in sections:
        if items:
            lines += [f"{title}:", *_bullets(items)]
    if pattern.trigger_points or pattern.kind != "learned":
        from painmap.commands.chart_choice import chart_words

        lines += ["", f"Trigger points ({len(pattern.trigger_points)}; millimetres on {chart_words(atlas)}):"]
    for tp in pattern.trigger_points:
        lines.append(f"  {tp.label:<26} {tp.view} view at ({tp.x:.0f}, {tp.y:.0f}) mm")
        if tp.note:
            lines += _wrap(tp.note, "    ")
    lines += ["", f"Zones ({len(pattern.zones)}; shapes for the {pattern.side} side, mirrored for the other):"]
    labels = {tp.id: tp.label for tp in pattern.trigger_points}
    for zone in pattern.zones:
        tags = [zone.kind, labels.get(zone.trigger_point, "whole pattern"), f"{zone.view} view"]
        if zone.bilateral:
            tags.append("both sides")
        if zone.weight < 1.0:
            tags.append(f"weight {zone.weight:g}")
        lines.append(f"  {zone.label or zone.id}: {', '.join(tags)}")
        touched = "touches " + ", ".join(rid for rid, _ in zone_regions(zone, atlas))
        if zone.bilateral:
            touched += ", and the same regions on the other side"
        lines += textwrap.wrap(touched, WIDTH, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False)
    lines += ["", "Sources:"]
    for i, source in enumerate(pattern.sources, 1):
        lines += textwrap.wrap(source, WIDTH, initial_indent=f"  {i}. ", subsequent_indent="     ")
    lines += ["", "This is teaching material about typical patterns; it does not diagnose."]
    return "\n".join(lines) + "\n"
