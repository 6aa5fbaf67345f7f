"""The portfolio at a glance on the home page (issue 14 §6): maps x stages as a heat map, the
same figures as a table, KPI progress across maps and the maps due for review.

The heat map is raw HTML (a grid of links, one per cell, each leading to the stage on its map);
its colour says the stage's mean emotion on the map's own scale, in five steps, and every cell
also says its figures in words (``aria-label``, ``title``), so nothing rests on colour alone.
The table under it carries the same figures for screen readers and for copying.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.escape import attr, html_text, inline
from ..model.journey import JourneyMap, Stage
from ..model.kpi_series import progress as kpi_progress  # one rule: the newest measurement from baseline to target
from ..model.priority import OPEN
from ..model.resolve import effective_scale, stage_name
from . import layout
from .blocks import table, unsearched
from .map_groups import MapGroup, map_groups, map_link
from .model import SiteContext
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


def portfolio_section(ctx: SiteContext, here: str) -> str:
    """The home page's portfolio: headings, heat map, table, KPI progress and reviews due."""
    lang = ctx.lang
    w = lambda key: word(key, lang)  # noqa: E731
    groups = map_groups(ctx)
    if not groups:
        return ""
    cols = _columns(ctx, groups)
    cells = {g.original.map.id: cells_of(g.original.map, ctx) for g in groups}
    return "\n\n".join([f"## {w('portfolio.title')} {{#portfolio}}", w("portfolio.intro"),
                        _heat_map(ctx, here, groups, cols, cells),
                        _heat_table(ctx, here, groups, cols, cells),
                        f"### {w('portfolio.kpis')} {{#portfolio-kpis}}", w("portfolio.kpis.intro"),
                        _kpi_table(ctx, here, groups),
                        f"### {w('portfolio.review')} {{#portfolio-review}}", _reviews(ctx, here, groups)])


def _heat_map(ctx: SiteContext, here: str, groups: list[MapGroup], cols: list[tuple[str, str]],
              cells: dict[str, dict[str, Cell]]) -> str:
    """Raw HTML, one line (a blank line would end the block); links written for directory URLs."""
    lang = ctx.lang
    out = [f'<div class="jm-heat" role="group" aria-label="{attr(word("portfolio.heat_label", lang))}" tabindex="0" '
           f'data-search-exclude><div class="jm-heat-grid" style="--jm-heat-cols: {len(cols)}">'
           '<span class="jm-heat-corner"></span>']
    out += [f'<span class="jm-heat-stage" aria-hidden="true">{html_text(name)}</span>' for _, name in cols]
    for g in groups:
        m = g.original.map
        page_href = layout.href(here, layout.map_page(m.id))
        out.append(f'<a class="jm-heat-map" href="{attr(page_href)}" lang="{attr(m.lang)}">{html_text(m.title)}</a>')
        for sid, stage in cols:
            cell = cells[m.id].get(sid)
            if cell is None:
                out.append('<span class="jm-heat-none"></span>')
                continue
            said = listed([_mean_words(cell, lang), _pains_words(cell, lang),
                           word("portfolio.opportunities", lang).format(n=cell.open_opportunities)], lang, "comma")
            label = f"{m.title}, {stage}: {said}"
            step = "none" if cell.step is None else str(cell.step)
            dots = "".join(f'<i class="jm-heat-sev jm-sev-{sev}"></i>' for sev in cell.open_pains)
            score = "–" if cell.mean is None else signed(round(cell.mean, 1), lang)
            # The figures drawn (score, squares, count) are hidden from screen readers, which read
            # the same in words instead; a visible name that differs from an aria-label confuses
            # speech input, so the words are hidden text inside the link, not an aria-label.
            out.append(f'<a class="jm-heat-cell jm-heat-{step}" href="{attr(page_href)}#{layout.stage_anchor(sid)}" '
                       f'data-map="{attr(m.id)}" data-stage="{attr(sid)}" title="{attr(label)}">'
                       f'<span class="jm-heat-said">{html_text(label)}</span>'
                       f'<span class="jm-heat-score" aria-hidden="true">{html_text(score)}</span>'
                       f'<span class="jm-heat-dots" aria-hidden="true">{dots}</span>'
                       f'<span class="jm-heat-opps" aria-hidden="true">{cell.open_opportunities}</span></a>')
    out.append("</div></div>")
    return "".join(out)


def _heat_table(ctx: SiteContext, here: str, groups: list[MapGroup], cols: list[tuple[str, str]],
                cells: dict[str, dict[str, Cell]]) -> str:
    """One row per map and stage: the heat map's figures in words, each stage linked."""
    lang = ctx.lang
    w = lambda key: word(key, lang)  # noqa: E731
    rows = []
    for g in groups:
        m = g.original.map
        for sid, name in cols:
            cell = cells[m.id].get(sid)
            if cell is None:
                continue
            rows.append((map_link(here, g.original), map_link(here, g.original, name, layout.stage_anchor(sid)),
                         "–" if cell.mean is None else signed(round(cell.mean, 1), lang),
                         inline(f"{len(cell.open_pains)}{_breakdown(cell, lang)}"), str(cell.open_opportunities)))
    headers = [w("cat.map"), w("stage"), w("portfolio.mean_head"), w("portfolio.pains_head"),
               w("portfolio.opportunities_head")]
    body = unsearched(table(headers, rows, align=["l", "l", "r", "l", "r"]), "jm-catalogue jm-heat-table")
    return f'<details class="jm-heat-details" markdown="1">\n<summary>{html_text(w("portfolio.table"))}</summary>\n\n' \
           f"{body}\n\n</details>"


def _kpi_table(ctx: SiteContext, here: str, groups: list[MapGroup]) -> str:
    """One row per map: its KPIs' mean progress and the one furthest behind, linked to its stage."""
    lang = ctx.lang
    w = lambda key: word(key, lang)  # noqa: E731
    rows = []
    for g in groups:
        m = g.original.map
        measured = [(s, k, done) for s in m.stages for k in s.kpis if (done := kpi_progress(k)) is not None]
        if not measured:
            continue
        mean = sum(done for _, _, done in measured) / len(measured)
        s, k, done = min(measured, key=lambda item: item[2])
        rows.append((map_link(here, g.original), str(len(measured)), str(sum(done >= 1 for _, _, done in measured)),
                     _progress(mean, lang),
                     map_link(here, g.original, k.name, layout.stage_anchor(s.id)) + " " + _progress(done, lang)))
    headers = [w("cat.map"), w("lane.kpis"), w("portfolio.on_target"), w("portfolio.progress"),
               w("portfolio.behind")]
    return unsearched(table(headers, rows, align=["l", "r", "r", "l", "l"]), "jm-catalogue jm-portfolio-kpis")


def _progress(done: float, lang: str) -> str:
    """A bar (decoration: the figure beside it says the same) and the share of the way to target."""
    shown = max(0.0, min(1.0, done))
    bar = f'<span class="jm-progress" aria-hidden="true"><span style="width: {round(shown * 100)}%"></span></span>'
    return f"{bar} {num(round(done * 100), lang)}%"


def _reviews(ctx: SiteContext, here: str, groups: list[MapGroup]) -> str:
    """Maps the check found overdue (``stale-review``): one rule decides, the checker's."""
    lang = ctx.lang
    days = ctx.vocab.settings.review_max_age_days
    due = [e for g in groups for e in g.members if e.map.id in ctx.review_overdue]
    if not due:
        return word("portfolio.review.none", lang).format(days=days)
    items = "\n".join(f"- {map_link(here, e)} — {date(e.map.last_reviewed, lang)}{bracketed(inline(e.map.owner), lang)}"
                      for e in sorted(due, key=lambda e: e.map.last_reviewed))
    return word("portfolio.review.intro", lang).format(days=days) + "\n\n" + items
