"""The MkDocs plugin and `journeymaps generate` publish the same pages.

The plain docs tree from `generate`, built by MkDocs with no journeymaps plugin (as Zensical or
any engine that runs no MkDocs plugins would get it), gives byte-identical pages and files to
the plugin's in-memory build, except for the edit button, which only the plugin can point at
the map's YAML file.
"""

from __future__ import annotations

import re
from contextlib import redirect_stderr
from io import StringIO
from pathlib import Path

import pytest
from needs import need_module
from sitebuild import REPO, TODAY

from journeymaps.cli import main

_EDIT = re.compile(r'<a href="[^"]*" title="[^"]*" class="md-content__button md-icon" rel="edit"[^>]*>.*?</a>', re.S)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    work = tmp_path_factory.mktemp("plain")
    with redirect_stderr(StringIO()) as said:
        assert main(["generate", "--root", str(REPO), "--out", str(work / "docs"),
                     "--engine-config", str(work / "mkdocs.yml"), "--today", TODAY]) == 0
    (work / "said.txt").write_text(said.getvalue(), encoding="utf-8")
    # One config per language; the default language's build first (it empties the site folder).
    for name in ("mkdocs.yml", "mkdocs.zh.yml", "mkdocs.pl.yml"):
        config = load_config(str(work / name))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    return work


def _without_edit_button(page: str) -> str:
    # The template leaves a few blank lines where the button was: drop whitespace-only lines.
    return "\n".join(line for line in _EDIT.sub("", page).splitlines() if line.strip())


def _files(site: Path) -> dict[str, bytes]:
    skip = ("search/", "sitemap.xml", "assets/")
    out = {}
    for p in site.rglob("*"):
        rel = p.relative_to(site).as_posix()
        inner = rel.split("/", 1)[1] if rel.startswith(("zh/", "pl/")) else rel  # each language's own site
        if p.is_file() and not inner.startswith(skip):
            out[rel] = p.read_bytes()
    return out


def test_generate_writes_a_docs_tree_per_language(plain_site: Path, project) -> None:
    for lang in ("en", "zh", "pl"):
        docs = plain_site / "docs" / lang
        for e in project.maps:  # every map in every language's tree (untranslated ones as they are)
            for name in ("index.md", "playbook.md", f"{e.map.id}.svg", f"{e.map.id}.json", f"{e.map.id}.mmd"):
                assert (docs / "maps" / e.map.id / name).is_file(), (lang, name)
            for name in (f"{e.map.id}.png", f"{e.map.id}.pdf"):  # the reader's browser makes them (no --png)
                assert not (docs / "maps" / e.map.id / name).exists(), (lang, name)
    said = (plain_site / "said.txt").read_text(encoding="utf-8")  # no count of pictures nobody drew
    assert said.startswith("journeymaps generate: ") and "in 3 languages" in said and "PNG" not in said
    zh_config = (plain_site / "mkdocs.zh.yml").read_text(encoding="utf-8")
    assert "language: zh" in zh_config and "site_dir: site/zh" in zh_config


def test_generate_with_png_writes_the_pictures_cairo_draws(project_copy, project, tmp_path: Path) -> None:
    root = project_copy()
    with redirect_stderr(StringIO()) as said:
        assert main(["generate", "--root", str(root), "--out", str(tmp_path / "docs"), "--png", "--today", TODAY]) == 0
    counts = re.search(r"\((\d+) PNG and (\d+) PDF rendered, (\d+) from cache\)", said.getvalue())
    assert counts, said.getvalue()  # every map's PNG and poster in each language's tree: drawn or cached
    assert sum(map(int, counts.groups())) == 2 * 3 * len(project.maps)
    for e in project.maps:
        folder = tmp_path / "docs" / "en" / "maps" / e.map.id
        assert (folder / f"{e.map.id}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (folder / f"{e.map.id}.pdf").read_bytes()[:5] == b"%PDF-"
        assert f'<a href="{e.map.id}.png">' in (folder / "index.md").read_text(encoding="utf-8")  # a link, no button


def test_both_engines_publish_the_same_pages(plain_site: Path, site_dir: Path) -> None:
    plugin, plain = _files(site_dir), _files(plain_site / "site")
    assert sorted(plugin) == sorted(plain)
    differing = []
    for name, data in plugin.items():
        if name.endswith(".html"):
            a, b = (_without_edit_button(x.decode("utf-8")) for x in (data, plain[name]))
            same = a == b
        else:
            same = data == plain[name]
        if not same:
            differing.append(name)
    assert not differing, f"pages differ between the plugin and the plain tree: {differing[:10]}"


def test_plugin_sets_edit_links_to_the_yaml(site_dir: Path, project) -> None:
    for e in project.maps:
        page = (site_dir / "maps" / e.map.id / "index.html").read_text(encoding="utf-8")
        (edit,) = _EDIT.findall(page)
        assert edit.split('"')[1].endswith("/" + e.display)


def test_generate_refuses_a_foreign_folder(tmp_path: Path, capsys) -> None:
    (tmp_path / "mine.md").write_text("my own docs\n")
    assert main(["generate", "--root", str(REPO), "--out", str(tmp_path)]) == 2
    assert (tmp_path / "mine.md").read_text() == "my own docs\n"
    assert "not written by journeymaps generate" in capsys.readouterr().err


def test_properdocs_builds_the_site_with_the_plugin(project_copy, tmp_path: Path) -> None:
    """ProperDocs, the MkDocs 1.x fork, loads the same `mkdocs.plugins` entry point."""
    import shutil
    import subprocess
    import sys

    need_module("properdocs")
    exe = Path(sys.executable).with_name("properdocs")
    exe = str(exe) if exe.exists() else shutil.which("properdocs")
    assert exe, "the properdocs package is installed but its command is not on PATH"
    root = project_copy()
    out = subprocess.run([exe, "build", "--strict", "-d", str(tmp_path / "site")], cwd=root,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    page = (tmp_path / "site" / "maps" / "online-banking" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in page and "/edit/main/maps/banking/online-banking.yaml" in page
