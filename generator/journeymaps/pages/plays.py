"""Orchestration plays on the pages: under their stage on the map page, in the canvas's side
panel, and the plays catalogue across maps (issue 14 §3; the method: ``maps/method/orchestration.md``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.escape import inline
from ..model.journey import JourneyMap, Play
from ..model.resolve import channel_name, stage_name
from ..render.cards import guardrail_words
from ..render.words import words_for
from . import layout
from .blocks import page, table, unsearched
from .map_groups import folded, map_groups, maps_cell
from .model import SiteContext, VirtualFile
from .templates import Markdown
from .words import clauses, labelled, word


def _kpi_name(m: JourneyMap, kpi_id: str | None) -> str | None:
    found = m.kpi_index().get(kpi_id) if kpi_id else None
    return found[1].name if found else None


def play_items(m: JourneyMap, plays: list[Play], ctx: SiteContext, w) -> list[str]:
    """One bullet per play on the map page: trigger and content, then where, when and its limits."""
    words = words_for(m.lang)
    out = []
    for p in plays:
        head = f"**{inline(w('play.when').format(trigger=p.trigger))}**{w('colon')}{inline(p.content)}"
        facts = [inline(words["play.where"].format(channel=channel_name(p.channel, m.lang, ctx.vocab),
                                                   touchpoint=p.touchpoint, timing=p.timing)),
                 labelled(w("play.audience"), inline(p.audience), m.lang)]
        guard = guardrail_words(p, words)
        if guard:
            facts.append(inline(guard))
        kpi = _kpi_name(m, p.kpi)
        if kpi:
            facts.append(labelled(w("kpi"), inline(kpi), m.lang))
        out.append(f"{head} — {clauses(facts, m.lang)}")
    return out


def play_panel(m: JourneyMap, p: Play, stage: list[str], ctx: SiteContext) -> dict:
    """The canvas side panel's entry for a play card (plain text: the script sets textContent)."""
    w = lambda key: word(key, m.lang)  # noqa: E731
    rows = [stage, [w("play.trigger"), p.trigger], [w("play.audience"), p.audience],
            [w("cat.channel"), channel_name(p.channel, m.lang, ctx.vocab)], [w("play.touchpoint"), p.touchpoint],
            [w("play.timing"), p.timing]]
    guard = guardrail_words(p, words_for(m.lang))
    if guard:
        rows.append([w("play.guardrail"), guard])
    kpi = _kpi_name(m, p.kpi)
    if kpi:
        rows.append([w("kpi"), kpi])
    return {"kind": w("play"), "text": p.content, "rows": rows}


def plays_page(ctx: SiteContext) -> VirtualFile:
    """Every play of every map, map by map and stage by stage; a translated play folds into its original's row."""
    lang = ctx.lang
    here = layout.CATALOGUES["plays"]
    w = lambda key: word(key, lang)  # noqa: E731
    title = w("cat.plays")
    headers = [w(k) for k in ("stage", "play.trigger", "play.audience", "cat.channel", "play.touchpoint",
                              "play.content", "play.timing", "play.guardrail", "kpi")]
    labels = words_for(lang)
    sections: list[PlaySection] = []
    count, maps = 0, 0
    for g in map_groups(ctx):
        rows = []
        for r in folded(g, lambda s: s.plays):
            m, p = r.entry.map, r.item
            rows.append((inline(stage_name(m, r.stage, ctx.vocab, lang)), inline(p.trigger), inline(p.audience),
                         inline(channel_name(p.channel, lang, ctx.vocab)), inline(p.touchpoint), inline(p.content),
                         inline(p.timing), inline(guardrail_words(p, labels)) or "–",
                         inline(_kpi_name(m, p.kpi) or "–")))
        if not rows:
            continue
        count, maps = count + len(rows), maps + 1
        m = g.original.map
        sections.append(PlaySection(Markdown(f"## {maps_cell(lang, here, g.members, sep=' ')} {{#plays-{m.id}}}"),
                                    Markdown(unsearched(table(headers, rows), "jm-catalogue"))))
    intro = w("cat.plays.intro").format(plays=count, maps=maps)
    body = ctx.templates.render("catalogue_plays.md", w, title=Markdown(title), intro=Markdown(intro), sections=sections)
    return page(here, title, [body], wide=True, site_lang=lang)


@dataclass(frozen=True)
class PlaySection:
    """One map's plays in the catalogue: its linked heading and its table."""

    heading: Markdown
    table: Markdown

