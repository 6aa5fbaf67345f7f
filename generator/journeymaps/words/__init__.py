"""The wording catalogue: every word the site, the pictures and the diff print themselves,
one YAML file per language next to this module (``en.yaml`` is the reference).

YAML rather than gettext: the labels are short, keyed by meaning (``lane.actions``,
``severity.high``) rather than by English source text, several are ``str.format`` templates,
and translators edit them in the same format as the maps; PyYAML is already a dependency,
and gettext would add a compile step (.po -> .mo) to every build. Number and date formatting
per locale, the thing Babel would bring, is not needed by any label yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

import yaml

# Our own shipped YAML: libyaml's safe loader where PyYAML has it (ten times faster; the same result).
SHIPPED_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

REFERENCE = "en"
LANGUAGES = ("en", "zh", "pl")  # the catalogues that ship; any other language reads English


class UnknownLabel(KeyError):
    """A key the catalogue does not have: a typo in the code, or a label not yet added."""

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Catalogue:
    lang: str
    language: str  # the language's name in itself
    loanwords: frozenset[str]  # values that may equal the English ones
    labels: Mapping[str, str]


@cache
def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang`` (``zh-Hant`` reads ``zh``); a language without one reads English."""
    base = lang.split("-")[0]
    code = base if base in LANGUAGES else REFERENCE
    text = resources.files(__package__).joinpath(f"{code}.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=SHIPPED_YAML)
    labels = data.get("labels") if isinstance(data, dict) else None
    if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
        # A bare yes/no/on becomes a boolean in YAML 1.1: every value must be a quoted string.
        raise ValueError(f"words/{code}.yaml: `labels` must map keys to quoted strings")
    return Catalogue(code, str(data.get("language", code)), frozenset(data.get("loanwords") or ()),
                     MappingProxyType(labels))


def label(lang: str, key: str) -> str:
    """The label ``key`` in ``lang``."""
    labels = catalogue(lang).labels
    try:
        return labels[key]
    except KeyError:
        raise UnknownLabel(f"no label `{key}` in the wording catalogue (journeymaps/words/"
                           f"{catalogue(lang).lang}.yaml); add it to every language's file") from None


def has_label(lang: str, key: str) -> bool:
    return key in catalogue(lang).labels


def language_name(lang: str) -> str:
    """A language's name in itself (``中文``), or the tag when no catalogue ships for it."""
    base = lang.split("-")[0]
    return catalogue(base).language if base in LANGUAGES else lang
