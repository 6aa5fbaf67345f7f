"""The two Markdown speed-ups of the MkDocs front-end change no byte of the site.

`idle_patterns` skips the inline patterns a page cannot match, and `ReusedMarkdown` keeps one
converter for the build instead of one per page. The repository's site (every language) is built
once with both and once with neither, and every file is compared.
"""

from __future__ import annotations

import filecmp
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
