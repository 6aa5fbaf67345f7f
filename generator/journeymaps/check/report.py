"""Render findings for people (text), programs (json) and GitHub Actions (workflow annotations).

``lang`` is the reader's language (``words.reader.output_language``). The text report is
worded in it whole. The machine formats keep the English ``message`` and ``hint`` that
programs match on, and add the reader's wording beside them when it is not English: in JSON
as ``localized``, in an annotation as a second line.
"""

from __future__ import annotations

import json

from ..core.findings import Finding
from ..core.phrase import Count, phrase
from ..words import REFERENCE
from ..words.reader import Wording


def _counts(findings: list[Finding], files: int, words: Wording) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    return phrase("check.summary", errors=Count("check.errors.", errors), warnings=Count("check.warnings.", warnings),
                  files=Count("check.files.", files)).say(words)


def text(findings: list[Finding], files: int, lang: str = REFERENCE) -> str:
    words = Wording(lang)
    lines = []
    for f in findings:
        message, hint = f.worded(words)
        lines.append(f"{f.path}:{f.line}:{f.col}: {words('check.severity.' + f.severity)}[{f.code}]: {message}")
        if hint:
            lines.append(words("check.hint_line").format(hint=hint))
    lines.append(_counts(findings, files, words))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], files: int, lang: str = REFERENCE) -> str:
    errors = sum(f.severity == "error" for f in findings)
    doc = {"files": files, "errors": errors, "warnings": len(findings) - errors,
           "findings": [_json_finding(f, lang) for f in findings]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _json_finding(f: Finding, lang: str) -> dict[str, object]:
    d = f.as_dict()
    if lang != REFERENCE:
        message, hint = f.worded(Wording(lang))
        d["localized"] = {"lang": lang, "message": message, "hint": hint}
    return d


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], files: int, lang: str = REFERENCE) -> str:
    words = Wording(lang)
    lines = []
    for f in findings:
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        if lang != REFERENCE:
            worded, hint = f.worded(words)
            message += "\n" + worded + (words("check.hint_inline").format(hint=hint) if hint else "")
        lines.append(f"::{f.severity} file={_gh_prop(f.path)},line={f.line},col={f.col},"
                     f"title={_gh_prop('journeymaps ' + f.code)}::{_gh_data(message)}")
    lines.append(_counts(findings, files, words))
    return "\n".join(lines) + "\n"


FORMATS = {"text": text, "json": as_json, "github": github}
