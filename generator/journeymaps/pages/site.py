"""Assemble the whole docs tree (pages, pictures, data files) and its navigation from a Project.

Engine-neutral: the MkDocs plugin adds these files in memory, `journeymaps generate` writes
them to a folder for any other engine. Both call `build_site`, so they publish the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..check.runner import MapEntry
from ..core.escape import html_text, inline
from ..core.findings import Finding
from ..project import Project
from . import layout
from .blocks import failure_note, page
from .catalogues import KINDS as CATALOGUE_KINDS
from .catalogues import catalogue_pages, catalogue_title
from .glossary import glossary_nav, glossary_pages
from .guides import guide_page, method_index
from .history import history_page
from .home import home_page, industries_in_use, industry_page
from .map_page import map_page
from .model import Failure, NavItem, Site, SiteContext, VirtualFile, guides_citing
from .pictures import mermaid, stage_diagram
from .playbook import playbook_page
from .png_cache import render_pngs
from .reference import reference_page
from .templates import Templates
from .words import SITE_LANG, word

# An industry with more maps than this gets sub-sections in the nav: Material renders the
# siblings of the current page into every page, so one list of 1,000 maps costs N^2 (FIELD-NOTES 2b).
NAV_CHUNK = 20


def failures_of(project: Project, known_ids: dict[str, str] | None = None) -> tuple[Failure, ...]:
    """Map files with errors, grouped per file, with the map id they had when last good."""
    by_file: dict[str, list[Finding]] = {}
    for f in project.errors():
        by_file.setdefault(f.path, []).append(f)
    known_ids = known_ids or {}
    return tuple(Failure(path, tuple(fs), known_ids.get(path)) for path, fs in sorted(by_file.items()))


def context_of(project: Project, failures: tuple[Failure, ...] = ()) -> SiteContext:
    assert project.vocabulary is not None
    guides = tuple(project.guides)
    return SiteContext(project.vocabulary, tuple(project.maps), guides, project.vocabulary.settings.site_name,
                       failures, guides_citing(guides), Templates.for_project(project.root))


def build_site(project: Project, *, failures: tuple[Failure, ...] = (), png: bool = True,
               cache_dir: Path | None = None, jobs: int | None = None) -> Site:
    ctx = context_of(project, failures)
    files: list[VirtualFile] = [home_page(ctx)]
    for ind in industries_in_use(ctx):
        files.append(industry_page(ind, ctx))
    svgs: dict[str, str] = {}
    for e in ctx.maps:
        # Drawn once: the same SVG is inlined in the page, published as a file and rasterised.
        svg = stage_diagram(e.map, ctx.vocab)
        files += [map_page(e, ctx, svg), playbook_page(e, ctx), history_page(e, ctx)]
        svgs[layout.asset(e.map.id, "png")] = svg
        files += map_assets(e, ctx, svg)
    files += _failure_pages(ctx)
    files.append(method_index(ctx))
    files += [guide_page(g, ctx) for g in ctx.guides]
    files += catalogue_pages(ctx)
    files.append(reference_page())
    nav = navigation(ctx)
    if project.glossary is not None:
        files += glossary_pages(project.glossary, "site_config/glossary.yaml")
        nav.insert(len(nav) - 1, glossary_nav(project.glossary))  # before the authoring reference
    site = Site(files, nav)
    if png and svgs:
        result = render_pngs(svgs, cache_dir, jobs=jobs)
        by_path = {layout.asset(e.map.id, "png"): e for e in ctx.maps}
        site.files += [VirtualFile(path, data, "png", by_path[path].display) for path, data in result.images.items()]
        site.png_rendered, site.png_cached = result.rendered, result.cached
    site.files.sort(key=lambda f: f.path)
    return site


def map_assets(e: MapEntry, ctx: SiteContext, svg: str | None = None) -> list[VirtualFile]:
    m = e.map
    svg = svg if svg is not None else stage_diagram(m, ctx.vocab)
    data = json.dumps(m.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False) + "\n"
    return [VirtualFile(layout.asset(m.id, "svg"), svg, "svg", e.display),
            VirtualFile(layout.asset(m.id, "json"), data, "json", e.display),
            VirtualFile(layout.asset(m.id, "mmd"), mermaid(m, ctx.vocab), "mermaid", e.display)]


def _failure_pages(ctx: SiteContext) -> list[VirtualFile]:
    """Under `mkdocs serve` a map that fails the check keeps its pages, showing the located errors."""
    shown = {e.map.id for e in ctx.maps}
    out = []
    for f in ctx.failures:
        if f.map_id is None or f.map_id in shown:
            continue
        parts = failure_parts(f)
        out += [page(layout.map_page(f.map_id), f.map_id, parts, source=f.display),
                page(layout.playbook_page(f.map_id), f.map_id, parts, source=f.display)]
    return out


def failure_parts(f: Failure) -> list[str]:
    """The located errors, as `journeymaps check` prints them, in a code block (shown, not parsed)."""
    return [f"# {inline(f.map_id or f.display)}: fails the check",
            failure_note(f, "fix them and save to see the map again")]


# --- navigation ------------------------------------------------------------------------

def navigation(ctx: SiteContext) -> list[NavItem]:
    nav = [NavItem("Home", layout.HOME)]
    failed = [f for f in ctx.failures if f.map_id and ctx.entry(f.map_id) is None]
    for ind in industries_in_use(ctx) or []:
        d = ctx.vocab.industry(ind)
        title = d.name("en") if d else ind
        entries = [e for e in ctx.maps if e.map.industry == ind]
        items = [_map_nav(e) for e in entries]
        nav.append(NavItem(html_text(title), layout.industry_page(ind), tuple(_chunked(items))))
    if failed:
        playbook = word("playbook", SITE_LANG)
        nav.append(NavItem("Failing maps", None, tuple(NavItem(html_text(f.map_id), layout.map_page(f.map_id),
                                                               (NavItem(playbook, layout.playbook_page(f.map_id)),))
                                                       for f in failed)))
    nav.append(NavItem("Method", layout.METHOD, tuple(NavItem(html_text(g.meta.title), layout.guide_page(g.meta.id))
                                                      for g in ctx.guides)))
    nav.append(NavItem(word("cat.title", SITE_LANG), layout.CATALOGUE, tuple(
        NavItem(catalogue_title(k), layout.CATALOGUES[k]) for k in CATALOGUE_KINDS)))
    nav.append(NavItem("Authoring reference", layout.REFERENCE))
    return nav


def _map_nav(e: MapEntry) -> NavItem:
    m = e.map
    return NavItem(html_text(m.title), layout.map_page(m.id),
                   (NavItem(html_text(word("playbook", m.lang)), layout.playbook_page(m.id)),
                    NavItem(html_text(word("history.title", m.lang)), layout.history_page(m.id))))


def _chunked(items: list[NavItem]) -> Iterable[NavItem]:
    if len(items) <= NAV_CHUNK:
        return items
    return [NavItem(f"Maps {i + 1}–{min(i + NAV_CHUNK, len(items))}", None, tuple(items[i:i + NAV_CHUNK]))
            for i in range(0, len(items), NAV_CHUNK)]


def nav_config(nav: list[NavItem]) -> list:
    """The `nav:` value of mkdocs.yml (also read by Zensical): sections led by their index page."""
    out: list = []
    for item in nav:
        if item.children:
            inner = ([item.path] if item.path else []) + nav_config(list(item.children))
            out.append({item.title: inner})
        else:
            out.append({item.title: item.path})
    return out
