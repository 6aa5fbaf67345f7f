"""Escape map text for the context it lands in (FIELD-NOTES section 3: text is data).

Three contexts reach a generated page:

* inline text (titles, pain points, KPI names, table cells): every character that
  Markdown, its extensions (`attr_list`, tables) or a template engine could read as syntax
  becomes a character reference, so `|`, `{: onclick=... }`, `{{ }}` and `<script>` show as
  typed and do nothing;
* narrative Markdown (`notes`, guide bodies): authors may format, but raw HTML is shown as
  text, `{` cannot start an attribute list or a template tag, and links survive only when
  they point at http(s), mailto, a relative path or one of our `map:`/`guide:` references;
* URLs and HTML attributes: percent-encoded paths, quoted attribute values.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from .markdown import FENCE, closes
from .text import CONTROL

# Characters that start inline syntax anywhere in a line, with the extensions the site enables
# (tables, attr_list, md_in_html) or in a template engine: `{` covers `{:`, `{#`, `{{`, `{%`;
# `[` covers links and images (`!`, `(` and `)` mean nothing without it). Every reference
# is work for the Markdown converter, so only these are escaped (FIELD-NOTES 2b: page cost).
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]|~"}
_INLINE.update({"<": "&lt;", ">": "&gt;", "&": "&amp;"})
_INLINE_TABLE = str.maketrans(_INLINE)
# What makes a block only at the start of a line: a heading, a list, a setext underline.
_LEADING_BLOCK = re.compile(r"^(\s*)([-=+#:]|\d+(?=[.)]))")


def strip_controls(text: str) -> str:
    return CONTROL.sub("", text)


# What a step of `inline` would change: a character it escapes or strips, a space other than " "
# (none lies above U+3000). Text with none of them and no two spaces, that neither starts with a
# block marker nor starts or ends with a space, comes back as it is: most titles and sentences, and pages
# call `inline` for every value they show (one class to scan is ten times faster than the steps).
_OTHER_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " ")
_CHANGED = re.compile(f"{CONTROL.pattern}|[{re.escape(''.join(_INLINE) + _OTHER_SPACES)}]")


def inline(text: object) -> str:
    """Text shown as typed inside a Markdown paragraph, list item, heading or table cell."""
    s = str(text)
    if s and s[0] != " " != s[-1] and "  " not in s and not _CHANGED.search(s) and not _LEADING_BLOCK.match(s):
        return s
    return _inline_steps(s)


def _inline_steps(s: str) -> str:
    s = strip_controls(s)
    s = " ".join(s.split())  # one line: a newline could start a block (heading, list, table row)
    s = s.translate(_INLINE_TABLE)
    # "-" or "1." at the very start would make a list or a setext underline.
    return _LEADING_BLOCK.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), s)


def attr(text: object) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(strip_controls(str(text)), quote=True)


def html_text(text: object) -> str:
    """Text inside raw HTML that Markdown leaves alone (a `markdown="0"` block, a nav title)."""
    return html.escape(" ".join(strip_controls(str(text)).split()), quote=False)


def code_line(text: object) -> str:
    """One line of a fenced code block, shown as typed: on one line, and with no run of three
    backticks, which would close the fence."""
    return " ".join(str(text).splitlines()).replace("```", "'''")


def url_path(path: str) -> str:
    """A relative path safe to put in a Markdown link or an href: each segment percent-encoded."""
    return quote(path, safe="/#.-_~")


# ---------------------------------------------------------------------------------------
# Narrative Markdown

_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
# A link's target may hold one level of balanced parentheses, as Markdown allows.
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?((?:[^()\s<>]|\([^()\s<>]*\))*)>?"
                          r"(?:\s+(\"[^\"]*\"|'[^']*'))?\s*\)")
_REF_DEF = re.compile(r"^( {0,3})\[([^\]]+)\]:\s*<?(\S*?)>?(\s.*)?$")
_SAFE_SCHEMES = ("http", "https", "mailto")

Resolver = Callable[[str, str], str | None]
"""Turns a `map:`/`guide:` reference (scheme, rest) into a relative URL, or None if unknown."""


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def safe_url(url: str, resolve: Resolver | None = None) -> str | None:
    """The URL to keep for a link, or None to drop the link and keep its text.

    Judged the way a browser reads it: entities decoded (`jav&#97;script:`) and tabs, newlines
    and other controls removed (`java\tscript:`) before the scheme is looked at."""
    cleaned = re.sub(r"[\s\x00-\x1f\x7f]", "", html.unescape(url))
    m = _SCHEME.match(cleaned)
    if m:
        scheme = m.group(1).lower()
        if scheme in ("map", "guide"):
            return resolve(scheme, cleaned[m.end():]) if resolve else None
        return cleaned if scheme in _SAFE_SCHEMES else None
    if cleaned.startswith(("//", "\\", "/\\")) or "\\" in cleaned:
        return None  # protocol-relative or backslash tricks: leaves the site
    return cleaned


def narrative(md: str, resolve: Resolver | None = None) -> str:
    """Author Markdown with raw HTML shown as text and only safe links kept."""
    out: list[str] = []
    # Lines of the current paragraph: inline syntax (a link's text, a code span) may run over
    # a line break, so a paragraph is read whole, never line by line.
    para: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if para:
            out.append(_inline_narrative("\n".join(para), resolve))
            para.clear()

    for line in strip_controls(md).replace("\r\n", "\n").split("\n"):
        m = FENCE.match(line)
        if fence is not None:
            out.append(line)
            if closes(fence, line):
                fence = None
            continue
        if m:
            flush()
            fence = m.group(2)
            out.append(line)
            continue
        if not para and line.startswith("    ") and out and (not out[-1].strip() or out[-1].startswith("    ")):
            out.append(line)  # indented code block: shown literally already
            continue
        ref = _REF_DEF.match(line)
        if ref:
            flush()
            target = safe_url(ref.group(3), resolve)
            # An unsafe definition is dropped: `[text][ref]` then shows as plain text.
            out.append(f"{ref.group(1)}[{_neutral(ref.group(2))}]: {_link_target(target)}" if target else "")
            continue
        if not line.strip():
            flush()
            out.append(line)
            continue
        para.append(line)
    flush()
    if fence is not None:
        # Left open, the fence would run on over the page's own headings (a fence of the very
        # same characters closes it for every Markdown engine, strict Python-Markdown included).
        out.append(fence)
    return "\n".join(out)


def _inline_narrative(line: str, resolve: Resolver | None) -> str:
    pieces: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(line):
        pieces.append(_text_narrative(line[pos:m.start()], resolve))
        pieces.append(m.group(0))  # code spans are rendered escaped by Markdown itself
        pos = m.end()
    pieces.append(_text_narrative(line[pos:], resolve))
    return "".join(pieces)


def _text_narrative(text: str, resolve: Resolver | None) -> str:
    pieces: list[str] = []
    pos = 0
    for m in _INLINE_LINK.finditer(text):
        pieces.append(_neutral(text[pos:m.start()]))
        bang, label, target = m.group(1), m.group(2), m.group(3)
        url = safe_url(target, resolve)
        shown = _neutral(label)
        if bang:
            # Pictures from elsewhere would be fetched at view time: show the alt text instead.
            pieces.append(shown)
        elif url is None:
            pieces.append(shown)
        else:
            pieces.append(f"[{shown}]({_link_target(url)})")
        pos = m.end()
    pieces.append(_neutral(text[pos:]))
    return "".join(pieces)


def _link_target(url: str) -> str:
    if urlsplit(url).scheme:
        return quote(url, safe=":/?#[]@!$&'*+,;=%-._~")
    return quote(url, safe="/#%-._~")


def _neutral(text: str) -> str:
    """Outside code and the links we checked: `<` cannot open HTML, `{` cannot open attr_list or
    Jinja, and `](` cannot start a link whose target we did not see (one our pattern missed)."""
    return (text.replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;")
            .replace("](", "&#93;(").replace("]<", "&#93;<"))
