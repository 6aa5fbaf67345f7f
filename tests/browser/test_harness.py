"""The browser fixtures work: a tiny site is served, loaded, checked by axe and photographed.

These prove the harness, not the journeymaps site (its tests sit beside this file).
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

GOOD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harness</title>
<link rel="icon" href="data:,">
<style>
  body { font: 16px sans-serif; color: #111; background: #fff; }
  @media (prefers-color-scheme: dark) { body { color: #eee; background: #111; } }
</style></head>
<body><main><h1>Harness page</h1><p id="scheme"></p>
<img src="dot.svg" alt="A dot"><p>Zażółć gęślą jaźń · 客户旅程地图</p></main>
<script>
  document.getElementById("scheme").textContent =
    matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
</script></body></html>
"""

# Missing lang, an image without alt and a console error: all three must be caught.
BAD_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Bad</title><link rel="icon" href="data:,"></head>
<body><main><img src="dot.svg"></main>
<script>console.error("boom from the page"); fetch("http://example.invalid/x.js").catch(() => {});</script>
</body></html>
"""

DOT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="5"/></svg>'


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tiny-site")
    (root / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    (root / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    (root / "dot.svg").write_text(DOT_SVG, encoding="utf-8")
    return root


def test_serve_dir_serves_the_folder_on_loopback(serve_dir, tiny_site: Path):
    base = serve_dir(tiny_site)
    assert base.startswith("http://127.0.0.1:")
    assert serve_dir(tiny_site) == base  # one server per folder
    with urllib.request.urlopen(base + "dot.svg", timeout=10) as response:
        assert response.read().decode() == DOT_SVG


def test_a_clean_page_loads_without_console_errors_or_axe_violations(
        page, serve_dir, tiny_site, console_errors, blocked_requests, axe):
    page.goto(serve_dir(tiny_site))
    assert page.locator("h1").inner_text() == "Harness page"
    assert page.evaluate("() => document.querySelector('img').naturalWidth") == 10
    assert axe(page) == []
    assert console_errors == []
    assert blocked_requests == []


def test_a_broken_page_is_caught(page, serve_dir, tiny_site, console_errors, blocked_requests, axe):
    page.goto(serve_dir(tiny_site) + "bad.html")
    page.wait_for_load_state("networkidle")
    ids = {v["id"] for v in axe(page, impacts=("serious", "critical"))}
    assert {"image-alt", "html-has-lang"} <= ids
    assert any("boom from the page" in e for e in console_errors)
    assert blocked_requests == ["http://example.invalid/x.js"]


def test_colour_scheme_and_screenshot(make_page, serve_dir, tiny_site, screenshot):
    pngs = {}
    for scheme in ("light", "dark"):
        page = make_page(color_scheme=scheme)
        page.goto(serve_dir(tiny_site))
        assert page.locator("#scheme").inner_text() == scheme
        pngs[scheme] = screenshot(page, f"harness-{scheme}")
    for path in pngs.values():
        assert path.parent.name == "artifacts"
        assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert pngs["light"].read_bytes() != pngs["dark"].read_bytes()
