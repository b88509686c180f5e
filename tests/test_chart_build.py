"""The chart-2 build is reproducible from the vendored data: a partial rebuild gives the committed bytes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANATOMY = ROOT / "tools" / "anatomy"
ELEMENT = re.compile(r'<(?:path|circle) id="([^"]+)"[^>]*/>')

pytest.importorskip("shapely")


@pytest.fixture(scope="module")
def builder():
    sys.path.insert(0, str(ANATOMY))
    try:
        import anatomy
        import build_chart
        import project
        import skin

        yield anatomy, build_chart, project, skin
    finally:
        sys.path.remove(str(ANATOMY))


def elements(text: str, layer: str) -> dict[str, str]:
    start = text.index(f'inkscape:label="{layer}"')
    end = text.index("</g>", start)
    return {m.group(1): m.group(0) for m in ELEMENT.finditer(text[start:end])}


@pytest.mark.slow
def test_rebuild_reproduces_the_committed_skin_regions_and_landmarks(builder, monkeypatch):
    """The female back view without its muscles: skin, landmarks, regions and the bones drawn with the muscles
    hidden (and their visible parts) do not depend on the muscles."""
    anatomy, build_chart, project, skin = builder
    monkeypatch.setitem(anatomy.MUSCLES, "posterior", ())
    body = project.Body(project.BODIES["female"])
    text, report = build_chart.build_view(body, skin.build_skin(body), "posterior")
    committed = (ROOT / "resources" / "atlas" / "charts" / "female-2" / "posterior.svg").read_text(encoding="utf-8")
    for layer in ("skin", "landmarks", "regions", "bones-alone", "structures-alone"):
        assert elements(text, layer) == elements(committed, layer), layer
    assert text.split("<g ", 1)[0] == committed.split("<g ", 1)[0]  # header: frame, focus, scale, credits
    assert report["width"] == 1000 and report["height"] == 1670
