"""The improvement loop on the site (issue 14 §3, §6): the pilot log and the plays catalogue
across maps, and the portfolio on the home page, in every site language."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from pathlib import Path

import pytest

from journeymaps.pages.layout import CATALOGUES, HOME, href, map_page, stage_anchor
from journeymaps.pages.pilots import pilots_page
from journeymaps.pages.site import build_site, context_of, nav_paths
from journeymaps.project import load_project
from journeymaps.words import label

REPO = Path(__file__).resolve().parents[2]
LANGS = ("en", "zh", "pl")


@pytest.fixture(scope="module")
def loaded():
    return load_project(REPO, today=_dt.date(2026, 11, 23))


@pytest.fixture(scope="module")
def sites(loaded):
    return {lang: build_site(loaded, png=False, lang=lang) for lang in LANGS}


def _page(site, path: str) -> str:
    # data(): the page as published, with what the engine sets aside (pictures, home cards) in place.
    return next(f.data().decode("utf-8") for f in site.files if f.path == path)


def _originals(project):
    return [e.map for e in project.maps if e.map.lang == "en"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pilot_log_lists_every_pilot_once_latest_first_and_is_in_the_nav(sites, loaded, lang) -> None:
    site = sites[lang]
    text = _page(site, CATALOGUES["pilots"])
    assert f"# {label(lang, 'cat.pilots')}" in text
    assert CATALOGUES["pilots"] in nav_paths(site.nav)
    pilots = [(p, o) for m in _originals(loaded) for s in m.stages for o in s.opportunities for p in o.pilots]
    assert len(pilots) >= 5
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == len(pilots)  # translations fold into their original's row
    starts = [p.start for p, _ in sorted(pilots, key=lambda po: po[0].start, reverse=True)]
    assert starts == sorted(starts, reverse=True)
    decided = [p for p, _ in pilots if p.decision]
    assert decided and len(decided) < len(pilots)  # at least one finished with a decision, one running
    for p in decided:
        assert f"**{label(lang, 'decision.' + p.decision)}**" in text
    assert text.count(f"*{label(lang, 'pilot.running')}*") == len(pilots) - len(decided)


def test_the_pilot_log_shows_a_pilot_in_the_site_language(sites) -> None:
    # The Polish site lists the fitness map's pilots from its Polish translation.
    assert "Dziesięciominutowa propozycja po opuszczonym treningu" in _page(sites["pl"], CATALOGUES["pilots"])
    assert "A ten-minute option after a missed workout" in _page(sites["en"], CATALOGUES["pilots"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_plays_catalogue_lists_every_play_with_its_guardrail(sites, loaded, lang) -> None:
    site = sites[lang]
    text = _page(site, CATALOGUES["plays"])
    assert CATALOGUES["plays"] in nav_paths(site.nav)
    plays = [p for m in _originals(loaded) for s in m.stages for p in s.plays]
    assert len(plays) >= 4
    assert label(lang, "cat.plays.intro").format(plays=len(plays), maps=3) in text
    assert label(lang, "play.cap.week").format(n=2) in text
    assert label(lang, "play.quiet").format(start="21:00", end="07:00") in text


def test_plays_stand_at_the_stages_the_orchestration_guide_names(loaded) -> None:
    maps = {m.id: m for m in _originals(loaded)}
    for map_id, stage_id in (("online-banking", "retention"), ("fashion-store", "retention"),
                             ("fitness-app", "retention"), ("fitness-app", "advocacy")):
        stage = next(s for s in maps[map_id].stages if s.id == stage_id)
        assert stage.plays, (map_id, stage_id)
    guide = (REPO / "maps/method/orchestration.md").read_text(encoding="utf-8")
    assert "(map:online-banking#retention)" in guide and "(map:fitness-app#advocacy)" in guide


@pytest.mark.parametrize("lang", LANGS)
def test_every_heat_map_cell_links_to_its_stage_on_its_map(sites, loaded, lang) -> None:
    home = _page(sites[lang], HOME)
    assert f"## {label(lang, 'portfolio.title')}" in home
    cells = re.findall(r'<a class="jm-heat-cell[^"]*" href="([^"]+)" data-map="([^"]+)" data-stage="([^"]+)" '
                       r'title="([^"]+)"', home)
    # One row per journey, in the site's language where a translation exists.
    shown = {"en": ("online-banking", "online-banking-to-be", "fashion-store", "fitness-app", "fibre-street-leads"),
             "zh": ("online-banking-zh", "online-banking-to-be", "fashion-store-zh", "fitness-app", "fibre-street-leads"),
             "pl": ("online-banking", "online-banking-to-be", "fashion-store-pl", "fitness-app-pl",
                    "fibre-street-leads")}[lang]
    listed = {e.map.id: e.map for e in loaded.maps if e.map.id in shown}
    assert {m for _, m, _, _ in cells} == set(shown)
    assert len(cells) == sum(len(m.stages) for m in listed.values())
    for target, map_id, stage_id, said in cells:
        assert target == f"{href(HOME, map_page(map_id))}#{stage_anchor(stage_id)}"
        assert said.startswith(listed[map_id].title)  # the figures in words, not in colour only
    # The table alternative carries the same figures, one row per cell, each linked to its stage.
    table = home.split(f"<summary>{label(lang, 'portfolio.table')}</summary>", 1)[1].split("</details>", 1)[0]
    with_retention = [m for m in listed.values() if any(s.id == "retention" for s in m.stages)]
    links = re.findall(r'<td><a href="([^"]+)"[^>]*>', table)
    assert len(links) == 2 * len(cells)  # the map, then the stage
    assert with_retention and links.count(f"{href(HOME, map_page(with_retention[0].id))}#{stage_anchor('retention')}") == 1
    assert sum(t.endswith(f"#{stage_anchor('retention')}") for t in links) == len(with_retention)


def test_a_pain_point_relieved_by_a_shipped_opportunity_is_not_open(sites) -> None:
    home = _page(sites["en"], HOME)
    # fitness-app, purchase: the yearly price surprise is addressed by the shipped honest plan picker.
    cell = re.search(r'data-map="fitness-app" data-stage="purchase" title="([^"]+)"', home)
    assert cell and "open pain points: 1 (1 medium)" in cell.group(1)


def test_maps_overdue_for_review_are_listed_by_the_checks_own_rule() -> None:
    late = load_project(REPO, today=_dt.date(2028, 1, 1))
    home = _page(build_site(late, png=False), HOME)
    review = home.split("{#portfolio-review}", 1)[1].split("\n## ", 1)[0]
    assert label("en", "portfolio.review.intro").format(days=365) in review
    for e in late.maps:
        if e.map.lang == "en":
            assert f"[{e.map.title}]" in review
    fresh = load_project(REPO, today=_dt.date(2026, 11, 23))
    assert label("en", "portfolio.review.none").format(days=365) in _page(build_site(fresh, png=False), HOME)


def test_a_site_without_pilots_says_so_instead_of_an_empty_table(loaded) -> None:
    ctx = context_of(loaded)
    bare = tuple(dataclasses.replace(e, map=e.map.model_copy(update={"stages": [
        s.model_copy(update={"opportunities": [o.model_copy(update={"pilots": []}) for o in s.opportunities]})
        for s in e.map.stages]})) for e in ctx.maps)
    text = pilots_page(dataclasses.replace(ctx, maps=bare)).content
    assert text.rstrip().endswith(label("en", "cat.pilots.none"))
    assert "|" not in text and label("en", "pilot.hypothesis") not in text
