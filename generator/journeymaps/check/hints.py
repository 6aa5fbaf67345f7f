"""Small helpers that turn a mistake into a suggestion."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ..core.phrase import Phrase, phrase
from ..words.reader import english


def suggestion(word: str, choices: Iterable[str]) -> Phrase | None:
    match = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return phrase("check.did_you_mean", word=match[0]) if match else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The suggestion in English, for callers that word their own messages."""
    found = suggestion(word, choices)
    return None if found is None else english(found)


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    return slug or "my-id"


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(f"`{c}`" for c in choices)
