"""The portfolio at a glance on the home page (issue 14 §6): maps x stages as a heat map, the
same figures as a table, KPI progress across maps and the maps due for review.

The heat map is raw HTML (a grid of links, one per cell, each leading to the stage on its map);
its colour says the stage's mean emotion on the map's own scale, in five steps, and every cell
also says its figures in words (``aria-label``, ``title``), so nothing rests on colour alone.
The table under it carries the same figures for screen readers and for copying. This module
gathers the figures; the template ``portfolio.md`` (included by ``home.md``) lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.escape import inline
from ..model.journey import JourneyMap, Stage
from ..model.kpi_series import progress as kpi_progress  # one rule: the newest measurement from baseline to target
from ..model.priority import OPEN
from ..model.resolve import effective_scale, stage_name
from . import layout
from .map_groups import MapGroup, map_groups, map_link
from .model import SiteContext
from .templates import Markdown
from .words import bracketed, date, listed, num, signed, word

SEVERITIES = ("critical", "high", "medium", "low")  # most severe first, as the cells list them
HEAT_STEPS = 5  # colour classes jm-heat-0 (lowest emotion) .. jm-heat-4 (highest)


@dataclass(frozen=True)
class Cell:
    """One stage of one map: what the heat map and its table show."""

    stage: Stage
    mean: float | None  # mean emotion across the personas who scored the stage
    step: int | None  # 0..HEAT_STEPS-1 on the map's own scale; None without scores
    open_pains: tuple[str, ...]  # severities of the stage's open pain points, most severe first
    open_opportunities: int


def cells_of(m: JourneyMap, ctx: SiteContext) -> dict[str, Cell]:
    """Per stage id. A pain point is open by its own `status` (the checker keeps it in step with
    the shipped opportunities that address it)."""
    scale = effective_scale(m, ctx.vocab)
    out = {}
    for s in m.stages:
        scores = list(s.emotions.values())
        mean = sum(scores) / len(scores) if scores else None
        step = None
        if mean is not None and scale.max > scale.min:
            share = (mean - scale.min) / (scale.max - scale.min)
            step = min(HEAT_STEPS - 1, max(0, int(share * HEAT_STEPS)))
        pains = sorted((p.severity for p in s.pain_points if p.status == "open"), key=SEVERITIES.index)
        out[s.id] = Cell(s, mean, step, tuple(pains), sum(o.status in OPEN for o in s.opportunities))
    return out


def _columns(ctx: SiteContext, groups: list[MapGroup]) -> list[tuple[str, str]]:
    """Stages as columns: the catalogue's stages in use first, in its order, then the maps' own."""
    used: dict[str, str] = {}
    for g in groups:
        m = g.original.map
        for s in m.stages:
            used.setdefault(s.id, stage_name(m, s, ctx.vocab, ctx.lang))
    known = [(s.id, used[s.id]) for s in ctx.vocab.stages if s.id in used]
    return known + [(sid, name) for sid, name in used.items() if sid not in {k for k, _ in known}]


def _breakdown(cell: Cell, lang: str) -> str:
    """`` (1 high, 2 medium)``: the open pain points by severity, most severe first; empty for none."""
    if not cell.open_pains:
        return ""
    severities = [f"{cell.open_pains.count(sev)} {word('severity.' + sev, lang)}" for sev in SEVERITIES
                  if sev in cell.open_pains]
    return bracketed(listed(severities, lang, "comma"), lang)


def _pains_words(cell: Cell, lang: str) -> str:
    return word("portfolio.pains", lang).format(n=len(cell.open_pains)) + _breakdown(cell, lang)


def _mean_words(cell: Cell, lang: str) -> str:
    if cell.mean is None:
        return word("portfolio.no_emotion", lang)
    return word("portfolio.mean", lang).format(score=signed(round(cell.mean, 1), lang))


@dataclass(frozen=True)
class HeatCell:
    """One stage of one map in the heat map: its figures drawn, and the same in words."""

    href: str  # the stage on its map, for directory URLs (raw HTML is not rewritten by the engines)
    stage: str  # the stage's id
    step: int | str  # the colour class: 0..HEAT_STEPS-1, or "none" without scores
    said: str  # "<map>, <stage>: <figures in words>"
    score: Markdown  # the mean emotion, signed, or "–"
    pains: tuple[str, ...]  # severities of the open pain points, most severe first
    opportunities: int  # open opportunities


@dataclass(frozen=True)
class HeatRow:
    """One map in the heat map: a cell per stage column, None where the map has no such stage."""

    id: str
    href: str
    lang: str
    title: str
    cells: list[HeatCell | None]


@dataclass(frozen=True)
class StageRow:
    """The heat map's figures as a table row (for screen readers and for copying). The table is
    raw HTML set aside from Markdown (a row per map and stage: thousands at 1,000 maps)."""

    map: Markdown  # linked (HTML)
    stage: Markdown  # linked to the stage on the map (HTML)
    mean: Markdown  # signed, or "–"
    pains: str  # how many, then by severity
    opportunities: int


@dataclass(frozen=True)
class Progress:
    """A share of the way from baseline to target: a bar (decoration) and the figure beside it."""

    width: int  # the bar's length in percent, 0..100
    figure: Markdown  # the share in percent, as the language writes numbers (below 0 or past 100 too)


@dataclass(frozen=True)
class KpiProgressRow:
    """One map's KPIs: how many, how many on target, their mean progress and the one furthest behind
    (raw HTML, set aside like the heat map's table)."""

    map: Markdown  # linked (HTML)
    kpis: int
    on_target: int
    progress: Progress
    behind: Markdown  # that KPI, linked to its stage (HTML)
    behind_progress: Progress


@dataclass(frozen=True)
class Review:
    """A map overdue for review."""

    map: Markdown
    last_reviewed: Markdown
    owner: Markdown  # in brackets, as the language writes a remark


@dataclass(frozen=True)
class Portfolio:
    """The home page's portfolio (``portfolio.md`` lays it out)."""

    stages: list[str]  # the heat map's columns
    maps: list[HeatRow]
    table: list[StageRow]
    kpis: list[KpiProgressRow]
    review_days: int  # the age past which the checker calls a review overdue
    reviews: list[Review]  # the oldest review first


def portfolio(ctx: SiteContext, here: str) -> Portfolio | None:
    """The home page's portfolio, or None for a site without maps."""
    groups = map_groups(ctx)
    if not groups:
        return None
    cols = _columns(ctx, groups)
    cells = {g.original.map.id: cells_of(g.original.map, ctx) for g in groups}
    return Portfolio([name for _, name in cols], _heat_map(ctx, here, groups, cols, cells),
                     _heat_table(ctx, here, groups, cols, cells), _kpi_table(ctx, here, groups),
                     ctx.vocab.settings.review_max_age_days, _reviews(ctx, here, groups))


def _score(cell: Cell, lang: str) -> Markdown:
    return Markdown("–" if cell.mean is None else signed(round(cell.mean, 1), lang))


def _heat_map(ctx: SiteContext, here: str, groups: list[MapGroup], cols: list[tuple[str, str]],
              cells: dict[str, dict[str, Cell]]) -> list[HeatRow]:
    lang = ctx.lang
    rows = []
    for g in groups:
        m = g.original.map
        page_href = layout.href(here, layout.map_page(m.id))
        shown: list[HeatCell | None] = []
        for sid, stage in cols:
            cell = cells[m.id].get(sid)
            if cell is None:
                shown.append(None)
                continue
            said = listed([_mean_words(cell, lang), _pains_words(cell, lang),
                           word("portfolio.opportunities", lang).format(n=cell.open_opportunities)], lang, "comma")
            shown.append(HeatCell(f"{page_href}#{layout.stage_anchor(sid)}", sid,
                                  "none" if cell.step is None else cell.step, f"{m.title}, {stage}: {said}",
                                  _score(cell, lang), cell.open_pains, cell.open_opportunities))
        rows.append(HeatRow(m.id, page_href, m.lang, m.title, shown))
    return rows


def _heat_table(ctx: SiteContext, here: str, groups: list[MapGroup], cols: list[tuple[str, str]],
                cells: dict[str, dict[str, Cell]]) -> list[StageRow]:
    """One row per map and stage: the heat map's figures in words, each stage linked."""
    rows = []
    for g in groups:
        m = g.original.map
        for sid, name in cols:
            cell = cells[m.id].get(sid)
            if cell is not None:
                rows.append(StageRow(Markdown(map_link(here, g.original, html=True)),
                                     Markdown(map_link(here, g.original, name, layout.stage_anchor(sid), html=True)),
                                     _score(cell, ctx.lang), f"{len(cell.open_pains)}{_breakdown(cell, ctx.lang)}",
                                     cell.open_opportunities))
    return rows


def _kpi_table(ctx: SiteContext, here: str, groups: list[MapGroup]) -> list[KpiProgressRow]:
    """One row per map with a measured KPI."""
    lang = ctx.lang
    rows = []
    for g in groups:
        m = g.original.map
        measured = [(s, k, done) for s in m.stages for k in s.kpis if (done := kpi_progress(k)) is not None]
        if not measured:
            continue
        mean = sum(done for _, _, done in measured) / len(measured)
        s, k, done = min(measured, key=lambda item: item[2])
        rows.append(KpiProgressRow(Markdown(map_link(here, g.original, html=True)), len(measured),
                                   sum(done >= 1 for _, _, done in measured), _progress(mean, lang),
                                   Markdown(map_link(here, g.original, k.name, layout.stage_anchor(s.id), html=True)),
                                   _progress(done, lang)))
    return rows


def _progress(done: float, lang: str) -> Progress:
    return Progress(round(max(0.0, min(1.0, done)) * 100), Markdown(num(round(done * 100), lang)))


def _reviews(ctx: SiteContext, here: str, groups: list[MapGroup]) -> list[Review]:
    """Maps the check found overdue (``stale-review``): one rule decides, the checker's."""
    due = [e for g in groups for e in g.members if e.map.id in ctx.review_overdue]
    return [Review(Markdown(map_link(here, e)), Markdown(date(e.map.last_reviewed, ctx.lang)),
                   Markdown(bracketed(inline(e.map.owner), ctx.lang)))
            for e in sorted(due, key=lambda e: e.map.last_reviewed)]
