"""The playbook of one map: what to change first, how to tell it worked, who does it."""

from __future__ import annotations

from dataclasses import dataclass

from ..check.runner import MapEntry
from ..core.escape import inline
from ..model.journey import JourneyMap
from ..model.priority import OPEN, quadrant, ranked, score
from ..model.resolve import stage_name
from . import layout
from .blocks import figure, page
from .map_page import kpi_table
from .model import Pictures, SiteContext, VirtualFile
from .pictures import priority_matrix
from .templates import Markdown
from .words import bracketed, clauses, labelled, listed, sentence, word


@dataclass(frozen=True)
class RankedRow:
    """One opportunity in the ranked table; its number is its marker in the matrix."""

    rank: int
    opportunity: str
    addresses: Markdown  # "Addresses: ..." (the pain points, escaped), empty when none
    stage: str
    stage_link: Markdown
    impact: int
    effort: int
    priority: float
    quadrant: Markdown
    status: str
    owner: str | None


@dataclass(frozen=True)
class Pilot:
    """The first open opportunity, in sentences of the map's language."""

    opportunity: str
    line: Markdown  # where and how it ranks
    addresses_label: Markdown
    addresses: list[Markdown]  # the pain points it addresses, with their severity
    monitor: Markdown  # the KPIs to watch, empty when the map has none
    owner: Markdown


@dataclass(frozen=True)
class OwnerRow:
    owner: str
    things: Markdown  # what they own, joined by the language's rules


def playbook_page(entry: MapEntry, ctx: SiteContext) -> VirtualFile:
    m = entry.map
    here = layout.playbook_page(m.id)
    w = lambda key: word(key, m.lang)  # noqa: E731
    back = layout.rel(here, layout.map_page(m.id))
    pictures = Pictures()
    order = ranked(m)  # one numbering: the table's # is the matrix's marker
    kpis = [(s, k) for s in m.stages for k in s.kpis]
    idx = m.kpi_index()
    measured = [(o, [k for k in o.kpis if k in idx]) for o in m.objectives]
    body = ctx.templates.render(
        "playbook.md", w,
        heading=Markdown(labelled(w("playbook"), inline(m.title), m.lang)), summary=m.summary, back=Markdown(back),
        ranked=_ranked(m, order, ctx, back),
        matrix=Markdown(figure(priority_matrix(m, ctx.vocab, id_prefix=f"{m.id}-matrix"), cls="jm-matrix",
                               label=labelled(w("matrix"), m.title, m.lang), pictures=pictures)),
        pilot=_pilot(m, order, ctx, back),
        kpis=Markdown(kpi_table(m, kpis, ctx) if kpis else ""),
        measured=[Markdown(f"{inline(o.text)} — " + labelled(w("measures"), listed((inline(idx[k][1].name)
                                                                               for k in ks), m.lang), m.lang))
                  for o, ks in measured if ks],
        owners=_owners(m, ctx))
    return page(here, labelled(w("playbook"), m.title, m.lang), [body], source=entry.display, wide=True,
                pictures=pictures, lang=m.lang, site_lang=ctx.lang)


def _ranked(m: JourneyMap, order, ctx: SiteContext, back: str) -> list[RankedRow]:
    pains = m.pain_point_index()
    w = lambda key: word(key, m.lang)  # noqa: E731
    rows = []
    for n, (s, o) in enumerate(order, 1):
        addressed = clauses((inline(pains[a][1].text) for a in o.addresses if a in pains), m.lang)
        rows.append(RankedRow(n, o.text, Markdown(labelled(w("addresses"), addressed, m.lang) if addressed else ""),
                              stage_name(m, s, ctx.vocab), Markdown(f"{back}#{layout.stage_anchor(s.id)}"),
                              o.impact, o.effort, score(o), Markdown(quadrant(o, m.lang)), w("status." + o.status),
                              o.owner))
    return rows


def _pilot(m: JourneyMap, order, ctx: SiteContext, back: str) -> Pilot | None:
    candidates = [(s, o) for s, o in order if o.status in OPEN]
    if not candidates:
        return None
    s, o = candidates[0]
    pains = m.pain_point_index()
    where = word("pilot_where", m.lang).format(
        stage=f"[{inline(stage_name(m, s, ctx.vocab))}]({back}#{layout.stage_anchor(s.id)})")
    line = sentence(listed([where, word("pilot_line", m.lang).format(
        impact=o.impact, effort=o.effort, priority=score(o), quadrant=quadrant(o, m.lang))], m.lang, "comma"), m.lang)
    severity = lambda p: inline(word("severity." + p.severity, m.lang))  # noqa: E731
    addressed = [Markdown(inline(p.text) + bracketed(f"*{severity(p)}*", m.lang))
                 for p in (pains[a][1] for a in o.addresses if a in pains)]
    watch = [k for k in s.kpis] or [k for st in m.stages for k in st.kpis][:3]
    monitor = (sentence(labelled(word("monitor", m.lang), listed((inline(k.name) for k in watch), m.lang), m.lang),
                        m.lang) if watch else "")
    return Pilot(o.text, Markdown(line), Markdown(labelled(word("addresses", m.lang), "", m.lang).rstrip()),
                 addressed, Markdown(monitor),
                 Markdown(sentence(labelled(word("owner", m.lang), inline(o.owner or m.owner), m.lang), m.lang)))


def _owners(m: JourneyMap, ctx: SiteContext) -> list[OwnerRow]:
    w = lambda key: word(key, m.lang)  # noqa: E731
    owns: dict[str, list[str]] = {m.owner: [w("whole_journey")]}
    for s in m.stages:
        for t in s.touchpoints:
            if t.owner:
                owns.setdefault(t.owner, []).append(inline(t.name) + bracketed(inline(w("layer." + t.layer)), m.lang))
        for o in s.opportunities:
            if o.owner:
                owns.setdefault(o.owner, []).append(inline(o.text) + bracketed(inline(w("status." + o.status)), m.lang))
    return [OwnerRow(owner, Markdown(clauses(things, m.lang))) for owner, things in owns.items()]
