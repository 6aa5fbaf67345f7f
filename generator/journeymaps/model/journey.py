"""The journey-map format: typed models that are the single source of truth.

The JSON Schema that editors read (``generator/journeymaps/schema/journeymap.schema.json``) is
generated from these classes, and the checker validates with them, so the two cannot
drift. Every model forbids unknown keys: a typo such as ``emotoin:`` is an error, not
silently ignored data.

Cross-references (persona ids, channel ids, pain-point ids, the emotion scale) cannot
be expressed in JSON Schema; ``journeymaps.check.rules`` checks them after validation.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StringConstraints

from .lanes import LANES as LANES  # the model's lane list, re-exported
from .translation import SOURCE_DIGEST_HELP, SourceDigest

SCHEMA_VERSION = 1

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=64),
    Field(description="Lower-case id: letters, digits and single hyphens, e.g. `unclear-fees`."),
]
# BCP 47 language tag, kept to the shapes we meet: en, zh, pl, pt-BR, zh-Hant.
LangTag = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"),
    Field(description="BCP 47 language tag such as `en`, `zh` or `pl`."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Markdown = Annotated[
    str,
    Field(description="Markdown narrative. Raw HTML is shown as text, links must be http(s), mailto or relative."),
]
Score = Annotated[StrictInt, Field(description="Emotion score on the map's emotion scale.")]
OneToFive = Annotated[StrictInt, Field(ge=1, le=5)]
# Strict: YAML `true` must not pass as 1, nor "3" as 3; floats accept ints.
Number = Annotated[StrictFloat, Field(allow_inf_nan=False)]

# The evidence of a pain point that research has not backed yet (otherwise a research link).
HYPOTHESIS = "hypothesis"
# A day that exists, as `YYYY-MM-DD`: the shape alone (JSON Schema's `format: date` as editors
# check it) lets 2026-02-30 through. Leap years: divisible by 4 but not by 100, or by 400.
CALENDAR_DATE_PATTERN = (
    r"^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
)
# What no link holds: whitespace and control characters, spelled out because Python's `\s` and
# ECMAScript's (what editors run a schema's pattern with) differ on \x1c-\x1f and \ufeff.
_NOT_IN_LINK = r"\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# A pain point's evidence: the word `hypothesis`, or a research link (the scheme in any case,
# as browsers take it: JSON Schema patterns have no flags). The checker's rule and both schemas'
# pattern; match it whole (``re.fullmatch``: Python's `$` also matches before a final line break).
EVIDENCE_PATTERN = rf"^(?:{HYPOTHESIS}|[Hh][Tt][Tt][Pp][Ss]?://[^{_NOT_IN_LINK}/$.?#][^{_NOT_IN_LINK}]*)$"
# The generic schema's pattern: a study id of a site's research register may stand there too (the
# site schema lists the register's ids instead; the checker resolves them).
EVIDENCE_SCHEMA_PATTERN = EVIDENCE_PATTERN.replace("^(?:", "^(?:" + SLUG_PATTERN[1:-1] + "|", 1)


# What a tactic is depends on the map's status, and nowhere else: a tactic is a play the business runs in
# the map's own time. In an as-is map it is in place today (a seed play not yet in place is an
# opportunity, not a tactic); in a to-be map it is part of the designed journey. The map page heads
# the lane by the map's status (``lane.tactics.as-is`` / ``lane.tactics.to-be``).
TACTICS_HELP = (
    "Plays the business runs at this stage, in the map's own time: in an `as-is` map what is in place "
    "today (a change not yet live is an opportunity, not a tactic); in a `to-be` map what the designed "
    "journey runs."
)


class _Model(BaseModel):
    # frozen: a loaded map is a value; renderers and the diff must not mutate it.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class ScaleLabel(_Model):
    """A named point of an emotion scale."""

    value: StrictInt = Field(description="The score this label names.")
    label: ShortText = Field(description="What the score means, e.g. `Frustrated`.")


class EmotionScale(_Model):
    """The range emotion scores are checked against, with labels for the axis."""

    min: StrictInt = Field(description="Lowest allowed score, e.g. -2 or 1.")
    max: StrictInt = Field(description="Highest allowed score, e.g. 2 or 5.")
    labels: list[ScaleLabel] = Field(
        default_factory=list, description="Labels for some or all scores, shown on the diagram axis."
    )
    low_threshold: StrictInt | None = Field(
        default=None,
        description="Scores at or below this count as low (a stage with a low score should name a pain point). "
        "Defaults to the lower third of the scale.",
    )


class Persona(_Model):
    """Who is on the journey."""

    id: Slug = Field(description="Persona id, used as the key of `emotions` in every stage.")
    name: ShortText = Field(description="Display name, e.g. `Maya, the time-pressed professional`.")
    description: Text | None = Field(default=None, description="Who they are, in a sentence or two.")
    goals: list[Text] = Field(default_factory=list, description="What they want to achieve.")
    needs: list[Text] = Field(default_factory=list, description="What they need from us to get there.")
    frustrations: list[Text] = Field(default_factory=list, description="What gets in their way today.")


class Objective(_Model):
    """What the map is for, tied to the KPIs that show progress."""

    id: Slug = Field(description="Objective id.")
    text: Text = Field(description="The objective in one sentence.")
    kind: Literal["satisfaction", "loyalty", "churn", "conversion", "sales", "efficiency", "advocacy", "other"] = (
        Field(description="The family of outcome this objective moves.")
    )
    kpis: list[Slug] = Field(default_factory=list, description="Ids of KPIs (in any stage) that measure it.")


class Touchpoint(_Model):
    """Where the customer meets the business, or a backstage process behind it."""

    name: ShortText = Field(description="What the customer meets, e.g. `Comparison chart on the pricing page`.")
    channel: Slug = Field(description="Channel id from the site vocabulary (`site_config/channels.yaml`).")
    layer: Literal["frontstage", "backstage"] = Field(
        default="frontstage", description="Frontstage: the customer sees it. Backstage: a process or system behind it."
    )
    owner: ShortText | None = Field(default=None, description="Team that owns this touchpoint.")


# Whether customers still meet a pain point. `check.rules` flags a shipped opportunity whose pain point
# is still open (and a resolved one that no shipped opportunity explains).
PainStatus = Literal["open", "resolved"]


class PainPoint(_Model):
    """Friction the customer meets at a stage."""

    id: Slug = Field(description="Pain point id, referred to by opportunities' `addresses`.")
    text: Text = Field(description="The friction, as the customer experiences it.")
    severity: Literal["low", "medium", "high", "critical"] = Field(description="How badly it hurts the journey.")
    evidence: ShortText = Field(
        description="The id of a study in the research register (`site_config/research.yaml`), a research link "
        "(http/https URL), or the word `hypothesis` when not yet evidenced.",
        # In the schemas only, for editors: the checker words a mismatch itself (`bad-evidence`).
        json_schema_extra={"pattern": EVIDENCE_SCHEMA_PATTERN},
    )
    status: PainStatus = Field(
        default="open",
        description="`open`: customers meet this friction today. `resolved`: a shipped opportunity removed it; "
        "the text then says what it was, and the pain point stays on the map as the record of the fix.",
    )


# --- pilots and plays (issue 14 §3): the improvement loop on the map ------------------
# A pilot tests an opportunity on a cohort; a play is an orchestration rule at a stage.

PILOT_DECISIONS = ("scale", "iterate", "stop")  # what a finished pilot decides; one place for the checker and pages
QUIET_HOURS_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]-(?:[01][0-9]|2[0-3]):[0-5][0-9]$"


class Pilot(_Model):
    """A time-boxed test of an opportunity on a cohort, and what the team decided from it."""

    id: Slug = Field(description="Pilot id, unique across the map.")
    hypothesis: Text = Field(description="What the team expects, e.g. `A seven-day taster lifts trial-to-paid by 2 points`.")
    cohort: ShortText = Field(description="Who takes part, e.g. `10% of new Android installs`.")
    start: _dt.date = Field(description="First day, `YYYY-MM-DD`.")
    end: _dt.date = Field(description="Last day, `YYYY-MM-DD`, on or after `start`.")
    kpis: list[Slug] = Field(default_factory=list, description="Ids of the KPIs (in any stage) the pilot should move.")
    result: Text | None = Field(default=None, description="What was measured, once known.")
    decision: Literal[PILOT_DECISIONS] | None = Field(  # type: ignore[valid-type]
        default=None, description="`scale`, `iterate` or `stop`; only once the pilot has ended. Left out: still running.")


class FrequencyCap(_Model):
    """At most `times` per `per` for one customer."""

    times: Annotated[StrictInt, Field(ge=1)] = Field(description="How many times at most.")
    per: Literal["day", "week", "month"] = Field(description="The period: `day`, `week` or `month`.")


class Guardrail(_Model):
    """Limits that keep a play from becoming noise."""

    frequency_cap: FrequencyCap | None = Field(default=None, description="How often one customer may get it.")
    quiet_hours: Annotated[str, StringConstraints(pattern=QUIET_HOURS_PATTERN)] | None = Field(
        default=None, description="Local hours when the play never fires, `HH:MM-HH:MM` (quoted), e.g. `\"21:00-07:00\"`.")


class Play(_Model):
    """An orchestration play: when a trigger fires, what reaches whom, where and when."""

    id: Slug = Field(description="Play id, unique across the map.")
    trigger: ShortText = Field(description="The event or behaviour that fires it, e.g. `a planned workout is missed`.")
    audience: ShortText = Field(description="Who receives it, e.g. `subscribers in their first 30 days`.")
    channel: Slug = Field(description="Channel id from the site vocabulary (`site_config/channels.yaml`).")
    touchpoint: ShortText = Field(description="Where it appears, e.g. `push notification`.")
    content: Text = Field(description="What it says or offers.")
    timing: ShortText = Field(description="When it is sent, e.g. `at the member's usual workout time`.")
    guardrail: Guardrail | None = Field(default=None, description="Frequency cap and quiet hours.")
    kpi: Slug | None = Field(default=None, description="Id of the KPI (in any stage) the play serves.")


class Opportunity(_Model):
    """A change that addresses one or more pain points."""

    id: Slug = Field(description="Opportunity id.")
    text: Text = Field(description="The change to make.")
    addresses: list[Slug] = Field(description="Ids of the pain points this opportunity addresses (any stage).")
    impact: OneToFive = Field(description="Expected impact, 1 (low) to 5 (high).")
    effort: OneToFive = Field(description="Expected effort, 1 (low) to 5 (high).")
    status: Literal["idea", "planned", "piloting", "shipped", "dropped"] = Field(
        default="idea", description="Where the opportunity is in delivery.")
    owner: ShortText | None = Field(default=None, description="Team that owns the change.")
    pilots: list[Pilot] = Field(default_factory=list, description="Pilots that test this change, oldest first.")


# --- KPI series (issue 14 §1): dated observations; the latest is the KPI's current value ---
class Observation(_Model):
    """One dated measurement of a KPI."""

    date: _dt.date = Field(description="Day the value was measured, `YYYY-MM-DD`; not in the future.")
    value: Number = Field(description="The measured value, in the KPI's unit.")


class Kpi(_Model):
    """A measure that shows whether a change worked."""

    id: Slug = Field(description="KPI id, referred to by objectives' `kpis`.")
    name: ShortText = Field(description="What is measured, e.g. `Sign-up completion rate`.")
    unit: Annotated[str, StringConstraints(max_length=20)] = Field(description="Unit, e.g. `%`, `s`, `pts`, `EUR`.")
    baseline: Number = Field(description="Value before the change.")
    target: Number | None = Field(default=None, description="Value the team aims for.")
    current: Number | None = Field(
        default=None, description="Latest measured value; leave it out when `observations` (or the map's KPI data file) "
        "give the series, whose newest value is the current one.")
    observations: list[Observation] = Field(
        default_factory=list, description="Dated measurements, in any order; or rows `kpi,date,value` in the map's KPI "
        "data file (`kpi_data`).")
    target_date: _dt.date | None = Field(default=None, description="Day by which the target should be reached, `YYYY-MM-DD`.")


class Stage(_Model):
    """One step of the journey, from the customer's point of view."""

    id: Slug = Field(description="Stage id; ids from the stage catalogue (`site_config/stages.yaml`) get their name from it.")
    name: ShortText | None = Field(default=None, description="Display name; required when the id is not in the catalogue.")
    goal: Text | None = Field(default=None, description="What the customer wants to achieve in this stage.")
    actions: list[Text] = Field(default_factory=list, description="What the customer does.")
    thoughts: list[Text] = Field(default_factory=list, description="What the customer thinks, in their own voice.")
    emotions: dict[Slug, Score] = Field(
        default_factory=dict, description="Emotion score per persona id, on the map's emotion scale."
    )
    touchpoints: list[Touchpoint] = Field(default_factory=list, description="Where the customer meets the business.")
    pain_points: list[PainPoint] = Field(default_factory=list, description="Friction at this stage.")
    opportunities: list[Opportunity] = Field(default_factory=list, description="Changes that relieve pain points.")
    kpis: list[Kpi] = Field(default_factory=list, description="Measures for this stage.")
    tactics: list[Text] = Field(default_factory=list, description=TACTICS_HELP)
    moments_of_truth: list[Text] = Field(default_factory=list, description="Moments that make or break the journey.")
    notes: Markdown | None = Field(default=None, description="Narrative for this stage (Markdown).")
    plays: list[Play] = Field(default_factory=list, description="Orchestration plays that run at this stage.")


# The diagram's lanes come from the lane registry (``model/lanes.py``), in their default order.
Lane = Literal[LANES]  # type: ignore[valid-type]


class DiagramOptions(_Model):
    """How this map's stage diagram is drawn."""

    lanes: list[Lane] | None = Field(default=None, description="Lanes to show, in order; defaults to the site setting.")


class JourneyMap(_Model):
    """A customer journey map: one file under `maps/<industry>/`."""

    model_config = ConfigDict(title="journeymaps journey map")

    schema_version: Literal[1] = Field(default=1, description="Version of this format.")
    id: Slug = Field(description="Unique id of the map across the site; also its page address.")
    title: ShortText = Field(description="Title of the map, shown as the page heading.")
    industry: Slug = Field(description="Industry id from `site_config/industries.yaml`; the file sits in `maps/<industry>/`.")
    lang: LangTag = Field(default="en", description="Language the map is written in.")
    summary: Text = Field(description="One or two sentences: whose journey, through what, to what end.")
    status: Literal["as-is", "to-be"] = Field(description="`as-is`: today's journey. `to-be`: the journey we design.")
    owner: ShortText = Field(description="Team or person accountable for the journey.")
    last_reviewed: _dt.date = Field(description="Date of the last review, `YYYY-MM-DD`.",
                                    json_schema_extra={"pattern": CALENDAR_DATE_PATTERN})
    tags: list[Slug] = Field(default_factory=list, description="Free tags for the site's tag index.")
    translations: dict[LangTag, Slug] = Field(
        default_factory=dict, description="Other-language versions of this map: language tag -> map id."
    )
    source_digest: SourceDigest | None = Field(default=None, description=SOURCE_DIGEST_HELP)
    based_on: Slug | None = Field(default=None, description="Id of the as-is map this to-be map redesigns.")
    objectives: list[Objective] = Field(default_factory=list, description="What the map is for, tied to KPIs.")
    personas: list[Persona] = Field(min_length=1, description="Who is on the journey; at least one.")
    emotion_scale: EmotionScale | None = Field(default=None, description="Overrides the site's emotion scale.")
    diagram: DiagramOptions | None = Field(default=None, description="How the stage diagram is drawn.")
    stages: list[Stage] = Field(min_length=1, description="The stages of the journey, in order.")
    notes: Markdown | None = Field(default=None, description="Narrative for the map page (Markdown).")
    kpi_data: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+\.csv$", max_length=120)] | None = Field(
        default=None, description="CSV file of KPI observations (`kpi,date,value`) in the map's folder; defaults to "
        "`<map file name>.kpi.csv` when that file exists. A translation names its original's file.")

    # --- derived views (not fields) -------------------------------------------------
    def pain_point_index(self) -> dict[str, tuple[Stage, PainPoint]]:
        return {p.id: (s, p) for s in self.stages for p in s.pain_points}

    def opportunity_index(self) -> dict[str, tuple[Stage, Opportunity]]:
        return {o.id: (s, o) for s in self.stages for o in s.opportunities}

    def kpi_index(self) -> dict[str, tuple[Stage, Kpi]]:
        return {k.id: (s, k) for s in self.stages for k in s.kpis}

    def pilots(self) -> list[tuple[Stage, Opportunity, Pilot]]:
        return [(s, o, p) for s in self.stages for o in s.opportunities for p in o.pilots]

    def play_index(self) -> dict[str, tuple[Stage, Play]]:
        return {p.id: (s, p) for s in self.stages for p in s.plays}
