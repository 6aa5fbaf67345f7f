"""The model of a semantic diff: what changed in which map, as values the renderers share.

A change is a *phrase*: our own words (plain ``str``) interleaved with text taken from a
map (``Val``). Keeping the two apart lets each renderer escape map text for where it
lands (a terminal, a Markdown pull-request comment) without ever escaping our words.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

from ..model.journey import JourneyMap
from ..words import label


@dataclass(frozen=True)
class Val:
    """Text that comes from a map or a file name: data, escaped by each renderer.

    ``quoted`` marks free text (a pain point, a title) shown in quotes; names and ids are not.
    ``code`` marks a value in no language (a study id, a web address): a page declares no
    language for it.
    """

    text: str
    quoted: bool = False
    code: bool = False


Part = str | Val
Phrase = tuple[Part, ...]

# Sections of a map's changes, in the order a reviewer reads them: keys of the wording catalogue.
SECTIONS = ("diff.stages", "diff.emotions", "lane.pain_points", "lane.opportunities", "lane.kpis", "lane.plays",
            "lane.touchpoints", "personas", "objectives", "diff.other")
Section = Literal["diff.stages", "diff.emotions", "lane.pain_points", "lane.opportunities", "lane.kpis", "lane.plays",
                  "lane.touchpoints", "personas", "objectives", "diff.other"]
SECTION_LANG = "en"  # the review's language (terminals, pull-request comments, grep)
# The language the diff's own words are built in: the review's unless a caller (a site's history
# page in zh, `journeymaps history --lang pl`) asks for another for the span of a ``with`` block.
# A context variable rather than a parameter: the words are picked two dozen calls deep in the
# comparison, and a value scoped to the block (and to the thread) cannot leak into another build.
_SPEAKING: ContextVar[str] = ContextVar("journeymaps_diff_language", default=SECTION_LANG)


def language() -> str:
    """The language the diff is being worded in."""
    return _SPEAKING.get()


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Word the diffs built and rendered inside the block in ``lang``."""
    token = _SPEAKING.set(lang)
    try:
        yield
    finally:
        _SPEAKING.reset(token)

State = Literal["added", "removed", "changed", "invalid"]


@dataclass(frozen=True)
class Change:
    section: Section
    phrase: Phrase


@dataclass(frozen=True)
class MapDiff:
    """One map's changes between the two sides. ``key`` is the map id (or the path of a file
    whose id cannot be read)."""

    key: str
    title: str
    state: State
    base_path: str | None
    head_path: str | None
    changes: tuple[Change, ...] = ()
    summary: Phrase = ()
    base_errors: int | None = None  # set when the map fails validation on that side
    head_errors: int | None = None
    # The loaded maps, for pictures (the overlay); not part of the comparison.
    base: JourneyMap | None = field(default=None, compare=False, repr=False)
    head: JourneyMap | None = field(default=None, compare=False, repr=False)

    def by_section(self) -> list[tuple[str, list[Phrase]]]:
        out = []
        for name in SECTIONS:
            phrases = [c.phrase for c in self.changes if c.section == name]
            if phrases:
                out.append((label(language(), name), phrases))
        return out


@dataclass(frozen=True)
class Report:
    base_label: str
    head_label: str
    maps: tuple[MapDiff, ...]
    unchanged: int
    # Files a side refused to read (symlinks, files too large), as phrases.
    problems: tuple[Phrase, ...] = ()

    def count(self, state: State) -> int:
        return sum(1 for m in self.maps if m.state == state)
