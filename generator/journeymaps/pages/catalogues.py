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
from .words import SITE_LANG, labelled, num, sentence, word

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
# A matrix cell names at most this many maps; a site of 1,000 maps stays readable and linear.
CELL_LIMIT = 8
KINDS = ("channels", "pain_points", "opportunities", "kpis", "tags")  # in the order of the index


def _w(key: str) -> str:
    return word(key, SITE_LANG)


def catalogue_pages(ctx: SiteContext) -> list[VirtualFile]:
    return [_index(), _channels(ctx), _pain_points(ctx), _backlog(ctx), _kpis(ctx), _tags(ctx)]


def _page(key: str, parts: list[str]) -> VirtualFile:
    path, title = layout.CATALOGUES[key], catalogue_title(key)
    return page(path, title, [f"# {title}", *parts], wide=True)


def _index() -> VirtualFile:
    here = layout.CATALOGUE
    items = [(k, catalogue_title(k), _w("about." + k)) for k in KINDS]
    body = bullets(sentence(labelled(f"[{t}]({layout.rel(here, layout.CATALOGUES[k])})", d, SITE_LANG), SITE_LANG)
                   for k, t, d in items)
    return page(here, _w("cat.title"), [f"# {_w('cat.title')}", _w("cat.intro"), body])


def catalogue_title(key: str) -> str:
    """The title of one catalogue page (also its name in the navigation)."""
    return _w({"kpis": "lane.kpis", "tags": "tags"}.get(key, f"cat.{key}"))


def _stage_columns(ctx: SiteContext) -> list[tuple[str, str]]:
    """(stage id, name in the site's language): catalogue stages first, then custom stages in order of appearance."""
    cols = [(s.id, s.name(SITE_LANG)) for s in ctx.vocab.stages]
    seen = {c for c, _ in cols}
    for e in ctx.maps:
        for s in e.map.stages:
            if s.id not in seen:
                seen.add(s.id)
                cols.append((s.id, stage_name(e.map, s, ctx.vocab)))
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
            shown = [maps_cell(here, members, layout.stage_anchor(stage_id)) for members in groups[:CELL_LIMIT]]
            if len(groups) > CELL_LIMIT:
                shown.append(_w("cat.more").format(n=len(groups) - CELL_LIMIT))
            cells.append("<br>".join(shown) if shown else "")
        rows.append((inline(channel_name(ch, SITE_LANG, ctx.vocab)), *cells))
    headers = [_w("cat.channel"), *(inline(n) for _, n in cols)]
    return _page("channels", [_w("cat.channels.intro"), unsearched(table(headers, rows), "jm-catalogue")])


def _pain_points(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["pain_points"]
    groups = map_groups(ctx)
    found = [r for g in groups for r in folded(g, lambda s: s.pain_points)]
    found.sort(key=lambda r: SEVERITY_ORDER[r.item.severity])  # stable: maps in site order within a severity
    rows = [(inline(r.item.text), inline(_w("severity." + r.item.severity)), maps_cell(here, r.members),
             inline(stage_name(r.entry.map, r.stage, ctx.vocab)), evidence(r.item.evidence, SITE_LANG))
            for r in found]
    headers = [_w(k) for k in ("cat.pain_point", "severity", "cat.map", "stage", "evidence")]
    return _page("pain_points", [_w("cat.pain_points.intro").format(pains=len(rows), maps=len(groups)),
                  unsearched(table(headers, rows), "jm-catalogue")])


def _backlog(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["opportunities"]
    found = [r for g in map_groups(ctx) for r in folded(g, lambda s: s.opportunities)]
    found.sort(key=lambda r: rank_key(r.item))  # stable: maps in site order within a rank
    rows = [(str(score(o)), inline(o.text), str(o.impact), str(o.effort), quadrant(o, SITE_LANG),
             inline(_w("status." + o.status)),
             inline(o.owner) if o.owner else "–", maps_cell(here, r.members)) for r in found for o in [r.item]]
    headers = [_w(k) for k in ("priority", "opportunity", "impact", "effort", "cat.quadrant", "status", "owner",
                               "cat.map")]
    sortable = unsearched(table(headers, rows, align=["r", "l", "r", "r", "l", "l", "l", "l"]),
                          "jm-sortable jm-compact jm-catalogue")
    return _page("opportunities", [_w("cat.opportunities.intro"), sortable])


def _kpis(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["kpis"]
    headers = [_w(k) for k in ("kpi", "stage", "baseline", "target", "current", "gap", "unit")]
    parts = [_w("cat.kpis.intro")]
    # One section per map: its title once, as a heading, instead of on every row.
    for g in map_groups(ctx):
        rows = [(inline(r.item.name), inline(stage_name(r.entry.map, r.stage, ctx.vocab)),
                 num(r.item.baseline, SITE_LANG), num(r.item.target, SITE_LANG), num(r.item.current, SITE_LANG),
                 gap(r.item, SITE_LANG), inline(r.item.unit))
                for r in folded(g, lambda s: s.kpis)]
        if not rows:
            continue
        m = g.original.map
        parts.append(f"## {maps_cell(here, g.members, sep=' ')} {{#kpis-{m.id}}}")
        parts.append(unsearched(table(headers, rows, align=["l", "l", "r", "r", "r", "r", "l"]), "jm-catalogue"))
    return _page("kpis", parts)


def _tags(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["tags"]
    tags: dict[str, list[list[MapEntry]]] = {}  # tag -> per map group, its members with the tag
    for g in map_groups(ctx):
        for t in dict.fromkeys(t for e in g.members for t in e.map.tags):
            tags.setdefault(t, []).append([e for e in g.members if t in e.map.tags])
    parts = []
    if not tags:
        parts.append(_w("cat.no_tags"))
    for t in sorted(tags):
        parts.append(f"## `{t}` {{#tag-{t}}}")
        parts.append(bullets(maps_cell(here, members, sep=" ") for members in tags[t]))
    return _page("tags", parts)
