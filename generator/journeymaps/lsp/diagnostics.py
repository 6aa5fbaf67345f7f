"""Findings as the editor's diagnostics, and a quick fix for each "did you mean"."""

from __future__ import annotations

import re

from lsprotocol import types as lsp

from ..core.findings import Finding
from ..core.phrase import Phrase
from ..words.reader import Wording

SOURCE = "journeymaps"
_TOKEN = re.compile(r"[^\s,\[\]{}#]+")


def utf16(line: str, col: int) -> int:
    """A code-point column as the UTF-16 offset LSP positions count in."""
    return len(line[:col].encode("utf-16-le")) // 2


def from_utf16(line: str, offset: int) -> int:
    """A UTF-16 offset back to a code-point column."""
    units = 0
    for i, ch in enumerate(line):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def token_span(line: str, col: int) -> tuple[int, int]:
    """The value or key starting at ``col`` (code points): with its quotes, without a key's colon."""
    if col < len(line) and line[col] in "'\"":
        end = line.find(line[col], col + 1)
        return col, end + 1 if end > col else len(line)
    m = _TOKEN.match(line, col)
    if m is None:
        return col, col
    end = m.end() - 1 if m.group(0).endswith(":") else m.end()
    return col, end


def suggested(f: Finding) -> str | None:
    """The word a "did you mean" hint offers, taken from the phrase (never parsed from text)."""
    hint = f.hint_text
    if isinstance(hint, Phrase) and hint.key == "check.did_you_mean":
        return str(dict(hint.values)["word"])
    return None


def to_diagnostic(f: Finding, lines: list[str], words: Wording) -> lsp.Diagnostic:
    row = max(f.line - 1, 0)
    line = lines[row] if row < len(lines) else ""
    start, end = token_span(line, max(f.col - 1, 0))
    message, hint = f.worded(words)
    if hint:
        message += "\n" + words("check.hint_line").format(hint=hint).strip()
    rng = lsp.Range(lsp.Position(row, utf16(line, start)), lsp.Position(row, utf16(line, end)))
    severity = lsp.DiagnosticSeverity.Error if f.severity == "error" else lsp.DiagnosticSeverity.Warning
    fix = suggested(f)
    return lsp.Diagnostic(rng, message, severity=severity, code=f.code, source=SOURCE,
                          data={"fix": fix} if fix else None)


def quick_fixes(uri: str, diagnostics: list[lsp.Diagnostic], words: Wording) -> list[lsp.CodeAction]:
    out = []
    for d in diagnostics:
        fix = d.data.get("fix") if isinstance(d.data, dict) else None
        if d.source != SOURCE or not fix:
            continue
        edit = lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(d.range, fix)]})
        out.append(lsp.CodeAction(words("lsp.replace_with").format(word=fix), kind=lsp.CodeActionKind.QuickFix,
                                  diagnostics=[d], edit=edit, is_preferred=True))
    return out
