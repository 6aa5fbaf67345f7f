"""Catalogues across all maps: channels by stage, pain points, the opportunity backlog, KPIs, tags."""

from __future__ import annotations

from ..core.escape import inline
from ..model.priority import quadrant, rank_key, score
from ..model.resolve import channel_name, stage_name
from . import layout
from .blocks import bullets, evidence, link, page, table, unsearched
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


def _map_link(here: str, map_id: str, text: str, anchor: str = "") -> str:
    target = layout.rel(here, layout.map_page(map_id)) + (f"#{anchor}" if anchor else "")
    return link(text, target)


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
    use: dict[tuple[str, str], list[str]] = {}
    for e in ctx.maps:
        for s in e.map.stages:
            for t in s.touchpoints:
                ids = use.setdefault((t.channel, s.id), [])
                if e.map.id not in ids:
                    ids.append(e.map.id)
    channels = [c.id for c in ctx.vocab.channels if any(k[0] == c.id for k in use)]
    channels += sorted({k[0] for k in use} - set(channels))
    rows = []
    for ch in channels:
        cells = []
        for stage_id, _ in cols:
            ids = use.get((ch, stage_id), [])
            shown = [_map_link(here, i, i, layout.stage_anchor(stage_id)) for i in ids[:CELL_LIMIT]]
            if len(ids) > CELL_LIMIT:
                shown.append(_w("cat.more").format(n=len(ids) - CELL_LIMIT))
            cells.append("<br>".join(shown) if shown else "")
        rows.append((inline(channel_name(ch, SITE_LANG, ctx.vocab)), *cells))
    headers = [_w("cat.channel"), *(inline(n) for _, n in cols)]
    return _page("channels", [_w("cat.channels.intro"), unsearched(table(headers, rows))])


def _pain_points(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["pain_points"]
    found = [(e, s, p) for e in ctx.maps for s in e.map.stages for p in s.pain_points]
    found.sort(key=lambda x: (SEVERITY_ORDER[x[2].severity], x[0].map.id, x[2].id))
    rows = [(inline(p.text), inline(_w("severity." + p.severity)), _map_link(here, e.map.id, e.map.title),
             inline(stage_name(e.map, s, ctx.vocab)), evidence(p.evidence, SITE_LANG)) for e, s, p in found]
    headers = [_w(k) for k in ("cat.pain_point", "severity", "cat.map", "stage", "evidence")]
    return _page("pain_points", [_w("cat.pain_points.intro").format(pains=len(rows), maps=len(ctx.maps)),
                  unsearched(table(headers, rows))])


def _backlog(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["opportunities"]
    found = [(e, s, o) for e in ctx.maps for s in e.map.stages for o in s.opportunities]
    found.sort(key=lambda x: (rank_key(x[2]), x[0].map.id))
    rows = [(str(score(o)), inline(o.text), str(o.impact), str(o.effort), quadrant(o, SITE_LANG),
             inline(_w("status." + o.status)),
             inline(o.owner) if o.owner else "–", _map_link(here, e.map.id, e.map.title)) for e, s, o in found]
    headers = [_w(k) for k in ("priority", "opportunity", "impact", "effort", "cat.quadrant", "status", "owner",
                               "cat.map")]
    sortable = unsearched(table(headers, rows, align=["r", "l", "r", "r", "l", "l", "l", "l"]),
                          "jm-sortable jm-compact")
    return _page("opportunities", [_w("cat.opportunities.intro"), sortable])


def _kpis(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["kpis"]
    rows = [(inline(k.name), _map_link(here, e.map.id, e.map.title), inline(stage_name(e.map, s, ctx.vocab)),
             num(k.baseline, SITE_LANG), num(k.target, SITE_LANG), num(k.current, SITE_LANG), gap(k, SITE_LANG),
             inline(k.unit))
            for e in ctx.maps for s in e.map.stages for k in s.kpis]
    headers = [_w(k) for k in ("kpi", "cat.map", "stage", "baseline", "target", "current", "gap", "unit")]
    return _page("kpis", [unsearched(table(headers, rows, align=["l", "l", "l", "r", "r", "r", "r", "l"]))])


def _tags(ctx: SiteContext) -> VirtualFile:
    here = layout.CATALOGUES["tags"]
    tags: dict[str, list] = {}
    for e in ctx.maps:
        for t in e.map.tags:
            tags.setdefault(t, []).append(e)
    parts = []
    if not tags:
        parts.append(_w("cat.no_tags"))
    for t in sorted(tags):
        parts.append(f"## `{t}` {{#tag-{t}}}")
        parts.append(bullets(_map_link(here, e.map.id, e.map.title) for e in tags[t]))
    return _page("tags", parts)
