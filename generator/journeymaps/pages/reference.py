"""The authoring reference, generated from the JSON Schema so it never drifts from the models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.escape import narrative
from ..schema import json_schema
from ..words.field_text import field_descriptions
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
    name: Markdown  # the schema's identifier, shown as code in every language
    anchor: str
    description: Markdown
    fields: list[Field]


def reference_page(lang: str, templates: Templates | None = None) -> VirtualFile:
    """``templates``: the site's (the defaults when None)."""
    schema = json_schema()
    defs: dict[str, Any] = schema.get("$defs", {})
    # The schema's descriptions are English; a language with a table of its own reads those.
    described = field_descriptions(lang)
    w = lambda key: word(key, lang)  # noqa: E731
    types = []
    for name in [ROOT, *_reachable(schema, defs)]:
        node = schema if name == ROOT else defs[name]
        required = set(node.get("required", []))
        fields = [Field(Markdown(field), Markdown(_type(sub, lang)), w("diff.yes") if field in required else w("diff.no"),
                        Markdown(_constraints(sub, lang)),
                        Markdown(_cell(described.get(f"{name}.{field}", sub.get("description", "")))))
                  for field, sub in node.get("properties", {}).items()]
        description = narrative(described.get(name, node["description"])) if node.get("description") else ""
        types.append(Type(Markdown(name), _anchor(name), Markdown(description), fields))
    title = word("reference.title", lang)
    body = (templates or Templates()).render(
        "reference.md", w, title=title,
        intro=Markdown(w("reference.intro").format(schema="`generator/journeymaps/schema/journeymap.schema.json`")),
        types=types)
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


def _type(node: dict[str, Any], lang: str) -> str:
    w = lambda key: word(key, lang)  # noqa: E731
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return f"[`{name}`](#{_anchor(name)})"
    if "anyOf" in node:
        alts = [_type(a, lang) for a in node["anyOf"] if a.get("type") != "null"]
        either = w("type.or").join(alts)
        return w("type.optional").format(type=either) if any(a.get("type") == "null" for a in node["anyOf"]) else either
    if "enum" in node:
        return w("type.one_of").format(values=w("comma").join(f"`{v}`" for v in node["enum"]))
    if "const" in node:
        return f"`{node['const']}`"
    t = node.get("type")
    if t == "array":
        return w("type.list").format(item=_type(node.get("items", {}), lang))
    if t == "object":
        inner = node.get("additionalProperties")
        if isinstance(inner, dict):
            return w("type.map").format(value=_type(inner, lang))
        pattern = node.get("patternProperties")
        if isinstance(pattern, dict) and pattern:
            return w("type.lang_map").format(value=_type(next(iter(pattern.values())), lang))
        return w("type.object")
    if t == "string" and node.get("format") == "date":
        return w("type.date")
    return w(f"type.{t}") if t in _TYPES else f"`{t}`" if t else w("type.any")


_TYPES = ("string", "integer", "number", "boolean")  # JSON Schema's scalar types, named in words


_READABLE_PATTERN = 80  # characters


def _constraints(node: dict[str, Any], lang: str) -> str:
    """The field's rules; their values (a pattern, a default) are the format's, shown as code."""
    rules = []
    for key in ("minimum", "maximum", "minLength", "maxLength", "minItems"):
        if key in node:
            rules.append(word(f"rule.{key}", lang).format(n=node[key]))
    # A date's calendar pattern (its type says it) and the evidence link's character classes are
    # there for editors; past a readable length the field's description says the rule in words.
    if "pattern" in node and "format" not in node and len(node["pattern"]) <= _READABLE_PATTERN:
        rules.append(word("rule.pattern", lang).format(pattern=_code(node["pattern"])))
    if "default" in node and node["default"] not in (None, [], {}):
        rules.append(word("rule.default", lang).format(value=_code(node["default"])))
    return word("clause_sep", lang).join(rules) if rules else "–"


def _code(value: object) -> str:
    """A value of the format as inline code in a table cell (a backtick in it widens the fence;
    the table reads a ``|`` inside code as code)."""
    text = " ".join(str(value).split())
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def _cell(text: str) -> str:
    """Our own description text, with its `code` kept, on one line of a table."""
    return narrative(" ".join(text.split())).replace("|", "&#124;") or "–"
