"""Emotion data shared by the pictures: one series per persona, the axis ticks, value labels."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.journey import EmotionScale, JourneyMap, Persona
from ..model.resolve import score_label
from .fmt import signed

MAX_TICKS = 11
_NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)


@dataclass(frozen=True)
class Series:
    persona: Persona
    index: int  # position of the persona in the map: picks its style
    values: tuple[int | None, ...]  # one per stage; None where the stage has no score for the persona

    def scored(self) -> list[tuple[int, int]]:
        return [(i, v) for i, v in enumerate(self.values) if v is not None]


def series_of(m: JourneyMap) -> list[Series]:
    """Personas that have at least one score, in map order."""
    out = []
    for index, persona in enumerate(m.personas):
        values = tuple(stage.emotions.get(persona.id) for stage in m.stages)
        if any(v is not None for v in values):
            out.append(Series(persona, index, values))
    return out


def value_text(scale: EmotionScale, value: float) -> str:
    """``+2``/``−1`` on a scale around zero, plain ``4`` on a 1..5 scale."""
    return signed(value, always_sign=scale.min < 0)


def ticks(scale: EmotionScale) -> list[int]:
    """Values marked on the axis: every value of a short scale; otherwise ends, labels and round steps."""
    lo, hi = scale.min, scale.max
    if hi - lo + 1 <= MAX_TICKS:
        return list(range(lo, hi + 1))
    marked = {lo, hi} | {lbl.value for lbl in scale.labels if lo <= lbl.value <= hi}
    step = next((s for s in _NICE_STEPS if (hi - lo) / s <= MAX_TICKS - 1), _NICE_STEPS[-1])
    start = -(-lo // step) * step
    marked |= set(range(start, hi + 1, step))
    return sorted(marked)


def tick_text(scale: EmotionScale, value: int) -> str:
    label = score_label(scale, value)
    number = value_text(scale, value)
    return f"{label} {number}" if label else number


def point_text(scale: EmotionScale, value: int) -> str:
    """A point described in words for <desc>: ``+2 Delighted``."""
    label = score_label(scale, value)
    number = value_text(scale, value)
    return f"{number} {label}" if label else number


def fraction(scale: EmotionScale, value: float) -> float:
    """0 at the bottom of the scale, 1 at the top (a one-value scale sits in the middle)."""
    if scale.max == scale.min:
        return 0.5
    return (value - scale.min) / (scale.max - scale.min)
