"""A problem found while reading a file, before any schema or rule looks at it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LoadIssue:
    """A problem found while reading a file; line and column are 1-based."""

    code: str
    message: str
    line: int
    col: int
    hint: str | None = None
