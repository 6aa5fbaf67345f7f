"""Line wrapping by estimated width: nothing is ever cut, a word too long for the line is broken.

Break opportunities: spaces; between two CJK characters (no hyphen is added there); after
``-`` ``/`` ``_`` ``.`` ``?`` ``&`` ``=`` inside a long word such as a URL; and as a last
resort anywhere inside a word, marked with a hyphen. Closing CJK punctuation never starts
a line and opening punctuation never ends one (the basic kinsoku rule).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .textwidth import BOLD, char_em, em, is_wide

HYPHEN = "-"
MIN_FRAGMENT = 3
_SOFT_BREAK_AFTER = frozenset("-/_.?&=")
_NO_LINE_START = frozenset("，。、；：？！）」』】》〉’”…·,.;:?!)]}%")
_NO_LINE_END = frozenset("（「『【《〈‘“([{")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


@lru_cache(maxsize=16384)
def wrap(text: str, width: float, size: float, *, bold: bool = False) -> tuple[str, ...]:
    """Lines of ``text`` each at most ``width`` px wide at ``size`` px (one line for an empty text).

    Cached because the same stage names, channel names and scale labels are wrapped again
    and again when several pictures of one map (or a thousand similar maps) are drawn.
    """
    limit = width / (size * (BOLD if bold else 1.0))  # the line width in em
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        lines.extend(_wrap_paragraph(_SPACES.sub(" ", paragraph).strip(), limit))
    return tuple(lines) or ("",)


def _tokens(paragraph: str) -> list[str]:
    """Words, single spaces and single wide characters, with kinsoku glue applied."""
    if paragraph.isascii():  # the common case: words between single spaces, nothing to glue
        tokens = []
        for word in paragraph.split(" "):
            tokens += (word, " ")
        return tokens[:-1]
    tokens: list[str] = []
    word = ""
    for ch in paragraph:
        if ch == " ":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(" ")
        elif is_wide(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    glued: list[str] = []
    for tok in tokens:
        if glued and tok != " " and (tok[0] in _NO_LINE_START or glued[-1][-1] in _NO_LINE_END) and glued[-1] != " ":
            glued[-1] += tok
        else:
            glued.append(tok)
    return glued


def _wrap_paragraph(paragraph: str, limit: float) -> list[str]:
    if not paragraph:
        return [""]
    lines: list[str] = []
    line = ""
    line_em = 0.0
    pending_space = False
    space_em = char_em(" ")
    for tok in _tokens(paragraph):
        if tok == " ":
            pending_space = bool(line)
            continue
        tok_em = em(tok)
        joiner = " " if pending_space else ""
        extra = (space_em if pending_space else 0.0) + tok_em
        pending_space = False
        if line_em + extra <= limit:
            line += joiner + tok
            line_em += extra
            continue
        if line:
            lines.append(line)
            line, line_em = "", 0.0
        if tok_em <= limit:
            line, line_em = tok, tok_em
            continue
        pieces = _break_word(tok, limit)
        lines.extend(pieces[:-1])
        line = pieces[-1]
        line_em = em(line)
    if line:
        lines.append(line)
    return lines


def _break_word(word: str, limit: float) -> list[str]:
    """Split a word wider than the line into pieces that fit, preferring natural break points."""
    pieces: list[str] = []
    rest = word
    hyphen_em = char_em(HYPHEN)
    while em(rest) > limit:
        used = 0.0
        fit = 0  # characters that fit with a hyphen after them
        soft = 0  # the last natural break point within the fitting characters
        for i, ch in enumerate(rest):
            w = char_em(ch)
            if used + w > limit:
                break
            used += w
            if ch in _SOFT_BREAK_AFTER or is_wide(ch):
                soft = i + 1
            if used + hyphen_em <= limit:
                fit = i + 1
        if soft and soft < len(rest) and soft * 2 >= fit:  # a natural break, unless it wastes half the line
            pieces.append(rest[:soft])
            rest = rest[soft:]
        elif fit and rest[fit - 1].isalnum() and rest[fit].isalnum():
            # Keep at least MIN_FRAGMENT letters after the hyphen ("readers" -> "rea-ders", not "reade-rs").
            if len(rest) - fit < MIN_FRAGMENT <= fit - (MIN_FRAGMENT - (len(rest) - fit)):
                fit -= MIN_FRAGMENT - (len(rest) - fit)
            pieces.append(rest[:fit] + HYPHEN)
            rest = rest[fit:]
        else:
            # Not even one letter and a hyphen fit (or the break falls next to punctuation):
            # break without a hyphen rather than overflow the line.
            take = max(1, fit or 1)
            pieces.append(rest[:take])
            rest = rest[take:]
    pieces.append(rest)
    return pieces
