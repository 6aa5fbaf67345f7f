"""Names and settings a map inherits from the site vocabulary, resolved in the map's language.

Renderers and page builders ask here instead of reaching into ``site_config`` themselves,
so a Chinese map shows Chinese stage and channel names everywhere.
"""

from __future__ import annotations

from .journey import LANES, EmotionScale, JourneyMap, Stage
from .vocabulary import Vocabulary

__all__ = ["stage_name", "channel_name", "industry_name", "lanes_of", "score_label",
           "low_threshold", "effective_scale"]


def stage_name(m: JourneyMap, stage: Stage, vocab: Vocabulary, lang: str | None = None) -> str:
    """A stage's own name (map text), else the site's name for it in ``lang`` (default: the map's)."""
    if stage.name:
        return stage.name
    found = vocab.stage(stage.id)
    return found.name(lang or m.lang) if found else stage.id


def channel_name(channel_id: str, lang: str, vocab: Vocabulary) -> str:
    found = vocab.channel(channel_id)
    return found.name(lang) if found else channel_id


def channel_group(channel_id: str, vocab: Vocabulary) -> str:
    found = vocab.channel(channel_id)
    return found.group if found else "owned"


def industry_name(industry_id: str, lang: str, vocab: Vocabulary) -> str:
    found = vocab.industry(industry_id)
    return found.name(lang) if found else industry_id


def lanes_of(m: JourneyMap, vocab: Vocabulary) -> list[str]:
    chosen = (m.diagram.lanes if m.diagram and m.diagram.lanes else None) or vocab.settings.lanes
    return [lane for lane in chosen if lane in LANES]


def score_label(scale: EmotionScale, value: int) -> str | None:
    return next((lbl.label for lbl in scale.labels if lbl.value == value), None)


def effective_scale(m: JourneyMap, vocabulary: Vocabulary) -> EmotionScale:
    return m.emotion_scale or vocabulary.emotion_scale


def low_threshold(scale: EmotionScale) -> int:
    if scale.low_threshold is not None:
        return scale.low_threshold
    # The lower third of the range: -1 on -2..+2, 2 on 1..5, 3 on 1..10.
    return scale.min + (scale.max - scale.min) // 3
