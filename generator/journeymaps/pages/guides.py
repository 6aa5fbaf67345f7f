"""Method guides (maps/method/*.md): their pages and the section index."""

from __future__ import annotations

import re

from ..check.runner import GuideEntry
from ..core.escape import inline, narrative
from . import layout
from .blocks import bullets, link, page
from .links import resolver_for
from .model import SiteContext, VirtualFile
from .words import SITE_LANG, labelled, word

_H1 = re.compile(r"^# ", re.M)


def guide_page(g: GuideEntry, ctx: SiteContext) -> VirtualFile:
    here = layout.guide_page(g.meta.id)
    body = narrative(g.body.strip("\n"), resolver_for(ctx, here))
    parts = []
    if not _H1.search(body.split("\n\n", 1)[0]):
        parts.append(f"# {inline(g.meta.title)}")
    parts.append(body)
    cited = [ctx.entry(i) for i in g.meta.maps]
    cited = [e for e in cited if e is not None]
    if cited:
        parts.append(f"## {word('method.maps', g.meta.lang)} {{#maps}}")
        parts.append(bullets(link(e.map.title, layout.rel(here, layout.map_page(e.map.id))) for e in cited))
    return page(here, g.meta.title, parts, source=g.display, lang=g.meta.lang)


def method_index(ctx: SiteContext) -> VirtualFile:
    here = layout.METHOD
    title = word("method.title", SITE_LANG)
    parts = [f"# {title}", word("method.intro", SITE_LANG)]
    parts.append(bullets(labelled(link(g.meta.title, layout.rel(here, layout.guide_page(g.meta.id))),
                                  inline(g.meta.summary), SITE_LANG) for g in ctx.guides))
    return page(here, title, parts)
