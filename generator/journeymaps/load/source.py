"""Finding and reading source files: maps (YAML or Markdown with front matter) and guides.

Layout: ``maps/<industry>/<name>.yaml`` (or ``.yml``, or ``.map.md`` for YAML front matter
plus a Markdown narrative) holds one map each; ``maps/method/*.md`` holds the method
guides. Symlinks of any name are refused: a pull request must not be able to point the
build at a file outside the repository (FIELD-NOTES section 3). Anything that is not a
regular file or folder is reported and never opened, and hidden folders are skipped out loud.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..core.phrase import phrase
from .yaml12 import MAX_BYTES, Loaded, LoadIssue, control_characters, decode, parse

MAP_SUFFIXES = (".yaml", ".yml", ".map.md")
GUIDE_DIR = "method"

Kind = Literal["map", "guide"]


@dataclass(frozen=True)
class Source:
    path: Path  # as given or found; used for display
    kind: Kind
    # The text an editor holds for this file, checked instead of what is on disk (`journeymaps lsp`).
    text: str | None = None


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


@dataclass(frozen=True)
class DiscoveryIssue(LoadIssue):
    """A file or folder under the given paths that is not read, and why."""

    severity: Literal["error", "warning"] = "error"


def discover(paths: list[Path]) -> tuple[list[Source], list[tuple[Path, DiscoveryIssue]]]:
    """Expand files and directories into sources, sorted for stable output.

    Nothing here opens a file: entries are judged by ``lstat`` (``DirEntry`` types), so a
    fifo or device is reported without blocking, and a symlink is never followed, whatever
    its name (the site must not publish what a link points at)."""
    found: dict[Path, Source] = {}
    problems: list[tuple[Path, DiscoveryIssue]] = []
    for given in paths:
        try:
            mode = given.lstat().st_mode
        except OSError:
            problems.append((given, DiscoveryIssue.of("not-found", phrase("load.not_found"), 1, 1,
                                                      phrase("load.not_found.hint"))))
            continue
        if stat.S_ISLNK(mode):
            problems.append((given, _symlink_issue()))
        elif stat.S_ISREG(mode):
            found[given] = Source(given, classify(given) or "map")
        elif stat.S_ISDIR(mode):
            _walk(given, found, problems)
        else:
            problems.append((given, _special_issue()))
    # By parts, as Path orders them, but compared as tuples of text: a Path comparison is Python code.
    return [found[p] for p in sorted(found, key=lambda p: p.parts)], problems


def _walk(top: Path, found: dict[Path, Source], problems: list[tuple[Path, DiscoveryIssue]]) -> None:
    # An explicit stack, not recursion: a folder tree thousands deep must not raise RecursionError.
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append((folder, DiscoveryIssue.of(
                "unreadable", phrase("load.unreadable_folder", reason=exc.strerror), 1, 1,
                phrase("load.unreadable_folder.hint"))))
            continue
        subfolders = []
        for e in entries:
            p = Path(e.path)
            if not _is_utf8(e.name):
                problems.append((p, DiscoveryIssue.of("file-name", phrase("load.file_name"), 1, 1,
                                                      phrase("load.file_name.hint"))))
            elif e.is_symlink():
                problems.append((p, _symlink_issue()))
            elif e.is_dir(follow_symlinks=False):
                if e.name.startswith("."):
                    problems.append((p, DiscoveryIssue.of("hidden-folder", phrase("load.hidden_folder"), 1, 1,
                                                          phrase("load.hidden_folder.hint"), severity="warning")))
                else:
                    subfolders.append(p)
            elif e.is_file(follow_symlinks=False):
                kind = classify(p)
                if kind is not None:
                    found[p] = Source(p, kind)
            else:
                problems.append((p, _special_issue()))
        stack.extend(reversed(subfolders))


def _is_utf8(name: str) -> bool:
    # os.scandir hands undecodable bytes back as lone surrogates (PEP 383).
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _symlink_issue() -> DiscoveryIssue:
    return DiscoveryIssue.of("symlink", phrase("load.symlink"), 1, 1, phrase("load.symlink.hint"))


def _special_issue() -> DiscoveryIssue:
    return DiscoveryIssue.of("not-a-file", phrase("load.not_a_file"), 1, 1, phrase("load.not_a_file.hint"))


def read(path: Path, *, max_bytes: int = MAX_BYTES) -> ReadResult:
    """Read and parse one source; every problem comes back as a located issue."""
    try:
        raw = _read_regular(path, max_bytes)
    except _Refused as exc:
        return ReadResult(Loaded(issues=[exc.issue]))
    return read_text_bytes(raw, markdown=path.name.endswith(".md"))


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[bytes | None, LoadIssue | None]:
    """The bytes of a regular file beside a map (a data file it names), refused as a map would be:
    no symlink, no fifo, nothing over the size limit."""
    try:
        return _read_regular(path, max_bytes), None
    except _Refused as exc:
        return None, exc.issue


def read_source(source: Source) -> ReadResult:
    """``read`` the file, or the editor's text for it when the source carries one."""
    if source.text is None:
        return read(source.path)
    return read_text_bytes(source.text.encode("utf-8", "surrogateescape"), markdown=source.path.name.endswith(".md"))


class _Refused(Exception):
    def __init__(self, issue: LoadIssue):
        super().__init__(issue.message)
        self.issue = issue


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, opened without following a link and without blocking on
    a fifo; the type is judged on the open descriptor, so a swap after discovery is caught."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _Refused(_symlink_issue()) from None
        raise _Refused(_unreadable(exc)) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(_special_issue())
        if info.st_size > max_bytes:
            # Refused before reading: a 50 MB file must not cost a parse.
            raise _Refused(LoadIssue.of("too-large", phrase("load.too_large", size=f"{info.st_size:,}",
                                                            limit=f"{max_bytes:,}"), 1, 1, phrase("load.too_large.hint")))
        try:
            # One byte over the limit is enough to know: a file that grew since fstat is still bounded.
            raw = fh.read(max_bytes + 1)
        except OSError as exc:
            raise _Refused(_unreadable(exc)) from None
    if len(raw) > max_bytes:
        raise _Refused(LoadIssue.of("too-large", phrase("load.over_limit", limit=f"{max_bytes:,}"), 1, 1,
                                    phrase("load.too_large.hint")))
    return raw


def _unreadable(exc: OSError) -> LoadIssue:
    hint = phrase("load.unreadable.permission" if exc.errno in (errno.EACCES, errno.EPERM) else "load.unreadable.hint")
    return LoadIssue.of("unreadable", phrase("load.unreadable", reason=exc.strerror), 1, 1, hint)


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
            return ReadResult(Loaded(issues=[LoadIssue.of("front-matter", phrase("load.front_matter"), 1, 1,
                                                          phrase("load.front_matter.hint"))]), text=text)
        yaml_text, body, offset = split
    body_line = text.count("\n", 0, len(text) - len(body)) + 1 if body else 1
    loaded = parse(yaml_text, line_offset=offset)
    if not loaded.issues and loaded.data is None:
        loaded.issues.append(LoadIssue.of("empty", phrase("load.empty"), 1, 1, phrase("load.empty.hint")))
    elif not loaded.issues and not isinstance(loaded.data, dict):
        loaded.issues.append(LoadIssue.of("not-a-mapping", phrase("load.not_a_mapping"), 1 + offset, 1,
                                          phrase("load.not_a_mapping.hint")))
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
