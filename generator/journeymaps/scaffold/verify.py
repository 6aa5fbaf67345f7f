"""Check a generated map text exactly as `journeymaps check` would, before it is written."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..check.rules import RuleContext, check_map
from ..check.validate import validate_map
from ..core.findings import Finding
from ..load.source import read_text_bytes
from ..model.vocabulary import Vocabulary


class ScaffoldError(Exception):
    """The generated text failed its own check: a bug in the scaffold, never the user's fault."""


def verify(text: str, path: Path, vocab: Vocabulary, today: _dt.date) -> list[Finding]:
    """The warnings of the new map (things left to fill in); raises on any error."""
    display = path.as_posix()
    loaded = read_text_bytes(text.encode("utf-8"), markdown=False).loaded
    errors = [f"{i.line}:{i.col}: {i.message}" for i in loaded.issues]
    if not errors:
        model, findings = validate_map(loaded, display)
        if model is not None:
            findings = check_map(model, loaded, display, path, RuleContext(vocab, today))
        errors = [f"{f.line}:{f.col}: {f.message}" for f in findings if f.severity == "error"]
        if not errors:
            return findings
    raise ScaffoldError("the generated map does not pass the check: " + "; ".join(errors))
