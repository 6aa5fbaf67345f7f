"""Findings made from catalogue phrases: worded in English for ``message``/``hint`` (programs,
sorting, the English report) and kept as phrases for a report in the reader's language."""

from __future__ import annotations

from ..core.findings import Finding, Severity
from ..core.phrase import Phrase
from ..words.reader import english


def finding(path: str, line: int, col: int, severity: Severity, code: str, message: Phrase,
            hint: Phrase | None = None, *, target: str | None = None) -> Finding:
    return Finding(path, line, col, severity, code, english(message), None if hint is None else english(hint),
                   target, message, hint)
