"""`mkdocs serve`: an edited map is rebuilt on its own (same page as a full build would give,
search still covering every page), a map that fails the check shows its located errors on its
page without stopping the server, and a change to the navigation gets a full rebuild."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import pytest

SERVE_URL = "http://127.0.0.1:8000/"


class FakeServer:
    """What the plugin uses of MkDocs' LiveReloadServer: watch() and the builder it calls."""

    def __init__(self, builder):
        self.builder = builder
        self.watched: list[str] = []
        self._epoch_cond = threading.Condition()
        self._wanted_epoch = self._visible_epoch = 0

    def watch(self, path: str, *, recursive: bool = True) -> None:
        self.watched.append(path if not recursive else path + " (recursive)")


@pytest.fixture
def served(project_copy, tmp_path: Path, request):
    """Parametrised indirectly with ``"picture files"``: the plugin's `png: true` (Cairo draws the PNG and poster)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = project_copy()
    if getattr(request, "param", None) == "picture files":
        _edit(root / "mkdocs.yml", "png: false", "png: true")
    site = tmp_path / "served"
    config_file = str(root / "mkdocs.yml")
    full_builds: list[int] = []

    def full_builder(config=None):
        config = config or load_config(config_file, site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        full_builds.append(1)
        return config

    config = full_builder()
    plugin = config.plugins["journeymaps"]
    server = plugin.on_serve(FakeServer(full_builder), config=config, builder=full_builder)
    yield root, site, server, plugin, full_builds
    config.plugins.on_startup(command="build", dirty=False)  # the plugin instance is cached per process


def _rebuild(server, plugin) -> None:
    server.builder()
    _background_done()


def _background_done() -> None:
    for t in threading.enumerate():
        if t.name == "journeymaps across-map pages":
            t.join(timeout=60)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_watches_maps_and_site_config(served) -> None:
    root, _, server, _, _ = served
    # Each real folder on its own: MkDocs' watcher follows symlinks when it recurses.
    for folder in ("maps", "maps/banking", "maps/method", "site_config"):
        assert str(root / folder) in server.watched
    assert not [w for w in server.watched if w.endswith("(recursive)")]


def test_an_edited_map_is_rebuilt_alone(served) -> None:
    root, site, server, plugin, full_builds = served
    path = root / "maps" / "banking" / "online-banking.yaml"
    summary = re.search(r"^summary: ?>?-?\n?\s*(\S.{20})", path.read_text(encoding="utf-8"), re.M).group(1)
    _edit(path, summary, "Zanzibar " + summary)
    _rebuild(server, plugin)
    assert len(full_builds) == 1, "an edit that keeps the navigation must not rebuild the whole site"
    page = (site / "maps" / "online-banking" / "index.html").read_text(encoding="utf-8")
    assert "Zanzibar" in page
    assert "Zanzibar" in (site / "index.html").read_text(encoding="utf-8")  # home card, second step
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "maps/fashion-store/" in locations and "maps/online-banking/" in locations
    assert sum("Zanzibar" in d["text"] for d in index["docs"] if d["location"].startswith("maps/online-banking/")) >= 1
    # The same page as a full build gives.
    full = (site / "maps" / "online-banking" / "index.html").read_text(encoding="utf-8")
    plugin._snapshot = {}  # forget the snapshot: the next build is a full one
    server.builder()
    assert len(full_builds) == 2
    assert (site / "maps" / "online-banking" / "index.html").read_text(encoding="utf-8") == full


def test_a_failing_map_shows_its_errors_on_its_page(served, caplog) -> None:
    root, site, server, plugin, full_builds = served
    path = root / "maps" / "fashion" / "fashion-store.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("owner:"))
    _edit(path, "\nowner:", "\nowner: \nownr:")
    _rebuild(server, plugin)
    page = (site / "maps" / "fashion-store" / "index.html").read_text(encoding="utf-8")
    assert "fails the check" in page and f"maps/fashion/fashion-store.yaml:{line}:" in page
    assert "fashion-store.yaml" in caplog.text
    assert (site / "maps" / "online-banking" / "index.html").is_file()


def test_a_renamed_map_gets_a_full_rebuild(served) -> None:
    root, site, server, plugin, full_builds = served
    path = root / "maps" / "fashion" / "fashion-store.yaml"
    title = re.search(r"^title: (.+)$", path.read_text(encoding="utf-8"), re.M).group(1)
    _edit(path, f"title: {title}", "title: A renamed fashion journey")
    _rebuild(server, plugin)
    assert len(full_builds) == 2
    assert "A renamed fashion journey" in (site / "index.html").read_text(encoding="utf-8")


def test_a_failed_rebuild_never_stalls_the_server(tmp_path: Path, caplog) -> None:
    """MkDocs' server answers nothing after a builder raises; the plugin's builder never raises,
    and on a server without the internals the fast path needs it still wraps, with full rebuilds."""
    from types import SimpleNamespace

    from mkdocs.exceptions import Abort

    from journeymaps.engine.mkdocs_plugin import JourneyMapsPlugin

    failures = [Abort("Aborted with 2 warnings in strict mode!"), RuntimeError("disk full")]

    def full_builder(*args, **kwargs):
        raise failures.pop(0)

    class OldServer:
        def __init__(self) -> None:
            self.builder = full_builder

        def watch(self, path: str, *, recursive: bool = True) -> None:
            pass

    plugin = JourneyMapsPlugin()
    plugin.load_config({})
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "maps"), plugins={})
    server = plugin.on_serve(OldServer(), config=config, builder=full_builder)
    assert "every save gets a full rebuild: the live-reload server has no _epoch_cond" in caplog.text

    server.builder()
    server.builder()

    assert failures == []  # both saves reached MkDocs' full build
    assert "Aborted with 2 warnings in strict mode! (see above). The pages are served anyway" in caplog.text
    assert "the rebuild failed (RuntimeError: disk full). The server keeps showing the pages" in caplog.text


def test_an_edited_map_is_rebuilt_alone_in_every_language(served) -> None:
    """An untranslated map is in every language's site: the one-map rebuild updates all of them,
    with the same pages a full build gives."""
    root, site, server, plugin, full_builds = served
    path = root / "maps" / "telecom" / "fibre-street-leads.yaml"
    summary = re.search(r"^summary: ?>?-?\n?\s*(\S.{20})", path.read_text(encoding="utf-8"), re.M).group(1)
    _edit(path, summary, "Zanzibar " + summary)
    started = time.perf_counter()
    server.builder()  # returns when the live server serves the author's page
    assert "Zanzibar" in (site / "maps" / "fibre-street-leads" / "index.html").read_text(encoding="utf-8")
    _background_done()  # and the rest, in the background
    elapsed = time.perf_counter() - started
    assert len(full_builds) == 1, "an edit that keeps the navigation must not rebuild the whole site"
    pages = {lang: site / prefix / "maps" / "fibre-street-leads" / "index.html"
             for lang, prefix in (("en", ""), ("zh", "zh"), ("pl", "pl"))}
    patched = {lang: p.read_text(encoding="utf-8") for lang, p in pages.items()}
    for lang, page in patched.items():
        assert "Zanzibar" in page, lang
    assert "Zanzibar" in (site / "zh" / "index.html").read_text(encoding="utf-8")  # the zh home card
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Zanzibar" in d["text"] for d in index["docs"] if d["location"].startswith("maps/fibre-street-leads/"))
    assert any(d["location"].startswith("maps/online-banking-zh/") for d in index["docs"])
    assert elapsed < 10, f"the one-map rebuild of three languages took {elapsed:.1f} s"
    plugin._snapshot = {}  # the next build is a full one
    server.builder()
    assert len(full_builds) == 2
    for lang, p in pages.items():
        assert p.read_text(encoding="utf-8") == patched[lang], lang


def test_a_folder_added_while_serving_is_watched(served) -> None:
    root, _, server, plugin, _ = served
    (root / "maps" / "travel").mkdir()
    (root / "maps" / "loop").symlink_to("..")  # never watched: the watcher would follow it
    _rebuild(server, plugin)
    assert str(root / "maps" / "travel") in server.watched
    assert not [w for w in server.watched if "loop" in w]


@pytest.mark.parametrize("served", ["picture files"], indirect=True)
def test_an_edited_maps_png_and_pdf_poster_follow_after_its_page(served, monkeypatch) -> None:
    """The PNG and the poster take about 0.15 and 0.5 s to draw in each language: the author's
    page must not wait for them (issue 16: a saved map's page in under a second)."""
    import shutil
    import subprocess

    from journeymaps.engine import serve_patch
    from needs import need

    need(shutil.which("pdftotext") is not None, "pdftotext is not installed",
         "install the Debian package poppler-utils (`make test` does)")

    root, site, server, plugin, full_builds = served
    drawn: list[tuple[str, str]] = []  # (format, thread) of each render asked for
    real = serve_patch.render_downloads

    def spy(work, *args, **kwargs):
        drawn.extend((fmt, threading.current_thread().name) for fmt, _ in work.values())
        return real(work, *args, **kwargs)

    monkeypatch.setattr(serve_patch, "render_downloads", spy)
    pdf_before = time.time()
    _edit(root / "maps" / "banking" / "online-banking.yaml", "Searches \"best online", "Zanzibar searches \"best online")
    _rebuild(server, plugin)
    assert len(full_builds) == 1
    # Each language's site: its PNG and poster in the background step, after the page is served.
    assert set(drawn) == {("png", "journeymaps across-map pages"), ("pdf", "journeymaps across-map pages")}, drawn
    assert drawn.count(("png", "journeymaps across-map pages")) == drawn.count(("pdf", "journeymaps across-map pages"))
    png = site / "maps" / "online-banking" / "online-banking.png"
    assert png.stat().st_mtime > pdf_before, "the PNG was drawn again"
    page = (site / "maps" / "online-banking" / "index.html").read_text(encoding="utf-8")
    assert "Zanzibar" in page and 'href="online-banking.png"' in page  # the rebuilt page links the files
    assert "data-jm-export" not in page
    pdf = site / "maps" / "online-banking" / "online-banking.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Zanzibar" in text


def test_a_rebuild_replaces_files_whole_while_the_server_sends_them(served) -> None:
    """The live server may be sending the search index or a page while the rebuild rewrites it:
    a reader that opened a file before the rewrite still reads all of the old one (the new file
    takes its name), never a truncated or half-written one."""
    root, site, server, plugin, _ = served
    index_path = site / "search" / "search_index.json"
    page_path = site / "maps" / "online-banking" / "index.html"
    picture = site / "maps" / "online-banking" / "online-banking.svg"
    old_index, old_page, old_picture = (p.read_bytes() for p in (index_path, page_path, picture))
    with index_path.open("rb") as index_reader, page_path.open("rb") as page_reader, picture.open("rb") as svg_reader:
        path = root / "maps" / "banking" / "online-banking.yaml"
        summary = re.search(r"^summary: ?>?-?\n?\s*(\S.{20})", path.read_text(encoding="utf-8"), re.M).group(1)
        _edit(path, summary, "Zanzibar " + summary)
        _rebuild(server, plugin)
        assert index_reader.read() == old_index and page_reader.read() == old_page
        assert svg_reader.read() == old_picture
    assert "Zanzibar" in page_path.read_text(encoding="utf-8")
    json.loads(index_path.read_text(encoding="utf-8"))
    assert not list(site.rglob(".jm-*.tmp")), "no temporary file is left behind"


def test_after_an_edit_the_home_page_and_catalogues_come_before_the_industry_indexes(served) -> None:
    """The pages an author checks next (home, then the catalogues) are written first after a save."""
    from journeymaps.engine import serve_patch
    from journeymaps.pages import layout

    root, _, _, plugin, _ = served
    path = root / "maps" / "banking" / "online-banking.yaml"
    _edit(path, "\nsummary: ", "\nsummary: Zanzibar ")
    plan = serve_patch.plan(plugin._state, [path])
    order = [vf.path for vf in plan.shared()]
    catalogues = [layout.CATALOGUE, *layout.CATALOGUES.values()]
    industries = [p for p in order if p.startswith("industries/")]
    assert order[0] == layout.HOME
    assert set(order[1:len(catalogues) + 1]) == set(catalogues)
    assert industries and order[len(catalogues) + 1:] == industries
