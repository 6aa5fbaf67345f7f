"""The map format's descriptions in the reader's language, for the authoring reference.

The English descriptions live on the models (pydantic ``Field(description=...)``) and reach the
JSON Schema from there; a translation is a table per language next to this module
(``fields/zh.yaml``), keyed ``Type`` and ``Type.field`` as the schema names them. A test keeps
each table's keys equal to the schema's described types and fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

import yaml

from . import REFERENCE, SHIPPED_YAML

_EMPTY: Mapping[str, str] = MappingProxyType({})


@cache
def field_descriptions(lang: str) -> Mapping[str, str]:
    """``Type`` / ``Type.field`` -> description in ``lang``; empty for English (the schema's own
    words) and for a language without a table (it reads the English, as with the catalogue)."""
    base = lang.split("-")[0]
    if base == REFERENCE:
        return _EMPTY
    source = resources.files(__package__).joinpath("fields", f"{base}.yaml")
    if not source.is_file():
        return _EMPTY
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=SHIPPED_YAML)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ValueError(f"words/fields/{base}.yaml must map `Type` or `Type.field` keys to quoted strings")
    return MappingProxyType(data)
