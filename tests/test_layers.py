"""Layers only import downward (issue 10 section 2).

The layer order is written down here and nowhere else. A module may import its own package
and any package on a lower line; packages on the same line are independent of each other.
Every import counts, including ones inside functions and under ``TYPE_CHECKING``: a lazy
upward import is still a cycle waiting to happen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "journeymaps"
SOURCE = Path(__file__).resolve().parents[1] / "generator" / PACKAGE

# Bottom first.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("", "core", "words"),                    # the package root (its version), shared values, text rules; the wording catalogue
    ("model",),                               # typed map, vocabulary and what a map inherits from it
    ("schema",),                              # the published JSON Schema, derived from the model
    ("load",),                                # files -> text -> YAML 1.2 values, site configuration
    ("check",),                               # validation and quality rules, findings per file
    ("project", "interchange", "scaffold"),   # a checked project; Mermaid in/out; new maps
    ("render",),                              # SVG and PNG pictures of one map
    ("diff",),                                # semantic/visual map diffs; a map's history from git
    ("pages",),                               # generated site pages (a map's history page reads the diff)
    ("engine", "preview", "lsp"),             # MkDocs and plain-tree front ends; PR previews; the language server
    ("commands",),                            # one module per CLI subcommand
    ("cli",),                                 # argument parsing, exit codes
    ("__main__",),                            # `python -m journeymaps`
)


def layer_of(part: str) -> int:
    for level, parts in enumerate(LAYERS):
        if part in parts:
            return level
    raise KeyError(part)


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    """Dotted name of a source file, and whether it is a package's ``__init__``."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def imports_of(path: Path, root: Path) -> list[tuple[str, int]]:
    """Absolute names of everything a file imports, with the line of each import."""
    name, is_package = module_name(path, root)
    package = name.split(".") if is_package else name.split(".")[:-1]
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, node.lineno))
    return found


def sub_package(dotted: str) -> str:
    """`journeymaps.check.rules` -> `check`; the root package itself -> ``""``."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else ""


def upward_edges(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        name, _ = module_name(path, root)
        here = sub_package(name)
        for target, line in imports_of(path, root):
            if target != root.name and not target.startswith(root.name + "."):
                continue
            there = sub_package(target)
            if there == here:
                continue
            where = f"{path.relative_to(root.parent)}:{line}"
            if layer_of(there) > layer_of(here):
                problems.append(f"{where}: {name} imports {target}, a higher layer ({there!r} is above {here!r})")
            elif layer_of(there) == layer_of(here):
                problems.append(f"{where}: {name} imports {target}; {here!r} and {there!r} share a layer and "
                                "must stay independent")
    return problems


def test_every_package_has_a_layer():
    packages = {p.name for p in SOURCE.iterdir() if (p / "__init__.py").exists()}
    modules = {p.stem for p in SOURCE.glob("*.py") if p.stem != "__init__"}
    placed = {part for parts in LAYERS for part in parts}
    missing = sorted((packages | modules) - placed)
    assert not missing, f"place {missing} in LAYERS in {Path(__file__).name}"


def test_layers_only_import_downward():
    problems = upward_edges(SOURCE)
    assert not problems, "upward or sideways imports:\n" + "\n".join(problems)


@pytest.mark.parametrize(("source", "expected"), [
    ("from ..render.svg import escape_text\n", "journeymaps.check.rules imports journeymaps.render.svg, a higher layer"),
    ("def later():\n    from journeymaps.pages import escape\n", "imports journeymaps.pages, a higher layer"),
    ("from ..project import Project\n", "'interchange' and 'project' share a layer"),
])
def test_an_upward_import_is_named(tmp_path, source, expected):
    """The walker sees relative, absolute and function-local imports, and says which edge is wrong."""
    root = tmp_path / PACKAGE
    for package in ("check", "render", "pages", "interchange", "project"):
        (root / package).mkdir(parents=True)
        (root / package / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    host = "interchange/mermaid.py" if "project" in source else "check/rules.py"
    (root / host).write_text(source)
    problems = upward_edges(root)
    assert len(problems) == 1 and expected in problems[0], problems
    assert problems[0].startswith(f"{PACKAGE}/{host}:")


ENGINE_ONLY = ("mkdocs", "material")  # the site engine's packages: behind engine/ and nowhere else


def engine_imports_outside_engine(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        name, _ = module_name(path, root)
        if sub_package(name) == "engine":
            continue
        for target, line in imports_of(path, root):
            if target.split(".")[0] in ENGINE_ONLY:
                problems.append(f"{path.relative_to(root.parent)}:{line}: {name} imports {target}; "
                                "only journeymaps.engine may use the site engine")
    return problems


def test_mkdocs_is_imported_in_engine_only():
    problems = engine_imports_outside_engine(SOURCE)
    assert not problems, "\n".join(problems)


def test_an_engine_import_outside_engine_is_named(tmp_path):
    root = tmp_path / PACKAGE
    (root / "commands").mkdir(parents=True)
    (root / "commands" / "build.py").write_text("def run():\n    from mkdocs.config import load_config\n")
    (root / "engine").mkdir()
    (root / "engine" / "plugin.py").write_text("import mkdocs.plugins\n")
    assert engine_imports_outside_engine(root) == [
        f"{PACKAGE}/commands/build.py:2: journeymaps.commands.build imports mkdocs.config; "
        "only journeymaps.engine may use the site engine"]
