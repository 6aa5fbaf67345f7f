"""Text inside a Mermaid `journey` diagram: escaping, unescaping and ids made from it.

Mermaid's journey lexer ends a task or section text at `:` `;` `#` and the line end, reads `%%`
as a comment, and splits actors at `,`. Before lexing, Mermaid turns entity codes `#NN;` and
`#name;` into placeholders and shows them as the character, and it draws `<br>` as a line break.
So text is made safe by writing each troublesome character as its decimal entity code (`:` is
`#58;`) and each line break as `<br>`; ``unescape`` inverts exactly that, so export then import
gives back the same text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

# Characters that end a token or start a comment in every text position; `<` so that a literal
# `<br>` in a map is not read back as a line break; `ﬂ` and `¶` because Mermaid's own entity
# placeholders are made of them.
_ALWAYS = frozenset("#:;<\ufb02\u00b6")
# Task lines must not start with a keyword of the lexer (it is case-insensitive and matches
# prefixes: `Title search: 5` would become a title), nor with `%`, which there starts a comment.
_KEYWORD_START = re.compile(r"journey|title\s|section\s|acctitle\s*:|accdescr\s*[:{]|%", re.IGNORECASE)
_TOKEN = re.compile(r"<br\s*/?>|#([A-Za-z0-9_]+);", re.IGNORECASE)
# What the map loader refuses (journeymaps.load.yaml12), plus surrogates, which UTF-8 cannot hold.
_NOT_ALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _code(ch: str) -> str:
    return f"#{ord(ch)};"


def escape(text: str, *, also: str = "", line_start: bool = False) -> str:
    """``text`` as Mermaid can hold it in one token. ``also``: more characters to encode
    (`,` for actors, `}` inside `accDescr { }`). ``line_start``: the text begins a line (a task)."""
    if _needs_no_code(text, also):  # most text: nothing to encode, no walk character by character
        result = text
    else:
        result = _encoded(text, also)
    if line_start and _KEYWORD_START.match(result):
        result = _code(result[0]) + result[1:]
    return result


# What makes ``_encoded`` write a code somewhere: a line break, a mark of `_ALWAYS`, a control
# character (category Cc is exactly these two ranges) or a `%`; whitespace only at either end.
_SPECIAL = re.compile("[#:;<\ufb02\u00b6%\x00-\x1f\x7f-\x9f]")


def _needs_no_code(text: str, also: str) -> bool:
    if not text:
        return True
    edges = text[0] + text[-1]
    return (_SPECIAL.search(text) is None and not any(ch.isspace() or ch == "\ufeff" for ch in edges)
            and not (also and any(ch in also for ch in text)))


def _encoded(text: str, also: str) -> str:
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append("<br>")
        elif (ch in _ALWAYS or ch in also or unicodedata.category(ch) == "Cc"
              or (ch == "%" and ((i > 0 and text[i - 1] == "%") or (i < last and text[i + 1] == "%")))
              or ((ch.isspace() or ch == "\ufeff") and (i == 0 or i == last))):
            # `%%` starts a comment; edge whitespace (JavaScript's, which includes U+FEFF) would
            # be trimmed away by Mermaid.
            out.append(_code(ch))
        else:
            out.append(ch)
    return "".join(out)


def unescape(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Decode `<br>` and entity codes; also return the codes that make no character a map can hold,
    as (offset in ``text``, the code as written)."""
    problems: list[tuple[int, str]] = []

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name is None:
            return "\n"
        if name.isdigit():
            number = int(name)
            if number > 0x10FFFF or _NOT_ALLOWED.match(chr(number)):
                problems.append((m.start(), m.group()))
                return m.group()
            return chr(number)
        decoded = html.unescape(f"&{name};")
        return m.group() if decoded == f"&{name};" else decoded

    return _TOKEN.sub(one, text), problems


# Latin letters that Unicode does not decompose into a base letter plus a mark.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


def slug(text: str, *, max_length: int = 64) -> str:
    """A map id from ``text``: accents dropped, other scripts dropped (no transliteration); may be empty."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:max_length].rstrip("-")


def unique_id(base: str, used: set[str], fallback: str) -> str:
    """``base`` (or ``fallback`` when empty), with `-2`, `-3` ... appended until unused; records it."""
    stem = base or fallback
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        suffix = f"-{n}"
        candidate = stem[:64 - len(suffix)].rstrip("-") + suffix
    used.add(candidate)
    return candidate


def dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
