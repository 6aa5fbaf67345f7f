"""How opportunities are ranked: high impact for low effort first (shared by playbook and backlog)."""

from __future__ import annotations

from .journey import Opportunity
from ..words import label

OPEN = ("idea", "planned", "piloting")


def score(o: Opportunity) -> int:
    """1..25: impact times effort saved; a 5-impact, 1-effort change scores 25."""
    return o.impact * (6 - o.effort)


def quadrant_key(o: Opportunity) -> str:
    """The quadrant's key in the wording catalogue: ``quadrant.`` + this."""
    if o.impact >= 3:
        return "quick_win" if o.effort <= 3 else "big_bet"
    return "fill_in" if o.effort <= 3 else "money_pit"


def quadrant(o: Opportunity, lang: str = "en") -> str:
    return label(lang, "quadrant." + quadrant_key(o))


def rank_key(o: Opportunity) -> tuple[int, int, int, str]:
    return (-score(o), -o.impact, o.effort, o.id)
