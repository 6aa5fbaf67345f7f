"""A sentence for the user as a wording-catalogue key and its values, worded only when it is
printed: a finding is made once (in a worker process, say) and read in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Label(Protocol):
    """The catalogue of one language: a key's text, and the plural category of a number."""

    def __call__(self, key: str) -> str: ...

    def plural(self, n: int) -> str: ...  # CLDR category: one, few, many or other

    def described(self, key: str) -> str | None: ...  # a map format field's description (``Type.field``)


@dataclass(frozen=True)
class Count:
    """``n`` things, worded by the key ``family`` + the plural category of ``n`` in the language."""

    family: str  # ends with a dot: "check.errors."
    n: int

    def say(self, label: Label) -> str:
        return label(self.family + label.plural(self.n)).format(n=self.n)


@dataclass(frozen=True)
class Joined:
    """Several phrases worded one after the other, ``sep`` between them."""

    items: tuple[Phrase, ...]
    sep: str

    def say(self, label: Label) -> str:
        return self.sep.join(item.say(label) for item in self.items)


@dataclass(frozen=True)
class Described:
    """What a field of the map format is, as a clause ("the stages of the journey, in order"):
    the language's description of ``key`` (``Type.field``), or ``english``, the schema's."""

    key: str
    english: str

    def say(self, label: Label) -> str:
        text = (label.described(self.key) or self.english).strip().rstrip(".。")
        return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Phrase:
    key: str
    # (name, value) pairs for the key's `str.format` placeholders; a value that is itself a
    # Phrase or Count (a described value, a "did you mean") is worded in the same language first.
    values: tuple[tuple[str, object], ...] = ()

    def say(self, label: Label) -> str:
        return label(self.key).format(**{k: v.say(label) if isinstance(v, (Phrase, Count, Joined, Described)) else v
                                         for k, v in self.values})


def phrase(key: str, /, **values: object) -> Phrase:
    return Phrase(key, tuple(values.items()))
