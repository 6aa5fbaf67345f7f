"""Browser fixtures: serve a folder over loopback HTTP and drive Debian's Chromium with Playwright.

Nothing is downloaded at test time: the browser is /usr/bin/chromium (never `playwright install`),
axe-core comes from tests/browser/node_modules (installed by `make test`), and every request to a
host other than the loopback server is blocked and recorded, so a page that needs the internet
shows up as a failure instead of a slow or flaky test.

Fixtures:
  serve_dir(path) -> base URL         serve a built site folder on 127.0.0.1 (a free port)
  browser                             one headless Chromium for the session
  make_page(color_scheme=...) -> Page a fresh context and page; console errors are recorded
  page                                make_page() with the defaults
  console_errors                      list of "url: message" for console errors and page errors
  blocked_requests                    list of URLs the page tried to fetch from outside loopback
  axe(page) -> violations             run axe-core in the page, return its violations
  screenshot(page, name) -> Path      a PNG under tests/artifacts/ (gitignored)
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from needs import need, need_module

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # root in CI has no user namespace sandbox
    "--disable-gpu",
    # Without these Chromium keeps opening connections that this machine's closed network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
BROWSER_DIR = Path(__file__).resolve().parent
AXE_JS = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = BROWSER_DIR.parent / "artifacts"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Everything under tests/browser/ drives a browser: mark it so `-m "not browser"` skips it.
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --- serving a folder -------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # the test output is for assertions, not for an access log


@contextmanager
def serve_directory(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 on a free port in a thread; yield its base URL (ending in /)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"cannot serve {folder}: not a folder")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {folder.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[Callable[[Path], str]]:
    """``serve_dir(path)`` -> base URL; one server per folder, alive until the end of the session."""
    urls: dict[Path, str] = {}
    with ExitStack() as servers:
        def serve(folder: Path) -> str:
            key = Path(folder).resolve()
            if key not in urls:
                urls[key] = servers.enter_context(serve_directory(key))
            return urls[key]

        yield serve


# --- the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    need(CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK), f"Chromium is not installed at {CHROMIUM}",
         "install the Debian package `chromium` (`make test` does)")
    sync_playwright = need_module("playwright.sync_api").sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Console errors and uncaught exceptions of every page made by ``make_page`` in this test."""
    return []


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs outside loopback that a page of this test tried to load (they were aborted)."""
    return []


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOOPBACK


@pytest.fixture
def make_page(browser, console_errors: list[str], blocked_requests: list[str]):
    """``make_page(color_scheme="light", viewport=(1280, 900), **context_options)`` -> Page.

    Each call opens a fresh browser context (own storage, own colour scheme), so a light and a
    dark page can be compared in one test. Contexts close at the end of the test.
    """
    contexts = []

    def _block(route) -> None:
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            blocked_requests.append(url)
            route.abort("blockedbyclient")

    def make(color_scheme: str = "light", viewport: tuple[int, int] = (1280, 900), **options):
        context = browser.new_context(color_scheme=color_scheme,
                                      viewport={"width": viewport[0], "height": viewport[1]}, **options)
        contexts.append(context)
        context.route(re.compile(r".*"), _block)
        page = context.new_page()
        page.set_default_timeout(15_000)

        def on_console(msg) -> None:
            if msg.type == "error":
                console_errors.append(f"{page.url}: {msg.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: console_errors.append(f"{page.url}: uncaught {exc}"))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(make_page):
    return make_page()


# --- accessibility and screenshots ------------------------------------------------------------

@pytest.fixture(scope="session")
def axe() -> Callable[..., list[dict]]:
    """``axe(page, impacts=None, options=None)`` -> axe-core violations of the loaded page.

    ``impacts=("serious", "critical")`` keeps only those; each violation is axe's own dict
    (id, impact, help, nodes[...]) in a list whose repr reads well in a failed assert.
    """
    need(AXE_JS.is_file(), f"axe-core is not installed at {AXE_JS.relative_to(BROWSER_DIR.parent.parent)}",
         "run `make test` (npm ci in tests/browser)")

    def run(page, impacts: tuple[str, ...] | None = None, options: dict | None = None) -> Violations:
        # Judge what a person sees once the page is still: a header title caught mid-fade (Material
        # swaps site name and page title as the page scrolls) measures as low contrast otherwise.
        page.evaluate("() => Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),"
                      " new Promise(done => setTimeout(done, 3000))])")
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate("async (options) => await window.axe.run(document, options || {})", options)
        violations = result["violations"]
        return Violations(v for v in violations if impacts is None or v["impact"] in impacts)

    return run


class Violations(list):
    """axe-core's violation dicts; the repr is one readable line each, so `assert not v` explains itself."""

    def __repr__(self) -> str:
        if not self:
            return "no axe violations"
        lines = []
        for v in self:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
            lines.append(f"{v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])} elements, e.g. {targets})")
        return "\n".join(lines)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def screenshot(artifacts_dir: Path) -> Callable[..., Path]:
    """``screenshot(page, name, full_page=True)`` -> tests/artifacts/<name>.png (overwritten)."""

    def take(page, name: str, full_page: bool = True) -> Path:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "page"
        path = artifacts_dir / f"{safe}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take

