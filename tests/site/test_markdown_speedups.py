"""The two Markdown speed-ups of the MkDocs front-end change no byte of the site.

`idle_patterns` skips the inline patterns a page cannot match, and `ReusedMarkdown` keeps one
converter for the build instead of one per page. The repository's site (every language) is built
once with both and once with neither, and every file is compared.
"""

from __future__ import annotations

import filecmp
import json
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

from markdown.extensions import Extension

from journeymaps.cli import main
from journeymaps.engine import mkdocs_internals, mkdocs_plugin

from sitebuild import REPO, TODAY, built_site


class _NoSpeedup(Extension):
    def extendMarkdown(self, md) -> None:
        pass


def _differing(a: Path, b: Path) -> list[str]:
    out: list[str] = []
    cmp = filecmp.dircmp(a, b, ignore=["sitemap.xml.gz"])

    def walk(c: filecmp.dircmp, rel: str) -> None:
        out.extend(f"{rel}{n}" for n in c.left_only + c.right_only + c.diff_files)
        for name, sub in c.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(cmp, "")
    return out


def test_the_site_is_the_same_without_the_markdown_speedups(tmp_path: Path, monkeypatch):
    assert mkdocs_internals.render_problem() is None  # the reused converter is in use in built_site()
    fast = built_site()  # built (or cached) with both speed-ups
    monkeypatch.setattr(mkdocs_internals, "render_problem", lambda: "switched off by the test")
    monkeypatch.setattr(mkdocs_plugin, "IdlePatternsExtension", _NoSpeedup)
    out = tmp_path / "site"
    log = StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        code = main(["build", "--config-file", str(REPO / "mkdocs.yml"), "--out", str(out), "--today", TODAY])
    assert code == 0, log.getvalue()
    pages = list(out.rglob("*.html"))
    assert len(pages) > 100
    assert _differing(fast, out) == []


def test_an_unknown_mkdocs_page_renderer_is_named():
    from mkdocs.structure import pages

    saved = pages._ExtractTitleTreeprocessor
    try:
        del pages._ExtractTitleTreeprocessor
        assert "has no _ExtractTitleTreeprocessor" in (mkdocs_internals.render_problem() or "")
    finally:
        pages._ExtractTitleTreeprocessor = saved


def _build(root: Path, out: Path) -> None:
    log = StringIO()
    with redirect_stdout(log), redirect_stderr(log):
        code = main(["build", "--config-file", str(root / "mkdocs.yml"), "--out", str(out), "--today", TODAY])
    assert code == 0, log.getvalue()


def test_the_search_index_made_beside_the_build_is_materials_own(tmp_path: Path, monkeypatch):
    """One language on a machine with a core to spare: Material's indexing runs in a forked child,
    and the site, its search index included, is the same as when it runs in the build."""
    from sitebuild import copy_project

    root = copy_project(tmp_path / "project")
    settings = root / "site_config" / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    assert "languages: [en, zh, pl]" in text
    settings.write_text(text.replace("languages: [en, zh, pl]", "languages: [en]"), encoding="utf-8")
    made: list[object] = []
    real = mkdocs_internals.SearchBeside

    def spy(search):
        made.append(search)
        return real(search)

    with monkeypatch.context() as m:
        m.setattr(mkdocs_internals, "SearchBeside", spy)
        m.setattr("os.cpu_count", lambda: 2)
        _build(root, tmp_path / "beside")
    assert len(made) == 1
    with monkeypatch.context() as m:
        m.setattr("journeymaps.engine.forked.available", lambda: False)
        _build(root, tmp_path / "inline")
    index = json.loads((tmp_path / "beside" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > 100
    assert _differing(tmp_path / "beside", tmp_path / "inline") == []
