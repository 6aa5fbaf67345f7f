"""Compare two versions of one journey map and say what changed, in a reviewer's words.

Things with ids (stages, personas, pain points, opportunities, KPIs, objectives) are matched
by id, so a pain point that moved to another stage is "moved", not "removed and added".
Touchpoints have no id: they are matched by name within a stage. Any field this module does
not know by name is still reported by the generic field comparison, so a field added to the
format later never changes silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..model.journey import JourneyMap, Kpi, Opportunity, PainPoint, Pilot, Play, Stage, Touchpoint
from ..model.priority import quadrant
from ..model.lanes import LANE_SPECS
from ..model.vocabulary import Vocabulary
from ..render.cards import guardrail_words
from ..render.words import words_for
from .changes import Change, Phrase, Val
from .changes import language
from .words import (amount, channel_label, is_id, is_short, join, label, persona_short, phrase, q, score, signed_scale,
                    singular, stage_label, value, word)

_SEVERITY = ("low", "medium", "high", "critical")


@dataclass(frozen=True)
class _Pair:
    base: JourneyMap
    head: JourneyMap
    vocab: Vocabulary | None

    def stage(self, stage_id: str) -> Val:
        for m in (self.head, self.base):
            for s in m.stages:
                if s.id == stage_id:
                    return Val(stage_label(m, s, self.vocab))
        return Val(stage_id)

    def persona(self, persona_id: str) -> Val:
        for m in (self.head, self.base):
            for p in m.personas:
                if p.id == persona_id:
                    return Val(persona_short(p))
        return Val(persona_id)


def compare_maps(base: JourneyMap, head: JourneyMap, vocab: Vocabulary | None) -> list[Change]:
    pair = _Pair(base, head, vocab)
    out: list[Change] = []
    for section, phrases in (("diff.stages", _stages(pair)), ("diff.emotions", _emotions(pair)),
                             ("lane.pain_points", _pain_points(pair)), ("lane.opportunities", _opportunities(pair)),
                             ("lane.kpis", _kpis(pair)), ("lane.plays", _plays(pair)),
                             ("lane.touchpoints", _touchpoints(pair)),
                             ("personas", _personas(pair)), ("objectives", _objectives(pair)),
                             ("diff.other", _other(pair))):
        out.extend(Change(section, p) for p in phrases)  # type: ignore[arg-type]
    return out


# --- stages and emotions --------------------------------------------------------------

def _stages(pair: _Pair) -> Iterable[Phrase]:
    base_ids = [s.id for s in pair.base.stages]
    head_ids = [s.id for s in pair.head.stages]
    signed = signed_scale(pair.head, pair.vocab)
    for i, s in enumerate(pair.head.stages):
        if s.id not in base_ids:
            where = phrase("diff.at_start") if i == 0 else phrase("diff.after", stage=pair.stage(head_ids[i - 1]))
            # The new stage's emotions: the one thing about it that moves the curve.
            scores = [(pair.persona(p.id), " " + score(s.emotions[p.id], signed))
                      for p in pair.head.personas if p.id in s.emotions]
            yield phrase("diff.stage_added", stage=pair.stage(s.id), where=where,
                         scores=phrase("diff.scores", scores=join(scores, word("comma"))) if scores else ())
    for s in pair.base.stages:
        if s.id not in head_ids:
            yield phrase("diff.stage_removed", stage=Val(stage_label(pair.base, s, pair.vocab)))
    kept_before = [sid for sid in base_ids if sid in head_ids]
    kept_after = [sid for sid in head_ids if sid in base_ids]
    if kept_before != kept_after:
        yield phrase("diff.stages_reordered", before=join([(pair.stage(s),) for s in kept_before], word("comma")),
                     after=join([(pair.stage(s),) for s in kept_after], word("comma")))
    for old, new in _common_stages(pair):
        before, after = stage_label(pair.base, old, pair.vocab), stage_label(pair.head, new, pair.vocab)
        if before != after:
            yield phrase("diff.stage_renamed", before=Val(before), after=Val(after))


def _common_stages(pair: _Pair) -> list[tuple[Stage, Stage]]:
    base = {s.id: s for s in pair.base.stages}
    return [(base[s.id], s) for s in pair.head.stages if s.id in base]


def _emotions(pair: _Pair) -> Iterable[Phrase]:
    signed = signed_scale(pair.head, pair.vocab)
    both = [p.id for p in pair.head.personas if p.id in {b.id for b in pair.base.personas}]
    for old, new in _common_stages(pair):
        for pid in both:
            a, b = old.emotions.get(pid), new.emotions.get(pid)
            if a == b:
                continue
            if a is None:
                change = phrase("diff.score_new", score=score(b, signed))  # type: ignore[arg-type]
            elif b is None:
                change = phrase("diff.score_removed", score=score(a, signed))
            else:
                change = phrase("diff.better" if b > a else "diff.worse", before=score(a, signed), after=score(b, signed))
            yield phrase("diff.who", persona=pair.persona(pid), stage=pair.stage(new.id), change=change)


# --- pain points, opportunities, KPIs (ids unique across the map) ---------------------

def _matched(base: dict[str, tuple[Stage, Any]], head: dict[str, tuple[Stage, Any]]):
    """(id, base item or None, head item or None) in head order, then removed items in base order."""
    for key, (stage, item) in head.items():
        old = base.get(key)
        yield key, old, (stage, item)
    for key, old in base.items():
        if key not in head:
            yield key, old, None


def _moved(pair: _Pair, old_stage: Stage, new_stage: Stage) -> list[Phrase]:
    if old_stage.id == new_stage.id:
        return []
    return [phrase("diff.moved", before=pair.stage(old_stage.id), after=pair.stage(new_stage.id))]


def _entities(pair: _Pair, noun: str, base: dict[str, tuple[Stage, Any]], head: dict[str, tuple[Stage, Any]],
              added: Callable[[Val, Any], Phrase], name: Callable[[Any], Val],
              edits: Callable[[Any, Any], list[Phrase]]) -> Iterable[Phrase]:
    """Added, removed and edited items of one kind, each edit as one line."""
    for _, old, new in _matched(base, head):
        if old is None:
            stage, item = new
            yield added(pair.stage(stage.id), item)
        elif new is None:
            stage, item = old
            yield phrase("diff.removed_at", noun=word(noun), stage=Val(stage_label(pair.base, stage, pair.vocab)),
                         name=name(item))
        else:
            (s0, a), (s1, b) = old, new
            parts = _moved(pair, s0, s1) + edits(a, b)
            if parts:
                yield phrase("diff.edited_at", noun=word(noun), name=name(b), stage=pair.stage(s1.id),
                             edits=join(parts, word("clause_sep")))


def _pain_points(pair: _Pair) -> Iterable[Phrase]:
    return _entities(pair, "one.pain_points", pair.base.pain_point_index(), pair.head.pain_point_index(),
                     lambda stage, p: phrase("diff.pain_added", severity=word("severity." + p.severity), stage=stage,
                                             text=q(p.text)),
                     lambda p: q(p.text), _pain_edits)


def _pain_edits(a: PainPoint, b: PainPoint) -> list[Phrase]:
    parts: list[Phrase] = []
    if a.text != b.text:
        parts.append(phrase("diff.text_was", text=q(a.text)))
    if a.severity != b.severity:
        worse = _SEVERITY.index(b.severity) > _SEVERITY.index(a.severity)
        parts.append(phrase("diff.more_severe" if worse else "diff.less_severe",
                            before=word("severity." + a.severity), after=word("severity." + b.severity)))
    if a.evidence != b.evidence:  # a study id, an address or the format's word: codes, not text
        parts.append(phrase("diff.evidence", before=(Val(a.evidence, code=True),), after=(Val(b.evidence, code=True),)))
    if a.status != b.status:
        parts.append(phrase("diff.status", before=word("pain_status." + a.status),
                            after=word("pain_status." + b.status)))
    return parts + _field_edits(a, b, {"id", "text", "severity", "evidence", "status"})


def _priority(o: Opportunity) -> Phrase:
    return phrase("diff.priority", impact=str(o.impact), effort=str(o.effort), quadrant=quadrant(o, language()))


def _opportunities(pair: _Pair) -> Iterable[Phrase]:
    return _entities(pair, "one.opportunities", pair.base.opportunity_index(), pair.head.opportunity_index(),
                     lambda stage, o: phrase("diff.opportunity_added", stage=stage, text=q(o.text),
                                             priority=_priority(o)),
                     lambda o: q(o.text), _opportunity_edits)


def _opportunity_edits(a: Opportunity, b: Opportunity) -> list[Phrase]:
    parts: list[Phrase] = []
    if (a.impact, a.effort) != (b.impact, b.effort):
        moves = [phrase(key, before=str(x), after=str(y))
                 for key, x, y in (("diff.impact", a.impact, b.impact), ("diff.effort", a.effort, b.effort)) if x != y]
        qa, qb = quadrant(a, language()), quadrant(b, language())
        moves.append(phrase("diff.from_to", before=qa, after=qb) if qa != qb
                     else phrase("diff.quadrant_kept", quadrant=qb))
        parts.append(join(moves, word("comma")))
    if a.text != b.text:
        parts.append(phrase("diff.text_was", text=q(a.text)))
    if a.status != b.status:
        parts.append(phrase("diff.status", before=word("status." + a.status), after=word("status." + b.status)))
    added = [x for x in b.addresses if x not in a.addresses]
    dropped = [x for x in a.addresses if x not in b.addresses]
    if added:
        parts.append(phrase("diff.also_addresses", ids=join([(Val(x),) for x in added], word("comma"))))
    if dropped:
        parts.append(phrase("diff.no_longer_addresses", ids=join([(Val(x),) for x in dropped], word("comma"))))
    return parts + _pilot_edits(a.pilots, b.pilots) + _field_edits(a, b, {"id", "text", "impact", "effort", "status",
                                                                           "addresses", "pilots"})


def _pilot_edits(before: list[Pilot], after: list[Pilot]) -> list[Phrase]:
    """Pilots by id: started, dropped, decided, or otherwise edited (the generic comparison)."""
    old = {p.id: p for p in before}
    new_ids = {p.id for p in after}
    out: list[Phrase] = []
    for p in after:
        a = old.get(p.id)
        if a is None:
            dates = {"start": (p.start.isoformat(),), "end": (p.end.isoformat(),)}
            out.append(phrase("diff.pilot_added_decided", hypothesis=q(p.hypothesis), **dates,
                              decision=word("decision." + p.decision)) if p.decision
                       else phrase("diff.pilot_added", hypothesis=q(p.hypothesis), **dates))
            continue
        if a.decision != p.decision and p.decision is not None:
            out.append(phrase("diff.pilot_decided", hypothesis=q(p.hypothesis), decision=word("decision." + p.decision)))
        edits = _field_edits(a, p, {"id"} if a.decision is not None and p.decision is None else {"id", "decision"})
        if edits:
            out.append(phrase("diff.edited", noun=word("one.pilots"), name=q(p.hypothesis), edits=join(edits, word("comma"))))
    out += [phrase("diff.pilot_removed", hypothesis=q(p.hypothesis)) for p in before if p.id not in new_ids]
    return out


def _kpis(pair: _Pair) -> Iterable[Phrase]:
    return _entities(pair, "one.kpis", pair.base.kpi_index(), pair.head.kpi_index(), _kpi_added, lambda k: Val(k.name),
                     _kpi_edits)


def _kpi_added(stage: Val, k: Kpi) -> Phrase:
    values = [phrase("diff.value", what=word("diff." + name), value=amount(v, k.unit))
              for name, v in (("baseline", k.baseline), ("target", k.target), ("current", k.current)) if v is not None]
    return phrase("diff.kpi_added", stage=stage, name=Val(k.name), values=join(values, word("comma")))


def _kpi_edits(a: Kpi, b: Kpi) -> list[Phrase]:
    parts: list[Phrase] = []
    if a.name != b.name:
        parts.append(phrase("diff.renamed_from", name=Val(a.name)))
    if a.unit != b.unit:
        parts.append(phrase("diff.unit", before=Val(a.unit) if a.unit else word("diff.none"),
                            after=Val(b.unit) if b.unit else word("diff.none")))
    for name in ("baseline", "target", "current"):
        x, y = getattr(a, name), getattr(b, name)
        if x == y:
            continue
        what = word("diff." + name)
        if x is None:
            change = phrase("diff.set_to", what=what, value=amount(y, b.unit))
        elif y is None:
            change = phrase("diff.removed_was", what=what, value=amount(x, a.unit))
        else:
            change = phrase("diff.change", what=what, before=amount(x, a.unit), after=amount(y, b.unit))
        if name == "current" and x is not None and y is not None and b.target is not None:
            gap_before, gap_after = abs(b.target - x), abs(b.target - y)
            if gap_after != gap_before:
                change = phrase("diff.closer" if gap_after < gap_before else "diff.further", change=change)
        parts.append(change)
    return parts + _field_edits(a, b, {"id", "name", "unit", "baseline", "target", "current"})


def _plays(pair: _Pair) -> Iterable[Phrase]:
    return _entities(pair, "one.plays", pair.base.play_index(), pair.head.play_index(),
                     lambda stage, p: phrase("diff.play_added", stage=stage, trigger=q(p.trigger),
                                             channel=Val(_channel(pair, p.channel))),
                     lambda p: q(p.trigger), _play_edits)


def _play_edits(a: Play, b: Play) -> list[Phrase]:
    parts = _field_edits(a, b, {"id", "guardrail"})
    if a.guardrail != b.guardrail:
        parts.append(phrase("diff.change", what=label("guardrail"), before=_guardrail(a), after=_guardrail(b)))
    return parts


def _guardrail(p: Play) -> Phrase:
    """A guardrail in the review's language, worded as the canvas and the pages word it, or "none"."""
    said = guardrail_words(p, words_for(language()))
    return (said,) if said else (word("diff.none"),)


# --- touchpoints (matched by name within a stage) -------------------------------------

def _keyed(touchpoints: list[Touchpoint]) -> dict[tuple[str, int], Touchpoint]:
    seen: dict[str, int] = {}
    out = {}
    for t in touchpoints:
        n = seen.get(t.name, 0)
        seen[t.name] = n + 1
        out[(t.name, n)] = t
    return out


def _touchpoints(pair: _Pair) -> Iterable[Phrase]:
    for old_stage, new_stage in _common_stages(pair):
        stage = pair.stage(new_stage.id)
        before, after = _keyed(old_stage.touchpoints), _keyed(new_stage.touchpoints)
        for key, t in after.items():
            old = before.get(key)
            if old is None:
                yield phrase("diff.touchpoint_added", name=q(t.name), stage=stage, channel=Val(_channel(pair, t.channel)))
                continue
            parts: list[Phrase] = []
            if old.channel != t.channel:
                parts.append(phrase("diff.moved", before=Val(_channel(pair, old.channel, base=True)),
                                    after=Val(_channel(pair, t.channel))))
            if old.layer != t.layer:
                parts.append(phrase("diff.from_to", before=word("layer." + old.layer),
                                    after=word("layer." + t.layer)))
            parts += _field_edits(old, t, {"name", "channel", "layer"})
            if parts:
                yield phrase("diff.edited_at", noun=word("one.touchpoints"), name=q(t.name), stage=stage,
                             edits=join(parts, word("clause_sep")))
        for key, t in before.items():
            if key not in after:
                yield phrase("diff.touchpoint_removed", name=q(t.name), stage=stage,
                             channel=Val(_channel(pair, t.channel, base=True)))


def _channel(pair: _Pair, channel_id: str, *, base: bool = False) -> str:
    return channel_label(channel_id, (pair.base if base else pair.head).lang, pair.vocab)


# --- personas, objectives, everything else --------------------------------------------

def _personas(pair: _Pair) -> Iterable[Phrase]:
    base = {p.id: p for p in pair.base.personas}
    head_ids = {p.id for p in pair.head.personas}
    for p in pair.head.personas:
        old = base.get(p.id)
        if old is None:
            yield phrase("diff.persona_added", name=Val(p.name))
            continue
        parts: list[Phrase] = [phrase("diff.renamed_from", name=Val(old.name))] if old.name != p.name else []
        parts += _field_edits(old, p, {"id", "name"})
        if parts:
            yield phrase("diff.edited", noun=word("one.personas"), name=Val(persona_short(p)),
                         edits=join(parts, word("clause_sep")))
    for p in pair.base.personas:
        if p.id not in head_ids:
            yield phrase("diff.persona_removed", name=Val(p.name))


def _objectives(pair: _Pair) -> Iterable[Phrase]:
    base = {o.id: o for o in pair.base.objectives}
    head_ids = {o.id for o in pair.head.objectives}
    for o in pair.head.objectives:
        old = base.get(o.id)
        if old is None:
            yield phrase("diff.objective_added", kind=word("objective." + o.kind), text=q(o.text))
            continue
        parts = _field_edits(old, o, {"id"})
        if parts:
            yield phrase("diff.edited", noun=word("one.objectives"), name=q(o.text), edits=join(parts, word("clause_sep")))
    for o in pair.base.objectives:
        if o.id not in head_ids:
            yield phrase("diff.objective_removed", text=q(o.text))


_MAP_HANDLED = {"id", "personas", "stages", "objectives"}
# Lanes compared by their own section above; the other lanes go item by item through _field_edits.
_STAGE_HANDLED = {"id", "name", *(s.field for s in LANE_SPECS if s.compare == "own")}


def _other(pair: _Pair) -> Iterable[Phrase]:
    yield from _field_edits(pair.base, pair.head, _MAP_HANDLED)
    for old, new in _common_stages(pair):
        for change in _field_edits(old, new, _STAGE_HANDLED):
            yield phrase("diff.in_stage", stage=pair.stage(new.id), change=change)


def _field_edits(old: BaseModel, new: BaseModel, skip: set[str]) -> list[Phrase]:
    """Every other field that differs, in the model's field order."""
    out: list[Phrase] = []
    for name in type(new).model_fields:
        if name in skip:
            continue
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.extend(_value_edit(name, a, b))
    return out


def _value_edit(name: str, a: Any, b: Any) -> list[Phrase]:
    what = label(name)
    if a is None:
        return [phrase("diff.field_added", what=what) if _long(b) else phrase("diff.set_to", what=what, value=_brief(b))]
    if b is None:
        return [phrase("diff.field_removed", what=what) if _long(a)
                else phrase("diff.removed_was", what=what, value=_brief(a))]
    if isinstance(a, list) and isinstance(b, list) and all(isinstance(x, (str, int, float)) for x in a + b):
        added = [x for x in b if x not in a]
        dropped = [x for x in a if x not in b]
        if all(isinstance(x, str) and is_id(x) for x in a + b):
            # Ids (tags, KPI ids) read best as one list; sentences each on their own line.
            out: list[Phrase] = [phrase("diff.added_list", what=what, values=value(added))] if added else []
            out += [phrase("diff.removed_list", what=what, values=value(dropped))] if dropped else []
        else:
            out = [phrase("diff.added_item", what=singular(name), value=value(x)) for x in added]
            out += [phrase("diff.removed_item", what=singular(name), value=value(x)) for x in dropped]
        return out or [phrase("diff.reordered", what=what)]
    if isinstance(a, dict) and isinstance(b, dict):
        return [_dict_edit(what, a, b)]
    if isinstance(a, BaseModel) and isinstance(b, BaseModel):
        return [phrase("diff.changes", what=what, changes=join(_model_leaves(a, b), word("clause_sep")))]
    if isinstance(a, str) and isinstance(b, str) and not (is_short(a) and is_short(b)):
        return [phrase("diff.text_edited", what=what)]
    return [phrase("diff.change", what=what, before=value(a), after=value(b))]


def _long(v: Any) -> bool:
    return isinstance(v, str) and not is_short(v)


def _brief(v: Any) -> Phrase:
    if isinstance(v, BaseModel):
        return (word("diff.new_values"),)
    return value(v)


def _dict_edit(what: str, a: dict, b: dict) -> Phrase:
    parts: list[Phrase] = []
    for key in b:
        if key not in a:
            parts.append(phrase("diff.added_item", what=Val(str(key)), value=value(b[key])))
        elif a[key] != b[key]:
            parts.append(phrase("diff.change", what=Val(str(key)), before=value(a[key]), after=value(b[key])))
    parts += [phrase("diff.removed_item", what=Val(str(key)), value=value(a[key])) for key in a if key not in b]
    return phrase("diff.changes", what=what, changes=join(parts, word("comma")))


def _model_leaves(a: BaseModel, b: BaseModel) -> list[Phrase]:
    """Changed leaves of two nested values, e.g. ``min -2 -> 1`` for an emotion scale."""
    flat_a, flat_b = _flatten(a.model_dump(mode="json")), _flatten(b.model_dump(mode="json"))
    out: list[Phrase] = []
    for path in sorted(set(flat_a) | set(flat_b), key=_path_key):
        x, y = flat_a.get(path), flat_b.get(path)
        if x != y:
            out.append(phrase("diff.change", what=_path_words(path), before=value(x), after=value(y)))
    return out


def _path_words(path: str) -> str:
    """A nested field's path in the reader's words: ``labels[0].label`` reads "labels #1 label"."""
    return " ".join(label(name) if name else f"#{int(index) + 1}"
                    for name, index in re.findall(r"([A-Za-z_]\w*)|\[(\d+)\]", path))


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, v in data.items():
            out.update(_flatten(v, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(data, list) and any(isinstance(x, (dict, list)) for x in data):
        out = {}
        for i, v in enumerate(data):
            out.update(_flatten(v, f"{prefix}[{i}]"))
        return out
    return {prefix: data}


def _path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    # Numeric list indexes sort as numbers (labels[2] before labels[10]).
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p)
                 for p in path.replace("[", ".").replace("]", "").split("."))
