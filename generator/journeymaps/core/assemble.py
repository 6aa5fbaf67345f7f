"""Putting pieces of text together by each language's rules: where a line break folds to a
space and where to nothing, how list items and label-value pairs join without doubled marks.

The separators themselves are words of a language and live in the wording catalogue
(``list_sep``, ``colon``, ``full_stop`` ...); this module only knows the rules, so every page,
picture and diff that joins text behaves the same in every language. Numbers and dates come
from Babel, which knows each locale's separators and month names from CLDR ("3,1" and
"38 000" in Polish, "2026年10月14日" in Chinese).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

NO_VALUE = "–"  # a number not measured (yet), in every language
# At most 4 decimals, no trailing zeros, the locale's grouping and decimal sign.
_NUMBER = "#,##0.####"
_SIGNED = "+#,##0.####;-#,##0.####"

# Marks that end an item: a join after one of them adds no mark of its own ("原因。，",
# "sign-up.:" are what a naive join writes).
_ENDING_MARKS = frozenset(".!?;:,…。！？；：，、")


def is_cjk_punctuation(ch: str) -> bool:
    """Full-width punctuation, which carries its own spacing: ``，。、：；！？「」（）``."""
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20 or 0xFF3B <= o <= 0xFF40 \
        or 0xFF5B <= o <= 0xFF65


def is_cjk(ch: str) -> bool:
    """A Han character or kana: scripts written without spaces between words (Hangul is not:
    Korean separates words with spaces)."""
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F
            or 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF)


def folds_to_nothing(before: str, after: str) -> bool:
    """Whether a line break between the characters ``before`` and ``after`` reads as no space
    at all (YAML folds every break to a space, which is right for Latin text only): between two
    CJK characters, and next to full-width punctuation whatever is on the other side
    ("调研中，\\n50" is "调研中，50"). Between a Han character and a Latin word the space stays,
    as authors write "支持 PDF 和护照" by hand."""
    if is_cjk_punctuation(before) or is_cjk_punctuation(after):
        return True
    return is_cjk(before) and is_cjk(after)


def ends_with_mark(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _ENDING_MARKS


def _glue(before: str, sep: str, after: str) -> str:
    """The separator between two pieces, minus its mark when ``before`` ends with one; then
    the space the script needs: none after a full-width mark, one after a Latin mark."""
    if not ends_with_mark(before):
        return sep
    if is_cjk_punctuation(before[-1]) or before[-1].isspace():
        return ""
    space = "".join(ch for ch in sep if ch.isspace())
    return space or ("" if not after or after[0].isspace() else " ")


def join(items: Iterable[str], sep: str) -> str:
    """Items joined with the language's separator (``", "``, ``"、"``, ``"; "``), never
    adding a mark after an item that ends with one: ``["a.", "b"]`` -> ``"a. b"``,
    ``["原因。", "我们"]`` with ``"、"`` -> ``"原因。我们"``."""
    out = ""
    for i, item in enumerate(items):
        out = item if i == 0 else out + _glue(out, sep, item) + item
    return out


def attach(head: str, sep: str, tail: str) -> str:
    """``head`` and ``tail`` joined by ``sep`` (a colon, a dash), by the same rule as ``join``:
    ``"sign-up."`` and ``": "`` and ``"X"`` -> ``"sign-up. X"``."""
    return join([head, tail], sep)


def end_sentence(text: str, stop: str) -> str:
    """``text`` ended with the language's full stop unless it ends with a mark already."""
    return text if ends_with_mark(text) or not text else text + stop


def fold_breaks(value: str, lines: list[str]) -> str:
    """``value``, a scalar that YAML folded from the source ``lines`` (from the line holding its
    first character), with the spaces that folding put between CJK text removed.

    Each source line break became one space between the last character of one line and the
    first of the next; those spaces are found in order, so a space the author typed inside a
    line is never touched."""
    cut: list[int] = []
    cursor = 0
    previous = None
    for line in lines:
        text = line.strip()
        if not text:
            previous = None  # a blank line folds to a line break, not a space
            continue
        if previous is not None:
            k = value.find(previous + " " + text[0], cursor)
            if k >= 0:
                if folds_to_nothing(previous, text[0]):
                    cut.append(k + 1)
                cursor = k + 2
        previous = text[-1]
    for k in reversed(cut):
        value = value[:k] + value[k + 1:]
    return value


@cache
def _locale(lang: str) -> Locale:
    # Babel is imported here, not at the top: the loader uses this module's folding rules, and
    # `journeymaps check` (the pre-commit hook) runs with only PyYAML and pydantic installed.
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang, sep="-")
    except (ValueError, UnknownLocaleError):  # a tag CLDR does not know reads as English
        return Locale("en")


def number(x: float | int | None, lang: str, *, sign: bool = False) -> str:
    """A value shown to readers in ``lang``'s spelling; ``sign``: ``+3`` for gains. Never ``-0``."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return NO_VALUE
    value = round(float(x), 4)
    if value == 0:
        return "0"
    if value == int(value):
        value = int(value)  # Babel writes a float 3.0 as "3"; ints keep huge values exact
    return _spelled(value, lang, sign)


@lru_cache(maxsize=16384, typed=True)
def _spelled(value: float | int, lang: str, sign: bool) -> str:
    """Babel's spelling of a rounded value, remembered: a site repeats the same few thousand
    values (scores, baselines, targets) tens of thousands of times, and each spelling costs
    Babel about 20 us."""
    return _number_format(lang, sign)(value)


@cache
def _number_format(lang: str, sign: bool) -> Callable[[float | int], str]:
    """What ``babel.numbers.format_decimal`` does with our pattern, parsed once per locale: a
    100-map build writes about 9,000 numbers, and parsing the pattern was a quarter of each."""
    from babel.numbers import parse_pattern

    return partial(parse_pattern(_SIGNED if sign else _NUMBER).apply, locale=_locale(lang))


def date(d: _dt.date, lang: str) -> str:
    """A calendar date the way ``lang`` writes it in running text."""
    from babel.dates import format_date

    return format_date(d, format="long", locale=_locale(lang))
