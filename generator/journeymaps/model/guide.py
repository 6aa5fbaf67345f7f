"""Method guides: Markdown pages under ``maps/method/`` with a small front matter."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .journey import ShortText, Slug, Text


class GuideMeta(BaseModel):
    """Front matter of a method guide."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Page address of the guide, e.g. `eight-steps`.")
    title: ShortText
    summary: Text
    order: int = Field(ge=1, description="Position in the method section.")
    lang: str = "en"
    maps: list[Slug] = Field(default_factory=list, description="Maps this guide draws its examples from.")
