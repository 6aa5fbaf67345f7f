"""The pull-request preview: the PR's maps are data; its config, theme and code never run.

A temporary repository stands in for GitHub: `main` holds the real mkdocs.yml, theme/,
site_config/ and maps/; each test adds a pull-request branch and runs the same entry point
the workflow runs (`python -m journeymaps.preview`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from preview_repo import git, pull_request, retitle_map, start_pull_request

from journeymaps.preview.build import build_env, run_preview
from journeymaps.preview.gate import judge

TODAY = "2026-11-23"


@pytest.fixture
def gh(tmp_path: Path, repo: Path) -> Path:
    """A repository whose `main` is this project's site configuration and maps."""
    return start_pull_request(tmp_path / "gh", repo)


PREVIEW_URL = "https://journeymaps.github.io/journeymaps/pr-preview/pr-7/"


def preview(r: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journeymaps.preview", "--repo", str(r), "--base", "main",
                           "--head", "pr", "--out", str(out), "--today", TODAY, *extra], capture_output=True, text=True)


def test_refuses_a_pull_request_that_changes_mkdocs_yml(gh: Path, tmp_path: Path) -> None:
    retitle_map(gh)
    with (gh / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("hooks: [evil.py]\n")
    (gh / "evil.py").write_text("import os; os.system('touch /tmp/pwned')\n", encoding="utf-8")
    pull_request(gh)
    out = tmp_path / "out"
    proc = preview(gh, out)
    assert proc.returncode == 1
    assert (out / "status").read_text() == "refused\n"
    comment = unescape((out / "comment.md").read_text(encoding="utf-8"))
    assert "Not built: this pull request cannot be previewed." in comment
    assert "changes files outside maps/: evil.py, mkdocs.yml" in comment
    assert not (out / "site").exists() and not (out / "tree").exists()


def test_refuses_a_symlink_in_the_maps_folder(gh: Path, tmp_path: Path) -> None:
    os.symlink("/etc/passwd", gh / "maps" / "banking" / "passwd.yaml")
    pull_request(gh)
    out = tmp_path / "out"
    assert preview(gh, out).returncode == 1
    comment = unescape((out / "comment.md").read_text(encoding="utf-8"))
    assert "symbolic links are not allowed under maps/: maps/banking/passwd.yaml" in comment


def test_refuses_files_that_are_not_maps(gh: Path, tmp_path: Path) -> None:
    (gh / "maps" / "banking" / "page.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    pull_request(gh)
    verdict = run_preview(gh, "main", "pr", tmp_path / "out")
    assert verdict.status == "refused"
    assert "only .yaml, .yml, .md, .csv files are allowed under maps/: maps/banking/page.html" in unescape(verdict.comment)


def test_a_base_change_after_the_fork_is_not_blamed_on_the_pull_request(gh: Path, tmp_path: Path) -> None:
    retitle_map(gh)
    pull_request(gh)
    with (gh / "mkdocs.yml").open("a", encoding="utf-8") as f:  # main moves on after the PR branched
        f.write("# a later change on main\n")
    git(gh, "commit", "-qam", "main moves on")
    verdict = judge(gh, "main", "pr")
    assert verdict.accepted and verdict.changed == ("maps/banking/online-banking.yaml",)


def test_build_environment_carries_no_tokens(monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "ghs_secret")
    monkeypatch.setenv("ACTIONS_RUNTIME_TOKEN", "secret")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    assert set(build_env()) <= {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JOURNEYMAPS_TODAY", "SOURCE_DATE_EPOCH"}


@pytest.mark.slow
def test_builds_the_pull_request_maps_with_the_base_configuration(gh: Path, tmp_path: Path, monkeypatch) -> None:
    retitle_map(gh)
    pull_request(gh)
    # The base's mkdocs.yml is what counts: mark it so the built site shows it was used.
    base_config = (gh / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "site_name: journeymaps", "site_name: Base configuration marker", 1)
    (gh / "mkdocs.yml").write_text(base_config, encoding="utf-8")
    git(gh, "commit", "-qam", "main: rename the site")
    out = tmp_path / "out"
    proc = preview(gh, out, "--site-url", PREVIEW_URL)
    assert proc.returncode == 0, (out / "build.log").read_text(encoding="utf-8") if (out / "build.log").exists() \
        else proc.stderr
    assert (out / "status").read_text() == "built\n"
    assert (out / "tree" / "mkdocs.yml").read_text(encoding="utf-8") == base_config
    page = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "Base configuration marker" in page
    built = "".join(p.read_text(encoding="utf-8") for p in (out / "site").rglob("*.html"))
    assert "Opening and growing with an online bank<" in built  # the PR's title, from its maps/
    # The base's default: no PNG or PDF drawn (the reader's browser makes them), so a preview is quick.
    assert not [p for p in (out / "site" / "maps").rglob("*") if p.suffix in (".png", ".pdf")]
    # Built for its sub-path: the 404 page, served at any depth, links from the preview's root.
    not_found = (out / "site" / "404.html").read_text(encoding="utf-8")
    assert 'href="/journeymaps/pr-preview/pr-7/' in not_found
    comment = unescape((out / "comment.md").read_text(encoding="utf-8"))
    assert comment.startswith("<!-- journeymaps-diff -->\n### Journey map preview\n")
    assert f"**[Open the preview]({PREVIEW_URL})** · [Changes in this pull request]({PREVIEW_URL}changes/)" in comment
    assert f"- [Opening and growing with an online bank]({PREVIEW_URL}maps/online-banking/) (changed)" in comment
    assert (f"  ![Emotion before and after: Opening and growing with an online bank]"
            f"({PREVIEW_URL}changes/online-banking-emotion.svg)") in comment
    assert ('- title "Opening and growing with an online bank account" → "Opening and growing with an online bank"'
            in comment)
    # Every link of the comment points at a file of the built site.
    for url in re.findall(r"\((https://[^)]+)\)", comment):
        rel = url.removeprefix(PREVIEW_URL)
        assert (out / "site" / rel).is_file() or (out / "site" / rel / "index.html").is_file(), url
    changes = (out / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../maps/online-banking/">open the map page</a>' in changes
    for which in ("emotion", "before", "after"):
        assert f'src="online-banking-{which}.svg"' in changes
        assert (out / "site" / "changes" / f"online-banking-{which}.svg").is_file()


def test_a_site_url_that_could_break_out_of_a_link_is_refused(gh: Path, tmp_path: Path) -> None:
    retitle_map(gh)
    pull_request(gh)
    proc = preview(gh, tmp_path / "out", "--site-url", "https://x.github.io/r/pr-preview/pr-7/)[evil](https://e/")
    assert proc.returncode == 2 and "not a plain http(s) URL ending in '/'" in proc.stderr
