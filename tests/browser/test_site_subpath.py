"""The site under a sub-path in Chromium, served the way GitHub Pages serves a project site:
a missing URL at any depth answers 404 with the site's 404.html. The page must be styled, its
scripts must run, and nothing it loads may fail."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from pages_server import serve_like_pages  # noqa: E402
from subpath import PREFIX, build_under_subpath  # noqa: E402


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory):
    root = build_under_subpath(tmp_path_factory.mktemp("pages"))
    with serve_like_pages(root, root / PREFIX.strip("/") / "404.html") as origin:
        yield origin


def test_the_404_page_under_a_sub_path_is_styled_and_loads_everything(make_page, pages, console_errors,
                                                                      blocked_requests) -> None:
    page = make_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and failed.append(f"{r.url}: {r.status}"))
    response = page.goto(f"{pages}{PREFIX}no/such/page/", wait_until="networkidle")
    assert response.status == 404
    assert "404" in page.inner_text("article")
    assert not failed, failed
    # The document's own 404 is logged as a failed load; failed sub-resources are in `failed`.
    assert not [e for e in console_errors if "Failed to load resource" not in e], console_errors
    assert not blocked_requests
    # Material's stylesheet applied (a fixed-height sticky header) and its bundle ran.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("() => typeof window.document$") == "object"
    home = page.locator("a.md-header__button.md-logo").get_attribute("href")
    assert page.goto(f"{pages}{home}" if home.startswith("/") else home).status == 200
