"""Method guides (maps/method/*.md): their pages and the section index."""

from __future__ import annotations

import re

from ..check.runner import GuideEntry
from ..core.escape import inline, narrative
from ..model.guide import guide_translations
from . import layout
from .blocks import failure_note, in_lang, lang_mark, link, page
from .links import resolver_for
from .model import SiteContext, VirtualFile
from .templates import Markdown
from .words import bracketed, labelled, language_name, word

_H1 = re.compile(r"^# ", re.M)


def guide_page(g: GuideEntry, ctx: SiteContext) -> VirtualFile:
    here = layout.guide_page(g.meta.id)
    text = narrative(g.body.strip("\n"), resolver_for(ctx, here))
    failure = next((f for f in ctx.failures if f.display == g.display), None)
    cited = [e for e in (ctx.entry(i) for i in g.meta.maps) if e is not None]
    others = _translations(ctx).get(g.meta.id, {})
    titles = {x.meta.id: x.meta.title for x in ctx.guides}
    body = ctx.templates.render(
        "guide.md", lambda key: word(key, g.meta.lang),
        # A guide that opens with its own heading keeps it.
        title=None if _H1.search(text.split("\n\n", 1)[0]) else g.meta.title,
        # under `mkdocs serve`, e.g. after a map it links to was deleted
        failure=failure_note(failure, word("failure.fix_guide", ctx.lang), ctx.lang) if failure else None,
        text=Markdown(text),
        maps=[Markdown(link(e.map.title, layout.rel(here, layout.map_page(e.map.id)))) for e in cited],
        # Each translation's language name and title are in that language: say so.
        translations=[Markdown(link(labelled(language_name(lang), titles[other], lang),
                                    layout.rel(here, layout.guide_page(other))) + lang_mark(lang))
                      for lang, other in others.items()])
    return page(here, g.meta.title, [body], source=g.display, lang=g.meta.lang, site_lang=ctx.lang)


def _also(others: dict[str, str], here: str, site_lang: str) -> str:
    return bracketed(" · ".join(link(language_name(lang), layout.rel(here, layout.guide_page(other))) + lang_mark(lang)
                                for lang, other in others.items()), site_lang) if others else ""


def _translations(ctx: SiteContext) -> dict[str, dict[str, str]]:
    return guide_translations(x.meta for x in ctx.guides)


def method_index(ctx: SiteContext) -> VirtualFile:
    here = layout.METHOD
    # The site's language leads; each guide's translations follow it on the same line.
    translations = _translations(ctx)
    shown = [g for g in ctx.guides if g.meta.lang == ctx.lang or not translations.get(g.meta.id)]
    body = ctx.templates.render(
        "method.md", lambda key: word(key, ctx.lang),
        guides=[Markdown(_index_item(g, here, ctx.lang) + _also(translations.get(g.meta.id, {}), here, ctx.lang))
                for g in shown])
    return page(here, word("method.title", ctx.lang), [body], site_lang=ctx.lang)


def _index_item(g: GuideEntry, here: str, site_lang: str) -> str:
    """A guide's title and summary, declared in the guide's language when it is not the site's
    (a guide with no translation into the site's language is listed in its own)."""
    title = link(g.meta.title, layout.rel(here, layout.guide_page(g.meta.id)))
    if g.meta.lang != site_lang:
        title += lang_mark(g.meta.lang)
    return labelled(title, in_lang(inline(g.meta.summary), g.meta.lang, site_lang), site_lang)
