"""The as-is / to-be compare page in headless Chromium: reached from the as-is map page, one
readable overlay per persona in light and dark, in every site language, no serious
accessibility problem, no console error, nothing fetched from outside."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402
from test_site import CONTRAST_JS, _toggle_to  # noqa: E402 - the same contrast measure as the map page

TO_BE = "online-banking-to-be"
HEADINGS = {"": "As-is and to-be", "zh/": "现状与目标对比", "pl/": "Stan obecny a stan docelowy"}


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


def test_reached_from_the_as_is_map_page(make_page, base, console_errors, blocked_requests) -> None:
    page = make_page()
    page.goto(f"{base}maps/online-banking/")
    page.get_by_role("link", name="Compare as-is and to-be").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"maps/{TO_BE}/compare/")
    assert page.locator("h1").inner_text().startswith("As-is and to-be")
    assert not console_errors and not blocked_requests


@pytest.mark.parametrize("prefix", list(HEADINGS))
def test_one_readable_overlay_per_persona_in_light_and_dark(make_page, base, screenshot, prefix, console_errors,
                                                            blocked_requests) -> None:
    page = make_page()
    page.goto(f"{base}{prefix}maps/{TO_BE}/compare/")
    assert HEADINGS[prefix] in page.locator("h1").inner_text()
    figures = page.locator(".jm-compare-curve svg")
    assert figures.count() == 2  # Maya and Robert
    for scheme in ("default", "slate"):
        _toggle_to(page, scheme)
        for i in range(figures.count()):
            fig = figures.nth(i)
            fig.scroll_into_view_if_needed()
            box = fig.bounding_box()
            assert box and box["width"] > 500 and box["height"] > 200, box
            assert fig.locator("polyline").count() == 2  # as-is and to-be
        page.locator("#emotion").scroll_into_view_if_needed()
        screenshot(page, f"compare-{prefix.strip('/') or 'en'}-{scheme}", full_page=False)
        found = page.evaluate(CONTRAST_JS, ".jm-compare-curve")
        assert len(found) > 8, found
        low = [f for f in found if f["ratio"] < 4.5]
        assert not low, f"{scheme}: text below 4.5:1 {low[:5]}"
    page.locator("#kpis").scroll_into_view_if_needed()
    screenshot(page, f"compare-{prefix.strip('/') or 'en'}-kpis", full_page=False)
    rows = page.locator(".jm-compare-kpis table tbody tr")
    assert rows.count() >= 10
    assert not console_errors and not blocked_requests


def test_no_serious_accessibility_violations(make_page, base, axe) -> None:
    page = make_page()
    page.goto(f"{base}maps/{TO_BE}/compare/")
    assert not axe(page, impacts=("serious", "critical"))
