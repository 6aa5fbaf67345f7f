"""The built site has every page issue 5 asks for, with what a reader looks for on each."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from language_site import TRANSLATIONS, language_site
from pagetext import article, hrefs, page_file, resolve, section, table_head, table_rows, text_of
from sitebuild import built_site_with_picture_files

from journeymaps.core.assemble import date
from journeymaps.model.kpi_series import current_of
from journeymaps.model.priority import OPEN, rank_key
from journeymaps.schema import json_schema


@pytest.fixture(scope="module")
def maps(project):
    assert project.maps, "the repository has no maps"
    return {e.map.id: e for e in project.maps}


def _listed(maps, lang: str = "en"):
    """The maps a language's site lists: one per translation group (pages/languages.py)."""
    from journeymaps.pages.languages import listed

    return listed(lang, list(maps.values()), ["en", "zh", "pl"])[0]


def test_home_has_intro_industries_and_a_card_per_map(site_dir, maps) -> None:
    home = article(site_dir, "")
    assert "Customer journey maps as code" in text_of(home)
    industries = {e.map.industry for e in maps.values()}
    assert len(table_rows(section(home, "industries"))) == len(industries)
    cards = section(home, "maps").split('<li class="jm-card"')[1:]
    assert len(cards) == len(_listed(maps))
    for card in cards:
        assert "<svg" in card, "a card without its emotion sparkline"
        (link,) = [h for h in hrefs(card)]
        assert resolve(site_dir, "", link).is_file(), link


def test_industry_pages_list_their_maps(site_dir, maps) -> None:
    for industry in {e.map.industry for e in maps.values()}:
        url = f"industries/{industry}/"
        page = article(site_dir, url)
        linked = {resolve(site_dir, url, h) for h in hrefs(page)}
        for map_id in (i for i, e in maps.items() if e.map.industry == industry):  # translations too
            assert page_file(site_dir, f"maps/{map_id}/") in linked, (industry, map_id)


@pytest.mark.parametrize("section_id", ["objectives", "personas", "diagram", "stages", "kpis", "downloads"])
def test_map_page_sections(site_dir, maps, section_id) -> None:
    for map_id, e in maps.items():
        if section_id == "objectives" and not e.map.objectives:
            continue
        assert section(article(site_dir, f"maps/{map_id}/"), section_id)


def test_map_page_content(site_dir, maps) -> None:
    for map_id, e in maps.items():
        m = e.map
        page = article(site_dir, f"maps/{map_id}/")
        text = text_of(page)
        # The date as the map's readers write it: "October 14, 2026", "2026年10月14日", "4 listopada 2026".
        assert m.owner in text and date(m.last_reviewed, m.lang) in text
        assert "<svg" in section(page, "diagram")
        for s in m.stages:
            assert f'id="stage-{s.id}"' in page
        for p in m.personas:
            assert p.name in text
        kpis = [k for s in m.stages for k in s.kpis]
        rows = table_rows(section(page, "kpis"))
        assert [r[0] for r in rows] == [k.name for k in kpis]
        assert len(table_head(section(page, "kpis"))) == 8  # KPI, stage, baseline, target, current, gap, track, unit
        edit = [h for h in hrefs(page_file(site_dir, f"maps/{map_id}/").read_text()) if "/edit/" in h]
        assert edit and edit[0].endswith(e.display), "edit link must open the map's YAML file"


def test_kpi_gap_is_target_minus_current(site_dir, maps) -> None:
    from babel.numbers import parse_decimal

    for e in maps.values():
        page = article(site_dir, f"maps/{e.map.id}/")
        rows = {r[0]: r for r in table_rows(section(page, "kpis"))}
        for s in e.map.stages:
            for k in s.kpis:
                if k.target is None:
                    continue
                current = current_of(k)  # the newest observation of its series, else `current`
                now = current if current is not None else k.baseline
                # Written the way the map's language writes numbers ("+1,100", "+13 500", "-0,45").
                shown = rows[k.name][5].split("(")[0].split("（")[0].strip()
                value = float(parse_decimal(shown.lstrip("+"), locale=e.map.lang))
                assert value == pytest.approx(k.target - now, abs=1e-4), (e.map.id, k.id, shown)


def _download_files(site, map_id: str) -> dict[str, Path]:
    links = [h for h in hrefs(section(article(site, f"maps/{map_id}/"), "downloads")) if not h.startswith("#")]
    return {h.rsplit(".", 1)[-1]: resolve(site, f"maps/{map_id}/", h) for h in links}


def _check_data_files(files: dict[str, Path], e) -> None:
    ET.fromstring(files["svg"].read_bytes())  # well-formed
    assert json.loads(files["json"].read_text(encoding="utf-8")) == e.map.model_dump(mode="json", exclude_none=True)
    assert files["mmd"].read_text(encoding="utf-8").lstrip().split("\n", 1)[0].strip().startswith(("journey", "%%"))


def test_downloads_are_real_files_and_the_browser_makes_the_pictures(site_dir, maps) -> None:
    for map_id, e in maps.items():
        files = _download_files(site_dir, map_id)
        assert set(files) == {"svg", "json", "mmd"}
        _check_data_files(files, e)
        # The PNG and the poster are buttons for exports.js, hidden until it runs (tests/browser/test_exports.py).
        block = section(article(site_dir, f"maps/{map_id}/"), "downloads")
        for kind in ("png", "pdf"):
            assert re.search(rf'<li data-jm-export="{kind}" hidden><button type="button"', block), (map_id, kind)
    # The default build draws no picture with Cairo (issue 16: a cold build as fast as a warm one).
    assert not [p for p in (site_dir / "maps").rglob("*") if p.suffix in (".png", ".pdf")]


def test_with_png_on_the_downloads_are_files_cairo_drew(maps) -> None:
    site = built_site_with_picture_files()
    for map_id, e in maps.items():
        files = _download_files(site, map_id)
        assert set(files) == {"svg", "png", "pdf", "json", "mmd"}
        _check_data_files(files, e)
        assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert files["pdf"].read_bytes()[:5] == b"%PDF-"
        assert "data-jm-export" not in section(article(site, f"maps/{map_id}/"), "downloads")


def test_translations_link_both_ways() -> None:
    site = language_site()  # its own pair of translated maps: editing maps/ cannot silence this test
    for m_id, other in TRANSLATIONS.items():
        links = hrefs(section(article(site, f"maps/{m_id}/"), "translations"))
        assert any(resolve(site, f"maps/{m_id}/", h) == page_file(site, f"maps/{other}/") for h in links)


def test_playbook_ranks_opportunities_and_names_a_pilot(site_dir, maps) -> None:
    for map_id, e in maps.items():
        page = article(site_dir, f"maps/{map_id}/playbook/")
        opps = [o for s in e.map.stages for o in s.opportunities]
        rows = table_rows(section(page, "ranked"))
        assert len(rows) == len(opps)
        priorities = [int(r[5].split(" ")[0]) for r in rows]
        assert priorities == sorted(priorities, reverse=True)
        assert "<svg" in section(page, "matrix")
        best = min((o for o in opps if o.status in OPEN), key=rank_key, default=None)
        if best is not None:
            assert best.text in text_of(section(page, "pilot"))
        assert table_rows(section(page, "owners"))
        if any(s.kpis for s in e.map.stages):
            assert table_rows(section(page, "monitor"))


def test_guides_and_maps_link_both_ways(site_dir, project, maps) -> None:
    assert project.guides
    for g in project.guides:
        page = article(site_dir, f"method/{g.meta.id}/")
        for h in hrefs(page):
            if h.startswith(("http", "mailto", "#")):
                continue
            target = resolve(site_dir, f"method/{g.meta.id}/", h)
            assert target.is_file(), (g.meta.id, h)
            if "#" in h and "/maps/" in "/" + str(target.relative_to(site_dir)):
                assert f'id="{h.split("#", 1)[1]}"' in target.read_text(encoding="utf-8"), h
        assert "map:" not in page and "guide:" not in page
    cited = {m for g in project.guides for m in g.meta.maps}
    for map_id in cited & set(maps):
        links = [h for h in hrefs(section(article(site_dir, f"maps/{map_id}/"), "guides")) if not h.startswith("#")]
        assert links and all(resolve(site_dir, f"maps/{map_id}/", h).is_file() for h in links)


def test_catalogues(site_dir, maps) -> None:
    # A translation is listed under its original, so the rows are those of the originals (the
    # sample translations are in step with their English originals: tests/content/test_translations.py).
    all_maps = [e.map for e in maps.values() if e.map.lang == "en"]
    channels = article(site_dir, "catalogue/channels/")
    head = table_head(channels)
    assert head[0] == "Channel" and "Awareness" in head
    pains = table_rows(article(site_dir, "catalogue/pain-points/"))
    assert len(pains) == sum(len(s.pain_points) for m in all_maps for s in m.stages)
    order = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    assert [order[r[1]] for r in pains] == sorted(order[r[1]] for r in pains)
    backlog = article(site_dir, "catalogue/opportunities/")
    assert "jm-sortable" in backlog
    rows = table_rows(backlog)
    assert len(rows) == sum(len(s.opportunities) for m in all_maps for s in m.stages)
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    kpi_page = article(site_dir, "catalogue/kpis/")
    kpis = [r for m in all_maps for r in table_rows(section(kpi_page, f"kpis-{m.id}"))]  # a table per map
    assert len(kpis) == sum(len(s.kpis) for m in all_maps for s in m.stages)
    tags = article(site_dir, "catalogue/tags/")
    for m in all_maps:
        for t in m.tags:
            assert f'id="tag-{t}"' in tags


def test_reference_lists_every_field_of_the_schema(site_dir) -> None:
    page = article(site_dir, "reference/")
    schema = json_schema()
    for name, node in [("JourneyMap", schema), *schema["$defs"].items()]:
        block = section(page, f"type-{name.lower()}")
        fields = [r[0] for r in table_rows(block)]
        assert fields == list(node.get("properties", {})), name
        for row in table_rows(block):
            assert row[1] and row[4], (name, row)  # a type and a description for every field


def test_nav_is_sectioned_by_industry(site_dir, maps) -> None:
    nav = page_file(site_dir, "").read_text(encoding="utf-8")
    nav = nav[nav.index('<nav class="md-nav md-nav--primary"'):]
    for industry in {e.map.industry for e in maps.values()}:
        assert f"industries/{industry}/" in nav
