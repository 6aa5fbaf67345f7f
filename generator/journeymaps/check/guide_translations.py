"""Guides and their translations: links resolve, translations are current and on par."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.findings import Finding
from ..model.translation import guide_digest, original_of
from .guide_parity import GuideText, check_parity, sections
from .translations import TranslationDoc, check_links, check_stale

if TYPE_CHECKING:
    from .runner import GuideEntry


def check_guide_translations(guides: list[GuideEntry], default_lang: str) -> list[Finding]:
    docs = [_doc(g) for g in guides]
    out = check_links(docs, both_ways=False) + check_stale(docs, default_lang)
    by_id = {g.meta.id: g for g in guides}
    for g in guides:
        original = by_id.get(original_of(g.meta.lang, g.meta.translations, default_lang) or "")
        if original is not None and original.meta.lang == default_lang:
            out += check_parity(guide_text(g), guide_text(original))
    return out


def _doc(g: GuideEntry) -> TranslationDoc:
    m = g.meta
    return TranslationDoc("guide", g.display, m.id, m.lang, dict(m.translations), g.pos("id"),
                          {lang: g.pos(f"translations.{lang}") for lang in m.translations},
                          guide_digest(m, g.body), m.source_digest, g.pos("source_digest"), g.pos("translations"))


def guide_text(g: GuideEntry) -> GuideText:
    return GuideText(g.display, g.meta.id, g.meta.order, tuple(g.meta.maps), tuple(sections(g.body, g.body_line)),
                     g.pos("order"), g.pos("maps"))
