"""A site restyles its pages (here the map page and the playbook) from theme/journeymaps/ without forking: its template wins, can
extend the default one block at a time, runs sandboxed, and a broken one is reported with its
file and line, not a traceback."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.pages.map_page import map_page
from journeymaps.pages.playbook import playbook_page
from journeymaps.pages.site import context_of
from journeymaps.pages.templates import TemplateProblem, Templates

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def banking(project):
    return next(e for e in project.maps if e.map.id == "online-banking")


def _page(entry, project, folder: Path | None) -> str:
    ctx = dataclasses.replace(context_of(project), templates=Templates(folder))
    return map_page(entry, ctx).content


def test_without_overrides_the_page_is_the_default(banking, project) -> None:
    assert (REPO / "theme" / "journeymaps").is_dir() is False
    assert _page(banking, project, None) == map_page(banking, context_of(project)).content


def test_an_override_extends_the_default_one_block_at_a_time(banking, project, tmp_path: Path) -> None:
    (tmp_path / "map_page.md").write_text(
        '{% extends "default/map_page.md" %}\n'
        "{% block head %}{{ super() }}\n!!! note \"Owned by the CX guild\"\n{% endblock %}\n"
        "{% block downloads %}{% endblock %}\n", encoding="utf-8")
    default, custom = _page(banking, project, None), _page(banking, project, tmp_path)
    assert '!!! note "Owned by the CX guild"' in custom
    assert "{#downloads}" in default and "{#downloads}" not in custom
    # Everything else is the default page, in the same order.
    assert custom.split("## ")[2:] == [p for p in default.split("## ")[2:] if "{#downloads}" not in p]


def test_values_reach_a_replacement_template_escaped(banking, project, tmp_path: Path) -> None:
    hostile = dataclasses.replace(banking, map=banking.map.model_copy(update={"title": "<script>x</script>{: onclick=y}"}))
    (tmp_path / "map_page.md").write_text("# {{ title }}\n", encoding="utf-8")
    page = _page(hostile, project, tmp_path)
    assert "<script>" not in page.split("---", 2)[2] and "{: onclick" not in page.split("---", 2)[2]


@pytest.mark.parametrize("template, line, what", [
    ("# {{ title }}\n\n{{ w.__globals__ }}\n", 3, "sandboxed"),
    ("# {{ title }}\n{% block head %}\n", 2, "block"),
    ("# {{ title }}\n\n\n{{ no_such_value }}\n", 4, "no_such_value"),
])
def test_a_broken_template_names_its_file_and_line(banking, project, tmp_path: Path, template: str, line: int,
                                                   what: str) -> None:
    folder = tmp_path / "theme" / "journeymaps"
    folder.mkdir(parents=True)
    (folder / "map_page.md").write_text(template, encoding="utf-8")
    with pytest.raises(TemplateProblem) as info:
        _page(banking, project, folder)
    message = str(info.value)
    assert message.startswith(f"theme/journeymaps/map_page.md:{line}: page template error: ")
    assert what in message and "delete it to use the default" in message


def test_generate_reports_a_broken_site_template_and_writes_nothing(tmp_path: Path, capsys) -> None:
    root = tmp_path / "site"
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(REPO / "maps", root / "maps")
    (root / "theme" / "journeymaps").mkdir(parents=True)
    (root / "theme" / "journeymaps" / "map_page.md").write_text("{{ w.__class__.__mro__ }}\n", encoding="utf-8")
    out = tmp_path / "docs"
    code = main(["generate", "--out", str(out), "--root", str(root), "--no-png", "--today", "2026-11-23"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("journeymaps: theme/journeymaps/map_page.md:1: page template error:")
    assert "Traceback" not in err and not out.exists()


def test_the_readme_example_works_as_described(banking, project, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("```jinja\n", 1)[1].split("```", 1)[0]
    (tmp_path / "playbook.md").write_text(example, encoding="utf-8")
    default = playbook_page(banking, context_of(project)).content
    page = playbook_page(banking, dataclasses.replace(context_of(project), templates=Templates(tmp_path))).content
    ranked = page.split("{#ranked}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in ranked.splitlines() if line.startswith("|")]
    assert rows[0] == "| # | Opportunity | Priority | Owner |"
    default_ranked = default.split("{#ranked}", 1)[1].split("\n## ", 1)[0]
    assert len(rows) == len([line for line in default_ranked.splitlines() if line.startswith("|")]) > 3
    assert all(line.count(" | ") == 3 for line in rows)
    # The rest of the playbook is the default's.
    assert page.split("{#ranked}")[0] == default.split("{#ranked}")[0]
    assert page.split("{#matrix}")[1] == default.split("{#matrix}")[1]
