"""Catalogues across all maps: channels by stage, pain points, the opportunity backlog, KPIs, tags.

Maps are named by their titles, linked; a translated map is listed under its original (with a
link per language) rather than as a second map (``map_groups``)."""

from __future__ import annotations

from ..check.runner import MapEntry
from ..core.escape import inline
from ..model.priority import quadrant, rank_key, score
from ..model.resolve import channel_name, stage_name
from . import layout
from .blocks import bullets, evidence, link, page, table, unsearched
from .map_groups import folded, map_groups, maps_cell
from .map_page import gap
from .model import SiteContext, VirtualFile
from .words import labelled, num, sentence, word

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
# A matrix cell names at most this many maps; a site of 1,000 maps stays readable and linear.
CELL_LIMIT = 8
# Stage columns one channels table holds: with the channel column, each keeps a readable width in
# the text column of a 1,400 px screen. More stages (lead journeys, custom stages) get more tables.
STAGE_COLUMNS = 6
KINDS = ("channels", "pain_points", "opportunities", "kpis", "tags")  # in the order of the index


def _w(key: str, lang: str) -> str:
    return word(key, lang)


def catalogue_pages(ctx: SiteContext) -> list[VirtualFile]:
    return [_index(ctx.lang), _channels(ctx), _pain_points(ctx), _backlog(ctx), _kpis(ctx), _tags(ctx)]


def _page(key: str, parts: list[str], lang: str) -> VirtualFile:
    path, title = layout.CATALOGUES[key], catalogue_title(key, lang)
    return page(path, title, [f"# {title}", *parts], wide=True, site_lang=lang)


def _index(lang: str) -> VirtualFile:
    here = layout.CATALOGUE
    items = [(k, catalogue_title(k, lang), _w("about." + k, lang)) for k in KINDS]
    body = bullets(sentence(labelled(f"[{t}]({layout.rel(here, layout.CATALOGUES[k])})", d, lang), lang)
                   for k, t, d in items)
    return page(here, _w("cat.title", lang), [f"# {_w('cat.title', lang)}", _w("cat.intro", lang), body], site_lang=lang)


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
                cells.append("<br>".join(shown) if shown else "")
            rows.append((inline(channel_name(ch, ctx.lang, ctx.vocab)), *cells))
        headers = [_w("cat.channel", ctx.lang), *(inline(n) for _, n in group)]
        tables.append(unsearched(table(headers, rows), "jm-catalogue jm-by-stage"))
    return _page("channels", [_w("cat.channels.intro", ctx.lang), *tables], ctx.lang)


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
    rows = [(inline(r.item.text), inline(_w("severity." + r.item.severity, ctx.lang)), maps_cell(ctx.lang, here, r.members),
             inline(stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang)), evidence(r.item.evidence, ctx.lang))
            for r in found]
    headers = [_w(k, ctx.lang) for k in ("cat.pain_point", "severity", "cat.map", "stage", "evidence")]
    return _page("pain_points", [_w("cat.pain_points.intro", ctx.lang).format(pains=len(rows), maps=len(groups)),
                  unsearched(table(headers, rows), "jm-catalogue")], ctx.lang)


def _backlog(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["opportunities"]
    found = [r for g in map_groups(ctx) for r in folded(g, lambda s: s.opportunities)]
    found.sort(key=lambda r: rank_key(r.item))  # stable: maps in site order within a rank
    rows = [(str(score(o)), inline(o.text), str(o.impact), str(o.effort), quadrant(o, ctx.lang),
             inline(_w("status." + o.status, ctx.lang)),
             inline(o.owner) if o.owner else "–", maps_cell(ctx.lang, here, r.members)) for r in found for o in [r.item]]
    headers = [_w(k, ctx.lang) for k in ("priority", "opportunity", "impact", "effort", "cat.quadrant", "status", "owner",
                               "cat.map")]
    sortable = unsearched(table(headers, rows, align=["r", "l", "r", "r", "l", "l", "l", "l"]),
                          "jm-sortable jm-compact jm-catalogue")
    return _page("opportunities", [_w("cat.opportunities.intro", ctx.lang), sortable], ctx.lang)


def _kpis(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["kpis"]
    headers = [_w(k, ctx.lang) for k in ("kpi", "stage", "baseline", "target", "current", "gap", "unit")]
    parts = [_w("cat.kpis.intro", ctx.lang)]
    # One section per map: its title once, as a heading, instead of on every row.
    for g in map_groups(ctx):
        rows = [(inline(r.item.name), inline(stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang)),
                 num(r.item.baseline, ctx.lang), num(r.item.target, ctx.lang), num(r.item.current, ctx.lang),
                 gap(r.item, ctx.lang), inline(r.item.unit))
                for r in folded(g, lambda s: s.kpis)]
        if not rows:
            continue
        m = g.original.map
        parts.append(f"## {maps_cell(ctx.lang, here, g.members, sep=' ')} {{#kpis-{m.id}}}")
        parts.append(unsearched(table(headers, rows, align=["l", "l", "r", "r", "r", "r", "l"]), "jm-catalogue"))
    return _page("kpis", parts, ctx.lang)


def _tags(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["tags"]
    tags: dict[str, list[list[MapEntry]]] = {}  # tag -> per map group, its members with the tag
    for g in map_groups(ctx):
        for t in dict.fromkeys(t for e in g.members for t in e.map.tags):
            tags.setdefault(t, []).append([e for e in g.members if t in e.map.tags])
    parts = []
    if not tags:
        parts.append(_w("cat.no_tags", ctx.lang))
    for t in sorted(tags):
        parts.append(f"## `{t}` {{#tag-{t}}}")
        parts.append(bullets(maps_cell(ctx.lang, here, members, sep=" ") for members in tags[t]))
    return _page("tags", parts, ctx.lang)
