"""A finding is a value: collected from every stage of the check, reported at the end."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

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

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def promoted(self) -> Finding:
        """The same finding as an error (``--strict``)."""
        return Finding(self.path, self.line, self.col, "error", self.code, self.message, self.hint)
