"""The research register: studies as data, cited by id from a pain point's `evidence`.

The register is one file for the whole site, ``site_config/research.yaml``, read with the rest
of the vocabulary: a study backs pain points in several maps and in every translation of them,
and checking one map alone (``journeymaps check map.yaml``) resolves study ids from the same
small file it already reads for stages and channels, without scanning other maps.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from .journey import LangTag, ShortText, Slug, Text

# How the evidence was gathered; each has a label in the words catalogue (``method.<name>``).
Method = Literal["interviews", "survey", "usability-test", "analytics", "diary-study", "field-observation",
                 "support-log-review", "ab-test", "card-sort"]
METHODS: tuple[str, ...] = get_args(Method)

Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$", max_length=500)]


class Study(BaseModel):
    """One piece of research the pain points of any map may cite by id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Study id, named by a pain point's `evidence`.")
    title: ShortText = Field(description="What was studied, in a line.")
    lang: LangTag = Field(default="en", description="Language the title and summary are written in.")
    method: Method = Field(description="How the evidence was gathered.")
    sample_size: StrictInt = Field(ge=1, description="How many people (or sessions, tickets) the study covers.")
    date: _dt.date = Field(description="Day the study finished, `YYYY-MM-DD`.")
    owner: ShortText = Field(description="Team or person who ran it and can answer questions about it.")
    link: Url | None = Field(default=None, description="Where the report lives (http or https).")
    summary: Text | None = Field(default=None, description="What it found, in a sentence or two.")
