"""The reader's language: which catalogue the CLI speaks, and wording in it.

The CLI's words (findings, hints, summaries, messages) are catalogue keys until printed;
``output_language`` is the one place that decides the language they are printed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from . import LANGUAGES, REFERENCE, catalogue, label

ENV = "JOURNEYMAPS_LANG"
# POSIX order: the first of these that is set names the locale of messages.
LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")
# CLDR plural categories a count key may end with (``check.errors.few``); Babel picks one per language.
PLURAL_FORMS = ("one", "few", "many", "other")


class Sayable(Protocol):
    def say(self, label: Wording) -> str: ...


class UnknownLanguage(ValueError):
    def __init__(self, source: str, value: str):
        super().__init__(source, value)
        self.source, self.value = source, value

    def __str__(self) -> str:
        return f"{self.source}: no wording for `{self.value}`; choose one of {', '.join(LANGUAGES)}"


def output_language(requested: str | None, environ: Mapping[str, str]) -> str:
    """``--lang``, else ``$JOURNEYMAPS_LANG``, else the locale when it names a language the
    catalogue has (``zh_CN.UTF-8`` -> ``zh``), else English. An explicit choice the catalogue
    does not have is an error (it was asked for by name); a locale without one reads English."""
    for source, value in (("--lang", requested), (ENV, environ.get(ENV) or None)):
        if value is not None:
            base = value.replace("_", "-").split("-")[0].lower()
            if base not in LANGUAGES:
                raise UnknownLanguage(source, value)
            return base
    locale = next((environ[name] for name in LOCALE_ENV if environ.get(name)), "")
    base = locale.split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else REFERENCE


@dataclass(frozen=True)
class Wording:
    """The catalogue of one language, for ``Phrase.say``: a key's text and plural categories."""

    lang: str

    def __call__(self, key: str) -> str:
        return label(self.lang, key)

    def plural(self, n: int) -> str:
        from babel import Locale  # here: only counted nouns need it, and it costs an import

        form = Locale.parse(catalogue(self.lang).lang).plural_form(n)
        return form if form in PLURAL_FORMS else "other"

    def described(self, key: str) -> str | None:
        from .field_text import field_descriptions

        return field_descriptions(self.lang).get(key)


def wording(lang: str) -> Wording:
    return Wording(lang)


def say(lang: str, phrase: Sayable) -> str:
    return phrase.say(Wording(lang))


def english(phrase: Sayable) -> str:
    return phrase.say(Wording(REFERENCE))
