"""The home page shows a card per map while they fit; past HOME_CARDS the most recently reviewed,
newest first, and says where every map is listed (issue 16: a thousand cards made an 8 MB page)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from journeymaps.pages.home import HOME_CARDS, home_page
from journeymaps.pages.site import context_of


def _many(project, n: int):
    entry = project.maps[0]
    day = dt.date(2026, 1, 1)
    copies = [dataclasses.replace(entry, map=entry.map.model_copy(update={
        "id": f"copy-{i:03d}", "title": f"Copy {i}", "translations": {},
        "last_reviewed": day + dt.timedelta(days=(i * 7) % n)})) for i in range(n)]
    return dataclasses.replace(project, maps=copies)


def _card_titles(page) -> list[str]:
    cards = next(svg for svg in page.svgs if isinstance(svg, str) and svg.startswith('<ul class="jm-cards"'))
    return [part.split("</a>", 1)[0].rsplit(">", 1)[1] for part in cards.split('<li class="jm-card">')[1:]]


def test_every_map_has_a_card_while_they_fit(project) -> None:
    ctx = context_of(project)  # the maps listed: one per translation group
    page = home_page(ctx)
    assert _card_titles(page) == [e.map.title for e in ctx.maps] and len(ctx.maps) <= HOME_CARDS
    assert "most recently reviewed" not in page.content


def test_past_the_limit_the_most_recently_reviewed_show_and_the_page_says_so(project) -> None:
    many = _many(project, 40)
    page = home_page(context_of(many))
    titles = _card_titles(page)
    newest = sorted(many.maps, key=lambda e: e.map.last_reviewed, reverse=True)[:HOME_CARDS]
    assert titles == [e.map.title for e in newest]
    assert f"The {HOME_CARDS} most recently reviewed of 40 maps" in page.content
    assert "[Industries](#industries)" in page.content


def test_the_note_is_in_the_readers_language(project) -> None:
    page = home_page(context_of(_many(project, 40), lang="zh"))
    assert f"共 40 张地图，这里列出最近评审的 {HOME_CARDS} 张" in page.content
