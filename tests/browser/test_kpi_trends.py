"""KPI trends in Chromium (issue 14 §1): every KPI row of a map page and of the KPI catalogue
has its sparkline, drawn (not zero-sized), named for assistive technology by its title and
description, with no serious axe violation; a screenshot lands in tests/artifacts/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402

SPARKS_JS = """
() => [...document.querySelectorAll('article svg.jm-kpi-spark')].map(svg => {
  const r = svg.getBoundingClientRect();
  const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
  const name = ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' | ');
  const row = svg.closest('tr');
  return {id: svg.id, role: svg.getAttribute('role'), width: r.width, height: r.height, name,
          kpi: row ? row.querySelector('td').textContent.trim() : null,
          last: svg.querySelectorAll('circle, [class*="f-p0"]').length};
})
"""


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


@pytest.mark.parametrize("url", ["maps/online-banking/", "catalogue/kpis/", "zh/maps/online-banking-zh/"])
def test_every_kpi_row_has_a_named_visible_sparkline(make_page, base, url, axe, screenshot) -> None:
    page = make_page(viewport=(1400, 900))
    page.goto(base + url)
    sparks = page.evaluate(SPARKS_JS)
    rows = page.evaluate("() => [...document.querySelectorAll('article .jm-kpis tbody tr, "
                         "article .jm-catalogue tbody tr')].filter(tr => tr.querySelector('.jm-kpi-trend')).length")
    assert sparks and len(sparks) == rows
    assert len({s["id"] for s in sparks}) == len(sparks), "two sparklines share an id"
    for s in sparks:
        assert s["role"] == "img" and s["width"] >= 60 and s["height"] >= 20, s
        # The accessible name says which KPI it is and what the line shows (first and newest values, target).
        assert s["kpi"] and s["kpi"] in s["name"], s
        assert s["last"] >= 1, f"the newest point is not marked: {s}"
    table = page.locator("article .jm-kpis, article .jm-catalogue").first
    table.scroll_into_view_if_needed()
    screenshot(page, "kpi-trends-" + url.strip("/").replace("/", "-"), full_page=False)
    assert not axe(page, impacts=("serious", "critical"))
