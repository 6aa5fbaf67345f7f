"""The home page (what the site is, the industries, a card per map) and the industry indexes."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.escape import url_path
from ..model.resolve import industry_name
from . import layout
from .blocks import html_link, page
from .map_groups import also_in, map_groups, map_link
from .model import Pictures, SiteContext, VirtualFile
from .pictures import emotion_sparkline
from .portfolio import portfolio
from .templates import Markdown
from .words import date, labelled, language_name, sentence, word

HOME_CARDS = 12  # map cards on the home page; past it the most recently reviewed (see _card_maps)


def industries_in_use(ctx: SiteContext) -> list[str]:
    """Industries with at least one map, in the order of `site_config/industries.yaml`."""
    used = {e.map.industry for e in ctx.maps}
    known = [i.id for i in ctx.vocab.industries if i.id in used]
    return known + sorted(used - set(known))


@dataclass(frozen=True)
class IndustryRow:
    name: str
    link: Markdown
    about: str
    maps: int


@dataclass(frozen=True)
class Card:
    """One map on the home page: its text in its language, the labels in the site's."""

    href: str  # for directory URLs (raw HTML is not rewritten by the engines)
    lang: str
    title: str
    industry: str
    language: str  # the map's language, named in that language
    status: str
    sparkline: Markdown  # a picture slot
    summary: str


@dataclass(frozen=True)
class IndexRow:
    """One journey on an industry's index (a raw HTML table set aside from Markdown: a row per map)."""

    map: Markdown  # the original, linked (HTML)
    links: Markdown  # its playbook and its other languages (HTML)
    summary: str
    status: str
    owner: str
    last_reviewed: Markdown


def home_page(ctx: SiteContext) -> VirtualFile:
    here = layout.HOME
    lang = ctx.lang
    w = lambda key: word(key, lang)  # noqa: E731
    rows = []
    for ind in industries_in_use(ctx):
        d = ctx.vocab.industry(ind)
        count = sum(e.map.industry == ind for e in ctx.maps)
        rows.append(IndustryRow(industry_name(ind, ctx.lang, ctx.vocab),
                                Markdown(url_path(layout.rel(here, layout.industry_page(ind)))),
                                (d.describe(lang) or "") if d else "", count))
    pictures = Pictures()
    more = [Markdown(sentence(labelled(f"[{w(title)}]({layout.rel(here, target)})", w(about), lang), lang))
            for title, target, about in (("method.title", layout.METHOD, "about.method"),
                                         ("cat.title", layout.CATALOGUE, "about.catalogue"),
                                         ("reference.title", layout.REFERENCE, "about.reference"))]
    body = ctx.templates.render("home.md", w, aside=pictures, site_name=ctx.site_name, failures=[f.display for f in ctx.failures],
                                industries=rows, cards=_cards(ctx, here, pictures), map_count=len(ctx.maps), more=more,
                                portfolio=portfolio(ctx, here))
    return page(here, ctx.site_name, [body], pictures=pictures, site_lang=lang)


def _card_maps(ctx: SiteContext) -> list:
    """Every map while they fit on a home page; past HOME_CARDS the most recently reviewed, newest
    first (a thousand cards made an 8 MB home page; the industry pages list every map)."""
    if len(ctx.maps) <= HOME_CARDS:
        return list(ctx.maps)
    return sorted(ctx.maps, key=lambda e: e.map.last_reviewed, reverse=True)[:HOME_CARDS]


def _cards(ctx: SiteContext, here: str, pictures: Pictures) -> list[Card]:
    """Links are written for directory URLs, as both MkDocs and Zensical use by default."""
    cards = []
    for e in _card_maps(ctx):
        m = e.map
        spark = emotion_sparkline(m, ctx.vocab, id_prefix=f"{m.id}-spark")
        spark = "".join(line.strip() for line in spark.splitlines())
        cards.append(Card(layout.href(here, layout.map_page(m.id)), m.lang, m.title,
                          industry_name(m.industry, ctx.lang, ctx.vocab), language_name(m.lang),
                          word("map_status." + m.status, ctx.lang), Markdown(pictures.slot(spark)), m.summary))
    return cards


def industry_page(ind: str, ctx: SiteContext) -> VirtualFile:
    here = layout.industry_page(ind)
    d = ctx.vocab.industry(ind)
    title = industry_name(ind, ctx.lang, ctx.vocab)
    # One row per map, its translations linked under the original: the page lists journeys,
    # and a translation is the same journey. Five columns leave the summary room to read.
    rows = []
    for g in map_groups(ctx):
        m = g.original.map
        if m.industry != ind:
            continue
        links = [html_link(word("playbook", ctx.lang), layout.href(here, layout.playbook_page(m.id))),
                 also_in(ctx.lang, here, g.members[1:], html=True)]
        rows.append(IndexRow(Markdown(map_link(here, g.original, html=True)), Markdown(" · ".join(filter(None, links))),
                             m.summary, word("map_status." + m.status, ctx.lang), m.owner,
                             Markdown(date(m.last_reviewed, ctx.lang))))
    pictures = Pictures()  # keeps the table the template sets aside
    body = ctx.templates.render("industry.md", lambda key: word(key, ctx.lang), aside=pictures, title=title,
                                description=(d.describe(ctx.lang) or "") if d else "", maps=rows)
    return page(here, title, [body], wide=True, site_lang=ctx.lang, pictures=pictures)
