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
from ..model.kpi_series import current_of
from .map_page import gap, target_cell, track_cell, trend_cell, track_rank
from .model import Pictures, SiteContext, VirtualFile
from .words import labelled, num, sentence, word

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
# A matrix cell names at most this many maps; a site of 1,000 maps stays readable and linear.
CELL_LIMIT = 8
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
    rows = []
    for ch in channels:
        cells = []
        for stage_id, _ in cols:
            groups = use.get((ch, stage_id), [])
            shown = [maps_cell(ctx.lang, here, members, layout.stage_anchor(stage_id)) for members in groups[:CELL_LIMIT]]
            if len(groups) > CELL_LIMIT:
                shown.append(_w("cat.more", ctx.lang).format(n=len(groups) - CELL_LIMIT))
            cells.append("<br>".join(shown) if shown else "")
        rows.append((inline(channel_name(ch, ctx.lang, ctx.vocab)), *cells))
    headers = [_w("cat.channel", ctx.lang), *(inline(n) for _, n in cols)]
    return _page("channels", [_w("cat.channels.intro", ctx.lang), unsearched(table(headers, rows), "jm-catalogue")], ctx.lang)


def _pain_points(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["pain_points"]
    groups = map_groups(ctx)
    found = [r for g in groups for r in folded(g, lambda s: s.pain_points)]
    found.sort(key=lambda r: SEVERITY_ORDER[r.item.severity])  # stable: maps in site order within a severity
    rows = [(inline(r.item.text), inline(_w("severity." + r.item.severity, ctx.lang)), maps_cell(ctx.lang, here, r.members),
             inline(stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang)), evidence(r.item.evidence, ctx.lang, here, ctx.vocab))
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
    headers = [_w(k, ctx.lang) for k in ("kpi", "stage", "baseline", "target", "current", "gap", "track", "unit")]
    parts = [_w("cat.kpis.intro", ctx.lang), f"<small>{_w('track.rule', ctx.lang)}</small>"]
    pictures = Pictures()
    # One section per map: its title once, as a heading, instead of on every row; within it the
    # KPIs most off track first.
    for g in map_groups(ctx):
        found = folded(g, lambda s: s.kpis)
        found.sort(key=lambda r: track_rank(r.item))  # stable: the map's order within a state
        rows = [(inline(r.item.name), inline(stage_name(r.entry.map, r.stage, ctx.vocab, ctx.lang)),
                 num(r.item.baseline, ctx.lang), target_cell(r.item, ctx.lang), num(current_of(r.item), ctx.lang),
                 gap(r.item, ctx.lang), track_cell(r.item, ctx.lang, trend_cell(r.entry.map, r.item, pictures)),
                 inline(r.item.unit))
                for r in found]
        if not rows:
            continue
        m = g.original.map
        parts.append(f"## {maps_cell(ctx.lang, here, g.members, sep=' ')} {{#kpis-{m.id}}}")
        parts.append(unsearched(table(headers, rows, align=["l", "l", "r", "r", "r", "r", "l", "l"]), "jm-catalogue"))
    path, title = layout.CATALOGUES["kpis"], catalogue_title("kpis", ctx.lang)
    return page(path, title, [f"# {title}", *parts], wide=True, site_lang=ctx.lang, pictures=pictures)


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
