"""Reading ``site_config/glossary.yaml`` into a Glossary, every problem a located finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..core.findings import Finding
from ..core.phrase import phrase
from ..words.reader import english
from ..model.glossary import Glossary
from .source import read

NAME = "glossary.yaml"
_META = ("id", "labels")


def load_glossary(folder: Path, display: str, languages: list[str]) -> tuple[Glossary | None, list[Finding]]:
    """The glossary of ``folder`` (None without one), complete in each of ``languages``."""
    path = folder / NAME
    if not path.is_file():
        return None, []
    loaded = read(path).loaded
    findings = [i.finding(display) for i in loaded.issues]
    if findings:
        return None, findings
    data = loaded.data if isinstance(loaded.data, dict) else {}
    # In the file each language is a key of its entry, beside `id` and `labels`; the model groups them.
    shaped = dict(data)
    raw_terms = data.get("terms")
    if isinstance(raw_terms, list):
        shaped["terms"] = [_grouped(t) for t in raw_terms]
    try:
        glossary = Glossary.model_validate(shaped)
    except ValidationError as exc:
        for e in exc.errors(include_url=False):
            loc = _file_loc(tuple(e["loc"]))
            dotted = ".".join(str(p) for p in loc)
            findings.append(Finding(display, *loaded.where(loc), "error", "glossary", f"`{dotted}`: {e['msg']}", None))
        return None, findings
    for i, entry in enumerate(glossary.terms):
        missing = [lang for lang in languages if lang not in entry.terms]
        if missing:
            message = phrase("load.glossary.term", term=entry.id, langs=", ".join(missing))
            hint = phrase("load.glossary.term.hint")
            findings.append(Finding(display, *loaded.where(("terms", i)), "error", "glossary", english(message),
                                    english(hint), text=message, hint_text=hint))
    missing_pages = [lang for lang in languages if lang not in glossary.page]
    if missing_pages:
        message, hint = phrase("load.glossary.page", langs=", ".join(missing_pages)), phrase("load.glossary.page.hint")
        findings.append(Finding(display, *loaded.where(("page",)), "error", "glossary", english(message),
                                english(hint), text=message, hint_text=hint))
    return (None if findings else glossary), findings


def _grouped(entry: Any) -> Any:
    if not isinstance(entry, dict):
        return entry
    return {**{k: entry[k] for k in _META if k in entry},
            "terms": {k: v for k, v in entry.items() if k not in _META}}


def _file_loc(loc: tuple) -> tuple:
    """A model location (terms, 3, terms, zh, term) as it sits in the file (terms, 3, zh, term)."""
    if len(loc) >= 3 and loc[0] == "terms" and loc[2] == "terms":
        return loc[:2] + loc[3:]
    return loc
