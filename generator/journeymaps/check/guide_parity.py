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

    def add(pos: Pos, message: str, hint: str) -> None:
        out.append(Finding(t.display, *pos, "error", "guide-parity", message, hint))

    if t.order != o.order:
        add(t.order_pos, f"`order` is {t.order}, the original `{o.id}` has {o.order}", f"set `order: {o.order}`")
    if t.maps != o.maps:
        add(t.maps_pos, f"`maps` differs from the original `{o.id}`", f"set `maps: [{', '.join(o.maps)}]`")
    if len(t.sections) != len(o.sections):
        headings = o.sections[1:]
        extra = t.sections[len(o.sections)] if len(t.sections) > len(o.sections) else t.sections[-1]
        add((extra.line, 1), f"{_count(len(t.sections) - 1)} here, {_count(len(o.sections) - 1)} in the original `{o.id}`",
            "translate every section of the original, in its order: "
            + "; ".join(f"`## {s.heading}` (line {s.line})" for s in headings))
        # Sections no longer line up: compare the links of the whole guide instead.
        whole_t = Section("", t.sections[0].line, tuple(x for s in t.sections for x in s.links))
        whole_o = Section("", o.sections[0].line, tuple(x for s in o.sections for x in s.links))
        out += _links(t, o, whole_t, whole_o, "the guide")
        return out
    for number, (ts, os_) in enumerate(zip(t.sections, o.sections)):
        where = f"section {number} (`## {ts.heading}`)" if number else "the text before the first `##`"
        out += _links(t, o, ts, os_, where)
    return out


def _links(t: GuideText, o: GuideText, ts: Section, os_: Section, where: str) -> list[Finding]:
    out = []
    theirs = f"the original's (`## {os_.heading}`, {o.display}:{os_.line})" if os_.heading else "the original's"
    extra = ts.targets() - os_.targets()
    missing = os_.targets() - ts.targets()
    for target, line, col in ts.links:
        if extra[target] > 0:
            extra[target] -= 1
            out.append(Finding(t.display, line, col, "error", "guide-parity",
                               f"{where} links to `{target}`, {theirs} does not",
                               _expected(os_) if os_.links else "the original has no map link here; drop it or "
                               "move it to the section that has it"))
    for target, count in sorted(missing.items()):
        line = next(ln for tg, ln, _ in os_.links if tg == target)
        out.append(Finding(t.display, ts.line, 1, "error", "guide-parity",
                           f"{where} lacks the link to `{target}`" + (f" ({count} times)" if count > 1 else "")
                           + f" that the original has ({o.display}:{line})",
                           f"link to it as the original does, e.g. `[...]({target})`"))
    return out


def _count(n: int) -> str:
    return f"{n} `##` section" + ("" if n == 1 else "s")


def _expected(s: Section) -> str:
    return "the original links here to " + ", ".join(f"`{t}`" for t in sorted(s.targets()))
