"""A problem found while reading a file, before any schema or rule looks at it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.findings import Finding, Severity
from ..core.phrase import Phrase
from ..words.reader import english


@dataclass(frozen=True)
class LoadIssue:
    """A problem found while reading a file; line and column are 1-based."""

    code: str
    message: str
    line: int
    col: int
    hint: str | None = None
    # The message and hint as catalogue phrases (``message``/``hint`` are their English wording).
    text: Phrase | None = field(default=None, compare=False)
    hint_text: Phrase | None = field(default=None, compare=False)

    @classmethod
    def of(cls, code: str, message: Phrase, line: int, col: int, hint: Phrase | None = None, **more: object):
        return cls(code, english(message), line, col, english(hint) if hint is not None else None,
                   text=message, hint_text=hint, **more)  # type: ignore[arg-type]

    def finding(self, display: str, severity: Severity = "error") -> Finding:
        return Finding(display, self.line, self.col, severity, self.code, self.message, self.hint,
                       text=self.text, hint_text=self.hint_text)
