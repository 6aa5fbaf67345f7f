"""A guide translation against its original: the same `##` sections in the same order, the
same map links (target and stage) in each section, the same `order` and `maps`.

Headings cannot be compared word for word across languages; the links inside each section
can, so a section moved, dropped or merged shows as a section whose links no longer match.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..core.findings import Finding
from ..core.phrase import Count, Joined, Phrase, phrase
from .worded import finding

Pos = tuple[int, int]
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_SECTION = re.compile(r"^## +(.+?)\s*#*\s*$")
_MAP_LINK = re.compile(r"\]\(\s*<?map:([^)\s>#]*)(?:#([^)\s>]*))?>?\s*\)")


@dataclass(frozen=True)
class Section:
    heading: str  # "" for the text before the first `##`
    line: int
    links: tuple[tuple[str, int, int], ...]  # ("map:id#stage", line, col)
    text: str = ""  # the section's lines below its heading

    def targets(self) -> Counter[str]:
        return Counter(t for t, _, _ in self.links)


def sections(body: str, body_line: int) -> list[Section]:
    """The body split at its `##` headings (outside code blocks), with the map links of each part."""
    out: list[Section] = []
    heading, start, links, lines = "", body_line, [], []
    fence: str | None = None
    for i, line in enumerate(body.split("\n")):
        n = body_line + i
        opened = _FENCE.match(line)
        m = _SECTION.match(line) if fence is None else None
        if not m:
            lines.append(line)
        if fence is not None:
            fence = None if opened and opened.group(1) == fence else fence
            continue
        if opened:
            fence = opened.group(1)
            continue
        if m:
            out.append(Section(heading, start, tuple(links), "\n".join(lines)))
            heading, start, links, lines = m.group(1), n, [], []
            continue
        for link in _MAP_LINK.finditer(line):
            target = f"map:{link.group(1)}" + (f"#{link.group(2)}" if link.group(2) else "")
            links.append((target, n, link.start() + 1))
    out.append(Section(heading, start, tuple(links), "\n".join(lines)))
    return out


@dataclass(frozen=True)
class GuideText:
    """The parts of a guide file the parity rule compares, with where they sit."""

    display: str
    id: str
    order: int
    maps: tuple[str, ...]
    sections: tuple[Section, ...]
    order_pos: Pos
    maps_pos: Pos


def check_parity(t: GuideText, o: GuideText) -> list[Finding]:
    """Findings on the translation ``t`` where it departs from its original ``o``."""
    out: list[Finding] = []

    def add(pos: Pos, message: Phrase, hint: Phrase) -> None:
        out.append(finding(t.display, *pos, "error", "guide-parity", message, hint))

    if t.order != o.order:
        add(t.order_pos, phrase("check.parity.order", order=t.order, original=o.id, theirs=o.order),
            phrase("check.parity.order.hint", order=o.order))
    if t.maps != o.maps:
        add(t.maps_pos, phrase("check.parity.maps", original=o.id), phrase("check.parity.maps.hint", maps=", ".join(o.maps)))
    if len(t.sections) != len(o.sections):
        headings = o.sections[1:]
        extra = t.sections[len(o.sections)] if len(t.sections) > len(o.sections) else t.sections[-1]
        add((extra.line, 1), phrase("check.parity.sections", here=Count("check.parity.section.", len(t.sections) - 1),
                                    there=Count("check.parity.section.", len(o.sections) - 1), original=o.id),
            phrase("check.parity.sections.hint",
                   sections=Joined(tuple(phrase("check.parity.heading", heading=s.heading, line=s.line)
                                         for s in headings), "; ")))
        # Sections no longer line up: compare the links of the whole guide instead.
        whole_t = Section("", t.sections[0].line, tuple(x for s in t.sections for x in s.links))
        whole_o = Section("", o.sections[0].line, tuple(x for s in o.sections for x in s.links))
        out += _links(t, o, whole_t, whole_o, phrase("check.parity.where.guide"))
        return out
    for number, (ts, os_) in enumerate(zip(t.sections, o.sections)):
        where = (phrase("check.parity.where.section", number=number, heading=ts.heading) if number
                 else phrase("check.parity.where.intro"))
        out += _links(t, o, ts, os_, where)
    return out


def _links(t: GuideText, o: GuideText, ts: Section, os_: Section, where: Phrase) -> list[Finding]:
    out = []
    theirs = (phrase("check.parity.theirs_at", heading=os_.heading, file=o.display, line=os_.line) if os_.heading
              else phrase("check.parity.theirs"))
    extra = ts.targets() - os_.targets()
    missing = os_.targets() - ts.targets()
    for target, line, col in ts.links:
        if extra[target] > 0:
            extra[target] -= 1
            out.append(finding(t.display, line, col, "error", "guide-parity",
                               phrase("check.parity.extra_link", where=where, target=target, theirs=theirs),
                               _expected(os_) if os_.links else phrase("check.parity.no_link_here.hint")))
    for target, count in sorted(missing.items()):
        line = next(ln for tg, ln, _ in os_.links if tg == target)
        message = (phrase("check.parity.missing_links", where=where, target=target, count=count, file=o.display,
                          line=line) if count > 1
                   else phrase("check.parity.missing_link", where=where, target=target, file=o.display, line=line))
        out.append(finding(t.display, ts.line, 1, "error", "guide-parity", message,
                           phrase("check.parity.missing_link.hint", target=target)))
    return out


def _expected(s: Section) -> Phrase:
    return phrase("check.parity.expected.hint", targets=", ".join(f"`{t}`" for t in sorted(s.targets())))
