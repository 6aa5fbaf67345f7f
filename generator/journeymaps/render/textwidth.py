"""Text width without a font: an estimate that errs on the wide side.

The SVG names a font stack, but which font a viewer really has is unknown (and PNGs are
drawn by Cairo with Noto). Widths here are per-character classes in em, each the largest
advance of Noto Sans (regular, italic, bold / 1.1), the Latin of Noto Sans CJK and
Liberation Sans (Arial's metrics), measured once with Pillow, so wrapped lines fit in
all of them (Helvetica, Segoe UI and Roboto are narrower still). Letters with diacritics
(Polish ą ę ł ó ś ż ź ć ń) take the width of their base letter; Han, kana, Hangul and
full-width forms are one em, and so are marks such as · “ ” … that CJK fonts (used for
any text with Han in it) draw full width.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Width classes (em) of Latin: narrow to wide. Characters not listed fall back by kind.
_CLASSES: dict[float, str] = {
    0.28: "ij ",
    0.31: "l',.:;\u2018\u2019",
    0.35: "f!()-[]\u2011",
    0.4: "tI/\\{}",
    0.45: "r",
    0.5: "z",
    0.56: "csvxyJL\"*?_|\u201c\u201d\u201e\u00b7",
    0.6: "0123456789aek$+<=>^~\u2212\u20ac\u00a3",
    0.64: "bdghnopquFTZ`",
    0.68: "ABEKPSVXY#",
    0.72: "CR",
    0.78: "DGHNOQU&",
    0.84: "w",
    0.96: "mMW%",
    1.02: "@\u2026\u2192\u2190\u2191\u2193\u00b1\u00d7\u2010",
    1.2: "\u2030",
}


def _ambiguous_mark(ch: str) -> bool:
    """Punctuation or a symbol of East Asian "ambiguous" width (· “ ” … ° ×): CJK fonts draw it one em wide."""
    return unicodedata.east_asian_width(ch) == "A" and unicodedata.category(ch)[0] in "PS"


_TABLE: dict[str, float] = {ch: (max(w, 1.0) if _ambiguous_mark(ch) else w)
                            for w, chars in _CLASSES.items() for ch in chars}
_DEFAULT_LATIN = 0.64  # letters of other alphabets (Greek, Cyrillic): about an average capital
_FULL = 1.0
_EMOJI = 1.25
MAX_EM = _EMOJI  # no character is estimated wider
BOLD = 1.1  # bold faces are up to 10% wider than regular (classes above cover bold / 1.1)


@lru_cache(maxsize=4096)
def _slow(ch: str) -> float:
    if unicodedata.combining(ch):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        # Han, kana, Hangul, full-width punctuation; emoji are "W" too but often wider.
        return _EMOJI if ord(ch) >= 0x1F000 else _FULL
    if _ambiguous_mark(ch):
        return _FULL
    base = unicodedata.normalize("NFD", ch)[0]
    if base != ch and base in _TABLE:
        return _TABLE[base]
    if ch in "\u0142\u0141":  # ł Ł have no decomposition: they are l and L with a stroke
        return _TABLE["l" if ch == "\u0142" else "L"]
    if ch == "\u200b":
        return 0.0
    category = unicodedata.category(ch)
    if category.startswith("Z"):
        return _TABLE[" "]
    if category in ("Mn", "Me", "Cf"):
        return 0.0
    return _DEFAULT_LATIN


def char_em(ch: str) -> float:
    """Width of one character in em."""
    width = _TABLE.get(ch)
    return width if width is not None else _slow(ch)


def em(text: str) -> float:
    """Width of a run of text in em (regular weight)."""
    table = _TABLE
    total = 0.0
    for ch in text:
        w = table.get(ch)
        total += w if w is not None else _slow(ch)
    return total


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated advance width in px of ``text`` at ``size`` px."""
    return em(text) * size * (BOLD if bold else 1.0)


def is_wide(ch: str) -> bool:
    """True for characters that break anywhere (CJK ideographs, kana, Hangul, full-width forms)."""
    # Nothing below U+1100 (Hangul Jamo) is wide: Latin text never reaches the Unicode lookup.
    return ch >= "\u1100" and unicodedata.east_asian_width(ch) in ("W", "F")
