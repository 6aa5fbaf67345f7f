"""Method guides: Markdown pages under ``maps/method/`` with a small front matter."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from .journey import LangTag, ShortText, Slug, Text
from .translation import SOURCE_DIGEST_HELP, SourceDigest


class GuideMeta(BaseModel):
    """Front matter of a method guide."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Page address of the guide, e.g. `eight-steps`.")
    title: ShortText
    summary: Text
    order: int = Field(ge=1, description="Position in the method section.")
    lang: LangTag = "en"
    maps: list[Slug] = Field(default_factory=list, description="Maps this guide draws its examples from.")
    translations: dict[LangTag, Slug] = Field(
        default_factory=dict, description="Other-language versions of this guide: language tag -> guide id.")
    source_digest: SourceDigest | None = Field(default=None, description=SOURCE_DIGEST_HELP)


def guide_translations(guides: Iterable[GuideMeta]) -> dict[str, dict[str, str]]:
    """Guide id -> its translations (language -> guide id), both directions resolved: a
    translation names its original, and the original need not name every translation back."""
    metas = list(guides)
    langs = {g.id: g.lang for g in metas}
    out: dict[str, dict[str, str]] = {g.id: {} for g in metas}
    for g in metas:
        for lang, other in g.translations.items():
            if langs.get(other) == lang and other != g.id:
                out[g.id].setdefault(lang, other)
                out[other].setdefault(g.lang, g.id)
    return {gid: dict(sorted(links.items())) for gid, links in out.items()}
