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
MAX_SIDE = 32_767  # Cairo's image surfaces are at most this many pixels wide or high
_STYLE = re.compile(r"<style>.*?</style>", re.S)
_SIZE = re.compile(r'<svg [^>]*?width="([0-9.]+)" height="([0-9.]+)"')


class PngUnavailable(RuntimeError):
    """Cairo (the C library under CairoSVG) cannot be loaded, or CairoSVG is not installed."""


def refuse_fetch(url: str, resource_type: str | None = None, *args: object, **kwargs: object) -> bytes:
    raise PermissionError(f"journeymaps renders pictures without fetching anything (refused {url!r})")


def load_cairosvg():
    """The cairosvg module, or PngUnavailable saying how to install Cairo."""
    try:
        import cairosvg  # noqa: PLC0415 - imported late: the C library may be missing and SVG still works
        import cairosvg.surface  # noqa: PLC0415
    except (ImportError, OSError) as exc:
        raise PngUnavailable(
            "PNG and PDF export need the Cairo graphics library, which could not be loaded "
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


def fit_scale(width: float, height: float, scale: float) -> float:
    """``scale``, or the largest smaller one at which the PNG keeps within MAX_PIXELS and MAX_SIDE.

    Check bounds a map's stages, personas and cards (``model.limits``), but not how long each
    text is, so a map that passes check can still draw taller than Cairo allows."""
    if width <= 0 or height <= 0:
        return scale
    most = min((MAX_PIXELS / (width * height)) ** 0.5, MAX_SIDE / width, MAX_SIDE / height)
    return scale if scale <= most else most * 0.999  # just inside: Cairo rounds the size up


def svg_to_png(svg: str, *, scale: float = 1.0, theme: Mode = "light", fit: bool = True) -> bytes:
    """Rasterise one of our SVGs; ``scale`` 2 gives a sharp image on high-density screens.

    A picture too large at ``scale`` is drawn smaller with ``fit`` (the site's downloads: a map
    that passes check always builds), or refused with ValueError without it (an export the user
    sized by hand)."""
    if not 0 < scale <= 8:
        raise ValueError(f"scale must be above 0 and at most 8, not {scale}")
    size = _SIZE.search(svg)
    if size:
        width, height = float(size.group(1)), float(size.group(2))
        fitted = fit_scale(width, height, scale)
        if fitted < scale and not fit:
            raise ValueError(f"the PNG would have more than {MAX_PIXELS:,} pixels or a side over {MAX_SIDE:,}; "
                             f"use --scale {max(fitted, 0.01):.2f} or less")
        scale = fitted
    cairosvg = load_cairosvg()
    # svg2png() does not pass url_fetcher on; the surface's convert() hands it to the parser.
    return cairosvg.surface.PNGSurface.convert(bytestring=for_cairo(svg, theme).encode("utf-8"), scale=scale,
                                               unsafe=False, url_fetcher=refuse_fetch)
