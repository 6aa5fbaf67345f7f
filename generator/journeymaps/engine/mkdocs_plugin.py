"""`plugins: [journeymaps]`: a thin MkDocs front-end over ``journeymaps.pages``.

Every page and picture is added in memory (``File.generated``), nothing is written into
the docs folder; edit links point at the map's YAML file. The build checks every map
first: `mkdocs build` stops with the located errors before the site folder is touched,
while `mkdocs serve` keeps serving and shows a failing map's errors on its page.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import threading
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..check.report import text as text_report
from ..pages import Site, VirtualFile, build_site, failures_of, nav_config
from ..project import Project, load_project
from . import serve_patch, svg_slots

log = logging.getLogger("mkdocs.plugins.journeymaps")


class JourneyMapsConfig(Config):
    maps_dir = c.Type(str, default="maps")
    """Folder of the maps (`<industry>/*.yaml`) and method guides (`method/*.md`), relative to mkdocs.yml."""
    site_config = c.Type(str, default="site_config")
    """Folder of the site vocabulary (stages, channels, industries, emotion scale, settings)."""
    png = c.Type(bool, default=True)
    """Publish a PNG of each stage diagram (cached, so only changed maps are rendered)."""
    cache_dir = c.Type(str, default=".cache/journeymaps/png")
    """Where rendered PNGs are kept between builds, relative to mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """Date for the review-age check, YYYY-MM-DD (default: today)."""


class JourneyMapsPlugin(BasePlugin[JourneyMapsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.project: Project | None = None
        self._known_ids: dict[str, str] = {}  # map file -> id when last good (serve: error pages)
        self._svgs: dict[str, list[str]] = {}
        self.preloaded: Project | None = None  # set by `journeymaps build`, which has checked already
        # serve: what the last full build left, so one edited map can be rebuilt on its own
        self._state: serve_patch.BuildState | None = None
        self._snapshot: serve_patch.Snapshot = {}
        self._nav = None

    # Defining on_startup keeps this instance alive across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        logging.getLogger("jieba").setLevel(log.getEffectiveLevel())  # its "Building prefix dict" only with -v

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").resolve().parent

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Check and generate before MkDocs cleans the site folder, so a failed check leaves it intact."""
        root = self._root(config)
        today = _dt.date.fromisoformat(self.config.today) if self.config.today else None
        if self.serving:  # before reading: an edit saved during this build is seen next time
            self._snapshot = serve_patch.snapshot(self._watched(config))
        project, self.preloaded = self.preloaded, None
        if project is None:
            project = load_project(root, maps_dir=root / self.config.maps_dir,
                                   site_config=root / self.config.site_config, today=today)
        if project.vocabulary is None:
            raise PluginError("journeymaps: site_config is invalid:\n" + text_report(project.findings, project.files))
        errors = project.errors()
        if errors:
            report = text_report(errors, project.files)
            if not self.serving:
                raise PluginError("journeymaps: the maps fail the check; nothing was built:\n" + report)
            log.error("journeymaps: some maps fail the check; their pages show the errors:\n%s", report.rstrip())
        self._known_ids.update({e.display: e.map.id for e in project.maps})
        self.project = project
        self.site = build_site(project, failures=failures_of(project, self._known_ids), png=self.config.png,
                               cache_dir=root / self.config.cache_dir)
        if self.site.png_rendered:
            log.info("journeymaps: rendered %d PNG(s), %d from cache", self.site.png_rendered, self.site.png_cached)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        maps_dir = (self._root(config) / self.config.maps_dir).resolve()
        for f in list(files):
            # When docs_dir is the maps folder, its YAML and guide sources are not pages themselves.
            if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(maps_dir):
                files.remove(f)
        for vf in self.site.files:
            existing = files.get_file_from_path(vf.path)
            if existing is not None:
                raise PluginError(f"journeymaps: `{vf.path}` in docs_dir clashes with a generated page")
            files.append(_generated(config, vf))
        config.nav = nav_config(self.site.nav) + list(config.nav or [])
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self._nav = nav
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.serving and self.project is not None:
            root = self._root(config)
            self._state = serve_patch.BuildState(
                config, files, self._nav, env, self.project, root, root / self.config.cache_dir, self.config.png,
                _dt.date.fromisoformat(self.config.today) if self.config.today else None)
        return env

    def _watched(self, config: MkDocsConfig) -> list[Path]:
        root = self._root(config)
        return [root / self.config.maps_dir, root / self.config.site_config]

    @event_priority(100)  # before other plugins see the page's Markdown
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown, svgs = svg_slots.take(markdown)
        if svgs:
            self._svgs[page.file.src_uri] = svgs
        return markdown

    @event_priority(-100)  # after the search plugin has indexed the page without the SVG
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return svg_slots.put_back(output, self._svgs.pop(page.file.src_uri, []))

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        root = self._root(config)
        for folder in (self.config.maps_dir, self.config.site_config):
            path = root / folder
            if path.is_dir() and os.path.abspath(path) != os.path.abspath(config.docs_dir):
                server.watch(str(path))
        full = server.builder
        lock = threading.Lock()

        def builder(*args, **kwargs):
            with lock:
                if not args and not kwargs and self._rebuild_edited_maps(server, lock):
                    return
                full(*args, **kwargs)

        server.builder = builder
        return server

    def _rebuild_edited_maps(self, server, lock: threading.Lock) -> bool:
        """Rebuild only the edited maps' pages when the navigation cannot have changed."""
        state = self._state
        if state is None:
            return False
        start = time.perf_counter()
        now = serve_patch.snapshot(self._watched(state.config))
        changed = serve_patch.changed_maps(self._snapshot, now, (state.root / self.config.maps_dir).resolve())
        if not changed:
            return False
        planned = serve_patch.plan(state, changed)
        if planned is None:
            return False
        project, own, shared = planned
        search = _search_plugin(state.config)
        write_index = (lambda: search.on_post_build(config=state.config)) if search else (lambda: None)
        serve_patch.apply(state, own, search, write_index)
        state.project = self.project = project
        self._snapshot = now
        log.info("journeymaps: rebuilt %s in %.2f s; pages across maps follow",
                 ", ".join(p.name for p in changed), time.perf_counter() - start)

        def across_maps() -> None:
            with lock:
                if self._state is not state:
                    return  # a full build ran meanwhile
                serve_patch.apply(state, shared, search, write_index)
                _reload_browsers(server)
                log.info("journeymaps: home, industry and catalogue pages updated")

        threading.Thread(target=across_maps, name="journeymaps across-map pages", daemon=True).start()
        return True


def _search_plugin(config: MkDocsConfig):
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index") and hasattr(plugin.search_index, "generate_search_index"):
            return plugin
    return None


def _reload_browsers(server) -> None:
    """Tell open pages a newer build is there (MkDocs' live-reload epoch; private, so guarded)."""
    cond = getattr(server, "_epoch_cond", None)
    if cond is None:
        return
    with cond:
        server._wanted_epoch = server._visible_epoch = time.monotonic_ns() // 1_000_000
        cond.notify_all()


def _generated(config: MkDocsConfig, vf: VirtualFile) -> File:
    f = File.generated(config, vf.path, content=vf.content)
    # Generated files have no edit link unless given one: point it at the map or guide source.
    f.edit_uri = vf.source_path
    return f
