"""import-linter contract types of painmap (pyproject.toml `[tool.importlinter]`, run by `./dev test`).

`core`: every module of the root package except the ones listed in `outside` (and their descendants) is core,
so a module added later is core by default. No core module imports a module of `forbidden` (directly or through
other modules), nor, directly, one of `forbidden_external` (a submodule of an external package, which
import-linter's own forbidden contract cannot name: e.g. PySide6.QtWidgets while PySide6.QtGui is allowed).
A core module reaches such a submodule only by importing it or another core module that does, so checking every
core module's direct imports covers the indirect ones too.
"""

from __future__ import annotations

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

__all__ = ["CoreContract"]


def _within(module: str, packages: set[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _names(line: str, target: str) -> bool:
    """Whether an import line imports `target` (`import a.b`, `from a.b import x`, `from a import b`)."""
    package, _, sub = target.partition(".")
    words = line.replace(",", " ").split()
    if words[:1] == ["import"]:
        return any(w == target or w.startswith(target + ".") for w in words[1:])
    if words[:1] == ["from"] and len(words) > 2:
        source = words[1]
        if source == target or source.startswith(target + "."):
            return True
        return source == package and sub in words[3:]
    return False


class CoreContract(Contract):
    """The core of a package (all but `outside`) imports none of `forbidden` nor `forbidden_external`."""

    type_name = "core"

    root = fields.StringField()
    outside = fields.ListField(subfield=fields.StringField())
    forbidden = fields.ListField(subfield=fields.StringField())
    forbidden_external = fields.ListField(subfield=fields.StringField(), required=False)

    def core_modules(self, graph: ImportGraph) -> list[str]:
        root = str(self.root)
        outside = {str(m) for m in self.outside}  # type: ignore[attr-defined]
        return sorted(m for m in graph.modules if (m == root or m.startswith(root + ".")) and not _within(m, outside))

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        core = self.core_modules(graph)
        forbidden = [str(m) for m in self.forbidden]  # type: ignore[attr-defined]
        external = [str(m) for m in (self.forbidden_external or [])]  # type: ignore[attr-defined]
        chains: list[tuple[str, ...]] = []
        for module in core:
            for target in forbidden:
                if target in graph.modules:  # the root package contains the target: treat it as a module
                    packages = module != str(self.root)
                    chains += sorted(graph.find_shortest_chains(module, target, as_packages=packages))
            for target in external:
                package = target.split(".")[0]
                if package not in graph.find_modules_directly_imported_by(module):
                    continue
                for detail in graph.get_import_details(importer=module, imported=package):
                    if _names(detail["line_contents"], target):
                        where = f"line {detail['line_number']}: {detail['line_contents']}"
                        chains.append((module, f"{target} ({where})"))
        unique = sorted(set(chains))
        return ContractCheck(kept=not unique, metadata={"chains": unique, "core": len(core)})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for chain in check.metadata["chains"]:
            output.print_error(" -> ".join(chain))
        output.new_line()
