"""Where the cursor is in a map that may not parse: the keys around it, read from indentation.

A map being typed is rarely valid YAML, so completion cannot wait for a parse. Block YAML
nests by indentation, so the keys enclosing a line are the nearest lines above it that are
indented less; flow collections (``{maya: 0, ro`` or ``[fee-details``) on the cursor's own
line are read bracket by bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEAD = re.compile(r"^(\s*)((?:-(?:\s+|$))*)")
_KEY = re.compile(r"""^(?P<key>[^\s#:{}\[\],'"][^#:{}\[\],]*?)\s*:(?:\s+|$)""")
_WORD = re.compile(r"[A-Za-z0-9_.-]*$")
_WORD_AT = re.compile(r"[A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Spot:
    """The cursor's place: the enclosing keys (outermost first, list positions left out), whether
    a key or a value is being typed there, and the partial word before the cursor."""

    path: tuple[str, ...]
    is_key: bool
    partial: str
    start: int  # column (code points) where the partial word begins


@dataclass(frozen=True)
class _Line:
    start: int  # column of the first character
    dash: bool  # opens a list item
    keycol: int  # column of the content after the dashes
    key: str | None


def _read_line(text: str) -> _Line | None:
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return None
    lead = _LEAD.match(text)
    assert lead is not None  # the pattern matches every string
    start = len(lead.group(1))
    content = text[lead.end():]
    key = _KEY.match(content)
    return _Line(start, bool(lead.group(2)), lead.end(), key.group("key").strip() if key else None)


def ancestors(lines: list[str], row: int, column: int, in_item: bool = False) -> list[str]:
    """The keys enclosing something at ``column`` on line ``row``."""
    path: list[str] = []
    threshold = column
    for r in range(row - 1, -1, -1):
        line = _read_line(lines[r])
        if line is None:
            continue
        if line.dash and line.start < threshold <= line.keycol:
            threshold, in_item = line.start, True  # inside this list item
        elif line.key is not None and line.keycol < threshold:
            path.insert(0, line.key)
            threshold, in_item = line.start, line.dash
        elif in_item and not line.dash and line.key is not None and line.start == threshold:
            path.insert(0, line.key)  # a list written at its key's own indentation
            in_item = False
        if threshold == 0 and not in_item:
            break
    return path


def spot_at(text: str, row: int, col: int) -> Spot:
    """The spot at line ``row``, column ``col`` (both from 0, the column in code points)."""
    lines = text.split("\n")
    line = lines[row] if row < len(lines) else ""
    before = line[:col]
    word = _WORD.search(before)
    partial = word.group(0) if word else ""
    start = col - len(partial)
    lead = _LEAD.match(before)
    assert lead is not None
    content_col = lead.end()
    rest = before[content_col:]
    dash_col = len(lead.group(1))
    key = _KEY.match(rest)
    if key is not None:
        dash = bool(lead.group(2))
        base = ancestors(lines, row, dash_col if dash else content_col, dash) + [key.group("key").strip()]
        after = rest[key.end():]
        if after.lstrip().startswith(("{", "[")):
            return _flow(base, after, partial, start)
        return Spot(tuple(base), False, partial, start)
    if rest.startswith(("{", "[")):
        return _flow(ancestors(lines, row, dash_col, True), rest, partial, start)
    if lead.group(2):  # `- partial`: an item of the list above
        return Spot(tuple(ancestors(lines, row, dash_col, True)), False, partial, start)
    return Spot(tuple(ancestors(lines, row, content_col)), True, partial, start)


def _flow(base: list[str], text: str, partial: str, start: int) -> Spot:
    """Read a flow collection up to the cursor: which key or list the cursor is in."""
    # Each open bracket: its kind, the key it is the value of, and (in a mapping) the key being given.
    frames: list[list] = []
    token = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                break
            token, i = text[i + 1:end], end + 1
            continue
        if ch in "{[":
            owner = frames[-1][2] if frames and frames[-1][0] == "{" else None
            frames.append([ch, owner, None])
            token = ""
        elif ch in "}]":
            if frames:
                frames.pop()
            token = ""
        elif ch == ",":
            if frames and frames[-1][0] == "{":
                frames[-1][2] = None
            token = ""
        elif ch == ":" and frames and frames[-1][0] == "{" and (i + 1 == len(text) or text[i + 1] in " \t"):
            frames[-1][2] = (token or "").strip()
            token = ""
        else:
            token += ch
        i += 1
    path = list(base) + [f[1] for f in frames[1:] if f[1]]
    if not frames:
        return Spot(tuple(base), False, partial, start)
    kind, _, key = frames[-1]
    if kind == "{":
        return Spot(tuple(path + [key]), False, partial, start) if key else Spot(tuple(path), True, partial, start)
    return Spot(tuple(path), False, partial, start)


def word_at(text: str, row: int, col: int) -> tuple[str, int, int] | None:
    """The id-like word under the cursor: (word, start column, end column)."""
    lines = text.split("\n")
    if row >= len(lines):
        return None
    for m in _WORD_AT.finditer(lines[row]):
        if m.start() <= col <= m.end():
            return m.group(0), m.start(), m.end()
    return None
