"""A temporary git repository standing in for GitHub in the pull-request preview tests.

`main` holds this project's mkdocs.yml, theme/, site_config/ and maps/; `start_pull_request`
branches `pr` off it, and `pull_request` commits the branch and returns to `main` (as in CI,
the work tree is the base). Shared by tests/workflows/ and tests/browser/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

MAP_PATH = Path("maps") / "banking" / "online-banking.yaml"
OLD_TITLE = "Opening and growing with an online bank account"
NEW_TITLE = "Opening and growing with an online bank"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def start_pull_request(dest: Path, project: Path) -> Path:
    """A repository at ``dest`` whose `main` is ``project``'s site, checked out on a new branch `pr`."""
    dest.mkdir()
    git(dest, "init", "-q", "-b", "main")
    for name in ("site_config", "theme", "maps"):
        shutil.copytree(project / name, dest / name)
    shutil.copy(project / "mkdocs.yml", dest / "mkdocs.yml")
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "base")
    git(dest, "checkout", "-qb", "pr")
    return dest


def retitle_map(r: Path) -> None:
    path = r / MAP_PATH
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {OLD_TITLE}", f"title: {NEW_TITLE}", 1),
                    encoding="utf-8")


def pull_request(r: Path) -> None:
    git(r, "add", "-A")
    git(r, "commit", "-qm", "pr")
    git(r, "checkout", "-q", "main")
