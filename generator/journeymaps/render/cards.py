"""What each lane shows for one stage, as cards of text parts (before any layout).

Frontstage and backstage touchpoints differ by border (solid or dashed), by position
(below the line of visibility) and by words (the channel line says "Backstage"), not by
colour alone; a pain point states its severity in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model.journey import JourneyMap, Stage
from ..model.resolve import channel_name
from ..model.vocabulary import Vocabulary
from .fmt import quantity

BODY = 13.0
SMALL = 12.0  # whole pixels: Cairo rounds hinted glyph advances, so 11.5 px Han is drawn 12 px wide


@dataclass(frozen=True)
class Part:
    text: str
    size: float = BODY
    fill: str = "text"
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Card:
    parts: tuple[Part, ...]
    fill: str  # background token
    edge: str  # border token
    dash: str | None = None
    layer: Literal["front", "back"] = "front"


def lane_cards(m: JourneyMap, stage: Stage, lane: str, vocab: Vocabulary, w: dict[str, str]) -> list[Card]:
    if lane == "actions":
        return [Card((Part(a),), "action", "action-edge") for a in stage.actions]
    if lane == "thoughts":
        return [Card((Part(w["quote"].format(text=t), italic=True),), "thought", "thought-edge") for t in stage.thoughts]
    if lane == "touchpoints":
        front = [t for t in stage.touchpoints if t.layer == "frontstage"]
        back = [t for t in stage.touchpoints if t.layer == "backstage"]
        cards = [Card((Part(t.name), Part(channel_name(t.channel, m.lang, vocab), SMALL, "muted")), "touch", "touch-edge")
                 for t in front]
        cards += [Card((Part(t.name), Part(f"{channel_name(t.channel, m.lang, vocab)} \u00b7 {w['backstage']}", SMALL,
                                           "muted")), "back", "back-edge", dash="5 3", layer="back") for t in back]
        return cards
    if lane == "pain_points":
        return [Card((Part(w["sev." + p.severity], SMALL, "text", bold=True), Part(p.text)), "pain", "pain-edge")
                for p in stage.pain_points]
    if lane == "opportunities":
        return [Card((Part(o.text), Part(w["opp.meta"].format(impact=o.impact, effort=o.effort,
                                                             status=w["status." + o.status]), SMALL, "muted")),
                     "opp", "opp-edge") for o in stage.opportunities]
    if lane == "kpis":
        return [Card((Part(k.name), Part(_kpi_values(k.baseline, k.target, k.current, k.unit, w), SMALL, "muted")),
                     "kpi", "kpi-edge") for k in stage.kpis]
    raise ValueError(f"unknown lane {lane!r}")


def _kpi_values(baseline: float, target: float | None, current: float | None, unit: str, w: dict[str, str]) -> str:
    b = quantity(baseline, unit)
    text = (w["kpi.values"].format(baseline=b, target=quantity(target, unit)) if target is not None
            else w["kpi.values_no_target"].format(baseline=b))
    if current is not None:
        text += w["kpi.now"].format(current=quantity(current, unit))
    return text
