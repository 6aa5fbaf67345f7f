"""The authoring reference, generated from the JSON Schema so it never drifts from the models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.escape import inline, narrative
from ..schema import json_schema
from . import layout
from .blocks import page
from .model import VirtualFile
from .templates import Markdown, Templates
from .words import word

ROOT = "JourneyMap"


@dataclass(frozen=True)
class Field:
    name: Markdown
    type: Markdown  # linked to the type it names
    required: str
    rules: Markdown
    description: Markdown


@dataclass(frozen=True)
class Type:
    name: str
    anchor: str
    description: Markdown
    fields: list[Field]


def reference_page(lang: str, templates: Templates | None = None) -> VirtualFile:
    """``templates``: the site's (the defaults when None)."""
    schema = json_schema()
    defs: dict[str, Any] = schema.get("$defs", {})
    types = []
    for name in [ROOT, *_reachable(schema, defs)]:
        node = schema if name == ROOT else defs[name]
        required = set(node.get("required", []))
        fields = [Field(Markdown(field), Markdown(_type(sub)), "yes" if field in required else "no",
                        Markdown(_constraints(sub)), Markdown(_cell(sub.get("description", ""))))
                  for field, sub in node.get("properties", {}).items()]
        types.append(Type(name, _anchor(name), Markdown(narrative(node.get("description", ""))), fields))
    title = word("reference.title", lang)
    body = (templates or Templates()).render("reference.md", lambda key: word(key, lang), title=title, types=types)
    return page(layout.REFERENCE, title, [body], site_lang=lang)


def _anchor(name: str) -> str:
    return "type-" + name.lower()


def _reachable(schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    """Definitions in the order a reader meets them walking down from the map."""
    seen: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref.rsplit("/", 1)[-1]
                if name not in seen and name in defs:
                    seen.append(name)
                    walk(defs[name])
            for key, value in node.items():
                if key != "$defs":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    return seen + sorted(set(defs) - set(seen))


def _type(node: dict[str, Any]) -> str:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{_anchor(name)})"
    if "anyOf" in node:
        alts = [_type(a) for a in node["anyOf"] if a.get("type") != "null"]
        nullable = any(a.get("type") == "null" for a in node["anyOf"])
        return " or ".join(alts) + (" (optional)" if nullable else "")
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    t = node.get("type")
    if t == "array":
        return f"list of {_type(node.get('items', {}))}"
    if t == "object":
        inner = node.get("additionalProperties")
        if isinstance(inner, dict):
            return f"map of text to {_type(inner)}"
        pattern = node.get("patternProperties")
        if isinstance(pattern, dict) and pattern:
            return f"map of language tag to {_type(next(iter(pattern.values())))}"
        return "object"
    if t == "string" and node.get("format") == "date":
        return "date (YYYY-MM-DD)"
    return {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false"}.get(t, t or "any")


def _constraints(node: dict[str, Any]) -> str:
    rules = []
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("minLength", "min length"),
                       ("maxLength", "max length"), ("minItems", "min items")):
        if key in node:
            rules.append(f"{label} {node[key]}")
    if "pattern" in node:
        rules.append(f"pattern {node['pattern']}")
    if "default" in node and node["default"] not in (None, [], {}):
        rules.append(f"default {node['default']}")
    return inline("; ".join(rules)) if rules else "–"


def _cell(text: str) -> str:
    """Our own description text, with its `code` kept, on one line of a table."""
    return narrative(" ".join(text.split())).replace("|", "&#124;") or "–"
