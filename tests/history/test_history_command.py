"""`journeymaps history MAP` on a temporary repository: three commits, one a rename."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from historyrepo import NEW, OLD, git

from journeymaps.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["history", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_commit_newest_first_with_its_changes(history_repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(history_repo)
    code, out, err = run(capsys, NEW, "--format", "json")
    assert (code, err) == (0, "")
    entries = json.loads(out)
    assert [e["subject"] for e in entries] == ["Rename the account map",
                                               "Pilot results: <script>alert(1)</script> | *fixed*",
                                               "Add the account map"]
    assert [e["path"] for e in entries] == [NEW, OLD, OLD]
    assert [e["state"] for e in entries] == ["changed", "changed", "added"]
    assert [e["date"][:10] for e in entries] == ["2026-11-03", "2026-11-02", "2026-11-01"]
    assert all(e["author"] == "Ana [Author](javascript:x)" and len(e["short"]) >= 7 for e in entries)
    assert entries[0]["commit"].startswith(entries[0]["short"])

    def changes(e: dict) -> list[tuple[str, str]]:
        return [(c["section"], c["text"]) for c in e["changes"]]

    renamed, pilot, added = entries
    assert changes(renamed) == [("emotions", "Robert at Awareness: -1 -> 0, better"),
                                ("other", f"file moved from {OLD} to {NEW}")]
    assert renamed["previous_path"] == OLD
    assert changes(pilot) == [("emotions", "Maya at Purchase: -1 -> +1, better"),
                              ("kpis", "KPI Ad click-through rate at Awareness: current 1% -> 1.2%, closer to the target")]
    # Map text is told apart from our words in the parts.
    assert {"map_text": "Maya", "quoted": False} in pilot["changes"][0]["parts"]
    assert added["changes"] == [] and added["summary"].startswith('"Opening an account", as-is, 3 stages')


def test_text_reads_like_the_diff(history_repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(history_repo / "maps")  # any folder inside the repository
    code, out, _ = run(capsys, "banking/opening-account.yaml")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"History of {NEW}: 3 commits, newest first"
    short = git(history_repo, "log", "-1", "--format=%h").strip()
    assert lines[2] == f"{short}  2026-11-03  Ana [Author](javascript:x)  Rename the account map"
    assert lines[3:8] == ["  changed", "  Emotions:", "    - Robert at Awareness: -1 -> 0, better",
                          "  Other edits:", f"    - file moved from {OLD} to {NEW}"]
    assert "    - Maya at Purchase: -1 -> +1, better" in lines
    assert "note:" not in out  # a full clone: no shortened-history note


def test_markdown_escapes_commit_text(history_repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(history_repo)
    code, out, _ = run(capsys, NEW, "--format", "markdown")
    assert code == 0
    assert "<script>" not in out and "](javascript" not in out
    assert "&lt;script&gt;" in out and "&#124;" in out and "&#42;fixed&#42;" in out
    assert "**Emotions**" in out and "- Maya at Purchase: -1 → +1, better" in out
    assert out.count("\n#### 2026-11-0") == 3


def test_shallow_clone_says_history_is_shortened(history_repo: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{history_repo}", str(clone)], check=True,
                   capture_output=True)
    monkeypatch.chdir(clone)
    code, out, _ = run(capsys, NEW)
    assert code == 0
    assert "note: history shortened: this clone has 2 commits; fetch the full history" in out
    assert "changes unknown: the commit before it is not in this clone" in out
    code, out, err = run(capsys, NEW, "--format", "json")
    entries = json.loads(out)
    assert [e["state"] for e in entries] == ["changed", "unknown"]
    assert "history shortened" in err


def test_a_folder_outside_git_gets_a_clear_message(history_repo: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(history_repo / "maps", plain / "maps")
    monkeypatch.chdir(plain)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, out, err = run(capsys, NEW)
    assert code == 2 and out == ""
    assert err.startswith(f"journeymaps: error: {NEW}: not inside a git repository;")
    assert "clone" in err and "Traceback" not in err


def test_an_untracked_map_gets_a_clear_message(history_repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(history_repo)
    code, _, err = run(capsys, "maps/banking/never-committed.yaml")
    assert code == 2 and "no commit in this repository changed it" in err


@pytest.mark.parametrize("lang, title, emotions, better", [
    ("zh", "的历史：3 个提交，最新的在前", "  情绪：", "变好"),
    ("pl", ": 3 rewizje, od najnowszej", "  Emocje:", "lepiej"),
])
def test_the_history_speaks_the_language_asked_for(history_repo: Path, capsys, monkeypatch,
                                                   lang: str, title: str, emotions: str, better: str) -> None:
    monkeypatch.chdir(history_repo)
    code, out, _ = run(capsys, NEW, "--lang", lang)
    assert code == 0
    lines = out.splitlines()
    assert title in lines[0] and NEW in lines[0]
    assert emotions in lines and any(better in line and "Maya" in line for line in lines)
    assert "newest first" not in out and "better" not in out and "Emotions" not in out
    # Without --lang (and no language in the environment) the history reads English.
    for name in ("JOURNEYMAPS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert run(capsys, NEW)[1].splitlines()[0] == f"History of {NEW}: 3 commits, newest first"
