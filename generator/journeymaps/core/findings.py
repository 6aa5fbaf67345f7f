"""A finding is a value: collected from every stage of the check, reported at the end."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from .phrase import Label, Phrase

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    hint: str | None = None
    # The id of the map a cross-reference finding points at (a missing translation, an unknown
    # map): a value for whoever acts on the finding, so nobody parses it back out of the message.
    target: str | None = None
    # The message and hint as catalogue phrases, to word them in the reader's language;
    # ``message`` and ``hint`` are their English wording (None: a finding with no phrase).
    text: Phrase | None = field(default=None, compare=False)
    hint_text: Phrase | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        del d["text"], d["hint_text"]
        if self.target is None:
            del d["target"]  # only cross-reference findings carry it
        return d

    def worded(self, label: Label) -> tuple[str, str | None]:
        """(message, hint) in the language of ``label``; English where no phrase is known."""
        message = self.text.say(label) if self.text is not None else self.message
        hint = self.hint_text.say(label) if self.hint_text is not None else self.hint
        return message, hint

    def promoted(self) -> Finding:
        """The same finding as an error (``--strict``)."""
        return replace(self, severity="error")
