"""The words the pictures print themselves, in the map's language, from the wording catalogue."""

from __future__ import annotations

from ..words import catalogue


def words_for(lang: str) -> dict[str, str]:
    """The labels of ``lang`` (``zh-Hant`` uses ``zh``; a language without a catalogue, English)."""
    return dict(catalogue(lang).labels)


def is_cjk_lang(lang: str) -> bool:
    return lang.split("-")[0] in ("zh", "ja", "ko")
