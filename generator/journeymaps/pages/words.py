"""The pages' wording (from the catalogue, in the page's language) and the language's way of
joining and formatting it (rules in ``core.assemble``), so a Chinese map reads Chinese from
top to bottom: "目标：…", "原因。我们…", "2026年10月14日".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from ..core import assemble
from ..words import label, language_name

__all__ = ["word", "language_name", "num", "signed", "date", "listed", "clauses", "labelled",
           "lead_in", "bracketed", "sentence"]

def word(key: str, lang: str) -> str:
    """A label of the wording catalogue in the page's language (see ``journeymaps.words``)."""
    return label(lang, key)


def num(x: float | int | None, lang: str) -> str:
    """A number as ``lang`` writes it ("3,1" in Polish), at most 4 decimals, ``–`` for none."""
    return assemble.number(x, lang)


def signed(x: float, lang: str) -> str:
    return assemble.number(x, lang, sign=True)


def date(d: _dt.date, lang: str) -> str:
    return assemble.date(d, lang)


def listed(items: Iterable[str], lang: str, key: str = "list_sep") -> str:
    """Like items in a row: "a, b" / "甲、乙"; ``key="comma"`` for attributes of one thing."""
    return assemble.join(items, label(lang, key))


def clauses(items: Iterable[str], lang: str) -> str:
    """Items that are sentences or clauses: "a; b" / "甲；乙"."""
    return assemble.join(items, label(lang, "clause_sep"))


def labelled(head: str, tail: str, lang: str) -> str:
    """"Label: value" / "标签：值"."""
    return assemble.attach(head, label(lang, "colon"), tail)


def lead_in(head: str, tail: str, lang: str) -> str:
    """A bold label leading its value, the colon inside the bold: "**Goal:** …" / "**目标：**…"."""
    colon = label(lang, "colon")
    mark = colon.rstrip()
    return f"**{head}{mark}**{colon[len(mark):]}{tail}"


def bracketed(text: str, lang: str) -> str:
    """A remark after what it qualifies: " (high)" / "（高）"."""
    return label(lang, "paren").format(text=text)


def sentence(text: str, lang: str) -> str:
    return assemble.end_sentence(text, label(lang, "full_stop"))
