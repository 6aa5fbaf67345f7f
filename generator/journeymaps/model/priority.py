"""How opportunities are ranked: high impact for low effort first (shared by playbook, matrix and backlog)."""

from __future__ import annotations

from .journey import JourneyMap, Opportunity, Stage
from ..words import label

OPEN = ("idea", "planned", "piloting")
# The quadrant boundaries, on the 1..5 scales: the middle score 3 counts as high impact and as
# low effort, so every opportunity belongs to exactly one quadrant (none sits on a line).
HIGH_IMPACT_FROM = 3
LOW_EFFORT_UP_TO = 3


def score(o: Opportunity) -> int:
    """1..25: impact times effort saved; a 5-impact, 1-effort change scores 25."""
    return o.impact * (6 - o.effort)


def quadrant_key(o: Opportunity) -> str:
    """The quadrant's key in the wording catalogue: ``quadrant.`` + this."""
    if o.impact >= HIGH_IMPACT_FROM:
        return "quick_win" if o.effort <= LOW_EFFORT_UP_TO else "big_bet"
    return "fill_in" if o.effort <= LOW_EFFORT_UP_TO else "money_pit"


def quadrant(o: Opportunity, lang: str = "en") -> str:
    return label(lang, "quadrant." + quadrant_key(o))


def rank_key(o: Opportunity) -> tuple[int, int, int, str]:
    return (-score(o), -o.impact, o.effort, o.id)


def ranked(m: JourneyMap) -> list[tuple[Stage, Opportunity]]:
    """The map's opportunities, do-first first: position + 1 is the number the playbook's table
    and its priority matrix both show."""
    return sorted(((s, o) for s in m.stages for o in s.opportunities), key=lambda so: rank_key(so[1]))
