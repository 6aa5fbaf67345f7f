"""The research register on the site: an index of studies and a page per study listing the
pain points it supports, across maps (a translated pain point is folded into its original's row).
Typed view data here; ``research_index.md`` and ``research_study.md`` lay the pages out."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.escape import attr, inline, safe_url
from ..model.journey import HYPOTHESIS, JourneyMap
from ..model.research import Study
from ..model.resolve import stage_name
from . import layout
from .blocks import lang_mark, link, page, url_path_abs
from .map_groups import folded, map_groups, maps_cell
from .model import SiteContext, VirtualFile
from .templates import Markdown
from .words import date, num, word


@dataclass(frozen=True)
class StudyRow:
    """One study on the register's index, the newest first."""

    title: Markdown  # linked to its page; its language declared where it is not the page's
    method: str
    sample: Markdown  # as the language writes numbers
    date: Markdown
    owner: Markdown  # in the register's language, declared where it is not the page's
    pain_points: int  # how many it supports


@dataclass(frozen=True)
class Fact:
    """One line of a study's facts: a label of the catalogue and its value."""

    label: str
    value: Markdown


@dataclass(frozen=True)
class Support:
    """A pain point that cites the study: its text, severity, maps (linked to the stage) and stage."""

    text: Markdown  # its language declared where the map's is not the page's
    severity: str
    maps: Markdown
    stage: str


def research_pages(ctx: SiteContext) -> list[VirtualFile]:
    if not ctx.vocab.studies:
        return []
    supports = _supported(ctx)
    return [_index(ctx, supports), *(_study(ctx, st, supports.get(st.id, [])) for st in ctx.vocab.studies)]


def hypothesis_count(m: JourneyMap) -> tuple[int, int]:
    """(pain points still evidenced only as a hypothesis, all pain points) of one map."""
    pains = [p for s in m.stages for p in s.pain_points]
    return sum(p.evidence == HYPOTHESIS for p in pains), len(pains)


def _supported(ctx: SiteContext) -> dict[str, list[Support]]:
    """Study id -> the pain points citing it."""
    out: dict[str, list[Support]] = {}
    for g in map_groups(ctx):
        for r in folded(g, lambda s: s.pain_points):
            if ctx.vocab.study(r.item.evidence) is None:
                continue
            here = layout.research_page(r.item.evidence)
            where = maps_cell(ctx.lang, here, r.members, layout.stage_anchor(r.stage.id), sep=" ")
            text = inline(r.item.text)
            if r.entry.map.lang != ctx.lang:  # the map is not in this site's language: say which it is
                text = f'<span lang="{attr(r.entry.map.lang)}">{text}</span>'
            out.setdefault(r.item.evidence, []).append(Support(
                Markdown(text), word("severity." + r.item.severity, ctx.lang), Markdown(where),
                stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang)))
    return out


def _index(ctx: SiteContext, supports: dict[str, list[Support]]) -> VirtualFile:
    lang, here = ctx.lang, layout.RESEARCH
    studies = sorted(ctx.vocab.studies, key=lambda st: (st.date, st.id), reverse=True)  # newest first
    rows = [StudyRow(Markdown(link(st.title, layout.rel(here, layout.research_page(st.id)))
                              + (lang_mark(st.lang) if st.lang != lang else "")),
                     word("method." + st.method, lang), Markdown(num(st.sample_size, lang)),
                     Markdown(date(st.date, lang)), _own(st, st.owner, lang), len(supports.get(st.id, [])))
            for st in studies]
    body = ctx.templates.render("research_index.md", lambda k: word(k, lang), studies=rows)
    return page(here, word("research.title", lang), [body], wide=True, site_lang=lang)


def _study(ctx: SiteContext, st: Study, pains: list[Support]) -> VirtualFile:
    lang = ctx.lang
    w = lambda key: word(key, lang)  # noqa: E731
    facts = [Fact(w("research.method"), Markdown(inline(w("method." + st.method)))),
             Fact(w("research.sample"), Markdown(num(st.sample_size, lang))),
             Fact(w("research.date"), Markdown(date(st.date, lang))), Fact(w("owner"), _own(st, st.owner, lang))]
    url = safe_url(st.link) if st.link else None
    if url:
        facts.append(Fact(w("research.report"),
                          Markdown(f"[{inline(url.split('//', 1)[-1].split('/', 1)[0])}]({url_path_abs(url)})")))
    body = ctx.templates.render("research_study.md", w, title=st.title,
                                mark=Markdown(lang_mark(st.lang) if st.lang != lang else ""), facts=facts,
                                summary=st.summary, supports=pains)
    return page(layout.research_page(st.id), st.title, [body], site_lang=lang)


def _own(st: Study, text: str, lang: str) -> Markdown:
    """Text of the register (an owner) in the study's language, declared where the page's differs."""
    return Markdown(inline(text) if st.lang == lang else f'<span lang="{attr(st.lang)}">{inline(text)}</span>')
