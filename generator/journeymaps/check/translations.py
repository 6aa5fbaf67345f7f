"""Rules between a document and its translations, for maps and guides alike: the links
resolve, name the right language, and a translation is not older than its original."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.findings import Finding
from ..model.translation import original_of
from ..core.phrase import phrase
from .hints import suggestion
from .worded import finding

Pos = tuple[int, int]


@dataclass(frozen=True)
class TranslationDoc:
    """What the translation rules need to know about one map or guide."""

    kind: str  # "map" or "guide": the noun in messages, and ids are unique per kind
    display: str
    id: str
    lang: str
    translations: dict[str, str]
    id_pos: Pos
    translation_pos: dict[str, Pos] = field(default_factory=dict)
    digest: str = ""  # of this document's content now
    source_digest: str | None = None
    source_digest_pos: Pos | None = None
    translations_pos: Pos = (1, 1)  # the `translations` key, where a missing source_digest belongs


def check_links(docs: Iterable[TranslationDoc], invalid_ids: set[str] | frozenset[str] = frozenset(), *,
                both_ways: bool) -> list[Finding]:
    """Every `translations` entry names an existing document in that language. With ``both_ways``
    (maps) the target must link back; guides resolve the way back themselves."""
    docs = list(docs)
    by_id: dict[str, TranslationDoc] = {}
    for d in docs:
        by_id.setdefault(d.id, d)
    out: list[Finding] = []
    for d in docs:
        for lang, target_id in d.translations.items():
            pos = d.translation_pos.get(lang, d.id_pos)
            target = by_id.get(target_id)
            if target is None and target_id in invalid_ids:
                continue
            if target is None:
                out.append(finding(d.display, *pos, "error", "missing-translation",
                                   phrase("check.missing_translation", id=target_id, lang=lang),
                                   suggestion(target_id, by_id.keys() - {d.id})
                                   or phrase("check.missing_translation.hint", source=d.id, lang=lang), target=target_id))
            elif target.lang != lang:
                out.append(finding(d.display, *pos, "error", "translation-lang",
                                   phrase("check.translation_lang", id=target_id, actual=target.lang, lang=lang),
                                   phrase("check.translation_lang.hint", actual=target.lang)))
            elif both_ways and target.translations.get(d.lang) != d.id:
                out.append(finding(target.display, *target.id_pos, "warning", "one-way-translation",
                                   phrase("check.one_way_translation." + d.kind, id=d.id, lang=lang),
                                   phrase("check.one_way_translation.hint", lang=d.lang, id=d.id)))
    return out


def check_stale(docs: Iterable[TranslationDoc], default_lang: str) -> list[Finding]:
    """A translation whose recorded ``source_digest`` is not its original's digest now is stale."""
    docs = list(docs)
    by_id = {d.id: d for d in docs}
    out: list[Finding] = []
    for d in docs:
        original = by_id.get(original_of(d.lang, d.translations, default_lang) or "")
        if original is None or original.lang != default_lang:
            continue  # no original, or a broken link reported by check_links
        if d.source_digest is None:
            out.append(finding(d.display, *d.translations_pos, "warning", "untracked-translation",
                               phrase("check.untracked_translation", original=original.id),
                               phrase("check.untracked_translation.hint", digest=original.digest, file=d.display)))
        elif d.source_digest != original.digest:
            out.append(finding(d.display, *(d.source_digest_pos or d.id_pos), "warning", "stale-translation",
                               phrase("check.stale_translation", original=original.id, file=original.display),
                               phrase("check.stale_translation.hint", digest=original.digest, file=d.display)))
    return out
