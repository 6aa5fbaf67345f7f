"""The pilot log across maps (issue 14 §3): every pilot of every opportunity, the latest start
first, with its cohort, dates, the KPIs it should move, its result and the decision taken."""

from __future__ import annotations

from ..core.escape import inline
from ..model.journey import JourneyMap, Pilot
from . import layout
from .blocks import page, table, unsearched
from .map_groups import folded, map_groups, maps_cell
from .model import SiteContext, VirtualFile
from .templates import Markdown
from .words import date, listed, word


def pilot_state(p: Pilot, lang: str) -> str:
    """The decision in words, or "running" for a pilot without one (the checker warns when it is overdue)."""
    return word("decision." + p.decision, lang) if p.decision else word("pilot.running", lang)


def _kpis(m: JourneyMap, ids: list[str], lang: str) -> str:
    index = m.kpi_index()
    return listed((inline(index[k][1].name) if k in index else inline(k) for k in ids), lang) or "–"


def pilots_page(ctx: SiteContext) -> VirtualFile:
    lang = ctx.lang
    here = layout.CATALOGUES["pilots"]
    w = lambda key: word(key, lang)  # noqa: E731
    title = w("cat.pilots")
    found = []  # (pilot, row): the sort is stable, so maps stay in site order within a day
    with_pilots: set[str] = set()
    for g in map_groups(ctx):
        for r in folded(g, lambda s: s.opportunities):
            m, o = r.entry.map, r.item
            for p in o.pilots:
                with_pilots.add(g.original.map.id)
                anchor = layout.stage_anchor(r.stage.id)
                decided = f"**{inline(pilot_state(p, lang))}**" if p.decision else f"*{inline(pilot_state(p, lang))}*"
                found.append((p, (inline(p.hypothesis), inline(o.text), inline(p.cohort),
                                  f"{date(p.start, lang)} – {date(p.end, lang)}", _kpis(m, p.kpis, lang),
                                  inline(p.result) if p.result else f"*{inline(w('pilot.no_result'))}*", decided,
                                  maps_cell(lang, here, r.members, anchor))))
    found.sort(key=lambda item: item[0].start, reverse=True)
    if not found:
        return _page(ctx, title, w("cat.pilots.none"), "")
    running = sum(p.decision is None for p, _ in found)
    intro = w("cat.pilots.intro").format(pilots=len(found), maps=len(with_pilots),
                                          running=running, decided=len(found) - running)
    headers = [w(k) for k in ("pilot.hypothesis", "opportunity", "pilot.cohort", "pilot.dates", "lane.kpis",
                              "pilot.result", "pilot.decision", "cat.map")]
    return _page(ctx, title, intro, unsearched(table(headers, [row for _, row in found]), "jm-catalogue"))


def _page(ctx: SiteContext, title: str, intro: str, body: str) -> VirtualFile:
    """From the site's ``catalogue_pilots.md`` (overridable like every catalogue)."""
    text = ctx.templates.render("catalogue_pilots.md", lambda k: word(k, ctx.lang), title=Markdown(title),
                                intro=Markdown(intro), table=Markdown(body))
    return page(layout.CATALOGUES["pilots"], title, [text], wide=True, site_lang=ctx.lang)
