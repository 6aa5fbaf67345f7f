"""The journey canvas of a map page in headless Chromium, as a reader uses it: the whole stage
row on screen, pinned headers and lane labels, persona and lane toggles, linked highlights,
deep links, the details panel by keyboard, the phone's stage-by-stage view and the A3 print."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402

MAP = "online-banking"
DESKTOP, PHONE = (1400, 900), (390, 844)
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


def _open(make_page, base: str, scheme: str = "light", viewport=DESKTOP, path: str = f"maps/{MAP}/"):
    page = make_page(color_scheme=scheme, viewport=viewport)
    page.goto(base + path)
    page.wait_for_selector(".jm-canvas.jm-live", state="attached")
    return page


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate("e => { const r = e.getBoundingClientRect();"
                                                 " return {x: r.x, y: r.y, right: r.right, bottom: r.bottom}; }")


def _on_screen(page, selector: str) -> bool:
    b, (w, h) = _box(page, selector), (page.viewport_size["width"], page.viewport_size["height"])
    return b["x"] >= 0 and b["right"] <= w + 0.5 and b["y"] >= 0 and b["bottom"] <= h + 0.5


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_whole_stage_row_is_on_screen_after_load(make_page, base, scheme, screenshot, console_errors) -> None:
    page = _open(make_page, base, scheme)
    stages = page.locator(".jm-canvas-sheet > svg .jm-headers .jm-stage")
    assert stages.count() == 5
    for i in range(stages.count()):  # without scrolling the page or the canvas
        assert _on_screen(page, f".jm-canvas-sheet > svg .jm-headers .jm-stage >> nth={i}"), i
    screenshot(page, f"canvas-{MAP}-desktop-{scheme}", full_page=False)
    # Zoomed in, "Fit" brings the whole row back.
    page.get_by_role("button", name="Zoom in").click()
    page.get_by_role("button", name="Zoom in").click()
    assert not _on_screen(page, ".jm-canvas-sheet > svg .jm-headers .jm-stage >> nth=4")
    page.get_by_role("button", name="Fit").click()
    assert _on_screen(page, ".jm-canvas-sheet > svg .jm-headers .jm-stage >> nth=4")
    assert not console_errors


def test_zoom_and_pan_by_keyboard_and_pointer(make_page, base) -> None:
    page = _open(make_page, base)
    svg = page.locator(".jm-canvas-sheet > svg").first
    width = lambda: svg.bounding_box()["width"]  # noqa: E731
    fitted = width()
    page.locator(".jm-figure").focus()
    page.keyboard.press("+")
    assert width() == pytest.approx(fitted * 1.25, rel=0.01)
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.querySelector('.jm-figure').scrollLeft") > 0
    page.keyboard.press("0")
    assert width() == pytest.approx(fitted, rel=0.01)
    page.keyboard.press("-")
    assert width() < fitted
    box = page.locator(".jm-figure").bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 300)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -100)
    page.keyboard.up("Control")
    assert width() == pytest.approx(fitted, rel=0.01)
    page.mouse.down()
    page.mouse.move(box["x"] + 300, box["y"] + 100, steps=5)  # drag up: the canvas scrolls down
    page.mouse.up()
    assert page.evaluate("document.querySelector('.jm-figure').scrollTop") > 100


@pytest.mark.parametrize("scheme", SCHEMES)
def test_headers_and_lane_labels_stay_on_screen_at_the_last_stages_pain_points(make_page, base, scheme,
                                                                               screenshot) -> None:
    page = _open(make_page, base, scheme)
    page.locator(".jm-figure").focus()
    page.keyboard.press("+")
    page.keyboard.press("+")  # wider than the window: reading across needs the labels pinned
    last = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=pain][data-stage=advocacy]").last
    last.scroll_into_view_if_needed()
    last.evaluate("e => e.scrollIntoView({block: 'center', inline: 'center'})")
    assert _on_screen(page, ".jm-canvas-sheet > svg .jm-card[data-kind=pain][data-stage=advocacy]")
    figure = _box(page, ".jm-figure")
    assert page.evaluate("document.querySelector('.jm-figure').scrollTop") > 300
    assert page.evaluate("document.querySelector('.jm-figure').scrollLeft") > 300
    top, left = _box(page, ".jm-pin-top svg"), _box(page, ".jm-pin-left svg")
    assert top["y"] == pytest.approx(figure["y"] + 1, abs=2)  # stuck to the top of the canvas
    assert left["x"] == pytest.approx(figure["x"] + 1, abs=2)  # stuck to its left edge
    assert _on_screen(page, ".jm-pin-top .jm-stage[data-stage=advocacy]")
    assert _on_screen(page, ".jm-pin-left .jm-lane-label[data-lane=pain_points]")
    assert "Advocacy" in page.locator(".jm-pin-top").evaluate("e => e.textContent")
    screenshot(page, f"canvas-{MAP}-pinned-{scheme}", full_page=False)


def test_persona_toggle_shows_one_curve_or_all(make_page, base) -> None:
    page = _open(make_page, base)
    curves = page.locator(".jm-canvas-sheet > svg .jm-persona")
    assert curves.count() == 2
    page.locator("select[data-jm-persona]").select_option("robert")
    assert [curves.nth(i).is_visible() for i in range(2)] == [False, True]
    page.locator("select[data-jm-persona]").select_option("")
    assert [curves.nth(i).is_visible() for i in range(2)] == [True, True]


def test_lane_toggle_hides_a_lane_and_moves_the_lanes_below_up(make_page, base) -> None:
    page = _open(make_page, base)
    pains = page.locator(".jm-canvas-sheet > svg .jm-lane[data-lane=pain_points]")
    before = page.locator(".jm-canvas-sheet > svg .jm-lane[data-lane=opportunities]").bounding_box()["y"]
    # The lane's row, data-height in viewBox units, at the canvas's zoom.
    height = page.locator(".jm-canvas-sheet > svg").evaluate(
        "s => s.getBoundingClientRect().width / s.viewBox.baseVal.width"
        " * +s.querySelector('.jm-lane[data-lane=pain_points]').dataset.height")
    page.locator(".jm-canvas-lanes summary").click()
    page.get_by_role("checkbox", name="Pain points").uncheck()
    assert not pains.is_visible()
    after = page.locator(".jm-canvas-sheet > svg .jm-lane[data-lane=opportunities]").bounding_box()["y"]
    assert before - after == pytest.approx(height, abs=2)
    assert not page.locator(".jm-pin-left .jm-lane-label[data-lane=pain_points]").is_visible()
    page.get_by_role("checkbox", name="Pain points").check()
    assert pains.is_visible()
    assert page.locator(".jm-canvas-sheet > svg .jm-lane[data-lane=opportunities]").bounding_box()["y"] == pytest.approx(before)


def _lit(page) -> set[str]:
    return set(page.locator(".jm-canvas-sheet > svg .jm-card.on").evaluate_all("els => els.map(e => e.id)"))


def test_a_pain_point_lights_up_its_opportunities_and_their_kpis_and_back(make_page, base) -> None:
    page = _open(make_page, base)
    pain = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=pain][data-id=security-doubts]")
    pain.hover()
    lit = _lit(page)
    opps = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=opportunity]").evaluate_all(
        "els => els.filter(e => (e.dataset.addresses || '').split(' ').includes('security-doubts'))"
        ".map(e => [e.id, (e.dataset.kpis || '').split(' ').filter(Boolean)])")
    assert opps
    for opp_id, kpis in opps:
        assert opp_id in lit
        assert {f"jm-{MAP}-stages-kpi-{k}" for k in kpis} <= lit
    unrelated = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=pain]:not(.on)").first
    # Faded, once the 120 ms fade has run (a loaded machine reads it mid-way otherwise).
    unrelated.evaluate("e => new Promise(done => { const t = Date.now(); (function poll() {"
                       " if (parseFloat(getComputedStyle(e).opacity) < 0.5 || Date.now() - t > 3000) done();"
                       " else requestAnimationFrame(poll); })(); })")
    assert float(unrelated.evaluate("e => getComputedStyle(e).opacity")) < 0.5
    # The reverse: focusing an opportunity lights the pain points it addresses.
    page.locator(f"#{opps[0][0]}").focus()
    assert f"jm-{MAP}-stages-pain-security-doubts" in _lit(page)


@pytest.mark.parametrize("kind, item", [("pain", "security-doubts"), ("opportunity", None), ("kpi", None)])
def test_a_deep_link_scrolls_to_and_highlights_the_card(make_page, base, kind, item) -> None:
    if item is None:  # the first card of that kind on the map, whatever it is called
        page = _open(make_page, base)
        item = page.locator(f".jm-canvas-sheet > svg .jm-card[data-kind={kind}]").last.get_attribute("data-id")
    page = _open(make_page, base, path=f"maps/{MAP}/#{kind}-{item}")
    card = page.locator(f".jm-canvas-sheet > svg .jm-card[data-kind={kind}][data-id={item}]")
    assert "target" in card.get_attribute("class")
    assert _on_screen(page, f".jm-canvas-sheet > svg .jm-card[data-kind={kind}][data-id={item}]")
    assert card.evaluate("e => document.activeElement === e")


def test_the_details_panel_opens_and_closes_with_the_keyboard(make_page, base, screenshot) -> None:
    page = _open(make_page, base, "dark")
    card = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=opportunity]").first
    card.focus()
    page.keyboard.press("Enter")
    panel = page.locator("dialog.jm-panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Impact" in text and "Effort" in text and "Status" in text
    data = page.evaluate("JSON.parse(document.querySelector('.jm-canvas-data').textContent)")
    tactics = data["stages"][card.get_attribute("data-stage")]["tactics"]
    assert tactics and "Tactics" in text and tactics[0] in text
    assert panel.evaluate("d => d.contains(document.activeElement)")  # focus moved into the panel
    screenshot(page, f"canvas-{MAP}-panel-dark", full_page=False)
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert card.evaluate("e => document.activeElement === e")  # and back to the card
    # A pain point with a research link shows it as a link.
    linked = page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=pain]").evaluate_all(
        "els => els.map(e => e.dataset.id)")
    data = data["cards"]
    with_link = next(i for i in linked if "link" in data[f"pain-{i}"])
    page.locator(f".jm-canvas-sheet > svg .jm-card[data-kind=pain][data-id={with_link}]").click()
    assert page.locator("dialog.jm-panel").get_by_role("link").get_attribute("href") == data[f"pain-{with_link}"]["link"]
    page.locator("dialog.jm-panel").get_by_role("button", name="Close").click()
    assert not panel.is_visible()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("map_id", ["online-banking", "online-banking-zh", "fitness-app-pl"])
def test_phone_shows_the_stages_one_screen_each_without_page_wide_scrolling(make_page, base, scheme, map_id,
                                                                            screenshot, console_errors) -> None:
    page = _open(make_page, base, scheme, PHONE, f"maps/{map_id}/")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert not page.locator(".jm-figure").is_visible()
    assert page.locator("details.jm-stages").evaluate("d => d.open")
    track = page.locator(".jm-stage-track")
    track.scroll_into_view_if_needed()
    cards = page.locator(".jm-stage-card")
    width, room = cards.first.bounding_box()["width"], track.bounding_box()["width"]
    assert 0.8 * room < width < room  # one stage fills the screen, the next one peeks in
    assert track.evaluate("t => getComputedStyle(t).scrollSnapType").startswith("x")
    screenshot(page, f"canvas-{map_id}-phone-{scheme}", full_page=False)
    track.evaluate("t => { t.scrollLeft = t.clientWidth * 1.4; }")  # a swipe let go between two stages
    page.wait_for_timeout(500)
    starts = cards.evaluate_all("cs => cs.map(c => c.offsetLeft - c.parentElement.offsetLeft)")
    left = track.evaluate("t => t.scrollLeft")
    assert min(abs(left - x) for x in starts) < 2, (left, starts)  # it snaps to a whole stage
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert not console_errors


@pytest.mark.parametrize("map_id", ["online-banking", "online-banking-zh", "fitness-app-pl"])
def test_desktop_screenshots_in_both_schemes(make_page, base, map_id, screenshot) -> None:
    for scheme in SCHEMES:
        page = _open(make_page, base, scheme, path=f"maps/{map_id}/")
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert not page.locator("details.jm-stages").evaluate("d => d.open")  # collapsed on a desktop
        page.locator(".jm-canvas").scroll_into_view_if_needed()
        screenshot(page, f"canvas-{map_id}-desktop-{scheme}", full_page=False)


def test_print_is_one_a3_landscape_page(make_page, base, artifacts_dir) -> None:
    page = _open(make_page, base)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (artifacts_dir / f"canvas-{MAP}.pdf").write_bytes(pdf)
    pages = re.findall(rb"/Type\s*/Page(?![a-z])", pdf)
    assert len(pages) == 1
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]+)\]", pdf).group(1).split()]
    width, height = box[2] - box[0], box[3] - box[1]
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (420, 297)  # A3 landscape, in mm


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violations_on_the_canvas(make_page, base, axe, viewport, scheme) -> None:
    page = _open(make_page, base, scheme, viewport)
    assert not axe(page, impacts=("serious", "critical"))
    if viewport == DESKTOP:
        page.locator(".jm-canvas-sheet > svg .jm-card[data-kind=pain]").first.click()
        assert not axe(page, impacts=("serious", "critical"))
