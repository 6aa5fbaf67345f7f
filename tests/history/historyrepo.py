"""Builds a temporary git repository where one map changes in three commits, the last a rename."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


BEFORE = Path(__file__).parents[1] / "diff" / "cases" / "emotions" / "before" / "maps" / "banking" / "account.yaml"
OLD, NEW = "maps/banking/account.yaml", "maps/banking/opening-account.yaml"
ENV = {"GIT_AUTHOR_NAME": "Ana [Author](javascript:x)", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
       "GIT_AUTHOR_DATE": "2026-11-0{n}T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-11-0{n}T10:00:00+00:00"}


def git(repo: Path, *args: str, n: int = 1) -> str:
    env = {**os.environ, **{k: v.format(n=n) for k, v in ENV.items()}}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_history(r: Path, site_config: Path) -> Path:
    """Three commits: the map added; Maya's Purchase score and a KPI's current value changed;
    the file renamed with Robert's Awareness score changed. Returns the repository."""
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    shutil.copytree(site_config, r / "site_config")
    (r / "maps" / "banking").mkdir(parents=True)
    shutil.copy(BEFORE, r / OLD)
    git(r, "add", "-A")
    git(r, "commit", "-q", "-m", "Add the account map", n=1)
    edit(r / OLD, "emotions: {maya: -1, robert: -2}", "emotions: {maya: 1, robert: -2}")
    edit(r / OLD, "target: 1.4, current: 1.0}", "target: 1.4, current: 1.2}")
    git(r, "commit", "-q", "-am", "Pilot results: <script>alert(1)</script> | *fixed*", n=2)
    git(r, "mv", OLD, NEW)
    edit(r / NEW, "emotions: {maya: 0, robert: -1}", "emotions: {maya: 0, robert: 0}")
    git(r, "commit", "-q", "-am", "Rename the account map", n=3)
    return r
