"""The built site in headless Chromium: diagrams shown and readable in light and dark, search in
three languages, no serious accessibility problem, no console error, nothing from the internet."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402

MAP = "online-banking"
SEARCHES = {"漏斗": "online-banking-zh", "ćwiczy": "fitness-app-pl", "społeczność": "fitness-app-pl",
            "garments": "fashion-store"}

# Luminance contrast of each <text> of a picture against what is drawn under its centre
# (the card, lane or page behind it), from computed styles, as WCAG defines it.
CONTRAST_JS = """
(selector) => {
  const parse = (c) => {
    const m = c && c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const lum = ({r, g, b}) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const pageBg = () => {
    for (let el = document.querySelector(selector); el; el = el.parentElement) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const svg = document.querySelector(selector + ' svg:not([aria-hidden])');  // not the canvas's pinned copies
  svg.scrollIntoView();
  const out = [];
  for (const t of svg.querySelectorAll('text')) {
    const box = t.getBoundingClientRect();
    if (!box.width || !t.textContent.trim()) continue;
    const fg = parse(getComputedStyle(t).fill);
    if (!fg || getComputedStyle(t).opacity === '0') continue;
    t.scrollIntoView({block: 'center', inline: 'center'});
    const b2 = t.getBoundingClientRect();
    let bg = null;
    for (const el of document.elementsFromPoint(b2.x + b2.width / 2, b2.y + b2.height / 2)) {
      if (el === t || t.contains(el) || el.tagName === 'text' || el.tagName === 'tspan' || el.tagName === 'line' || el.tagName === 'path' && !el.getAttribute('class')?.includes('f-')) continue;
      if (el.tagName === 'svg' || el.closest('svg') !== svg) break;
      const c = parse(getComputedStyle(el).fill);
      if (c && c.a > 0 && getComputedStyle(el).fill !== 'none') { bg = c; break; }
    }
    bg = bg || pageBg();
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    out.push({text: t.textContent.trim().slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05)});
  }
  return out;
}
"""


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


def _toggle_to(page, scheme: str) -> None:
    """Use Material's palette toggle (the button in the header) until the scheme is `scheme`."""
    for _ in range(2):
        if page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_timeout(150)
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == scheme


def test_map_page_shows_its_diagram_readable_in_light_and_dark(make_page, base, screenshot, console_errors,
                                                               blocked_requests) -> None:
    page = make_page()
    page.goto(f"{base}maps/{MAP}/")
    diagram = page.locator(".jm-diagram svg:not([aria-hidden])")
    diagram.scroll_into_view_if_needed()
    assert diagram.is_visible()
    box = diagram.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 300, box  # fitted to the width, not shrunk to nothing
    ratios = {}
    for scheme in ("default", "slate"):
        _toggle_to(page, scheme)
        page.evaluate("() => { document.querySelector('.jm-diagram').scrollLeft = 0;"
                      " document.getElementById('diagram').scrollIntoView(); }")
        screenshot(page, f"site-map-{scheme}", full_page=False)
        found = page.evaluate(CONTRAST_JS, ".jm-diagram")
        assert len(found) > 20, found
        ratios[scheme] = min(found, key=lambda x: x["ratio"])
        low = [f for f in found if f["ratio"] < 4.5]
        assert not low, f"{scheme}: text below 4.5:1 {low[:5]}"
    assert not console_errors and not blocked_requests


def test_without_javascript_the_diagram_scrolls_sideways_on_a_phone(make_page, base, screenshot) -> None:
    # Progressive enhancement: the static SVG at its natural size is the whole canvas.
    page = make_page(viewport=(390, 844), java_script_enabled=False)
    page.goto(f"{base}maps/{MAP}/")
    page.evaluate("() => document.getElementById('diagram').scrollIntoView()")
    widths = page.evaluate("""() => { const f = document.querySelector('.jm-diagram');
        return {client: f.clientWidth, scroll: f.scrollWidth, svg: f.querySelector('svg').getBoundingClientRect().width,
                natural: +f.querySelector('svg').getAttribute('width')}; }""")
    assert widths["svg"] == pytest.approx(widths["natural"], abs=1)
    assert widths["scroll"] > widths["client"]
    assert page.locator(".jm-canvas-bar").is_hidden()
    screenshot(page, "site-map-phone-no-js", full_page=False)


@pytest.mark.parametrize("word", list(SEARCHES))
def test_search_box_finds_the_map(make_page, base, word, console_errors) -> None:
    page = make_page()
    page.goto(base)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    meta = page.locator(".md-search-result__meta")
    # The index loads in a web worker; a query typed before it is ready is not run.
    page.wait_for_function("() => !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    box = page.locator("input.md-search__input")
    box.type(word, delay=30)
    # Han characters arrive as text input without a key release; Material searches on key
    # events, so press a key that changes nothing, as a person moving the cursor would.
    box.press("End")
    page.wait_for_function("() => /matching|No matching/i.test(document.querySelector('.md-search-result__meta').textContent)")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(f"maps/{SEARCHES[word]}/" in h for h in hrefs), (word, meta.inner_text(), hrefs)
    assert not console_errors


@pytest.mark.parametrize("path", ["", f"maps/{MAP}/", f"maps/{MAP}/playbook/", "catalogue/opportunities/",
                                  "catalogue/channels/"])
def test_no_serious_accessibility_violations(make_page, base, axe, path) -> None:
    page = make_page()
    page.goto(base + path)
    assert not axe(page, impacts=("serious", "critical"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_console_error_or_outside_request_on_any_page(make_page, base, scheme, console_errors,
                                                         blocked_requests) -> None:
    site = built_site()
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    page = make_page(color_scheme=scheme)
    for rel in pages:
        page.goto(base + ("" if rel == "." else rel + "/"))
        page.wait_for_load_state("load")
    assert not console_errors, console_errors[:5]
    assert not blocked_requests, blocked_requests[:5]
