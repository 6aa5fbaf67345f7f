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
from ..model.journey import EVIDENCE_PATTERN, EmotionScale, JourneyMap
from ..model.resolve import effective_scale, low_threshold
from ..model.limits import CARD_LANES, MAX_CARDS_PER_LANE, MAX_PERSONAS, MAX_STAGES
from ..core.markdown import unclosed_fence
from ..model.vocabulary import Vocabulary
from ..model.translation import map_digest
from ..core.phrase import Phrase, phrase
from .hints import suggestion
from .pain_status import pain_status_findings
from .worded import finding
from .translations import TranslationDoc, check_links
from .loop_rules import check_loop
from .kpi_series import check_in_map

_EVIDENCE = re.compile(EVIDENCE_PATTERN)


@dataclass(frozen=True)
class RuleContext:
    vocabulary: Vocabulary
    today: _dt.date


class _Collector:
    def __init__(self, display: str, loaded: Loaded):
        self.display = display
        self.loaded = loaded
        self.findings: list[Finding] = []

    def add(self, severity: Severity, code: str, path: tuple[Any, ...], message: Phrase,
            hint: Phrase | None = None, *, key: bool = False) -> None:
        line, col = self.loaded.where(path, key=key)
        self.findings.append(finding(self.display, line, col, severity, code, message, hint))


def check_map(m: JourneyMap, loaded: Loaded, display: str, file_path: Path | None, ctx: RuleContext) -> list[Finding]:
    c = _Collector(display, loaded)
    vocab = ctx.vocabulary

    # Identity and placement.
    if vocab.industry(m.industry) is None:
        c.add("error", "unknown-industry", ("industry",), phrase("check.unknown_industry", industry=m.industry),
              suggestion(m.industry, (i.id for i in vocab.industries)) or phrase("check.unknown_industry.hint"))
    elif file_path is not None and file_path.parent.name != m.industry:
        c.add("error", "wrong-folder", ("industry",),
              phrase("check.wrong_folder", industry=m.industry, folder=file_path.parent.name),
              phrase("check.wrong_folder.hint", industry=m.industry))

    _check_size(c, m)

    # Ids unique within their kind.
    _unique(c, "check.id.persona", ((("personas", i, "id"), p.id) for i, p in enumerate(m.personas)))
    _unique(c, "check.id.stage", ((("stages", i, "id"), s.id) for i, s in enumerate(m.stages)))
    _unique(c, "check.id.objective", ((("objectives", i, "id"), o.id) for i, o in enumerate(m.objectives)))
    _unique(c, "check.id.pain_point", ((("stages", i, "pain_points", j, "id"), p.id)
                              for i, s in enumerate(m.stages) for j, p in enumerate(s.pain_points)))
    _unique(c, "check.id.opportunity", ((("stages", i, "opportunities", j, "id"), o.id)
                               for i, s in enumerate(m.stages) for j, o in enumerate(s.opportunities)))
    _unique(c, "check.id.kpi", ((("stages", i, "kpis", j, "id"), k.id)
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
                c.add("error", "unknown-kpi", ("objectives", i, "kpis", j), phrase("check.unknown_kpi", objective=o.id, kpi=ref),
                      suggestion(ref, kpi_ids) or phrase("check.unknown_kpi.hint"))

    for i, s in enumerate(m.stages):
        sp = ("stages", i)
        if s.name is None and vocab.stage(s.id) is None:
            c.add("error", "unknown-stage", sp + ("id",), phrase("check.unknown_stage", stage=s.id),
                  suggestion(s.id, (st.id for st in vocab.stages)) or phrase("check.unknown_stage.hint"))
        for pid, score in s.emotions.items():
            ep = sp + ("emotions", pid)
            if pid not in persona_ids:
                c.add("error", "unknown-persona", ep, phrase("check.unknown_persona", persona=pid),
                      suggestion(pid, persona_ids) or phrase("check.unknown_persona.hint", personas=", ".join(persona_ids)),
                      key=True)
            if scale_ok and not scale.min <= score <= scale.max:
                c.add("error", "score-out-of-scale", ep,
                      phrase("check.score_out_of_scale", score=score, min=scale.min, max=scale.max),
                      phrase("check.score_out_of_scale.hint"))
        for pid in persona_ids:
            if pid not in s.emotions:
                c.add("warning", "missing-emotion", sp + ("emotions",) if s.emotions else sp + ("id",),
                      phrase("check.missing_emotion", persona=pid, stage=s.id),
                      phrase("check.missing_emotion.hint", persona=pid))
        for j, t in enumerate(s.touchpoints):
            if vocab.channel(t.channel) is None:
                c.add("error", "unknown-channel", sp + ("touchpoints", j, "channel"),
                      phrase("check.unknown_channel", channel=t.channel),
                      suggestion(t.channel, channel_ids) or phrase("check.unknown_channel.hint"))
        for j, p in enumerate(s.pain_points):
            pp = sp + ("pain_points", j)
            _check_evidence(c, pp + ("evidence",), p.evidence, ctx)
            if p.id not in addressed:
                c.add("warning", "unaddressed-pain-point", pp + ("id",),
                      phrase("check.unaddressed_pain_point", pain_point=p.id),
                      phrase("check.unaddressed_pain_point.hint", pain_point=p.id))
        for j, o in enumerate(s.opportunities):
            op = sp + ("opportunities", j)
            if not o.addresses:
                c.add("error", "addresses-nothing", op + ("addresses",), phrase("check.addresses_nothing", opportunity=o.id),
                      phrase("check.addresses_nothing.hint"))
            for k, ref in enumerate(o.addresses):
                if ref not in pain_ids:
                    c.add("error", "unknown-pain-point", op + ("addresses", k), phrase("check.unknown_pain_point", pain_point=ref),
                          suggestion(ref, pain_ids) or phrase("check.unknown_pain_point.hint"))
        for j, k in enumerate(s.kpis):
            if k.target is None:
                c.add("warning", "kpi-no-target", sp + ("kpis", j, "id"), phrase("check.kpi_no_target", kpi=k.id),
                      phrase("check.kpi_no_target.hint"))
        if not s.touchpoints:
            c.add("warning", "no-touchpoint", sp + ("id",), phrase("check.no_touchpoint", stage=s.id),
                  phrase("check.no_touchpoint.hint"))
        if not any(p.status == "open" for p in s.pain_points):  # a resolved one no longer explains a low score
            lows = [pid for pid, v in s.emotions.items() if v <= low]
            if lows:
                c.add("warning", "low-emotion-no-pain", sp + ("emotions",),
                      phrase("check.low_emotion_no_pain", personas=", ".join(f"`{p}`" for p in lows), stage=s.id),
                      phrase("check.low_emotion_no_pain.hint"))

    c.findings += check_in_map(m, loaded, display, ctx.today, vocab.settings.kpi_max_age_days)
    for severity, code, path, message, hint in pain_status_findings(m):
        c.add(severity, code, path, message, hint)

    check_loop(c, m, ctx.today, kpi_ids, channel_ids, _unique)

    _check_fence(c, ("notes",), m.notes)
    for i, s in enumerate(m.stages):
        _check_fence(c, ("stages", i, "notes"), s.notes)

    age = (ctx.today - m.last_reviewed).days
    max_age = vocab.settings.review_max_age_days
    if age > max_age:
        c.add("warning", "stale-review", ("last_reviewed",), phrase("check.stale_review", days=age, limit=max_age),
              phrase("check.stale_review.hint"))
    elif age < 0:
        c.add("warning", "future-review", ("last_reviewed",), phrase("check.future_review"),
              phrase("check.future_review.hint"))
    return c.findings


def _check_evidence(c: _Collector, path: tuple[Any, ...], evidence: str, ctx: RuleContext) -> None:
    """Evidence names a study of the register, a research link, or the word `hypothesis`."""
    if _EVIDENCE.fullmatch(evidence):  # the word `hypothesis` or a research link
        return
    study = ctx.vocabulary.study(evidence)
    if study is None:
        ids = [st.id for st in ctx.vocabulary.studies]
        c.add("error", "bad-evidence", path, phrase("check.unknown_study", study=evidence),
              suggestion(evidence, ids) or phrase("check.bad_evidence.hint"))
        return
    age = (ctx.today - study.date).days
    limit = ctx.vocabulary.settings.study_max_age_days
    if age > limit:
        c.add("warning", "stale-study", path, phrase("check.stale_study", study=study.id, days=age, limit=limit),
              phrase("check.stale_study.hint"))


def _check_size(c: _Collector, m: JourneyMap) -> None:
    """The bounds of ``model.limits``: past them the diagram is unreadable and its PNG too large."""
    if len(m.stages) > MAX_STAGES:
        c.add("error", "too-many", ("stages",), phrase("check.too_many_stages", n=len(m.stages), max=MAX_STAGES),
              phrase("check.too_many_stages.hint"), key=True)
    if len(m.personas) > MAX_PERSONAS:
        c.add("error", "too-many", ("personas",), phrase("check.too_many_personas", n=len(m.personas), max=MAX_PERSONAS),
              phrase("check.too_many_personas.hint"), key=True)
    for i, s in enumerate(m.stages):
        for lane in CARD_LANES:
            count = len(getattr(s, lane))
            if count > MAX_CARDS_PER_LANE:
                c.add("error", "too-many", ("stages", i, lane),
                      phrase("check.too_many_cards", n=count, lane=phrase("check.cards." + lane), stage=s.id,
                             max=MAX_CARDS_PER_LANE),
                      phrase("check.too_many_cards.hint"), key=True)


def _check_fence(c: _Collector, path: tuple[Any, ...], md: str | None) -> None:
    found = unclosed_fence(md) if md else None
    if found is not None:
        line, fence = found
        c.add("warning", "unclosed-fence", path,
              phrase("check.unclosed_fence", line=line + 1, field=path[-1], fence=fence),
              phrase("check.unclosed_fence.hint", fence=fence))


def _unique(c: _Collector, what_key: str, items: Iterable[tuple[tuple[Any, ...], str]]) -> None:
    seen: dict[str, tuple[int, int]] = {}
    for path, ident in items:
        if ident in seen:
            line, col = seen[ident]
            c.add("error", "duplicate-id", path,
                  phrase("check.duplicate_id", what=phrase(what_key), id=ident, line=line, col=col),
                  phrase("check.duplicate_id.hint"))
        else:
            seen[ident] = c.loaded.where(path)


def _check_scale(c: _Collector, m: JourneyMap, scale: EmotionScale) -> bool:
    """Report a broken scale; scores are only checked against a sound one."""
    if m.emotion_scale is None:
        return True
    before = len(c.findings)
    base = ("emotion_scale",)
    if scale.min >= scale.max:
        c.add("error", "invalid-scale", base + ("min",), phrase("check.scale_min_max", min=scale.min, max=scale.max))
    seen: set[int] = set()
    for i, label in enumerate(scale.labels):
        if not scale.min <= label.value <= scale.max:
            c.add("error", "invalid-scale", base + ("labels", i, "value"),
                  phrase("check.scale_label_outside", value=label.value, min=scale.min, max=scale.max))
        if label.value in seen:
            c.add("error", "invalid-scale", base + ("labels", i, "value"), phrase("check.scale_two_labels", value=label.value))
        seen.add(label.value)
    if scale.low_threshold is not None and not scale.min <= scale.low_threshold <= scale.max:
        c.add("error", "invalid-scale", base + ("low_threshold",),
              phrase("check.scale_threshold_outside", value=scale.low_threshold, min=scale.min, max=scale.max))
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
    # What a translation compares with its original's `source_digest`; None: not worked out (see ``of``).
    digest: str | None = None
    source_digest: str | None = None
    source_digest_pos: tuple[int, int] | None = None
    translations_pos: tuple[int, int] = (1, 1)

    @classmethod
    def of(cls, m: JourneyMap, loaded: Loaded, display: str, *, digest: bool = False) -> MapSummary:
        """The digest costs a tenth of a map's check and only an original needs it: it is worked out
        for a map that lists translations, or when asked (``digest``) for one a translation names
        without being listed by it (the runner's ``_with_digests``)."""
        return cls(display, m.id, m.lang, m.status, m.based_on, dict(m.translations), loaded.where(("id",)),
                   {lang: loaded.where(("translations", lang)) for lang in m.translations},
                   loaded.where(("based_on",)), tuple(s.id for s in m.stages),
                   map_digest(m) if digest or m.translations else None, m.source_digest,
                   loaded.where(("source_digest",)), loaded.where(("translations",), key=True))

    def doc(self) -> TranslationDoc:
        return TranslationDoc("map", self.display, self.id, self.lang, self.translations, self.id_pos,
                              self.translation_pos, self.digest or "", self.source_digest, self.source_digest_pos,
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
            out.append(finding(s.display, *s.id_pos, "error", "duplicate-map-id",
                               phrase("check.duplicate_map_id", id=s.id, others=", ".join(others)),
                               phrase("check.duplicate_map_id.hint")))
    out += check_links((s.doc() for s in summaries), invalid_ids, both_ways=True)
    for s in summaries:
        if s.based_on is not None and s.based_on not in by_id and s.based_on not in invalid_ids:
            out.append(finding(s.display, *s.based_on_pos, "error", "unknown-map",
                               phrase("check.unknown_based_on", map=s.based_on),
                               suggestion(s.based_on, by_id.keys() - {s.id}), target=s.based_on))
    return out
