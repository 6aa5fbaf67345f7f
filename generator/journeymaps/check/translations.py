"""Rules between a document and its translations, for maps and guides alike: the links
resolve, name the right language, and a translation is not older than its original."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.findings import Finding
from ..model.translation import original_of
from .hints import did_you_mean

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
                out.append(Finding(d.display, *pos, "error", "missing-translation",
                                   f"translation `{target_id}` ({lang}) does not exist",
                                   did_you_mean(target_id, by_id.keys() - {d.id}) or "create it with "
                                   f"`journeymaps new --from {d.id} --lang {lang}`", target=target_id))
            elif target.lang != lang:
                out.append(Finding(d.display, *pos, "error", "translation-lang",
                                   f"`{target_id}` is written in `{target.lang}`, not `{lang}`",
                                   f"list it under `{target.lang}:` instead"))
            elif both_ways and target.translations.get(d.lang) != d.id:
                out.append(Finding(target.display, *target.id_pos, "warning", "one-way-translation",
                                   f"`{d.id}` lists this {d.kind} as its {lang} translation, but this {d.kind} "
                                   "does not link back", f"add `translations: {{{d.lang}: {d.id}}}`"))
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
        accept = f"`journeymaps translated {d.display}` records it"
        if d.source_digest is None:
            out.append(Finding(d.display, *d.translations_pos, "warning", "untracked-translation",
                               f"this translation of `{original.id}` records no `source_digest`, so a change to "
                               "the original cannot be noticed",
                               f"once it matches the original, add `source_digest: \"{original.digest}\"` ({accept})"))
        elif d.source_digest != original.digest:
            out.append(Finding(d.display, *(d.source_digest_pos or d.id_pos), "warning", "stale-translation",
                               f"`{original.id}` ({original.display}) changed after this translation was last "
                               "reviewed against it",
                               f"review the translation against the original, then set `source_digest: "
                               f"\"{original.digest}\"` ({accept})"))
    return out
