"""Words of a PDF with their boxes (poppler's `pdftotext -bbox`) and the pairs whose boxes overlap."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE = re.compile(r"<page ")
TOLERANCE = 0.3  # points: boxes may touch (lines set solid), not overlap


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(pdf: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page, chunk in enumerate(_PAGE.split(out)[1:], start=1):
        for m in _WORD.finditer(chunk):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            found.append(Word(page, html.unescape(m.group(5)), x0, y0, x1, y1))
    return found


def overlaps(found: list[Word], tolerance: float = TOLERANCE) -> list[tuple[Word, Word]]:
    """Pairs of words on the same page whose boxes overlap by more than `tolerance` both ways."""
    pairs = []
    ordered = sorted(found, key=lambda w: (w.page, w.x0))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.page != a.page or b.x0 >= a.x1 - tolerance:
                break
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance:
                pairs.append((a, b))
    return pairs
