"""Filesystem hazards under maps/ (issue 9, section 3): symlinks of any name, fifos and other
special files, hidden folders, unreadable files and folders, names that are not UTF-8, a
folder named like a map, many files. Every run goes through the real command in a subprocess
with a timeout, so a regression that blocks (a fifo opened for reading) fails instead of hanging."""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.check.test_project_context import map_text

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(REPO / "site_config", root / "site_config")
    (root / "maps" / "banking").mkdir(parents=True)
    (root / "maps" / "banking" / "savings.yaml").write_text(map_text("savings"), encoding="utf-8")
    return root


def check(root: Path, *targets: str | bytes) -> tuple[int, list[dict], str]:
    script = Path(sys.executable).with_name("journeymaps")
    done = subprocess.run([str(script), "check", "--format", "json", "--today", "2026-11-23", *(targets or ["maps/"])],
                          cwd=root, capture_output=True, timeout=TIMEOUT)
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert "Traceback" not in out + err, out + err
    return done.returncode, json.loads(out)["findings"], err


def only(findings: list[dict], code: str) -> list[dict]:
    return [f for f in findings if f["code"] == code]


@pytest.mark.parametrize("name", ["pw.txt", "leak.yaml", "guide.md", "noext", "picture.png"])
def test_a_symlink_to_a_file_of_any_name_is_refused_and_named(proj: Path, name: str) -> None:
    os.symlink("/etc/passwd", proj / "maps" / "banking" / name)
    code, findings, _ = check(proj)
    assert code == 1
    links = only(findings, "symlink")
    assert [(f["path"], f["line"], f["col"], f["severity"]) for f in links] == [
        (f"maps/banking/{name}", 1, 1, "error")]
    assert links[0]["hint"]
    assert "root:" not in json.dumps(findings)  # the target was never read


def test_symlinked_folders_and_dangling_links_are_refused(proj: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "other.yaml").write_text(map_text("other"), encoding="utf-8")
    os.symlink(secret, proj / "maps" / "elsewhere")
    os.symlink(tmp_path / "nothing-here", proj / "maps" / "banking" / "dangling.yaml")
    os.symlink(proj / "maps" / "banking" / "savings.yaml", proj / "maps" / "banking" / "inside.yaml")
    code, findings, _ = check(proj)
    assert code == 1
    assert sorted(f["path"] for f in only(findings, "symlink")) == [
        "maps/banking/dangling.yaml", "maps/banking/inside.yaml", "maps/elsewhere"]
    assert "other" not in json.dumps(findings)


def test_a_symlink_named_on_the_command_line_is_refused(proj: Path) -> None:
    os.symlink("/etc/passwd", proj / "maps" / "banking" / "pw.yaml")
    code, findings, _ = check(proj, "maps/banking/pw.yaml")
    assert code == 1 and [f["path"] for f in only(findings, "symlink")] == ["maps/banking/pw.yaml"]


@pytest.mark.parametrize("name", ["fifo.yaml", "fifo"])
def test_a_fifo_is_reported_by_name_and_never_opened(proj: Path, name: str) -> None:
    os.mkfifo(proj / "maps" / "banking" / name)
    started = time.monotonic()
    code, findings, _ = check(proj)
    assert code == 1
    assert [f["path"] for f in only(findings, "not-a-file")] == [f"maps/banking/{name}"]
    # Named directly too: judged by lstat, so neither call blocks.
    code, findings, _ = check(proj, f"maps/banking/{name}")
    assert code == 1 and [f["path"] for f in only(findings, "not-a-file")] == [f"maps/banking/{name}"]
    assert time.monotonic() - started < TIMEOUT


def test_a_socket_is_reported_by_name(proj: Path, tmp_path: Path) -> None:
    path = proj / "maps" / "banking" / "s.yaml"
    with socket.socket(socket.AF_UNIX) as s:
        # AF_UNIX paths are limited to about 100 bytes: bind at a short name, then move the socket in.
        short = Path(tempfile.mkdtemp(dir="/tmp")) / "s"
        s.bind(str(short))
        os.rename(short, path)
        short.parent.rmdir()
        code, findings, _ = check(proj)
    assert code == 1 and [f["path"] for f in only(findings, "not-a-file")] == ["maps/banking/s.yaml"]


def test_a_hidden_folder_is_skipped_and_said(proj: Path) -> None:
    hidden = proj / "maps" / ".drafts"
    hidden.mkdir()
    (hidden / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    code, findings, _ = check(proj)
    assert code == 0  # skipped, so its broken file does not fail the check ...
    said = only(findings, "hidden-folder")
    assert [(f["path"], f["severity"]) for f in said] == [("maps/.drafts", "warning")]  # ... but the user learns it
    assert "skipped" in said[0]["message"] and said[0]["hint"]


def test_permission_errors_are_located_findings_with_hints(proj: Path, monkeypatch: pytest.MonkeyPatch,
                                                         vocabulary) -> None:
    # Unreadable files and folders, for any user (root reads everything, so the OS's refusal is
    # simulated): the check reports each as a located finding instead of failing.
    from journeymaps.check.runner import check_paths
    from journeymaps.load import source

    (proj / "maps" / "closed").mkdir()
    real_open, real_scandir = os.open, os.scandir

    def refusing_open(path, flags, *args):
        if str(path).endswith("savings.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    def refusing_scandir(path):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(source.os, "open", refusing_open)
    monkeypatch.setattr(source.os, "scandir", refusing_scandir)
    result = check_paths([proj / "maps"], vocabulary, root=proj)
    found = {(f.path, f.code): f for f in result.findings}
    for path in ("maps/banking/savings.yaml", "maps/closed"):
        f = found[(path, "unreadable")]
        assert f.severity == "error" and "Permission denied" in f.message and "chmod" in (f.hint or "")


def test_a_file_name_that_is_not_utf8_is_reported_printably(proj: Path) -> None:
    banking = os.fsencode(proj / "maps" / "banking")
    bad = banking + b"/caf\xe9.yaml"
    with open(bad, "wb") as fh:
        fh.write(map_text("cafe").encode())
    code, findings, _ = check(proj)
    assert code == 1
    named = only(findings, "file-name")
    assert len(named) == 1 and named[0]["path"] == "maps/banking/caf\ufffd.yaml"
    # The text format prints it too, without an encoding error.
    done = subprocess.run([str(Path(sys.executable).with_name("journeymaps")), "check", "--today", "2026-11-23"],
                          cwd=proj, capture_output=True, timeout=TIMEOUT)
    assert done.returncode == 1 and b"Traceback" not in done.stderr and "error[file-name]" in done.stdout.decode()


def test_a_folder_named_like_a_map_is_walked_not_opened(proj: Path) -> None:
    folder = proj / "maps" / "banking" / "odd.yaml"
    folder.mkdir()
    (folder / "inner.yaml").write_text(map_text("inner"), encoding="utf-8")
    code, findings, _ = check(proj, "maps/banking/odd.yaml")
    assert code == 1 and all(f["path"] == "maps/banking/odd.yaml/inner.yaml" for f in findings), findings
    assert only(findings, "wrong-folder")  # inner.yaml sits in odd.yaml/, not banking/


def test_many_files_are_checked_in_bounded_time(proj: Path) -> None:
    many = proj / "maps" / "banking" / "notes"
    many.mkdir()
    for i in range(5000):
        (many / f"n{i}.txt").write_bytes(b"")
    deep = proj / "maps" / "deep"
    for _ in range(200):
        deep = deep / "d"
    deep.mkdir(parents=True)
    started = time.monotonic()
    code, findings, _ = check(proj)
    assert code == 0, findings
    assert time.monotonic() - started < 30
