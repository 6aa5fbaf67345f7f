"""The pages' wording (from the catalogue, in the map's language) and stable number formatting,
so a Chinese map reads Chinese from top to bottom."""

from __future__ import annotations

import math

from ..words import label, language_name

__all__ = ["SITE_LANG", "word", "language_name", "num", "signed"]

# The language of the pages that belong to no map (home, catalogues, indexes) until the site
# is built once per language.
SITE_LANG = "en"


def word(key: str, lang: str) -> str:
    """A label of the wording catalogue in the map's language (see ``journeymaps.words``)."""
    return label(lang, key)


def num(x: float | int | None) -> str:
    """Fixed formatting: no exponent, at most 4 decimals, no trailing zeros, no `-0`."""
    if x is None:
        return "–"
    if isinstance(x, float) and not math.isfinite(x):
        return "–"
    s = f"{float(x):.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def signed(x: float) -> str:
    s = num(x)
    return s if s.startswith("-") or s == "0" else "+" + s
