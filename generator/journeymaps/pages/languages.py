"""One site per language: which maps each language's site lists, where each site lives, and
where the language selector of each page leads.

Engine-neutral: the MkDocs plugin builds one site per language from these, `journeymaps
generate` writes one tree per language. Every site publishes every map's pages (so no link
between maps or from a guide ever breaks), but lists, in its navigation and indexes, one map
per translation group: the one in its language, else the group's original.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from ..check.runner import MapEntry
from ..model.vocabulary import Settings
from ..words import label, language_name
from . import layout
from .model import VirtualFile


@dataclass(frozen=True)
class Edition:
    """The site of one language."""

    lang: str
    prefix: str  # its folder under the published site: "" (the root) or "zh/"

    @property
    def home(self) -> str:
        return self.prefix + layout.HOME


def editions(settings: Settings) -> list[Edition]:
    """Every declared language's site, the default language first."""
    ordered = [settings.default_language, *(lang for lang in settings.languages if lang != settings.default_language)]
    at_root = settings.url_scheme == "default-at-root"
    return [Edition(lang, "" if at_root and lang == settings.default_language else f"{lang}/") for lang in ordered]


def edition(settings: Settings, lang: str) -> Edition:
    return next(e for e in editions(settings) if e.lang == lang)


def groups(maps: Sequence[MapEntry]) -> dict[str, tuple[MapEntry, ...]]:
    """Map id -> every map of its translation group (itself and the maps its `translations` name,
    followed both ways), in the order of ``maps``."""
    ids = {e.map.id: e for e in maps}
    places: dict[str, list[int]] = {}  # id -> its places in ``maps``: a group keeps their order
    for i, e in enumerate(maps):
        places.setdefault(e.map.id, []).append(i)
    links: dict[str, set[str]] = {i: set() for i in ids}
    for e in maps:
        for other in e.map.translations.values():
            if other in ids:
                links[e.map.id].add(other)
                links[other].add(e.map.id)
    out: dict[str, tuple[MapEntry, ...]] = {}
    for start in ids:
        if start in out:
            continue
        seen, todo = {start}, [start]
        while todo:
            for nxt in links[todo.pop()] - seen:
                seen.add(nxt)
                todo.append(nxt)
        group = tuple(maps[i] for i in sorted(i for member in seen for i in places[member]))
        for member in seen:
            out[member] = group
    return out


def shown_in(lang: str, group: Sequence[MapEntry], languages: Sequence[str]) -> MapEntry:
    """The map of ``group`` that the ``lang`` site lists: its translation, else the original (the
    member in the earliest declared language, the default first)."""
    for e in group:
        if e.map.lang == lang:
            return e
    rank = {code: i for i, code in enumerate(languages)}
    return min(group, key=lambda e: rank.get(e.map.lang, len(rank)))


def listed(lang: str, maps: Sequence[MapEntry], languages: Sequence[str]) -> tuple[tuple[MapEntry, ...], tuple[MapEntry, ...]]:
    """(the maps the ``lang`` site lists, the translations it publishes without listing them)."""
    by_id = groups(maps)
    chosen = {shown_in(lang, by_id[e.map.id], languages).map.id for e in maps}
    return (tuple(e for e in maps if e.map.id in chosen), tuple(e for e in maps if e.map.id not in chosen))


def untranslated_note(kind: str, reader: str, original: str) -> str:
    """"This journey has not been translated into Chinese yet; shown in English", in the reader's language."""
    return label(reader, f"untranslated.{kind}").format(reader=label(reader, f"language.{reader}"),
                                                         original=label(reader, f"language.{original}"))


def mark_untranslated(vf: VirtualFile, note: str, original: str) -> VirtualFile:
    """The page with a note under its title that it is shown in its original language."""
    text = str(vf.content)
    block = f'!!! note ""\n\n    {note}\n'
    wrapper = '<div class="jm-lang"'
    if wrapper in text:  # the note is in the reader's language: above the map's, outside its `lang`
        head, _, rest = text.partition(wrapper)
        return dataclasses.replace(vf, content=f"{head}{block}\n{wrapper}{rest}")
    head, sep, rest = text.partition("\n# ")
    if sep:  # after the title line
        title, nl, body = rest.partition("\n")
        text = f"{head}{sep}{title}{nl}\n{block}\n{body}"
    else:
        text = f"{text}\n{block}"
    return dataclasses.replace(vf, content=text)


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str  # the language's name in itself
    href: str  # relative to the page's own address


def alternates(path: str, here: Edition, all_editions: Sequence[Edition], target_of) -> list[Alternate]:
    """Where the language selector of page ``path`` in site ``here`` leads: for each site, the
    same page (``target_of(edition, path)``: the translation of a map, else the same path), or
    that site's home when it has no such page."""
    out = []
    for ed in all_editions:
        target = target_of(ed, path) if ed != here else path
        dest = ed.prefix + (target or layout.HOME)
        out.append(Alternate(ed.lang, language_name(ed.lang),
                             layout.href(here.prefix + path, dest)))
    return out


def site_alternates(here: Edition, all_editions: Sequence[Edition]) -> list[dict[str, str]]:
    """Material's `extra.alternate` for the site ``here``: each language's home, relative to
    this site's root (a page without its own selector, the `<link rel="alternate">` tags)."""
    return [{"name": language_name(ed.lang), "lang": ed.lang,
             "link": posixpath.relpath(ed.prefix or ".", here.prefix or ".") + "/"} for ed in all_editions]


def with_alternates(vf: VirtualFile, alts: Sequence[Alternate]) -> VirtualFile:
    """The page with its language selector in the front matter (`alternate:`, read by
    theme/partials/alternate.html; JSON is valid YAML and keeps every character literal)."""
    text = str(vf.content)
    value = json.dumps([{"lang": a.lang, "name": a.name, "href": a.href} for a in alts], ensure_ascii=False)
    if text.startswith("---\n"):
        text = "---\nalternate: " + value + "\n" + text[4:]
    else:
        text = "---\nalternate: " + value + "\n---\n\n" + text
    return dataclasses.replace(vf, content=text)


def root_redirect(default: Edition) -> str:
    """The root page of a site whose every language lives under its tag: it leads to the default."""
    target = posixpath.join(default.prefix, "")
    return ("<!doctype html>\n<html><head><meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
            f"<link rel=\"canonical\" href=\"{target}\">\n<title>{default.lang}</title></head>\n"
            f"<body><a href=\"{target}\">{default.lang}</a></body></html>\n")
