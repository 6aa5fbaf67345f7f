"""The wording catalogue's English words, as the tests that look for them on zh and pl output
(pages, the diff) find them."""

from __future__ import annotations

import re

from journeymaps.words import REFERENCE, catalogue

LETTER = re.compile(r"[^\W\d_]")


def english_needles(lang: str) -> dict[str, re.Pattern[str]]:
    """The catalogue's English words, case-folded, as whole-word patterns matching any case: a
    template's fixed parts ("Impact {impact} · Effort {effort}" gives "impact" and "effort")."""
    en, other = catalogue(REFERENCE).labels, catalogue(lang)
    loanwords = {w.casefold() for w in other.loanwords}  # words the language spells as English does
    needles: dict[str, re.Pattern[str]] = {}
    for value in en.values():
        for part in re.split(r"\{\w*\}|\s·\s", value):
            part = part.strip(" .,:;()\u201c\u201d\u201e+-–")
            # Two-letter glue of templates ("{lo} to {hi}") is no label, and "to" is Polish too.
            if len(LETTER.findall(part)) >= 3 and part.casefold() not in loanwords:
                needles[part.casefold()] = re.compile(rf"(?<![^\W\d_]){re.escape(part)}(?![^\W\d_])", re.IGNORECASE)
    return needles
