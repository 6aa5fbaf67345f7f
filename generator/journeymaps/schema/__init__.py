"""The published JSON Schema, generated from the models (the single source of truth).

The committed copy at ``generator/journeymaps/schema/journeymap.schema.json`` is what editors read
through the ``# yaml-language-server: $schema=...`` modeline; a test keeps it in sync.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..model.journey import JourneyMap

SCHEMA_PATH = Path(__file__).with_name("journeymap.schema.json")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://journeymaps.dev/schema/journeymap-1.schema.json"
MODELINE_TARGET = "../../generator/journeymaps/schema/journeymap.schema.json"


@cache
def json_schema() -> dict[str, Any]:
    schema = JourneyMap.model_json_schema(mode="validation")
    _drop_titles(schema)
    return {"$schema": DRAFT, "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _drop_titles(node: Any, top: bool = True) -> None:
    """Pydantic titles every property with its capitalised name ("Id"); editors then show
    that instead of the description. Keep only the document title."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for sub in props.values():
                if isinstance(sub, dict):
                    sub.pop("title", None)
        for key, value in node.items():
            if key == "$defs" and isinstance(value, dict):
                for sub in value.values():
                    _drop_titles(sub, top=False)
            else:
                _drop_titles(value, top=False)
    elif isinstance(node, list):
        for item in node:
            _drop_titles(item, top=False)


def subschema_at(path: tuple[str | int, ...], root: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The schema that applies at a data path (in the map schema unless ``root`` is given),
    following ``$ref``, items and additionalProperties."""
    root = root if root is not None else json_schema()
    node: dict[str, Any] | None = _deref(root, root)
    for part in path:
        if node is None:
            return None
        if isinstance(part, int):
            node = _deref(root, node.get("items"))
        elif "properties" in node and part in node["properties"]:
            node = _deref(root, node["properties"][part])
        elif isinstance(node.get("additionalProperties"), dict):
            node = _deref(root, node["additionalProperties"])
        elif isinstance(node.get("patternProperties"), dict) and node["patternProperties"]:
            node = _deref(root, next(iter(node["patternProperties"].values())))
        else:
            return None
    return node


def _deref(root: dict[str, Any], node: Any) -> dict[str, Any] | None:
    if not isinstance(node, dict):
        return None
    if "$ref" in node:
        return _deref(root, root["$defs"][node["$ref"].split("/")[-1]])
    for key in ("anyOf", "oneOf"):
        if key in node:
            for alt in node[key]:
                d = _deref(root, alt)
                if d is not None and d.get("type") != "null":
                    return d
    return node
