"""PNG through CairoSVG, in safe mode and with local fonts only.

Only SVG this package generated is rasterised. CairoSVG runs with ``unsafe`` off (no XML
entities, no huge trees) and a ``url_fetcher`` that refuses every URL, so nothing is read
from disk or network. Cairo understands neither CSS custom properties nor media queries,
and takes only the first family of a font list without per-glyph fallback: the themable
``<style>`` is swapped for plain rules (``theme.static_css``) that name Noto Sans for Latin
text and Noto Sans CJK SC for text with Han characters (Debian ``fonts-noto-cjk``).
"""

from __future__ import annotations

import re

from .theme import Mode, static_css

MAX_PIXELS = 60_000_000  # about 7,700 x 7,700: beyond this a PNG of a diagram is a mistake
_STYLE = re.compile(r"<style>.*?</style>", re.S)
_SIZE = re.compile(r'<svg [^>]*?width="([0-9.]+)" height="([0-9.]+)"')


class PngUnavailable(RuntimeError):
    """Cairo (the C library under CairoSVG) cannot be loaded, or CairoSVG is not installed."""


def _refuse(url: str, resource_type: str | None = None, *args: object, **kwargs: object) -> bytes:
    raise PermissionError(f"journeymaps renders PNGs without fetching anything (refused {url!r})")


def _cairosvg():
    try:
        import cairosvg  # noqa: PLC0415 - imported late: the C library may be missing and SVG still works
        import cairosvg.surface  # noqa: PLC0415
    except (ImportError, OSError) as exc:
        raise PngUnavailable(
            "PNG export needs the Cairo graphics library, which could not be loaded "
            f"({type(exc).__name__}: {exc}). Install it (Debian/Ubuntu: `apt-get install libcairo2`, "
            "macOS: `brew install cairo`, Windows: GTK runtime), plus `pip install cairosvg`, "
            "or export SVG instead (`--format svg`)."
        ) from exc
    return cairosvg


def for_cairo(svg: str, theme: Mode = "light") -> str:
    """The same picture with plain colours and first-choice local fonts, as Cairo needs them."""
    if not svg.lstrip().startswith("<svg ") or svg.count("<style>") != 1:
        raise ValueError("svg_to_png only rasterises SVG made by journeymaps' renderers")
    return _STYLE.sub(lambda _: f"<style>\n{static_css(theme)}\n</style>", svg, count=1)


def svg_to_png(svg: str, *, scale: float = 1.0, theme: Mode = "light") -> bytes:
    """Rasterise one of our SVGs; ``scale`` 2 gives a sharp image on high-density screens."""
    if not 0 < scale <= 8:
        raise ValueError(f"scale must be above 0 and at most 8, not {scale}")
    size = _SIZE.search(svg)
    if size and float(size.group(1)) * float(size.group(2)) * scale * scale > MAX_PIXELS:
        raise ValueError(f"the PNG would have more than {MAX_PIXELS:,} pixels; lower --scale")
    cairosvg = _cairosvg()
    # svg2png() does not pass url_fetcher on; the surface's convert() hands it to the parser.
    return cairosvg.surface.PNGSurface.convert(bytestring=for_cairo(svg, theme).encode("utf-8"), scale=scale,
                                               unsafe=False, url_fetcher=_refuse)
