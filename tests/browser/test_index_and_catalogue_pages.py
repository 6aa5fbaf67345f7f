"""The index, playbook and catalogue pages in Chromium: tables with room for every column at
1400 px, nothing wider than a phone's screen but a table's own scroll box, readable in light and
dark. Screenshots of each page type land in tests/artifacts/ to be looked at."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402

DESKTOP, PHONE = (1400, 900), (390, 844)
MIN_COLUMN = 120  # px at 1400 px (issue 11: the industry summary was squeezed to about 50 px)
PAGE_TYPES = {"home": "", "industry": "industries/banking/", "playbook": "maps/online-banking/playbook/",
              "channels": "catalogue/channels/", "pain-points": "catalogue/pain-points/",
              "opportunities": "catalogue/opportunities/", "kpis": "catalogue/kpis/"}

COLUMN_WIDTHS_JS = """
() => [...document.querySelectorAll('article table')].map(t =>
  [...t.querySelectorAll('thead th')].map(th => ({head: th.textContent.trim(), width: th.getBoundingClientRect().width})))
"""

# Elements wider than the viewport that are not inside a box that scrolls by itself.
OVERFLOW_JS = """
() => {
  const vw = document.documentElement.clientWidth;
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  const out = [];
  for (const el of document.querySelectorAll('article *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > vw + 1 && !scrolls(el)) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
  }
  return {pageScroll: document.documentElement.scrollWidth > vw + 1, out: out.slice(0, 5)};
}
"""


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


def _industries() -> list[str]:
    return sorted(p.name for p in (built_site() / "industries").iterdir() if (p / "index.html").is_file())


def test_every_column_of_every_industry_table_is_at_least_120px_wide_at_1400(make_page, base) -> None:
    page = make_page(viewport=DESKTOP)
    industries = _industries()
    assert industries
    for ind in industries:
        page.goto(f"{base}industries/{ind}/")
        tables = page.evaluate(COLUMN_WIDTHS_JS)
        assert tables, ind
        for columns in tables:
            assert len(columns) >= 4, columns
            narrow = [c for c in columns if c["width"] < MIN_COLUMN]
            assert not narrow, f"{ind}: columns under {MIN_COLUMN} px: {narrow}"


@pytest.mark.parametrize("kind", ["channels", "pain-points", "kpis", "opportunities"])
def test_catalogue_tables_fill_the_text_width_and_keep_room_for_their_long_texts(make_page, base, kind) -> None:
    page = make_page(viewport=DESKTOP)
    page.goto(base + PAGE_TYPES[kind])
    room = page.evaluate("() => document.querySelector('article').getBoundingClientRect().width")
    widths = page.evaluate("() => [...document.querySelectorAll('article table')].map("
                           "t => [t.getBoundingClientRect().width, t.parentElement.scrollWidth, t.parentElement.clientWidth])")
    assert widths
    for table_w, scroll_w, client_w in widths:
        assert table_w > 0.9 * room - 40, (table_w, room)  # full width, not shrunk to its content
        assert scroll_w <= client_w + 1, "the table needs a sideways scroll at 1400 px"
    long_texts = {"Channel", "Awareness", "Consideration", "Purchase", "Retention", "Advocacy", "Pain point",
                  "Opportunity", "Map", "KPI"}
    for columns in page.evaluate(COLUMN_WIDTHS_JS):
        narrow = [c for c in columns if c["head"] in long_texts and c["width"] < MIN_COLUMN]
        assert not narrow, f"{kind}: {narrow}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_page_types_fit_the_screen_and_are_screenshotted(make_page, base, screenshot, console_errors, axe,
                                                         scheme, viewport) -> None:
    page = make_page(color_scheme=scheme, viewport=viewport)
    for name, path in PAGE_TYPES.items():
        page.goto(base + path)
        found = page.evaluate(OVERFLOW_JS)
        assert not found["pageScroll"] and not found["out"], (name, found)
        screenshot(page, f"page-{name}-{viewport[0]}-{scheme}")
        if viewport == DESKTOP:  # contrast and structure do not change with the width
            assert not axe(page, impacts=("serious", "critical")), (name, scheme)
    assert not console_errors, console_errors[:5]
