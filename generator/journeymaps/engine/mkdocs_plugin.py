"""`plugins: [journeymaps]`: a thin MkDocs front-end over ``journeymaps.pages``.

Every page and picture is added in memory (``File.generated``) and MkDocs reads nothing
from the docs folder, so the site holds only what the plugin generates and the theme's
assets; edit links point at the map's YAML file. The build checks every map first:
`mkdocs build` stops with the located errors before the site folder is touched, while
`mkdocs serve` keeps answering whatever is saved and shows a failing file's errors on its page.
Private MkDocs internals are used only through ``mkdocs_internals``.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..check.report import text as text_report
from ..load.site_config import load_vocabulary
from ..pages import Site, VirtualFile, build_site, failures_of, languages, nav_config, nav_paths
from ..pages.model import fill_svg_slots
from ..pages.templates import Templates
from ..project import Project, load_project
from ..schema.site import site_schema_path, write_site_schema
from . import forked, mkdocs_internals, serve_patch
from .idle_patterns import IdlePatternsExtension

log = logging.getLogger("mkdocs.plugins.journeymaps")
# Under `mkdocs serve` a failing map is content (its page shows the errors), not a build
# failure: its report goes to a logger outside "mkdocs", whose warnings strict mode counts.
serve_log = logging.getLogger("journeymaps.serve")


class JourneyMapsConfig(Config):
    maps_dir = c.Type(str, default="maps")
    """Folder of the maps (`<industry>/*.yaml`) and method guides (`method/*.md`), relative to mkdocs.yml."""
    site_config = c.Type(str, default="site_config")
    """Folder of the site vocabulary (stages, channels, industries, emotion scale, settings)."""
    png = c.Type(bool, default=False)
    """Publish a PNG and a PDF poster of each stage diagram as files, drawn by Cairo (cached, in parallel).
    Off by default: the map page's buttons make them in the reader's browser, and the build draws none."""
    cache_dir = c.Type(str, default=".cache/journeymaps/png")
    """Where rendered PNGs are kept between builds, relative to mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """Date for the review-age check, YYYY-MM-DD (default: today)."""
    lang = c.Optional(c.Type(str))
    """The language of this build. Left out: the default language, whose build then builds every
    other declared language's site beside it (set by that build itself, not in mkdocs.yml)."""


class JourneyMapsPlugin(BasePlugin[JourneyMapsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.project: Project | None = None
        self._known_ids: dict[str, str] = {}  # map file -> id when last good (serve: error pages)
        self._svgs: dict[str, tuple[str | bytes, ...]] = {}  # page path -> its inline pictures (see pages.model.Pictures)
        self._preloaded: Project | None = None  # see preload()
        # serve: what the last full build left, so one edited map can be rebuilt on its own
        self._state: serve_patch.BuildState | None = None
        self._snapshot: serve_patch.Snapshot = {}
        self._nav = None
        self._edition: languages.Edition | None = None
        self._editions: list[languages.Edition] = []
        self._site_root = ""  # the site folder every language's site goes under
        self._command = "build"
        # serve: each other language's last full build, and the state it left the (shared) search plugin in
        self._other_languages: list[tuple[serve_patch.BuildState, dict | None]] = []
        self._no_docs: str | None = None  # see on_config
        self._server = None  # serve: the live-reload server, to watch folders added later
        self._templates: Templates | None = None  # the site's page templates, compiled once for every build
        self._watching: set[str] = set()
        self._downloads: list[File] = []  # build: this site's generated files other than pages
        self._children: list[forked.Child] = []  # build: the other languages' sites, building beside this one
        self._markdown: mkdocs_internals.ReusedMarkdown | None = None  # this build's one Markdown converter
        self._search_beside: mkdocs_internals.SearchBeside | None = None  # build: the search index, made beside
        # serve: the pages across maps that follow an edit, and the flag that stops them at shutdown
        self._across: tuple[threading.Thread, threading.Event] | None = None

    def preload(self, project: Project) -> None:
        """Build the next site from this project instead of loading the maps again.

        `journeymaps build` has checked every map before it starts MkDocs; the project's own
        review date (``--today``) then holds for the build too."""
        self._preloaded = project

    # Defining on_startup keeps this instance alive across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self._command = command
        logging.getLogger("jieba").setLevel(log.getEffectiveLevel())  # its "Building prefix dict" only with -v
        if self.serving and not serve_log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
            serve_log.addHandler(handler)

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").resolve().parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Set this build's language: Material's chrome (`theme.language`), the language selector
        (`extra.alternate`) and, for a language other than the one at the root, its folder."""
        root = self._root(config)
        vocab, _ = load_vocabulary(root / self.config.site_config, root)
        if vocab is None:
            return self._empty_docs_dir(config)  # on_pre_build reports what is wrong with site_config
        if write_site_schema(root / self.config.site_config, vocab):
            # `mkdocs build` and `serve` keep the editors' schema in step, as `journeymaps build` does.
            log.info("journeymaps: wrote %s", site_schema_path(root / self.config.site_config))
        settings = vocab.settings
        self._editions = languages.editions(settings)
        self._edition = languages.edition(settings, self.config.lang or settings.default_language)
        if self.config.lang is None:  # the first build: the others go under its site folder
            self._site_root = config.site_dir
            config.site_dir = os.path.join(config.site_dir, self._edition.prefix)
        config.theme["language"] = self._edition.lang
        config.extra["alternate"] = languages.site_alternates(self._edition, self._editions)
        if not any(isinstance(e, IdlePatternsExtension) for e in config.markdown_extensions):
            config.markdown_extensions.append(IdlePatternsExtension())  # same HTML, sooner
        # A new converter for each config: serve reloads mkdocs.yml, and its extensions, on each build.
        self._markdown = mkdocs_internals.ReusedMarkdown() if mkdocs_internals.render_problem() is None else None

        return self._empty_docs_dir(config)

    def _empty_docs_dir(self, config: MkDocsConfig) -> MkDocsConfig:
        # Every page comes from this plugin, so MkDocs is given an empty docs folder to read.
        # It walks docs_dir following symlinks (two link loops under maps/ make that walk run for
        # ever) and copies whatever it finds into the site; maps/ is read by the checker only.
        if self._no_docs is None or not os.path.isdir(self._no_docs):
            self._no_docs = tempfile.mkdtemp(prefix="journeymaps-no-docs-")
        config.docs_dir = self._no_docs
        return config

    def on_shutdown(self) -> None:
        # MkDocs removes the served site folder next: the pages across maps must stop writing into it.
        if self._across is not None:
            thread, stopping = self._across
            stopping.set()
            thread.join(timeout=60)  # it stops before its next page; never hang the server's exit
            self._across = None
        if self._no_docs is not None:
            shutil.rmtree(self._no_docs, ignore_errors=True)
            self._no_docs = None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Check and generate before MkDocs cleans the site folder, so a failed check leaves it intact."""
        root = self._root(config)
        today = _dt.date.fromisoformat(self.config.today) if self.config.today else None
        if self.serving:  # before reading: an edit saved during this build is seen next time
            self._snapshot = serve_patch.snapshot(self._watched(config))
        project, self._preloaded = self._preloaded, None
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
            serve_log.error("journeymaps: some maps or guides fail the check; their pages show the errors:\n%s",
                            report.rstrip())
        self._known_ids.update({e.display: e.map.id for e in project.maps})
        self.project = project
        self._templates = self._templates or Templates.for_project(root)

    def _make_site(self, config: MkDocsConfig) -> Site:
        """This language's pages, from the project on_pre_build checked (made in on_files, after
        the forks)."""
        assert self.project is not None
        site = build_site(self.project, failures=failures_of(self.project, self._known_ids), png=self.config.png,
                          cache_dir=self._root(config) / self.config.cache_dir,
                          lang=self._edition.lang if self._edition else None, templates=self._templates)
        if site.png_rendered or site.pdf_rendered:
            log.info("journeymaps: rendered %d PNG(s) and %d PDF poster(s), %d from cache", site.png_rendered,
                     site.pdf_rendered, site.png_cached + site.pdf_cached)
        return site

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The other languages and the search index fork before this site's pages are made: a
        # child holds its own pages only, not a copy of these it would never read (issue 16: memory).
        self._start_other_languages(config)
        self._index_search_beside(config)
        self.site = self._make_site(config)
        dropped = [f for f in files if not _ours(f, config)]
        for f in dropped:
            files.remove(f)
        if dropped:  # a file in docs_dir hid a theme asset of the same path: the theme's comes back
            files.add_files_from_theme(config.theme.get_env(), config)
        self._svgs, self._downloads = {}, []
        self._remember_svgs(self.site.files)
        in_nav = nav_paths(self.site.nav)
        for vf in self.site.files:
            existing = files.get_file_from_path(vf.path)
            if existing is not None:
                raise PluginError(f"journeymaps: `{vf.path}` from the theme or another plugin clashes with a "
                                  "generated page")
            # A translation this language's site publishes (links reach it) without listing it.
            unlisted = vf.kind == "page" and vf.path not in in_nav
            made = _generated(config, vf, InclusionLevel.NOT_IN_NAV if unlisted else InclusionLevel.UNDEFINED)
            files.append(made)
            if vf.kind != "page":
                self._downloads.append(made)
        config.nav = nav_config(self.site.nav) + list(config.nav or [])
        if not self.serving:  # MkDocs holds the pages now; serve rebuilds from the site model
            self.site = None
        return files

    def _index_search_beside(self, config: MkDocsConfig) -> None:
        """A build with a core to spare has Material's search index made in a forked child
        (one language on two cores; three languages on four or more)."""
        if self.serving or not forked.available():
            return
        sites_at_once = len(self._editions) or 1
        search = mkdocs_internals.search_plugin(config)
        if search is not None and (os.cpu_count() or 1) > sites_at_once:
            self._search_beside = mkdocs_internals.SearchBeside(search)

    def _start_other_languages(self, config: MkDocsConfig) -> None:
        """`journeymaps build` / `mkdocs build` on two cores or more: the other languages' sites
        build in forked children while this one builds (MkDocs has emptied the site folder by now)."""
        if self.serving or self.config.lang is not None or self._edition is None or not forked.available():
            return
        own = self._edition
        self._children = [forked.start(lambda ed=ed: self._build_language(config, ed), f"the {ed.lang} site")
                          for ed in self._editions if ed != own]

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._markdown is not None:
            self._markdown.use_for(page, keep_source=not self._letting_go)
        if self._letting_go:  # read: MkDocs keeps only what the Markdown becomes (issue 16: memory)
            mkdocs_internals.release_source(page.file)
        return markdown

    @property
    def _letting_go(self) -> bool:
        """A build lets go of what MkDocs has used (serve rebuilds from it), where the running
        MkDocs is one the internals were checked against (the reused converter is in use)."""
        return not self.serving and self._markdown is not None

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self._nav = nav
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The first build (the default language) builds every other language's site beside
        its own, each a full MkDocs build of the same mkdocs.yml in that language: its own
        chrome, navigation and search index. `journeymaps build` swaps in all or nothing."""
        self._watch_folders(config)  # a folder added since the last build
        self._search_beside = None  # the search plugin keeps it until it writes its index
        if self.config.lang is not None or self.project is None or self._edition is None:
            return
        own, site_root = self._edition, self._site_root
        self._other_languages = []
        if self._children:
            children, self._children = self._children, []
            failures = [f for f in (child.wait() for child in children) if f is not None]
            forked.thaw()
            if failures:
                raise PluginError("journeymaps: " + "\n".join(failures))
        else:
            forked.thaw()  # a search index made beside: the one fork of this build
            for ed in self._editions:
                if ed != own:
                    self._build_language(config, ed)
        if own.prefix:  # every language under its tag: the root leads to the default language
            Path(site_root, "index.html").write_text(languages.root_redirect(own), encoding="utf-8")

    def on_build_error(self, *, error: Exception) -> None:
        if self._search_beside is not None:
            self._search_beside.stop()
            self._search_beside = None
        children, self._children = self._children, []
        for child in children:  # this language failed: the site will not be swapped in
            child.stop()
        forked.thaw()

    def _build_language(self, config: MkDocsConfig, ed: languages.Edition) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        start = time.perf_counter()
        kept = None
        project, today, known_ids, command = self.project, self.config.today, dict(self._known_ids), self._command
        assert project is not None
        with mkdocs_internals.plugin_state_kept(config.plugins.values()):
            sub = load_config(config.config_file_path, site_dir=os.path.join(self._site_root, ed.prefix))
            plugin = sub.plugins["journeymaps"]
            assert isinstance(plugin, JourneyMapsPlugin)
            plugin.config.lang, plugin.config.today = ed.lang, today
            plugin._known_ids = known_ids
            plugin.preload(project)
            sub.plugins.on_startup(command=command, dirty=False)
            # No on_shutdown: the instances are this build's, which shuts them down itself.
            build(sub, serve_url=sub.site_url or "/" if command == "serve" else None)
            if plugin._state is not None:  # serving: keep what the one-map rebuild needs
                search = mkdocs_internals.search_plugin(sub)
                kept = (plugin._state, dict(vars(search)) if search is not None else None)
        if kept is not None:
            self._other_languages.append(kept)
        log.info("journeymaps: the %s site built in %.2f s", ed.lang, time.perf_counter() - start)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.serving and self.project is not None:
            root = self._root(config)
            self._state = serve_patch.BuildState(
                config, files, self._nav, env, self.project, root, root / self.config.cache_dir, self.config.png,
                _dt.date.fromisoformat(self.config.today) if self.config.today else None,
                self._edition.lang if self._edition else None, self._templates)
        return env

    def _watch_folders(self, config: MkDocsConfig) -> None:
        """Watch each real folder of maps/ and site_config/ on its own, never recursively: MkDocs'
        watcher follows symlinks when it recurses, and a link loop would keep it walking for ever."""
        if self._server is None:
            return
        for folder in self._watched(config):
            for dirpath, dirs, _files in os.walk(folder):  # does not enter symlinked folders
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                if dirpath not in self._watching:
                    self._watching.add(dirpath)
                    self._server.watch(dirpath, recursive=False)

    def _watched(self, config: MkDocsConfig) -> list[Path]:
        root = self._root(config)
        return [root / self.config.maps_dir, root / self.config.site_config]

    def _remember_svgs(self, vfiles: list[VirtualFile]) -> None:
        self._svgs.update((vf.path, vf.svgs) for vf in vfiles if vf.kind == "page")

    @event_priority(-100)  # after the search plugin has indexed the page without the pictures
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Pages reach MkDocs with a slot per inline picture; the pictures go in last."""
        if not self._letting_go:
            return fill_svg_slots(output, self._svgs.get(page.file.src_uri, ()))
        # A build: MkDocs copied the downloads before the first page and has indexed this one;
        # what is written needs holding no longer (issue 16: memory).
        downloads, self._downloads = self._downloads, []
        for f in downloads:
            mkdocs_internals.release_source(f)
        mkdocs_internals.release_html(page)
        return fill_svg_slots(output, self._svgs.pop(page.file.src_uri, ()))

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        self._server = server
        self._watch_folders(config)
        problems = mkdocs_internals.problems(server, mkdocs_internals.search_plugin(config))
        if problems:
            log.warning("journeymaps: every save gets a full rebuild: %s", "; ".join(problems))
        lock = threading.Lock()

        def wrap(full):
            def builder(*args, **kwargs):
                with lock:
                    try:
                        if problems or args or kwargs or not self._rebuild_edited_maps(server, lock):
                            with mkdocs_internals.atomic_writes():
                                full(*args, **kwargs)
                    except Exception as exc:  # noqa: BLE001 - whatever was saved, the server keeps answering
                        self._state = None  # the next save gets a full build
                        _report_failed_rebuild(exc)
            return builder

        if not mkdocs_internals.wrap_builder(server, wrap):
            log.warning("journeymaps: this MkDocs server has no builder to wrap; a failed rebuild stalls it")
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
        # The author's page first: the default language's pages of the edited maps, served as soon
        # as this returns (its search entries are written with the next step). The other languages,
        # the pictures Cairo draws, the pages across maps and the search indexes follow in the
        # background; whether the change needs a full build is the same in every language.
        search = mkdocs_internals.search_plugin(state.config)
        sites = [(state, None), *self._other_languages]
        first = serve_patch.plan(state, changed)
        if first is None:
            return False
        state.project = first.project  # what the next save is planned from

        def publish(site, files, write_index: bool = True) -> None:
            st, search_state = site
            self._remember_svgs(files)
            with mkdocs_internals.plugin_state_swapped(search, search_state):
                serve_patch.apply(st, files, search, write_index=write_index)

        publish(sites[0], first.own, write_index=False)
        self.project = first.project
        self._snapshot = now
        log.info("journeymaps: rebuilt %s in %.2f s; other languages and pages across maps follow",
                 ", ".join(p.name for p in changed), time.perf_counter() - start)

        stopping = threading.Event()  # set at shutdown

        def across_maps() -> None:
            # The default language's pages across maps come first, the home page and the
            # catalogues (what its author opens next), then its search index (the author's
            # entries and theirs in one write); the other languages follow, the pictures last.
            with lock:
                if self._state is not state:
                    return  # a full build ran meanwhile
                try:
                    plans = [first]
                    for i, site in enumerate(sites):
                        if stopping.is_set():
                            return
                        if i:
                            later = serve_patch.plan(site[0], changed, first.checked)
                            if later is None:
                                raise RuntimeError("the other languages' sites need a full build")
                            site[0].project = later.project
                            publish(site, later.own, write_index=False)
                            plans.append(later)
                        for vf in plans[i].shared():  # each written as soon as it is made
                            if stopping.is_set():
                                return
                            publish(site, [vf], write_index=False)
                        publish(site, [])
                    for site, p in zip(sites, plans):
                        if stopping.is_set():
                            return
                        publish(site, serve_patch.downloads(site[0], p.own))
                except Exception as exc:  # noqa: BLE001 - a background thread must not die silently
                    self._state = None
                    _report_failed_rebuild(exc)
                    return
                mkdocs_internals.reload_browsers(server)
                log.info("journeymaps: the other languages, home, industry and catalogue pages updated")

        thread = threading.Thread(target=across_maps, name="journeymaps across-map pages", daemon=True)
        self._across = (thread, stopping)
        thread.start()
        return True


def _report_failed_rebuild(exc: Exception) -> None:
    """MkDocs' server answers no request until a build succeeds (it "appears stuck"), so a
    failed rebuild under `mkdocs serve` is reported here and the server goes on answering."""
    if isinstance(exc, Abort):  # strict mode: every page was written, warnings were counted
        log.warning("journeymaps: %s (see above). The pages are served anyway; `mkdocs build --strict` "
                    "fails until those are fixed.", exc)
    else:
        log.error("journeymaps: the rebuild failed (%s: %s). The server keeps showing the pages it built "
                  "last and rebuilds on the next save.", type(exc).__name__, exc)


def _ours(f: File, config: MkDocsConfig) -> bool:
    """Generated by a plugin, or an asset of the theme: the only files the site publishes.
    Anything else (a map's YAML, a stray file, a symlink to anywhere) is never copied; a path
    is judged as written, never resolved, so a link out of a theme folder is not the theme's."""
    if f.generated_by is not None:
        return True
    src = os.path.abspath(f.abs_src_path or "")
    return any(src.startswith(os.path.abspath(d) + os.sep) for d in config.theme.dirs)


def _generated(config: MkDocsConfig, vf: VirtualFile, inclusion: InclusionLevel) -> File:
    f = File.generated(config, vf.path, content=vf.content, inclusion=inclusion)
    # Generated files have no edit link unless given one: point it at the map or guide source.
    f.edit_uri = vf.source_path
    return f
