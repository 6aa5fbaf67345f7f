"""An inline picture is held once: the page's figure reuses the very string of the .svg download
when cutting blank lines would not change it (issue 16: memory), and is the same text either way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from journeymaps.pages.blocks import figure
from journeymaps.pages.model import Pictures
from journeymaps.pages.site import build_site
from journeymaps.project import load_project

REPO = Path(__file__).resolve().parents[2]


def _figure_before(svg: str) -> str:
    """figure() as it was before the picture was shared: blank lines and outer space cut."""
    body = "\n".join(line for line in svg.strip().splitlines() if line.strip())
    return f'<div class="jm-figure x" role="group" aria-label="L" tabindex="0">\n{body}\n</div>'


def _filled(svg: str) -> str:
    pictures = Pictures()
    html = figure(svg, cls="x", label="L", pictures=pictures)
    return html.replace("<!--jm-svg:0-->", pictures.svgs[0])


_pieces = st.lists(st.sampled_from(["<svg>", "</svg>", "<g>", "text", " ", "\t", "\n", "\r\n", "\r", "\x0c",
                                    "\u2028", "\x85", "\xa0", "\x1c", "a\n", "\n\n", "  \n"]), max_size=30)


@settings(max_examples=400, deadline=None)
@given(_pieces)
@example(["<svg>", "\r", "</svg>", "\n"])  # a line break splitlines knows and "\n" does not
@example(["<svg>", "\u2028", "</svg>", "\n"])
@example(["<svg>\n", "\xa0", "\n", "</svg>\n"])  # a line only of no-break space is blank to strip()
@example(["<svg>", "  \n"])  # space before the last line break
def test_the_figure_is_the_same_text_as_before(parts: list[str]) -> None:
    svg = "".join(parts)
    assert _filled(svg) == _figure_before(svg)


def test_a_clean_picture_is_not_copied() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg">\n  <text>“quoted”</text>\n</svg>\n'
    pictures = Pictures()
    figure(svg, cls="x", label="L", pictures=pictures)
    assert pictures.svgs[0] is svg
    blank = svg.replace("\n  <text>", "\n\n  <text>")
    figure(blank, cls="x", label="L", pictures=pictures)
    assert pictures.svgs[1] is not blank and "\n\n" not in pictures.svgs[1]


def test_every_map_diagram_is_held_once_in_the_site() -> None:
    project = load_project(REPO, today=dt.date(2026, 11, 23))
    site = build_site(project)
    downloads = {f.path: f.content for f in site.files if f.kind == "svg"}
    inline = [svg for f in site.files if f.kind == "page" for svg in f.svgs]
    shared = [d for d in downloads.values() if any(svg is d for svg in inline)]
    assert len(downloads) >= 8 and len(shared) == len(downloads)
    # ... as UTF-8 bytes, not a string Python keeps at two bytes a character (curly quotes).
    assert all(isinstance(d, bytes) for d in downloads.values())
