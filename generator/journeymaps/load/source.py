"""Finding and reading source files: maps (YAML or Markdown with front matter) and guides.

Layout: ``maps/<industry>/<name>.yaml`` (or ``.yml``, or ``.map.md`` for YAML front matter
plus a Markdown narrative) holds one map each; ``maps/method/*.md`` holds the method
guides. Symlinks are refused: a pull request must not be able to point the build at a
file outside the repository (FIELD-NOTES section 3).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .yaml12 import MAX_BYTES, Loaded, LoadIssue, control_characters, decode, parse

MAP_SUFFIXES = (".yaml", ".yml", ".map.md")
GUIDE_DIR = "method"

Kind = Literal["map", "guide"]


@dataclass(frozen=True)
class Source:
    path: Path  # as given or found; used for display
    kind: Kind


@dataclass
class ReadResult:
    loaded: Loaded
    body: str | None = None  # Markdown after the front matter, if any
    text: str | None = None
    body_line: int = 1  # line of the file on which the body starts


def classify(path: Path) -> Kind | None:
    name = path.name
    if name.endswith(MAP_SUFFIXES):
        return "map"
    if name.endswith(".md") and path.parent.name == GUIDE_DIR:
        return "guide"
    return None


def discover(paths: list[Path]) -> tuple[list[Source], list[tuple[Path, LoadIssue]]]:
    """Expand files and directories into sources, sorted for stable output."""
    found: dict[Path, Source] = {}
    problems: list[tuple[Path, LoadIssue]] = []
    for given in paths:
        if given.is_symlink():
            problems.append((given, _symlink_issue()))
            continue
        if given.is_file():
            found[given] = Source(given, classify(given) or "map")
            continue
        if not given.is_dir():
            problems.append((given, LoadIssue("not-found", "no such file or directory", 1, 1,
                                              "check the path; give a map file or a folder such as `maps/`")))
            continue
        for root, dirs, files in os.walk(given, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for d in list(dirs):
                if (Path(root) / d).is_symlink():
                    problems.append((Path(root) / d, _symlink_issue()))
                    dirs.remove(d)
            for f in sorted(files):
                p = Path(root) / f
                kind = classify(p)
                if kind is None:
                    continue
                if p.is_symlink():
                    problems.append((p, _symlink_issue()))
                    continue
                found[p] = Source(p, kind)
    return [found[p] for p in sorted(found)], problems


def _symlink_issue() -> LoadIssue:
    return LoadIssue("symlink", "symbolic links are not allowed under the maps folder", 1, 1,
                     "replace the link with a regular file inside the repository")


def read(path: Path, *, max_bytes: int = MAX_BYTES) -> ReadResult:
    """Read and parse one source; every problem comes back as a located issue."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return ReadResult(Loaded(issues=[LoadIssue("unreadable", f"cannot read the file: {exc.strerror}", 1, 1)]))
    if size > max_bytes:
        # Refused before reading: a 50 MB file must not cost a parse.
        return ReadResult(Loaded(issues=[LoadIssue(
            "too-large", f"the file is {size:,} bytes; the limit is {max_bytes:,}", 1, 1,
            "a journey map is a few kilobytes; split it or remove pasted data")]))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadResult(Loaded(issues=[LoadIssue("unreadable", f"cannot read the file: {exc.strerror}", 1, 1)]))
    return read_text_bytes(raw, markdown=path.name.endswith(".md"))


def read_text_bytes(raw: bytes, *, markdown: bool) -> ReadResult:
    text, issues = decode(raw)
    if text is None:
        return ReadResult(Loaded(issues=issues))
    control = control_characters(text)
    if control:
        # Parsing would only add noise after the first bad byte; report them all, stop.
        return ReadResult(Loaded(issues=control), text=text)
    body = None
    offset = 0
    body_line = 1
    yaml_text = text
    if markdown:
        split = split_front_matter(text)
        if split is None:
            return ReadResult(Loaded(issues=[LoadIssue(
                "front-matter", "a Markdown map or guide starts with YAML front matter between `---` lines", 1, 1,
                "put `---` on the first line, the YAML fields, then `---` before the Markdown")]), text=text)
        yaml_text, body, offset = split
    body_line = text.count("\n", 0, len(text) - len(body)) + 1 if body else 1
    loaded = parse(yaml_text, line_offset=offset)
    if not loaded.issues and loaded.data is None:
        loaded.issues.append(LoadIssue("empty", "the file holds no data", 1, 1,
                                       "start from `journeymaps new --industry ID --title TEXT`"))
    elif not loaded.issues and not isinstance(loaded.data, dict):
        loaded.issues.append(LoadIssue("not-a-mapping", "the top level must be a mapping of keys to values",
                                       1 + offset, 1, "start with `id: my-map`, `title: ...` and so on"))
        loaded.data = None
    return ReadResult(loaded, body=body, text=text, body_line=body_line if markdown else 1)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml, body, line offset of the yaml) or None when there is no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1:]), 1
    return None
