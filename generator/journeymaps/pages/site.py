"""Assemble the whole docs tree (pages, pictures, data files) and its navigation from a Project.

Engine-neutral: the MkDocs plugin adds these files in memory, `journeymaps generate` writes
them to a folder for any other engine. Both call `build_site`, so they publish the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from ..check.runner import MapEntry
from ..core.escape import html_text, inline
from ..core.findings import Finding
from ..project import Project
from . import languages, layout
from .blocks import failure_note, page
from .catalogues import KINDS as CATALOGUE_KINDS
from .catalogues import catalogue_pages, catalogue_title
from .compare import compare_pages_of
from .research import research_pages
from .glossary import glossary_nav, glossary_pages
from .guides import guide_page, method_index
from .history import history_page
from .home import home_page, industries_in_use, industry_page
from .map_page import map_page
from .model import Failure, NavItem, Site, SiteContext, VirtualFile, guides_citing, held_as_utf8
from .pictures import mermaid, stage_diagram
from .playbook import playbook_page
from .download_cache import render_downloads
from .reference import reference_page
from .templates import Markdown, Templates
from .words import word

# An industry with more maps than this gets sub-sections in the nav: Material renders the
# siblings of the current page into every page, so one list of 1,000 maps costs N^2 (FIELD-NOTES 2b).
NAV_CHUNK = 20
CAIRO_KINDS = layout.PICTURE_KINDS  # the downloads Cairo draws from the stage diagram (the `png` switch)


def failures_of(project: Project, known_ids: dict[str, str] | None = None) -> tuple[Failure, ...]:
    """Map files with errors, grouped per file, with the map id they had when last good."""
    by_file: dict[str, list[Finding]] = {}
    for f in project.errors():
        by_file.setdefault(f.path, []).append(f)
    known_ids = known_ids or {}
    return tuple(Failure(path, tuple(fs), known_ids.get(path)) for path, fs in sorted(by_file.items()))


def context_of(project: Project, failures: tuple[Failure, ...] = (), lang: str | None = None,
               templates: Templates | None = None, *, png: bool = False) -> SiteContext:
    """The context of the ``lang`` site (the default language's when None). ``templates``: the
    project's page templates when the caller holds them already (compiled once per build);
    ``png``: the PNG and PDF poster are published as files (see ``build_site``)."""
    assert project.vocabulary is not None
    settings = project.vocabulary.settings
    lang = lang or settings.default_language
    shown, unlisted = languages.listed(lang, project.maps, settings.languages)
    guides = tuple(project.guides)
    overdue = {f.path for f in project.findings if f.code == "stale-review"}
    return SiteContext(project.vocabulary, shown, guides, settings.site_name, failures, guides_citing(guides),
                       templates or Templates.for_project(project.root), lang, unlisted,
                       frozenset(e.map.id for e in project.maps if e.display in overdue), picture_files=png)


def build_site(project: Project, *, failures: tuple[Failure, ...] = (), png: bool = False,
               cache_dir: Path | None = None, jobs: int | None = None, lang: str | None = None,
               templates: Templates | None = None) -> Site:
    """The site of one language (the default when None): every map's pages, one map per
    translation group listed, pages not in ``lang`` marked, each page's language selector set.
    ``png``: Cairo draws each map's PNG and PDF poster into the site (cached in ``cache_dir``);
    off, the map page asks the reader's browser for them and the build draws none (issue 16)."""
    ctx = context_of(project, failures, lang, templates, png=png)
    files: list[VirtualFile] = [home_page(ctx)]
    for ind in industries_in_use(ctx):
        files.append(industry_page(ind, ctx))
    svgs: dict[str, str] = {}
    for e in (*ctx.maps, *ctx.unlisted):
        # Drawn once: the same SVG is inlined in the page, published as a file and rasterised.
        svg = stage_diagram(e.map, ctx.vocab)
        if png:
            svgs[e.map.id] = svg
        files += held_as_utf8([*map_pages(e, ctx, svg), *map_assets(e, ctx, svg)], svg)
    files += _failure_pages(ctx)
    files.append(method_index(ctx))
    for g in ctx.guides:
        page_of_guide = guide_page(g, ctx)
        if g.meta.lang != ctx.lang:
            note = languages.untranslated_note("guide", ctx.lang, g.meta.lang)
            page_of_guide = languages.mark_untranslated(page_of_guide, note, g.meta.lang)
        files.append(page_of_guide)
    files += catalogue_pages(ctx)
    files += research_pages(ctx)
    files.append(reference_page(ctx.lang, ctx.templates))
    nav = navigation(ctx)
    if project.glossary is not None:
        files += glossary_pages(project.glossary, ctx.lang, "site_config/glossary.yaml", ctx.templates)
        nav.insert(len(nav) - 1, glossary_nav(project.glossary, ctx.lang))  # before the authoring reference
    files = with_selectors(files, project, ctx.lang)
    site = Site(files, nav)
    if png and svgs:
        result = render_downloads(cairo_downloads(svgs), cache_dir, jobs=jobs)
        display = {layout.asset(e.map.id, kind): e.display for e in (*ctx.maps, *ctx.unlisted)
                   for kind in CAIRO_KINDS}
        site.files += [VirtualFile(path, data, path.rsplit(".", 1)[1], display[path])
                       for path, data in result.files.items()]
        site.png_rendered, site.png_cached = result.rendered["png"], result.cached["png"]
        site.pdf_rendered, site.pdf_cached = result.rendered["pdf"], result.cached["pdf"]
    site.files.sort(key=lambda f: f.path)
    return site


def cairo_downloads(svgs: dict[str, str], kinds: tuple[str, ...] = CAIRO_KINDS) -> dict[str, tuple[str, str]]:
    """The Cairo-drawn download files of each map id's stage diagram: path -> (format, svg)."""
    return {layout.asset(map_id, kind): (kind, svg) for map_id, svg in svgs.items() for kind in kinds}


def map_pages(e: MapEntry, ctx: SiteContext, svg: str) -> list[VirtualFile]:
    """A map's page, playbook, history (and a to-be map's compare page) in the ``ctx.lang`` site:
    marked when shown untranslated."""
    pages = [map_page(e, ctx, svg), playbook_page(e, ctx), history_page(e, ctx), *compare_pages_of(e, ctx)]
    if e.map.lang == ctx.lang:
        return pages
    note = languages.untranslated_note("map", ctx.lang, e.map.lang)
    return [languages.mark_untranslated(p, note, e.map.lang) for p in pages]


def with_selectors(files: list[VirtualFile], project: Project, lang: str) -> list[VirtualFile]:
    """Every page gets its language selector: the same page in each language's site, the
    translation for a map, the site's home when that site has no such page."""
    select = selectors(project, lang)
    return [select(f) for f in files]


def selectors(project: Project, lang: str) -> Callable[[VirtualFile], VirtualFile]:
    """What puts the language selector on a page of the ``lang`` site, worked out once for many
    pages (`mkdocs serve` sets it on each page across maps as it is made)."""
    assert project.vocabulary is not None
    settings = project.vocabulary.settings
    eds = languages.editions(settings)
    here = languages.edition(settings, lang)
    groups = languages.groups(project.maps)

    def target_of(ed: languages.Edition, path: str) -> str:
        parts = path.split("/")
        if len(parts) == 3 and parts[0] == "maps" and parts[1] in groups:
            other = languages.shown_in(ed.lang, groups[parts[1]], settings.languages).map.id
            by_name = {"playbook.md": layout.playbook_page, "history.md": layout.history_page,
                       "compare.md": layout.compare_page}
            return by_name.get(parts[2], layout.map_page)(other)
        return path  # the page at the same path in that site

    def select(f: VirtualFile) -> VirtualFile:
        return languages.with_alternates(f, languages.alternates(f.path, here, eds, target_of)) if f.kind == "page" else f

    return select


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
    return [p for f in ctx.failures if f.map_id is not None and f.map_id not in shown for p in failure_pages(f, ctx)]


def failure_pages(f: Failure, ctx: SiteContext) -> list[VirtualFile]:
    """The map page and playbook of ``f``'s map (``f.map_id``, its id when last good): its located
    errors, as `journeymaps check` prints them."""
    assert f.map_id is not None
    w = lambda key: word(key, ctx.lang)  # noqa: E731
    body = ctx.templates.render("failure.md", w, title=Markdown(w("failure.title").format(name=inline(f.map_id))),
                                note=failure_note(f, w("failure.fix_map"), ctx.lang))
    return [page(path, f.map_id, [body], source=f.display, site_lang=ctx.lang)
            for path in (layout.map_page(f.map_id), layout.playbook_page(f.map_id))]


# --- navigation ------------------------------------------------------------------------

def navigation(ctx: SiteContext) -> list[NavItem]:
    w = lambda key: word(key, ctx.lang)  # noqa: E731
    nav = [NavItem(w("nav.home"), layout.HOME)]
    failed = [f for f in ctx.failures if f.map_id and ctx.entry(f.map_id) is None]
    for ind in industries_in_use(ctx) or []:
        d = ctx.vocab.industry(ind)
        title = d.name(ctx.lang) if d else ind
        entries = [e for e in ctx.maps if e.map.industry == ind]
        items = [_map_nav(e, compared=e.map.based_on is not None and ctx.entry(e.map.based_on) is not None)
                 for e in entries]
        nav.append(NavItem(html_text(title), layout.industry_page(ind), tuple(_chunked(items, w))))
    if failed:
        playbook = w("playbook")
        nav.append(NavItem(w("nav.failing"), None, tuple(NavItem(html_text(f.map_id), layout.map_page(f.map_id),
                                                                 (NavItem(playbook, layout.playbook_page(f.map_id)),))
                                                         for f in failed)))
    nav.append(NavItem(w("nav.method"), layout.METHOD, tuple(NavItem(html_text(g.meta.title),
                                                                      layout.guide_page(g.meta.id))
                                                             for g in ctx.guides)))
    nav.append(NavItem(w("cat.title"), layout.CATALOGUE, tuple(
        NavItem(catalogue_title(k, ctx.lang), layout.CATALOGUES[k]) for k in CATALOGUE_KINDS)))
    if ctx.vocab.studies:
        nav.append(NavItem(w("research.title"), layout.RESEARCH, tuple(
            NavItem(html_text(st.title), layout.research_page(st.id)) for st in ctx.vocab.studies)))
    nav.append(NavItem(w("nav.reference"), layout.REFERENCE))
    return nav


def _map_nav(e: MapEntry, *, compared: bool = False) -> NavItem:
    """``compared``: a to-be map whose as-is map the site has, so it has a compare page."""
    m = e.map
    compare = (NavItem(html_text(word("compare.title", m.lang)), layout.compare_page(m.id)),) if compared else ()
    return NavItem(html_text(m.title), layout.map_page(m.id),
                   (NavItem(html_text(word("playbook", m.lang)), layout.playbook_page(m.id)),
                    NavItem(html_text(word("history.title", m.lang)), layout.history_page(m.id)), *compare))


def _chunked(items: list[NavItem], w, first: int = 1) -> list[NavItem]:
    """An industry's maps in sections of at most NAV_CHUNK entries, nested as deep as needed
    ("1-400" holding "1-20", "21-40"...): a pruned page carries its own branch, so each page's
    navigation grows with the log of the maps, not with the maps over NAV_CHUNK (issue 16).
    ``first``: the number of ``items[0]`` in its industry."""
    if len(items) <= NAV_CHUNK:
        return items
    span = NAV_CHUNK
    while len(items) > span * NAV_CHUNK:
        span *= NAV_CHUNK
    return [NavItem(w("nav.chunk").format(first=first + i, last=first + min(i + span, len(items)) - 1), None,
                    tuple(_chunked(items[i:i + span], w, first + i)))
            for i in range(0, len(items), span)]


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


def nav_paths(nav: list[NavItem]) -> set[str]:
    """Every page the navigation lists (the others are published without a nav entry)."""
    out: set[str] = set()
    for item in nav:
        if item.path:
            out.add(item.path)
        out |= nav_paths(list(item.children))
    return out
