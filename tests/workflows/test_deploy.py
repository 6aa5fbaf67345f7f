"""Publishing on gh-pages: a preview lands in its own folder, production and other previews stay.

A bare repository stands in for GitHub; its `gh-pages` branch holds a production site, a
custom domain and the preview of another pull request. Each test runs the command the
workflows run, with the standard library only (`-S`: no site-packages), as the publishing
job does from a checkout of the base branch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from preview_repo import git

from journeymaps.preview.artifact import Refused, comment_text, inspect, unpack

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
PRODUCTION = {"index.html": "<h1>production</h1>", "assets/site.css": "body{}", "CNAME": "maps.example.org",
              ".nojekyll": "", "pr-preview/pr-3/index.html": "<h1>preview of 3</h1>"}


def deploy(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "PYTHONPATH": str(GENERATOR),
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run([sys.executable, "-S", "-P", "-m", "journeymaps.preview.deploy", *map(str, args)],
                          capture_output=True, text=True, env=env)


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def tree(remote: Path) -> dict[str, str]:
    """Path -> blob id of every file on the remote's gh-pages branch."""
    out = git(remote, "ls-tree", "-r", "gh-pages")
    return {line.split("\t", 1)[1]: line.split()[2] for line in out.splitlines()}


def content(remote: Path, path: str) -> str:
    return git(remote, "show", f"gh-pages:{path}")


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    seed = write(tmp_path / "seed", PRODUCTION)
    git(seed, "init", "-q", "-b", "gh-pages")
    git(seed, "add", "-A")
    git(seed, "commit", "-qm", "production")
    bare = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(seed), str(bare)], check=True)
    return bare


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write(tmp_path / "site", {"index.html": "<h1>preview of 7</h1>", "maps/online-banking/index.html": "map",
                                      "maps/online-banking/online-banking.svg": "<svg/>",
                                      "assets/stylesheets/main.css": "p{}", "404.html": "not found"})


def test_a_preview_lands_in_its_folder_and_nothing_else_changes(remote: Path, site: Path) -> None:
    before = tree(remote)
    proc = deploy("preview", "--remote", remote, "--site", site, "--pr", "7")
    assert proc.returncode == 0, proc.stderr
    after = tree(remote)
    added = {p: b for p, b in after.items() if p not in before}
    assert sorted(added) == ["pr-preview/pr-7/404.html", "pr-preview/pr-7/assets/stylesheets/main.css",
                             "pr-preview/pr-7/index.html", "pr-preview/pr-7/maps/online-banking/index.html",
                             "pr-preview/pr-7/maps/online-banking/online-banking.svg"]
    assert {p: after[p] for p in before} == before  # production, CNAME and the other preview: same bytes
    assert content(remote, "pr-preview/pr-7/index.html") == "<h1>preview of 7</h1>"
    assert git(remote, "log", "-1", "--format=%an: %s", "gh-pages").strip() == "github-actions[bot]: Preview of #7"


def test_a_new_push_replaces_the_preview_and_an_unchanged_one_commits_nothing(remote: Path, site: Path) -> None:
    assert deploy("preview", "--remote", remote, "--site", site, "--pr", "7").returncode == 0
    (site / "maps" / "online-banking" / "online-banking.svg").unlink()
    (site / "index.html").write_text("<h1>second push</h1>", encoding="utf-8")
    assert deploy("preview", "--remote", remote, "--site", site, "--pr", "7").returncode == 0
    files = tree(remote)
    assert "pr-preview/pr-7/maps/online-banking/online-banking.svg" not in files  # no stale files
    assert content(remote, "pr-preview/pr-7/index.html") == "<h1>second push</h1>"
    commits = git(remote, "rev-list", "--count", "gh-pages")
    proc = deploy("preview", "--remote", remote, "--site", site, "--pr", "7")
    assert proc.returncode == 0 and "already up to date" in proc.stderr
    assert git(remote, "rev-list", "--count", "gh-pages") == commits


def test_closing_removes_the_preview_only(remote: Path, site: Path) -> None:
    assert deploy("preview", "--remote", remote, "--site", site, "--pr", "7").returncode == 0
    proc = deploy("remove", "--remote", remote, "--pr", "7")
    assert proc.returncode == 0, proc.stderr
    files = tree(remote)
    assert not any(p.startswith("pr-preview/pr-7/") for p in files)
    assert set(files) == set(PRODUCTION)  # production and the other preview are still there
    assert deploy("remove", "--remote", remote, "--pr", "7").returncode == 0  # closing twice is harmless


def test_production_replaces_the_root_and_keeps_previews_and_domain(remote: Path, tmp_path: Path) -> None:
    new = write(tmp_path / "prod", {"index.html": "<h1>new production</h1>", "search/search_index.json": "{}"})
    proc = deploy("production", "--remote", remote, "--site", new)
    assert proc.returncode == 0, proc.stderr
    assert set(tree(remote)) == {"index.html", "search/search_index.json", "CNAME", ".nojekyll",
                                 "pr-preview/pr-3/index.html"}  # the old assets/ went, the preview stayed
    assert content(remote, "index.html") == "<h1>new production</h1>"


def test_the_first_deployment_creates_the_branch(tmp_path: Path, site: Path) -> None:
    bare = tmp_path / "empty.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    assert deploy("preview", "--remote", bare, "--site", site, "--pr", "12").returncode == 0
    assert {".nojekyll", "pr-preview/pr-12/index.html"} <= set(tree(bare))


# --- crafted artifacts --------------------------------------------------------------------

def refused(remote: Path, site: Path, pr: str = "7") -> str:
    before = tree(remote)
    proc = deploy("preview", "--remote", remote, "--site", site, "--pr", pr)
    assert proc.returncode != 0
    assert tree(remote) == before  # nothing was published
    return proc.stderr


def test_a_symlink_in_the_artifact_is_refused(remote: Path, site: Path) -> None:
    os.symlink("/etc/passwd", site / "passwd.html")
    os.symlink("/etc", site / "assets" / "etc")
    err = refused(remote, site)
    assert "passwd.html: a symbolic link (only regular files are published)" in err
    assert "assets/etc: a symbolic link" in err
    assert "nothing was published" in err


def test_special_files_and_foreign_kinds_are_refused(remote: Path, site: Path) -> None:
    os.mkfifo(site / "pipe.html")
    (site / "payload.exe").write_bytes(b"MZ")
    err = refused(remote, site)
    assert "pipe.html: a special file (device, pipe or socket), not a regular file" in err
    assert "payload.exe: not a kind of file a site is made of" in err


@pytest.mark.parametrize("name", [".git", ".htaccess", "-rf.html", "line\nbreak.html", "evil\u202egnp.html",
                                  "tab\t.html", "caf\u00e9.html", "back\\slash.html", "trailing.", "x" * 200 + ".html"])
def test_hostile_file_names_are_refused(remote: Path, site: Path, name: str) -> None:
    (site / name).write_text("x", encoding="utf-8")
    err = refused(remote, site)
    assert "hostile file name" in err
    assert "\n" not in err.split("hostile file name")[0].rsplit("  - ", 1)[1]  # the name cannot forge a line


def test_an_oversized_artifact_is_refused(remote: Path, site: Path) -> None:
    with open(site / "huge.png", "wb") as f:  # sparse: large without filling the disk
        f.truncate(201 * 1024 * 1024)
    assert "too large: more than 10000 files or 200 MiB" in refused(remote, site)


def test_too_many_files_are_refused(site: Path) -> None:
    for i in range(30):
        (site / f"p{i}.html").write_text("x", encoding="utf-8")
    with pytest.raises(Refused, match="more than 20 files"):
        inspect(site, max_files=20)


def test_a_bad_pull_request_number_is_refused(remote: Path, site: Path) -> None:
    for bad in ("../3", "0", "07", "7e3", "7/../../x", "1234567890"):
        proc = deploy("preview", "--remote", remote, "--site", site, "--pr", bad)
        assert proc.returncode == 2 and "not a pull-request number" in proc.stderr


def test_a_site_without_a_home_page_is_refused(remote: Path, site: Path) -> None:
    (site / "index.html").unlink()
    assert "no index.html at the top of the site" in refused(remote, site)


# --- the zip as GitHub serves it ----------------------------------------------------------

def make_zip(path: Path, entries: list[tuple[str, bytes, int]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = mode << 16
            zf.writestr(info, data)
    return path


def test_a_good_zip_unpacks(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "a.zip", [("site/index.html", b"<h1>x</h1>", 0o100644), ("pr.txt", b"7\n", 0o100644),
                                            ("comment.md", b"hello", 0o100644)])
    proc = deploy("unpack", archive, "--out", tmp_path / "a")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "a" / "site" / "index.html").read_bytes() == b"<h1>x</h1>"
    proc = deploy("number", tmp_path / "a" / "pr.txt")
    assert proc.stdout == "7\n"


@pytest.mark.parametrize("name, mode, expected", [
    ("../../outside.html", 0o100644, "'.' or '..' component"),
    ("site/../../x.html", 0o100644, "'.' or '..' component"),
    ("/etc/cron.d/x", 0o100644, "an absolute path"),
    ("C:/x.html", 0o100644, "an absolute path"),
    ("site/link.html", 0o120777, "a symbolic link"),
    ("site/dev.html", 0o020644, "a special file"),
    ("site/.git/config", 0o100644, "hostile file name"),
])
def test_a_crafted_zip_is_refused_and_nothing_is_written(tmp_path: Path, name: str, mode: int, expected: str) -> None:
    archive = make_zip(tmp_path / "a.zip", [("site/index.html", b"ok", 0o100644), (name, b"/etc/passwd", mode)])
    proc = deploy("unpack", archive, "--out", tmp_path / "a")
    assert proc.returncode == 1
    assert expected in proc.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "outside.html").exists()


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("site/index.html", b"\0" * (3 * 1024 * 1024))
    with pytest.raises(Refused, match="too large"):
        unpack(archive, tmp_path / "a", max_bytes=1024 * 1024)
    assert not (tmp_path / "a").exists()


def test_the_comment_is_read_as_capped_text(tmp_path: Path) -> None:
    assert comment_text(b"ok\x1b[31m red\x00\n\xff") == "ok[31m red\n\ufffd"
    long = comment_text(("line\n" * 20_000).encode(), limit=1000)
    assert len(long) < 1100 and long.endswith("(cut: the comment was too long)\n")
    os.symlink("/etc/passwd", tmp_path / "comment.md")
    proc = deploy("comment", tmp_path / "comment.md", "--out", tmp_path / "body.md")
    assert proc.returncode == 1 and "cannot be read as a plain file" in proc.stderr
