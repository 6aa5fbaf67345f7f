"""A map and its translations as one group, led by the original, so the pages across maps
(industry indexes, catalogues) list a translated map under its original instead of once per
language, and fold a translated pain point, opportunity or KPI into the original's row."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from ..check.runner import MapEntry
from ..model.journey import Stage
from . import layout
from .blocks import html_link, link
from .model import SiteContext
from .words import language_name, word


class _HasId(Protocol):
    id: str


Item = TypeVar("Item", bound=_HasId)


@dataclass(frozen=True)
class MapGroup:
    """The original first, then its translations in the order of the site's maps."""

    members: tuple[MapEntry, ...]

    @property
    def original(self) -> MapEntry:
        return self.members[0]


@dataclass(frozen=True)
class Row(Generic[Item]):
    """One item of a group: shown as ``entry``'s (the first member that has it), and present in ``members``."""

    entry: MapEntry
    stage: Stage
    item: Item
    members: tuple[MapEntry, ...]


def map_groups(ctx: SiteContext) -> list[MapGroup]:
    """Maps joined by their `translations` (either direction), in the order of the site's maps.

    The original is the member written in the site's language; a group without one is led by
    its first map. A translation naming a map that is not on the site is left alone.
    """
    published = (*ctx.maps, *ctx.unlisted)  # a language's site lists one map per group, publishes all
    order = {e.map.id: i for i, e in enumerate(published)}
    by_id = {e.map.id: e for e in published}
    links: dict[str, set[str]] = {i: set() for i in order}
    for e in published:
        for other in e.map.translations.values():
            if other in by_id and other != e.map.id:
                links[e.map.id].add(other)
                links[other].add(e.map.id)
    seen: set[str] = set()
    groups = []
    for e in published:
        if e.map.id in seen:
            continue
        component, todo = set(), [e.map.id]
        while todo:
            i = todo.pop()
            if i not in component:
                component.add(i)
                todo.extend(links[i] - component)
        seen |= component
        members = sorted((by_id[i] for i in component),
                         key=lambda m: (m.map.lang.split("-")[0] != ctx.lang, order[m.map.id]))
        groups.append(MapGroup(tuple(members)))
    groups.sort(key=lambda g: order[g.original.map.id])
    return groups


def folded(group: MapGroup, items: Callable[[Stage], Iterable[Item]]) -> list[Row[Item]]:
    """The group's items, one row per (stage id, item id): the original's first, in its order,
    then what only a translation has. Translations keep the original's ids, so a translated
    item lands in its original's row."""
    rows: dict[tuple[str, str], Row[Item]] = {}
    for e in group.members:
        for s in e.map.stages:
            for it in items(s):
                key = (s.id, it.id)
                if key in rows:
                    r = rows[key]
                    rows[key] = Row(r.entry, r.stage, r.item, (*r.members, e))
                else:
                    rows[key] = Row(e, s, it, (e,))
    return list(rows.values())


def map_link(here: str, e: MapEntry, text: str | None = None, anchor: str = "", *, html: bool = False,
             lang: str = "") -> str:
    """A link to a map's page (or one of its stages), by default named by the map's title.
    ``html``: as raw HTML (``lang``: the language of ``text`` where it is not the page's)."""
    name = e.map.title if text is None else text
    suffix = f"#{anchor}" if anchor else ""
    if html:
        return html_link(name, layout.href(here, layout.map_page(e.map.id)) + suffix, lang)
    return link(name, layout.rel(here, layout.map_page(e.map.id)) + suffix)


def also_in(lang: str, here: str, others: Sequence[MapEntry], anchor: str = "", *, html: bool = False) -> str:
    """"also in" and a link per other language of the same map; empty without translations."""
    if not others:
        return ""
    # Each language's name is written in that language; `lang` lets a screen reader say it so
    # (a map's language tag is checked against a strict pattern, safe in attr_list's braces).
    if html:
        links = [map_link(here, e, language_name(e.map.lang), anchor, html=True, lang=e.map.lang) for e in others]
    else:
        links = [map_link(here, e, language_name(e.map.lang), anchor) + f'{{: lang="{e.map.lang}" }}' for e in others]
    return word("cat.also_in", lang).format(languages=word("list_sep", lang).join(links))


def maps_cell(lang: str, here: str, members: Sequence[MapEntry], anchor: str = "", *, sep: str = "<br>",
              html: bool = False) -> str:
    """The first map's title, linked, then (after ``sep``) links to the same map in other languages.
    ``html``: as raw HTML instead of Markdown."""
    first, *others = members
    out = map_link(here, first, anchor=anchor, html=html)
    return out + f'{sep}<small class="jm-also">{also_in(lang, here, others, anchor, html=html)}</small>' if others else out
