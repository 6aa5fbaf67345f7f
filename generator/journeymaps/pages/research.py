"""The research register on the site: an index of studies and a page per study listing the
pain points it supports, across maps (a translated pain point is folded into its original's row)."""

from __future__ import annotations

from ..core.escape import attr, inline, safe_url
from ..model.journey import HYPOTHESIS, JourneyMap
from ..model.research import Study
from ..model.resolve import stage_name
from . import layout
from .blocks import bullets, lang_mark, link, page, table, unsearched, url_path_abs
from .map_groups import folded, map_groups, maps_cell
from .model import SiteContext, VirtualFile
from .words import date, num, word


def research_pages(ctx: SiteContext) -> list[VirtualFile]:
    if not ctx.vocab.studies:
        return []
    supports = _supported(ctx)
    return [_index(ctx, supports), *(_study(ctx, st, supports.get(st.id, [])) for st in ctx.vocab.studies)]


def hypothesis_count(m: JourneyMap) -> tuple[int, int]:
    """(pain points still evidenced only as a hypothesis, all pain points) of one map."""
    pains = [p for s in m.stages for p in s.pain_points]
    return sum(p.evidence == HYPOTHESIS for p in pains), len(pains)


def _supported(ctx: SiteContext) -> dict[str, list[str]]:
    """Study id -> a list item per pain point citing it (its text, severity, and its maps at the stage)."""
    out: dict[str, list[str]] = {}
    for g in map_groups(ctx):
        for r in folded(g, lambda s: s.pain_points):
            if ctx.vocab.study(r.item.evidence) is None:
                continue
            here = layout.research_page(r.item.evidence)
            where = maps_cell(ctx.lang, here, r.members, layout.stage_anchor(r.stage.id), sep=" ")
            stage = inline(stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang))
            text = inline(r.item.text)
            if r.entry.map.lang != ctx.lang:  # the map is not in this site's language: say which it is
                text = f'<span lang="{attr(r.entry.map.lang)}">{text}</span>'
            out.setdefault(r.item.evidence, []).append(
                f"{text} — *{inline(word('severity.' + r.item.severity, ctx.lang))}*; {where}, {stage}")
    return out


def _index(ctx: SiteContext, supports: dict[str, list[str]]) -> VirtualFile:
    w = lambda key: word(key, ctx.lang)  # noqa: E731
    here = layout.RESEARCH
    studies = sorted(ctx.vocab.studies, key=lambda st: (st.date, st.id), reverse=True)  # newest first
    rows = [(link(st.title, layout.rel(here, layout.research_page(st.id))) + (lang_mark(st.lang) if st.lang != ctx.lang else ""),
             inline(w("method." + st.method)),
             num(st.sample_size, ctx.lang), date(st.date, ctx.lang), _own(st, st.owner, ctx.lang),
             str(len(supports.get(st.id, []))))
            for st in studies]
    headers = [w(k) for k in ("research.study", "research.method", "research.sample", "research.date", "owner",
                              "research.pain_points")]
    body = unsearched(table(headers, rows, align=["l", "l", "r", "l", "l", "r"]), "jm-catalogue")
    return page(here, w("research.title"), [f"# {w('research.title')}", w("research.intro"), body], wide=True,
                site_lang=ctx.lang)


def _study(ctx: SiteContext, st: Study, pains: list[str]) -> VirtualFile:
    w = lambda key: word(key, ctx.lang)  # noqa: E731
    facts = [(w("research.method"), inline(w("method." + st.method))), (w("research.sample"), num(st.sample_size, ctx.lang)),
             (w("research.date"), date(st.date, ctx.lang)), (w("owner"), _own(st, st.owner, ctx.lang))]
    url = safe_url(st.link) if st.link else None
    if url:
        facts.append((w("research.report"), f"[{inline(url.split('//', 1)[-1].split('/', 1)[0])}]({url_path_abs(url)})"))
    block = "\n".join(f"{label}\n:   {value}\n" for label, value in facts).rstrip()
    mark = lang_mark(st.lang) if st.lang != ctx.lang else ""
    parts = [f"# {inline(st.title)} {mark}".rstrip(), f'<div class="jm-facts" markdown="1">\n\n{block}\n\n</div>']
    if st.summary:
        parts.append(inline(st.summary) + (f"\n{mark}" if mark else ""))  # a paragraph's attributes: a line of their own
    parts.append(f"## {w('research.supports')} {{#supports}}")
    parts.append(bullets(pains) if pains else w("research.supports_none"))
    return page(layout.research_page(st.id), st.title, parts, site_lang=ctx.lang)


def _own(st: Study, text: str, lang: str) -> str:
    """Text of the register (an owner) in the study's language, declared where the page's differs."""
    return inline(text) if st.lang == lang else f'<span lang="{attr(st.lang)}">{inline(text)}</span>'
