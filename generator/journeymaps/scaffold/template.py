"""The text of a new map file: YAML with comments that teach the format."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Literal

from ..load.yaml_write import map_file, modeline
from ..model.journey import JourneyMap
from ..model.lanes import page_order
from ..model.resolve import low_threshold, score_label
from ..model.translation import map_digest
from ..model.vocabulary import Vocabulary

PERSONA = "customer"
Mode = Literal["translation", "to-be"]


def scalar(text: str) -> str:
    """A YAML 1.2 double-quoted scalar (JSON strings are valid YAML): any text stays text."""
    return json.dumps(text, ensure_ascii=False)


def _score(v: int, signed: bool) -> str:
    return f"+{v}" if signed and v > 0 else str(v)


def fresh(*, map_id: str, title: str, industry: str, lang: str, vocab: Vocabulary, today: _dt.date,
          schema: str) -> str:
    """A commented skeleton; ``schema`` is the modeline's target (see ``schema.site.modeline_target``)."""
    scale = vocab.emotion_scale
    signed = scale.min < 0
    low = low_threshold(scale)
    lo = f"{_score(scale.min, signed)} ({score_label(scale, scale.min) or 'lowest'})"
    hi = f"{_score(scale.max, signed)} ({score_label(scale, scale.max) or 'highest'})"
    industry_def = vocab.industry(industry)
    industry_name = industry_def.name(lang) if industry_def else industry
    channel = next((c.id for c in vocab.channels if c.id == "website"), vocab.channels[0].id if vocab.channels else "website")
    neutral = 0 if scale.min <= 0 <= scale.max else scale.min + (scale.max - scale.min) // 2
    path = f"maps/{industry}/{map_id}.yaml"

    out = [
        modeline(schema),
        "# A customer journey map. Fill it in from the top; after each edit run",
        f"#   journeymaps check {path}",
        "# which names every missing or mistyped field. Values with \": \" or a leading",
        "# special character (- [ { & * ! | > ' \" % @ `) go in double quotes.",
        "",
        f"id: {map_id}  # unique across the site; also the address of the map's page",
        f"title: {scalar(title)}",
        f"industry: {industry}  # {industry_name}; the file sits in maps/{industry}/",
        f"lang: {lang}  # language the text is written in",
        "summary: \"Draft: whose journey this is, through which stages, to what end.\"",
        "status: as-is  # as-is: the journey today; to-be: the journey you design",
        "owner: \"Unassigned\"  # team or person accountable for the journey",
        f"last_reviewed: {scalar(today.isoformat())}  # YYYY-MM-DD; an old review becomes a warning",
        "tags: []  # free tags for the site's tag index, e.g. [onboarding, mobile-first]",
        "",
        "# Who is on the journey. Every stage gives an emotion score per persona id.",
        "personas:",
        f"  - id: {PERSONA}",
        "    name: \"Primary customer\"  # e.g. \"Maya, the time-pressed professional\"",
        "    # description: Who they are, in a sentence or two.",
        "    # goals: [What they want to achieve]",
        "    # needs: [What they need from us to get there]",
        "    # frustrations: [What gets in their way today]",
        "",
        "# What the map is for; each objective names KPI ids defined under the stages.",
        "# objectives:",
        "#   - {id: lift-sign-ups, kind: conversion, text: Turn more visitors into customers., kpis: [visit-to-sign-up]}",
        "",
        "# The stages, in order. Ids from the stage catalogue (site_config/stages.yaml) show their",
        "# name in every language; a stage of your own needs `id` and `name`.",
        f"# Emotion scores run from {lo} to {hi}; a score of {_score(low, signed)} or lower",
        "# should be explained by a pain point at the same stage.",
        "stages:",
    ]
    for i, stage in enumerate(s for s in vocab.stages if s.skeleton):
        text = stage.describe(lang)
        description = f": {' '.join(text.split())}" if text else ""
        out.append(f"  # {stage.name(lang)}{description}")
        out.append(f"  - id: {stage.id}")
        out.append(f"    emotions: {{{PERSONA}: {neutral}}}")
        if i == 0:
            out += [
                "    # Every lane is optional. Uncomment and edit; the check tells you what is left.",
                "    # goal: What the customer wants to achieve here.",
            ]
            out += [line.replace("<channel>", channel) for spec in page_order() for line in spec.example]
    if not any(s.skeleton for s in vocab.stages):
        out += ["  - id: first-stage", "    name: First stage", f"    emotions: {{{PERSONA}: {neutral}}}"]
    return "\n".join(out) + "\n"


def derived(source: JourneyMap, source_path: str, *, map_id: str, title: str, lang: str, mode: Mode,
            today: _dt.date, schema: str, series_file: str | None = None) -> str:
    """``series_file``: the name of the source's KPI data file (CSV) when it has one."""
    data: dict[str, Any] = source.model_dump(mode="python", exclude_defaults=True)
    data.pop("kpi_data", None)
    for stage in data.get("stages", ()):
        for kpi in stage.get("kpis", ()):
            if "target_date" in kpi:
                kpi["target_date"] = kpi["target_date"].isoformat()  # quoted: YAML 1.1 readers get a string
            # A designed journey has no measurements yet; a translation reads the original's CSV
            # (below) rather than a copy that would drift from it.
            if mode == "to-be" or series_file is not None:
                kpi.pop("observations", None)
            else:
                for o in kpi.get("observations", ()):
                    o["date"] = o["date"].isoformat()  # quoted, as last_reviewed: YAML 1.1 readers get a string
    if mode == "translation" and series_file is not None:
        data["kpi_data"] = series_file
    # A string, not a date: quoted in the file, so YAML 1.1 readers (js-yaml) get a string too.
    data.update(id=map_id, title=title, lang=lang, last_reviewed=today.isoformat())
    data.pop("translations", None)
    data.pop("based_on", None)
    data.pop("source_digest", None)
    if mode == "translation":
        data["translations"] = {source.lang: source.id}
        data["source_digest"] = map_digest(source)  # the original as it is now; `check` tells when it moves on
        if source.based_on:
            data["based_on"] = source.based_on
        header = [
            f"Translation ({lang}) of `{source.id}` ({source_path}), started with",
            f"journeymaps new --from {source.id} --lang {lang}",
            "Translate the text values and keep every id: ids are the same in every language, so the",
            "maps line up stage by stage and persona by persona.",
        ]
    else:
        data["status"] = "to-be"
        data["based_on"] = source.id
        header = [
            f"To-be version of `{source.id}` ({source_path}): the journey you design. It starts as a",
            "copy of today's journey with the same ids. Change stages, emotions and opportunities to the",
            "target; keep the ids of what stays, so `journeymaps diff` and the site can compare the two.",
        ]
    ordered = {name: data[name] for name in JourneyMap.model_fields if name in data}
    return map_file(ordered, schema=schema, comments=[*header, ""])
