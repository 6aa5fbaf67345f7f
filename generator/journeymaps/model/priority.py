"""How opportunities are ranked: high impact for low effort first (shared by playbook and backlog)."""

from __future__ import annotations

from .journey import Opportunity

OPEN = ("idea", "planned", "piloting")


def score(o: Opportunity) -> int:
    """1..25: impact times effort saved; a 5-impact, 1-effort change scores 25."""
    return o.impact * (6 - o.effort)


def quadrant(o: Opportunity) -> str:
    if o.impact >= 3:
        return "quick win" if o.effort <= 3 else "big bet"
    return "fill-in" if o.effort <= 3 else "money pit"


def rank_key(o: Opportunity) -> tuple[int, int, int, str]:
    return (-score(o), -o.impact, o.effort, o.id)
