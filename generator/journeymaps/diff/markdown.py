"""The diff as a pull-request comment (GitHub-flavoured Markdown).

Map text is data: it is escaped so it cannot format, link, embed HTML, or notify anyone.
GitHub links parts of the rendered text, after Markdown escaping: ``@name`` (a mention),
``#12`` and ``GH-12`` (references), bare ``https://`` URLs and ``www.`` hosts, and commit
SHAs. So a word joiner (U+2060, invisible) goes where it breaks each pattern: after ``@``
and ``#``, between ``GH`` and ``-``, between the scheme and ``://``, between ``www`` and
``.``, and after every 6th digit of a hex run long enough to be a SHA (7 or more). The
comment shows the same characters but links and pings nothing.
"""

from __future__ import annotations

import re

from ..core.escape import inline
from .changes import MapDiff, Phrase, Report, Val
from .text import counts, state_words, where
from .words import counted, word

MARKER = "<!-- journeymaps-diff -->"  # lets the workflow find and update its own comment
LIMIT = 60_000  # GitHub refuses comments over 65,536 characters
_WORD_JOINER = "\u2060"
# Each match ends where a word joiner goes.
_AUTOLINKED = re.compile(r"[@#](?=\S)|(?i:\bgh)(?=-\d)|(?i:\bhttps?)(?=://)|(?i:\bwww)(?=\.)")
_HEX_RUN = re.compile(r"\b[0-9a-fA-F]{7,}\b")  # a SHA is 7 to 40 of them; longer runs cost nothing
_SHA_PIECE = re.compile(r"[0-9a-fA-F]{6}(?=[0-9a-fA-F])")


def defang(text: str) -> str:
    """``text`` with a word joiner wherever GitHub would otherwise link or notify."""
    text = _HEX_RUN.sub(lambda m: _SHA_PIECE.sub(lambda p: p.group() + _WORD_JOINER, m.group()), text)
    return _AUTOLINKED.sub(lambda m: m.group() + _WORD_JOINER, text)


def escape(text: str) -> str:
    return inline(defang(text))


def md(phrase: Phrase) -> str:
    out = []
    for part in phrase:
        if isinstance(part, Val):
            out.append(f'"{escape(part.text)}"' if part.quoted else escape(part.text))
        else:
            out.append(part.replace(" -> ", " → "))
    return "".join(out)


def _block(d: MapDiff) -> str:
    lines = [f"#### {escape(d.key)}: {state_words(d)}", ""]
    title: Phrase = (Val(d.title, quoted=True), " · ") if d.title and not d.summary else ()
    lines.append(md((*title, *where(d))))
    if d.summary:
        lines += ["", md(d.summary)]
    if d.base_errors is not None or d.head_errors is not None:
        lines += ["", word("diff.run_check")]
    for section, phrases in d.by_section():
        lines += ["", f"**{section}**", ""]
        lines += [f"- {md(p)}" for p in phrases]
    return "\n".join(lines) + "\n"


def render(report: Report) -> str:
    head = [MARKER, f"### {word('diff.title')}", "",
            f"**{escape(report.base_label)}** → **{escape(report.head_label)}**: {counts(report)}", ""]
    if report.problems:
        head += [f"- ⚠️ {md(p)}" for p in report.problems] + [""]
    out = "\n".join(head)
    if not report.maps:
        return out + word("diff.no_change") + "\n"
    for i, d in enumerate(report.maps):
        block = _block(d)
        if len(out) + len(block) > LIMIT:
            rest = len(report.maps) - i
            return out + "\n" + counted("more_maps.", rest) + "\n"
        out += "\n" + block
    return out
