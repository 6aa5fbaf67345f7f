"""Small phrases the comparison builds from map values: names, scores, quantities, field labels."""

from __future__ import annotations

import datetime as _dt
import re
import string
from typing import Any

from babel import Locale

from ..model.journey import SLUG_PATTERN, JourneyMap, Persona, Stage
from ..model.resolve import channel_name, effective_scale, stage_name
from ..model.vocabulary import Vocabulary
from ..render.fmt import num, quantity
from ..words import has_label, label as _label
from .changes import Part, Phrase, Val, language

CLIP = 160  # longest quoted text shown; a review needs the gist, the file has the rest
SHORT = 80  # text fields longer than this (or with line breaks) are reported as "edited"
_SLUG = re.compile(SLUG_PATTERN)
# "Maya, the time-pressed professional" -> "Maya": personas are named for the reader in full,
# but "Maya at Purchase" is what a reviewer scans for.
_PERSONA_CUT = re.compile(r"\s*[,，、(（:：;；]|\s+[-–—]\s+")



def q(text: str) -> Val:
    """Free text from a map, shown in quotes, on one line and clipped."""
    one_line = " ".join(text.split())
    return Val(one_line if len(one_line) <= CLIP else one_line[:CLIP - 3].rstrip() + "...", quoted=True)


def persona_short(p: Persona) -> str:
    short = _PERSONA_CUT.split(p.name, maxsplit=1)[0].strip()
    return short or p.id


def stage_label(m: JourneyMap, s: Stage, vocab: Vocabulary | None) -> str:
    if vocab is not None:
        return stage_name(m, s, vocab)
    return s.name or s.id


def channel_label(channel_id: str, lang: str, vocab: Vocabulary | None) -> str:
    return channel_name(channel_id, lang, vocab) if vocab is not None else channel_id


def signed_scale(m: JourneyMap, vocab: Vocabulary | None) -> bool:
    """Scores carry a sign on scales around zero (-2..+2), not on 1..5."""
    scale = effective_scale(m, vocab) if vocab is not None else m.emotion_scale
    return scale.min < 0 if scale is not None else True


def score(value: int, signed: bool) -> str:
    # ASCII minus: the diff is read in terminals and pull-request comments, and searched with grep.
    return f"+{value}" if signed and value > 0 else str(value)


def amount(value: float, unit: str) -> Phrase:
    """A KPI value with its unit; the unit is map text."""
    text = quantity(value, "")
    if not unit:
        return (text,)
    return (text, Val(unit)) if unit in ("%", "‰", "°") else (text, " ", Val(unit))


def word(key: str) -> str:
    return _label(language(), key)


def phrase(key: str, **parts: Part | Phrase) -> Phrase:
    """The catalogue's template ``key`` as a phrase: its text our words, each ``{name}`` the
    part or phrase given, so a language puts the map's values where its word order wants them."""
    out: list[Part] = []
    for literal, name, _, _ in string.Formatter().parse(word(key)):
        if literal:
            out.append(literal)
        if name is not None:
            part = parts[name]
            out.extend(part if isinstance(part, tuple) else (part,))
    return tuple(out)


# CLDR's plural categories that the catalogue spells out (Polish uses one, few, many; English
# one, other; Chinese other only): a counted key is a family, ``invalid_on.`` + one of these.
PLURAL_FORMS = ("one", "few", "many", "other")


def counted(family: str, n: int, **values: object) -> str:
    """The form of the catalogue family ``family`` (e.g. ``"invalid_on."``) that the review's
    language uses for ``n``, formatted."""
    form = Locale.parse(language(), sep="-").plural_form(n)
    return word(family + (form if form in PLURAL_FORMS else "other")).format(n=n, **values)


def label(field: str) -> str:
    """A field's name as a reviewer reads it; a field new to the format reads as its key."""
    key = "field." + field
    return word(key) if has_label(language(), key) else field.replace("_", " ")


def singular(field: str) -> str:
    key = "one." + field
    return word(key) if has_label(language(), key) else label(field)


def value(v: Any) -> Phrase:
    """Any field value as a short phrase."""
    if v is None:
        return (word("diff.nothing"),)
    if isinstance(v, bool):
        return (word("diff.yes") if v else word("diff.no"),)
    if isinstance(v, (int, float)):
        return (num(v),)
    if isinstance(v, _dt.date):
        return (v.isoformat(),)
    if isinstance(v, str):
        return (Val(v),) if is_id(v) else (q(v),)
    if isinstance(v, (list, tuple)):
        return join([value(x) for x in v], word("comma")) if v else (word("diff.none"),)
    return (word("diff.new_value"),)


def join(phrases: list[Phrase], sep: str) -> Phrase:
    out: list[Part] = []
    for i, p in enumerate(phrases):
        if i:
            out.append(sep)
        out.extend(p)
    return tuple(out)


def is_short(text: str) -> bool:
    return len(text) <= SHORT and "\n" not in text.strip()


def is_id(text: str) -> bool:
    return bool(_SLUG.match(text))
