"""Fixed number formatting, so the same map always gives the same bytes.

``repr`` of a float depends on how it was computed (0.30000000000000004); golden files
and diffs need one spelling per value: at most two decimals, no trailing zeros, no ``-0``.
"""

from __future__ import annotations

from functools import lru_cache

# ASCII "-" even where a typographic minus (U+2212) would be nicer: Noto Sans, the font
# of our PNGs, has no U+2212 and Cairo would draw a box.
MINUS = "-"


@lru_cache(maxsize=65536)  # coordinates repeat a lot within a picture (x of every line of a column)
def num(value: float) -> str:
    """A coordinate or length: ``12``, ``12.5``, ``-3.25``; never ``-0`` or ``1e-05``."""
    # round() gives the double nearest to the two-decimal value, and repr() the shortest text
    # that reads back as it: the same digits as "%.2f" without the trailing zeros, but faster
    # (this runs a few hundred times per picture).
    r = round(value, 2)
    if r == 0:
        return "0"
    whole = int(r)
    return str(whole) if r == whole else repr(r)


def signed(value: float, *, always_sign: bool) -> str:
    """A value shown to people: ``+2``, ``0``, ``−2`` (``always_sign`` for scales around zero)."""
    text = num(abs(value))
    if text == "0":
        return "0"
    if value < 0:
        return MINUS + text
    return ("+" + text) if always_sign else text


def quantity(value: float, unit: str) -> str:
    """A KPI value with its unit: ``1.4%``, ``12 s``."""
    return with_unit(signed(value, always_sign=False), unit)


def with_unit(text: str, unit: str) -> str:
    """A number already written out, and its unit: ``1.4%``, ``12 s``."""
    if not unit:
        return text
    return text + unit if unit in ("%", "‰", "°") else f"{text} {unit}"
