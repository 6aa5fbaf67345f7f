"""What each lane shows for one stage, as cards of text parts (before any layout).

Frontstage and backstage touchpoints differ by border (solid or dashed), by position
(below the line of visibility) and by words (the channel line says "Backstage"), not by
colour alone; a pain point states its severity in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..core.assemble import number
from ..model.journey import JourneyMap, Stage
from ..model.lanes import LaneSpec
from ..model.resolve import channel_name
from ..model.vocabulary import Vocabulary
from .fmt import with_unit

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


def lane_cards(m: JourneyMap, stage: Stage, spec: LaneSpec, vocab: Vocabulary, w: dict[str, str]) -> list[Card]:
    """The cards of a card-drawn lane (its ``draw`` kind says how an item becomes a card)."""
    items = getattr(stage, spec.field)
    fill, edge = spec.token or "", f"{spec.token}-edge"
    if spec.draw == "text":
        return [Card((Part(a),), fill, edge) for a in items]
    if spec.draw == "quote":
        return [Card((Part(w["quote"].format(text=t), italic=True),), fill, edge) for t in items]
    if spec.draw == "touchpoints":
        front = [t for t in items if t.layer == "frontstage"]
        back = [t for t in items if t.layer == "backstage"]
        cards = [Card((Part(t.name), Part(channel_name(t.channel, m.lang, vocab), SMALL, "muted")), fill, edge)
                 for t in front]
        cards += [Card((Part(t.name), Part(f"{channel_name(t.channel, m.lang, vocab)} \u00b7 {w['backstage']}", SMALL,
                                           "muted")), "back", "back-edge", dash="5 3", layer="back") for t in back]
        return cards
    if spec.draw == "pain":
        return [Card((Part(w["sev." + p.severity], SMALL, "text", bold=True), Part(p.text)), fill, edge) for p in items]
    if spec.draw == "opportunity":
        return [Card((Part(o.text), Part(w["opp.meta"].format(impact=o.impact, effort=o.effort,
                                                             status=w["status." + o.status]), SMALL, "muted")),
                     fill, edge) for o in items]
    if spec.draw == "kpi":
        return [Card((Part(k.name), Part(_kpi_values(k.baseline, k.target, k.current, k.unit, w, m.lang), SMALL, "muted")),
                     fill, edge) for k in items]
    raise ValueError(f"lane {spec.id!r} is not drawn as cards")


def _kpi_values(baseline: float, target: float | None, current: float | None, unit: str, w: dict[str, str],
                lang: str) -> str:
    def quantity(value: float) -> str:
        return with_unit(number(value, lang), unit)

    b = quantity(baseline)
    text = (w["kpi.values"].format(baseline=b, target=quantity(target)) if target is not None
            else w["kpi.values_no_target"].format(baseline=b))
    if current is not None:
        text += w["kpi.now"].format(current=quantity(current))
    return text
