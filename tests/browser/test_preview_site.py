"""A pull-request preview as reviewers open it: built by `python -m journeymaps.preview` for its
URL under a sub-path, published by `journeymaps.preview.deploy` into a gh-pages tree next to a
production site, and served the way GitHub Pages serves a project site. From the preview's home,
a changed map and the changes page, every link inside the preview answers (no 404), and search
finds the changed map under the sub-path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from pages_server import serve_like_pages
from preview_repo import NEW_TITLE, pull_request, retitle_map, start_pull_request

from journeymaps.preview.deploy import place

SITE_PATH = "/journeymaps/"
PREVIEW_PATH = f"{SITE_PATH}pr-preview/pr-7/"
MAP = "online-banking"


def _build_preview(tmp: Path, project: Path) -> Path:
    """A repository whose pull request retitles one map; its preview built for PREVIEW_PATH."""
    gh = start_pull_request(tmp / "gh", project)
    retitle_map(gh)
    pull_request(gh)
    out = tmp / "out"
    proc = subprocess.run([sys.executable, "-m", "journeymaps.preview", "--repo", str(gh), "--base", "main",
                           "--head", "pr", "--out", str(out), "--today", "2026-11-23",
                           "--site-url", f"https://journeymaps.github.io{PREVIEW_PATH}"], capture_output=True, text=True)
    log = out / "build.log"
    assert proc.returncode == 0, log.read_text(encoding="utf-8") if log.exists() else proc.stderr
    return out / "site"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, repo: Path):
    tmp = tmp_path_factory.mktemp("preview")
    site = _build_preview(tmp, repo)
    root = tmp / "root"
    branch = root / SITE_PATH.strip("/")  # the gh-pages work tree, served under /journeymaps/
    branch.mkdir(parents=True)
    (branch / "index.html").write_text("<h1>production</h1>", encoding="utf-8")
    (branch / "404.html").write_text("<h1>404 production</h1>", encoding="utf-8")
    place(branch, site, 7)
    with serve_like_pages(root, branch / "404.html") as origin:
        yield origin


def _open(make_page, url: str):
    page = make_page()
    bad: list[str] = []
    page.on("response", lambda r: r.status >= 400 and bad.append(f"{r.url}: {r.status}"))
    page.on("requestfailed", lambda r: bad.append(f"{r.url}: {r.failure}"))
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    return page, bad


@pytest.mark.parametrize("start", ["", f"maps/{MAP}/", "changes/"])
def test_every_link_inside_the_preview_answers(make_page, pages, start, console_errors, blocked_requests) -> None:
    page, bad = _open(make_page, f"{pages}{PREVIEW_PATH}{start}")
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
    inside = sorted({h.split("#")[0] for h in hrefs if urlsplit(h).netloc == urlsplit(pages).netloc})
    assert inside, "no links"
    escaped = [h for h in inside if not urlsplit(h).path.startswith(PREVIEW_PATH)]
    assert not escaped, f"links that leave the preview: {escaped}"
    for url in inside:
        assert page.request.get(url).status == 200, url
    assert not bad, bad  # stylesheets, scripts and pictures all loaded
    assert not console_errors and not blocked_requests


def test_the_changes_page_shows_the_pictures_and_leads_to_the_map(make_page, pages) -> None:
    page, bad = _open(make_page, f"{pages}{PREVIEW_PATH}changes/")
    assert page.locator("h1").inner_text() == "Changes in this pull request"
    widths = page.locator("img").evaluate_all("els => els.map(e => e.naturalWidth)")
    assert len(widths) == 3 and all(w > 0 for w in widths)  # overlay, before, after: drawn
    page.get_by_role("link", name="open the map page").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"{PREVIEW_PATH}maps/{MAP}/"
    assert NEW_TITLE in page.locator("h1").first.inner_text()
    assert not bad, bad


def test_search_under_the_sub_path_finds_the_changed_map(make_page, pages, console_errors) -> None:
    page, _ = _open(make_page, f"{pages}{PREVIEW_PATH}")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("() => !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.locator("input.md-search__input").type("online bank", delay=30)
    page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    found = [h for h in hrefs if urlsplit(h).path == f"{PREVIEW_PATH}maps/{MAP}/"]
    assert found, hrefs
    assert page.request.get(urljoin(page.url, found[0])).status == 200
    assert not console_errors
