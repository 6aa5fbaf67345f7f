"""Semantic diff of journey maps between two git revisions or folders.

    side spec --(sides)--> SideMaps --(report + compare)--> Report --(text | markdown)--> str
                                                        \\--(overlay)--> SVG per changed map
"""

from __future__ import annotations

from pathlib import Path

from ..model.vocabulary import Vocabulary
from .changes import Report
from .report import build_report
from .sides import SideError, SideMaps, git_toplevel, read_folder, read_git, resolve_revision

__all__ = ["SideError", "diff", "open_side"]


def open_side(spec: str, *, maps_dir: str, cwd: Path, label: str) -> SideMaps:
    """``spec`` is a folder if one exists at that path, else a git revision of the repository at ``cwd``."""
    folder = cwd / spec
    if folder.is_dir():
        return read_folder(folder, maps_dir, label)
    repo = git_toplevel(cwd)
    if repo is None:
        raise SideError(f"`{spec}` is not a folder, and {cwd} is not inside a git repository")
    commit = resolve_revision(repo, spec)
    if commit is None:
        raise SideError(f"`{spec}` is neither a folder nor a git revision")
    return read_git(repo, commit, maps_dir, label)


def diff(base: str, head: str, *, vocab: Vocabulary | None, maps_dir: str = "maps",
         cwd: Path | None = None) -> Report:
    cwd = cwd or Path.cwd()
    return build_report(open_side(base, maps_dir=maps_dir, cwd=cwd, label=base),
                        open_side(head, maps_dir=maps_dir, cwd=cwd, label=head), vocab)
