"""Emotion scores to and from Mermaid's fixed 1..5 task scores.

A map's scale min..max maps linearly onto 1..5: ``mermaid = 1 + (score - min) * 4 / (max - min)``
(so -2..+2 is simply ``score + 3``), and back with ``score = min + (mermaid - 1) * (max - min) / 4``.
Mermaid has one score per task, not per persona, so a task shows the mean of the mapped scores
of the personas listed after it. Means and non-integer results are rounded half up (2.5 -> 3,
-1.5 -> -1). Arithmetic is exact (fractions), so the same inputs give the same score everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

MERMAID_MIN, MERMAID_MAX = 1, 5
MERMAID_NEUTRAL = 3


def round_half_up(x: Fraction) -> int:
    return math.floor(x + Fraction(1, 2))


def to_mermaid(score: Fraction | int, lo: int, hi: int) -> Fraction:
    if hi <= lo:  # an invalid scale is the checker's to report; draw it neutral
        return Fraction(MERMAID_NEUTRAL)
    return MERMAID_MIN + (Fraction(score) - lo) * (MERMAID_MAX - MERMAID_MIN) / (hi - lo)


def from_mermaid(value: Fraction | int, lo: int, hi: int) -> Fraction:
    return lo + (Fraction(value) - MERMAID_MIN) * (hi - lo) / (MERMAID_MAX - MERMAID_MIN)


def mean(values: Iterable[Fraction | int]) -> Fraction:
    items = [Fraction(v) for v in values]
    return sum(items, Fraction(0)) / len(items)


def task_score(scores: Iterable[int], lo: int, hi: int) -> int:
    """The Mermaid score of a task done by personas with these scores (neutral when none)."""
    items = list(scores)
    if not items:
        return MERMAID_NEUTRAL
    return round_half_up(mean(to_mermaid(s, lo, hi) for s in items))


def persona_score(task_scores: Iterable[Fraction], lo: int, hi: int) -> int:
    """A persona's score on min..max from the Mermaid scores of the tasks they take part in."""
    return round_half_up(from_mermaid(mean(task_scores), lo, hi))


def formula(lo: int, hi: int) -> str:
    """The mapping in words, for the comment at the top of an exported diagram."""
    return (f"mermaid = 1 + (score - ({lo})) * 4 / ({hi} - ({lo})); "
            f"score = {lo} + (mermaid - 1) * ({hi} - ({lo})) / 4; means and halves round up")
