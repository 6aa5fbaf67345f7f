"""The pre-commit hook: `pre-commit try-repo` with this repository passes on good maps, fails on a broken one.

pre-commit builds the hook's environment by pip-installing this repository from PyPI
packages (about half a minute), so these tests are marked slow; the environment is built
once per session and reused.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
BROKEN = "id: broken\ntitle: [unclosed\n"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, **ENV}).stdout


def commit_copy(source: Path, dest: Path, paths: list[str]) -> Path:
    dest.mkdir(parents=True)
    git(dest, "init", "-q", "-b", "main")
    for rel in paths:
        src = source / rel
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target)
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "snapshot")
    return dest


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"})


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory, repo: Path) -> Path:
    """This repository as pre-commit would clone it: the files git tracks or would track."""
    listed = subprocess.run(["git", "-C", str(repo), "ls-files", "-co", "--exclude-standard", "-z"], check=True,
                            capture_output=True).stdout.decode().split("\0")
    files = [p for p in listed if p and (repo / p).is_file() and not p.startswith("tests/")]
    return commit_copy(repo, tmp_path_factory.mktemp("hook") / "journeymaps", files)


@pytest.fixture(scope="session")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def user_repo(tmp_path: Path, repo: Path) -> Path:
    """Another team's repository with the journeymaps layout."""
    return commit_copy(repo, tmp_path / "user", ["site_config", "maps"])


def try_repo(user: Path, hook: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    rev = git(hook, "rev-parse", "HEAD").strip()
    return pre_commit(user, home, "try-repo", str(hook), "journeymaps-check", "--ref", rev, "--files", *files)


def test_try_repo_passes_on_the_sample_maps(user_repo: Path, hook_repo: Path, home: Path) -> None:
    proc = try_repo(user_repo, hook_repo, home, "maps/banking/online-banking.yaml", "maps/fashion/fashion-store.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "journeymaps check" in proc.stdout and "Passed" in proc.stdout


def test_try_repo_fails_on_a_broken_map(user_repo: Path, hook_repo: Path, home: Path) -> None:
    (user_repo / "maps" / "banking" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    git(user_repo, "add", "-A")
    proc = try_repo(user_repo, hook_repo, home, "maps/banking/broken.yaml")
    assert proc.returncode == 1
    assert "Failed" in proc.stdout
    assert "maps/banking/broken.yaml:3:1: error[yaml-syntax]" in proc.stdout


def test_the_projects_own_config(tmp_path: Path, repo: Path, home: Path) -> None:
    own = commit_copy(repo, tmp_path / "own", ["generator", "site_config", "maps", ".pre-commit-config.yaml"])
    proc = pre_commit(own, home, "run", "journeymaps-check", "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (own / "maps" / "banking" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    git(own, "add", "-A")
    proc = pre_commit(own, home, "run", "journeymaps-check", "--files", "maps/banking/broken.yaml")
    assert proc.returncode == 1 and "maps/banking/broken.yaml:3:1: error[yaml-syntax]" in proc.stdout
