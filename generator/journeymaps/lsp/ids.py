"""What an id at a spot refers to, the ids that may stand there, and where each is defined."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load.yaml12 import Loaded
from ..model.vocabulary import Named, Vocabulary
from ..words import language_name
from .spot import Spot
from .workspace import MapInfo, Project

# Kinds of id, each named by its wording key `lsp.<kind>`.
KINDS = ("persona", "pain_point", "kpi", "opportunity", "channel", "stage", "industry", "map", "language")


@dataclass(frozen=True)
class Entry:
    """One id that can be referred to: what it is called and where it is defined."""

    id: str
    kind: str
    title: str
    detail: str = ""
    path: Path | None = None  # None: the open document itself
    position: tuple[int, int] | None = None  # 1-based line and column of the defining id


def kind_at(spot: Spot) -> str | None:
    """The kind of id written at ``spot``, whether it refers to something or defines it."""
    path = spot.path
    if spot.is_key:
        if path[-1:] == ("emotions",):
            return "persona"
        return "language" if path == ("translations",) else None
    if path[-1:] == ("channel",):
        return "channel"
    if path[-2:] == ("opportunities", "addresses"):
        return "pain_point"
    return {
        ("industry",): "industry", ("stages", "id"): "stage", ("objectives", "kpis"): "kpi", ("based_on",): "map",
        ("lang",): "language", ("personas", "id"): "persona", ("stages", "pain_points", "id"): "pain_point",
        ("stages", "kpis", "id"): "kpi", ("stages", "opportunities", "id"): "opportunity",
    }.get(path) or ("map" if len(path) == 2 and path[0] == "translations" else None)


def entries(kind: str, doc: Loaded | None, project: Project | None) -> list[Entry]:
    """Every id of ``kind`` in reach: the open map's own, the site's catalogues, the project's maps."""
    vocab = project.vocabulary()[0] if project is not None else None
    if kind in ("persona", "pain_point", "kpi", "opportunity"):
        return _own(kind, doc)
    if vocab is None or project is None:
        return []
    if kind == "channel":
        return _catalogue(kind, vocab.channels, project, "channels.yaml", lambda c: c.group)
    if kind == "stage":
        return _catalogue(kind, vocab.stages, project, "stages.yaml")
    if kind == "industry":
        return _catalogue(kind, vocab.industries, project, "industries.yaml")
    if kind == "language":
        return [Entry(lang, kind, language_name(lang)) for lang in vocab.settings.languages]
    if kind == "map":
        return [_map_entry(m) for m in sorted(project.maps(), key=lambda m: m.id)]
    return []


def _map_entry(m: MapInfo) -> Entry:
    return Entry(m.id, "map", m.title, m.lang, m.path, m.position)


def _catalogue(kind: str, items: list[Any], project: Project, file: str, extra=None) -> list[Entry]:
    loaded = project.config_file(file)
    section = file.removesuffix(".yaml")
    out = []
    for i, item in enumerate(items):
        named: Named = item
        others = ", ".join(v for k, v in named.names.items() if k != "en")
        detail = " · ".join(x for x in (extra(item) if extra else "", others, named.describe("en") or "") if x)
        out.append(Entry(named.id, kind, named.name("en"), detail, project.site_config / file,
                         loaded.where((section, i, "id"))))
    return out


# Where each kind of id is defined in a map: (list, key of each item's sub-list or None).
_OWN = {"persona": ("personas", None), "pain_point": ("stages", "pain_points"),
        "kpi": ("stages", "kpis"), "opportunity": ("stages", "opportunities")}


def _own(kind: str, doc: Loaded | None) -> list[Entry]:
    data = doc.data if doc is not None else None
    if not isinstance(data, dict):
        return []
    top, sub = _OWN[kind]
    out = []
    for i, item in enumerate(_list(data.get(top))):
        if sub is None:
            out.extend(_own_entry(kind, doc, (top, i), item))
            continue
        for j, inner in enumerate(_list(item.get(sub) if isinstance(item, dict) else None)):
            out.extend(_own_entry(kind, doc, (top, i, sub, j), inner))
    return out


def _own_entry(kind: str, doc: Loaded, at: tuple, item: Any) -> list[Entry]:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return []
    title = str(item.get("name") or item.get("text") or "")
    detail = str(item.get("severity") or item.get("unit") or item.get("status") or "")
    return [Entry(item["id"], kind, title, detail, None, doc.where(at + ("id",)))]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
