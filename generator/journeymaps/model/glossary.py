"""The glossary (``site_config/glossary.yaml``): the site's terms, defined once per language."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .journey import LangTag, ShortText, Slug, Text

VARIANT_SEP = " / "  # "as-is / to-be": one entry settles a pair of terms


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Model):
    term: ShortText = Field(description="The word we use, e.g. `punkt styku`; a pair is written `a / b`.")
    forms: list[ShortText] = Field(default_factory=list, description="Other forms labels may use (plurals).")
    avoid: list[ShortText] = Field(default_factory=list, description="Words we do not use for this term.")
    definition: Text

    def names(self) -> set[str]:
        """Every accepted spelling, case-folded: the term, each of a pair, and the other forms."""
        return {n.casefold() for n in [self.term, *self.term.split(VARIANT_SEP), *self.forms]}


class PageText(_Model):
    title: ShortText
    intro: Text
    avoid: ShortText
    other_languages: ShortText


class Entry(_Model):
    id: Slug
    labels: list[str] = Field(default_factory=list, description="Wording-catalogue keys naming the same thing.")
    terms: dict[LangTag, Term]


class Glossary(_Model):
    page: dict[LangTag, PageText]
    terms: list[Entry]

    def languages(self) -> list[str]:
        return list(self.page)
