"""The structure of the package: no import cycles, small modules, `__all__` on the core, one rule per question."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "painmap"
OUTSIDE_CORE = ("app", "figures", "commands", "report.py", "cli.py", "__main__.py", "__init__.py")
# No known cycle is left (the app's frequency_controller <-> frequency_window pair was removed: the aggregate job
# is in app/frequency_jobs.py). Nothing may join a cycle.
KNOWN_CYCLES: list[set[str]] = []


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """painmap modules imported anywhere in the file (functions too), except under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(sub) for sub in ast.walk(node))

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if name.startswith("painmap"):
                target = resolve(name)
                if target and target != "painmap":
                    found.add(target)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_among_painmap_modules():
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    cycles = _cycles(graph)
    assert [c for c in cycles if c not in KNOWN_CYCLES] == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]


def test_no_module_over_500_lines():
    sizes = {}
    for path in PACKAGE.rglob("*.py"):  # the core, the app, the figures and the commands alike
        sizes[str(path.relative_to(PACKAGE))] = len(path.read_text(encoding="utf-8").splitlines())
    assert {name: n for name, n in sizes.items() if n > 500} == {}


def test_every_core_module_declares_all():
    missing = []
    for path in PACKAGE.glob("*.py"):
        if path.name in OUTSIDE_CORE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if hasattr(t, "id")]
        if "__all__" not in names:
            missing.append(path.name)
    assert missing == []


def test_the_engine_cache_key_names_existing_modules():
    from painmap import engine_cache

    assert [name for name in engine_cache._BUILDERS if not (PACKAGE / name).is_file()] == []


def test_the_silhouette_is_the_union_of_its_outlines():
    """Overlapping outlines are both body (the atlas sums their areas; the exact point test or-s them)."""
    from painmap.grid import Grid
    from painmap.polygons import silhouette_image

    square = np.array([[10, 10], [50, 10], [50, 50], [10, 50]], dtype=float)
    other = square + 20  # overlaps the first on 30..50
    body = silhouette_image(Grid("v", 100.0, 100.0, 1.0), [square, other])
    assert body[40, 40] and body[20, 20] and body[65, 65] and not body[5, 5]


def test_patterns_check_zones_against_the_atlas_silhouette(atlas, library):
    """The pattern loader's fast inside-test uses the same silhouette pixels as the comparator."""
    from painmap import pattern_svg
    from painmap.atlas_masks import AtlasMasks

    view = atlas.view("posterior")
    body = AtlasMasks(atlas, 1.0).view("posterior").silhouette
    rows, cols = np.nonzero(body)
    inside = np.column_stack([cols[::997] + 0.5, rows[::997] + 0.5])
    assert pattern_svg._inside(atlas, view, inside)
    assert not pattern_svg._inside(atlas, view, np.array([[2.0, 2.0]]))


def test_polygon_path_is_built_once_per_polygon():
    from painmap.polygons import polygon_path

    poly = np.array([[0, 0], [10, 0], [10, 10]], dtype=float)
    a, b = polygon_path(poly), polygon_path(poly)
    assert a == b and a is not b  # copies of one cached path (callers may transform theirs)
    a.translate(5, 5)
    assert polygon_path(poly).boundingRect().left() == pytest.approx(0.0)
    assert polygon_path(poly.copy()).boundingRect() == b.boundingRect()
