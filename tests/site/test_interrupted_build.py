"""A build killed outright leaves its temporary folder; the next build removes it (issue 9 section 4),
and never a folder a running build still writes to, nor one that is not ours."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sitebuild import TODAY

from journeymaps.engine.atomic import LEGACY_AGE_S, build_and_swap


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_the_next_build_sweeps_folders_of_dead_builds_only(tmp_path: Path) -> None:
    out = tmp_path / "site"
    dead, alive = _dead_pid(), os.getppid()
    stale = [tmp_path / f"site.new-{dead}-ab12cd_9", tmp_path / f"site.old-{dead}-zz00zz00"]
    live = tmp_path / f"site.new-{alive}-running1"  # a build still running in another process
    old_style = tmp_path / "site.new-k3j4h5g6"       # named before the pid was, untouched for 2 days
    recent_old_style = tmp_path / "site.new-q1w2e3r4"
    not_ours = [tmp_path / "site.news", tmp_path / f"mysite.new-{dead}-ab12cd_9", tmp_path / "site.new-notes"]
    for d in [*stale, live, old_style, recent_old_style, *not_ours]:
        d.mkdir()
        (d / "index.html").write_text("x")
    two_days_ago = time.time() - 2 * LEGACY_AGE_S
    os.utime(old_style, (two_days_ago, two_days_ago))
    heard: list[list[Path]] = []

    build_and_swap(out, lambda tmp: (tmp / "index.html").write_text("new"), on_swept=heard.append)

    assert (out / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["site", live.name, recent_old_style.name, *(d.name for d in not_ours)])
    assert [sorted(p.name for p in h) for h in heard] == [sorted([*(d.name for d in stale), old_style.name])]


def test_kill_9_during_a_build_leaves_nothing_after_the_next(project_copy, tmp_path: Path) -> None:
    root = project_copy()
    out = tmp_path / "out" / "site"
    cmd = [sys.executable, "-m", "journeymaps", "build", "--config-file", str(root / "mkdocs.yml"),
           "--out", str(out), "--today", TODAY]
    victim = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(out.parent.glob("site.new-*")) and time.monotonic() < deadline and victim.poll() is None:
        time.sleep(0.05)
    assert victim.poll() is None, "the build ended before it could be interrupted"
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=30)
    left = [p.name for p in out.parent.glob("site.new-*")]
    assert left, "kill -9 left no temporary folder: nothing to sweep"

    again = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=240)

    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]
    assert f"removed 1 folder(s) left by interrupted builds: {left[0]}" in again.stderr
