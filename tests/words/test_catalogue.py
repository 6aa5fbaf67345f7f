"""The wording catalogue is complete in every language, translated, and has no dead keys."""

from __future__ import annotations

import ast
import re
import string
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import journeymaps
from journeymaps.model import journey
from journeymaps.words import LANGUAGES, REFERENCE, UnknownLabel, catalogue, label, language_name

PACKAGE = Path(journeymaps.__file__).parent
OTHERS = [lang for lang in LANGUAGES if lang != REFERENCE]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_key_exists_in_every_language(lang: str) -> None:
    en, other = set(catalogue(REFERENCE).labels), set(catalogue(lang).labels)
    assert sorted(en - other) == [], f"missing in {lang}.yaml"
    assert sorted(other - en) == [], f"in {lang}.yaml but not in en.yaml"


@pytest.mark.parametrize("lang", OTHERS)
def test_templates_take_the_same_values_in_every_language(lang: str) -> None:
    en = catalogue(REFERENCE).labels
    wrong = {k: v for k, v in catalogue(lang).labels.items() if _placeholders(v) != _placeholders(en[k])}
    assert wrong == {}


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_left_in_a_translation(lang: str) -> None:
    """A value equal to the English one is an untranslated label, unless it has no words at all
    (punctuation, a separator) or the translator listed it as a loanword."""
    en, cat = catalogue(REFERENCE).labels, catalogue(lang)
    untranslated = {k: v for k, v in cat.labels.items()
                    if v == en[k] and v not in cat.loanwords and re.search(r"[^\W\d_]", re.sub(r"\{\w*\}", "", v))}
    assert untranslated == {}


def test_settled_terms() -> None:
    # One word per concept in zh: the diagram and the pages used to disagree (行为/行动, 触点/接触点).
    zh = catalogue("zh").labels
    assert (zh["lane.actions"], zh["lane.touchpoints"]) == ("行为", "触点")
    assert not [k for k, v in zh.items() if "接触点" in v or ("行动" in v and "行动手册" not in v)]


def _source_strings() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    for path in (PACKAGE / "pages" / "templates").glob("*"):  # page templates name labels as w("key")
        found |= set(re.findall(r"""\bw\(["']([^"']+)["']\)""", path.read_text(encoding="utf-8")))
    return found


def _format_values() -> set[str]:
    """Every value the format itself defines: enum members and field names."""
    values: set[str] = set()
    for obj in vars(journey).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == journey.__name__:
            values |= set(obj.model_fields)
            for f in obj.model_fields.values():
                for arg in typing.get_args(f.annotation) + (f.annotation,):
                    if typing.get_origin(arg) is typing.Literal:
                        values |= {a for a in typing.get_args(arg) if isinstance(a, str)}
    return values


def test_no_unused_keys() -> None:
    """A key is used when the code names it, or names its family (``"status." + o.status``)
    and the rest is a value of the format or a word the code spells out."""
    strings = _source_strings()
    families = {s for s in strings if s.endswith(".") and s[:-1].replace("_", "").replace(".", "").isalnum()}
    suffixes = strings | _format_values()
    unused = [k for k in catalogue(REFERENCE).labels
              if k not in strings and not any(k.startswith(f) and k[len(f):] in suffixes for f in families)]
    assert unused == []


def test_an_unknown_key_is_a_clear_error() -> None:
    with pytest.raises(UnknownLabel, match=r"no label `lane\.feelings`.*words/zh\.yaml"):
        label("zh", "lane.feelings")


def test_regional_tags_read_their_base_language_and_others_read_english() -> None:
    assert label("zh-Hant", "lane.actions") == "行为"
    assert label("pt-BR", "lane.actions") == "Actions"
    assert (language_name("zh"), language_name("pl"), language_name("pt")) == ("中文", "Polski", "pt")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_key_is_written_twice(lang: str) -> None:
    """YAML keeps the last of two equal keys silently: a label added under a name already taken
    would replace the first one's wording everywhere it is used."""
    text = (PACKAGE / "words" / f"{lang}.yaml").read_text(encoding="utf-8")
    keys = re.findall(r"^  ([A-Za-z0-9_.]+):", text, re.M)
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
