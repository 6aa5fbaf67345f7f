"""The home page (what the site is, the industries, a card per map) and the industry indexes."""

from __future__ import annotations

from ..core.escape import attr, html_text, inline
from ..model.resolve import industry_name
from . import layout
from .blocks import bullets, link, page, table, unsearched
from .map_groups import also_in, map_groups, map_link
from .model import Pictures, SiteContext, VirtualFile
from .pictures import emotion_sparkline
from .words import date, labelled, language_name, sentence, word


def industries_in_use(ctx: SiteContext) -> list[str]:
    """Industries with at least one map, in the order of `site_config/industries.yaml`."""
    used = {e.map.industry for e in ctx.maps}
    known = [i.id for i in ctx.vocab.industries if i.id in used]
    return known + sorted(used - set(known))


def home_page(ctx: SiteContext) -> VirtualFile:
    here = layout.HOME
    lang = ctx.lang
    w = lambda key: word(key, lang)  # noqa: E731
    parts = [f"# {inline(ctx.site_name)}", w("home.intro")]
    if ctx.failures:
        parts.append(_failures_note(ctx, here))
    parts.append(f"## {w('home.industries')} {{#industries}}")
    rows = []
    for ind in industries_in_use(ctx):
        d = ctx.vocab.industry(ind)
        count = sum(e.map.industry == ind for e in ctx.maps)
        rows.append((link(industry_name(ind, ctx.lang, ctx.vocab), layout.rel(here, layout.industry_page(ind))),
                     inline(d.describe(lang) or "") if d else "", str(count)))
    parts.append(table([w("industry"), w("home.about"), w("home.maps")], rows, align=["l", "l", "r"]))
    parts.append(f"## {w('home.maps')} {{#maps}}")
    pictures = Pictures()
    parts.append(_cards(ctx, here, pictures))
    parts.append(f"## {w('home.more')} {{#more}}")
    parts.append(bullets(sentence(labelled(f"[{w(title)}]({layout.rel(here, target)})", w(about), lang), lang)
                         for title, target, about in (("method.title", layout.METHOD, "about.method"),
                                                      ("cat.title", layout.CATALOGUE, "about.catalogue"),
                                                      ("reference.title", layout.REFERENCE, "about.reference"))))
    return page(here, ctx.site_name, parts, pictures=pictures, site_lang=lang)


def _cards(ctx: SiteContext, here: str, pictures: Pictures) -> str:
    """Cards are raw HTML (a sparkline cannot live inside a Markdown list item), so their
    links are written for directory URLs, as both MkDocs and Zensical use by default."""
    cards = []
    for e in ctx.maps:
        m = e.map
        spark = emotion_sparkline(m, ctx.vocab, id_prefix=f"{m.id}-spark")
        spark = "".join(line.strip() for line in spark.splitlines())
        cards.append(
            # The map's text in its language, the card's labels in the site's.
            f'<li class="jm-card">'
            f'<a href="{attr(layout.href(here, layout.map_page(m.id)))}" lang="{attr(m.lang)}">{html_text(m.title)}</a>'
            f'<span class="jm-card-meta">{html_text(industry_name(m.industry, ctx.lang, ctx.vocab))} · '
            f'<span lang="{attr(m.lang)}">{html_text(language_name(m.lang))}</span> · '
            f'{html_text(word("map_status." + m.status, ctx.lang))}</span>'
            f'<span class="jm-spark">{pictures.slot(spark)}</span>'
            f'<span class="jm-card-summary" lang="{attr(m.lang)}">{html_text(m.summary)}</span></li>')
    return '<ul class="jm-cards" data-search-exclude>\n' + "\n".join(cards) + "\n</ul>"


def _failures_note(ctx: SiteContext, here: str) -> str:
    lines = [f"- {inline(f.display)}" for f in ctx.failures]
    return f"!!! failure \"{word('home.failing', ctx.lang)}\"\n\n" + "\n".join(
        "    " + line for line in lines)


def industry_page(ind: str, ctx: SiteContext) -> VirtualFile:
    here = layout.industry_page(ind)
    d = ctx.vocab.industry(ind)
    title = industry_name(ind, ctx.lang, ctx.vocab)
    parts = [f"# {inline(title)}"]
    if d and d.describe(ctx.lang):
        parts.append(inline(d.describe(ctx.lang)))
    # One row per map, its translations linked under the original: the page lists journeys,
    # and a translation is the same journey. Five columns leave the summary room to read.
    rows = []
    for g in map_groups(ctx):
        m = g.original.map
        if m.industry != ind:
            continue
        links = [link(word("playbook", ctx.lang), layout.rel(here, layout.playbook_page(m.id))),
                 also_in(ctx.lang, here, g.members[1:])]
        rows.append((map_link(here, g.original) + '<br><small class="jm-also">' + " · ".join(filter(None, links))
                     + "</small>", inline(m.summary), inline(word("map_status." + m.status, ctx.lang)),
                     inline(m.owner), date(m.last_reviewed, ctx.lang)))
    headers = [word(k, ctx.lang) for k in ("cat.map", "summary", "status", "owner", "last_reviewed")]
    parts.append(unsearched(table(headers, rows), "jm-catalogue jm-index"))
    return page(here, title, parts, wide=True, site_lang=ctx.lang)
