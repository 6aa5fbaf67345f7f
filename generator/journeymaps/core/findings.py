"""A finding is a value: collected from every stage of the check, reported at the end."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
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
    # The id of the map a cross-reference finding points at (a missing translation, an unknown
    # map): a value for whoever acts on the finding, so nobody parses it back out of the message.
    target: str | None = None

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        if self.target is None:
            del d["target"]  # only cross-reference findings carry it
        return d

    def promoted(self) -> Finding:
        """The same finding as an error (``--strict``)."""
        return replace(self, severity="error")
