"""The 404 page works when the site lives under a sub-path: every file it loads or links resolves.

404.html is served for a missing URL at any depth, so its links cannot be relative; MkDocs writes
them from the path of `site_url` (JOURNEYMAPS_SITE_URL in mkdocs.yml, set by the Pages workflow).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from subpath import PREFIX, build_under_subpath

MISSING = f"https://example.org{PREFIX}no/such/page/"  # where a reader meets the 404 page


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_under_subpath(tmp_path_factory.mktemp("pages"))


def _served(root: Path, url: str) -> Path | None:
    """The file a static server rooted at ``root`` answers for ``url`` on the same host."""
    path = urlsplit(url).path
    target = root / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def test_everything_the_404_page_references_resolves_under_the_sub_path(root: Path) -> None:
    page = (root / PREFIX.strip("/") / "404.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="([^"#]*)', page)
    local = [r for r in refs if not urlsplit(r).scheme]
    assert any(r.endswith(".css") for r in local) and any(r.endswith(".js") for r in local)
    unresolved = [r for r in local if r and _served(root, urljoin(MISSING, r)) is None]
    assert not unresolved, unresolved
    base = re.search(r'"base":\s*"([^"]*)"', page).group(1)  # Material's search and scripts start here
    assert _served(root, urljoin(urljoin(MISSING, base + "/"), "search/search_index.json"))


def test_a_plain_tree_carries_the_site_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """`journeymaps generate` resolves mkdocs.yml's `!ENV` site_url for engines that read its config."""
    import yaml

    from journeymaps.cli import main
    from sitebuild import REPO, TODAY

    monkeypatch.setenv("JOURNEYMAPS_SITE_URL", f"https://example.org{PREFIX}")
    assert main(["generate", "--root", str(REPO), "--out", str(tmp_path / "docs"), "--no-png",
                 "--engine-config", str(tmp_path / "mkdocs.yml"), "--today", TODAY]) == 0
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == f"https://example.org{PREFIX}"
