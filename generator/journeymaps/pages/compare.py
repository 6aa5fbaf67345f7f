"""The compare page of a to-be map: the as-is journey it redesigns (``based_on``) beside it.

One emotion overlay per persona (as-is dashed, to-be solid: one curve pair per picture stays
readable where five personas would tangle), the KPI values of both maps with the change and
whether it moves towards the target, and the pain points the redesign resolves, leaves open
or brings. Pain points and KPIs are matched by id, as the diff matches them; map text is data,
escaped for Markdown, and the page's own words are the site's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check.runner import MapEntry
from ..core.escape import inline
from ..diff.overlay import emotion_overlay
from ..diff.words import persona_short
from ..model.kpi_series import current_of
from ..model.journey import JourneyMap, Kpi, PainPoint, Persona, Stage
from ..model.resolve import stage_name
from . import layout
from .blocks import figure, link, page
from .model import Pictures, SiteContext, VirtualFile
from .templates import Markdown
from .words import bracketed, num, signed, word


@dataclass(frozen=True)
class PainDifference:
    """The open pain points of the as-is map against the to-be map's, matched by id."""

    resolved: list[tuple[Stage, PainPoint]]  # open as-is; gone from the to-be map, or marked resolved there
    remaining: list[tuple[Stage, PainPoint, PainPoint]]  # open in both: (to-be stage, as-is, to-be)
    new: list[tuple[Stage, PainPoint]]  # open in the to-be map only


def pain_difference(base: JourneyMap, head: JourneyMap) -> PainDifference:
    before = {pid: sp for pid, sp in base.pain_point_index().items() if sp[1].status == "open"}
    after = {pid: sp for pid, sp in head.pain_point_index().items() if sp[1].status == "open"}
    return PainDifference(
        resolved=[(s, p) for pid, (s, p) in before.items() if pid not in after],
        remaining=[(s, before[pid][1], p) for pid, (s, p) in after.items() if pid in before],
        new=[(s, p) for pid, (s, p) in after.items() if pid not in before])


def towards_target(before: Kpi, after: Kpi) -> int | None:
    """+1 when the to-be value is nearer the target than the as-is one, -1 when further, 0 when
    equal; None when there is no target to say which way is better."""
    target = after.target if after.target is not None else before.target
    a, b = _value(before), _value(after)
    if target is None or a == b:
        return None if target is None else 0
    return 1 if abs(target - b) < abs(target - a) else -1


def compare_pages_of(e: MapEntry, ctx: SiteContext) -> list[VirtualFile]:
    """The compare page of a to-be map whose as-is map the site has; none for other maps."""
    base = ctx.entry(e.map.based_on) if e.map.based_on else None
    return [compare_page(base, e, ctx)] if base is not None else []


@dataclass(frozen=True)
class Curve:
    """One persona's emotion, as-is and to-be, in one picture."""

    id: str  # the persona's id, for the anchor
    name: str
    figure: Markdown  # a picture slot


@dataclass(frozen=True)
class KpiChange:
    """A KPI of either map: its value in each (``–`` where a map lacks it) and the change."""

    name: str
    stage: str
    as_is: Markdown  # numbers as the language writes them
    to_be: Markdown
    change: Markdown
    target: Markdown
    verdict: Markdown  # better, worse or unchanged against the target; "–" without one
    unit: str


@dataclass(frozen=True)
class PainChange:
    """A pain point in one of the three lists."""

    text: str
    where: Markdown  # its stage and severity, in brackets as the language writes a remark
    moved: str | None  # "severity high → medium" for a pain point still open at another severity


@dataclass(frozen=True)
class PainList:
    id: str  # the anchor: resolved, remaining or new
    heading: str
    pains: list[PainChange]


def compare_page(base_entry: MapEntry, head_entry: MapEntry, ctx: SiteContext) -> VirtualFile:
    """From the site's ``compare_page.md``."""
    base, head = base_entry.map, head_entry.map
    here = layout.compare_page(head.id)
    w = lambda key: word(key, ctx.lang)  # noqa: E731 - the page's own words are the site's
    pictures = Pictures()
    body = ctx.templates.render(
        "compare_page.md", w, title=head.title, base=Markdown(link(base.title, layout.rel(here, layout.map_page(base.id)))),
        head=Markdown(link(head.title, layout.rel(here, layout.map_page(head.id)))),
        curves=[_curve(base, head, p, ctx, pictures) for p in head.personas],
        kpis=_kpi_changes(base, head, ctx), pains=_pains(pain_difference(base, head), base, head, ctx))
    return page(here, f"{w('compare.title')}: {head.title}", [body], source=head_entry.display, wide=True,
                pictures=pictures, site_lang=ctx.lang)


def _one_persona(m: JourneyMap, p: Persona, ctx: SiteContext) -> JourneyMap:
    """The map as if ``p`` were its only persona: the overlay then draws one pair of curves. Its
    stages carry their names in the site's language: the picture's frame is the page's words."""
    stages = [s.model_copy(update={"emotions": {p.id: s.emotions[p.id]} if p.id in s.emotions else {},
                                   "name": stage_name(m, s, ctx.vocab, ctx.lang)})
              for s in m.stages]
    return m.model_copy(update={"personas": [p], "stages": stages})


def _curve(base: JourneyMap, head: JourneyMap, p: Persona, ctx: SiteContext, pictures: Pictures) -> Curve:
    w = lambda key: word(key, ctx.lang)  # noqa: E731
    was = next((q for q in base.personas if q.id == p.id), None)
    title = w("compare.emotion_title").format(persona=persona_short(p))
    svg = emotion_overlay(_one_persona(base, was or p, ctx), _one_persona(head, p, ctx), ctx.vocab, base_label=w("map_status.as-is"),
                          head_label=w("map_status.to-be"), id_prefix=f"jm-{head.id}-compare-{p.id}",
                          lang=ctx.lang, title=title)
    return Curve(p.id, p.name, Markdown(figure(svg, cls="jm-compare-curve", label=title, pictures=pictures)))


def _value(k: Kpi) -> float:
    now = current_of(k)  # the newest measurement of the as-is series, or the to-be map's designed value
    return now if now is not None else k.baseline


def _kpi_changes(base: JourneyMap, head: JourneyMap, ctx: SiteContext) -> list[KpiChange]:
    """Every KPI of either map, in the to-be map's order, then those only the as-is map has."""
    w = lambda key: word(key, ctx.lang)  # noqa: E731
    lang = ctx.lang
    before, after = base.kpi_index(), head.kpi_index()
    rows = []
    for kid in [*after, *(k for k in before if k not in after)]:
        s, k = after[kid] if kid in after else before[kid]
        a = before[kid][1] if kid in before else None
        b = after[kid][1] if kid in after else None
        change, verdict = "–", "–"
        if a is not None and b is not None:
            change = signed(_value(b) - _value(a), lang)
            way = towards_target(a, b)
            verdict = "–" if way is None else w({1: "compare.better", -1: "compare.worse", 0: "compare.same"}[way])
        rows.append(KpiChange(k.name, stage_name(head if kid in after else base, s, ctx.vocab, lang),
                              Markdown(num(_value(a), lang) if a else "–"), Markdown(num(_value(b), lang) if b else "–"),
                              Markdown(change), Markdown(num(k.target, lang)), Markdown(verdict), k.unit))
    return rows


def _pains(d: PainDifference, base: JourneyMap, head: JourneyMap, ctx: SiteContext) -> list[PainList]:
    """The resolved, remaining and new pain points."""
    w = lambda key: word(key, ctx.lang)  # noqa: E731
    lang = ctx.lang

    def where(s: Stage, p: PainPoint, m: JourneyMap) -> Markdown:
        parts = (stage_name(m, s, ctx.vocab, lang), w("severity." + p.severity))
        return Markdown(bracketed(word("list_sep", lang).join(inline(x) for x in parts), lang))

    def remaining(s: Stage, old: PainPoint, new: PainPoint) -> PainChange:
        moved = None
        if old.severity != new.severity:
            moved = w("compare.severity_move").format(before=w("severity." + old.severity),
                                                      after=w("severity." + new.severity))
        return PainChange(new.text, where(s, new, head), moved)

    return [PainList("resolved", w("compare.resolved"), [PainChange(p.text, where(s, p, base), None) for s, p in d.resolved]),
            PainList("remaining", w("compare.remaining"), [remaining(*t) for t in d.remaining]),
            PainList("new", w("compare.new"), [PainChange(p.text, where(s, p, head), None) for s, p in d.new])]
