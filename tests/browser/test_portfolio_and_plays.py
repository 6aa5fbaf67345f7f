"""The portfolio heat map on the home page and the plays on the canvas in headless Chromium
(issue 14 §3, §6): cells that lead to the stage on its map, the table alternative, a phone width
without page-wide sideways scrolling, readable in light and dark; a play card with its details.
Screenshots land in tests/artifacts/ to be looked at."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402

DESKTOP, PHONE = (1400, 900), (390, 844)
SCHEMES = ["light", "dark"]

PAGE_SCROLL_JS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


def test_a_heat_map_cell_opens_its_stage_on_its_map(make_page, base) -> None:
    page = make_page(viewport=DESKTOP)
    page.goto(base)
    cells = page.locator(".jm-heat a.jm-heat-cell")
    assert cells.count() == 15  # three journeys of five stages on the English site
    cell = page.locator('.jm-heat a.jm-heat-cell[data-map="fitness-app"][data-stage="retention"]')
    label = cell.evaluate("e => e.querySelector('.jm-heat-said').textContent")  # what a screen reader says
    assert label.startswith("Starting and sticking with a fitness app subscription, Retention:")
    assert "open pain points: 3 (1 high, 2 medium)" in label
    cell.click()
    page.wait_for_url("**/maps/fitness-app/#stage-retention")
    heading = page.locator("#stage-retention")
    assert heading.is_visible() and "Retention" in heading.inner_text()


def test_every_cell_names_an_existing_stage(make_page, base) -> None:
    page = make_page(viewport=DESKTOP)
    page.goto(base)
    targets = page.locator(".jm-heat a.jm-heat-cell").evaluate_all("els => els.map(e => e.href)")
    for url in sorted(set(t.split("#")[0] for t in targets)):
        page.goto(url)
        ids = set(page.locator("[id^=stage-]").evaluate_all("els => els.map(e => e.id)"))
        for t in targets:
            if t.startswith(url + "#"):
                assert t.split("#")[1] in ids, t


def test_the_table_alternative_holds_one_row_per_cell(make_page, base) -> None:
    page = make_page(viewport=DESKTOP)
    page.goto(base)
    details = page.locator("details.jm-heat-details")
    assert not details.locator("table").is_visible()
    details.locator("summary").click()
    table = details.locator("table")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == page.locator(".jm-heat a.jm-heat-cell").count()
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Map", "Stage", "Mean emotion", "Open pain points", "Open opportunities"]
    row = table.locator("tbody tr", has_text="Retention").filter(has_text="fitness app").first
    assert row.locator("td").nth(3).inner_text() == "3 (1 high, 2 medium)"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_portfolio_at_phone_width_scrolls_in_its_own_box(make_page, base, scheme, screenshot) -> None:
    page = make_page(color_scheme=scheme, viewport=PHONE)
    page.goto(base)
    heat = page.locator(".jm-heat")
    heat.scroll_into_view_if_needed()
    assert not page.evaluate(PAGE_SCROLL_JS)
    box = heat.evaluate("e => ({client: e.clientWidth, scroll: e.scrollWidth})")
    assert box["scroll"] > box["client"]  # five stages do not fit 390 px: the box scrolls, not the page
    screenshot(page, f"portfolio-phone-{scheme}", full_page=False)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_portfolio_reads_in_both_schemes_without_serious_violations(make_page, base, axe, scheme,
                                                                         screenshot) -> None:
    page = make_page(color_scheme=scheme, viewport=DESKTOP)
    page.goto(base)
    page.locator("#portfolio").scroll_into_view_if_needed()
    screenshot(page, f"portfolio-desktop-{scheme}", full_page=False)
    page.locator("details.jm-heat-details summary").click()
    violations = axe(page, impacts=("serious", "critical"), options={"include": [[".jm-heat"], [".jm-heat-details"],
                                                                                 [".jm-portfolio-kpis"]]})
    assert not violations, violations


@pytest.mark.parametrize("site", ["", "zh/", "pl/"])
def test_the_portfolio_is_in_every_site_language(make_page, base, site) -> None:
    page = make_page(viewport=DESKTOP)
    page.goto(base + site)
    heading = {"": "Portfolio at a glance", "zh/": "组合概览", "pl/": "Portfel w skrócie"}[site]
    assert page.locator("#portfolio").inner_text().strip().rstrip("¶") == heading  # ¶: the permalink
    assert page.locator(".jm-heat a.jm-heat-cell").count() == 15


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_play_stands_in_its_lane_at_its_stage_and_opens_its_details(make_page, base, scheme, screenshot) -> None:
    page = make_page(color_scheme=scheme, viewport=DESKTOP)
    page.goto(base + "maps/fitness-app/")
    page.wait_for_selector(".jm-canvas.jm-live", state="attached")
    lane = page.locator(".jm-canvas-sheet > svg .jm-lane[data-lane=plays]")
    assert lane.count() == 1
    plays = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=play]")
    assert sorted(plays.evaluate_all("els => els.map(e => e.dataset.stage)")) == ["advocacy", "retention"]
    card = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=play][data-id=missed-workout-nudge]")
    stage_x = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=pain][data-stage=retention]").first.bounding_box()
    assert card.bounding_box()["x"] == pytest.approx(stage_x["x"], abs=2)  # same column as its stage's cards
    card.scroll_into_view_if_needed()
    screenshot(page, f"canvas-fitness-app-plays-{scheme}", full_page=False)
    card.click()
    panel = page.locator("dialog.jm-panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "a planned workout is missed" in text and "at most 2 a week" in text and "quiet 21:00–07:00" in text
    page.keyboard.press("Escape")
    page.locator(".jm-canvas-lanes summary").click()
    page.get_by_role("checkbox", name="Plays").uncheck()
    assert not card.is_visible()


@pytest.mark.parametrize("path", ["catalogue/pilots/", "catalogue/plays/"])
def test_the_pilot_log_and_plays_catalogue_fit_a_phone(make_page, base, path, screenshot) -> None:
    for scheme, viewport, name in (("light", DESKTOP, "desktop"), ("dark", PHONE, "phone")):
        page = make_page(color_scheme=scheme, viewport=viewport)
        page.goto(base + path)
        assert page.locator("article table tbody tr").count() >= 4
        assert not page.evaluate(PAGE_SCROLL_JS)
        screenshot(page, f"{path.strip('/').replace('/', '-')}-{name}-{scheme}", full_page=False)
