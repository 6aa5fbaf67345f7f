"""The two sides of a diff: a git revision or a folder, read as data.

A git side is read straight from the object store (``git ls-tree`` and ``git cat-file``):
nothing is checked out, no hook or filter runs, and a symbolic link in the tree is reported
instead of followed. Either way every file goes through the same loader as
``journeymaps check`` (``read_text_bytes`` then ``validate_map``), so a map that is valid
here is valid there.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..check.validate import validate_map
from ..load.source import ReadResult, classify, discover, read, read_text_bytes
from ..load.yaml12 import MAX_BYTES
from ..model.journey import SLUG_PATTERN, JourneyMap
from .changes import Phrase, Val

_SLUG = re.compile(SLUG_PATTERN)
_SYMLINK_MODE = "120000"


class SideError(Exception):
    """A side cannot be read at all (unknown revision, not a git repository)."""


@dataclass(frozen=True)
class LoadedMap:
    path: str  # display path, e.g. maps/banking/online-banking.yaml
    map: JourneyMap | None
    errors: int
    raw_id: str | None  # the id as written, when it can be read from an invalid file
    digest: str | None = None  # of the text: equal texts need no comparison


@dataclass
class SideMaps:
    label: str
    maps: list[LoadedMap] = field(default_factory=list)
    problems: list[Phrase] = field(default_factory=list)


def load_map(result: ReadResult, path: str) -> LoadedMap:
    """Validate one read file the way the checker does (a `.map.md` body becomes `notes`)."""
    loaded = result.loaded
    data = loaded.data
    digest = hashlib.sha256(result.text.encode("utf-8")).hexdigest() if result.text is not None else None
    raw_id = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None
    raw_id = raw_id if raw_id and _SLUG.match(raw_id) else None
    if loaded.issues or not isinstance(data, dict):
        return LoadedMap(path, None, max(1, len(loaded.issues)), raw_id, digest)
    if result.body is not None and result.body.strip():
        if "notes" in data:
            return LoadedMap(path, None, 1, raw_id, digest)
        data["notes"] = result.body.strip("\n")
    model, findings = validate_map(loaded, path)
    return LoadedMap(path, model, len(findings), raw_id, digest)


# --- folders --------------------------------------------------------------------------

def read_folder(folder: Path, maps_dir: str, label: str) -> SideMaps:
    """``folder`` is a checkout (holding ``maps_dir``) or the maps folder itself."""
    maps_root = folder / maps_dir if (folder / maps_dir).is_dir() else folder
    side = SideMaps(label)
    sources, problems = discover([maps_root])
    for p, issue in problems:
        if issue.severity == "warning":
            continue  # a hidden folder: skipped, as read_git skips it
        side.problems.append((f"{label}: ", Val(_display(p, maps_root, maps_dir)), f" {_problem_words(issue.code)}"))
    for source in sources:
        if source.kind != "map":
            continue
        side.maps.append(load_map(read(source.path), _display(source.path, maps_root, maps_dir)))
    return side


def _display(path: Path, maps_root: Path, maps_dir: str) -> str:
    try:
        rel = path.relative_to(maps_root).as_posix()
    except ValueError:
        return path.as_posix()
    return str(PurePosixPath(maps_dir) / rel)


def _problem_words(code: str) -> str:
    return {"symlink": "is a symbolic link; not read",
            "not-found": "does not exist"}.get(code, f"cannot be read ({code})")


# --- git ------------------------------------------------------------------------------

def run_git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    proc = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True, check=False)
    if proc.returncode != 0:
        raise SideError(proc.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return proc.stdout


def git_toplevel(start: Path) -> Path | None:
    try:
        out = run_git(start, "rev-parse", "--show-toplevel")
    except (SideError, OSError):
        return None
    return Path(out.decode("utf-8").strip())


def resolve_revision(repo: Path, rev: str) -> str | None:
    """The commit id of ``rev``, or None. A leading ``-`` would be read as an option: refused."""
    if not rev or rev.startswith("-"):
        return None
    try:
        out = run_git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except SideError:
        return None
    return out.decode("ascii").strip() or None


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    kind: str
    object_id: str
    size: int | None
    path: str


def tree_entries(repo: Path, commit: str, maps_dir: str) -> list[TreeEntry]:
    out = run_git(repo, "ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", maps_dir)
    entries = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, kind, object_id, size = meta.decode("ascii").split()
        entries.append(TreeEntry(mode, kind, object_id, None if size == "-" else int(size),
                                 path.decode("utf-8", "surrogateescape")))
    return sorted(entries, key=lambda e: e.path)


def read_blobs(repo: Path, object_ids: list[str]) -> dict[str, bytes]:
    """Many blobs in one ``git cat-file --batch`` call, keyed by the name asked for: an object
    id or ``<commit>:<path>``. A name git does not have (a path absent from that commit, a
    commit cut off by a shallow clone) is left out."""
    if not object_ids:
        return {}
    out = run_git(repo, "cat-file", "--batch",
                  stdin=("\n".join(object_ids) + "\n").encode("utf-8", "surrogateescape"))
    blobs: dict[str, bytes] = {}
    pos = 0
    for name in object_ids:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].decode("utf-8", "surrogateescape")
        pos = header_end + 1
        if header.endswith((" missing", " ambiguous")):
            continue
        size = int(header.rsplit(" ", 1)[1])
        blobs[name] = out[pos:pos + size]
        pos += size + 1
    return blobs


def read_git(repo: Path, commit: str, maps_dir: str, label: str) -> SideMaps:
    side = SideMaps(label)
    wanted: list[TreeEntry] = []
    for entry in tree_entries(repo, commit, maps_dir):
        parts = PurePosixPath(entry.path).parts
        if any(p.startswith(".") for p in parts[:-1]) or classify(PurePosixPath(entry.path)) != "map":
            continue  # same files as discover(): hidden folders and non-map files are not maps
        if entry.mode == _SYMLINK_MODE:
            side.problems.append((f"{label}: ", Val(entry.path), " is a symbolic link; not read"))
        elif entry.kind != "blob":
            side.problems.append((f"{label}: ", Val(entry.path), " is not a regular file; not read"))
        elif entry.size is not None and entry.size > MAX_BYTES:
            side.maps.append(LoadedMap(entry.path, None, 1, None))
        else:
            wanted.append(entry)
    blobs = read_blobs(repo, sorted({e.object_id for e in wanted}))
    for entry in wanted:
        result = read_text_bytes(blobs[entry.object_id], markdown=entry.path.endswith(".md"))
        side.maps.append(load_map(result, entry.path))
    return side
