"""Schema validation through the models, with pydantic's errors turned into located findings."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from ..core.findings import Finding
from ..core.phrase import Described, Phrase, phrase
from ..load.yaml12 import Loaded
from ..model.journey import JourneyMap
from ..schema import json_schema, subschema_at
from .hints import one_of, slugify, suggestion
from .worded import finding

_NUMBER_TEXT = re.compile(r"^\s*[-+]?[0-9][0-9.]*\s*$")
# Stands in for a rejected text value while the reference rules run on a repaired copy.
PLACEHOLDER = "zz-invalid"

# pydantic's error type -> what the value must be (``check.type.<word>``).
_TYPE_WORDS = {
    "string_type": "text", "int_type": "whole_number", "float_type": "number", "bool_type": "boolean",
    "list_type": "list", "dict_type": "mapping", "model_type": "mapping", "model_attributes_type": "mapping",
    "date_type": "date", "int_from_float": "whole_number", "int_parsing": "whole_number",
    "float_parsing": "number", "bool_parsing": "boolean",
}


def describe(value: Any) -> Phrase:
    if value is None:
        return phrase("check.value.nothing")
    if isinstance(value, bool):
        return phrase("check.value.code", value=str(value).lower())
    if isinstance(value, (int, float)):
        return phrase("check.value.number", value=value)
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        if _NUMBER_TEXT.match(value):
            return phrase("check.value.number_text", value=short)
        return phrase("check.value.code", value=short)
    if isinstance(value, list):
        return phrase("check.value.list")
    if isinstance(value, dict):
        return phrase("check.value.mapping")
    return phrase("check.value.code", value=type(value).__name__)


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
    hint: Phrase | None = None

    if etype == "extra_forbidden":
        parent = subschema_at(path[:-1], schema) or {}
        allowed = list((parent.get("properties") or {}).keys())
        line, col = loaded.where(path, key=True)
        hint = suggestion(str(name), allowed) or (phrase("check.allowed_keys", keys=one_of(allowed)) if allowed else None)
        return finding(display, line, col, "error", "unknown-key", phrase("check.unknown_key", key=name), hint)
    if etype == "missing":
        line, col = loaded.where(path[:-1])
        sub = subschema_at(path, schema) or {}
        desc = sub.get("description")
        hint = (phrase("check.missing_key.hint_described", key=name,
                       description=Described(f"{_type_name(path[:-1], schema)}.{name}", desc))
                if desc else phrase("check.missing_key.hint", key=name))
        message = (phrase("check.missing_key_in", key=name, parent=_dotted(path[:-1])) if path[:-1]
                   else phrase("check.missing_key", key=name))
        return finding(display, line, col, "error", "missing-key", message, hint)

    line, col = loaded.where(path, key=is_key)
    field = _field_words(path)
    if etype in _TYPE_WORDS:
        message = phrase("check.type", field=field, expected=phrase("check.type." + _TYPE_WORDS[etype]),
                         value=describe(value))
        if etype == "string_type" and isinstance(value, (int, float, bool)):
            hint = phrase("check.type.hint.quote")
        elif etype in ("model_type", "dict_type"):
            hint = phrase("check.type.hint.indent")
        elif isinstance(value, str) and _NUMBER_TEXT.match(value):
            hint = phrase("check.type.hint.unquote")
        elif etype == "list_type":
            hint = phrase("check.type.hint.list")
        return finding(display, line, col, "error", "type", message, hint)
    if etype == "literal_error":
        expected = (subschema_at(path, schema) or {}).get("enum") or []
        hint = suggestion(str(value), expected) or phrase("check.use_one_of", choices=one_of(expected))
        return finding(display, line, col, "error", "value", phrase("check.not_allowed", field=field, value=describe(value)),
                       hint)
    if etype == "string_pattern_mismatch" and name == "kpi_data":
        return finding(display, line, col, "error", "value", phrase("check.bad_kpi_data", value=describe(value)),
                       phrase("check.bad_kpi_data.hint"))
    if etype == "string_pattern_mismatch" and name == "quiet_hours":
        return finding(display, line, col, "error", "value",
                       phrase("check.bad_quiet_hours", field=field, value=describe(value)),
                       phrase("check.bad_quiet_hours.hint"))
    if etype == "string_pattern_mismatch":
        if "[key]" in loc or (path and path[-1] != "lang" and not str(name).startswith("lang")):
            hint = phrase("check.bad_id.hint", example=slugify(value))
        else:
            hint = phrase("check.bad_lang.hint")
        return finding(display, line, col, "error", "value", phrase("check.bad_id", field=field, value=describe(value)),
                       hint)
    if etype in ("date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"):
        return finding(display, line, col, "error", "value", phrase("check.bad_date", field=field, value=describe(value)),
                       phrase("check.bad_date.hint"))
    if etype in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = next((phrase("check.bound." + k, limit=v) for k, v in (err.get("ctx") or {}).items()
                      if k in ("ge", "le", "gt", "lt")), phrase("check.bound.in_range"))
        return finding(display, line, col, "error", "value",
                       phrase("check.out_of_range", field=field, limit=limit, value=describe(value)),
                       phrase("check.impact_effort.hint") if name in ("impact", "effort") else None)
    if etype in ("too_short", "string_too_short"):
        return finding(display, line, col, "error", "value",
                       phrase("check.needs_item" if etype == "too_short" else "check.needs_text", field=field))
    if etype == "string_too_long":
        limit = (err.get("ctx") or {}).get("max_length")
        detail = phrase("check.too_long.detail", n=limit) if limit is not None else err["msg"].lower()
        return finding(display, line, col, "error", "value", phrase("check.too_long", field=field, detail=detail),
                       phrase("check.too_long.hint"))
    if etype == "finite_number":
        return finding(display, line, col, "error", "value", phrase("check.not_finite", field=field))
    return finding(display, line, col, "error", "schema", phrase("check.schema", field=field, detail=err['msg']))


def _type_name(path: tuple[Any, ...], schema: dict[str, Any] | None) -> str:
    """The name of the schema's type at ``path`` (``Stage``), which keys its description in
    another language; the root's is the model's own (``JourneyMap``)."""
    if not path:
        return "JourneyMap" if schema is None else str(schema.get("title", ""))
    root = schema if schema is not None else json_schema()
    node = subschema_at(path, root)
    return next((name for name, d in root.get("$defs", {}).items() if d is node), "")


def _field_words(path: tuple[Any, ...]) -> Phrase:
    return phrase("check.field", field=_dotted(path)) if path else phrase("check.the_map")


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
