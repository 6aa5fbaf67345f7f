"""Contract tests of the private MkDocs and Material internals in engine/mkdocs_internals.py.

When an upgrade of MkDocs or Material moves one of them, these fail and say which, before a
user's `mkdocs serve` quietly falls back to full rebuilds. The fast path itself is exercised
end to end in test_serve.py.
"""

from __future__ import annotations

import threading
from pathlib import Path

from journeymaps.engine import mkdocs_internals


def test_the_installed_mkdocs_is_a_checked_version():
    problem = mkdocs_internals.version_problem()
    assert problem is None, problem


def test_an_unchecked_version_is_named_with_what_to_do():
    problem = mkdocs_internals.version_problem("2.0.0")
    assert problem is not None
    assert problem.startswith("MkDocs 2.0.0 is not a version")
    assert "tests/site/test_mkdocs_contract.py" in problem and "TESTED" in problem


def test_the_page_pipeline_is_there():
    assert mkdocs_internals.problems() == []


def test_the_live_reload_server_has_what_the_fast_path_uses(tmp_path: Path):
    from mkdocs.livereload import LiveReloadServer

    calls: list[str] = []
    server = LiveReloadServer(builder=lambda: calls.append("full"), host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        assert mkdocs_internals.problems(server) == []

        def wrap(full):
            return lambda: (calls.append("wrapped"), full())

        assert mkdocs_internals.wrap_builder(server, wrap)
        server.builder()
        assert calls == ["wrapped", "full"]

        before = server._visible_epoch
        woken = threading.Event()

        def wait_for_reload() -> None:
            with server._epoch_cond:
                if server._epoch_cond.wait_for(lambda: server._visible_epoch > before, timeout=10):
                    woken.set()

        waiter = threading.Thread(target=wait_for_reload)
        waiter.start()
        mkdocs_internals.reload_browsers(server)
        waiter.join(timeout=10)
        assert woken.is_set(), "a browser waiting on the live-reload epoch was not woken"
    finally:
        server.server_close()


def test_materials_search_keeps_an_entry_list(tmp_path: Path):
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: material\nplugins:\n  - search\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    search = mkdocs_internals.search_plugin(config)
    assert search is not None, "no search plugin with a search index"
    assert mkdocs_internals.problems(search=search) == []
    search.search_index.entries = [{"location": "a/", "title": "A", "text": ""},
                                   {"location": "a/#x", "title": "x", "text": ""},
                                   {"location": "b/", "title": "B", "text": ""}]
    mkdocs_internals.drop_search_entries(search, ["a/"])
    assert [e["location"] for e in search.search_index.entries] == ["b/"]


def test_a_missing_internal_is_named():
    class OldServer:
        builder = staticmethod(lambda: None)

    class OtherSearch:
        class search_index:
            _entries: list = []

    problems = mkdocs_internals.problems(OldServer(), OtherSearch())
    assert "the live-reload server has no _epoch_cond, _wanted_epoch, _visible_epoch" in problems
    assert any("keeps no `search_index.entries` list" in p for p in problems)
    assert mkdocs_internals.wrap_builder(object(), lambda full: full) is False
