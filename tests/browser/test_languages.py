"""The per-language sites in headless Chromium: each language's search finds its own words on the
right page, and the language selector in the header keeps the reader on the same map."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402

SEARCHES = [("zh/", "漏斗", "online-banking-zh"), ("pl/", "ćwiczy", "fitness-app-pl"),
            ("pl/", "społeczność", "fitness-app-pl")]


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


@pytest.mark.parametrize("site, word, map_id", SEARCHES)
def test_search_in_a_language_site_finds_its_map(make_page, base, site, word, map_id, console_errors) -> None:
    page = make_page()
    page.goto(base + site)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    meta = page.locator(".md-search-result__meta")
    # The index loads in a web worker; a query typed before it is ready is not run.
    # (Material's "Initializing search" in the site's language: 正在初始化搜索引擎, Inicjowanie wyszukiwania)
    page.wait_for_function("() => !/Initializing|初始化|Inicjowanie/i.test("
                           "document.querySelector('.md-search-result__meta').textContent)")
    box = page.locator("input.md-search__input")
    box.type(word, delay=30)
    box.press("End")  # Han text arrives without a key release; Material searches on key events
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item a').length > 0")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    # Found on the map's page in this language's own site (its index, not the English one).
    assert any(h.startswith(f"{base}{site}maps/{map_id}/") for h in hrefs), (word, meta.inner_text(), hrefs)
    assert not console_errors


def _choose_language(page, lang: str) -> None:
    """Open the header's language menu as a reader does (it opens while hovered) and pick one."""
    page.locator(".md-header__option .md-select button").first.hover()
    link = page.locator(f'a.md-select__link[hreflang="{lang}"]')
    link.wait_for(state="visible")
    with page.expect_navigation(wait_until="networkidle"):
        link.click()


def test_switching_language_keeps_the_reader_on_the_same_map(make_page, base, console_errors,
                                                             blocked_requests) -> None:
    page = make_page()
    # networkidle: Material's script has fetched the other sites' sitemaps and would now take
    # over a click into another language (see theme/partials/alternate.html).
    page.goto(f"{base}maps/online-banking/", wait_until="networkidle")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    _choose_language(page, "zh")
    assert page.url == f"{base}zh/maps/online-banking-zh/"
    assert page.evaluate("() => document.documentElement.lang") == "zh"
    assert "开立并用好一个网上银行账户" in page.locator("article h1").inner_text()
    # The Polish site has no translation of this map: the English one, in the Polish site, marked.
    _choose_language(page, "pl")
    assert page.url == f"{base}pl/maps/online-banking/"
    assert page.evaluate("() => document.documentElement.lang") == "pl"
    assert "nie przetłumaczono" in page.locator("article").inner_text()
    assert not console_errors and not blocked_requests


def test_polish_page_text_is_drawn_with_a_latin_font(make_page, base) -> None:
    """Issue 11: with the CJK font first, Chromium drew Polish text with it and the accents came
    apart. Chromium's DevTools protocol reports the font it actually used for a node's text."""
    page = make_page()
    page.goto(f"{base}pl/maps/fitness-app-pl/", wait_until="networkidle")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    assert node, "no heading on the Polish map page"
    fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    assert fonts and fonts[0] == "Noto Sans", fonts
