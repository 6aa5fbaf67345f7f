"""`mkdocs serve` with many maps: rebuild only what one saved map changes.

A full build of 1,000 maps takes about a minute, and `--dirty` leaves the navigation and the
search of the other pages stale (FIELD-NOTES 2b). When the only change since the last build is
an edit to existing map files that keeps each map's id, title, industry and language (so the
navigation is the same), the map's own pages and pictures go through MkDocs' page pipeline
again with the navigation, files and theme of the last full build, its search entries are
replaced, and the page is served. The pages that gather every map (home, industry index,
catalogues) follow in a second step. Anything else (a new or removed file, a renamed map,
site_config/, a guide, mkdocs.yml, the theme) gets the normal full rebuild.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ..check.runner import MapEntry, check_paths
from ..core.findings import Finding
from ..check.report import text as text_report
from ..load.source import MAP_SUFFIXES
from ..pages import VirtualFile, layout
from ..pages.catalogues import each_catalogue_page
from ..pages.home import home_page, industries_in_use, industry_page
from ..pages.model import Failure
from ..pages.pictures import stage_diagram
from ..pages.download_cache import render_downloads
from ..pages.site import cairo_downloads, context_of, failure_pages, map_assets, map_pages, with_selectors
from ..pages.templates import Templates
from ..project import Project
from . import mkdocs_internals

serve_log = logging.getLogger("journeymaps.serve")

Snapshot = dict[str, tuple[int, int]]  # path -> (mtime_ns, size)


def snapshot(folders: list[Path]) -> Snapshot:
    out: Snapshot = {}
    for folder in folders:
        for dirpath, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                p = os.path.join(dirpath, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                out[p] = (st.st_mtime_ns, st.st_size)
    return out


def changed_maps(before: Snapshot, after: Snapshot, maps_dir: Path) -> list[Path] | None:
    """The edited map files, or None when the change needs a full rebuild."""
    if before.keys() != after.keys():
        return None  # a file appeared or went away
    changed = [Path(p) for p in after if after[p] != before[p]]
    method = maps_dir / "method"
    for p in changed:
        if not p.name.endswith(MAP_SUFFIXES) or not p.is_relative_to(maps_dir) or p.is_relative_to(method):
            return None
    return changed


@dataclasses.dataclass
class BuildState:
    """What the last full build left: enough to push single pages through MkDocs again."""

    config: object
    files: object
    nav: object
    env: object
    project: Project
    root: Path
    cache_dir: Path
    png: bool
    today: object = None  # datetime.date for the review-age rule, None for today
    lang: str | None = None  # the language of the site this build made (None: the default)
    templates: Templates | None = None  # the page templates, compiled once: an edit renders with them


# Cross-map rules see only the one file here; a target they miss may be another, unchanged map.
def _resolved_elsewhere(f: Finding, project: Project) -> bool:
    return f.target is not None and project.map(f.target) is not None


def _same_nav(old: MapEntry, new: MapEntry) -> bool:
    a, b = old.map, new.map
    # The translations decide which map each language's site lists (pages/languages.py).
    return (a.id, a.title, a.industry, a.lang, a.translations) == (b.id, b.title, b.industry, b.lang, b.translations)


@dataclasses.dataclass
class Plan:
    """What one language's site needs after an edit: the new project, the edited maps' own pages
    and pictures, and (made on demand: seconds at 1,000 maps, which the author's page does not wait
    for) the pages that gather every map."""

    project: Project
    own: list[VirtualFile]
    # The home page first (the one an author looks at next), then the catalogues, then the industry
    # indexes (a list of maps: only a changed title or summary shows there).
    shared: Callable[[], Iterator[VirtualFile]]


def plan(state: BuildState, changed: list[Path]) -> Plan | None:
    """The rebuild of the edited maps' pages, or None when the change needs a full rebuild."""
    project = state.project
    by_path = {e.path.resolve(): e for e in project.maps}
    vocab = project.vocabulary
    assert vocab is not None
    today = state.today
    new_entries: dict[Path, MapEntry] = {}
    failures: list[Failure] = []
    for path in changed:
        old = by_path.get(path.resolve())
        if old is None:
            return None
        result = check_paths([path], vocab, root=state.root, today=today, jobs=1, keep_models=True)
        errors = [f for f in result.findings if f.severity == "error" and not _resolved_elsewhere(f, project)]
        if errors:
            serve_log.error("journeymaps: %s fails the check; its pages show the errors:\n%s", old.display,
                      text_report(errors, 1).rstrip())
            failures.append(Failure(old.display, tuple(errors), old.map.id))
            continue
        (entry,) = result.maps
        entry = MapEntry(old.path, old.display, entry.map)
        if not _same_nav(old, entry):
            return None
        new_entries[path.resolve()] = entry
    maps = [new_entries.get(e.path.resolve(), e) for e in project.maps]
    failed_ids = {f.map_id for f in failures}
    kept = [e for e in maps if e.map.id not in failed_ids]
    project = dataclasses.replace(project, maps=maps)
    ctx = context_of(dataclasses.replace(project, maps=kept), tuple(failures), state.lang, state.templates,
                     png=state.png)
    own: list[VirtualFile] = []
    for e in new_entries.values():
        svg = stage_diagram(e.map, ctx.vocab)
        own += [*map_pages(e, ctx, svg), *map_assets(e, ctx, svg)]
    for f in failures:
        own += failure_pages(f, ctx)

    def shared() -> Iterator[VirtualFile]:
        yield from with_selectors([home_page(ctx)], project, ctx.lang)
        for vf in each_catalogue_page(ctx):
            yield from with_selectors([vf], project, ctx.lang)
        for i in industries_in_use(ctx):
            yield from with_selectors([industry_page(i, ctx)], project, ctx.lang)

    return Plan(project, with_selectors(own, project, ctx.lang), shared)


def downloads(state: BuildState, own: list[VirtualFile]) -> list[VirtualFile]:
    """The PNG and the PDF poster of the edited maps, drawn after their pages are served: about
    0.15 and 0.5 s each per language, which an author waiting for the page should not wait for."""
    if not state.png:
        return []
    svgs = {layout.map_id_of_asset(vf.path): vf.content for vf in own if vf.kind == "svg"}
    work = cairo_downloads(svgs)
    drawn = render_downloads(work, state.cache_dir, jobs=1)
    return [VirtualFile(p, data, work[p][0]) for p, data in drawn.files.items()]


def apply(state: BuildState, vfiles: list[VirtualFile], search_plugin, *, write_index: bool = True) -> None:
    """Push these files through MkDocs as the full build would, then rewrite the search index
    (``write_index``: else only its entries in memory, written with the next step's pages);
    every file is replaced whole, so the live server never sends half of one."""
    files = state.files
    pages = []
    for vf in vfiles:
        f = files.get_file_from_path(vf.path)
        if f is None:
            continue
        if isinstance(vf.content, bytes):
            f.content_bytes = vf.content
        else:
            f.content_string = vf.content
        if f.page is None:  # a picture: the server may be sending the old one right now
            mkdocs_internals.write_atomically(vf.data(), f.abs_dest_path)
            continue
        pages.append(f.page)
    if search_plugin is not None:
        mkdocs_internals.drop_search_entries(search_plugin, {p.url for p in pages})
    with mkdocs_internals.atomic_writes():
        mkdocs_internals.build_pages(state.config, files, state.nav, state.env, pages)
        if search_plugin is not None and write_index:
            mkdocs_internals.write_search_index(search_plugin, state.config)
