"""Decide whether a pull request may be previewed: it must change maps and nothing else.

A pull request is data, never code (FIELD-NOTES section 3): its ``mkdocs.yml`` could add
hooks, its theme templates or Python code would run in CI. So a preview uses everything of
the base revision and only the pull request's maps folder, and only when every change is
inside that folder and the folder holds plain map files: no symbolic link (mkdocs would
copy its target into the site), no submodule, no other kind of file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..diff.sides import SideError, run_git, tree_entries

# What may sit under maps/: map sources and method guides. Anything else is refused
# rather than published: the docs folder of the site is maps/, so an .html or .js file
# there would land in the preview.
ALLOWED_SUFFIXES = (".yaml", ".yml", ".md", ".csv")  # .csv: KPI series beside a map (read as data, csv module)
MAX_FILES = 5000
MAX_TOTAL_BYTES = 64 * 1024 * 1024
_REGULAR = ("100644", "100755")


@dataclass(frozen=True)
class Verdict:
    refusals: tuple[str, ...]
    changed: tuple[str, ...]

    @property
    def accepted(self) -> bool:
        return not self.refusals


def changed_paths(repo: Path, base: str, head: str) -> list[str]:
    """Paths the pull request changes: from the merge base to its head, renames split in two."""
    merge_base = run_git(repo, "merge-base", base, head).decode("ascii").strip()
    out = run_git(repo, "diff", "--name-only", "--no-renames", "-z", merge_base, head, "--")
    return sorted(p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p)


def judge(repo: Path, base: str, head: str, maps_dir: str = "maps") -> Verdict:
    try:
        changed = changed_paths(repo, base, head)
        entries = tree_entries(repo, head, maps_dir)
    except SideError as exc:
        return Verdict((f"cannot compare the revisions: {exc}",), ())
    refusals: list[str] = []
    outside = [p for p in changed if PurePosixPath(p).parts[:1] != (maps_dir,)]
    if outside:
        refusals.append(f"the pull request changes files outside {maps_dir}/: " + ", ".join(_short(outside)) +
                        "; a preview builds with the base branch's configuration, theme and code, so such a "
                        "change needs a maintainer's review instead")
    bad_names = [e.path for e in entries if not _safe_path(e.path)]
    if bad_names:
        refusals.append("unsafe file names: " + ", ".join(_short(bad_names)))
    links = [e.path for e in entries if e.mode == "120000"]
    if links:
        refusals.append("symbolic links are not allowed under maps/: " + ", ".join(_short(links)))
    other = [e.path for e in entries if e.mode not in _REGULAR and e.mode != "120000"]
    if other:
        refusals.append("only regular files are allowed under maps/ (no submodules): " + ", ".join(_short(other)))
    kinds = [e.path for e in entries if e.mode in _REGULAR and not e.path.endswith(ALLOWED_SUFFIXES)]
    if kinds:
        refusals.append(f"only {', '.join(ALLOWED_SUFFIXES)} files are allowed under maps/: " + ", ".join(_short(kinds)))
    if len(entries) > MAX_FILES or sum(e.size or 0 for e in entries) > MAX_TOTAL_BYTES:
        refusals.append(f"maps/ is too large for a preview (more than {MAX_FILES} files or "
                        f"{MAX_TOTAL_BYTES // (1024 * 1024)} MiB)")
    return Verdict(tuple(refusals), tuple(changed))


def _safe_path(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return (not path.startswith("/") and "\\" not in path
            and all(p not in ("", ".", "..", ".git") and not p.lower().startswith(".git") for p in parts))


def _short(paths: list[str], limit: int = 10) -> list[str]:
    shown = [repr(p)[1:-1] for p in paths[:limit]]  # repr: a newline in a name cannot forge a line
    return shown + ([f"and {len(paths) - limit} more"] if len(paths) > limit else [])
