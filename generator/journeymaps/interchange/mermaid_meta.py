"""The `%% journeymaps:` comments an exported diagram carries, so import can restore the map.

Mermaid keeps one score per task; a map keeps one per persona and stage on its own scale. The
exporter therefore writes, as Mermaid comments (ignored when drawing):

    %% journeymaps:map {"v":1,"id":...,"lang":...,"status":...,"industry":...,
                        "range":[min,max],"scale":{...} or absent,"personas":[{"id":...,"name":...}]}
    %% journeymaps:stage {"id":"awareness","emotions":{"maya":0}}     (after each `section` line)

JSON keeps every character exact without another escaping scheme; `%` is written `\u0025` so
map text can never form a Mermaid directive (`%%{init ...}%%`) inside the comment. The comments are a hint,
not the truth: the importer uses a stage comment only while the task scores and actors still
agree with it, so a diagram edited by hand is read from its tasks.
"""

from __future__ import annotations

import json
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ..model.journey import EmotionScale

VERSION = 1


class _Meta(BaseModel):
    # Unknown keys are ignored so a newer exporter's comments still import.
    model_config = ConfigDict(extra="ignore", frozen=True)


class MetaPersona(_Meta):
    id: str
    name: str
    actor: str | None = None  # the actor label, when it is not the name (two personas share a name)

    @property
    def label(self) -> str:
        return self.actor or self.name


class MapMeta(_Meta):
    v: int = VERSION
    id: str | None = None
    lang: str | None = None
    status: str | None = None
    industry: str | None = None
    range: tuple[int, int]
    scale: EmotionScale | None = None  # the map's own scale; absent when it uses the site's
    personas: list[MetaPersona] = []


class StageMeta(_Meta):
    id: str
    emotions: dict[str, int] = {}
    placeholder: bool = False  # the stage's only task stands in for a stage without actions


M = TypeVar("M", bound=_Meta)


def dump(meta: _Meta) -> str:
    data = meta.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    if isinstance(meta, StageMeta) and not meta.placeholder:
        data.pop("placeholder")
    # Mermaid looks for `%%{...}%%` directives anywhere, comments included, before it strips
    # comments: a `%` from map text must not reach the line. In JSON, `%` only occurs inside
    # strings, where `\u0025` is the same character to any JSON reader.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("%", "\\u0025")


def load(kind: type[M], text: str) -> tuple[M | None, str | None]:
    """The comment's value, or None and the reason it cannot be read."""
    try:
        return kind.model_validate(json.loads(text)), None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "the value"
        return None, f"{where}: {first['msg']}"
    except (ValueError, RecursionError) as exc:  # bad JSON, absurdly long numbers, deep nesting
        return None, str(exc).split("\n")[0] or type(exc).__name__
