"""Catalogues across all maps: channels by stage, pain points, the opportunity backlog, KPIs, tags.

Maps are named by their titles, linked; a translated map is listed under its original (with a
link per language) rather than as a second map (``map_groups``)."""

from __future__ import annotations

from collections.abc import Iterator

from dataclasses import dataclass

from ..check.runner import MapEntry
from ..core.escape import inline
from ..model.priority import quadrant, rank_key, score
from ..model.resolve import channel_name, stage_name
from . import layout
from .blocks import evidence, in_lang, page
from .map_groups import folded, map_groups, maps_cell
from ..model.kpi_series import current_of
from .map_page import gap, target_cell, track_cell, track_rank, trend_cell
from .model import Pictures, SiteContext, VirtualFile
from .pilots import pilots_page
from .plays import plays_page
from .templates import Markdown
from .words import labelled, num, sentence, word

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
# A matrix cell names at most this many maps; a site of 1,000 maps stays readable and linear.
CELL_LIMIT = 8
# Stage columns one channels table holds: with the channel column, each keeps a readable width in
# the text column of a 1,400 px screen. More stages (lead journeys, custom stages) get more tables.
STAGE_COLUMNS = 6
KINDS = ("channels", "pain_points", "opportunities", "kpis", "tags", "pilots", "plays")  # in the order of the index


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    cells: list[Markdown]  # per stage column: the maps with a touchpoint there, linked


@dataclass(frozen=True)
class ChannelTable:
    stages: list[str]  # the stage columns' names
    channels: list[ChannelRow]  # the channels used at one of these stages


@dataclass(frozen=True)
class PainRow:
    text: str
    severity: str
    maps: Markdown  # raw HTML: the table is set aside from Markdown (html_table in blocks.md)
    stage: str
    evidence: Markdown  # raw HTML likewise


@dataclass(frozen=True)
class OpportunityRow:
    priority: float
    text: str
    impact: int
    effort: int
    quadrant: Markdown
    status: str
    owner: str | None
    maps: Markdown  # raw HTML: the table is set aside from Markdown (html_table in blocks.md)


@dataclass(frozen=True)
class KpiRow:
    name: Markdown  # the map's own words, marked with its language where it is not the site's
    stage: str
    baseline: Markdown  # numbers as the language writes them
    target: Markdown
    current: Markdown
    gap: Markdown
    track: Markdown  # on track / at risk / off track, under the KPI's trend sparkline
    unit: Markdown  # in the map's language, declared where the page's differs


@dataclass(frozen=True)
class KpiSection:
    id: str  # the map's id, for the anchor
    heading: Markdown  # the map's title (and its other languages), linked
    kpis: list[KpiRow]


@dataclass(frozen=True)
class TagSection:
    tag: str
    maps: list[Markdown]


def _w(key: str, lang: str) -> str:
    return word(key, lang)


def catalogue_pages(ctx: SiteContext) -> list[VirtualFile]:
    return list(each_catalogue_page(ctx))


def each_catalogue_page(ctx: SiteContext) -> Iterator[VirtualFile]:
    """The catalogues one at a time: under `mkdocs serve` each is written as soon as it is made."""
    for make in (_index, _channels, _pain_points, _backlog, _kpis, _tags, pilots_page, plays_page):
        yield make(ctx)


def _page(key: str, ctx: SiteContext, pictures: Pictures | None = None, **values: object) -> VirtualFile:
    """A catalogue from its template ``catalogue_<key>.md``; ``values``: its view data; ``pictures``:
    the inline pictures its values hold slots for, which also keep the tables the template sets aside."""
    path, title = layout.CATALOGUES[key], catalogue_title(key, ctx.lang)
    pictures = pictures if pictures is not None else Pictures()
    body = ctx.templates.render(f"catalogue_{key}.md", lambda k: _w(k, ctx.lang), aside=pictures,
                                title=Markdown(title), **values)
    return page(path, title, [body], wide=True, site_lang=ctx.lang, pictures=pictures)


def _index(ctx: SiteContext) -> VirtualFile:
    here, lang = layout.CATALOGUE, ctx.lang
    items = [(k, catalogue_title(k, lang), _w("about." + k, lang)) for k in KINDS]
    lines = [Markdown(sentence(labelled(f"[{t}]({layout.rel(here, layout.CATALOGUES[k])})", d, lang), lang))
             for k, t, d in items]
    body = ctx.templates.render("catalogue_index.md", lambda k: _w(k, lang), title=Markdown(_w("cat.title", lang)),
                                catalogues=lines)
    return page(here, _w("cat.title", lang), [body], site_lang=lang)


def catalogue_title(key: str, lang: str) -> str:
    """The title of one catalogue page (also its name in the navigation)."""
    return _w({"kpis": "lane.kpis", "tags": "tags"}.get(key, f"cat.{key}"), lang)


def _stage_columns(ctx: SiteContext) -> list[tuple[str, str]]:
    """(stage id, name in the site's language): catalogue stages first, then custom stages in order of appearance."""
    cols = [(s.id, s.name(ctx.lang)) for s in ctx.vocab.stages]
    seen = {c for c, _ in cols}
    for e in ctx.maps:
        for s in e.map.stages:
            if s.id not in seen:
                seen.add(s.id)
                cols.append((s.id, stage_name(e.map, s, ctx.vocab, ctx.lang)))
    return cols


def _channels(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["channels"]
    cols = _stage_columns(ctx)
    # (channel, stage id) -> per map group, the members with a touchpoint there
    use: dict[tuple[str, str], list[list[MapEntry]]] = {}
    for g in map_groups(ctx):
        found: dict[tuple[str, str], list[MapEntry]] = {}
        for e in g.members:
            for s in e.map.stages:
                for t in s.touchpoints:
                    members = found.setdefault((t.channel, s.id), [])
                    if e not in members:
                        members.append(e)
        for key, members in found.items():
            use.setdefault(key, []).append(members)
    channels = [c.id for c in ctx.vocab.channels if any(k[0] == c.id for k in use)]
    channels += sorted({k[0] for k in use} - set(channels))
    tables = []
    for group in _column_groups(ctx, cols):
        rows = []
        for ch in channels:
            if not any((ch, stage_id) in use for stage_id, _ in group):
                continue
            cells = []
            for stage_id, _ in group:
                groups = use.get((ch, stage_id), [])
                shown = [maps_cell(ctx.lang, here, members, layout.stage_anchor(stage_id))
                         for members in groups[:CELL_LIMIT]]
                if len(groups) > CELL_LIMIT:
                    shown.append(_w("cat.more", ctx.lang).format(n=len(groups) - CELL_LIMIT))
                cells.append(Markdown("<br>".join(shown)))
            rows.append(ChannelRow(channel_name(ch, ctx.lang, ctx.vocab), cells))
        tables.append(ChannelTable([n for _, n in group], rows))
    return _page("channels", ctx, tables=tables)


def _column_groups(ctx: SiteContext, cols: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The stage columns in tables of at most STAGE_COLUMNS: first the stages every new map starts
    with (the purchase journey), then the others, so each table reads as one kind of journey."""
    main = [c for c in cols if (d := ctx.vocab.stage(c[0])) is not None and d.skeleton]
    rest = [c for c in cols if c not in main]
    return [g[i:i + STAGE_COLUMNS] for g in (main, rest) for i in range(0, len(g), STAGE_COLUMNS)]


def _pain_points(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["pain_points"]
    groups = map_groups(ctx)
    found = [r for g in groups for r in folded(g, lambda s: s.pain_points)]
    found.sort(key=lambda r: SEVERITY_ORDER[r.item.severity])  # stable: maps in site order within a severity
    rows = [PainRow(r.item.text, _w("severity." + r.item.severity, ctx.lang),
                    Markdown(maps_cell(ctx.lang, here, r.members, html=True)),
                    stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang),
                    Markdown(evidence(r.item.evidence, ctx.lang, here, ctx.vocab, html=True)))
            for r in found]
    return _page("pain_points", ctx, pain_points=rows, maps=len(groups))


def _backlog(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["opportunities"]
    found = [r for g in map_groups(ctx) for r in folded(g, lambda s: s.opportunities)]
    found.sort(key=lambda r: rank_key(r.item))  # stable: maps in site order within a rank
    rows = [OpportunityRow(score(o), o.text, o.impact, o.effort, Markdown(quadrant(o, ctx.lang)),
                           _w("status." + o.status, ctx.lang), o.owner, Markdown(maps_cell(ctx.lang, here, r.members, html=True)))
            for r in found for o in [r.item]]
    return _page("opportunities", ctx, opportunities=rows)


def _kpis(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["kpis"]
    sections = []
    pictures = Pictures()
    for g in map_groups(ctx):
        found = folded(g, lambda s: s.kpis)
        found.sort(key=lambda r: track_rank(r.item))  # the most off track first; stable: the map's order within a state
        rows = [KpiRow(_as_written(r.item.name, r.entry, ctx), stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang),
                       Markdown(num(r.item.baseline, ctx.lang)), Markdown(target_cell(r.item, ctx.lang)),
                       Markdown(num(current_of(r.item), ctx.lang)), Markdown(gap(r.item, ctx.lang)),
                       Markdown(track_cell(r.item, ctx.lang, trend_cell(r.entry.map, r.item, pictures))),
                       _as_written(r.item.unit, r.entry, ctx))
                for r in found]
        if rows:
            sections.append(KpiSection(g.original.map.id, Markdown(maps_cell(ctx.lang, here, g.members, sep=" ")),
                                       rows))
    return _page("kpis", ctx, pictures=pictures, maps=sections)


def _as_written(text: str, entry: MapEntry, ctx: SiteContext) -> Markdown:
    """A map's words on a page of another language's site: as written, and said to be in the map's
    language (an English map's unit "days" on the Chinese site is English, not a missed label)."""
    return Markdown(in_lang(inline(text), entry.map.lang, ctx.lang))


def _tags(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["tags"]
    tags: dict[str, list[list[MapEntry]]] = {}  # tag -> per map group, its members with the tag
    for g in map_groups(ctx):
        for t in dict.fromkeys(t for e in g.members for t in e.map.tags):
            tags.setdefault(t, []).append([e for e in g.members if t in e.map.tags])
    sections = [TagSection(t, [Markdown(maps_cell(ctx.lang, here, members, sep=" ")) for members in tags[t]])
                for t in sorted(tags)]
    return _page("tags", ctx, tags=sections)
