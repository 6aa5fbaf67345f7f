"""Method guides (maps/method/*.md): their pages and the section index."""

from __future__ import annotations

import re

from ..check.runner import GuideEntry
from ..core.escape import inline, narrative
from ..model.guide import guide_translations
from . import layout
from .blocks import bullets, failure_note, link, page
from .links import resolver_for
from .model import SiteContext, VirtualFile
from .words import SITE_LANG, language_name, word

_H1 = re.compile(r"^# ", re.M)


def guide_page(g: GuideEntry, ctx: SiteContext) -> VirtualFile:
    here = layout.guide_page(g.meta.id)
    body = narrative(g.body.strip("\n"), resolver_for(ctx, here))
    parts = []
    if not _H1.search(body.split("\n\n", 1)[0]):
        parts.append(f"# {inline(g.meta.title)}")
    failure = next((f for f in ctx.failures if f.display == g.display), None)
    if failure is not None:  # under `mkdocs serve`, e.g. after a map it links to was deleted
        parts.append(failure_note(failure, "fix them and save; until then its links to those maps show as text"))
    parts.append(body)
    cited = [ctx.entry(i) for i in g.meta.maps]
    cited = [e for e in cited if e is not None]
    if cited:
        parts.append("## Maps this guide draws on {#maps}")
        parts.append(bullets(link(e.map.title, layout.rel(here, layout.map_page(e.map.id))) for e in cited))
    others = _translations(ctx).get(g.meta.id, {})
    if others:
        titles = {x.meta.id: x.meta.title for x in ctx.guides}
        parts.append(f"## {inline(word('translations', g.meta.lang))} {{#translations}}")
        parts.append(bullets(link(f"{language_name(lang)}: {titles[other]}", layout.rel(here, layout.guide_page(other)))
                             for lang, other in others.items()))
    return page(here, g.meta.title, parts, source=g.display)


def _also(others: dict[str, str], here: str) -> str:
    return (" (" + " · ".join(link(language_name(lang), layout.rel(here, layout.guide_page(other)))
                              for lang, other in others.items()) + ")") if others else ""


def _translations(ctx: SiteContext) -> dict[str, dict[str, str]]:
    return guide_translations(x.meta for x in ctx.guides)


def method_index(ctx: SiteContext) -> VirtualFile:
    here = layout.METHOD
    parts = ["# Method guides",
             "How to build a journey map, find the touchpoints that matter, turn the map into a pilot and "
             "measure whether it worked. Each guide draws its examples from the maps on this site."]
    # The site's language leads; each guide's translations follow it on the same line.
    translations = _translations(ctx)
    shown = [g for g in ctx.guides if g.meta.lang == SITE_LANG or not translations.get(g.meta.id)]
    parts.append(bullets(f"{link(g.meta.title, layout.rel(here, layout.guide_page(g.meta.id)))}: "
                         f"{inline(g.meta.summary)}" + _also(translations.get(g.meta.id, {}), here)
                         for g in shown))
    return page(here, "Method guides", parts)
