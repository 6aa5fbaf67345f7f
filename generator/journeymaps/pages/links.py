"""Turn `map:ID`, `map:ID#STAGE` and `guide:ID` references into relative links."""

from __future__ import annotations

from ..core.escape import Resolver
from . import layout
from .model import SiteContext


def resolver_for(ctx: SiteContext, here: str) -> Resolver:
    maps = ctx.by_id  # built once per site: a dict per call made pages with notes quadratic
    guides = {g.meta.id for g in ctx.guides}

    def resolve(scheme: str, rest: str) -> str | None:
        target, _, anchor = rest.partition("#")
        if scheme == "map":
            e = maps.get(target)
            if e is None:
                return None
            url = layout.rel(here, layout.map_page(target))
            if anchor:
                if anchor not in {s.id for s in e.map.stages}:
                    return url
                url += "#" + layout.stage_anchor(anchor)
            return url
        if scheme == "guide" and target in guides:
            return layout.rel(here, layout.guide_page(target)) + (f"#{anchor}" if anchor else "")
        return None

    return resolve
