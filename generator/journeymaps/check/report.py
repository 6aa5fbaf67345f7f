"""Render findings for people (text), programs (json) and GitHub Actions (workflow annotations)."""

from __future__ import annotations

import json

from ..core.findings import Finding


def _counts(findings: list[Finding], files: int) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"  # noqa: E731
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')} checked"


def text(findings: list[Finding], files: int) -> str:
    lines = []
    for f in findings:
        lines.append(f"{f.path}:{f.line}:{f.col}: {f.severity}[{f.code}]: {f.message}")
        if f.hint:
            lines.append(f"  hint: {f.hint}")
    lines.append(_counts(findings, files))
    return "\n".join(lines) + "\n"


def as_json(findings: list[Finding], files: int) -> str:
    errors = sum(f.severity == "error" for f in findings)
    doc = {"files": files, "errors": errors, "warnings": len(findings) - errors,
           "findings": [f.as_dict() for f in findings]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], files: int) -> str:
    lines = []
    for f in findings:
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        lines.append(f"::{f.severity} file={_gh_prop(f.path)},line={f.line},col={f.col},"
                     f"title={_gh_prop('journeymaps ' + f.code)}::{_gh_data(message)}")
    lines.append(_counts(findings, files))
    return "\n".join(lines) + "\n"


FORMATS = {"text": text, "json": as_json, "github": github}
