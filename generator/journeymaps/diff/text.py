"""The diff for a terminal: one line per change, grouped by map and section."""

from __future__ import annotations

from .changes import MapDiff, Phrase, Report, Val
from .words import counted, phrase, word


def plain(phrase: Phrase) -> str:
    out = []
    for part in phrase:
        if isinstance(part, Val):
            # One line per change: a line break in map text must not forge the next entry.
            text = " ".join(part.text.split())
            out.append(f'"{text}"' if part.quoted else text)
        else:
            out.append(part)
    return "".join(out)


def counts(report: Report) -> str:
    return word("diff.counts").format(changed=report.count("changed"), added=report.count("added"),
                                      removed=report.count("removed"), unchanged=report.unchanged)


def state_words(d: MapDiff) -> str:
    invalid = [counted("invalid_on.", n, side=side)
               for side, n in (("BASE", d.base_errors), ("HEAD", d.head_errors)) if n is not None]
    if d.state == "changed" and invalid:
        return word("clause_sep").join(invalid)
    return word("comma").join([word("state." + d.state), *invalid])


def where(d: MapDiff) -> Phrase:
    if d.base_path and d.head_path and d.base_path != d.head_path:
        return (Val(d.base_path), " -> ", Val(d.head_path))
    return (Val(d.head_path or d.base_path or ""),)


def render(report: Report) -> str:
    lines = [f"{word('diff.title')}{word('colon')}{plain((Val(report.base_label),))} -> {plain((Val(report.head_label),))}",
             counts(report)]
    for problem in report.problems:
        lines.append(plain(phrase("diff.warning", problem=problem)))
    for d in report.maps:
        lines.append("")
        lines.append(f"{plain((Val(d.key),))}: {state_words(d)}")
        title: Phrase = (Val(d.title, quoted=True), " ") if d.title and not d.summary else ()
        lines.append("  " + plain((*title, "(", *where(d), ")")))
        if d.summary:
            lines.append("  " + plain(d.summary))
        for section, phrases in d.by_section():
            lines.append(f"  {section}:")
            lines.extend(f"    - {plain(p)}" for p in phrases)
    if not report.maps:
        lines.append("")
        lines.append(word("diff.no_change"))
    return "\n".join(lines) + "\n"
