"""The pages a CX team reads besides the map page (issue 11, section 5): the playbook numbers its
opportunities once, and the pages across maps name maps by title, with translations under
their original instead of listed twice."""

from __future__ import annotations

import html
import re

import pytest
from pagetext import article, hrefs, page_file, resolve, section, table_rows, text_of

from journeymaps.words import label, language_name

LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)


@pytest.fixture(scope="module")
def maps(project):
    return {e.map.id: e.map for e in project.maps}


@pytest.fixture(scope="module")
def translations(maps) -> dict[str, str]:
    """Translated map id -> its original's id (the sample originals are the English maps)."""
    return {other: m.id for m in maps.values() if m.lang == "en" for other in m.translations.values()}


def _map_links(site, url: str, fragment: str, maps) -> list[tuple[str, str]]:
    """(map id, link text) of every link in ``fragment`` to a map page."""
    out = []
    for href, inner in LINK.findall(fragment):
        target = resolve(site, url, html.unescape(href))
        for map_id in maps:
            if target == page_file(site, f"maps/{map_id}/"):
                out.append((map_id, text_of(inner)))
    return out


def test_playbook_matrix_numbers_each_opportunity_as_the_ranked_table_does(site_dir, maps) -> None:
    for map_id, m in maps.items():
        page = article(site_dir, f"maps/{map_id}/playbook/")
        rows = table_rows(section(page, "ranked"))
        (desc,) = re.findall(r"<desc[^>]*>(.*?)</desc>", section(page, "matrix"), re.S)
        desc = html.unescape(desc)
        opportunities = [o for s in m.stages for o in s.opportunities]
        assert len(rows) == len(opportunities)
        for row in rows:
            (o,) = [o for o in opportunities if row[1].startswith(o.text)]
            # The matrix's text alternative lists each marker as "<number> <text>" under its quadrant.
            assert f"{row[0]} {o.text}" in desc, (map_id, row[0], o.text)


@pytest.mark.parametrize("url", ["catalogue/channels/", "catalogue/pain-points/", "catalogue/opportunities/",
                                 "catalogue/kpis/", "catalogue/tags/"])
def test_catalogues_link_maps_by_title_and_translations_only_under_their_original(
        site_dir, maps, translations, url) -> None:
    page = article(site_dir, url)
    links = _map_links(site_dir, url, page, maps)
    assert links
    for map_id, text in links:
        if map_id in translations:
            # Named by its language, inside the "also in" note of its original.
            assert text == language_name(maps[map_id].lang), (map_id, text)
        else:
            assert text == maps[map_id].title, (map_id, text)
    also = re.findall(r'<small class="jm-also">(.*?)</small>', page, re.S)
    assert also and all(text_of(a).startswith(label("en", "cat.also_in").split("{")[0]) for a in also)
    in_notes = {i for a in also for i, _ in _map_links(site_dir, url, a, maps)}
    assert {i for i, _ in links if i in translations} <= in_notes
    for map_id in maps:
        assert not re.search(rf">\s*{re.escape(map_id)}\s*<", page), f"raw map id {map_id} shown on {url}"


def test_channels_catalogue_lists_a_translated_map_once_per_cell(site_dir, maps, translations) -> None:
    url = "catalogue/channels/"
    page = article(site_dir, url)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page, re.S)
    for cell in cells:
        outside_notes = re.sub(r'<small class="jm-also">.*?</small>', "", cell, flags=re.S)
        titles = [i for i, _ in _map_links(site_dir, url, outside_notes, maps)]
        linked = [i for i, _ in _map_links(site_dir, url, cell, maps)]
        groups = [translations.get(i, i) for i in linked]
        assert len(titles) == len(set(titles))
        # A cell has an original's title at most once, its translations beside it, never on their own.
        assert sorted(set(groups)) == sorted({translations.get(i, i) for i in titles}), cell


def test_kpi_catalogue_names_each_map_once_as_the_heading_of_its_table(site_dir, maps, translations) -> None:
    url = "catalogue/kpis/"
    page = article(site_dir, url)
    for map_id, m in maps.items():
        if map_id in translations or not any(s.kpis for s in m.stages):
            continue
        part = section(page, f"kpis-{map_id}")
        heading = part[:part.index("</h2>")]
        assert m.title in text_of(heading)
        assert text_of(page).count(m.title) == 1, m.title
        rows = table_rows(part)
        assert len(rows) == sum(len(s.kpis) for s in m.stages)
        for other in m.translations.values():  # a translation is one link away, from the heading
            assert page_file(site_dir, f"maps/{other}/") in {resolve(site_dir, url, h) for h in hrefs(heading)}


def test_industry_index_lists_each_journey_once_with_its_playbook_and_translations(
        site_dir, maps, translations) -> None:
    for industry in {m.industry for m in maps.values()}:
        url = f"industries/{industry}/"
        page = article(site_dir, url)
        rows = table_rows(page)
        originals = [m for m in maps.values() if m.industry == industry and m.id not in translations]
        assert sorted(r[0].split(" " + label("en", "playbook"))[0] for r in rows) == sorted(m.title for m in originals)
        targets = {resolve(site_dir, url, h) for h in hrefs(page)}
        for m in originals:
            assert page_file(site_dir, f"maps/{m.id}/playbook/") in targets
            row = next(r for r in rows if r[0].startswith(m.title))
            assert m.summary in row
            for other in m.translations.values():
                assert page_file(site_dir, f"maps/{other}/") in targets
                assert language_name(maps[other].lang) in row[0]
