"""Read a preview artifact as untrusted data: check every path before anything is published.

A pull request from a fork builds its preview with no secrets, and a fork can change that
workflow, so what it uploads is whatever the fork wants. The job that publishes it (with a
write token) therefore runs no code from it and takes nothing on trust: every entry must be
a regular file or folder (no symbolic link, device, pipe or socket), every name a plain
web-safe name (no absolute path, no ``..``, no dot file, no control or look-alike
characters), only the kinds of file a static site is made of, and the whole bounded in
size and count. Every problem is reported at once, so one run shows all that is wrong.

Standard library only: the publishing job runs this file from the base branch without
installing the package.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Bounds of one preview: the whole Pages site may hold 1 GB, shared by production and every open preview.
MAX_FILES = 10_000
MAX_BYTES = 200 * 1024 * 1024
MAX_DEPTH = 16
# One path component: ASCII letters, digits and a few marks, not starting with a dot or a dash
# (no .git, .nojekyll, CNAME-like dot files, no option-looking names), at most 128 characters.
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._~+-]{0,127}")
# What a built site is made of; anything else (an executable, an archive) has no business on Pages.
SITE_SUFFIXES = frozenset({
    ".html", ".css", ".js", ".map", ".json", ".xml", ".gz", ".txt", ".svg", ".png", ".jpg", ".jpeg", ".gif",
    ".webp", ".ico", ".woff", ".woff2", ".ttf", ".mmd", ".pdf", ".csv",
})
COMMENT_LIMIT = 60_000  # characters; GitHub refuses comments over 65,536
_PR_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


class Refused(Exception):
    """The artifact breaks a rule; ``problems`` says every way it does."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("the preview artifact was refused:\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class Inventory:
    """The checked files of a site folder, as POSIX paths relative to it, and their total size."""

    files: tuple[str, ...]
    total_bytes: int


def shown(name: str) -> str:
    """A name as it may be printed: repr hides control characters, so it cannot forge a line."""
    return repr(name)[1:-1]


def check_name(part: str) -> str | None:
    """Why a path component is refused, or None when it is a plain web-safe name."""
    if part in (".", ".."):
        return "a '.' or '..' component"
    if not _NAME.fullmatch(part):
        return "a name other than ASCII letters, digits and ._~+- (not starting with . or -)"
    if part.endswith("."):
        return "a name ending with '.'"
    return None


def inspect(site: Path, *, max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES) -> Inventory:
    """Check the folder ``site`` without following any link; raise ``Refused`` with every problem."""
    problems: list[str] = []
    st = os.lstat(site) if os.path.lexists(site) else None
    if st is None or not stat.S_ISDIR(st.st_mode):
        raise Refused([f"{site} is not a folder" + (" (a symbolic link)" if st and stat.S_ISLNK(st.st_mode) else "")])
    files: list[str] = []
    total = 0
    stack: list[tuple[Path, PurePosixPath]] = [(site, PurePosixPath())]
    while stack:
        folder, rel = stack.pop()
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            path = rel / entry.name
            name = shown(str(path))
            why = check_name(entry.name)
            if why:
                problems.append(f"{name}: hostile file name ({why})")
                continue
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISLNK(mode):
                problems.append(f"{name}: a symbolic link (only regular files are published)")
            elif stat.S_ISDIR(mode):
                if len(path.parts) >= MAX_DEPTH:
                    problems.append(f"{name}: folders nested deeper than {MAX_DEPTH}")
                else:
                    stack.append((Path(entry.path), path))
            elif not stat.S_ISREG(mode):
                problems.append(f"{name}: a special file (device, pipe or socket), not a regular file")
            elif PurePosixPath(entry.name).suffix.lower() not in SITE_SUFFIXES:
                problems.append(f"{name}: not a kind of file a site is made of "
                                f"({', '.join(sorted(SITE_SUFFIXES))})")
            else:
                files.append(str(path))
                total += entry.stat(follow_symlinks=False).st_size
        if len(files) > max_files or total > max_bytes:
            problems.append(f"too large: more than {max_files} files or {max_bytes // (1024 * 1024)} MiB "
                            "(the check stopped there)")
            break
    if problems:
        raise Refused(problems)
    if "index.html" not in files:
        raise Refused(["no index.html at the top of the site: this is not a built site"])
    return Inventory(tuple(sorted(files)), total)


def unpack(archive: Path, dest: Path, *, max_files: int = MAX_FILES + 16, max_bytes: int = MAX_BYTES + COMMENT_LIMIT * 4) -> None:
    """Extract the artifact's zip (as GitHub serves it) into the new folder ``dest``, checking every
    entry first: a name that is absolute or climbs out, a link, a special file, or too much
    data refuses the whole archive and nothing is written."""
    problems: list[str] = []
    try:
        zf = zipfile.ZipFile(archive)
    except (OSError, zipfile.BadZipFile) as exc:
        raise Refused([f"{archive.name}: not a zip archive ({exc})"]) from None
    with zf:
        members = zf.infolist()
        if len(members) > max_files:
            raise Refused([f"too large: {len(members)} entries, more than {max_files}"])
        total = 0
        files: list[zipfile.ZipInfo] = []
        for info in members:
            name = info.filename
            kind = (info.external_attr >> 16) & 0o170000 if info.create_system == 3 else 0
            if name.startswith("/") or "\\" in name or (len(name) > 1 and name[1] == ":"):
                problems.append(f"{shown(name)}: an absolute path")
                continue
            parts = name.rstrip("/").split("/")
            why = next((w for w in map(check_name, parts) if w), None)
            if why:
                problems.append(f"{shown(name)}: hostile file name ({why})")
            elif kind == stat.S_IFLNK:
                problems.append(f"{shown(name)}: a symbolic link (only regular files are published)")
            elif kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                problems.append(f"{shown(name)}: a special file, not a regular file")
            elif len(parts) > MAX_DEPTH:
                problems.append(f"{shown(name)}: folders nested deeper than {MAX_DEPTH}")
            elif not info.is_dir():
                files.append(info)
                total += info.file_size
        if total > max_bytes:
            problems.append(f"too large: {total} bytes unpacked, more than {max_bytes // (1024 * 1024)} MiB")
        if problems:
            raise Refused(problems)
        dest.mkdir()
        try:
            _extract(zf, files, dest, max_bytes)
        except (Refused, OSError, zipfile.BadZipFile) as exc:
            shutil.rmtree(dest)
            if isinstance(exc, Refused):
                raise
            raise Refused([f"cannot unpack {archive.name}: {exc}"]) from None  # e.g. the same name twice


def _extract(zf: zipfile.ZipFile, files: list[zipfile.ZipInfo], dest: Path, max_bytes: int) -> None:
    written = 0
    for info in files:
        target = dest.joinpath(*info.filename.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as src, open(target, "xb") as out:
            # The sizes in a zip's directory are claims: count what really comes out.
            while chunk := src.read(1 << 16):
                written += len(chunk)
                if written > max_bytes:
                    raise Refused([f"too large: more than {max_bytes // (1024 * 1024)} MiB unpacked"])
                out.write(chunk)


def pr_number(text: str) -> int:
    """The pull-request number an artifact names: digits only, nothing around them."""
    value = text.strip()
    if not _PR_NUMBER.fullmatch(value):
        raise Refused([f"not a pull-request number: {shown(value[:40])}"])
    return int(value)


def read_regular(path: Path, limit: int) -> bytes:
    """A small file of the artifact, refused unless it is a regular file (never through a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:  # ELOOP: a symbolic link; ENOENT: missing
        raise Refused([f"{shown(path.name)}: cannot be read as a plain file ({exc.strerror})"]) from None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise Refused([f"{shown(path.name)}: not a regular file"])
        return f.read(limit + 1)


def comment_text(raw: bytes, limit: int = COMMENT_LIMIT) -> str:
    """The comment body as plain text: decoded, control characters dropped, cut at ``limit``."""
    text = raw.decode("utf-8", "replace")
    text = "".join(c for c in text if c in "\n\t" or not (ord(c) < 32 or 127 <= ord(c) < 160))
    if len(text) > limit:
        text = text[:limit].rsplit("\n", 1)[0] + "\n\n… (cut: the comment was too long)\n"
    return text
