"""The build publishes only what it generated (issue 9 section 3, build side).

MkDocs copies every non-Markdown file of docs_dir into the site, and follows symlinks while
doing it; docs_dir is maps/. A symlink to a secret, a stray file and a fifo next to the maps
must neither reach site/ nor block the build. Each build runs in a subprocess with a time
limit, so a build that blocks on a fifo fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import TODAY

SECRET = "journeymaps-test-secret-7f3a"
BUILD_TIMEOUT = 240


def _plant(folder: Path, outside: Path) -> None:
    """A symlink out of the project, stray files and a fifo, none of which a map or guide."""
    secret = outside / "secret.txt"
    secret.write_text(SECRET + "\n")
    (folder / "banking").mkdir(parents=True, exist_ok=True)
    (folder / "banking" / "pw.txt").symlink_to(secret)
    (folder / "banking" / "notes.txt").write_text("stray " + SECRET + "\n")
    (folder / "stray.html").write_text(f"<p>{SECRET}</p>\n")
    # A stray file at a theme asset's path would replace the site's own script.
    (folder / "assets" / "javascripts").mkdir(parents=True, exist_ok=True)
    (folder / "assets" / "javascripts" / "journeymaps.js").write_text(f"alert('{SECRET}')\n")
    os.mkfifo(folder / "banking" / "pipe.txt")


def _build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "journeymaps", "build", "--config-file", str(root / "mkdocs.yml"),
           "--out", str(out), "--today", TODAY]
    try:
        return subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build did not finish in {BUILD_TIMEOUT} s (blocked on the fifo?)")


def _leaks(out: Path) -> list[str]:
    if not out.exists():
        return []
    found = []
    for path in out.rglob("*"):
        if path.is_symlink():
            found.append(f"{path.relative_to(out)} (symlink)")
        elif path.is_file() and SECRET.encode() in path.read_bytes():
            found.append(str(path.relative_to(out)))
    return sorted(found)


def test_nothing_from_docs_dir_is_published(project_copy, tmp_path: Path) -> None:
    """With docs_dir apart from maps/, the check never sees these files: only the build decides."""
    root = project_copy()
    _plant(root / "docs", tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: maps", "docs_dir: docs"), encoding="utf-8")
    out = tmp_path / "site"
    result = _build(root, out)
    assert result.returncode == 0, result.stderr
    assert _leaks(out) == []
    assert not (out / "banking" / "pw.txt").exists() and not (out / "stray.html").exists()
    assert not (out / "banking" / "notes.txt").exists() and not (out / "banking" / "pipe.txt").exists()
    # The theme's script is back in place of the stray one, and the maps are all there.
    theme_js = Path(__file__).resolve().parents[2] / "theme" / "assets" / "javascripts" / "journeymaps.js"
    assert (out / "assets" / "javascripts" / "journeymaps.js").read_bytes() == theme_js.read_bytes()
    assert (out / "maps" / "online-banking" / "index.html").is_file()


def test_nothing_planted_under_maps_is_published(project_copy, tmp_path: Path) -> None:
    """Under maps/ the check may refuse a symlink or fifo by name (then nothing is written);
    either way the build finishes in bounded time and publishes none of them."""
    root = project_copy()
    _plant(root / "maps", tmp_path)
    out = tmp_path / "site"
    result = _build(root, out)
    assert _leaks(out) == []
    if result.returncode == 0:
        assert (out / "maps" / "online-banking" / "index.html").is_file()
        assert not (out / "banking").exists() and not (out / "stray.html").exists()
    else:
        assert "pw.txt" in result.stdout + result.stderr and not out.exists(), result.stdout + result.stderr
