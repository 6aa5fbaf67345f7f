"""What the page builders produce: files in a docs tree and the navigation over them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from ..check.runner import GuideEntry, MapEntry
from ..core.findings import Finding
from ..diff.history import Repositories
from ..model.journey import JourneyMap
from ..model.vocabulary import Vocabulary
from .templates import Templates

Kind = Literal["page", "svg", "png", "pdf", "json", "mermaid"]

_SVG_SLOT = re.compile(r"<!--jm-svg:(\d+)-->")


def svg_slot(index: int) -> str:
    return f"<!--jm-svg:{index}-->"


@dataclass
class Pictures:
    """The pictures drawn inline in one page, in slot order. The page's Markdown holds a slot (an
    HTML comment) in each one's place and the markup travels beside it (``VirtualFile.svgs``):
    neither the Markdown converter nor a search indexer has to read 15 KB of SVG per picture
    (FIELD-NOTES 2b), and an engine puts them back by value."""

    svgs: list[str] = field(default_factory=list)

    def slot(self, svg: str) -> str:
        self.svgs.append(svg)
        return svg_slot(len(self.svgs) - 1)

    def aside(self, html: str) -> str:
        """A block of raw HTML set aside like a picture (the home page's cards and heat map: a few
        KB per map, which Markdown would only copy and the search index skips): a slot in its place.
        Slots already inside it are filled first, since slots are filled in one pass."""
        return self.slot(fill_svg_slots(html, tuple(self.svgs)))


def fill_svg_slots(text: str, svgs: tuple[str | bytes, ...]) -> str:
    """``text`` with each slot replaced by its picture (Markdown, or the HTML made from it); a
    picture may be held as UTF-8 (see `held_as_utf8`)."""
    if not svgs:
        return text

    def picture(m: re.Match) -> str:
        i = int(m.group(1))
        if i >= len(svgs):
            return m.group(0)
        svg = svgs[i]
        return svg.decode("utf-8") if isinstance(svg, bytes) else svg

    return _SVG_SLOT.sub(picture, text)


def held_as_utf8(files: list[VirtualFile], svg: str) -> list[VirtualFile]:
    """``files`` with ``svg`` (a map's diagram: its download and the picture inlined in its pages,
    one string) held as UTF-8 bytes instead. Python keeps a string with one character past
    Latin-1 (a curly quote) at two bytes a character, a map's diagram included; a build holds
    every map's diagram until its page is written (issue 16: memory)."""
    held = svg.encode("utf-8")

    def swap(value):
        return held if value is svg else value

    return [replace(f, content=swap(f.content), svgs=tuple(swap(v) for v in f.svgs))
            if f.content is svg or any(v is svg for v in f.svgs) else f for f in files]


@dataclass(frozen=True)
class VirtualFile:
    """One file of the docs tree, held in memory."""

    path: str  # POSIX path inside the docs tree, e.g. "maps/online-banking/index.md"
    content: str | bytes
    kind: Kind
    source_path: str | None = None  # repository path of the map/guide it comes from (edit link)
    title: str | None = None
    svgs: tuple[str | bytes, ...] = ()  # a page's inline pictures; its content holds svg_slot(i) for each

    def data(self) -> bytes:
        """The file as written to a docs tree: a page with its pictures in place."""
        if isinstance(self.content, bytes):
            return self.content
        return fill_svg_slots(self.content, self.svgs).encode("utf-8")


@dataclass(frozen=True)
class NavItem:
    """A navigation entry: a page (path) or a section (children, optionally led by an index page)."""

    title: str
    path: str | None = None
    children: tuple[NavItem, ...] = ()


@dataclass(frozen=True)
class Failure:
    """A map file that failed the check (shown on its page under `mkdocs serve`)."""

    display: str
    findings: tuple[Finding, ...]
    map_id: str | None = None


@dataclass
class Site:
    files: list[VirtualFile]
    nav: list[NavItem]
    png_rendered: int = 0  # PNGs rendered in this build (the rest came from the cache)
    png_cached: int = 0
    pdf_rendered: int = 0  # PDF posters, likewise
    pdf_cached: int = 0


@dataclass(frozen=True)
class SiteContext:
    """Everything a page builder may look at, with the cross-references computed once."""

    vocab: Vocabulary
    maps: tuple[MapEntry, ...]
    guides: tuple[GuideEntry, ...]
    site_name: str
    failures: tuple[Failure, ...] = ()
    cited_by: dict[str, tuple[GuideEntry, ...]] = field(default_factory=dict)
    templates: Templates = field(default_factory=Templates)  # the site's page templates
    lang: str = "en"  # the language of this site (one site per language: pages/languages.py)
    # Translations this language's site publishes but does not list (its own language's version,
    # or the original, stands for their group in `maps`): links to them still resolve.
    unlisted: tuple[MapEntry, ...] = ()
    review_overdue: frozenset[str] = frozenset()  # ids of maps the check found overdue for review (`stale-review`)
    repositories: Repositories = field(default_factory=Repositories, compare=False)  # git facts, asked once a build
    # The PNG and PDF poster are published files (the `png` switch); else the reader's browser
    # makes them from the page (theme/assets/javascripts/exports.js), off the build's path.
    picture_files: bool = False

    # Indexes over the published maps, built on first use and kept for this context (one build):
    # a page builder asks about other maps once per map, and a scan each time made the site
    # quadratic in the number of maps.
    @cached_property
    def by_id(self) -> dict[str, MapEntry]:
        """Map id -> entry, for every map this site publishes (listed first, as a scan finds it)."""
        out: dict[str, MapEntry] = {}
        for e in (*self.maps, *self.unlisted):
            out.setdefault(e.map.id, e)
        return out

    @cached_property
    def _based_on(self) -> dict[str, list[tuple[int, MapEntry]]]:
        """As-is map id -> (place on the site, to-be map) for each published map naming it in ``based_on``."""
        out: dict[str, list[tuple[int, MapEntry]]] = {}
        for i, e in enumerate((*self.maps, *self.unlisted)):
            if e.map.based_on is not None:
                out.setdefault(e.map.based_on, []).append((i, e))
        return out

    def entry(self, map_id: str) -> MapEntry | None:
        return self.by_id.get(map_id)

    def to_be_of(self, m: JourneyMap) -> tuple[MapEntry, ...]:
        """The to-be maps that redesign ``m`` or one of its translations (their ``based_on``), in site order."""
        found = {i: e for key in {m.id, *m.translations.values()} for i, e in self._based_on.get(key, ())}
        return tuple(found[i] for i in sorted(found))


_GUIDE_MAP_LINK = re.compile(r"\]\(\s*<?map:([a-z0-9-]+)")


def guides_citing(guides: tuple[GuideEntry, ...]) -> dict[str, tuple[GuideEntry, ...]]:
    """Map id -> guides that name it in their front matter or link to it from their body."""
    out: dict[str, list[GuideEntry]] = {}
    for g in guides:
        ids = dict.fromkeys([*g.meta.maps, *_GUIDE_MAP_LINK.findall(g.body)])
        for map_id in ids:
            out.setdefault(map_id, []).append(g)
    return {k: tuple(v) for k, v in out.items()}
