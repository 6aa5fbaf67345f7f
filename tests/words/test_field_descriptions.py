"""The authoring reference's field descriptions in zh and pl: one per described type and field
of the schema (words/fields/<lang>.yaml), none missing, none left over, none left in English."""

from __future__ import annotations

import re

import pytest

from journeymaps.pages.reference import reference_page
from journeymaps.schema import json_schema
from journeymaps.words import LANGUAGES, REFERENCE
from journeymaps.words.field_text import field_descriptions

TRANSLATED = [lang for lang in LANGUAGES if lang != REFERENCE]


def _described() -> dict[str, str]:
    """``Type`` / ``Type.field`` -> the schema's (English) description."""
    schema = json_schema()
    out = {}
    for name, node in [("JourneyMap", schema), *schema.get("$defs", {}).items()]:
        if node.get("description"):
            out[name] = node["description"]
        for field, sub in node.get("properties", {}).items():
            if sub.get("description"):
                out[f"{name}.{field}"] = sub["description"]
    return out


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_described_field_has_a_description_in_the_language(lang: str) -> None:
    table, schema = field_descriptions(lang), _described()
    assert sorted(set(schema) - set(table)) == [], "add these to words/fields/" + lang + ".yaml"
    assert sorted(set(table) - set(schema)) == [], "the schema has no such type or field any more"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_description_is_left_in_english(lang: str) -> None:
    schema = _described()
    assert {k: v for k, v in field_descriptions(lang).items() if v == schema[k]} == {}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_code_of_a_description_is_kept_as_typed(lang: str) -> None:
    """Field names, values and paths in backticks are the format's: a translation keeps them as
    typed. (Examples, with a space or a capital, may be the language's own: `Maya, ...`.)"""
    code = re.compile(r"`([^`]+)`")
    table = field_descriptions(lang)
    lost = {k: [c for c in code.findall(v) if c.lower() == c and " " not in c and f"`{c}`" not in table[k]]
            for k, v in _described().items()}
    assert {k: v for k, v in lost.items() if v} == {}


def test_the_reference_page_reads_the_readers_language() -> None:
    zh = reference_page("zh").data().decode("utf-8")
    pl = reference_page("pl").data().decode("utf-8")
    en = reference_page("en").data().decode("utf-8")
    assert "| `owner` | 文本（可选） | 否 | – | 负责这项改动的团队。 |" in zh
    assert "| `impact` | liczba całkowita | tak | ≥ 1; ≤ 5 | Spodziewany wpływ, od 1 (mały) do 5 (duży). |" in pl
    assert "| Pole | Typ | Wymagane | Reguły | Opis |" in pl
    # A pattern is the format's: code, not words, in every language.
    assert "wzorzec `^[a-z0-9]+(?:-[a-z0-9]+)*$`" in pl
    assert "Expected impact, 1 (low) to 5 (high)." in en and "Expected impact" not in zh + pl
    # A language without a table reads the schema's English.
    assert field_descriptions("pt") == {} and field_descriptions("en") == {}
