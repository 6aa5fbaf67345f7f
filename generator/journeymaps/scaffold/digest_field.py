"""Record ``source_digest`` in a translation's file, touching nothing else in it.

The file is edited as text, not re-dumped, so comments, quoting and layout survive; the
result is read back with the real loader before it is written, and written atomically.
"""

from __future__ import annotations

from pathlib import Path

from ..core.files import replace_atomically
from ..load.source import read_text_bytes
from .verify import ScaffoldError

KEY = "source_digest"


def with_source_digest(text: str, digest: str, *, markdown: bool) -> str:
    """``text`` with ``source_digest: "<digest>"``: the existing line replaced, or a new line
    put before the `translations` key."""
    loaded = read_text_bytes(text.encode("utf-8"), markdown=markdown).loaded
    if loaded.issues or not isinstance(loaded.data, dict):
        raise ScaffoldError("the file does not load; run `journeymaps check` on it first")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    entry = f'{KEY}: "{digest}"'
    if KEY in loaded.data:
        line, _ = loaded.where((KEY,), key=True)
        lines[line - 1] = entry
    elif "translations" in loaded.data:
        line, _ = loaded.where(("translations",), key=True)
        lines.insert(line - 1, entry)
    else:
        raise ScaffoldError("the file has no `translations`, so it names no original")
    out = newline.join(lines)
    check = read_text_bytes(out.encode("utf-8"), markdown=markdown).loaded
    if check.issues or not isinstance(check.data, dict) or check.data.get(KEY) != digest:
        raise ScaffoldError(f"could not place `{KEY}` in the file; add `{entry}` by hand")
    return out


def write_atomically(path: Path, text: str) -> None:
    """The edited file in place of the old one, with the old one's permissions."""
    replace_atomically(path, text.encode("utf-8"), mode=path.stat().st_mode & 0o777)
