"""A journey map as a Mermaid `journey` diagram, for places where only Mermaid renders.

Layout of the output:

    journey
        %% (how scores were mapped, in words)
        %% journeymaps:map {...}           exact data for the importer (see mermaid_meta)
        title <map title>
        accTitle: <map title>
        accDescr: <summary>                 (`accDescr { ... }` when the summary has line breaks)
        section <stage name, in the map's language>
          %% journeymaps:stage {...}
          <action>: <score 1..5>: <persona name>, <persona name>

One task per action. Its actors are the personas with a score at that stage and its score is
the mean of their scores mapped to 1..5 (``mermaid_scores``). A stage with scores but no
actions gets one task named after the stage, marked as a placeholder so import drops it. Text
is escaped with entity codes (``mermaid_text``) so every character survives the round trip.
Touchpoints, pain points and the other lanes have no place in Mermaid's diagram and are left out.
"""

from __future__ import annotations

from collections import Counter

from ..model.journey import JourneyMap, Persona
from ..model.resolve import effective_scale, stage_name
from ..model.vocabulary import Vocabulary
from . import mermaid_meta as meta_io
from .mermaid_scores import formula, task_score
from .mermaid_text import escape

INDENT = "    "  # four spaces: no body line can close a Markdown fence around the diagram
# Mermaid passes titles and descriptions through DOMPurify, which re-serialises them as HTML
# once they hold a tag (a `<br>`): then `&`, `>` and no-break spaces would come out as entities.
SANITIZED = "&>\u00a0"
TASK_INDENT = INDENT + "  "


def actor_labels(personas: list[Persona]) -> dict[str, str]:
    """Persona id -> the actor name shown by Mermaid: the persona's name, or `name (id)` when
    two personas share a name (Mermaid merges actors by name)."""
    counts = Counter(p.name for p in personas)
    labels: dict[str, str] = {}
    for p in personas:
        label, n = (p.name if counts[p.name] == 1 else f"{p.name} ({p.id})"), 2
        while label in labels.values():  # a name that looks like another's `name (id)`
            label, n = f"{p.name} ({p.id} {n})", n + 1
        labels[p.id] = label
    return labels


def to_mermaid(m: JourneyMap, vocab: Vocabulary) -> str:
    scale = effective_scale(m, vocab)
    lo, hi = scale.min, scale.max
    labels = actor_labels(m.personas)
    meta = meta_io.MapMeta(
        id=m.id, lang=m.lang, status=m.status, industry=m.industry, range=(lo, hi), scale=m.emotion_scale,
        personas=[meta_io.MetaPersona(id=p.id, name=p.name, actor=None if labels[p.id] == p.name else labels[p.id])
                  for p in m.personas])
    lines = [
        "journey",
        f"{INDENT}%% Exported by journeymaps from the map `{m.id}`. A task's score is the mean emotion of",
        f"{INDENT}%% the personas after it, from the map's scale {lo}..{hi} to Mermaid's 1..5:",
        f"{INDENT}%% {formula(lo, hi)}.",
        f"{INDENT}%% The journeymaps: lines keep each persona's exact score for `journeymaps import-mermaid`.",
        f"{INDENT}%% journeymaps:map {meta_io.dump(meta)}",
        f"{INDENT}title {escape(m.title, also=SANITIZED)}",
        f"{INDENT}accTitle: {escape(m.title, also=SANITIZED)}",
        *_acc_descr(m.summary),
    ]
    for stage in m.stages:
        name = stage_name(m, stage, vocab)
        scored = [p for p in m.personas if p.id in stage.emotions]
        placeholder = not stage.actions and bool(scored)
        stage_meta = meta_io.StageMeta(id=stage.id, emotions={p.id: stage.emotions[p.id] for p in scored},
                                       placeholder=placeholder)
        lines.append(f"{INDENT}section {escape(name)}")
        lines.append(f"{TASK_INDENT}%% journeymaps:stage {meta_io.dump(stage_meta)}")
        score = task_score((stage.emotions[p.id] for p in scored), lo, hi)
        actors = ", ".join(escape(labels[p.id], also=",") for p in scored)
        tail = f": {score}: {actors}" if actors else f": {score}"
        for text in stage.actions or ([name] if placeholder else []):
            lines.append(f"{TASK_INDENT}{escape(text, line_start=True)}{tail}")
    return "\n".join(lines) + "\n"


def _acc_descr(summary: str) -> list[str]:
    if "\n" not in summary:
        return [f"{INDENT}accDescr: {escape(summary, also=SANITIZED)}"]
    # Mermaid trims each line of a multi-line description; `}` would end it.
    body = [f"{INDENT}{INDENT}{escape(line, also='}' + SANITIZED)}" for line in summary.split("\n")]
    return [f"{INDENT}accDescr {{", *body, f"{INDENT}}}"]
