"""The lane registry: one spec per lane of a stage, from which everything that lists lanes derives.

A lane is one kind of content a stage holds (actions, touchpoints, the emotion scores, ...).
The model's lane list and the site's default lanes, the diagram (how a lane is drawn and
coloured), the map page (how and where it is shown), the diff (compared by its own rules or
item by item) and the authoring template all read these specs; the lane's name comes from the
wording catalogue under ``lane.<id>``. A lane whose content is a list of texts is added here
alone: its Stage field (``model/journey.py``) and its labels in ``journeymaps/words`` complete it.

This module sits below ``journey.py`` and imports nothing of the model, so the model's
``Lane`` type can be built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How the diagram draws a lane: the emotion curve, the touchpoint rows split by the line of
# visibility, or one card per item (the card kinds are built in ``render/cards.py``).
Draw = Literal["emotion", "touchpoints", "text", "quote", "pain", "opportunity", "kpi", "play"]
# How the map page shows it under each stage (``pages/map_page.py``).
Show = Literal["emotion", "bullets", "quotes", "touchpoints", "pain_points", "opportunities", "names", "plays"]
Colours = tuple[tuple[str, str], tuple[str, str]]  # (card fill, card edge), each (light, dark)


@dataclass(frozen=True)
class LaneSpec:
    id: str
    field: str  # the Stage attribute with the lane's content
    draw: Draw | None  # None: not a diagram lane (shown on the page and compared only)
    token: str | None  # colour token of its cards: ``f-<token>`` fill, ``s-<token>-edge`` border
    colours: Colours | None
    show: Show
    page_rank: int  # position among a stage's sections on the map page (the diagram uses registry order)
    compare: Literal["own", "items"]  # "own": a section of the diff of its own; "items": added/removed per item
    example: tuple[str, ...] = ()  # commented lines for `journeymaps new` (``<channel>``: a channel id)
    item: str = ""  # what one item is called in markup: the diagram's card kind (``data-kind``) and id part
    # Set when its meaning depends on the map's status (tactics: in place today, or designed): the family
    # of its headings on a map, completed by the status (``lane.tactics.`` + ``as-is``).
    status_labels: str | None = None

    @property
    def label_key(self) -> str:
        return "lane." + self.id

    def label_for(self, map_status: str) -> str:
        """The heading of this lane on a map of the given status (``as-is`` / ``to-be``)."""
        return self.status_labels + map_status if self.status_labels else self.label_key


LANE_SPECS: tuple[LaneSpec, ...] = (
    LaneSpec("actions", "actions", "text", "action", (("#f3f4f6", "#2a2f39"), ("#b8bfc9", "#4e5666")),
             "bullets", 20, "items", ("    # actions: [What the customer does]",), item="action"),
    LaneSpec("touchpoints", "touchpoints", "touchpoints", "touch", (("#eaf2ff", "#1f2b40"), ("#6f93c2", "#5d7eab")),
             "touchpoints", 40, "own",
             ("    # touchpoints:  # channels: site_config/channels.yaml; layer: frontstage or backstage",
              "    #   - {name: Home page, channel: <channel>}"), item="touchpoint"),
    LaneSpec("thoughts", "thoughts", "quote", "thought", (("#fff7df", "#332d1c"), ("#c9a227", "#9a7d2a")),
             "quotes", 30, "items", ("    # thoughts: [\"What the customer thinks, in their own voice\"]",), item="thought"),
    LaneSpec("emotion", "emotions", "emotion", None, None, "emotion", 10, "own"),
    LaneSpec("moments_of_truth", "moments_of_truth", "text", "moment", (("#fff1e6", "#3a2a1c"), ("#d9822b", "#b8733a")),
             "bullets", 90, "items", ("    # moments_of_truth: [A moment that makes or breaks the journey]",), item="moment"),
    LaneSpec("pain_points", "pain_points", "pain", "pain", (("#ffeef0", "#3a2226"), ("#cf5664", "#c05a64")),
             "pain_points", 50, "own",
             ("    # pain_points:  # evidence: a research link, or the word hypothesis",
              "    #   - {id: unclear-fees, text: Fees are hard to find., severity: high, evidence: hypothesis}"), item="pain"),
    LaneSpec("opportunities", "opportunities", "opportunity", "opp", (("#e9f6ec", "#1e3224"), ("#4f9a62", "#4f8c5d")),
             "opportunities", 60, "own",
             ("    # opportunities:  # impact and effort from 1 (low) to 5 (high)",
              "    #   - {id: fee-table, text: One table with every fee., addresses: [unclear-fees], impact: 4, effort: 2}"), item="opportunity"),
    LaneSpec("kpis", "kpis", "kpi", "kpi", (("#f1effa", "#2b2740"), ("#7c6fb0", "#7d70b3")), "names", 70, "own",
             ("    # kpis:  # measurements: `observations: [{date, value}]` or rows kpi,date,value in <map>.kpi.csv",
              "    #   - {id: visit-to-sign-up, name: Visit-to-sign-up rate, unit: \"%\", baseline: 2.1, target: 3,",
              "    #      target_date: \"2027-06-30\"}"), item="kpi"),
    # Orchestration plays (issue 14 §3) run at a stage like its touchpoints, so they are a lane of the
    # stage: the reader scans a column top to bottom and meets the play under the KPI it serves.
    LaneSpec("plays", "plays", "play", "play", (("#e4f5f6", "#18302f"), ("#2f8f97", "#3f9ea5")), "plays", 75, "own",
             ("    # plays:  # when the trigger fires: whom it reaches, where, what and when; guardrail: how often at most",
              "    #   - {id: welcome-nudge, trigger: an account is opened, audience: New customers, channel: <channel>,"
              " touchpoint: Push notification, content: Three things to try first, timing: The next morning,"
              " guardrail: {frequency_cap: {times: 1, per: week}, quiet_hours: \"21:00-07:00\"}}"), item="play"),
    LaneSpec("tactics", "tactics", None, None, None, "bullets", 80, "items",
             status_labels="lane.tactics."),
)

SPECS: dict[str, LaneSpec] = {s.id: s for s in LANE_SPECS}
# Lanes the diagram can draw, in the default order.
LANES: tuple[str, ...] = tuple(s.id for s in LANE_SPECS if s.draw is not None)


def page_order() -> list[LaneSpec]:
    return sorted(LANE_SPECS, key=lambda s: s.page_rank)
