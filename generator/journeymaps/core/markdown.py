"""Code fences in a map's Markdown (`notes`): where one opens and whether it is ever closed.

Shared by the checker (which reports a fence left open) and the page writer (which closes it,
so the text of one map can never turn the page's generated headings into code)."""

from __future__ import annotations

import re

FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")


def closes(opening: str, line: str) -> bool:
    """Whether ``line`` ends the fenced block opened by the fence ``opening`` (CommonMark: the same
    character, at least as many, nothing after it but spaces)."""
    m = FENCE.match(line)
    return (m is not None and m.group(2)[0] == opening[0] and len(m.group(2)) >= len(opening)
            and not line[m.end():].strip())


def unclosed_fence(md: str) -> tuple[int, str] | None:
    """(0-based line, fence) of a code fence that is never closed, or None."""
    fence: tuple[int, str] | None = None
    for i, line in enumerate(md.replace("\r\n", "\n").split("\n")):
        if fence is None:
            m = FENCE.match(line)
            if m:
                fence = (i, m.group(2))
        elif closes(fence[1], line):
            fence = None
    return fence
