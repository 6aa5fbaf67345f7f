"""Schema validation through the models, with pydantic's errors turned into located findings."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from ..core.findings import Finding
from ..load.yaml12 import Loaded
from ..model.journey import JourneyMap
from ..schema import subschema_at
from .hints import did_you_mean, one_of, slugify

_NUMBER_TEXT = re.compile(r"^\s*[-+]?[0-9][0-9.]*\s*$")
# Stands in for a rejected text value while the reference rules run on a repaired copy.
PLACEHOLDER = "zz-invalid"

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number", "bool_type": "true or false",
    "list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping", "model_attributes_type": "a mapping",
    "date_type": "a date", "int_from_float": "a whole number", "int_parsing": "a whole number",
    "float_parsing": "a number", "bool_parsing": "true or false",
}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        if _NUMBER_TEXT.match(value):
            return f'the text `"{short}"`'
        return f"`{short}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def validate_map(loaded: Loaded, display: str) -> tuple[JourneyMap | None, list[Finding]]:
    try:
        return JourneyMap.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, [finding_from_error(e, loaded, display) for e in exc.errors(include_url=False)]


def validate_leniently(loaded: Loaded, display: str) -> tuple[JourneyMap | None, JourneyMap | None, list[Finding]]:
    """(valid model or None, best-effort model for the reference rules or None, schema findings)."""
    try:
        return JourneyMap.model_validate(loaded.data), None, []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        findings = [finding_from_error(e, loaded, display) for e in errors]
    data = loaded.data
    for _ in range(4):  # a placeholder object can reveal missing keys one level down
        data = repaired(data, errors)
        try:
            return None, JourneyMap.model_validate(data), findings
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    return None, None, findings


def finding_from_error(err: dict[str, Any], loaded: Loaded, display: str,
                       schema: dict[str, Any] | None = None) -> Finding:
    """One pydantic error as a located finding; ``schema`` is the JSON Schema of the model
    validated (the map schema by default), used for allowed keys, enums and descriptions."""
    loc = tuple(err["loc"])
    etype = err["type"]
    value = err.get("input")
    is_key = bool(loc) and loc[-1] == "[key]"
    path = tuple(p for p in loc if p != "[key]")
    name = path[-1] if path else "map"
    hint: str | None = None

    if etype == "extra_forbidden":
        parent = subschema_at(path[:-1], schema) or {}
        allowed = list((parent.get("properties") or {}).keys())
        line, col = loaded.where(path, key=True)
        hint = did_you_mean(str(name), allowed) or (f"allowed keys here: {one_of(allowed)}" if allowed else None)
        return Finding(display, line, col, "error", "unknown-key", f"unknown key `{name}`", hint)
    if etype == "missing":
        line, col = loaded.where(path[:-1])
        sub = subschema_at(path, schema) or {}
        desc = sub.get("description")
        hint = f"add `{name}:` ({desc[0].lower() + desc[1:].rstrip('.')})" if desc else f"add `{name}:`"
        where = _where_words(path[:-1])
        return Finding(display, line, col, "error", "missing-key", f"missing required key `{name}`{where}", hint)

    line, col = loaded.where(path, key=is_key)
    field = _field_words(path)
    if etype in _TYPE_WORDS:
        message = f"{field} must be {_TYPE_WORDS[etype]}, not {describe(value)}"
        if etype == "string_type" and isinstance(value, (int, float, bool)):
            hint = "put the value in quotes to keep it as text"
        elif etype in ("model_type", "dict_type"):
            hint = "indent the keys of this entry under it"
        elif isinstance(value, str) and _NUMBER_TEXT.match(value):
            hint = "remove the quotes around the number"
        elif etype == "list_type":
            hint = "write each item on its own line starting with `- `"
        return Finding(display, line, col, "error", "type", message, hint)
    if etype == "literal_error":
        expected = (subschema_at(path, schema) or {}).get("enum") or []
        hint = did_you_mean(str(value), expected) or f"use one of {one_of(expected)}"
        return Finding(display, line, col, "error", "value", f"{field} cannot be {describe(value)}", hint)
    if etype == "string_pattern_mismatch":
        if "[key]" in loc or (path and path[-1] != "lang" and not str(name).startswith("lang")):
            hint = f"ids use lower-case letters, digits and single hyphens, e.g. `{slugify(value)}`"
        else:
            hint = "use a BCP 47 tag such as `en`, `zh` or `pl`"
        return Finding(display, line, col, "error", "value", f"{field}: {describe(value)} is not a valid id", hint)
    if etype in ("date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"):
        return Finding(display, line, col, "error", "value", f"{field}: {describe(value)} is not a date",
                       "write the date as YYYY-MM-DD, e.g. `2026-11-23`")
    if etype in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"ge": "at least", "le": "at most", "gt": "more than", "lt": "less than"}
        limit = next((f"{bound[k]} {v}" for k, v in (err.get("ctx") or {}).items() if k in bound), "in range")
        return Finding(display, line, col, "error", "value", f"{field} must be {limit}, not {describe(value)}",
                       "impact and effort go from 1 (low) to 5 (high)" if name in ("impact", "effort") else None)
    if etype in ("too_short", "string_too_short"):
        what = "at least one item" if etype == "too_short" else "some text"
        return Finding(display, line, col, "error", "value", f"{field} needs {what}", None)
    if etype == "string_too_long":
        return Finding(display, line, col, "error", "value", f"{field} is too long ({err['msg'].lower()})",
                       "move long prose into `notes`")
    if etype == "finite_number":
        return Finding(display, line, col, "error", "value", f"{field} must be a finite number", None)
    return Finding(display, line, col, "error", "schema", f"{field}: {err['msg']}", None)


def _field_words(path: tuple[Any, ...]) -> str:
    return "`" + _dotted(path) + "`" if path else "the map"


def _where_words(path: tuple[Any, ...]) -> str:
    return f" in `{_dotted(path)}`" if path else ""


def _dotted(path: tuple[Any, ...]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out


def repaired(data: Any, errors: list[dict[str, Any]]) -> Any:
    """A copy of ``data`` where every value the schema rejected is replaced by a harmless valid
    one (or removed), so the reference rules can still run and report *all* problems at once.
    Findings the rules raise at a repaired path are dropped by the caller: the schema error
    there already says what is wrong."""
    import copy

    fixed = copy.deepcopy(data)
    for err in errors:
        loc = tuple(err["loc"])
        is_key = bool(loc) and loc[-1] == "[key]"
        path = tuple(p for p in loc if p != "[key]")
        if not path:
            continue
        parent = _navigate(fixed, path[:-1])
        last = path[-1]
        if parent is None:
            continue
        if err["type"] == "extra_forbidden" or is_key:
            if isinstance(parent, dict):
                parent.pop(last, None)
            continue
        placeholder = _placeholder(subschema_at(path) or {})
        if isinstance(parent, dict) or (isinstance(parent, list) and isinstance(last, int) and last < len(parent)):
            parent[last] = placeholder
    return fixed


def _navigate(data: Any, path: tuple[Any, ...]) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node if isinstance(node, (dict, list)) else None


def _placeholder(schema: dict[str, Any]) -> Any:
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "date":
            return "2000-01-01"
        return PLACEHOLDER
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return 0.0
    if kind == "boolean":
        return False
    if kind == "array":
        return []
    if kind == "object":
        return {}
    return None
