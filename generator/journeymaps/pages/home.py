"""The home page (what the site is, the industries, a card per map) and the industry indexes."""

from __future__ import annotations

from ..core.escape import attr, html_text, inline
from ..model.resolve import industry_name
from . import layout
from .blocks import bullets, link, page, table, unsearched
from .map_groups import also_in, map_groups, map_link
from .model import Pictures, SiteContext, VirtualFile
from .pictures import emotion_sparkline
from .words import SITE_LANG, language_name, word


def industries_in_use(ctx: SiteContext) -> list[str]:
    """Industries with at least one map, in the order of `site_config/industries.yaml`."""
    used = {e.map.industry for e in ctx.maps}
    known = [i.id for i in ctx.vocab.industries if i.id in used]
    return known + sorted(used - set(known))


def home_page(ctx: SiteContext) -> VirtualFile:
    here = layout.HOME
    parts = [f"# {inline(ctx.site_name)}",
             "Customer journey maps as code. Each map below is a YAML file in the repository, checked on "
             "every change and published here with its stage diagram, a playbook of what to change first, "
             "and the KPIs that show whether it worked. The method guides explain how to build and use a map; "
             "the catalogues compare channels, pain points, opportunities and KPIs across all maps."]
    if ctx.failures:
        parts.append(_failures_note(ctx, here))
    parts.append("## Industries {#industries}")
    rows = []
    for ind in industries_in_use(ctx):
        d = ctx.vocab.industry(ind)
        count = sum(e.map.industry == ind for e in ctx.maps)
        rows.append((link(industry_name(ind, "en", ctx.vocab), layout.rel(here, layout.industry_page(ind))),
                     inline(d.description) if d and d.description else "", str(count)))
    parts.append(table(["Industry", "About", "Maps"], rows, align=["l", "l", "r"]))
    parts.append("## Maps {#maps}")
    pictures = Pictures()
    parts.append(_cards(ctx, here, pictures))
    parts.append("## Also on this site {#more}")
    parts.append(bullets([
        f"[Method guides]({layout.rel(here, layout.METHOD)}): how to build a journey map and turn it into changes.",
        f"[Catalogues]({layout.rel(here, layout.CATALOGUE)}): channels by stage, all pain points, the "
        "opportunity backlog, all KPIs, tags.",
        f"[Authoring reference]({layout.rel(here, layout.REFERENCE)}): every field of the map format.",
    ]))
    return page(here, ctx.site_name, parts, pictures=pictures)


def _cards(ctx: SiteContext, here: str, pictures: Pictures) -> str:
    """Cards are raw HTML (a sparkline cannot live inside a Markdown list item), so their
    links are written for directory URLs, as both MkDocs and Zensical use by default."""
    cards = []
    for e in ctx.maps:
        m = e.map
        spark = emotion_sparkline(m, ctx.vocab, id_prefix=f"{m.id}-spark")
        spark = "".join(line.strip() for line in spark.splitlines())
        cards.append(
            f'<li class="jm-card" lang="{attr(m.lang)}">'
            f'<a href="{attr(layout.href(here, layout.map_page(m.id)))}">{html_text(m.title)}</a>'
            f'<span class="jm-card-meta">{html_text(industry_name(m.industry, m.lang, ctx.vocab))} · '
            f'{html_text(language_name(m.lang))} · {html_text(word("map_status." + m.status, SITE_LANG))}</span>'
            f'<span class="jm-spark">{pictures.slot(spark)}</span>'
            f'<span class="jm-card-summary">{html_text(m.summary)}</span></li>')
    return '<ul class="jm-cards" data-search-exclude>\n' + "\n".join(cards) + "\n</ul>"


def _failures_note(ctx: SiteContext, here: str) -> str:
    lines = [f"- {inline(f.display)}" for f in ctx.failures]
    return "!!! failure \"Some maps fail the check and are not shown\"\n\n" + "\n".join(
        "    " + line for line in lines)


def industry_page(ind: str, ctx: SiteContext) -> VirtualFile:
    here = layout.industry_page(ind)
    d = ctx.vocab.industry(ind)
    title = industry_name(ind, "en", ctx.vocab)
    parts = [f"# {inline(title)}"]
    if d and d.description:
        parts.append(inline(d.description))
    # One row per map, its translations linked under the original: the page lists journeys,
    # and a translation is the same journey. Five columns leave the summary room to read.
    rows = []
    for g in map_groups(ctx):
        m = g.original.map
        if m.industry != ind:
            continue
        links = [link(word("playbook", SITE_LANG), layout.rel(here, layout.playbook_page(m.id))),
                 also_in(here, g.members[1:])]
        rows.append((map_link(here, g.original) + '<br><small class="jm-also">' + " · ".join(filter(None, links))
                     + "</small>", inline(m.summary), inline(word("map_status." + m.status, SITE_LANG)),
                     inline(m.owner), m.last_reviewed.isoformat()))
    headers = [word(k, SITE_LANG) for k in ("cat.map", "summary", "status", "owner", "last_reviewed")]
    parts.append(unsearched(table(headers, rows), "jm-catalogue jm-index"))
    return page(here, title, parts, wide=True)
