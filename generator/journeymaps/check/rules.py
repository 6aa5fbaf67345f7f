"""Rules the schema cannot express: cross-references, the emotion scale, quality warnings."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.findings import Finding, Severity
from ..load.yaml12 import Loaded
from ..model.journey import EmotionScale, JourneyMap
from ..model.resolve import effective_scale, low_threshold
from ..model.limits import CARD_LANES, MAX_CARDS_PER_LANE, MAX_PERSONAS, MAX_STAGES
from ..core.markdown import unclosed_fence
from ..model.vocabulary import Vocabulary
from ..model.translation import map_digest
from .hints import did_you_mean
from .translations import TranslationDoc, check_links

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass(frozen=True)
class RuleContext:
    vocabulary: Vocabulary
    today: _dt.date


class _Collector:
    def __init__(self, display: str, loaded: Loaded):
        self.display = display
        self.loaded = loaded
        self.findings: list[Finding] = []

    def add(self, severity: Severity, code: str, path: tuple[Any, ...], message: str,
            hint: str | None = None, *, key: bool = False) -> None:
        line, col = self.loaded.where(path, key=key)
        self.findings.append(Finding(self.display, line, col, severity, code, message, hint))


def check_map(m: JourneyMap, loaded: Loaded, display: str, file_path: Path | None, ctx: RuleContext) -> list[Finding]:
    c = _Collector(display, loaded)
    vocab = ctx.vocabulary

    # Identity and placement.
    if vocab.industry(m.industry) is None:
        c.add("error", "unknown-industry", ("industry",), f"unknown industry `{m.industry}`",
              did_you_mean(m.industry, (i.id for i in vocab.industries))
              or "add it to `site_config/industries.yaml` first")
    elif file_path is not None and file_path.parent.name != m.industry:
        c.add("error", "wrong-folder", ("industry",),
              f"the map's industry is `{m.industry}` but the file sits in `{file_path.parent.name}/`",
              f"move the file to `maps/{m.industry}/`")

    _check_size(c, m)

    # Ids unique within their kind.
    _unique(c, "persona", ((("personas", i, "id"), p.id) for i, p in enumerate(m.personas)))
    _unique(c, "stage", ((("stages", i, "id"), s.id) for i, s in enumerate(m.stages)))
    _unique(c, "objective", ((("objectives", i, "id"), o.id) for i, o in enumerate(m.objectives)))
    _unique(c, "pain point", ((("stages", i, "pain_points", j, "id"), p.id)
                              for i, s in enumerate(m.stages) for j, p in enumerate(s.pain_points)))
    _unique(c, "opportunity", ((("stages", i, "opportunities", j, "id"), o.id)
                               for i, s in enumerate(m.stages) for j, o in enumerate(s.opportunities)))
    _unique(c, "KPI", ((("stages", i, "kpis", j, "id"), k.id)
                       for i, s in enumerate(m.stages) for j, k in enumerate(s.kpis)))

    scale = effective_scale(m, vocab)
    scale_ok = _check_scale(c, m, scale)
    low = low_threshold(scale)
    persona_ids = [p.id for p in m.personas]
    pain_ids = {p.id for s in m.stages for p in s.pain_points}
    addressed = {a for s in m.stages for o in s.opportunities for a in o.addresses}
    kpi_ids = {k.id for s in m.stages for k in s.kpis}
    channel_ids = [ch.id for ch in vocab.channels]

    for i, o in enumerate(m.objectives):
        for j, ref in enumerate(o.kpis):
            if ref not in kpi_ids:
                c.add("error", "unknown-kpi", ("objectives", i, "kpis", j), f"objective `{o.id}` names unknown KPI `{ref}`",
                      did_you_mean(ref, kpi_ids) or "give the KPI an `id` under a stage's `kpis`")

    for i, s in enumerate(m.stages):
        sp = ("stages", i)
        if s.name is None and vocab.stage(s.id) is None:
            c.add("error", "unknown-stage", sp + ("id",), f"stage `{s.id}` is not in the stage catalogue and has no `name`",
                  did_you_mean(s.id, (st.id for st in vocab.stages)) or "give the stage a `name`, or add it to "
                  "`site_config/stages.yaml`")
        for pid, score in s.emotions.items():
            ep = sp + ("emotions", pid)
            if pid not in persona_ids:
                c.add("error", "unknown-persona", ep, f"emotion given for unknown persona `{pid}`",
                      did_you_mean(pid, persona_ids) or f"personas in this map: {', '.join(persona_ids)}", key=True)
            if scale_ok and not scale.min <= score <= scale.max:
                c.add("error", "score-out-of-scale", ep, f"emotion {score} is outside the scale {scale.min}..{scale.max}",
                      "use a score within the scale, or declare the map's own `emotion_scale`")
        for pid in persona_ids:
            if pid not in s.emotions:
                c.add("warning", "missing-emotion", sp + ("emotions",) if s.emotions else sp + ("id",),
                      f"no emotion score for persona `{pid}` at stage `{s.id}`",
                      f"add `{pid}: <score>` under `emotions`; the curve has a gap otherwise")
        for j, t in enumerate(s.touchpoints):
            if vocab.channel(t.channel) is None:
                c.add("error", "unknown-channel", sp + ("touchpoints", j, "channel"), f"unknown channel `{t.channel}`",
                      did_you_mean(t.channel, channel_ids) or "channels are listed in `site_config/channels.yaml`")
        for j, p in enumerate(s.pain_points):
            pp = sp + ("pain_points", j)
            if p.evidence != "hypothesis" and not _URL.match(p.evidence):
                c.add("error", "bad-evidence", pp + ("evidence",),
                      "evidence must be a research link (http or https) or the word `hypothesis`",
                      "write `evidence: hypothesis` until research backs it")
            if p.id not in addressed:
                c.add("warning", "unaddressed-pain-point", pp + ("id",),
                      f"pain point `{p.id}` has no opportunity that addresses it",
                      "add an opportunity with `addresses: [" + p.id + "]`")
        for j, o in enumerate(s.opportunities):
            op = sp + ("opportunities", j)
            if not o.addresses:
                c.add("error", "addresses-nothing", op + ("addresses",), f"opportunity `{o.id}` addresses no pain point",
                      "list the ids of the pain points it relieves under `addresses`")
            for k, ref in enumerate(o.addresses):
                if ref not in pain_ids:
                    c.add("error", "unknown-pain-point", op + ("addresses", k), f"unknown pain point `{ref}`",
                          did_you_mean(ref, pain_ids) or "pain point ids are set under a stage's `pain_points`")
        for j, k in enumerate(s.kpis):
            if k.target is None:
                c.add("warning", "kpi-no-target", sp + ("kpis", j, "id"), f"KPI `{k.id}` has no target",
                      "add `target:` so the gap can be shown")
        if not s.touchpoints:
            c.add("warning", "no-touchpoint", sp + ("id",), f"stage `{s.id}` has no touchpoint",
                  "add where the customer meets you at this stage under `touchpoints`")
        if not s.pain_points:
            lows = [pid for pid, v in s.emotions.items() if v <= low]
            if lows:
                c.add("warning", "low-emotion-no-pain", sp + ("emotions",),
                      f"low emotion for {', '.join(f'`{p}`' for p in lows)} at stage `{s.id}` but no pain point",
                      "name what makes the customer feel this way under `pain_points`")

    _check_fence(c, ("notes",), m.notes)
    for i, s in enumerate(m.stages):
        _check_fence(c, ("stages", i, "notes"), s.notes)

    age = (ctx.today - m.last_reviewed).days
    max_age = vocab.settings.review_max_age_days
    if age > max_age:
        c.add("warning", "stale-review", ("last_reviewed",), f"last reviewed {age} days ago (limit {max_age})",
              "review the map with its owner and update `last_reviewed`")
    elif age < 0:
        c.add("warning", "future-review", ("last_reviewed",), "`last_reviewed` is in the future",
              "use the date the review actually happened")
    return c.findings


def _check_size(c: _Collector, m: JourneyMap) -> None:
    """The bounds of ``model.limits``: past them the diagram is unreadable and its PNG too large."""
    if len(m.stages) > MAX_STAGES:
        c.add("error", "too-many", ("stages",), f"{len(m.stages)} stages; a map has at most {MAX_STAGES}",
              "split the journey into several maps (one per phase) and link them from the notes", key=True)
    if len(m.personas) > MAX_PERSONAS:
        c.add("error", "too-many", ("personas",), f"{len(m.personas)} personas; a map has at most {MAX_PERSONAS}",
              "keep the personas whose journeys differ; give the others a map of their own", key=True)
    for i, s in enumerate(m.stages):
        for lane in CARD_LANES:
            count = len(getattr(s, lane))
            if count > MAX_CARDS_PER_LANE:
                c.add("error", "too-many", ("stages", i, lane),
                      f"{count} {lane.replace('_', ' ')} at stage `{s.id}`; a stage has at most {MAX_CARDS_PER_LANE}",
                      "keep the ones that matter most here, or split the stage in two", key=True)


def _check_fence(c: _Collector, path: tuple[Any, ...], md: str | None) -> None:
    found = unclosed_fence(md) if md else None
    if found is not None:
        line, fence = found
        c.add("warning", "unclosed-fence", path,
              f"line {line + 1} of `{path[-1]}` opens a code block with `{fence}` that is never closed; "
              "the rest of the text shows as code",
              f"add a line with `{fence}` where the code ends")


def _unique(c: _Collector, what: str, items: Iterable[tuple[tuple[Any, ...], str]]) -> None:
    seen: dict[str, tuple[int, int]] = {}
    for path, ident in items:
        if ident in seen:
            line, col = seen[ident]
            c.add("error", "duplicate-id", path, f"duplicate {what} id `{ident}` (first used at line {line}, column {col})",
                  "ids must be unique within a map; rename one")
        else:
            seen[ident] = c.loaded.where(path)


def _check_scale(c: _Collector, m: JourneyMap, scale: EmotionScale) -> bool:
    """Report a broken scale; scores are only checked against a sound one."""
    if m.emotion_scale is None:
        return True
    before = len(c.findings)
    base = ("emotion_scale",)
    if scale.min >= scale.max:
        c.add("error", "invalid-scale", base + ("min",), f"the scale's min ({scale.min}) must be below its max ({scale.max})")
    seen: set[int] = set()
    for i, label in enumerate(scale.labels):
        if not scale.min <= label.value <= scale.max:
            c.add("error", "invalid-scale", base + ("labels", i, "value"),
                  f"label value {label.value} is outside the scale {scale.min}..{scale.max}")
        if label.value in seen:
            c.add("error", "invalid-scale", base + ("labels", i, "value"), f"two labels for the value {label.value}")
        seen.add(label.value)
    if scale.low_threshold is not None and not scale.min <= scale.low_threshold <= scale.max:
        c.add("error", "invalid-scale", base + ("low_threshold",),
              f"low_threshold {scale.low_threshold} is outside the scale {scale.min}..{scale.max}")
    return len(c.findings) == before


@dataclass(frozen=True)
class MapSummary:
    """What the cross-map rules need to know about one map, small enough to pass between processes."""

    display: str
    id: str
    lang: str
    status: str
    based_on: str | None
    translations: dict[str, str]
    id_pos: tuple[int, int]
    translation_pos: dict[str, tuple[int, int]]
    based_on_pos: tuple[int, int]
    stage_ids: tuple[str, ...] = ()
    digest: str = ""
    source_digest: str | None = None
    source_digest_pos: tuple[int, int] | None = None
    translations_pos: tuple[int, int] = (1, 1)

    @classmethod
    def of(cls, m: JourneyMap, loaded: Loaded, display: str) -> MapSummary:
        return cls(display, m.id, m.lang, m.status, m.based_on, dict(m.translations), loaded.where(("id",)),
                   {lang: loaded.where(("translations", lang)) for lang in m.translations},
                   loaded.where(("based_on",)), tuple(s.id for s in m.stages),
                   map_digest(m), m.source_digest, loaded.where(("source_digest",)),
                   loaded.where(("translations",), key=True))

    def doc(self) -> TranslationDoc:
        return TranslationDoc("map", self.display, self.id, self.lang, self.translations, self.id_pos,
                              self.translation_pos, self.digest, self.source_digest, self.source_digest_pos,
                              self.translations_pos)


def check_across(summaries: list[MapSummary], invalid_ids: set[str] | frozenset[str] = frozenset()) -> list[Finding]:
    """Rules between maps. ``invalid_ids`` are maps that exist but failed validation: links to
    them are not reported as missing (their own errors are)."""
    out: list[Finding] = []
    by_id: dict[str, MapSummary] = {}
    sharing: dict[str, list[MapSummary]] = {}
    for s in summaries:
        by_id.setdefault(s.id, s)
        sharing.setdefault(s.id, []).append(s)
    # Every file that shares an id is told, so checking any one of them alone shows it.
    for s in summaries:
        others = [o.display for o in sharing[s.id] if o is not s]
        if others:
            out.append(Finding(s.display, *s.id_pos, "error", "duplicate-map-id",
                               f"map id `{s.id}` is also used by {', '.join(others)}",
                               "map ids are page addresses and must be unique across the site"))
    out += check_links((s.doc() for s in summaries), invalid_ids, both_ways=True)
    for s in summaries:
        if s.based_on is not None and s.based_on not in by_id and s.based_on not in invalid_ids:
            out.append(Finding(s.display, *s.based_on_pos, "error", "unknown-map",
                               f"`based_on` names unknown map `{s.based_on}`",
                               did_you_mean(s.based_on, by_id.keys() - {s.id}), target=s.based_on))
    return out
