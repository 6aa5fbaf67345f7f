"""`journeymaps diff` between two real git revisions of a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from journeymaps.cli import main
from journeymaps.diff import diff
from journeymaps.diff import text as text_report

CASES = Path(__file__).parent / "cases"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def commit_tree(repo: Path, source: Path, message: str) -> str:
    shutil.rmtree(repo / "maps", ignore_errors=True)
    shutil.copytree(source / "maps", repo / "maps")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path, repo: Path) -> Path:  # noqa: F811 - shadows the session fixture on purpose
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    shutil.copytree(repo / "site_config", r / "site_config")
    return r


EXPECTED = """\
Journey map changes: main~1 -> main
1 changed, 0 added, 0 removed, 0 unchanged

account: changed
  "Opening an account" (maps/banking/account.yaml)
  Emotions:
    - Robert at Awareness: score -1 removed
    - Robert at Consideration: 0 -> -1, worse
    - Maya at Purchase: -1 -> +1, better
"""


def test_two_revisions(repo: Path, vocabulary) -> None:
    commit_tree(repo, CASES / "emotions" / "before", "before")
    commit_tree(repo, CASES / "emotions" / "after", "after")
    report = diff("main~1", "main", vocab=vocabulary, cwd=repo)
    assert text_report.render(report) == EXPECTED


def test_command_reads_revisions_without_touching_the_work_tree(repo: Path, monkeypatch, capsys) -> None:
    first = commit_tree(repo, CASES / "pain-points" / "before", "before")
    second = commit_tree(repo, CASES / "pain-points" / "after", "after")
    # A dirty work tree must neither be read nor changed: the sides are the commits.
    (repo / "maps" / "banking" / "account.yaml").write_text("not: [a, map", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["diff", first, second]) == 0
    out = capsys.readouterr().out
    assert '- added medium pain point at Purchase: "Manual review takes two days"' in out
    assert (repo / "maps" / "banking" / "account.yaml").read_text(encoding="utf-8") == "not: [a, map"
    assert git(repo, "status", "--porcelain") == " M maps/banking/account.yaml\n"


def test_revision_against_work_tree_folder(repo: Path, monkeypatch, capsys) -> None:
    commit_tree(repo, CASES / "kpis" / "before", "before")
    shutil.copy(CASES / "kpis" / "after" / "maps" / "banking" / "account.yaml", repo / "maps" / "banking")
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD", "."]) == 0
    assert "added KPI at Purchase: Median time to open, baseline 19 min, target 8 min" in capsys.readouterr().out


def test_symlink_in_a_revision_is_reported_not_followed(repo: Path, vocabulary, tmp_path: Path) -> None:
    commit_tree(repo, CASES / "map-added" / "before", "empty")
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n", encoding="utf-8")
    os.symlink(secret, repo / "maps" / "banking" / "leak.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "link")
    report = diff("HEAD~1", "HEAD", vocab=vocabulary, cwd=repo)
    assert report.maps == ()
    assert text_report.render(report).splitlines()[2] == \
        "warning: HEAD: maps/banking/leak.yaml is a symbolic link; not read"


def test_invalid_yaml_on_head_is_reported_not_raised(repo: Path, vocabulary) -> None:
    commit_tree(repo, CASES / "emotions" / "before", "before")
    (repo / "maps" / "banking" / "account.yaml").write_text("id: account\ntitle: [unclosed\n", encoding="utf-8")
    git(repo, "commit", "-qam", "broken")
    out = text_report.render(diff("HEAD~1", "HEAD", vocab=vocabulary, cwd=repo))
    assert "account: invalid on HEAD: 1 error\n" in out


@pytest.mark.parametrize("rev", ["no-such-branch", "--output=/tmp/x", "-p"])
def test_unknown_or_option_like_revision_is_a_usage_error(repo: Path, monkeypatch, capsys, rev: str) -> None:
    commit_tree(repo, CASES / "emotions" / "before", "before")
    monkeypatch.chdir(repo)
    assert main(["diff", "--", rev, "HEAD"]) == 2
    assert "is neither a folder nor a git revision" in capsys.readouterr().err
