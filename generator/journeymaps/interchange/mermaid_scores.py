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
# Tops of the scales real diagrams use (1..5, 7-point, 1..10); Mermaid reads any number.
COMMON_TOPS = (MERMAID_MAX, 7, 10)
# A diagram's scores must fit a scale no wider than this (a typo such as 1e9 is not a scale).
MAX_ABS_SCORE = 1000


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


def fitted_range(values: Iterable[float]) -> tuple[int, int]:
    """The map scale that holds a diagram's own scores: 1..5 when they fit it, else from the lowest
    (at most 1) to the next common top (7, 10) or the highest score."""
    items = list(values)
    lo = min(MERMAID_MIN, math.floor(min(items, default=MERMAID_MIN)))
    top = math.ceil(max(items, default=MERMAID_MAX))
    return lo, next((t for t in COMMON_TOPS if top <= t), top)


def native_score(task_scores: Iterable[Fraction]) -> int:
    """A persona's score from the tasks they take part in, when the map keeps the diagram's scale."""
    return round_half_up(mean(task_scores))


def persona_score(task_scores: Iterable[Fraction], lo: int, hi: int) -> int:
    """A persona's score on min..max from the Mermaid scores of the tasks they take part in."""
    return round_half_up(from_mermaid(mean(task_scores), lo, hi))


def formula(lo: int, hi: int) -> str:
    """The mapping in words, for the comment at the top of an exported diagram."""
    return (f"mermaid = 1 + (score - ({lo})) * 4 / ({hi} - ({lo})); "
            f"score = {lo} + (mermaid - 1) * ({hi} - ({lo})) / 4; means and halves round up")
