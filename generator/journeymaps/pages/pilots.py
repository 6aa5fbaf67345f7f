"""The pilot log across maps (issue 14 §3): every pilot of every opportunity, the latest start
first, with its cohort, dates, the KPIs it should move, its result and the decision taken."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.escape import inline
from ..model.journey import JourneyMap, Pilot
from . import layout
from .blocks import page
from .map_groups import folded, map_groups, maps_cell
from .model import SiteContext, VirtualFile
from .templates import Markdown
from .words import date, listed, word


def pilot_state(p: Pilot, lang: str) -> str:
    """The decision in words, or "running" for a pilot without one (the checker warns when it is overdue)."""
    return word("decision." + p.decision, lang) if p.decision else word("pilot.running", lang)


@dataclass(frozen=True)
class PilotRow:
    """One pilot in the log (``catalogue_pilots.md`` lays it out)."""

    hypothesis: str
    opportunity: str
    cohort: str
    start: Markdown  # dates as the language writes them
    end: Markdown
    kpis: Markdown  # the KPIs' names, listed as the language lists them; "–" for none
    result: str | None  # None: not measured yet
    state: str  # the decision in words, or "running"
    decided: bool
    maps: Markdown  # the map (and its other languages), linked to the stage


def _kpis(m: JourneyMap, ids: list[str], lang: str) -> str:
    index = m.kpi_index()
    return listed((inline(index[k][1].name) if k in index else inline(k) for k in ids), lang) or "–"


def pilots_page(ctx: SiteContext) -> VirtualFile:
    """From the site's ``catalogue_pilots.md`` (overridable like every catalogue)."""
    lang = ctx.lang
    here = layout.CATALOGUES["pilots"]
    found: list[tuple[Pilot, PilotRow]] = []  # the sort is stable: maps stay in site order within a day
    with_pilots: set[str] = set()
    for g in map_groups(ctx):
        for r in folded(g, lambda s: s.opportunities):
            m, o = r.entry.map, r.item
            for p in o.pilots:
                with_pilots.add(g.original.map.id)
                cell = maps_cell(lang, here, r.members, layout.stage_anchor(r.stage.id))
                found.append((p, PilotRow(p.hypothesis, o.text, p.cohort, Markdown(date(p.start, lang)),
                                          Markdown(date(p.end, lang)), Markdown(_kpis(m, p.kpis, lang)), p.result,
                                          pilot_state(p, lang), bool(p.decision), Markdown(cell))))
    found.sort(key=lambda item: item[0].start, reverse=True)
    title = word("cat.pilots", lang)
    body = ctx.templates.render("catalogue_pilots.md", lambda k: word(k, lang), title=Markdown(title),
                                pilots=[row for _, row in found], maps=len(with_pilots))
    return page(here, title, [body], wide=True, site_lang=lang)
