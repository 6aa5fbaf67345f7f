"""The page of one journey map: everything a reader needs, top to bottom."""

from __future__ import annotations

from ..check.runner import MapEntry
from ..core.escape import attr, html_text, inline, narrative
from ..model.journey import JourneyMap, Kpi, Opportunity, PainPoint, Stage, Touchpoint
from ..model.kpi_series import TRACKS, current_of, progress, track
from ..render.kpi_spark import kpi_sparkline
from ..model.lanes import LaneSpec, page_order
from ..model.resolve import channel_name, industry_name, effective_scale, score_label, stage_name
from . import layout
from .blocks import bullets, evidence, lang_mark, link, page, table
from .canvas import canvas, canvas_id
from .links import resolver_for
from .model import Pictures, SiteContext, VirtualFile
from .pictures import POSTER_PAPER, stage_diagram
from .plays import play_items
from .research import hypothesis_count
from .templates import Markdown
from .words import bracketed, clauses, date, labelled, language_name, lead_in, listed, num, signed, word


def map_page(entry: MapEntry, ctx: SiteContext, diagram: str | None = None) -> VirtualFile:
    """``diagram``: the stage diagram when the caller has drawn it already (it is also a download)."""
    m = entry.map
    here = layout.map_page(m.id)
    w = lambda key: word(key, m.lang)  # noqa: E731
    kpis = [(s, k) for s in m.stages for k in s.kpis]
    guides = ctx.cited_by.get(m.id, ())
    pictures = Pictures()
    body = ctx.templates.render(
        "map_page.md", w,
        title=m.title, summary=m.summary, facts=Markdown(_facts(m, ctx, here)),
        playbook_button=Markdown(
            f"[{w('open_playbook')}]({layout.rel(here, layout.playbook_page(m.id))}){{ .md-button }}"),
        objectives=Markdown(_objectives(m) if m.objectives else ""),
        personas=Markdown(_personas(m)),
        diagram=Markdown(canvas(m, ctx, diagram or stage_diagram(m, ctx.vocab), pictures)),
        stages=[Markdown(_stage(m, i, s, ctx, here)) for i, s in enumerate(m.stages, 1)],
        kpis=Markdown(kpi_table(m, kpis, ctx, pictures) if kpis else ""),
        downloads=Markdown(_downloads(m, ctx)),
        translations=Markdown(_translations(m, ctx, here) if m.translations else ""),
        guides=Markdown(bullets(link(g.meta.title, layout.rel(here, layout.guide_page(g.meta.id)))
                                + lang_mark(g.meta.lang) for g in guides)),
        notes=Markdown(narrative(m.notes, resolver_for(ctx, here)) if m.notes else ""))
    return page(here, m.title, [body], source=entry.display, canvas=True, pictures=pictures, lang=m.lang,
                site_lang=ctx.lang)


def _facts(m: JourneyMap, ctx: SiteContext, here: str) -> str:
    w = lambda key: word(key, m.lang)  # noqa: E731
    ind = link(industry_name(m.industry, m.lang, ctx.vocab), layout.rel(here, layout.industry_page(m.industry)))
    rows = [(w("industry"), ind), (w("status"), inline(w("map_status." + m.status))), (w("owner"), inline(m.owner)),
            (w("last_reviewed"), date(m.last_reviewed, m.lang))]
    if m.based_on and ctx.entry(m.based_on):
        rows.append((w("map_status.as-is"),
                     link(ctx.entry(m.based_on).map.title, layout.rel(here, layout.map_page(m.based_on)))
                     + " · " + link(w("compare.link"), layout.rel(here, layout.compare_page(m.id)))))
    for e in ctx.to_be_of(m):
        rows.append((w("map_status.to-be"), link(e.map.title, layout.rel(here, layout.map_page(e.map.id)))
                     + " · " + link(w("compare.link"), layout.rel(here, layout.compare_page(e.map.id)))))
    hypotheses, pains = hypothesis_count(m)
    if pains:
        rows.append((w("research.hypotheses"), w("research.hypotheses.value").format(n=hypotheses, total=pains)))
    if m.tags:
        tags = layout.rel(here, layout.CATALOGUES["tags"])
        rows.append((w("tags"), " ".join(f"[`{t}`]({tags}#tag-{t})" for t in m.tags)))
    facts = "\n".join(f"{label}\n:   {value}\n" for label, value in rows).rstrip()
    return f'<div class="jm-facts" markdown="1">\n\n{facts}\n\n</div>'


def _objectives(m: JourneyMap) -> str:
    kpis = m.kpi_index()
    items = []
    for o in m.objectives:
        measured = listed((inline(kpis[k][1].name) for k in o.kpis if k in kpis), m.lang)
        kind = inline(word("objective." + o.kind, m.lang))
        items.append(f"**{inline(o.text)}**" + bracketed(kind, m.lang)
                     + (" — " + labelled(word("measures", m.lang), measured, m.lang) if measured else ""))
    return bullets(items)


def _personas(m: JourneyMap) -> str:
    out = []
    for p in m.personas:
        block = [f"### {inline(p.name)} {{#persona-{p.id}}}"]
        if p.description:
            block.append(inline(p.description))
        for key in ("goals", "needs", "frustrations"):
            values = getattr(p, key)
            if values:
                block.append(f"**{word(key, m.lang)}**\n\n" + bullets(inline(v) for v in values))
        out.append("\n\n".join(block))
    return "\n\n".join(out)


def _stage(m: JourneyMap, n: int, s: Stage, ctx: SiteContext, here: str) -> str:
    w = lambda key: word(key, m.lang)  # noqa: E731
    block = [f"### {n}. {inline(stage_name(m, s, ctx.vocab))} {{#{layout.stage_anchor(s.id)}}}"]
    if s.goal:
        block.append(lead_in(w("goal"), inline(s.goal), m.lang))
    for spec in page_order():
        items = getattr(s, spec.field)
        if items:
            block.append(_section(m, spec, items, ctx))
    if s.notes:
        block.append(narrative(s.notes, resolver_for(ctx, here)))
    return "\n\n".join(block)


def _section(m: JourneyMap, spec: LaneSpec, items, ctx: SiteContext) -> str:
    """One lane of one stage, as the registry says it is shown."""
    w = lambda key: word(key, m.lang)  # noqa: E731
    name = w(spec.label_for(m.status))
    if spec.show == "names":
        return lead_in(name, listed((inline(k.name) for k in items), m.lang), m.lang)
    return f"**{name}**\n\n" + bullets(_SHOW[spec.show](m, items, ctx, w))


def _emotion_items(m: JourneyMap, emotions: dict[str, int], ctx: SiteContext, w) -> list[str]:
    scale = effective_scale(m, ctx.vocab)
    names = {p.id: p.name for p in m.personas}
    return [labelled(inline(names.get(pid, pid)), str(score)
                     + (bracketed(inline(lbl), m.lang) if (lbl := score_label(scale, score)) else ""), m.lang)
            for pid, score in emotions.items()]


def _touchpoint_items(m: JourneyMap, touchpoints: list[Touchpoint], ctx: SiteContext, w) -> list[str]:
    return [f"{inline(t.name)} — "
            + listed([inline(channel_name(t.channel, m.lang, ctx.vocab))
                      + (_emphasised(bracketed(w("layer.backstage"), m.lang)) if t.layer == "backstage" else ""),
                      *([inline(t.owner)] if t.owner else [])], m.lang, "comma") for t in touchpoints]


def _emphasised(remark: str) -> str:
    """`` (backstage)`` -> `` *(backstage)*``: the space, if the language has one, stays outside."""
    text = remark.lstrip()
    return f"{remark[:len(remark) - len(text)]}*{text}*"


def _pain_items(m: JourneyMap, pains: list[PainPoint], ctx: SiteContext, w) -> list[str]:
    return [f"{inline(p.text)} — " + listed([*([f"**{inline(w('pain_status.resolved'))}**"] if p.status == "resolved" else []),
                                              f"*{inline(w('severity.' + p.severity))}*",
                                              labelled(w("evidence").lower(),
                                                       evidence(p.evidence, m.lang, layout.map_page(m.id), ctx.vocab),
                                                       m.lang)],
                                             m.lang, "comma") for p in pains]


def _opportunity_items(m: JourneyMap, opportunities: list[Opportunity], ctx: SiteContext, w) -> list[str]:
    pains = m.pain_point_index()
    return [f"{inline(o.text)} — " + clauses([
                listed([f"{w('impact').lower()} {o.impact}", f"{w('effort').lower()} {o.effort}",
                        inline(w("status." + o.status))], m.lang, "comma"),
                *([labelled(w("addresses").lower(),
                            listed((inline(pains[a][1].text) for a in o.addresses if a in pains), m.lang), m.lang)]
                  if o.addresses else [])], m.lang)
            for o in opportunities]


_SHOW = {
    "emotion": _emotion_items,
    "bullets": lambda m, items, ctx, w: [inline(v) for v in items],
    "quotes": lambda m, items, ctx, w: [w("quote").format(text=inline(v)) for v in items],
    "touchpoints": _touchpoint_items,
    "pain_points": _pain_items,
    "opportunities": _opportunity_items,
    "plays": play_items,
}


def gap(k: Kpi, lang: str) -> str:
    """Distance from the latest value (or the baseline) to the target, and how far along it is."""
    if k.target is None:
        return "–"
    now = current_of(k)
    text = signed(k.target - (now if now is not None else k.baseline), lang)
    done = progress(k)
    if done is not None:
        text += bracketed(f"{round(done * 100)}%", lang)
    return text


def track_cell(k: Kpi, lang: str, trend: str = "") -> str:
    """On track / at risk / off track (``model.kpi_series.track``) or a dash when it cannot be
    judged, under the KPI's sparkline when there is one (one column: the table must fit a screen)."""
    state = track(k)
    words = f'<span class="jm-track jm-{state}">{inline(word("track." + state, lang))}</span>' if state else "–"
    return f"{trend}<br>{words}" if trend else words


def target_cell(k: Kpi, lang: str) -> str:
    text = num(k.target, lang)
    if k.target is None or k.target_date is None:
        return text
    return text + bracketed(word("kpi.by", lang).format(date=date(k.target_date, lang)), lang)


def trend_cell(m: JourneyMap, k: Kpi, pictures: Pictures) -> str:
    spark = kpi_sparkline(k, m.lang, f"jm-{m.id}-kpi-{k.id}")
    return f'<span class="jm-kpi-trend">{pictures.slot(spark)}</span>' if spark else ""


def track_rank(k: Kpi) -> int:
    """Sort key: most urgent first (``TRACKS``), KPIs that cannot be judged last."""
    state = track(k)
    return TRACKS.index(state) if state else len(TRACKS)


def kpi_table(m: JourneyMap, kpis: list[tuple[Stage, Kpi]], ctx: SiteContext, pictures: Pictures | None = None) -> str:
    """The map's KPIs; with ``pictures``, each KPI's sparkline above its track."""
    w = lambda key: word(key, m.lang)  # noqa: E731
    rows = [(inline(k.name), inline(stage_name(m, s, ctx.vocab)), num(k.baseline, m.lang), target_cell(k, m.lang),
             num(current_of(k), m.lang), gap(k, m.lang),
             track_cell(k, m.lang, trend_cell(m, k, pictures) if pictures is not None else ""),
             inline(k.unit) if k.unit else "") for s, k in kpis]
    headers = [w("kpi"), w("stage"), w("baseline"), w("target"), w("current"), w("gap"), w("track"), w("unit")]
    kpis_table = table(headers, rows, align=["l", "l", "r", "r", "r", "r", "l", "l"])
    note = f'{w("gap_note")} {w("track.rule")}'
    return f'<div class="jm-compact jm-kpis" markdown="1">\n\n{kpis_table}\n\n</div>\n\n<small>{note}</small>'


def _downloads(m: JourneyMap, ctx: SiteContext) -> str:
    """The download list as one raw HTML block. Without published picture files the PNG and the
    poster are buttons for the browser to make them (theme/assets/javascripts/exports.js): hidden
    until that script shows them, since without it they could do nothing."""
    here = layout.map_page(m.id)
    items = []
    for ext in layout.ASSET_KINDS:
        by_browser = ext in layout.PICTURE_KINDS and not ctx.picture_files
        key = "download.print" if by_browser and ext == "pdf" else "download." + ext
        label = html_text(word(key, m.lang).format(paper=POSTER_PAPER))
        if by_browser:
            items.append(f'<li data-jm-export="{ext}" hidden><button type="button" class="jm-export">{label}</button></li>')
        else:
            items.append(f'<li><a href="{attr(layout.href(here, layout.asset(m.id, ext)))}">{label}</a></li>')
    return "\n".join([f'<ul class="jm-downloads" data-jm-canvas="{attr(canvas_id(m.id))}" data-map="{attr(m.id)}">',
                      *items, "</ul>"])


def _translations(m: JourneyMap, ctx: SiteContext, here: str) -> str:
    items = []
    for lang, other in sorted(m.translations.items()):
        target = ctx.entry(other)
        name = language_name(lang)
        # The language's name and the title are in that language: say so, for screen readers and fonts.
        items.append(link(labelled(name, target.map.title, m.lang), layout.rel(here, layout.map_page(other)))
                     + lang_mark(lang) if target else inline(labelled(name, other, m.lang)))
    return bullets(items)
