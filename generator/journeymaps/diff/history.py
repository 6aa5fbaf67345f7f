"""A journey's history: every commit that changed one map file, with what changed in it.

One ``git log --follow`` lists the commits (renames included, newest first) and one
``git cat-file --batch`` reads every version of the file; each version goes through the
same loader and comparison as ``journeymaps diff``, so a commit's changes read exactly like
a pull request's. Nothing is checked out and no hook or filter runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load.source import read_text_bytes
from ..model.journey import JourneyMap
from ..model.vocabulary import Vocabulary
from .changes import MapDiff
from .report import build_report
from .sides import LoadedMap, SideError, SideMaps, git_toplevel, load_map, read_blobs, run_git

_RECORD, _FIELD = "\x1e", "\x1f"
_FORMAT = _FIELD.join(("%H", "%h", "%aI", "%an", "%s"))


class HistoryError(SideError):
    """The history cannot be read at all: not a git repository, or the file is not tracked."""


@dataclass(frozen=True)
class Commit:
    sha: str
    short: str
    date: str  # author date, strict ISO 8601
    author: str  # data: written by whoever made the commit
    subject: str  # data, likewise
    path: str  # the map's path at this commit (it moves with renames)
    status: str  # git's letter: A added, M modified, R renamed, C copied, D deleted


@dataclass(frozen=True)
class Entry:
    """One commit that touched the map and what it changed.

    ``diff`` is None when the commit changed only comments or formatting, or when its parent is
    not in the history the repository has (a shallow clone's oldest commit)."""

    commit: Commit
    version: LoadedMap | None  # the map as of this commit; None when the commit deleted it
    diff: MapDiff | None
    parent_known: bool = True

    @property
    def map(self) -> JourneyMap | None:
        return self.version.map if self.version is not None else None


@dataclass(frozen=True)
class History:
    path: str  # the map's path relative to the repository, as asked for
    entries: tuple[Entry, ...]  # newest first
    shallow: bool  # the repository is a shallow clone: older commits are missing
    commits: int  # commits reachable from HEAD in this repository


@dataclass
class Repositories:
    """What git says about a repository rather than about one map (where its top is, whether it
    is shallow, how many commits it has), asked once per folder or repository: a site's history
    pages read many maps of one repository, and asking again for each cost three git runs a map.
    Lives as long as one build (the site's context), so a new commit is seen by the next build."""

    _tops: dict[Path, Path | None] = field(default_factory=dict)
    _facts: dict[Path, tuple[bool, int]] = field(default_factory=dict)

    def toplevel(self, where: Path) -> Path | None:
        if where not in self._tops:
            self._tops[where] = git_toplevel(where) if where.is_dir() else None
        return self._tops[where]

    def facts(self, repo: Path) -> tuple[bool, int]:
        """(shallow clone, commits reachable from HEAD)."""
        if repo not in self._facts:
            shallow = run_git(repo, "rev-parse", "--is-shallow-repository").strip() == b"true"
            count = int(run_git(repo, "rev-list", "--count", "HEAD").strip() or 0)
            self._facts[repo] = (shallow, count)
        return self._facts[repo]


def repository_of(path: Path, repos: Repositories | None = None) -> tuple[Path, str]:
    """The repository holding ``path`` and the path inside it, or a HistoryError saying what to do."""
    where = path.parent if not path.is_dir() else path
    repo = (repos or Repositories()).toplevel(where)
    if repo is None:
        raise HistoryError(f"{path.as_posix()}: not inside a git repository; history reads the commits that "
                           "changed the map, so run it in a clone of the repository (git clone URL)")
    try:
        rel = path.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise HistoryError(f"{path.as_posix()}: outside the repository at {repo.as_posix()}") from None
    return repo, rel


def commits_touching(repo: Path, rel: str) -> list[Commit]:
    out = run_git(repo, "log", "--follow", "-z", "--name-status", f"--format={_RECORD}{_FORMAT}", "--", rel)
    commits = []
    for record in out.decode("utf-8", "surrogateescape").split(_RECORD):
        if not record:
            continue
        header, _, changes = record.partition("\0")
        sha, short, date, author, subject = header.split(_FIELD, 4)
        fields = [f for f in changes.lstrip("\n").split("\0") if f]
        status = fields[0][:1] if fields else "M"
        path = fields[-1] if len(fields) > 1 else rel
        commits.append(Commit(sha, short, date, author, subject, path, status))
    return commits


def read_history(path: Path, vocab: Vocabulary | None, repos: Repositories | None = None) -> History:
    """``repos``: what is known of the repositories already (one build reading many maps)."""
    repos = repos or Repositories()
    repo, rel = repository_of(path, repos)
    commits = commits_touching(repo, rel)
    if not commits:
        raise HistoryError(f"{rel}: no commit in this repository changed it; commit the map first (git add, "
                           "git commit) or check the path")
    shallow, count = repos.facts(repo)
    names = [f"{c.sha}:{c.path}" for c in commits if c.status != "D"]
    oldest = commits[-1]
    # The oldest listed commit's parent: its version of the file, when it had one, and whether the
    # parent commit is here at all (a shallow clone cuts history there and shows everything as added).
    parent_commit, parent_name = f"{oldest.sha}^", f"{oldest.sha}^:{oldest.path}"
    blobs = read_blobs(repo, names + [parent_commit, parent_name])
    versions = [_version(blobs.get(f"{c.sha}:{c.path}"), c.path) for c in commits]
    parent = _version(blobs.get(parent_name), oldest.path)
    entries = []
    for i, c in enumerate(commits):
        last = i + 1 == len(versions)
        before = parent if last else versions[i + 1]
        known = not last or parent_commit in blobs or not shallow
        entries.append(Entry(c, versions[i], _diff(before, versions[i], c, vocab) if known else None, known))
    return History(rel, tuple(entries), shallow, count)


def _version(blob: bytes | None, path: str) -> LoadedMap | None:
    if blob is None:
        return None
    return load_map(read_text_bytes(blob, markdown=path.endswith(".md")), path)


def _diff(before: LoadedMap | None, after: LoadedMap | None, c: Commit, vocab: Vocabulary | None) -> MapDiff | None:
    report = build_report(SideMaps(f"{c.short}^", [before] if before else []),
                          SideMaps(c.short, [after] if after else []), vocab)
    return report.maps[0] if report.maps else None
