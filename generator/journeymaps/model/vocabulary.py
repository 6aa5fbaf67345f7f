"""Site-wide vocabulary and settings (the files under ``site_config/``).

Maps refer to these by id; names come in several languages so a Chinese or Polish map
shows stage and channel names in its own language without repeating them per map.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .journey import LANES, EmotionScale, Lane, Slug
from .research import Study


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Named(_Model):
    id: Slug
    names: dict[str, str] = Field(description="Display name per language tag; `en` is required.")
    description: str | dict[str, str] | None = Field(
        default=None, description="What it is, in a sentence: one text (English), or one per language tag like `names`.")

    def name(self, lang: str) -> str:
        """The name in ``lang``, falling back to its base language and then English."""
        return _in_language(self.names, lang) or self.names["en"]

    def describe(self, lang: str) -> str | None:
        """The description in ``lang``, with the fallbacks of ``name``; a single text is English."""
        if isinstance(self.description, dict):
            return _in_language(self.description, lang)
        return self.description


def _in_language(texts: dict[str, str], lang: str) -> str | None:
    return texts.get(lang) or texts.get(lang.split("-")[0]) or texts.get("en")


# An icon from the sets mkdocs-material ships (its ``.icons`` folder), e.g. ``material/cart-outline``.
IconName = Annotated[str, StringConstraints(pattern=r"^material/[a-z0-9]+(?:-[a-z0-9]+)*$")]


class StageDef(Named):
    icon: IconName | None = Field(default=None, description="Icon drawn in the stage's header, `material/<name>`.")
    skeleton: bool = Field(default=True, description="Listed in the map `journeymaps new` writes. `false` for a "
                           "stage only some kinds of journey have, e.g. a lead journey's `registration`.")


class ChannelDef(Named):
    icon: IconName | None = Field(default=None, description="Icon drawn on the channel's touchpoints, `material/<name>`.")
    group: Literal["paid", "owned", "earned", "human", "product", "operations"] = Field(
        description="Channel family, used to colour and group channels."
    )


class IndustryDef(Named):
    pass


class Settings(_Model):
    site_name: str = "journeymaps"
    lanes: list[Lane] = Field(default_factory=lambda: list(LANES), description="Diagram lanes shown by default.")
    review_max_age_days: int = Field(default=365, ge=1, description="`last_reviewed` older than this is a warning.")
    languages: list[str] = Field(default_factory=lambda: ["en", "zh", "pl"],
                                 description="Every language gets a full site of its own.")
    default_language: str = Field(default="en", description="The language of the site at the root address.")
    kpi_max_age_days: int = Field(default=120, ge=1,
                                  description="A KPI whose newest observation is older than this is a warning.")
    study_max_age_days: int = Field(default=730, ge=1,
                                    description="Evidence from a study older than this is a warning.")
    url_scheme: Literal["default-at-root", "every-language-prefixed"] = Field(
        default="default-at-root",
        description="`default-at-root`: the default language at `/`, the others under `/zh/`, `/pl/`; "
                    "`every-language-prefixed`: every language under its tag, `/` leads to the default.")

    @model_validator(mode="after")
    def _default_is_declared(self) -> "Settings":
        if self.default_language not in self.languages:
            raise ValueError(f"default_language `{self.default_language}` is not one of languages {self.languages}")
        return self


class Vocabulary(_Model):
    """Everything in ``site_config/``, validated."""

    stages: list[StageDef]
    channels: list[ChannelDef]
    industries: list[IndustryDef]
    emotion_scale: EmotionScale
    settings: Settings = Field(default_factory=Settings)
    studies: list[Study] = Field(default_factory=list, description="The research register (`research.yaml`).")

    @model_validator(mode="after")
    def _study_ids_unique(self) -> "Vocabulary":
        ids = [s.id for s in self.studies]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"study ids must be unique in research.yaml: {', '.join(twice)}")
        return self

    def stage(self, stage_id: str) -> StageDef | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def channel(self, channel_id: str) -> ChannelDef | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def industry(self, industry_id: str) -> IndustryDef | None:
        return next((i for i in self.industries if i.id == industry_id), None)

    def study(self, study_id: str) -> Study | None:
        return next((s for s in self.studies if s.id == study_id), None)
