"""The playbook of one map: what to change first, how to tell it worked, who does it."""

from __future__ import annotations

from ..check.runner import MapEntry
from ..core.escape import inline
from ..model.journey import JourneyMap
from ..model.priority import OPEN, quadrant, ranked, score
from ..model.resolve import stage_name
from . import layout
from .blocks import bullets, figure, page, table
from .map_page import kpi_table
from .model import Pictures, SiteContext, VirtualFile
from .pictures import priority_matrix
from .words import bracketed, clauses, labelled, listed, sentence, word


def playbook_page(entry: MapEntry, ctx: SiteContext) -> VirtualFile:
    m = entry.map
    here = layout.playbook_page(m.id)
    w = lambda key: word(key, m.lang)  # noqa: E731
    back = layout.rel(here, layout.map_page(m.id))
    pictures = Pictures()
    parts = [f"# {labelled(w('playbook'), inline(m.title), m.lang)}", inline(m.summary), f"[{w('back_to_map')}]({back})"]
    order = ranked(m)  # one numbering: the table's # is the matrix's marker
    parts += [f"## {w('ranked')} {{#ranked}}", _ranked(m, order, ctx, back)]
    parts += [f"## {w('matrix')} {{#matrix}}",
              figure(priority_matrix(m, ctx.vocab, id_prefix=f"{m.id}-matrix"), cls="jm-matrix",
                     label=labelled(w("matrix"), m.title, m.lang), pictures=pictures)]
    parts += [f"## {w('pilot')} {{#pilot}}", _pilot(m, order, ctx, back)]
    kpis = [(s, k) for s in m.stages for k in s.kpis]
    if kpis:
        parts += [f"## {w('monitor')} {{#monitor}}", kpi_table(m, kpis, ctx)]
        measured = [(o, [k for k in o.kpis if k in m.kpi_index()]) for o in m.objectives]
        if any(ks for _, ks in measured):
            idx = m.kpi_index()
            parts.append(bullets(f"{inline(o.text)} — " + labelled(w("measures"), listed((inline(idx[k][1].name)
                                                                                  for k in ks), m.lang), m.lang)
                                 for o, ks in measured if ks))
    parts += [f"## {w('who_owns')} {{#owners}}", _owners(m, ctx)]
    return page(here, labelled(w("playbook"), m.title, m.lang), parts, source=entry.display, wide=True,
                pictures=pictures, lang=m.lang, site_lang=ctx.lang)


def _ranked(m: JourneyMap, order, ctx: SiteContext, back: str) -> str:
    if not order:
        return word("no_pilot", m.lang)
    pains = m.pain_point_index()
    w = lambda key: word(key, m.lang)  # noqa: E731
    rows = []
    for n, (s, o) in enumerate(order, 1):
        addressed = clauses((inline(pains[a][1].text) for a in o.addresses if a in pains), m.lang)
        what = inline(o.text) + (f'<br><small class="jm-addresses">{labelled(w("addresses"), addressed, m.lang)}</small>'
                                 if addressed else "")
        stage = f"[{inline(stage_name(m, s, ctx.vocab))}]({back}#{layout.stage_anchor(s.id)})"
        rows.append((str(n), what, stage, str(o.impact), str(o.effort), f"**{score(o)}**<br>{quadrant(o, m.lang)}",
                     inline(w("status." + o.status)), inline(o.owner) if o.owner else "–"))
    ranked_table = table(["#", w("opportunity"), w("stage"), w("impact"), w("effort"), w("priority"), w("status"),
                          w("owner")], rows, align=["r", "l", "l", "r", "r", "l", "l", "l"])
    return f'<div class="jm-compact jm-ranked" markdown="1">\n\n{ranked_table}\n\n</div>'


def _pilot(m: JourneyMap, order, ctx: SiteContext, back: str) -> str:
    candidates = [(s, o) for s, o in order if o.status in OPEN]
    if not candidates:
        return word("no_pilot", m.lang)
    s, o = candidates[0]
    pains = m.pain_point_index()
    where = word("pilot_where", m.lang).format(
        stage=f"[{inline(stage_name(m, s, ctx.vocab))}]({back}#{layout.stage_anchor(s.id)})")
    lines = [f"**{inline(o.text)}** — " + sentence(listed([where, word("pilot_line", m.lang).format(
        impact=o.impact, effort=o.effort, priority=score(o), quadrant=quadrant(o, m.lang))], m.lang, "comma"), m.lang)]
    addressed = [pains[a][1] for a in o.addresses if a in pains]
    if addressed:
        severity = lambda p: inline(word("severity." + p.severity, m.lang))  # noqa: E731
        lines.append(labelled(word("addresses", m.lang), "", m.lang).rstrip() + "\n\n"
                     + bullets(inline(p.text) + bracketed(f"*{severity(p)}*", m.lang) for p in addressed))
    watch = [k for k in s.kpis] or [k for st in m.stages for k in st.kpis][:3]
    if watch:
        lines.append(sentence(labelled(word("monitor", m.lang), listed((inline(k.name) for k in watch), m.lang),
                                       m.lang), m.lang))
    lines.append(sentence(labelled(word("owner", m.lang), inline(o.owner or m.owner), m.lang), m.lang))
    return "\n\n".join(lines)


def _owners(m: JourneyMap, ctx: SiteContext) -> str:
    w = lambda key: word(key, m.lang)  # noqa: E731
    owns: dict[str, list[str]] = {m.owner: [w("whole_journey")]}
    for s in m.stages:
        for t in s.touchpoints:
            if t.owner:
                owns.setdefault(t.owner, []).append(inline(t.name) + bracketed(inline(w("layer." + t.layer)), m.lang))
        for o in s.opportunities:
            if o.owner:
                owns.setdefault(o.owner, []).append(inline(o.text) + bracketed(inline(w("status." + o.status)), m.lang))
    rows = [(inline(owner), clauses(things, m.lang)) for owner, things in owns.items()]
    return table([w("owner"), w("owns")], rows)
