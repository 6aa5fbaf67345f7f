"""The diff as a pull-request comment (GitHub-flavoured Markdown).

Map text is data: it is escaped so it cannot format, link, embed HTML, or notify anyone.
GitHub turns ``@name`` into a mention and ``#12`` into a cross-reference on the
rendered text, after Markdown escaping, so a word joiner is put after each ``@`` and
``#``: the comment shows the same characters but pings nobody.
"""

from __future__ import annotations

import re

from ..core.escape import inline
from .changes import MapDiff, Phrase, Report, Val
from .text import counts, state_words, where

MARKER = "<!-- journeymaps-diff -->"  # lets the workflow find and update its own comment
LIMIT = 60_000  # GitHub refuses comments over 65,536 characters
_WORD_JOINER = "\u2060"
_REFERENCE = re.compile(r"([@#])(?=\S)")


def escape(text: str) -> str:
    return inline(_REFERENCE.sub(lambda m: m.group(1) + _WORD_JOINER, text))


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
        lines += ["", "Run `journeymaps check` on this file for the details."]
    for section, phrases in d.by_section():
        lines += ["", f"**{section}**", ""]
        lines += [f"- {md(p)}" for p in phrases]
    return "\n".join(lines) + "\n"


def render(report: Report) -> str:
    head = [MARKER, "### Journey map changes", "",
            f"**{escape(report.base_label)}** → **{escape(report.head_label)}**: {counts(report)}", ""]
    if report.problems:
        head += [f"- ⚠️ {md(p)}" for p in report.problems] + [""]
    out = "\n".join(head)
    if not report.maps:
        return out + "No journey map changed.\n"
    for i, d in enumerate(report.maps):
        block = _block(d)
        if len(out) + len(block) > LIMIT:
            rest = len(report.maps) - i
            return out + (f"\n… and {rest} more map{'' if rest == 1 else 's'}: run `journeymaps diff` "
                          "locally for the full list.\n")
        out += "\n" + block
    return out
