"""The map page's PNG and poster when the site publishes no picture files (the default): the
reader's browser makes them (theme/assets/javascripts/exports.js). The PNG is the page's own
diagram at twice its size; the poster is the page printed with the A3 landscape stylesheet;
without JavaScript neither entry shows, and the SVG file is still there."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import built_site  # noqa: E402

MAP = "online-banking"
DESKTOP, PHONE = (1400, 900), (390, 844)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def base(serve_dir) -> str:
    return serve_dir(built_site())


def _open(make_page, base: str, scheme: str = "light", viewport=DESKTOP, path: str = f"maps/{MAP}/", **options):
    page = make_page(color_scheme=scheme, viewport=viewport, **options)
    page.goto(base + path)
    return page


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, data[:16]
    return struct.unpack(">II", data[16:24])  # the IHDR chunk: width, height


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_png_entry_downloads_the_diagram_at_twice_its_size(make_page, base, scheme, tmp_path, console_errors,
                                                               blocked_requests) -> None:
    page = _open(make_page, base, scheme)
    button = page.locator(".jm-downloads [data-jm-export=png] button")
    button.wait_for(state="visible")
    assert button.inner_text() == "Stage diagram (PNG)"
    box = page.evaluate(f"(() => {{ const b = document.querySelector('#jm-{MAP}-canvas .jm-canvas-sheet > svg')"
                        ".viewBox.baseVal; return [b.width, b.height]; })()")
    with page.expect_download() as caught:
        button.click()
    download = caught.value
    assert download.suggested_filename == f"{MAP}.png"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    width, height = _png_size(saved.read_bytes())
    assert abs(width - box[0] * 2) <= 1 and abs(height - box[1] * 2) <= 1  # 2x, to the pixel (rounded)
    assert abs(width / height - box[0] / box[1]) < 0.001
    assert not console_errors and not blocked_requests  # nothing fetched: the page's own SVG and fonts


def test_the_png_follows_the_colour_scheme_on_screen(make_page, base, tmp_path) -> None:
    drawn = {}
    for scheme in ("light", "dark"):
        page = _open(make_page, base, scheme)
        with page.expect_download() as caught:
            page.locator(".jm-downloads [data-jm-export=png] button").click()
        drawn[scheme] = tmp_path / f"{scheme}.png"
        caught.value.save_as(drawn[scheme])
    # The background of the diagram: the page's light or dark colours, resolved into the image.
    assert drawn["light"].read_bytes() != drawn["dark"].read_bytes()


def test_the_poster_entry_prints_the_canvas_on_one_a3_landscape_page(make_page, base) -> None:
    page = _open(make_page, base)
    page.evaluate("() => { window.jmPrinted = 0; window.print = () => { window.jmPrinted += 1; }; }")
    button = page.locator(".jm-downloads [data-jm-export=pdf] button")
    assert button.inner_text() == "Poster for printing (A3): print it or save it as PDF"
    button.click()
    assert page.evaluate("window.jmPrinted") == 1
    # What the print dialog gets: the print stylesheet shows the canvas alone, on one A3 landscape sheet.
    page.emulate_media(media="print")
    assert page.locator(f"#jm-{MAP}-canvas .jm-canvas-sheet > svg").is_visible()
    assert not page.locator(".jm-downloads").is_visible()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf)) == 1
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]+)\]", pdf).group(1).split()]
    assert (round((box[2] - box[0]) / 72 * 25.4), round((box[3] - box[1]) / 72 * 25.4)) == (420, 297)


def test_without_javascript_only_the_files_are_offered(make_page, base) -> None:
    page = _open(make_page, base, java_script_enabled=False)
    downloads = page.locator(".jm-downloads")
    assert downloads.locator("[data-jm-export]").count() == 2
    for kind in ("png", "pdf"):
        assert not downloads.locator(f"[data-jm-export={kind}]").is_visible()
    links = downloads.locator("a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [
        "Stage diagram (SVG)", "Map data (JSON)", "Mermaid journey (.mmd)"]
    assert all(links.nth(i).is_visible() for i in range(links.count()))


def test_the_entries_are_in_the_pages_language(make_page, base) -> None:
    page = _open(make_page, base, path="zh/maps/online-banking-zh/")
    png = page.locator(".jm-downloads [data-jm-export=png] button")
    png.wait_for(state="visible")
    assert png.inner_text() == "阶段图（PNG）"
    assert "另存为 PDF" in page.locator(".jm-downloads [data-jm-export=pdf] button").inner_text()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_download_area_screenshots_and_accessibility(make_page, base, axe, screenshot, viewport, scheme) -> None:
    page = _open(make_page, base, scheme, viewport)
    area = page.locator("#downloads")
    page.locator(".jm-downloads [data-jm-export=png] button").wait_for(state="visible")
    area.scroll_into_view_if_needed()
    page.evaluate("() => window.scrollBy(0, -120)")  # the heading under Material's header, the list below it
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    screenshot(page, f"downloads-{MAP}-{viewport[0]}-{scheme}", full_page=False)
    violations = axe(page, impacts=("serious", "critical"), options={"runOnly": ["wcag2a", "wcag2aa"]})
    assert not [v for v in violations if any(".jm-downloads" in str(n["target"]) for n in v["nodes"])]
