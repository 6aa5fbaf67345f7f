"""The site schema: the published schema plus what one site's ``site_config/`` knows.

The generic schema (``journeymap.schema.json``) knows an id only by its shape. An editor
reading this one also knows the site's channel, industry and stage ids (offered in
completion, with their names), its emotion scale, the evidence rule, and inserts
skeletons for the repeated items. It is written beside ``site_config/`` by
``journeymaps schema --site`` and by the build whenever it is stale.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

from ..core.phrase import phrase
from ..model.journey import EVIDENCE_PATTERN, SLUG_PATTERN
from ..model.vocabulary import Named, Vocabulary
from ..words.reader import english
from . import MODELINE_TARGET, json_schema

SITE_SCHEMA_NAME = "journeymap.site.schema.json"
# What a map under maps/<industry>/ writes after `$schema=` to use its site's schema.
SITE_MODELINE_TARGET = f"../../site_config/{SITE_SCHEMA_NAME}"

# Skeletons offered when an author starts a new list item (yaml-language-server's
# `defaultSnippets`); `$n` / `${n:...}` are snippet tab stops, `${n|a,b|}` a choice.
_SNIPPETS: dict[str, tuple[str, dict[str, Any]]] = {
    "Stage": ("schema.snippet.stage", {
        "id": "${1:stage-id}", "goal": "$2", "actions": ["$3"], "thoughts": ["$4"], "emotions": {"${5:persona}": 0},
        "touchpoints": [{"name": "$6", "channel": "${7:channel}"}]}),
    "PainPoint": ("schema.snippet.pain_point", {
        "id": "${1:pain-point-id}", "text": "$2", "severity": "${3|low,medium,high,critical|}",
        "evidence": "${4:hypothesis}"}),
    "Opportunity": ("schema.snippet.opportunity", {
        "id": "${1:opportunity-id}", "text": "$2", "addresses": ["${3:pain-point-id}"],
        "impact": "^${4|1,2,3,4,5|}", "effort": "^${5|1,2,3,4,5|}", "status": "${6|idea,planned,piloting,shipped,dropped|}"}),
    "Kpi": ("schema.snippet.kpi", {
        "id": "${1:kpi-id}", "name": "$2", "unit": "${3:%}", "baseline": "^${4:0}", "target": "^${5:0}"}),
}


def site_schema_path(site_config: Path) -> Path:
    return site_config / SITE_SCHEMA_NAME


def modeline_target(maps_dir: Path | None, site_config: Path | None) -> str:
    """What a new map under ``maps_dir/<industry>/`` writes after `$schema=`: its site's schema,
    relative to the map's folder; the generic schema when the map is not written into a
    project (printed, or no ``site_config/`` to point at)."""
    if maps_dir is None or site_config is None:
        return MODELINE_TARGET
    folder = maps_dir.resolve() / "industry"  # every map sits one folder below the maps folder
    try:
        return Path(os.path.relpath(site_schema_path(site_config.resolve()), folder)).as_posix()
    except ValueError:  # another drive (Windows): no relative path
        return site_schema_path(site_config.resolve()).as_uri()


def site_json_schema(vocab: Vocabulary) -> dict[str, Any]:
    schema = copy.deepcopy(json_schema())
    schema.pop("$id", None)  # the published id names the generic schema, not this site's
    _drop_null_defaults(schema)
    defs = schema["$defs"]
    top = schema["properties"]

    top["industry"] = {**top["industry"], **_catalogue(vocab.industries)}
    defs["Touchpoint"]["properties"]["channel"] = {**defs["Touchpoint"]["properties"]["channel"],
                                                   **_catalogue(vocab.channels)}
    _stage_ids(defs["Stage"], vocab)
    _scores(schema, vocab)
    for name in ("impact", "effort"):
        defs["Opportunity"]["properties"][name]["errorMessage"] = english(phrase("schema.one_to_five"))
    evidence = defs["PainPoint"]["properties"]["evidence"]
    # The register's study ids are a closed list here, so the editor flags an unknown one as check does.
    # Study ids are slugs (letters, digits, hyphens): nothing to escape, and re.escape's "\\-" is an
    # error in the editor's JavaScript RegExp (unicode mode forbids identity escapes).
    studies = "".join(f"{st.id}|" for st in vocab.studies)
    evidence["pattern"] = EVIDENCE_PATTERN.replace("^(?:", "^(?:" + studies, 1)
    evidence["errorMessage"] = evidence["patternErrorMessage"] = (
        f"{english(phrase('check.bad_evidence'))}: {english(phrase('check.bad_evidence.hint'))}")
    top["last_reviewed"]["patternErrorMessage"] = english(phrase("schema.calendar_date"))
    for name, (label, body) in _SNIPPETS.items():
        defs[name]["defaultSnippets"] = [{"label": english(phrase(label)), "body": body}]
    return schema


def site_schema_text(vocab: Vocabulary) -> str:
    return json.dumps(site_json_schema(vocab), indent=2, ensure_ascii=False) + "\n"


def write_site_schema(site_config: Path, vocab: Vocabulary) -> bool:
    """Rewrite the site schema when it differs from what the vocabulary gives; True if written.
    Written whole through a temporary file, so an editor never reads half of it."""
    path = site_schema_path(site_config)
    text = site_schema_text(vocab)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True


def _catalogue(entries: list[Named]) -> dict[str, Any]:
    """An id from a catalogue: its ids as the allowed values, each described by its name."""
    return {
        "enum": [e.id for e in entries],
        "enumDescriptions": [e.name("en") for e in entries],
        "markdownEnumDescriptions": [_described(e) for e in entries],
    }


def _described(entry: Named) -> str:
    others = ", ".join(name for lang, name in entry.names.items() if lang != "en")
    text = f"**{entry.name('en')}**" + (f" ({others})" if others else "")
    described = entry.describe("en")
    return text + (f": {described}" if described else "")


def _stage_ids(stage: dict[str, Any], vocab: Vocabulary) -> None:
    """A catalogue id is offered with its name; any slug is allowed when the stage has a `name`."""
    ids = _catalogue(vocab.stages)
    prop = stage["properties"]["id"]
    stage["properties"]["id"] = {"description": prop["description"],
                                 "anyOf": [{"type": "string", **ids}, {k: v for k, v in prop.items() if k != "description"}]}
    stage["if"] = {"not": {"required": ["name"]}}
    stage["then"] = {"properties": {"id": {"enum": ids["enum"], "errorMessage": english(phrase("schema.stage_id"))}}}


def _scores(schema: dict[str, Any], vocab: Vocabulary) -> None:
    """Scores are held to the site's scale unless the map declares its own."""
    scale = vocab.emotion_scale
    names = {label.value: label.label for label in scale.labels}
    values = {"min": scale.min, "max": scale.max, "low": names.get(scale.min, scale.min),
              "high": names.get(scale.max, scale.max)}
    emotions = schema["$defs"]["Stage"]["properties"]["emotions"]
    score = emotions["patternProperties"][SLUG_PATTERN]
    score["markdownDescription"] = english(phrase("schema.score", **values))
    score["errorMessage"] = english(phrase("schema.score.error", **values))
    schema["if"] = {"not": {"required": ["emotion_scale"]}}
    schema["then"] = {"properties": {"stages": {"items": {"properties": {"emotions": {
        "patternProperties": {SLUG_PATTERN: {"minimum": scale.min, "maximum": scale.max}}}}}}}}


def _drop_null_defaults(node: Any) -> None:
    """`default: null` makes editors complete an optional key as `key: null`; leaving the key
    out means the same, so the site schema does not offer it."""
    if isinstance(node, dict):
        if "default" in node and node["default"] is None:
            del node["default"]
        for value in node.values():
            _drop_null_defaults(value)
    elif isinstance(node, list):
        for item in node:
            _drop_null_defaults(item)
