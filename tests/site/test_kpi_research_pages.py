"""Issue 14 §1-2 on the built site: each KPI's trend, progress and track on the map page and in
the catalogue (sorted by track), a research page per study in every site language, and how many
pain points of a map are still hypotheses."""

from __future__ import annotations

import re

import pytest
from pagetext import article, hrefs, page_file, resolve, section, table_head, table_rows, text_of

from journeymaps.core.assemble import date
from journeymaps.model.kpi_series import TRACKS, track
from journeymaps.words import label


@pytest.fixture(scope="module")
def maps(project):
    return {e.map.id: e.map for e in project.maps}


def _track_word(cell: str) -> str:
    return text_of(re.search(r'<span class="jm-track[^"]*">(.*?)</span>', cell).group(1))


def _kpis(m):
    return [k for s in m.stages for k in s.kpis]


def test_the_map_page_shows_progress_track_and_a_sparkline_per_kpi(site_dir, maps) -> None:
    for map_id, m in maps.items():
        part = section(article(site_dir, f"maps/{map_id}/"), "kpis")
        head = table_head(part)
        w = lambda key: label(m.lang, key)  # noqa: E731
        assert head[6] == w("track"), map_id
        rows = re.findall(r"<tr>(.*?)</tr>", part[part.index("<tbody>"):], re.S)
        for k, row in zip(_kpis(m), rows, strict=True):
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            if len(k.observations) < 2:  # a designed (to-be) journey has no measurements: no trend to judge
                assert text_of(cells[6]) == "–" and "<svg" not in cells[6], (map_id, k.id)
                continue
            assert _track_word(cells[6]) == w("track." + track(k)), (map_id, k.id)
            svg = cells[6]
            # A picture with a text alternative: its title and description name the KPI and its target.
            assert f'id="jm-{map_id}-kpi-{k.id}"' in svg and 'role="img"' in svg
            title = re.search(r"<title[^>]*>(.*?)</title>", svg).group(1)
            desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
            assert title == w("spark.kpi.title").format(kpi=k.name).replace("&", "&amp;")
            assert str(len(k.observations)) in desc
        # "Gap to target" keeps its progress in percent.
        assert all(re.search(r"\d+%", r[5]) for r in table_rows(part)), map_id
        if m.status == "to-be":
            continue
        # The target date is said with the target.
        assert w("kpi.by").format(date=date(_kpis(m)[0].target_date, m.lang)) in text_of(part)


def test_the_sample_series_are_not_all_improving(maps) -> None:
    maps = {i: m for i, m in maps.items() if m.status == "as-is"}  # a to-be map is designed, not measured
    states = [track(k) for m in maps.values() for k in _kpis(m)]
    assert {"on-track", "at-risk", "off-track"} <= set(states)
    kpis = [k for m in maps.values() for k in _kpis(m)]
    assert any(k.observations and (k.observations[-1].value - k.baseline) * (k.target - k.baseline) < 0 for k in kpis)
    assert any(k.observations and (k.observations[-1].value - k.target) * (k.target - k.baseline) >= 0 for k in kpis)
    assert all(k.target_date is not None and len(k.observations) >= 2 for k in kpis)


def test_the_kpi_catalogue_sorts_each_map_by_track(site_dir, maps) -> None:
    page = article(site_dir, "catalogue/kpis/")
    order = {label("en", "track." + t): i for i, t in enumerate(TRACKS)}
    for m in (m for m in maps.values() if m.lang == "en"):
        part = section(page, f"kpis-{m.id}")
        rows = table_rows(part)
        ranks = [order[_track_word(cell)] for cell in re.findall(r'<td[^>]*>((?:(?!</td>).)*jm-track.*?)</td>', part, re.S)]
        assert len(ranks) == sum(track(k) is not None for k in _kpis(m))
        assert ranks == sorted(ranks), m.id
        assert len(rows) == len(_kpis(m))
    assert page.count("<svg") == sum(len(k.observations) >= 2 for m in maps.values() if m.lang == "en" for k in _kpis(m))


def test_a_research_page_per_study_lists_the_pain_points_it_supports(site_dir, maps, vocabulary) -> None:
    assert vocabulary.studies
    index = article(site_dir, "research/")
    assert len(table_rows(index)) == len(vocabulary.studies)
    for st in vocabulary.studies:
        cited = [p for m in maps.values() if m.lang == "en" for s in m.stages for p in s.pain_points
                 if p.evidence == st.id]
        page = article(site_dir, f"research/{st.id}/")
        part = section(page, "supports")
        assert [li for li in re.findall(r"<li>(.*?)</li>", part, re.S)].__len__() == len(cited), st.id
        for p in cited:
            assert p.text in text_of(part)
        for h in hrefs(part):
            assert resolve(site_dir, f"research/{st.id}/", h).is_file(), h


@pytest.mark.parametrize("lang", ["zh", "pl"])
def test_research_pages_exist_in_every_site_language(site_dir, vocabulary, lang) -> None:
    st = vocabulary.studies[0]
    page = article(site_dir, f"{lang}/research/{st.id}/")
    assert label(lang, "research.supports") in text_of(page)
    assert label(lang, "method." + st.method) in text_of(page)


def test_pain_point_evidence_links_to_its_study_and_maps_count_hypotheses(site_dir, maps, vocabulary) -> None:
    for map_id, m in maps.items():
        page = article(site_dir, f"maps/{map_id}/")
        pains = [p for s in m.stages for p in s.pain_points]
        n = sum(p.evidence == "hypothesis" for p in pains)
        assert label(m.lang, "research.hypotheses.value").format(n=n, total=len(pains)) in text_of(page)
        studies = {p.evidence for p in pains if vocabulary.study(p.evidence)}
        for sid in studies:
            assert any(resolve(site_dir, f"maps/{map_id}/", h) == page_file(site_dir, f"research/{sid}/")
                       for h in hrefs(page)), (map_id, sid)
