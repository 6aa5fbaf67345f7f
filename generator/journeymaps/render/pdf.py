"""Vector PDF posters of our SVGs through CairoSVG, on a standard paper size.

The same safe settings as the PNG path (``render.png``): only SVG this package generated,
``unsafe`` off, a ``url_fetcher`` that refuses everything, and the plain Cairo stylesheet with
local Noto fonts. Cairo embeds the subset of each font it uses (FontFile streams), so the
poster prints the same on a machine without Noto, Chinese and Polish included.

The picture is fitted to the page by rewriting the root element only: ``width``/``height``
become the paper size in points and the ``viewBox`` grows around the canvas so that it is
centred with at least ``MARGIN_PT`` of white on every side. Nothing inside is touched, so
the poster is the very picture the site shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .fmt import num
from .png import for_cairo, load_cairosvg, refuse_fetch
from .theme import Mode

Orientation = Literal["landscape", "portrait"]

MM_PT = 72 / 25.4  # PDF user space is in points


@dataclass(frozen=True)
class Paper:
    """A sheet, portrait side up, in points."""

    name: str
    width: float
    height: float

    def sized(self, orientation: Orientation) -> tuple[float, float]:
        short, long = sorted((self.width, self.height))
        return (long, short) if orientation == "landscape" else (short, long)


# The one list of paper sizes: the CLI's --paper choices and the site's poster come from it.
PAPERS: dict[str, Paper] = {p.name: p for p in (
    Paper("A2", 420 * MM_PT, 594 * MM_PT),
    Paper("A3", 297 * MM_PT, 420 * MM_PT),
    Paper("A4", 210 * MM_PT, 297 * MM_PT),
    Paper("letter", 8.5 * 72, 11 * 72),
)}
DEFAULT_PAPER = "A3"
DEFAULT_ORIENTATION: Orientation = "landscape"  # a workshop wall is wider than tall
MARGIN_PT = 10 * MM_PT  # inside the unprintable edge of office printers, which is about 5 mm

_ROOT = re.compile(r'<svg [^>]*?viewBox="([-0-9. ]+)" width="([0-9.]+)" height="([0-9.]+)"')


def best_orientation(svg: str) -> Orientation:
    """The orientation in which the canvas comes out largest: portrait for a tall stage diagram."""
    _, width, height = _root(svg)
    return "portrait" if height > width else "landscape"


def svg_to_pdf(svg: str, *, paper: str = DEFAULT_PAPER, orientation: Orientation = DEFAULT_ORIENTATION,
               theme: Mode = "light") -> bytes:
    """One of our SVGs as a one-page vector PDF, scaled to fit ``paper`` inside the margin."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; choose from {', '.join(PAPERS)}")
    page_w, page_h = PAPERS[paper].sized(orientation)
    cairosvg = load_cairosvg()
    fitted = _fit(for_cairo(svg, theme), page_w, page_h)
    return cairosvg.surface.PDFSurface.convert(bytestring=fitted.encode("utf-8"), unsafe=False, url_fetcher=refuse_fetch)


def _root(svg: str) -> tuple[re.Match[str], float, float]:
    found = _ROOT.search(svg)
    if found is None or found.start() != svg.find("<svg "):
        raise ValueError("svg_to_pdf only draws SVG made by journeymaps' renderers (no root viewBox and size)")
    return found, float(found.group(2)), float(found.group(3))


def _fit(svg: str, page_w: float, page_h: float) -> str:
    found, width, height = _root(svg)
    vx, vy, vw, vh = (float(v) for v in found.group(1).split())
    if vw <= 0 or vh <= 0:
        raise ValueError("the picture has no area")
    scale = min((page_w - 2 * MARGIN_PT) / vw, (page_h - 2 * MARGIN_PT) / vh)  # points per user unit
    view_w, view_h = page_w / scale, page_h / scale
    box = " ".join(num(v) for v in (vx - (view_w - vw) / 2, vy - (view_h - vh) / 2, view_w, view_h))
    root = found.group(0)
    root = root.replace(f'viewBox="{found.group(1)}"', f'viewBox="{box}"', 1)
    root = root.replace(f'width="{found.group(2)}" height="{found.group(3)}"',
                        f'width="{num(page_w)}pt" height="{num(page_h)}pt"', 1)
    return svg[:found.start()] + root + svg[found.end():]
