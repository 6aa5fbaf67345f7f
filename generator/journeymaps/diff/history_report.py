"""A map's history as text (a terminal), Markdown (a comment or a wiki) or JSON (tools).

Every renderer says the same things in the diff's own words: per commit its date, author,
short SHA and subject, then the changes grouped by section. Commit authors and subjects are
data, like map text, and are escaped the same way.
"""

from __future__ import annotations

import json

from .changes import Change, MapDiff, Phrase, Val
from .history import Entry, History
from .markdown import escape, md
from .text import plain, state_words
from .words import counted, word


def shortened(history: History) -> str:
    return word("history.cli.shortened").format(commits=counted("n.commits.", history.commits))


def state(entry: Entry) -> str:
    """What the commit did to the map, in one word or phrase."""
    if not entry.parent_known:
        return word("history.cli.unknown")
    if entry.diff is None:
        return word("history.cli.formatting")
    return state_words(entry.diff).replace("BASE", word("history.cli.parent")).replace("HEAD", word("history.cli.this_commit"))


def _lines(d: MapDiff | None) -> list[tuple[str | None, Phrase]]:
    """(section heading or None, phrase): the summary of an added map, then each change."""
    if d is None:
        return []
    out: list[tuple[str | None, Phrase]] = [(None, d.summary)] if d.summary else []
    for section, phrases in d.by_section():
        out += [(section, p) for p in phrases]
    return out


def text(history: History) -> str:
    lines = [word("history.cli.title").format(path=plain((Val(history.path),)),
                                              commits=counted("n.commits.", len(history.entries)))]
    if history.shallow:
        lines.append(word("history.cli.note").format(text=shortened(history)))
    for e in history.entries:
        c = e.commit
        lines += ["", f"{c.short}  {c.date[:10]}  {plain((Val(c.author),))}  {plain((Val(c.subject),))}",
                  f"  {state(e)}"]
        shown = None
        for section, phrase in _lines(e.diff):
            if section is None:
                lines.append("  " + plain(phrase))
                continue
            if section != shown:
                lines.append(f"  {section}{word('colon').rstrip()}")
                shown = section
            lines.append(f"    - {plain(phrase)}")
    return "\n".join(lines) + "\n"


def markdown(history: History) -> str:
    lines = ["### " + word("history.cli.md_title").format(path=escape(history.path)), "",
             word("history.cli.md_count").format(commits=counted("n.commits.", len(history.entries)))]
    if history.shallow:
        lines += ["", f"> ⚠️ {shortened(history)}"]
    for e in history.entries:
        c = e.commit
        lines += ["", f"#### {c.date[:10]} · `{c.short}` · {escape(c.subject)}", "",
                  word("history.cli.by").format(author=escape(c.author), state=state(e))]
        shown = None
        for section, phrase in _lines(e.diff):
            if section is None:
                lines += ["", md(phrase)]
                continue
            if section != shown:
                lines += ["", f"**{section}**", ""]
                shown = section
            lines.append(f"- {md(phrase)}")
    return "\n".join(lines) + "\n"


def _parts(phrase: Phrase) -> list[object]:
    return [{"map_text": p.text, "quoted": p.quoted} if isinstance(p, Val) else p for p in phrase]


def _change(c: Change) -> dict[str, object]:
    return {"section": c.section.split(".")[-1], "text": plain(c.phrase), "parts": _parts(c.phrase)}


def record(e: Entry) -> dict[str, object]:
    """One commit as data: the change records are the diff's, each as plain text and as parts
    (our words as strings, map text as objects) so a tool can tell the two apart."""
    c, d = e.commit, e.diff
    return {"commit": c.sha, "short": c.short, "date": c.date, "author": c.author, "subject": c.subject,
            "path": c.path, "state": d.state if d is not None else ("unknown" if not e.parent_known else "unchanged"),
            "previous_path": d.base_path if d is not None else None, "parent_known": e.parent_known,
            "errors": None if d is None or (d.base_errors is None and d.head_errors is None)
            else {"parent": d.base_errors, "commit": d.head_errors},
            "summary": plain(d.summary) if d is not None and d.summary else None,
            "changes": [_change(ch) for ch in d.changes] if d is not None else []}


def as_json(history: History) -> str:
    return json.dumps([record(e) for e in history.entries], indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": text, "markdown": markdown, "json": as_json}
