"""Publish sites on the ``gh-pages`` branch: production at the root, each preview in its own folder.

    production   the site built from main    -> the root, keeping pr-preview/ (and CNAME)
    preview N    a pull request's artifact   -> pr-preview/pr-N/ only, after ``artifact.inspect``
    remove N     the pull request closed     -> pr-preview/pr-N/ deleted

``actions/deploy-pages`` publishes one whole site, so previews in sub-folders need Pages to
serve a branch. Each operation works on a fresh shallow clone of the branch, commits and
pushes; a push that lost a race with another deployment is retried on a new clone, so
deployments never overwrite each other. Nothing from an artifact is run or trusted: files
are copied byte for byte, never through a link, after every path was checked.

Standard library only, so the publishing job runs it from the base branch's checkout
(``PYTHONPATH=generator python3 -P -m journeymaps.preview.deploy``) without installing anything.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .artifact import COMMENT_LIMIT, Inventory, Refused, comment_text, inspect, pr_number, read_regular, unpack

BRANCH = "gh-pages"
PREVIEWS = "pr-preview"
# Kept by a production deploy besides the previews: the custom domain and the switch that
# stops Pages from running Jekyll (which would drop files starting with "_").
KEEP_AT_ROOT = frozenset({".git", PREVIEWS, "CNAME", ".nojekyll"})
PRODUCTION_MAX_FILES = 200_000
PRODUCTION_MAX_BYTES = 900 * 1024 * 1024
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


def preview_path(pr: int) -> str:
    return f"{PREVIEWS}/pr-{pr}"


def place(pages: Path, site: Path, pr: int) -> Inventory:
    """Put the checked site under ``pr-preview/pr-<pr>/`` of the work tree ``pages``, replacing
    that folder only."""
    inventory = inspect(site)
    parent = _plain_folder(pages / PREVIEWS)
    target = parent / f"pr-{pr}"
    staging = parent / f".pr-{pr}.incoming"
    _remove_tree(staging)
    _copy(site, inventory, staging)
    _remove_tree(target)
    staging.rename(target)
    _no_jekyll(pages)
    return inventory


def remove(pages: Path, pr: int) -> bool:
    """Delete the preview of ``pr``; True when there was one."""
    parent = pages / PREVIEWS
    target = parent / f"pr-{pr}"
    existed = os.path.lexists(target)
    _remove_tree(target)
    if parent.is_dir() and not parent.is_symlink() and not any(parent.iterdir()):
        parent.rmdir()
    return existed


def production(pages: Path, site: Path) -> Inventory:
    """Replace everything at the root of ``pages`` by ``site``, keeping the previews."""
    inventory = inspect(site, max_files=PRODUCTION_MAX_FILES, max_bytes=PRODUCTION_MAX_BYTES)
    clash = sorted({f.split("/", 1)[0] for f in inventory.files} & KEEP_AT_ROOT)
    if clash:
        raise Refused([f"the site has {', '.join(clash)} at its top, where the branch keeps its own"])
    for entry in sorted(pages.iterdir()):
        if entry.name not in KEEP_AT_ROOT:
            _remove_tree(entry)
    _copy(site, inventory, pages)
    _no_jekyll(pages)
    return inventory


def _copy(site: Path, inventory: Inventory, dest: Path) -> None:
    for rel in inventory.files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / rel, target, follow_symlinks=False)  # inspect refused links; never follow one
        target.chmod(0o644)


def _plain_folder(path: Path) -> Path:
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise Refused([f"{path.name} on the branch is not a plain folder"])
    path.mkdir(exist_ok=True)
    return path


def _remove_tree(path: Path) -> None:
    if not os.path.lexists(path):
        return
    if stat.S_ISDIR(os.lstat(path).st_mode):
        shutil.rmtree(path)
    else:
        path.unlink()


def _no_jekyll(pages: Path) -> None:
    marker = pages / ".nojekyll"
    if not os.path.lexists(marker):
        marker.write_bytes(b"")


# --- the branch --------------------------------------------------------------------------

def _git(*args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check)


def publish(remote: str, change: Callable[[Path], object], message: str, *, branch: str = BRANCH,
            attempts: int = 5, pause: float = 3.0) -> bool:
    """Apply ``change`` to a fresh clone of ``branch`` and push it; False when nothing changed.

    A rejected push (another deployment landed first) starts over from a new clone."""
    for attempt in range(1, attempts + 1):
        with tempfile.TemporaryDirectory(prefix="gh-pages-") as tmp:
            work = Path(tmp) / "pages"
            exists = _git("ls-remote", "--exit-code", "--heads", remote, branch, check=False)
            if exists.returncode == 0:
                _git("clone", "--quiet", "--depth", "1", "--single-branch", "--branch", branch, remote, str(work))
            elif exists.returncode == 2:  # no such branch yet: the first deployment creates it
                _git("init", "--quiet", "--initial-branch", branch, str(work))
                _git("remote", "add", "origin", remote, cwd=work)
            else:
                raise RuntimeError(f"cannot reach {remote}: {exists.stderr.strip()}")
            change(work)
            _git("add", "--all", cwd=work)
            if _git("diff", "--cached", "--quiet", cwd=work, check=False).returncode == 0:
                return False
            _git("-c", f"user.name={BOT[0]}", "-c", f"user.email={BOT[1]}", "commit", "--quiet", "--no-verify",
                 "-m", message, cwd=work)
            pushed = _git("push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", cwd=work, check=False)
            if pushed.returncode == 0:
                return True
            print(f"deploy: push rejected (attempt {attempt} of {attempts}): {pushed.stderr.strip()}",
                  file=sys.stderr)
        time.sleep(pause * attempt)
    raise RuntimeError(f"could not push to {branch} after {attempts} attempts")


# --- command line (what the workflows run) ---------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m journeymaps.preview.deploy", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    for name, helptext in (("production", "publish the site at the root of the branch"),
                           ("preview", "publish a pull request's site under pr-preview/pr-N/"),
                           ("remove", "delete the preview of a closed pull request")):
        s = sub.add_parser(name, help=helptext)
        s.add_argument("--remote", required=True, help="git URL of the repository")
        s.add_argument("--branch", default=BRANCH)
        if name != "remove":
            s.add_argument("--site", type=Path, required=True, help="the built site (an unpacked artifact)")
        if name != "production":
            s.add_argument("--pr", type=_pr_argument, required=True, help="pull-request number")
    s = sub.add_parser("unpack", help="check the artifact's zip and extract it into a new folder")
    s.add_argument("archive", type=Path)
    s.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("number", help="print the pull-request number an artifact names (checked)")
    s.add_argument("file", type=Path)
    s = sub.add_parser("comment", help="the artifact's comment as plain text, length-capped")
    s.add_argument("file", type=Path)
    s.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    try:
        return _run(args)
    except Refused as exc:
        print(f"deploy: {exc}\n  nothing was published; fix the preview build and push again", file=sys.stderr)
        return 1
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        print(f"deploy: {exc}\n{detail}".rstrip(), file=sys.stderr)
        return 2


def _pr_argument(text: str) -> int:
    try:
        return pr_number(text)
    except Refused as exc:
        raise argparse.ArgumentTypeError(exc.problems[0]) from None


def _run(args: argparse.Namespace) -> int:
    if args.command == "unpack":
        unpack(args.archive, args.out)
        return 0
    if args.command == "number":
        print(pr_number(read_regular(args.file, 32).decode("ascii", "replace")))
        return 0
    if args.command == "comment":
        args.out.write_text(comment_text(read_regular(args.file, COMMENT_LIMIT * 4)), encoding="utf-8")
        return 0
    if args.command == "preview":
        inspect(args.site)  # refuse before cloning anything
        changed = publish(args.remote, lambda w: place(w, args.site, args.pr), f"Preview of #{args.pr}",
                          branch=args.branch)
        where = preview_path(args.pr) + "/"
    elif args.command == "remove":
        changed = publish(args.remote, lambda w: remove(w, args.pr), f"Remove the preview of #{args.pr}",
                          branch=args.branch)
        where = preview_path(args.pr) + "/ (removed)"
    else:
        changed = publish(args.remote, lambda w: production(w, args.site), "Publish the site", branch=args.branch)
        where = "the root"
    print(f"deploy: {args.branch}: {where}{'' if changed else ': already up to date'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
