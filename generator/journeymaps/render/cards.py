"""What each lane shows for one stage, as cards of text parts (before any layout).

Frontstage and backstage touchpoints differ by border (solid or dashed), by position
(below the line of visibility) and by words (the channel line says "Backstage"), not by
colour alone; a pain point states its severity in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..core.assemble import number
from ..model.journey import JourneyMap, Play, Stage
from ..model.lanes import LaneSpec
from ..model.resolve import channel_name
from ..model.vocabulary import Vocabulary
from ..model.kpi_series import current_of
from .fmt import with_unit
from .svg import has_cjk
from .theme import SEVERITIES

BODY = 13.0
SMALL = 12.0  # whole pixels: Cairo rounds hinted glyph advances, so 11.5 px Han is drawn 12 px wide


@dataclass(frozen=True)
class Part:
    text: str
    size: float = BODY
    fill: str = "text"
    bold: bool = False
    italic: bool = False
    chip: str | None = None  # background token: the part is a one-line chip (severity, status)
    icon: str | None = None  # drawn before the words (a channel's icon)
    dots: int = 0  # filled dots of a count drawn after the chip (severity, readable without colour)


@dataclass(frozen=True)
class Card:
    parts: tuple[Part, ...]
    fill: str  # background token
    edge: str  # border token
    dash: str | None = None
    layer: Literal["front", "back"] = "front"
    key: str = ""  # id within the picture: ``<kind>-<item id>``, or ``<kind>-<stage id>-<n>`` for items without one
    data: tuple[tuple[str, str], ...] = ()  # the card's ``data-*`` attributes (the markup contract, ``svg.py``)

    @property
    def label(self) -> str:
        """The card's whole text in one line, for ``aria-label``."""
        return " ".join(p.text if p.text.endswith(_STOPS) else p.text + "." for p in self.parts)


_STOPS = (".", "!", "?", "。", "！", "？", "…")


def _meta(spec: LaneSpec, stage: Stage, n: int, item_id: str | None = None,
          *extra: tuple[str, str]) -> dict[str, object]:
    """``key`` and ``data`` of the card of a lane's n-th item in ``stage``."""
    key = f"{spec.item}-{item_id}" if item_id else f"{spec.item}-{stage.id}-{n}"
    data = (("kind", spec.item), *((("id", item_id),) if item_id else ()), ("stage", stage.id), *extra)
    return {"key": key, "data": data}


def lane_cards(m: JourneyMap, stage: Stage, spec: LaneSpec, vocab: Vocabulary, w: dict[str, str]) -> list[Card]:
    """The cards of a card-drawn lane (its ``draw`` kind says how an item becomes a card)."""
    items = getattr(stage, spec.field)
    fill, edge = spec.token or "", f"{spec.token}-edge"
    if spec.draw == "text":
        return [Card((Part(a),), fill, edge, **_meta(spec, stage, n)) for n, a in enumerate(items)]
    if spec.draw == "quote":
        return [Card((Part(w["quote"].format(text=t), italic=True),), fill, edge, **_meta(spec, stage, n))
                for n, t in enumerate(items)]
    if spec.draw == "touchpoints":
        front = [(n, t) for n, t in enumerate(items) if t.layer == "frontstage"]
        back = [(n, t) for n, t in enumerate(items) if t.layer == "backstage"]
        cards = [Card((Part(t.name), Part(channel_name(t.channel, m.lang, vocab), SMALL, "muted",
                                          icon=_channel_icon(vocab, t.channel))), fill, edge,
                      **_meta(spec, stage, n, None, ("channel", t.channel), ("layer", t.layer)))
                 for n, t in front]
        cards += [Card((Part(t.name), Part(f"{channel_name(t.channel, m.lang, vocab)} \u00b7 {w['backstage']}", SMALL,
                                           "muted", icon=_channel_icon(vocab, t.channel))),
                        "back", "back-edge", dash="5 3", layer="back",
                       **_meta(spec, stage, n, None, ("channel", t.channel), ("layer", t.layer)))
                  for n, t in back]
        return cards
    if spec.draw == "pain":
        # A resolved pain point stays as the record of a fix: said in words and drawn dashed.
        return [Card((Part(w["sev." + p.severity], SMALL, "text", bold=True, chip=f"sev-{p.severity}",
                            dots=SEVERITIES.index(p.severity) + 1), Part(p.text),
                      *((Part(w["pain_status.resolved"], SMALL, "muted"),) if p.status == "resolved" else ())),
                     fill, edge, **({"dash": "5 3"} if p.status == "resolved" else {}),
                     **_meta(spec, stage, n, p.id, ("severity", p.severity),
                             *((("status", p.status),) if p.status == "resolved" else ())))
                for n, p in enumerate(items)]
    if spec.draw == "opportunity":
        kpis = " ".join(k.id for k in stage.kpis)
        return [Card((Part(w["status." + o.status], SMALL, chip=f"st-{o.status}"), Part(o.text),
                      Part(w["opp.scores"].format(impact=o.impact, effort=o.effort), SMALL, "muted")),
                     fill, edge, **_meta(spec, stage, n, o.id, ("status", o.status),
                                         *((("addresses", " ".join(o.addresses)),) if o.addresses else ()),
                                         *((("kpis", kpis),) if kpis else ())))
                for n, o in enumerate(items)]
    if spec.draw == "kpi":
        return [Card((Part(k.name), Part(_kpi_values(k.baseline, k.target, current_of(k), k.unit, w, m.lang), SMALL,
                                          "muted")),
                     fill, edge, **_meta(spec, stage, n, k.id)) for n, k in enumerate(items)]
    if spec.draw == "play":
        return [_play_card(m, stage, spec, n, p, vocab, w) for n, p in enumerate(items)]
    raise ValueError(f"lane {spec.id!r} is not drawn as cards")


def _play_card(m: JourneyMap, stage: Stage, spec: LaneSpec, n: int, p: Play, vocab: Vocabulary,
               w: dict[str, str]) -> Card:
    """Trigger first (what fires it), then what reaches the customer, then the channel and when.
    The audience, touchpoint and guardrail are in the card's side panel and on the page: a card
    stays as short as the other lanes', so a poster of the whole canvas stays legible."""
    where = w["play.channel_timing"].format(channel=channel_name(p.channel, m.lang, vocab), timing=p.timing)
    parts = (Part(w["play.when"].format(trigger=p.trigger), SMALL, bold=True), Part(p.content),
             Part(where, SMALL, "muted", icon=_channel_icon(vocab, p.channel)))
    extra = (("channel", p.channel), *((("kpi", p.kpi),) if p.kpi else ()))
    return Card(parts, spec.token or "", f"{spec.token}-edge", **_meta(spec, stage, n, p.id, *extra))


def guardrail_words(p: Play, w: dict[str, str]) -> str:
    """A play's guardrail in one line (``at most 1 a week · quiet 21:00–07:00``), or empty."""
    g = p.guardrail
    if g is None:
        return ""
    said = []
    if g.frequency_cap is not None:
        said.append(w["play.cap." + g.frequency_cap.per].format(n=g.frequency_cap.times))
    if g.quiet_hours is not None:
        start, end = g.quiet_hours.split("-")
        said.append(w["play.quiet"].format(start=start, end=end))
    return " \u00b7 ".join(said)


def _channel_icon(vocab: Vocabulary, channel_id: str) -> str | None:
    channel = vocab.channel(channel_id)
    return channel.icon if channel else None


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
