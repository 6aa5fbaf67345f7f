"""Every private MkDocs and Material-search internal journeymaps relies on, in one place.

`mkdocs serve` rebuilds one edited map without a full build (engine/serve_patch.py): that
pushes pages through MkDocs' own page pipeline, swaps their search entries and tells open
browsers to reload. None of it has a public API. Each use is a function here, `problems()`
says before the first use whether the running MkDocs still has what they touch, and
tests/site/test_mkdocs_contract.py fails with the same words when an upgrade breaks one.
When anything is missing the plugin falls back to MkDocs' full rebuild: slower, never wrong.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..core.files import replace_atomically

# MkDocs minor versions these internals were checked against.
TESTED = ((1, 6),)

_BUILD_PAGE_PARAMS = ("page", "config", "doc_files", "nav", "env")
_POPULATE_PAGE_PARAMS = ("page", "config", "files")
_SERVER_ATTRIBUTES = ("builder", "_epoch_cond", "_wanted_epoch", "_visible_epoch")
_WRITE_FILE_PARAMS = ("content", "output_path")


def version_problem(version: str | None = None) -> str | None:
    """None when this MkDocs version is one the internals were checked against."""
    if version is None:
        import mkdocs

        version = mkdocs.__version__
    minor = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
    if minor in TESTED:
        return None
    tested = ", ".join(".".join(map(str, v)) for v in TESTED)
    return (f"MkDocs {version} is not a version journeymaps' serve shortcuts were checked against ({tested}); "
            "run tests/site/test_mkdocs_contract.py and, when it passes, add it to TESTED in "
            "journeymaps/engine/mkdocs_internals.py")


def _params_problem(func: Any, name: str, expected: tuple[str, ...]) -> str | None:
    if func is None:
        return f"mkdocs.commands.build.{name} is gone"
    params = tuple(inspect.signature(func).parameters)
    if params[: len(expected)] != expected:
        return f"mkdocs.commands.build.{name} takes {params}, expected it to start with {expected}"
    return None


def problems(server: object | None = None, search: object | None = None) -> list[str]:
    """What the running MkDocs lacks of the internals used here ([] when everything is there)."""
    import mkdocs.commands.build as build

    found = [version_problem()]
    found.append(_params_problem(getattr(build, "_build_page", None), "_build_page", _BUILD_PAGE_PARAMS))
    found.append(_params_problem(getattr(build, "_populate_page", None), "_populate_page", _POPULATE_PAGE_PARAMS))
    found.append(_write_file_problem())
    if server is not None:
        missing = [a for a in _SERVER_ATTRIBUTES if not hasattr(server, a)]
        if missing:
            found.append(f"the live-reload server has no {', '.join(missing)}")
        elif not isinstance(getattr(server, "_epoch_cond"), type(threading.Condition())):
            found.append("the live-reload server's _epoch_cond is not a threading.Condition")
    if search is not None and not isinstance(getattr(getattr(search, "search_index", None), "entries", None), list):
        found.append(f"the search plugin {type(search).__module__}.{type(search).__name__} keeps no "
                     "`search_index.entries` list (journeymaps knows Material's search)")
    return [p for p in found if p]


def _write_file_problem() -> str | None:
    import mkdocs.utils

    func = getattr(mkdocs.utils, "write_file", None)
    if func is None:
        return "mkdocs.utils.write_file is gone"
    params = tuple(inspect.signature(func).parameters)
    if params != _WRITE_FILE_PARAMS:
        return f"mkdocs.utils.write_file takes {params}, expected {_WRITE_FILE_PARAMS}"
    return None


def write_atomically(content: bytes, output_path: str) -> None:
    """Write a file so that a reader sees the old bytes or the new ones, never a part: the
    live-reload server answers requests while a rebuild rewrites pages and the search index."""
    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    replace_atomically(output_path, content, mode=0o644)  # a served site is for reading


@contextlib.contextmanager
def atomic_writes() -> Iterator[None]:
    """Make MkDocs (pages) and the search plugin (its index), which both write through
    `mkdocs.utils.write_file`, write atomically while the block runs (serve rebuilds)."""
    import mkdocs.utils

    if _write_file_problem() is not None:
        yield
        return
    plain = mkdocs.utils.write_file
    mkdocs.utils.write_file = write_atomically
    try:
        yield
    finally:
        mkdocs.utils.write_file = plain


def search_plugin(config: Any) -> Any | None:
    """The site's search plugin, if it has a search index (Material's `search`)."""
    for plugin in config.plugins.values():
        if hasattr(getattr(plugin, "search_index", None), "generate_search_index"):
            return plugin
    return None


def wrap_builder(server: Any, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> bool:
    """Put ``wrap(builder)`` in place of the function the live-reload server calls on a change;
    False when the server has no such function."""
    if not callable(getattr(server, "builder", None)):
        return False
    server.builder = wrap(server.builder)
    return True


def reload_browsers(server: Any) -> None:
    """Tell open pages a newer build is there (MkDocs' live-reload epoch)."""
    with server._epoch_cond:
        # Browsers ask for anything newer than what they saw: the epoch must move forward even
        # when the last build finished within the same millisecond.
        epoch = max(time.monotonic_ns() // 1_000_000, server._visible_epoch + 1)
        server._wanted_epoch = server._visible_epoch = epoch
        server._epoch_cond.notify_all()


def build_pages(config: Any, files: Any, nav: Any, env: Any, pages: list[Any]) -> None:
    """Read, convert and write these pages exactly as a full build does, with its nav and theme."""
    from mkdocs.commands.build import _build_page, _populate_page

    doc_files = files.documentation_pages()
    for page in pages:
        _populate_page(page, config, files)
    for page in pages:
        _build_page(page, config, doc_files, nav, env)


def drop_search_entries(search: Any, urls: Iterable[str]) -> None:
    """Forget the search entries of these page URLs (they are indexed again when rebuilt)."""
    gone = set(urls)
    index = search.search_index
    index.entries = [e for e in index.entries if e["location"].split("#", 1)[0] not in gone]


def write_search_index(search: Any, config: Any) -> None:
    search.on_post_build(config=config)


@contextlib.contextmanager
def plugin_state_kept(plugins: Iterable[Any]) -> Iterator[None]:
    """Keep these plugin instances' state across another build in the same process.

    MkDocs hands the same instance of a plugin that defines `on_startup` to every config it
    loads in a process (its `Plugins` option caches them) and reloads that instance's config:
    a second build of another language from inside the first would otherwise leave the first
    build's plugins (journeymaps, search) holding the second's site, index and options."""
    saved = [(p, dict(vars(p))) for p in plugins]
    try:
        yield
    finally:
        for plugin, state in saved:
            vars(plugin).clear()
            vars(plugin).update(state)


@contextlib.contextmanager
def plugin_state_swapped(plugin: Any, state: dict[str, Any] | None) -> Iterator[None]:
    """Give ``plugin`` the ``state`` another language's build left it (see plugin_state_kept)
    while that language's pages are rebuilt; what the rebuild changes is kept in ``state``."""
    if state is None:
        yield
        return
    own = dict(vars(plugin))
    vars(plugin).clear()
    vars(plugin).update(state)
    try:
        yield
    finally:
        state.clear()
        state.update(vars(plugin))
        vars(plugin).clear()
        vars(plugin).update(own)


# What `Page.render` of MkDocs 1.6 uses, replayed by `ReusedMarkdown.render`.
_RENDER_HELPERS = ("_RawHTMLPreprocessor", "_ExtractAnchorsTreeprocessor", "_RelativePathTreeprocessor",
                   "_ExtractTitleTreeprocessor", "get_toc")


def render_problem() -> str | None:
    """None when `ReusedMarkdown` can stand in for `Page.render` in the running MkDocs."""
    from mkdocs.structure import pages

    missing = [name for name in _RENDER_HELPERS if not hasattr(pages, name)]
    if missing:
        return f"mkdocs.structure.pages has no {', '.join(missing)}"
    return version_problem()


class ReusedMarkdown:
    """`Page.render` with one Markdown converter for the whole build, reset between pages.

    MkDocs builds a new converter, with every extension, for each page: about 0.7 ms a page,
    two seconds of a thousand-map site. Python-Markdown is made to be reset and reused; MkDocs'
    own per-page processors (raw HTML anchors, link rewriting, the title) are registered again
    for each page under their names, which replaces the previous page's."""

    def __init__(self) -> None:
        self._md: Any = None

    def render(self, page: Any, config: Any, files: Any, keep_source: bool = True) -> None:
        import markdown
        from mkdocs.structure import pages as p

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self._md is None:
            self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {})
        md = self._md.reset()
        raw_html = p._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = p._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = p._RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = p._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = p.get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if p.log.getEffectiveLevel() > 10:  # logging.DEBUG, as in Page.render
            page.links_to_anchors = relative.links_to_anchors
        if not keep_source:
            # Nothing reads a page's Markdown once it is HTML (the title comes from the metadata or
            # the render while `markdown` is not None); a build holds every page's HTML until the
            # end, and its Markdown beside it would be a second copy (issue 16: memory).
            page.markdown = ""

    def use_for(self, page: Any, keep_source: bool = True) -> None:
        """Make ``page`` render through this converter (MkDocs calls `page.render` next);
        ``keep_source`` False lets its Markdown go once converted (a build; serve re-reads pages)."""
        page.render = lambda config, files: self.render(page, config, files, keep_source)


def release_html(page: Any) -> None:
    """Let a page's HTML go once its output is made: a build keeps every page until the end, and
    nothing reads the HTML again (an empty string, not None, keeps `Page.title` as it was)."""
    page.content = ""


def release_source(file: Any) -> None:
    """Let a generated file's content go once MkDocs has used it: a page's source once read into
    ``page.markdown``, a download once copied. Nothing reads either again in a build (only
    `--dirty` and serve compare or copy them again)."""
    if getattr(file, "generated_by", None) is not None:
        file._content = None


class SearchBeside:
    """Material's search index of one build, made in a forked process while the build goes on.

    Material's search plugin parses the HTML of every page again to cut it into sections: a fifth
    of a one-language build. Where a core would otherwise sit idle, each page's HTML, table of
    contents, URL and metadata go down a pipe, in build order, to a forked child that runs
    Material's own `add_entry_from_context` on them; the entries come back when the index is
    written, so the index is the one Material would have made. Stands in for the plugin's
    `search_index` until then."""

    def __init__(self, search: Any) -> None:
        import multiprocessing

        from . import forked

        self._search, self._index = search, search.search_index
        self._pipe, end = multiprocessing.get_context("fork").Pipe()
        self._child = forked.start(lambda: _index_pages(self._index, end), "the search index")
        end.close()
        search.search_index = self

    def add_entry_from_context(self, page: Any) -> None:
        self._pipe.send((page.content, page.toc, page.url, dict(page.meta), page.title))

    def generate_search_index(self, prev: Any) -> str:
        self._search.search_index = self._index
        self._pipe.send(None)
        try:
            entries = self._pipe.recv()
        except EOFError:
            entries = None
        failure = self._child.wait()
        if failure or entries is None:
            raise RuntimeError(failure or "the search index stopped without a word")
        self._index.entries.extend(entries)
        return self._index.generate_search_index(prev)

    def stop(self) -> None:
        """The build failed: end the child and give the plugin its own index back."""
        self._search.search_index = self._index
        self._pipe.close()
        self._child.stop()


class _PageView:
    """What Material's indexing reads of a page."""

    def __init__(self, content: str, toc: Any, url: str, meta: dict, title: str) -> None:
        self.content, self.toc, self.url, self.meta, self.title = content, toc, url, meta, title


def _index_pages(index: Any, pipe: Any) -> None:
    while (page := pipe.recv()) is not None:
        index.add_entry_from_context(_PageView(*page))
    pipe.send(index.entries)
